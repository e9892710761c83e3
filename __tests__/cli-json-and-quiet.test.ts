// --json and --quiet through the CLI's main() in-process against the dev server: one JSON document
// on stdout and nothing else (success, failure, alert, bad input), keys only shortened, the exit
// code and its meaning in it; --quiet shows errors only.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { runCliInProcess } from '../__fixtures__/cli-in-process.js';
import { chat } from '../__fixtures__/read-commands.js';
import { startRecordingProxy } from '../__fixtures__/recording-proxy.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';
import { shortenKey } from '../src/shared/redact.js';

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer({ flavor: 'v1' });
});
afterAll(() => server.close());

const env = (url = server.url) => ({ QUOTA_PROXY_URL: url, ADMIN_TOKEN: server.token, TZ: process.env.TZ });
const csvIn = () => path.join(mkdtempSync(path.join(tmpdir(), 'cli-json-')), 'keys.csv');

/** stdout must be exactly one JSON document on one line. */
function onlyDocument(stdout: string) {
  expect(stdout.endsWith('\n')).toBe(true);
  expect(stdout.trimEnd().split('\n')).toHaveLength(1);
  return JSON.parse(stdout);
}

function noSecret(...texts: string[]) {
  for (const text of texts) {
    expect(text).not.toContain(server.token);
    for (const key of server.allKeys()) expect(text).not.toContain(key.key);
  }
}

test('batch --json: counts, flavor, health and every row with its key shortened; nothing else on stdout', async () => {
  const output = csvIn();
  const result = await runCliInProcess(['batch', '--json', '-c', '3', '-n', 'json', '-o', output], env());
  expect(result.code).toBe(0);
  const doc = onlyDocument(result.stdout);
  const keys = (parse(readFileSync(output), { columns: true }) as Array<{ key: string }>).map((r) => r.key);
  expect(doc).toMatchObject({
    command: 'batch',
    ok: true,
    exitCode: 0,
    exit: 'success',
    flavor: 'v1',
    healthy: true,
    dryRun: false,
    csvPath: output,
    counts: { created: 3, failed: 0 },
    // Facts keep their type: numbers are numbers, a yes is true.
    facts: { requested: 3, created: 3, healthy: true },
    outputs: { 'created-count': '3' },
  });
  expect(doc.rows.map((r: { key: string }) => r.key).sort()).toEqual(keys.map(shortenKey).sort());
  expect(doc.rows[0]).toHaveProperty('label');
  expect(doc.rows[0]).toHaveProperty('created_utc');
  noSecret(result.stdout, result.stderr);
});

test('a batch that ends short: the document says failure, why, and the keys that were made', async () => {
  const proxy = await startRecordingProxy(server.url, { createsBeforeRefusing: 1 });
  try {
    const result = await runCliInProcess(['batch', '--json', '-c', '3', '-o', csvIn()], env(proxy.url));
    expect(result.code).toBe(1);
    const doc = onlyDocument(result.stdout);
    expect(doc).toMatchObject({ ok: false, exitCode: 1, exit: 'failure', counts: { created: 1, failed: 2 } });
    expect(doc.failure).toMatch(/2 of 3 key\(s\) were not created/);
    expect(doc.rows).toHaveLength(1);
    noSecret(result.stdout, result.stderr);
  } finally {
    await proxy.close();
  }
});

