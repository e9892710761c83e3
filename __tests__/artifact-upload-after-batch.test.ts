// dist/index.js uploads the keys CSV with the real @actions/artifact client to the artifact service
// double: the zip holds the CSV byte for byte, the expiry is retention-days away, and the outputs
// point at the artifact. A batch that ends short still hands over what it created, then fails.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'csv-parse/sync';
import { type ArtifactService, startArtifactService } from '../__fixtures__/artifact-service.js';
import { startRecordingProxy } from '../__fixtures__/recording-proxy.js';
import { runBundledAction, startDevServerProcess } from '../scripts/lib/simulate-runner.js';
import { invocationId } from '../src/config/context.js';

/** The default artifact name's step hash: the runner double sets no GITHUB_JOB or GITHUB_ACTION. */
const STEP = invocationId({});

type Server = { url: string; token: string; stop: () => Promise<void> };
let server: Server;
let service: ArtifactService;
beforeAll(async () => {
  server = await startDevServerProcess();
  service = await startArtifactService();
});
afterAll(async () => {
  await service.close();
  await server.stop();
});

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
/** What the client computes in the child: `days` calendar days from now, local time. */
function expectedExpiry(days: number): number {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return d.getTime();
}
const artifactNamed = (name: string) => {
  const found = service.artifacts.filter((a) => a.name === name);
  expect(found).toHaveLength(1);
  return found[0]!;
};

test('batch: the zip holds the CSV byte for byte, kept 1 day by default; outputs id, url and digest', async () => {
  const result = await runBundledAction(
    { command: 'batch', count: '3', limit: '50', url: server.url, 'admin-token': server.token },
    { eventName: 'push', ref: 'refs/tags/v2.0.0', runId: '777', attempt: '2', env: service.env },
  );
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const csvPath = result.outputs['csv-path']!;
  const csv = readFileSync(csvPath);
  expect(parse(csv, { columns: true })).toHaveLength(3);

  const artifact = artifactNamed(`trial-keys-777-${STEP}`);
  expect(artifact.finalized).toBe(true);
  // The audit log rides beside the CSV (audit-log-every-write.test.ts checks its lines).
  expect([...artifact.files.keys()].sort()).toEqual([basename(csvPath), 'quota-keys-audit.jsonl'].sort());
  expect(artifact.files.get(basename(csvPath))!.equals(csv)).toBe(true);
  expect(Math.abs(Date.parse(artifact.expiresAt!) - expectedExpiry(1))).toBeLessThan(60_000);

  expect(result.outputs).toMatchObject({
    'artifact-id': String(artifact.id),
    'artifact-url': `https://github.com/octo/keys/actions/runs/777/artifacts/${artifact.id}`,
    'artifact-digest': sha256(artifact.zip),
    'created-count': '3',
  });
  expect(result.summary).toContain(`- **Artifact:** trial-keys-777-${STEP} (kept 1 day)`);
  expect(result.summary).toContain(`/actions/runs/777/artifacts/${artifact.id}`);
});

test('generate with artifact-name and retention-days 7', async () => {
  const result = await runBundledAction(
    {
      command: 'generate',
      name: 'partner-acme',
      'artifact-name': 'acme-key',
      'retention-days': '7',
      url: server.url,
      'admin-token': server.token,
    },
    { eventName: 'workflow_dispatch', runId: '778', env: service.env },
  );
  expect(result.code).toBe(0);
  const artifact = artifactNamed('acme-key');
  const csvPath = result.outputs['csv-path']!;
  expect(artifact.files.get(basename(csvPath))!.equals(readFileSync(csvPath))).toBe(true);
  expect(Math.abs(Date.parse(artifact.expiresAt!) - expectedExpiry(7))).toBeLessThan(60_000);
  expect(result.summary).toContain('acme-key (kept 7 days)');
});

test("retention-days above the repository's setting is capped to it, and the summary says so", async () => {
  const result = await runBundledAction(
    {
      command: 'generate',
      name: 'capped',
      'artifact-name': 'capped-key',
      'retention-days': '30',
      url: server.url,
      'admin-token': server.token,
    },
    { eventName: 'workflow_dispatch', runId: '783', env: { ...service.env, GITHUB_RETENTION_DAYS: '5' } },
  );
  expect(result.code).toBe(0);
  expect(Math.abs(Date.parse(artifactNamed('capped-key').expiresAt!) - expectedExpiry(5))).toBeLessThan(60_000);
  expect(result.summary).toContain('capped-key (kept 5 days)');
});

