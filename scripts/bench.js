// `npm run bench`: our CLI against the dev server on loopback, side by side with the lightest honest
// client (scripts/lib/minimal-client.js), autocannon (for reference) and a one-request-at-a-time
// client. Prints medians of RUNS runs and ratios, and writes docs/performance.md. Not a test: it
// never fails on time; ratios measured side by side are what to read. Sizes: BENCH_BATCH (3000),
// BENCH_UPSTREAM_BATCH (1000, against the durable v1-like server), BENCH_ROTATE (10000), BENCH_SCALE
// (100000, and a tenth of it), BENCH_RUNS (3), BENCH_SCALE_RUNS. BENCH_REAL_V1: the real upstream v1's
// server file (server-better-sqlite.js, in a folder where its packages are installed for this Node):
// the upstream batch is then measured against it too, on loopback (scripts/lib/loopback-only.js).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { request } from 'undici';
import { benchDashboard } from './lib/bench-dashboard.js';
import { CLI, median, profileTop, timed, tmp } from './lib/bench-run.js';
import { listeningUrl, ROOT, startDevServerProcess } from './lib/simulate-runner.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SCALE_RUNS = Number(process.env.BENCH_SCALE_RUNS ?? RUNS);
const BATCH = Number(process.env.BENCH_BATCH ?? 3000);
const UPSTREAM_BATCH = Number(process.env.BENCH_UPSTREAM_BATCH ?? 1000);
const ROTATE = Number(process.env.BENCH_ROTATE ?? 10000);
const SCALE = Number(process.env.BENCH_SCALE ?? 100000);
const REAL_V1 = process.env.BENCH_REAL_V1 ? path.resolve(process.env.BENCH_REAL_V1) : undefined;
const V01_BATCH = 1000;
const DASHBOARD_KEYS = 10000;
const CONCURRENCY = 8;
const MINIMAL = path.join(ROOT, 'scripts/lib/minimal-client.js');
const SEQUENTIAL = path.join(ROOT, 'scripts/lib/one-at-a-time.js');
const UNDICI_ALONE = path.join(ROOT, 'scripts/lib/undici-client.js');
const loadStart = os.loadavg();
let dbs = 0;
const log = (line) => process.stderr.write(`bench: ${line}\n`);

/** autocannon's own duration is counted in whole sample ticks (1 s): time it to its last response instead. */
async function autocannonRun(opts) {
  const started = performance.now();
  let last = started;
  let answered = 0;
  const instance = autocannon({ connections: CONCURRENCY, pipelining: 1, ...opts });
  instance.on('response', (_client, statusCode) => {
    last = performance.now();
    if (statusCode >= 200 && statusCode < 300) answered += 1;
  });
  await instance;
  if (answered !== opts.amount) throw new Error(`autocannon: ${answered} of ${opts.amount} answered 2xx`);
  return last - started;
}

async function withServer(args, fn) {
  const hasFlavor = args.includes('--flavor');
  const server = await startDevServerProcess([...(hasFlavor ? [] : ['--flavor', 'v1']), ...args]);
  try {
    return await fn(server);
  } finally {
    await server.stop();
  }
}

