// Progress of a real batch behind a slow link (the fault proxy holds every create's answer): in line
// mode a line now and then, monotonic, ending in one saying done, with no key in any; on a real
// terminal (a pty from util-linux `script`) the bundled CLI draws a bar redrawn in place on stderr;
// the same command through pipes draws none and keeps progress off stdout. The three batches go
// through the slow link at once.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { captureLog } from '../__fixtures__/capture-log.js';
import { type FaultProxy, startFaultProxy } from '../__fixtures__/fault-proxy.js';
import { CLI_BUNDLE, runCliBundle } from '../__fixtures__/run-process.js';
import { cliContext } from '../src/config/context.js';
import { parseOptions } from '../src/config/options.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';
import { run } from '../src/run.js';
import { createProgress } from '../src/shared/progress.js';

let server: DevServer;
let proxy: FaultProxy;
beforeAll(async () => {
  server = await startDevServer({ flavor: 'v1' });
  // Every create's answer held 100 ms: 100 keys, 4 at a time, take about 2.5 s.
  proxy = await startFaultProxy({
    target: server.url,
    delayMs: 100,
    choose: (r) => (r.method === 'POST' ? 'delay' : undefined),
  });
});
afterAll(async () => {
  await proxy.close();
  await server.close();
});

const keysIn = (csvPath: string) =>
  (parse(readFileSync(csvPath, 'utf8'), { columns: true }) as Array<{ key: string }>).map((r) => r.key);

test.concurrent('line mode: lines during the batch, counts rising, the last one done, no key in any', async () => {
  const context = { ...cliContext({}), workspace: mkdtempSync(path.join(tmpdir(), 'progress-lines-')) };
  const inputs: Record<string, string> = { command: 'batch', name: 'slow', count: '100', url: proxy.url };
  const options = parseOptions((n) => inputs[n] ?? '', { ADMIN_TOKEN: server.token }, context);
  const lines: string[] = [];
  // The thresholds shortened (2 s and 10 s by default) so a 2.5 s batch shows several lines.
  const progress = createProgress({ write: (line) => lines.push(line), quietMs: 300, everyMs: 300 });
  const report = await run(options, context, captureLog().log, undefined, progress);
  expect(report.ok).toBe(true);
  expect(lines.length).toBeGreaterThanOrEqual(3);
  const counts = lines.map((l) => Number(/^(\d+)\/100 keys created \(\d+ %\), [\d.]+\/s/.exec(l)![1]));
  for (let i = 1; i < counts.length; i += 1) expect(counts[i]!).toBeGreaterThan(counts[i - 1]!);
  expect(lines.at(-1)).toMatch(/^100\/100 keys created \(100 %\), [\d.]+\/s: done$/);
  expect(lines.slice(0, -1).every((l) => /, ETA \d+s$/.test(l))).toBe(true);
  const text = lines.join('\n');
  for (const key of keysIn(report.csvPath!)) expect(text).not.toContain(key);
});

const hasScript = (() => {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const ifPty = hasScript ? test.concurrent : test.skip;

/** The CLI bundle on a real terminal: `script` gives it a pty; stdout and stderr both arrive on it. */
function runCliOnPty(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; out: string }> {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const command = [process.execPath, CLI_BUNDLE, ...args].map(quote).join(' ');
  return new Promise((resolve) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code, out }));
  });
}

ifPty('on a terminal a bar with count, rate and ETA is redrawn in place; through pipes none', async () => {
  const args = ['batch', '--name', 'bar', '--count', '100', '--url', proxy.url];
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, ADMIN_TOKEN: server.token, TERM: 'xterm' };
  const onPty = mkdtempSync(path.join(tmpdir(), 'progress-pty-'));
  const [tty, piped] = await Promise.all([
    runCliOnPty(args, onPty, env),
    runCliBundle(args, { cwd: mkdtempSync(path.join(tmpdir(), 'progress-pipe-')), env: { ADMIN_TOKEN: server.token } }),
  ]);
  expect(tty.code).toBe(0);
  const draws = tty.out.split('\r\x1b[K').filter((d) => d.startsWith('['));
  expect(draws.length).toBeGreaterThanOrEqual(2);
  expect(draws[0]).toMatch(/^\[[#-]+\] \d+\/100 keys created \(\d+ %\), [\d.]+\/s, ETA \d+s/);
  const csvs = readdirSync(onPty).filter((f) => f.endsWith('.csv'));
  expect(csvs).toHaveLength(1);
  const keys = keysIn(path.join(onPty, csvs[0]!));
  expect(keys).toHaveLength(100);
  for (const key of keys) expect(tty.out).not.toContain(key);

  expect(piped.code).toBe(0);
  // Shorter than 10 s: not even a line; and never anything on stdout.
  expect(piped.stderr).not.toContain('keys created (');
  expect(piped.stderr).not.toContain('\x1b[K');
  expect(piped.stdout).not.toContain('keys created (');
});
