// Drives the REAL @actions/artifact client (no module mocks) against the local
// test double of the artifact service in __fixtures__/artifact-service.ts.

import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { type ArtifactService, startArtifactService, type UploadedArtifact } from '../__fixtures__/artifact-service.js';
import { readZipEntries } from '../__fixtures__/zip.js';

const CSV = [
  'key,owner,note,quota',
  'qk_1,张三,"他说 ""你好, 世界""",1000',
  'qk_2,李四,"多行\n备注：包含逗号, 和 ""引号""",250',
  'qk_3,王五,普通备注,0',
  '',
].join('\r\n');

const TWIRP = '/twirp/github.actions.results.api.v1.ArtifactService';
const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

/** What the client computes: `retentionDays` calendar days from now, in local time. */
function expectedExpiry(days: number): number {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return d.getTime();
}

let current: ArtifactService | undefined;
let savedEnv: Record<string, string | undefined>;
let workDir: string;
let stdout: string[];

/** Starts the double and points the client at it through process.env (restored in afterEach). */
async function withService(opts?: Parameters<typeof startArtifactService>[0]): Promise<ArtifactService> {
  const service = await startArtifactService(opts);
  current = service;
  savedEnv = {};
  for (const [key, value] of Object.entries(service.env)) {
    savedEnv[key] = process.env[key];
    process.env[key] = value;
  }
  return service;
}

async function writeCsv(name: string, content = CSV): Promise<string> {
  const file = join(workDir, name);
  await writeFile(file, content, 'utf8');
  return file;
}

async function upload(name: string, file: string, retentionDays?: number) {
  const { DefaultArtifactClient } = await import('@actions/artifact');
  return new DefaultArtifactClient().uploadArtifact(name, [file], workDir, retentionDays ? { retentionDays } : {});
}

function only(artifacts: UploadedArtifact[]): UploadedArtifact {
  expect(artifacts).toHaveLength(1);
  return artifacts[0]!;
}

beforeEach(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'artifact-service-'));
  // @actions/core logs (and ::add-mask:: commands) go to stdout: keep them out of the jest output.
  stdout = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout.push(String(chunk));
    return true;
  });
});

afterEach(async () => {
  jest.restoreAllMocks();
  for (const [key, value] of Object.entries(savedEnv ?? {})) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  savedEnv = {};
  await current?.close();
  current = undefined;
  await rm(workDir, { recursive: true, force: true });
});