/** The real upstream v1 on loopback, a fresh SQLite file each time: as its Dockerfile runs it, but on 127.0.0.1. */
async function withRealV1(fn) {
  const token = randomBytes(16).toString('hex');
  const child = spawn(process.execPath, ['--import', path.join(ROOT, 'scripts/lib/loopback-only.js'), REAL_V1], {
    cwd: path.dirname(REAL_V1),
    // The server refuses to start without an upstream key; no admin request uses it.
    env: {
      ...process.env,
      ADMIN_TOKEN: token,
      SQLITE_PATH: path.join(tmp, `real-v1-${dbs++}.sqlite`),
      DEEPSEEK_API_KEY: 'x',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  try {
    const url = await listeningUrl(child, () => 'the real v1 exited');
    return await fn({ url, token });
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

const auth = (token) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });
const cli = (command, { url, token }, ...rest) => [CLI, command, ...rest, '--url', url, '--token', token];
const base = (url) => url.replace(/\/$/, '');

/** Medians of RUNS runs of each named measurement; `once(run)` returns `{ name: ms }` for one run. */
async function medians(once) {
  const all = {};
  for (let run = 0; run < RUNS; run++)
    for (const [name, value] of Object.entries(await once(run))) {
      all[name] ??= [];
      all[name].push(value);
    }
  return Object.fromEntries(Object.entries(all).map(([name, values]) => [name, median(values)]));
}

/** `server(fn)`: runs fn with a fresh server (`{ url, token }`). */
async function benchBatch(server, count) {
  return medians(async (run) => {
    const out = path.join(tmp, `batch-${run}.csv`);
    const flags = ['--count', String(count), '--concurrency', String(CONCURRENCY), '--output', out];
    const ours = await server(async (s) => (await timed(cli('batch', s, ...flags))).ms);
    const minimal = await server(
      async ({ url, token }) => (await timed([MINIMAL, 'create', url, token, String(count), String(CONCURRENCY)])).ms,
    );
    const undici = await server(
      async ({ url, token }) => (await timed([UNDICI_ALONE, url, token, String(count), String(CONCURRENCY)])).ms,
    );
    const cannon = await server(async ({ url, token }) =>
      autocannonRun({
        url: `${base(url)}/admin/keys`,
        method: 'POST',
        headers: auth(token),
        body: JSON.stringify({ label: 'bench' }),
        amount: count,
      }),
    );
    const sequential = await server(
      async ({ url, token }) => (await timed([SEQUENTIAL, url, token, String(count)])).ms,
    );
    return { ours, minimal, undici, cannon, sequential };
  });
}

/** v01 takes up to 100 keys a request: our batch of 1,000 (create requests counted) beside one key a request. */
async function benchV01() {
  let db = 0;
  const server = () => ['--flavor', 'v01', '--db', path.join(tmp, `v01-${db++}.json`)];
  let creates = 0;
  const times = await medians(async (run) => {
    const out = path.join(tmp, `v01-${run}.csv`);
    const flags = ['--count', String(V01_BATCH), '--concurrency', String(CONCURRENCY), '--output', out];
    const ours = await withServer(server(), async (s) => (await timed(cli('batch', s, ...flags))).ms);
    const oneByOne = await withServer(
      server(),
      async ({ url, token }) => (await timed([SEQUENTIAL, url, token, String(V01_BATCH)])).ms,
    );
    return { ours, oneByOne };
  });
  // Counted in a run of its own, with debug lines on (each request is one line), not timed.
  await withServer(server(), async (s) => {
    const out = path.join(tmp, 'v01-count.csv');
    const { stderr } = await timed(cli('batch', s, '--count', String(V01_BATCH), '--output', out), {
      env: { QUOTA_KEYS_DEBUG: '1' },
    });
    creates = stderr.split('\n').filter((line) => /POST \S+\/admin\/keys → 2\d\d/.test(line)).length;
  });
  return { ...times, creates };
}

const ROTATE_FLAGS = ['--older-than-days', '30', '--label-prefix', 'auto-', '--concurrency', String(CONCURRENCY)];
const seedFlags = (n, more = []) => [
  '--seed-keys',
  String(n),
  '--seed-age-days',
  '40',
  '--seed-label-prefix',
  'auto-',
  ...more,
];

async function keysLeft({ url, token }) {
  const answer = await request(`${base(url)}/admin/keys`, { headers: auth(token) });
  const body = await answer.body.json();
  return (Array.isArray(body) ? body : body.keys).length;
}

async function benchRotate() {
  const rss = [];
  const times = await medians(async () => {
    const ours = await withServer(seedFlags(ROTATE), async (s) => {
      const result = await timed(cli('rotate', s, ...ROTATE_FLAGS), { rss: true });
      rss.push(result.rssMb);
      if ((await keysLeft(s)) !== 0) throw new Error('rotate left keys behind');
      return result.ms;
    });
    const minimal = await withServer(seedFlags(ROTATE), async (s) => {
      const { ms } = await timed([MINIMAL, 'rotate', s.url, s.token, String(CONCURRENCY)]);
      if ((await keysLeft(s)) !== 0) throw new Error('the minimal client left keys behind');
      return ms;
    });
    const cannon = await withServer(seedFlags(ROTATE), async ({ url, token }) => {
      const listed = await request(`${base(url)}/admin/keys`, { headers: auth(token) }).then((a) => a.body.json());
      const prefix = new URL(base(url)).pathname.replace(/\/$/, '');
      const paths = listed.keys.map((k) => `${prefix}/admin/keys/${encodeURIComponent(k.key)}`);
      let next = 0;
      return autocannonRun({
        url: base(url),
        headers: auth(token),
        amount: paths.length,
        requests: [{ method: 'DELETE', setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] }) }],
      });
    });
    return { ours, minimal, cannon };
  });
  return { ...times, rssMb: median(rss) };
}

/** Start-up: medians of 10 (bare node interleaved) and the bytes each command loads. */
async function benchStartup() {
  return withServer(seedFlags(100), async (s) => {
    const commands = {
      'node -e 0': ['-e', '0'],
      '--version': [CLI, '--version'],
      '--help': [CLI, '--help'],
      health: [CLI, 'health', '--url', s.url],
      list: cli('list', s),
      usage: cli('usage', s),
    };
    const ms = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
    for (let i = 0; i < Math.max(10, RUNS); i++)
      for (const [name, args] of Object.entries(commands)) ms[name].push((await timed(args)).ms);
    const loaded = {};
    for (const [name, args] of Object.entries(commands))
      if (name !== 'node -e 0') loaded[name] = (await timed(args, { loaded: true })).loaded;
    return { ms: Object.fromEntries(Object.entries(ms).map(([n, v]) => [n, median(v)])), loaded };
  });
}

