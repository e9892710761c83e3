// --dry-run for generate, batch, delete and reset, through the CLI's main() in-process, with a
// recording proxy between it and the dev server: the health check and the reads go out (the server
// must answer, the keys to act on are resolved), no write request does, and the report says what
// would have been sent (count, labels and rate-limit plan; which keys, shortened). No CSV is written.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCliInProcess } from '../__fixtures__/cli-in-process.js';
import { startRecordingProxy } from '../__fixtures__/recording-proxy.js';
import { writes } from '../__fixtures__/write-commands.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';
import { shortenKey } from '../src/shared/redact.js';

let v1: DevServer;
let v10: DevServer;
beforeAll(async () => {
  [v1, v10] = await Promise.all([startDevServer({ flavor: 'v1' }), startDevServer({ flavor: 'v10' })]);
});
afterAll(() => Promise.all([v1.close(), v10.close()]));

/** Runs the CLI against `server` through a recording proxy; returns its output and what reached the server. */
async function dryRun(server: DevServer, argv: string[]) {
  const proxy = await startRecordingProxy(server.url);
  const cwd = mkdtempSync(path.join(tmpdir(), 'dry-run-'));
  const output = path.join(cwd, 'keys.csv');
  const keysBefore = server.allKeys().length;
  try {
    const result = await runCliInProcess([...argv, '--output', output, '--dry-run'].filter(Boolean), {
      QUOTA_PROXY_URL: proxy.url,
      ADMIN_TOKEN: server.token,
    });
    return { ...result, requests: [...proxy.requests], output, keysAfter: server.allKeys().length, keysBefore };
  } finally {
    await proxy.close();
  }
}

test('batch --dry-run: health and token check go out, no create; count, labels, rate-limit plan', async () => {
  const run = await dryRun(v10, ['batch', '--count', '40', '--name', 'dry']);
  expect(run.code).toBe(0);
  expect(writes(run.requests)).toEqual([]);
  expect(run.requests.some((r) => r.startsWith('GET /admin/'))).toBe(true);
  expect(run.keysAfter).toBe(run.keysBefore);
  expect(existsSync(run.output)).toBe(false);
  expect(run.stdout).toMatch(/^Dry run: yes/m);
  // v10's admin limit is 30 per 15 minutes, and the token check used one of them; the next window is
  // beyond max-wait-seconds: the real run would create 29 (dry-run-counts-the-admin-rate-limit-…).
  expect(run.stdout).toMatch(/^Would create: 29$/m);
  expect(run.stdout).toMatch(/^Rate limit: 29 request\(s\) left until .* \(30 per window\): 29 of 40 fit now/m);
  expect(run.stdout).toMatch(/^dry-001-\S+\s+100\s+would create$/m);
});

test('generate --dry-run: the one label, nothing created', async () => {
  const run = await dryRun(v1, ['generate', '--name', 'dry-one', '--limit', '7']);
  expect(run.code).toBe(0);
  expect(writes(run.requests)).toEqual([]);
  expect(run.keysAfter).toBe(run.keysBefore);
  expect(run.stdout).toMatch(/^Would create: 1$/m);
  expect(run.stdout).toMatch(/^dry-one\s+7\s+would create$/m);
});

test('delete --dry-run: the keys are resolved (shortened in the table), none is deleted', async () => {
  const keys = v1.seedKeys(2, { labelPrefix: 'dry-del-' });
  const run = await dryRun(v1, ['delete', '--name', shortenKey(keys[1]!)]);
  expect(run.code).toBe(0);
  expect(writes(run.requests)).toEqual([]);
  expect(run.keysAfter).toBe(run.keysBefore);
  expect(run.stdout).toMatch(/^Would delete: 1$/m);
  expect(run.stdout).toContain(`${shortenKey(keys[1]!)}`);
  expect(run.stdout).toMatch(/would delete$/m);
  expect(`${run.stdout}${run.stderr}`).not.toContain(keys[1]);
});

test('delete --key of a key the server lacks, --dry-run: fails as the delete would, nothing sent', async () => {
  const run = await dryRun(v1, ['delete', '--key', `sk-${'0'.repeat(40)}`]);
  expect(run.code).toBe(1);
  expect(writes(run.requests)).toEqual([]);
  expect(run.stderr).toMatch(/^error: The server has no key sk-0000…0000\.$/m);
});

test('reset --dry-run: the key and the day are resolved, no reset is sent', async () => {
  const [key] = v1.seedKeys(1, { labelPrefix: 'dry-reset-' });
  const run = await dryRun(v1, ['reset', '--name', 'dry-reset-1', '--day', '2026-11-26']);
  expect(run.code).toBe(0);
  expect(writes(run.requests)).toEqual([]);
  expect(run.stdout).toMatch(/^Would reset: usage of 2026-11-26$/m);
  const short = shortenKey(key!).replace('…', '.');
  expect(run.stdout).toMatch(new RegExp(`^dry-reset-1\\s+${short}\\s+would reset$`, 'm'));
});
