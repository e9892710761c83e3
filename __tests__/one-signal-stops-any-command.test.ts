// One SIGTERM or SIGINT ends any command within 5 s, whatever the server does: no new request
// starts, those in flight get 2.5 s to answer and are then aborted, the CSV holds every key whose
// create was answered, and the CLI exits 143 / 130 (the action fails its step). On the old code
// one signal waited for the requests in flight, each up to timeout-seconds (here 60 s).
// A real child process (the bundles) against the dev server behind a hostile front that forwards
// the chosen requests and then never answers them; each test has its own, so they run at once.
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { HeldRequests, until } from '../__fixtures__/held-requests.js';
import { startCli } from '../__fixtures__/run-process.js';
import { runBundledAction } from '../scripts/lib/simulate-runner.js';

const readCsv = (file: string) => parse(readFileSync(file, 'utf8'), { columns: true }) as Array<Record<string, string>>;

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

/** Runs `test` with a dev server and a holding front of its own, closed after. */
async function withHeld(test: (h: HeldRequests) => Promise<void>): Promise<void> {
  const h = await HeldRequests.start();
  try {
    await test(h);
  } finally {
    await h.close();
  }
}

test.concurrent('batch, one SIGTERM while creates hang: exit 143 within 5 s, the CSV holds every answered key', () =>
  withHeld(async (h) => {
    const url = await h.holding((r, posts) => r.method === 'POST' && posts > 4);
    const cwd = mkdtempSync(path.join(tmpdir(), 'one-signal-'));
    const { child, done } = startCli(
      [
        'batch',
        '-u',
        url,
        '-t',
        h.server.token,
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
      () => h.held() >= 2,
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
    const onServer = new Set(h.server.allKeys().map((k) => k.key));
    for (const row of rows) expect(onServer.has(row.key!)).toBe(true);
  }));

test.concurrent('list, one SIGINT while the key list hangs: exit 130 within 5 s', () =>
  withHeld(async (h) => {
    const url = await h.holding((r) => r.path === '/admin/keys');
    const { child, done } = startCli(['list', '-u', url, '-t', h.server.token, ...SLOW]);
    await until(
      () => h.held() >= 1,
      () => child,
    );
    const result = await stop(child, done, 'SIGINT');
    expect(result.ms).toBeLessThan(5000);
    expect(result.code).toBe(130);
    expect(result.stderr).toContain('SIGINT: stopping');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }));

test.concurrent('health, one SIGTERM while the health check hangs: exit 143 within 5 s, cancelled, not unhealthy', () =>
  withHeld(async (h) => {
    const url = await h.holding((r) => r.path === '/healthz');
    const { child, done } = startCli(['health', '-u', url, ...SLOW]);
    await until(
      () => h.held() >= 1,
      () => child,
    );
    const result = await stop(child, done, 'SIGTERM');
    expect(result.ms).toBeLessThan(5000);
    expect(result.code).toBe(143);
    expect(result.stderr).toMatch(/error: Cancelled \(SIGTERM\)/);
  }));

test.concurrent(
  'action, one SIGINT from the runner while creates hang: the step ends within 5 s, failed, ' + 'with its CSV',
  () =>
    withHeld(async (h) => {
      const url = await h.holding((r, posts) => r.method === 'POST' && posts > 3);
      let child: ChildProcess | undefined;
      const running = runBundledAction(
        {
          command: 'batch',
          count: '30',
          name: 'runner-sig',
          url: url,
          'admin-token': h.server.token,
          'upload-artifact': 'false',
          output: 'keys.csv',
          'timeout-seconds': '60',
          concurrency: '2',
        },
        { eventName: 'workflow_dispatch', runId: '8801', onSpawn: (c: ChildProcess) => (child = c) },
      );
      await until(
        () => h.held() >= 2,
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
    }),
);

test.concurrent(
  'monitor --watch, one SIGTERM while a pass hangs: the pass is cancelled and the watch ends within 5 ' + 's, exit 143',
  () =>
    withHeld(async (h) => {
      const url = await h.holding((r) => r.path.startsWith('/admin'));
      const { child, done } = startCli(['monitor', '-u', url, '-t', h.server.token, '--watch', '5', ...SLOW]);
      await until(
        () => h.held() >= 1,
        () => child,
      );
      const result = await stop(child, done, 'SIGTERM');
      expect(result.ms).toBeLessThan(5000);
      expect(result.code).toBe(143);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }),
);
