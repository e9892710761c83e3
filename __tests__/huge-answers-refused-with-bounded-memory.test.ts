// Answers are bounded in size (16 MiB): a server or proxy that sends 300 MB or 600 MB (announced
// by Content-Length or chunked without end in sight) gets a one-line error, the process stays
// small, and a batch still writes its CSV with every key it made. On the old code the whole body
// was buffered, then joined and decoded: 300 MB took over a gigabyte, and 600 MB ended in an
// uncaught "Cannot create a string longer than …" with a stack trace and no CSV.
// The CLI bundle runs with a test-only hook (--import) that prints the process's peak RSS at exit.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import {
  type HostileRequest,
  type HostileServer,
  type Hostility,
  startHostileServer,
} from '../__fixtures__/hostile-server.js';
import { CLI_BUNDLE, startProcess } from '../__fixtures__/run-process.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';

const TEST_MS = 60_000;

let server: DevServer;
let hostile: HostileServer | undefined;
beforeAll(async () => {
  server = await startDevServer({ flavor: 'v1' });
});
afterEach(async () => {
  await hostile?.close();
  hostile = undefined;
});
afterAll(() => server.close());

const MB = 1000 * 1000;
/**
 * Prints the peak resident set size (kilobytes) on exit; nothing else, so no secret can reach it. On
 * Linux the process's own (VmHWM): ru_maxrss keeps the RSS of the process it was forked from, so a
 * jest worker of 300 MB read as the CLI's peak.
 */
const PEAK_RSS_HOOK =
  'data:text/javascript,' +
  `process.on('exit',()=>{let kb=process.resourceUsage().maxRSS;try{kb=Number(/VmHWM:\\s+(\\d+)/.exec(` +
  `process.getBuiltinModule('fs').readFileSync('/proc/self/status','utf8'))[1])}catch{}` +
  `process.stderr.write('peak-rss-kb='+kb+'\\n')})`;
/** Far below what buffering the 300 MB answer took (over 1 GB); the CLI itself peaks at 70-130 MB here. */
const RSS_LIMIT_KB = 256 * 1024;

async function runMeasured(args: string[], cwd?: string) {
  const { child, done } = startProcess(process.execPath, ['--import', PEAK_RSS_HOOK, CLI_BUNDLE, ...args], {
    cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
  });
  const killer = setTimeout(() => child.kill('SIGKILL'), 50_000);
  const result = await done;
  clearTimeout(killer);
  const peak = /peak-rss-kb=(\d+)/.exec(result.stderr);
  return { ...result, peakKb: peak ? Number(peak[1]) : undefined };
}

async function huge(which: (r: HostileRequest) => boolean, answer: Hostility) {
  hostile = await startHostileServer({ target: server.url, choose: (r) => (which(r) ? answer : undefined) });
  return hostile;
}

test(
  'list: a 300 MB key list with Content-Length is refused before it is read',
  async () => {
    const front = await huge((r) => r.path === '/admin/keys', { kind: 'huge', bytes: 300 * MB, contentLength: true });
    const result = await runMeasured(['list', '-u', front.url, '-t', server.token, '--retries', '0']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(
        String.raw`^error: GET http:\/\/127\.0\.0\.1:\d+\/admin\/keys: the answer is` +
          String.raw` larger than 16 MiB \(Content-Length 286\.1 MiB\), more than the 16 MiB an` +
          ' answer may have; not read$',
        'm',
      ),
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.peakKb).toBeDefined();
    expect(result.peakKb!).toBeLessThan(RSS_LIMIT_KB);
    expect(front.hugeBytesSent()).toBeLessThan(100 * MB);
  },
  TEST_MS,
);

test(
  'list: a 600 MB chunked key list is cut at 16 MiB, with a clear error and bounded memory',
  async () => {
    const front = await huge((r) => r.path === '/admin/keys', { kind: 'huge', bytes: 600 * MB, contentLength: false });
    const result = await runMeasured(['list', '-u', front.url, '-t', server.token]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(
        String.raw`^error: GET http:\/\/127\.0\.0\.1:\d+\/admin\/keys: the answer is` +
          ' larger than 16 MiB, more than the 16 MiB an answer may have; not read$',
        'm',
      ),
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.peakKb!).toBeLessThan(RSS_LIMIT_KB);
  },
  TEST_MS,
);

test(
  'batch: 600 MB answers to creates fail those labels; the CSV has every key made, memory stays bounded',
  async () => {
    // The first 3 creates are answered by the server; every later one gets 600 MB, chunked.
    let posts = 0;
    hostile = await startHostileServer({
      target: server.url,
      choose: (r) =>
        r.method === 'POST' && ++posts > 3 ? { kind: 'huge', bytes: 600 * MB, contentLength: false } : undefined,
    });
    const cwd = mkdtempSync(path.join(tmpdir(), 'huge-'));
    const result = await runMeasured(
      [
        'batch',
        '-u',
        hostile.url,
        '-t',
        server.token,
        '-c',
        '6',
        '-n',
        'huge',
        '-o',
        'keys.csv',
        '--concurrency',
        '1',
        '--retries',
        '1',
      ],
      cwd,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/larger than 16 MiB/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.peakKb!).toBeLessThan(RSS_LIMIT_KB);
    const rows = parse(readFileSync(path.join(cwd, 'keys.csv'), 'utf8'), { columns: true }) as Array<
      Record<string, string>
    >;
    const made = server.allKeys().filter((k) => k.label?.startsWith('huge-'));
    expect(made).toHaveLength(3);
    expect(new Set(rows.map((r) => r.key))).toEqual(new Set(made.map((k) => k.key)));
  },
  TEST_MS,
);