/** One command over `keys` seeded keys of a flavor: medians of wall time and peak RSS. */
async function scaleCase(flavor, keys, command) {
  const server = [
    '--flavor',
    flavor,
    ...seedFlags(keys),
    ...(flavor === 'v10' ? ['--rate-limit', 'off', '--health', 'ok'] : []),
  ];
  const ms = [];
  const rss = [];
  for (let run = 0; run < SCALE_RUNS; run++) {
    await withServer(server, async (s) => {
      const result = await timed(cli(...command(s, run)).slice(0), { rss: true });
      ms.push(result.ms);
      rss.push(result.rssMb);
    });
  }
  return { ms: median(ms), rssMb: median(rss) };
}

async function benchScale() {
  const usageHelp = (await timed([CLI, 'usage', '--help'])).stdout;
  const usageFlags = /--days\b/.test(usageHelp) ? ['--days', '30'] : [];
  const commands = {
    'list --output': (s, run) => ['list', s, '--output', path.join(tmp, `list-${run}.csv`)],
    [`usage${usageFlags.length ? ' --days 30' : ''}`]: (s) => ['usage', s, ...usageFlags],
    rotate: (s) => ['rotate', s, ...ROTATE_FLAGS],
  };
  const rows = [];
  for (const flavor of ['v10', 'v1'])
    for (const [name, command] of Object.entries(commands)) {
      const small = await scaleCase(flavor, SCALE / 10, command);
      const large = await scaleCase(flavor, SCALE, command);
      log(`${flavor} ${name}: ${small.ms.toFixed(0)} ms → ${large.ms.toFixed(0)} ms, ${large.rssMb.toFixed(0)} MB`);
      rows.push({ flavor, name, small, large });
    }
  const batchRss = {};
  for (const count of [1000, 10000])
    batchRss[count] = await scaleCase('v1', 0, (s, run) => [
      'batch',
      s,
      '--count',
      String(count),
      '--concurrency',
      String(CONCURRENCY),
      '--output',
      path.join(tmp, `rss-batch-${count}-${run}.csv`),
    ]);
  return { rows, batchRss, daysFlag: usageFlags.length > 0 };
}

/** Where a batch spends its time: a CPU profile of one run against the in-memory server. */
async function profileBatch() {
  const dir = path.join(tmp, 'profile');
  mkdirSync(dir, { recursive: true });
  await withServer([], async (s) => {
    const flags = ['--count', String(BATCH), '--concurrency', String(CONCURRENCY), '--output', path.join(dir, 'p.csv')];
    await timed(cli('batch', s, ...flags), { nodeArgs: ['--cpu-prof', '--cpu-prof-dir', dir] });
  });
  return profileTop(dir);
}

const t0 = performance.now();
log('start-up');
const startup = await benchStartup();
log('batch, in memory');
const batch = await benchBatch((fn) => withServer([], fn), BATCH);
log('batch, durable (v1-like: disk syncs per insert, as the real v1 makes them)');
const durable = await benchBatch(
  (fn) => withServer(['--db', path.join(tmp, `durable-${dbs++}.sqlite`), '--sync'], fn),
  UPSTREAM_BATCH,
);
if (REAL_V1) log(`batch, the real v1 (${REAL_V1})`);
const realV1 = REAL_V1 ? await benchBatch(withRealV1, UPSTREAM_BATCH) : undefined;
log('v01 native batch');
const v01 = await benchV01();
log('rotation');
const rotate = await benchRotate();
log('profile');
const profile = await profileBatch();
log('scale');
const scale = await benchScale();
log('dashboard in Chromium');
const dashboard = await benchDashboard(withServer, DASHBOARD_KEYS, RUNS);
rmSync(tmp, { recursive: true, force: true });
const { writeReport } = await import('./lib/bench-report.js');
writeReport({
  RUNS,
  SCALE_RUNS,
  BATCH,
  UPSTREAM_BATCH,
  ROTATE,
  SCALE,
  V01_BATCH,
  CONCURRENCY,
  loadStart,
  startup,
  batch,
  durable,
  realV1,
  v01,
  rotate,
  profile,
  scale,
  dashboard,
  DASHBOARD_KEYS,
  minutes: (performance.now() - t0) / 60000,
  sizes: Object.fromEntries(
    ['dist/index.js', 'dist/cli/index.js'].map((f) => [f, readFileSync(path.join(ROOT, f)).length]),
  ),
});