describe('real @actions/artifact client against the artifact service double', () => {
  test.each([
    { retentionDays: 1, fileName: 'quota-keys.csv' },
    { retentionDays: 7, fileName: '配额 keys, 2024.csv' },
  ])('uploads a CSV with retentionDays $retentionDays ($fileName)', async ({ retentionDays, fileName }) => {
    const service = await withService();
    const file = await writeCsv(fileName);
    const started = Date.now();

    const result = await upload('quota-keys-report', file, retentionDays);

    const artifact = only(service.artifacts);
    expect(result.id).toBe(artifact.id);
    expect(artifact.name).toBe('quota-keys-report');
    expect(artifact.finalized).toBe(true);

    // The zip holds exactly the CSV, byte for byte, under its basename.
    expect(artifact.zipError).toBeUndefined();
    expect([...artifact.files.keys()]).toEqual([basename(file)]);
    expect(artifact.files.get(basename(file))!.equals(Buffer.from(CSV, 'utf8'))).toBe(true);
    expect(readZipEntries(artifact.zip)[0]!.method).toBe(8); // deflated by archiver, inflated by our reader

    // expires_at: `retentionDays` days from now (the client adds calendar days in local time).
    expect(artifact.expiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    const expiresAt = Date.parse(artifact.expiresAt!);
    expect(Math.abs(expiresAt - expectedExpiry(retentionDays))).toBeLessThan(60_000);
    // A day-light saving change shifts it by at most an hour.
    expect(Math.abs(expiresAt - started - retentionDays * 86_400_000)).toBeLessThan(3_600_000 + 60_000);

    // Finalize carried the zip's size and sha256, and the client reports the same.
    expect(artifact.size).toBe(artifact.zip.length);
    expect(artifact.hash).toBe(`sha256:${sha256(artifact.zip)}`);
    expect(result.size).toBe(artifact.zip.length);
    expect(result.digest).toBe(sha256(artifact.zip));
    expect(artifact.version).toBe(7);
    expect(artifact.mimeType).toBe('application/zip');
    expect(artifact.blobContentType).toBe('application/zip');

    // One request each, in order: no retries anywhere.
    expect(
      service.requests.map((r) => `${r.method} ${r.path.replace(/\/devstoreaccount1\/.*?(\?|$)/, '<blob>$1')}`),
    ).toEqual([
      `POST ${TWIRP}/CreateArtifact`,
      'PUT <blob>?comp=block',
      'PUT <blob>?comp=blocklist',
      `POST ${TWIRP}/FinalizeArtifact`,
    ]);

    // The signed URL's sig was masked by the client.
    expect(stdout.some((line) => line.startsWith('::add-mask::'))).toBe(true);
  });

  test('a zip over 8 MiB goes up in several blocks, assembled in block list order', async () => {
    const service = await withService();
    const { randomBytes } = await import('node:crypto');
    const big = randomBytes(20 * 1024 * 1024); // 3 blocks of at most 8 MiB
    const file = join(workDir, 'big.bin');
    await writeFile(file, big);
    const { DefaultArtifactClient } = await import('@actions/artifact');
    const result = await new DefaultArtifactClient().uploadArtifact('big', [file], workDir, { compressionLevel: 0 });

    const artifact = only(service.artifacts);
    expect(service.requests.filter((r) => r.path.endsWith('?comp=block'))).toHaveLength(3);
    expect(artifact.files.get('big.bin')!.equals(big)).toBe(true);
    expect(result.size).toBe(artifact.zip.length);
    expect(artifact.hash).toBe(`sha256:${sha256(artifact.zip)}`);
  });

  test('getArtifact, listArtifacts and downloadArtifact find the uploaded artifact', async () => {
    const service = await withService();
    const file = await writeCsv('keys.csv');
    const { id, digest } = await upload('keys', file, 1);
    const { DefaultArtifactClient } = await import('@actions/artifact');
    const client = new DefaultArtifactClient();

    const { artifact } = await client.getArtifact('keys');
    expect(artifact).toMatchObject({ id, name: 'keys', size: service.artifacts[0]!.zip.length });
    // Note the formats: uploadArtifact returns a bare hex digest, getArtifact/listArtifacts
    // return the finalize hash `sha256:<hex>`, and downloadArtifact's expectedHash wants the latter.
    expect(artifact.digest).toBe(`sha256:${digest}`);
    expect(artifact.digest).toBe(service.artifacts[0]!.hash);
    const { artifacts } = await client.listArtifacts();
    expect(artifacts.map((a) => a.id)).toEqual([id]);

    const downloadDir = join(workDir, 'download');
    const { downloadPath, digestMismatch } = await client.downloadArtifact(id!, {
      path: downloadDir,
      expectedHash: artifact.digest,
    });
    expect(downloadPath).toBe(downloadDir);
    expect(digestMismatch).toBe(false);
    expect((await readFile(join(downloadDir, 'keys.csv'))).equals(Buffer.from(CSV))).toBe(true);
  });

  test('a second artifact with the same name is rejected without retries', async () => {
    const service = await withService();
    const file = await writeCsv('keys.csv');
    await upload('keys', file);
    await expect(upload('keys', file)).rejects.toThrow(/409.*already exists/);
    expect(service.artifacts).toHaveLength(1);
    expect(service.artifacts[0]!.expiresAt).toBeUndefined(); // no retentionDays: no expires_at
  });

  test('failCreate: CreateArtifact fails fast, nothing is uploaded', async () => {
    const service = await withService({ failCreate: true });
    const file = await writeCsv('keys.csv');
    const started = Date.now();
    await expect(upload('keys', file, 1)).rejects.toThrow(
      /Failed to CreateArtifact: Received non-retryable error: Failed request: \(403\)/,
    );
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(service.requests).toEqual([{ method: 'POST', path: `${TWIRP}/CreateArtifact` }]);
    expect(service.artifacts).toEqual([]);
  });

  test('a token from another run is refused (401)', async () => {
    const service = await withService();
    const other = await startArtifactService();
    try {
      process.env.ACTIONS_RUNTIME_TOKEN = other.token;
      const file = await writeCsv('keys.csv');
      await expect(upload('keys', file)).rejects.toThrow(/non-retryable error: Failed request: \(401\)/);
      expect(service.artifacts).toEqual([]);
    } finally {
      await other.close();
    }
  });

  test('backend ids that do not match the token are refused (403)', async () => {
    const service = await withService();
    const response = await fetch(`${service.url}twirp/github.actions.results.api.v1.ArtifactService/CreateArtifact`, {
      method: 'POST',
      headers: { authorization: `Bearer ${service.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        workflow_run_backend_id: service.workflowRunBackendId,
        workflow_job_run_backend_id: 'someone-elses-job',
        name: 'keys',
        version: 7,
      }),
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({
      code: 'permission_denied',
      msg: expect.stringContaining('someone-elses-job'),
    });
    expect(service.artifacts).toEqual([]);
  });
});

describe('zip reader', () => {
  test('reads a stored and a deflated entry and checks their CRC', async () => {
    const { deflateRawSync, crc32 } = await import('node:zlib');
    const entries = [
      { name: 'a.txt', data: Buffer.from('hello'), method: 0 },
      { name: '目录/b.csv', data: Buffer.from(CSV), method: 8 },
    ];
    const locals: Buffer[] = [];
    const centrals: Buffer[] = [];
    let offset = 0;
    for (const e of entries) {
      const name = Buffer.from(e.name);
      const body = e.method === 8 ? deflateRawSync(e.data) : e.data;
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(0x0800, 6);
      local.writeUInt16LE(e.method, 8);
      local.writeUInt32LE(crc32(e.data), 14);
      local.writeUInt32LE(body.length, 18);
      local.writeUInt32LE(e.data.length, 22);
      local.writeUInt16LE(name.length, 26);
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(20, 4);
      central.writeUInt16LE(20, 6);
      central.writeUInt16LE(0x0800, 8);
      central.writeUInt16LE(e.method, 10);
      central.writeUInt32LE(crc32(e.data), 16);
      central.writeUInt32LE(body.length, 20);
      central.writeUInt32LE(e.data.length, 24);
      central.writeUInt16LE(name.length, 28);
      central.writeUInt32LE(offset, 42);
      locals.push(local, name, body);
      centrals.push(central, name);
      offset += local.length + name.length + body.length;
    }
    const cd = Buffer.concat(centrals);
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    eocd.writeUInt16LE(entries.length, 8);
    eocd.writeUInt16LE(entries.length, 10);
    eocd.writeUInt32LE(cd.length, 12);
    eocd.writeUInt32LE(offset, 16);
    const zip = Buffer.concat([...locals, cd, eocd]);

    const { unzip } = await import('../__fixtures__/zip.js');
    const files = unzip(zip);
    expect([...files.keys()]).toEqual(['a.txt', '目录/b.csv']);
    expect(files.get('目录/b.csv')!.toString('utf8')).toBe(CSV);

    const corrupt = Buffer.from(zip);
    corrupt[30 + 5] = 'H'.charCodeAt(0); // first byte of the stored "hello"
    expect(() => unzip(corrupt)).toThrow(/CRC-32/);
  });
});
