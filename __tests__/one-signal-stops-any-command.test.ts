// One SIGTERM or SIGINT ends any command within 5 s, whatever the server does: no new request
// starts, those in flight get 2.5 s to answer and are then aborted, the CSV holds every key whose
// create was answered, and the CLI exits 143 / 130 (the action fails its step). On the old code
// one signal waited for the requests in flight, each up to timeout-seconds (here 60 s).
// A real child process (the bundles) against the dev server behind a hostile front that forwards
// the chosen requests and then never answers them.
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { type HostileRequest, type HostileServer, startHostileServer } from '../__fixtures__/hostile-server.js';
import { startCli } from '../__fixtures__/run-process.js';
import { runBundledAction } from '../scripts/lib/simulate-runner.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';

let server: DevServer;
let hostile: HostileServer | undefined;
beforeEach(async () => {
  server = await startDevServer({ flavor: 'v1' });
});
afterEach(async () => {
  await hostile?.close();
  hostile = undefined;
  await server.close();
});

/** Requests chosen by `which` are forwarded, then never answered. */
async function holding(which: (r: HostileRequest, posts: number) => boolean) {
  let posts = 0;
  hostile = await startHostileServer({
    target: server.url,
    choose: (r) => {
      if (r.method === 'POST') posts += 1;
      return which(r, posts) ? { kind: 'hold' } : undefined;
    },
  });
  return hostile;
}

const held = () => hostile!.records.filter((r) => r.hostility === 'hold').length;
const readCsv = (file: string) => parse(readFileSync(file, 'utf8'), { columns: true }) as Array<Record<string, string>>;

async function until(condition: () => boolean, child: () => ChildProcess | undefined) {
  const started = Date.now();
  while (!condition()) {
    const exited = child()?.exitCode;
    if (exited !== null && exited !== undefined) throw new Error(`the process exited (${exited}) too early`);
    if (Date.now() - started > 20_000) throw new Error('the process never got there');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Signals the child; resolves with how long it took to exit and its result. */
async function stop(
  child: ChildProcess,
  done: Promise<{ code: number | null; stdout: string; stderr: string }>,
  signal: NodeJS.Signals,
) {
  const signalled = Date.now();
  child.kill(signal);
  const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  const result = await done;
  clearTimeout(killer);
  return { ...result, ms: Date.now() - signalled };
}

const SLOW = ['--timeout-seconds', '60', '--retries', '3'];

test('batch, one SIGTERM while creates hang: exit 143 within 5 s, the CSV holds every answered key', async () => {
  const front = await holding((r, posts) => r.method === 'POST' && posts > 4);
  const cwd = mkdtempSync(path.join(tmpdir(), 'one-signal-'));
  const { child, done } = startCli(
    [
      'batch',
      '-u',
      front.url,
      '-t',
      server.token,
      '-c',
      '30',
      '-n',
      'sig',
      '-o',
      'keys.csv',
      '--concurrency',
      '2',
      ...SLOW,
    ],
    { cwd },
  );
  await until(
    () => held() >= 2,
    () => child,
  );
  const result = await stop(child, done, 'SIGTERM');
  expect(result.ms).toBeLessThan(5000);
  expect(result.code).toBe(143);
  expect(result.stderr).toMatch(/error: Cancelled \(SIGTERM\): 4 of 30 key\(s\) created, all in .*keys\.csv/);
  // The held creates reached the server; their answers never came, so they are named, not lost silently.
  expect(result.stderr).toMatch(/may exist on the server/);
  const rows = readCsv(path.join(cwd, 'keys.csv'));
  expect(rows).toHaveLength(4);
  const onServer = new Set(server.allKeys().map((k) => k.key));
  for (const row of rows) expect(onServer.has(row.key!)).toBe(true);
});

test('list, one SIGINT while the key list hangs: exit 130 within 5 s', async () => {
  const front = await holding((r) => r.path === '/admin/keys');
  const { child, done } = startCli(['list', '-u', front.url, '-t', server.token, ...SLOW]);
  await until(
    () => held() >= 1,
    () => child,
  );
  const result = await stop(child, done, 'SIGINT');
  expect(result.ms).toBeLessThan(5000);
  expect(result.code).toBe(130);
  expect(result.stderr).toContain('SIGINT: stopping');
  expect(result.stderr).not.toMatch(/\n\s+at /);
});

test('health, one SIGTERM while the health check hangs: exit 143 within 5 s (cancelled, not "unhealthy")', async () => {
  const front = await holding((r) => r.path === '/healthz');
  const { child, done } = startCli(['health', '-u', front.url, ...SLOW]);
  await until(
    () => held() >= 1,
    () => child,
  );
  const result = await stop(child, done, 'SIGTERM');
  expect(result.ms).toBeLessThan(5000);
  expect(result.code).toBe(143);
  expect(result.stderr).toMatch(/error: Cancelled \(SIGTERM\)/);
});

test(
  'action, one SIGINT from the runner while creates hang: the step ends within 5 s, failed, ' + 'with its CSV',
  async () => {
    const front = await holding((r, posts) => r.method === 'POST' && posts > 3);
    let child: ChildProcess | undefined;
    const running = runBundledAction(
      {
        command: 'batch',
        count: '30',
        name: 'runner-sig',
        url: front.url,
        'admin-token': server.token,
        'upload-artifact': 'false',
        output: 'keys.csv',
        'timeout-seconds': '60',
        concurrency: '2',
      },
      { eventName: 'workflow_dispatch', runId: '8801', onSpawn: (c: ChildProcess) => (child = c) },
    );
    await until(
      () => held() >= 2,
      () => child,
    );
    const signalled = Date.now();
    child!.kill('SIGINT');
    const result = await running;
    expect(Date.now() - signalled).toBeLessThan(5000);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error::Cancelled \(SIGINT\): 3 of 30 key\(s\) created/m);
    const csvPath = result.outputs['csv-path']!;
    expect(existsSync(csvPath)).toBe(true);
    expect(readCsv(csvPath)).toHaveLength(3);
  },
);

test(
  'monitor --watch, one SIGTERM while a pass hangs: the pass is cancelled and the watch ends within 5 ' + 's, exit 143',
  async () => {
    const front = await holding((r) => r.path.startsWith('/admin'));
    const { child, done } = startCli(['monitor', '-u', front.url, '-t', server.token, '--watch', '5', ...SLOW]);
    await until(
      () => held() >= 1,
      () => child,
    );
    const result = await stop(child, done, 'SIGTERM');
    expect(result.ms).toBeLessThan(5000);
    expect(result.code).toBe(143);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  },
);
