// The exit codes are one table (EXIT_CODES): `help exit-codes` and the README print it, and dist/cli.js exits
// with each code in its case: 0 success, 1 failure, 2 bad input, 3 an alert with --fail-on-alert.
// (130/143 on SIGINT/SIGTERM: one-signal-stops-any-command.test.ts.)

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCliBundle } from '../__fixtures__/run-process.js';
import { EXIT_CODES } from '../src/config/exit-codes.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';

const cwd = mkdtempSync(path.join(tmpdir(), 'cli-exit-'));
let server: DevServer;
beforeAll(async () => {
  server = await startDevServer({ flavor: 'v1p' });
  const [busy] = server.seedKeys(2, { labelPrefix: 'exit-', dailyLimit: 100 });
  server.recordUsage(busy!, 90);
});
afterAll(() => server.close());

const cli = (args: string[]) => runCliBundle([...args, '--url', server.url, '--token', server.token], { cwd, env: {} });

test('the table has success, failure, bad input, alert and the two signals', () => {
  expect(EXIT_CODES.map((e) => e.code)).toEqual([0, 1, 2, 3, 130, 143]);
});

test("the README's exit code table is EXIT_CODES", () => {
  const readme = readFileSync(path.resolve(import.meta.dirname, '../README.md'), 'utf8');
  const table = readme.split('#### Exit codes')[1]!.split('\n\n')[1]!;
  const rows = table
    .split('\n')
    .slice(2)
    .map((line) =>
      line
        .split('|')
        .map((cell) => cell.trim())
        .filter(Boolean),
    );
  expect(rows).toEqual(
    EXIT_CODES.map((e) => [String(e.code), e.meaning.replace('--fail-on-alert', '`--fail-on-alert`')]),
  );
});

test('help exit-codes prints the same table (meanings wrapped at 80 columns)', async () => {
  const result = await runCliBundle(['help', 'exit-codes'], { env: {} });
  const flat = result.stdout.replace(/\s+/g, ' ');
  for (const { code, meaning } of EXIT_CODES) expect(flat).toContain(` ${code} ${meaning} `);
});

test('0: success; 3: an alert with --fail-on-alert; 1: a failure; 2: bad input', async () => {
  const [ok, alert, calm, failed, bad] = await Promise.all([
    cli(['usage']),
    cli(['usage', '--fail-on-alert']),
    cli(['usage', '--fail-on-alert', '--alert-threshold', '95']),
    cli(['delete', '--name', 'no-such-label']),
    cli(['usage', '--alert-threshold', '0']),
  ]);
  expect(ok.code).toBe(0);
  expect(alert.code).toBe(3);
  expect(alert.stderr).toMatch(/^error: 1 key\(s\) at or above alert-threshold 80% .* and fail-on-alert is set\.$/m);
  expect(calm.code).toBe(0);
  expect(failed.code).toBe(1);
  expect(failed.stderr).toMatch(/^error: No key is labelled "no-such-label"/m);
  expect(bad.code).toBe(2);
});

test('a failure that is not an alert stays 1 with --fail-on-alert (the server is down)', async () => {
  const result = await runCliBundle(['usage', '--fail-on-alert', '--url', 'http://127.0.0.1:9', '--token', 't'], {
    cwd,
    env: {},
  });
  expect(result.code).toBe(1);
});
