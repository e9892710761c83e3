// A server (or a proxy) that sends its answer one byte every half second, then spaces forever:
// undici's timers only bound the gap between bytes, so on the old code every command ran for as
// long as the server kept dripping. Now each attempt has a total deadline (timeout-seconds, from
// connect to the last byte), and after retries + 1 attempts in a row without a complete answer the
// run sends nothing more: a whole command ends within
// (retries + 1) × timeout-seconds + max-wait-seconds + a few seconds.
// The CLI bundle against the dev server behind a hostile front (__fixtures__/hostile-server.ts), one
// front per test: the tests wait out their deadlines at once.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { type HostileRequest, type HostileServer, startHostileServer } from '../__fixtures__/hostile-server.js';
import { startCli } from '../__fixtures__/run-process.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer({ flavor: 'v1' });
});
afterAll(() => server.close());

const TIMEOUT_S = 1;
const RETRIES = 2;
const MAX_WAIT_S = 2;
/** The documented bound, plus the few seconds it allows (process start, writing the CSV). */
const BOUND_MS = ((RETRIES + 1) * TIMEOUT_S + MAX_WAIT_S) * 1000 + 4000;
const LIMITS = [
  '--timeout-seconds',
  String(TIMEOUT_S),
  '--retries',
  String(RETRIES),
  '--max-wait-seconds',
  String(MAX_WAIT_S),
];

/** Runs `test` with a front of the dev server that drips the answers `which` picks, closed after. */
async function dripping(which: (r: HostileRequest) => boolean, test: (front: HostileServer) => Promise<void>) {
  const front = await startHostileServer({
    target: server.url,
    choose: (r) => (which(r) ? { kind: 'drip', dripMs: 500 } : undefined),
  });
  try {
    await test(front);
  } finally {
    await front.close();
  }
}

/** Runs the CLI; kills it if it outlives the bound by far, so a failing run still ends. */
async function runBounded(args: string[], cwd?: string) {
  const started = Date.now();
  const { child, done } = startCli([...args, ...LIMITS], { cwd });
  const killer = setTimeout(() => child.kill('SIGKILL'), BOUND_MS + 8000);
  const result = await done;
  clearTimeout(killer);
  return { ...result, ms: Date.now() - started };
}

test.concurrent('health: a dripping health answer ends the command within the bound, in one line', () =>
  dripping(
    (r) => r.path === '/healthz',
    async (front) => {
      const result = await runBounded(['health', '-u', front.url]);
      expect(result.ms).toBeLessThan(BOUND_MS);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        new RegExp(
          String.raw`^error: Health check failed: GET http:\/\/127\.0\.0\.1:\d+\/healthz:` +
            String.raw` timed out after 1 s \(answer 200 still arriving after \d+ bytes\) \(3` +
            String.raw` attempts\);`,
          'm',
        ),
      );
      expect(front.records.filter((r) => r.path === '/healthz')).toHaveLength(RETRIES + 1);
    },
  ));

test.concurrent('list: a dripping key list (the health check answers) ends within the bound', () =>
  dripping(
    (r) => r.path.startsWith('/admin'),
    async (front) => {
      const result = await runBounded(['list', '-u', front.url, '-t', server.token]);
      expect(result.ms).toBeLessThan(BOUND_MS);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^error: .*GET http:\/\/127\.0\.0\.1:\d+\/admin\/keys.*timed out after 1 s/m);
      expect(result.stderr).not.toContain(server.token);
    },
  ));

test.concurrent('batch: dripping creates and key lists end within the bound and name the keys that may exist', () => {
  // The first admin request (the token check before any create) answers; every later one drips.
  let admin = 0;
  return dripping(
    (r) => r.path.startsWith('/admin') && ++admin > 1,
    async (front) => {
      const cwd = mkdtempSync(path.join(tmpdir(), 'drip-'));
      const result = await runBounded(
        [
          'batch',
          '-u',
          front.url,
          '-t',
          server.token,
          '-c',
          '20',
          '-n',
          'drip',
          '-o',
          'keys.csv',
          '--concurrency',
          '2',
        ],
        cwd,
      );
      expect(result.ms).toBeLessThan(BOUND_MS);
      expect(result.code).toBe(1);
      // The dripped creates were forwarded, so the server made those keys; the answers never finished.
      const made = server.allKeys().filter((k) => k.label?.startsWith('drip-'));
      expect(made.length).toBeGreaterThan(0);
      expect(made.length).toBeLessThan(20);
      // No create was answered, so no key can be in a CSV (main leaves no empty CSV behind).
      const file = path.join(cwd, 'keys.csv');
      const rows = existsSync(file) ? (parse(readFileSync(file, 'utf8'), { columns: true }) as unknown[]) : [];
      expect(rows).toHaveLength(0);
      expect(result.stderr).toMatch(/may exist on the server/);
      expect(result.stderr).not.toContain(server.token);
    },
  );
});

test.concurrent(
  'a slow answer that completes within timeout-seconds is not cut: the deadline is per attempt, ' + 'not per run',
  async () => {
    // 100 ms per byte: the dev server's health answer (some 15-40 bytes) takes seconds, within a 10 s timeout.
    const hostile = await startHostileServer({
      target: server.url,
      choose: (r) => (r.path === '/healthz' ? { kind: 'drip', dripMs: 100, forever: false } : undefined),
    });
    const started = Date.now();
    const result = await startCli(['health', '-u', hostile.url, '--timeout-seconds', '10', '--retries', '0']).done;
    await hostile.close();
    expect(result.stderr).not.toContain('error:');
    expect(result.code).toBe(0);
    expect(Date.now() - started).toBeGreaterThan(1000);
  },
);
