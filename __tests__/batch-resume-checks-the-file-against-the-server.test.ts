// `batch --resume FILE` reads the server's keys under the batch's labels before creating: a key
// there that FILE misses (a create whose answer was lost) is added to FILE, not made again; a key of
// FILE no longer on the server is made again under its label; a key someone else made under one of
// the batch's labels is not taken (a warning names it, shortened) and stays; FILE ends holding the
// whole batch, one key per number.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { runCliBundle } from '../__fixtures__/run-process.js';
import { createLabelled } from '../__fixtures__/write-commands.js';
import { type DevServer, type Flavor, startDevServer } from '../src/dev-server/index.js';
import { shortenKey } from '../src/shared/redact.js';

let server: DevServer;
afterEach(() => server.close());

type Row = Record<string, string>;
const readCsv = (file: string) => parse(readFileSync(file, 'utf8'), { columns: true }) as Row[];
const numberOf = (label: string) => /^rs-(\d{3})-c/.exec(label)![1];
const posts = () => server.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/admin/keys')).length;

/** A dev server of `flavor`, a folder for FILE, and the environment the CLI reads the server from. */
async function start(flavor: Flavor) {
  server = await startDevServer({ flavor });
  const cwd = mkdtempSync(path.join(tmpdir(), 'resume-check-'));
  return { cwd, file: path.join(cwd, 'keys.csv'), env: { ADMIN_TOKEN: server.token, QUOTA_PROXY_URL: server.url } };
}

test(
  'a lost answer is adopted, a deleted key made again under its label, a foreign key left out and ' +
    'named; FILE holds 001–006 once each',
  async () => {
    const { cwd, file, env } = await start('v1');
    const first = await runCliBundle(['batch', '--count', '6', '--name', 'rs', '--output', file], { cwd, env });
    expect(first.code).toBe(0);
    const made = readCsv(file);
    const byNumber = new Map(made.map((r) => [numberOf(r.label!), r]));

    // 002: the key exists but FILE lost it; 004: deleted on the server; 005: a second key by hand.
    const lines = readFileSync(file, 'utf8').split('\r\n');
    writeFileSync(file, lines.filter((line) => !line.includes(byNumber.get('002')!.key!)).join('\r\n'));
    const gone = await fetch(`${server.url}/admin/keys/${byNumber.get('004')!.key}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${server.token}` },
    });
    expect(gone.ok).toBe(true);
    const foreign = await createLabelled(server, byNumber.get('005')!.label!);

    const before = posts();
    const resumed = await runCliBundle(['batch', '--resume', file], { cwd, env });
    expect({ code: resumed.code, stderr: resumed.stderr }).toMatchObject({ code: 0 });
    expect(posts() - before).toBe(1);
    const rows = readCsv(file);
    expect(rows.map((r) => numberOf(r.label!)).sort()).toEqual(['001', '002', '003', '004', '005', '006']);
    const keys = rows.map((r) => r.key);
    expect(keys).toContain(byNumber.get('002')!.key);
    expect(keys).toContain(byNumber.get('005')!.key);
    expect(keys).not.toContain(foreign);
    expect(keys).not.toContain(byNumber.get('004')!.key);
    // 004 again under its own label.
    expect(rows.find((r) => numberOf(r.label!) === '004')!.label).toBe(byNumber.get('004')!.label);
    const warnings = resumed.stderr.split('\n').filter((l) => l.startsWith('warning: '));
    expect(warnings.find((l) => l.includes(byNumber.get('005')!.label!))).toContain(shortenKey(foreign));
    expect(warnings.join('\n')).toContain(shortenKey(byNumber.get('004')!.key!));
    expect(warnings.join('\n')).toContain(shortenKey(byNumber.get('002')!.key!));
    expect(server.allKeys().map((k) => k.key)).toContain(foreign);
    expect(`${resumed.stdout}${resumed.stderr}`).not.toContain(foreign);
  },
);

test(
  'v01: a chunk label holds its chunk; the missing chunk is made in one request under its first ' +
    'label, and a key made by hand under the full chunk is not taken',
  async () => {
    const { cwd, file, env } = await start('v01');
    const args = ['batch', '--count', '150', '--name', 'rs', '--server-flavor', 'v01'];
    const first = await runCliBundle([...args, '--output', file], { cwd, env });
    expect(first.code).toBe(0);
    const made = readCsv(file);
    // The second chunk (101–150) never made: gone from the server and from FILE.
    const second = made.filter((r) => numberOf(r.label!) === '101');
    expect(second).toHaveLength(50);
    for (const row of second)
      await fetch(`${server.url}/admin/keys/${row.key}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${server.token}` },
      });
    const lines = readFileSync(file, 'utf8').split('\r\n');
    writeFileSync(file, lines.filter((line) => !second.some((r) => line.includes(r.key!))).join('\r\n'));
    const foreign = await createLabelled(server, made.find((r) => numberOf(r.label!) === '001')!.label!);

    const before = posts();
    const resumed = await runCliBundle(['batch', '--resume', file, '--server-flavor', 'v01'], { cwd, env });
    expect({ code: resumed.code, stderr: resumed.stderr }).toMatchObject({ code: 0 });
    expect(posts() - before).toBe(1);
    const rows = readCsv(file);
    expect(rows).toHaveLength(150);
    expect(rows.map((r) => r.key)).not.toContain(foreign);
    expect(rows.filter((r) => numberOf(r.label!) === '101')).toHaveLength(50);
    expect(resumed.stderr).toContain(shortenKey(foreign));
  },
);