test('usage --json, an alert, --fail-on-alert: exit 3 named alert, alerts listed with keys shortened', async () => {
  const [key] = server.seedKeys(1, { labelPrefix: 'json-alert-' });
  for (let i = 0; i < 9; i++) expect(await chat(server, key!)).toBe(200);
  const args = ['usage', '--json', '--label-prefix', 'json-alert-', '--server-daily-limit', '10', '--fail-on-alert'];
  const result = await runCliInProcess(args, env());
  expect(result.code).toBe(3);
  const doc = onlyDocument(result.stdout);
  expect(doc).toMatchObject({ ok: false, exitCode: 3, exit: 'alert', counts: { alerts: 1 } });
  expect(doc.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(doc.alerts).toEqual([
    { kind: 'threshold', label: 'json-alert-1', key: shortenKey(key!), percent: 90, threshold: 80 },
  ]);
  // The rows, typed: the limit says where it came from (server-daily-limit, as given).
  expect(doc.rows).toEqual([
    {
      label: 'json-alert-1',
      key: shortenKey(key!),
      requests: 9,
      daily_limit: { value: 10, source: 'given' },
      percent: 90,
    },
  ]);
  expect(doc).not.toHaveProperty('lines');
  noSecret(result.stdout, result.stderr);
});

test('bad input with --json: exit 2 and a document naming the input, before any request', async () => {
  const before = server.requests.length;
  const result = await runCliInProcess(['batch', '--json', '--count', '0'], env());
  expect(result.code).toBe(2);
  const doc = onlyDocument(result.stdout);
  expect(doc).toMatchObject({ command: 'batch', ok: false, exitCode: 2, exit: 'bad input', rows: [] });
  expect(doc.failure).toMatch(/^Invalid input 'count'/);
  const flag = await runCliInProcess(['batch', '--json', `--token=${server.token}`, '--cuont', '3'], env());
  expect(flag.code).toBe(2);
  expect(onlyDocument(flag.stdout).failure).toMatch(/did you mean --count/);
  noSecret(flag.stdout, flag.stderr);
  expect(server.requests.length).toBe(before);
});

test('delete --dry-run --json: dryRun, the keys that would go, shortened', async () => {
  const keys = server.seedKeys(2, { labelPrefix: 'json-dry-' });
  const result = await runCliInProcess(['delete', '--json', '--dry-run', '--name', 'json-dry-2'], env());
  expect(result.code).toBe(0);
  const doc = onlyDocument(result.stdout);
  expect(doc).toMatchObject({ dryRun: true, facts: { would_delete: 1 } });
  expect(doc.rows).toEqual([expect.objectContaining({ key: shortenKey(keys[1]!), result: 'would delete' })]);
});

test('--quiet: nothing on success; on failure only the error line', async () => {
  const ok = await runCliInProcess(['generate', '--quiet', '-n', 'quiet', '-o', csvIn()], env());
  expect(ok).toEqual({ code: 0, stdout: '', stderr: '' });
  const failed = await runCliInProcess(['delete', '-q', '--key', `sk-${'0'.repeat(40)}`], env());
  expect(failed.code).toBe(1);
  expect(failed.stdout).toBe('');
  expect(failed.stderr).toMatch(/^error: The server has no key sk-0000…0000 \(already deleted\?\); 0 deleted\.\n$/);
});

test('list --json past any table size: every key a row, typed, shortened; rowCount says how many', async () => {
  const own = await startDevServer({ flavor: 'v1p' });
  try {
    const keys = own.seedKeys(1_250, { labelPrefix: 'many-json-', dailyLimit: 50 });
    const result = await runCliInProcess(['list', '--json'], {
      QUOTA_PROXY_URL: own.url,
      ADMIN_TOKEN: own.token,
      TZ: process.env.TZ,
    });
    expect(result.code).toBe(0);
    const doc = onlyDocument(result.stdout);
    expect(doc).toMatchObject({ command: 'list', table: 'keys', rowCount: 1_250, counts: { listed: 1_250 } });
    expect(doc.rows).toHaveLength(1_250);
    expect(new Set(doc.rows.map((r: { key: string }) => r.key))).toEqual(new Set(keys.map(shortenKey)));
    expect(doc.rows[0]).toMatchObject({ daily_limit: { value: 50, source: 'key' }, status: 'active' });
    for (const key of keys) expect(result.stdout).not.toContain(key);
  } finally {
    await own.close();
  }
});