test('a batch that ends short uploads the keys it created, then fails', async () => {
  const proxy = await startRecordingProxy(server.url, { createsBeforeRefusing: 2 });
  try {
    const result = await runBundledAction(
      { command: 'batch', count: '5', concurrency: '1', url: proxy.url, 'admin-token': server.token },
      { eventName: 'schedule', runId: '779', env: service.env },
    );
    expect(result.code).toBe(1);
    expect(result.outputs).toMatchObject({ 'created-count': '2', 'failed-count': '3' });
    expect(result.stdout).toMatch(/^::error::3 of 5 key\(s\) were not created/m);
    const artifact = artifactNamed(`trial-keys-779-${STEP}`);
    expect(result.outputs['artifact-id']).toBe(String(artifact.id));
    const csvPath = result.outputs['csv-path']!;
    const zipped = artifact.files.get(basename(csvPath))!;
    expect(zipped.equals(readFileSync(csvPath))).toBe(true);
    expect(parse(zipped, { columns: true })).toHaveLength(2);
  } finally {
    await proxy.close();
  }
});

test.each([
  ['3', 0],
  ['4', 1],
])('min-success %s with 3 of 5 keys created: exit %i, the 3 keys uploaded either way', async (minSuccess, code) => {
  const proxy = await startRecordingProxy(server.url, { createsBeforeRefusing: 3 });
  const runId = `78${minSuccess}`;
  try {
    const result = await runBundledAction(
      {
        command: 'batch',
        count: '5',
        concurrency: '1',
        'min-success': minSuccess,
        url: proxy.url,
        'admin-token': server.token,
      },
      { eventName: 'schedule', runId, env: service.env },
    );
    expect(result.code).toBe(code);
    expect(result.outputs).toMatchObject({ 'created-count': '3', 'failed-count': '2' });
    const zipped = artifactNamed(`trial-keys-${runId}-${STEP}`).files.get(basename(result.outputs['csv-path']!))!;
    expect(parse(zipped, { columns: true })).toHaveLength(3);
  } finally {
    await proxy.close();
  }
});

test('an upload the service refuses fails the step and says where the CSV is', async () => {
  const refusing = await startArtifactService({ failCreate: true });
  try {
    const result = await runBundledAction(
      { command: 'batch', count: '2', url: server.url, 'admin-token': server.token },
      { eventName: 'schedule', runId: '780', env: refusing.env },
    );
    expect(result.code).toBe(1);
    const csvPath = result.outputs['csv-path']!;
    expect(existsSync(csvPath)).toBe(true);
    expect(result.outputs['created-count']).toBe('2');
    expect(result.outputs['artifact-id']).toBeUndefined();
    expect(result.stdout).toContain(`::error::Uploading the CSV as artifact "trial-keys-780-${STEP}" failed:`);
    expect(result.stdout).toContain(`The keys are only on the runner, at ${csvPath}.`);
    expect(refusing.artifacts).toEqual([]);
  } finally {
    await refusing.close();
  }
});

test('without the artifact service (act, a plain shell): a warning, the CSV stays, the step succeeds', async () => {
  const result = await runBundledAction(
    { command: 'batch', count: '1', url: server.url, 'admin-token': server.token },
    { eventName: 'workflow_dispatch', runId: '781' },
  );
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(
    new RegExp(
      String.raw`^::warning::No artifact service here \(ACTIONS_RUNTIME_TOKEN or` +
        String.raw` ACTIONS_RESULTS_URL unset\): the CSV was not uploaded`,
      'm',
    ),
  );
  expect(existsSync(result.outputs['csv-path']!)).toBe(true);
  expect(result.outputs['artifact-id']).toBeUndefined();
});

test('upload-artifact: false uploads nothing', async () => {
  const before = service.requests.length;
  const result = await runBundledAction(
    { command: 'batch', count: '1', 'upload-artifact': 'false', url: server.url, 'admin-token': server.token },
    { eventName: 'workflow_dispatch', runId: '782', env: service.env },
  );
  expect(result.code).toBe(0);
  expect(service.requests.length).toBe(before);
  expect(result.outputs['artifact-id']).toBeUndefined();
});
