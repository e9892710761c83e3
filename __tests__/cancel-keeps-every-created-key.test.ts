// SIGTERM / SIGINT in the middle of a batch: no new request starts, those in flight finish, the CSV
// holds every key the server made, and the process exits non-zero. Every create is slowed down by
// the fault proxy (answer held 300 ms after the server made the key) so the batch is mid-way.

import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { type FaultProxy, startFaultProxy } from '../__fixtures__/fault-proxy.js';
import { startCli } from '../__fixtures__/run-process.js';
import { runBundledAction } from '../scripts/lib/simulate-runner.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';

let server: DevServer;
let proxy: FaultProxy;
beforeEach(async () => {
  server = await startDevServer({ flavor: 'v1' });
});
afterEach(async () => {
  await proxy.close();
  await server.close();
});

const slowCreates = (delayMs: number) =>
  startFaultProxy({ target: server.url, delayMs, choose: (r) => (r.method === 'POST' ? 'delay' : undefined) });
const batchKeys = (suffix: string) => server.allKeys().filter((k) => k.label?.includes(suffix));
const posts = () => proxy.records.filter((r) => r.method === 'POST').length;

/** Resolves once the server holds `n` keys of the batch; throws if the process ended before. */
async function untilKeys(suffix: string, n: number, child: () => ChildProcess | undefined) {
  while (batchKeys(suffix).length < n) {
    const exited = child()?.exitCode;
    if (exited !== null && exited !== undefined)
      throw new Error(`the process exited (${exited}) before the server held ${n} keys`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const cli = (args: string[], cwd: string) => startCli(args, { cwd });

const readCsv = (file: string) => parse(readFileSync(file, 'utf8'), { columns: true }) as Array<Record<string, string>>;

test(
  'CLI, SIGTERM: in-flight creates finish, no new one starts, the CSV has every key the server ' + 'made, exit 143',
  async () => {
    proxy = await slowCreates(300);
    const cwd = mkdtempSync(path.join(tmpdir(), 'cancel-'));
    const { child, done } = cli(
      ['batch', '-u', proxy.url, '-t', server.token, '-c', '200', '-n', 'stop', '-o', 'keys.csv', '--concurrency', '4'],
      cwd,
    );
    await untilKeys('', 8, () => child);
    const postsAtSignal = posts();
    child.kill('SIGTERM');
    const result = await done;
    expect(result.code).toBe(143);
    expect(result.stderr).toContain('SIGTERM: stopping: no new requests');
    expect(result.stderr).toMatch(
      /error: Cancelled \(SIGTERM\): \d+ of 200 key\(s\) created, all in .*keys\.csv; \d+ not created\./,
    );
    // At most the requests already on their way when the signal came (one per connection).
    expect(posts() - postsAtSignal).toBeLessThanOrEqual(4);
    const rows = readCsv(path.join(cwd, 'keys.csv'));
    const made = server.allKeys();
    expect(new Set(rows.map((r) => r.key))).toEqual(new Set(made.map((k) => k.key)));
    expect(rows.length).toBeLessThan(200);
    expect(readdirSync(cwd)).toEqual(['keys.csv']); // no temp file left behind
    const after = posts();
    await new Promise((r) => setTimeout(r, 500));
    expect(posts()).toBe(after);
  },
);

test(
  'CLI, SIGINT twice: the second abandons what is in flight; those keys are named as possibly ' + 'on the server',
  async () => {
    proxy = await slowCreates(4000);
    const cwd = mkdtempSync(path.join(tmpdir(), 'cancel-twice-'));
    const { child, done } = cli(
      [
        'batch',
        '-u',
        proxy.url,
        '-t',
        server.token,
        '-c',
        '50',
        '-n',
        'twice',
        '-o',
        'keys.csv',
        '--timeout-seconds',
        '30',
      ],
      cwd,
    );
    // The first create answers after 4 s; then four are in flight.
    while (posts() < 5) {
      if (child.exitCode !== null) throw new Error(`the CLI exited (${child.exitCode}) early`);
      await new Promise((r) => setTimeout(r, 25));
    }
    child.kill('SIGINT');
    await new Promise((r) => setTimeout(r, 200));
    child.kill('SIGINT');
    const started = Date.now();
    const result = await done;
    expect(Date.now() - started).toBeLessThan(3000);
    expect(result.code).toBe(130);
    expect(result.stderr).toContain('SIGINT: abandoning the requests in flight');
    expect(result.stderr).toMatch(
      /Keys may exist on the server without being in the CSV under 4 label\(s\) \(twice-00\d-/,
    );
    expect(readCsv(path.join(cwd, 'keys.csv'))).toHaveLength(1);
  },
);

test(
  'action, SIGINT from the runner: step fails, outputs count what the CSV holds, which is what the ' + 'server made',
  async () => {
    proxy = await slowCreates(300);
    let child: ChildProcess | undefined;
    const running = runBundledAction(
      {
        command: 'batch',
        count: '200',
        name: 'runner-cancel',
        url: proxy.url,
        'admin-token': server.token,
        'upload-artifact': 'false',
        output: 'keys.csv',
      },
      { eventName: 'workflow_dispatch', runId: '8800', onSpawn: (c: ChildProcess) => (child = c) },
    );
    await untilKeys('r8800a1', 8, () => child);
    child!.kill('SIGINT');
    const result = await running;
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error::Cancelled \(SIGINT\): \d+ of 200 key\(s\) created/m);
    const csvPath = result.outputs['csv-path']!;
    expect(existsSync(csvPath)).toBe(true);
    const rows = readCsv(csvPath);
    expect(result.outputs['created-count']).toBe(String(rows.length));
    expect(result.outputs['failed-count']).toBe(String(200 - rows.length));
    expect(new Set(rows.map((r) => r.key))).toEqual(new Set(batchKeys('r8800a1').map((k) => k.key)));
  },
);
