// `npm run bench`: our CLI against the dev server on loopback, side by side with autocannon and a
// one-request-at-a-time client. Prints medians of RUNS runs and ratios, and writes
// docs/performance.md. Not a test: results move with machine load; ratios measured side by side
// are what to read.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { request } from 'undici';
import { ROOT, startDevServerProcess } from './lib/simulate-runner.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const BATCH = Number(process.env.BENCH_BATCH ?? 3000);
const ROTATE = Number(process.env.BENCH_ROTATE ?? 10000);
const CONCURRENCY = 8;
const CLI = path.join(ROOT, 'dist/cli.js');
const RSS_PRELOAD = path.join(ROOT, 'scripts/lib/report-max-rss.js');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'quota-keys-bench-'));

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Runs a command to completion; returns wall milliseconds (and the child's peak RSS when asked). */
function timed(args, { rss = false } = {}) {
  const rssFile = path.join(tmp, `rss-${Math.random().toString(36).slice(2)}`);
  const nodeArgs = rss ? ['--import', RSS_PRELOAD, ...args] : args;
  const started = performance.now();
  const child = spawn(process.execPath, nodeArgs, {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, MAX_RSS_FILE: rssFile },
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) =>
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (code !== 0) return reject(new Error(`${args.join(' ')} exited ${code}: ${stderr.slice(-500)}`));
      resolve({ ms, maxRssMb: rss ? Number(readFileSync(rssFile, 'utf8')) / 1024 : undefined });
    }),
  );
}

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
  const server = await startDevServerProcess(['--flavor', 'v1', ...args]);
  try {
    return await fn(server);
  } finally {
    await server.stop();
  }
}

const auth = (token) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

async function benchBatch(serverArgs) {
  const ours = [];
  const cannon = [];
  const sequential = [];
  for (let run = 0; run < RUNS; run++) {
    await withServer(serverArgs(), async ({ url, token }) => {
      const out = path.join(tmp, `batch-${run}.csv`);
      ours.push(
        (
          await timed([
            CLI,
            'batch',
            '--count',
            String(BATCH),
            '--concurrency',
            String(CONCURRENCY),
            '--url',
            url,
            '--token',
            token,
            '--output',
            out,
          ])
        ).ms,
      );
    });
    await withServer(serverArgs(), async ({ url, token }) => {
      cannon.push(
        await autocannonRun({
          url: `${url.replace(/\/$/, '')}/admin/keys`,
          method: 'POST',
          headers: auth(token),
          body: JSON.stringify({ label: 'bench' }),
          amount: BATCH,
        }),
      );
    });
    await withServer(serverArgs(), async ({ url, token }) => {
      sequential.push((await timed([path.join(ROOT, 'scripts/lib/one-at-a-time.js'), url, token, String(BATCH)])).ms);
    });
  }
  return { ours: median(ours), cannon: median(cannon), sequential: median(sequential) };
}

async function benchRotate() {
  const ours = [];
  const rss = [];
  const cannon = [];
  const seed = ['--seed-keys', String(ROTATE), '--seed-age-days', '40', '--seed-label-prefix', 'auto-'];
  for (let run = 0; run < RUNS; run++) {
    await withServer(seed, async ({ url, token }) => {
      const result = await timed(
        [
          CLI,
          'rotate',
          '--older-than-days',
          '30',
          '--label-prefix',
          'auto-',
          '--concurrency',
          String(CONCURRENCY),
          '--url',
          url,
          '--token',
          token,
        ],
        { rss: true },
      );
      ours.push(result.ms);
      rss.push(result.maxRssMb);
      const left = await request(`${url.replace(/\/$/, '')}/admin/keys`, { headers: auth(token) }).then((a) =>
        a.body.json(),
      );
      if (left.keys.length !== 0) throw new Error(`rotate left ${left.keys.length} keys`);
    });
    await withServer(seed, async ({ url, token }) => {
      const base = url.replace(/\/$/, '');
      const listed = await request(`${base}/admin/keys`, { headers: auth(token) }).then((a) => a.body.json());
      const paths = listed.keys.map(
        (k) => `${new URL(base).pathname.replace(/\/$/, '')}/admin/keys/${encodeURIComponent(k.key)}`,
      );
      let next = 0;
      cannon.push(
        await autocannonRun({
          url: base,
          headers: auth(token),
          amount: paths.length,
          requests: [{ method: 'DELETE', setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] }) }],
        }),
      );
    });
  }
  return { ours: median(ours), cannon: median(cannon), rssMb: median(rss) };
}

async function benchStartup() {
  return withServer([], async ({ url }) => {
    const health = [];
    const bare = [];
    for (let i = 0; i < Math.max(RUNS, 7); i++) {
      bare.push((await timed(['-e', '0'])).ms);
      health.push((await timed([CLI, 'health', '--url', url])).ms);
    }
    return { health: median(health), bare: median(bare) };
  });
}

const fmt = (n, digits = 0) => n.toFixed(digits);
const kb = (file) => Math.round(readFileSync(path.join(ROOT, file)).length / 1024);

// In memory the server is as fast as it gets, so the client's own cost shows; with a database file
// and a sync per insert (--sync) it behaves like the deployed v1 (a disk sync per key).
const batch = await benchBatch(() => []);
let dbs = 0;
const durable = await benchBatch(() => ['--db', path.join(tmp, `durable-${dbs++}.sqlite`), '--sync']);
const rotate = await benchRotate();
const startup = await benchStartup();
rmSync(tmp, { recursive: true, force: true });

const rows = [
  [
    '1. batch of ' + BATCH + ', concurrency ' + CONCURRENCY + ': ours / autocannon',
    `${fmt(batch.ours)} ms / ${fmt(batch.cannon)} ms`,
    fmt(batch.ours / batch.cannon, 2),
    '≤ 1.25',
    batch.ours / batch.cannon <= 1.25,
  ],
  [
    '1b. the same against a durable server (file, a sync per insert, like the deployed v1)',
    `${fmt(durable.ours)} ms / ${fmt(durable.cannon)} ms`,
    fmt(durable.ours / durable.cannon, 2),
    '≤ 1.25',
    durable.ours / durable.cannon <= 1.25,
  ],
  [
    '2. the same batch one request at a time / ours (speed-up), in memory',
    `${fmt(batch.sequential)} ms / ${fmt(batch.ours)} ms`,
    fmt(batch.sequential / batch.ours, 2),
    '> 1',
    batch.sequential / batch.ours > 1,
  ],
  [
    '2b. the same, durable server',
    `${fmt(durable.sequential)} ms / ${fmt(durable.ours)} ms`,
    fmt(durable.sequential / durable.ours, 2),
    '> 1',
    durable.sequential / durable.ours > 1,
  ],
  [
    '3. rotation of ' + ROTATE + ' aged keys: ours / autocannon DELETEs',
    `${fmt(rotate.ours)} ms / ${fmt(rotate.cannon)} ms`,
    fmt(rotate.ours / rotate.cannon, 2),
    '≤ 2',
    rotate.ours / rotate.cannon <= 2,
  ],
  ['4. peak RSS of that rotation', `${fmt(rotate.rssMb, 1)} MB`, '', '≤ 150 MB', rotate.rssMb <= 150],
  [
    '5. `health` wall time minus bare `node -e 0`',
    `${fmt(startup.health)} ms − ${fmt(startup.bare)} ms`,
    `${fmt(startup.health - startup.bare)} ms`,
    '≤ 250 ms',
    startup.health - startup.bare <= 250,
  ],
];
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const machine = `${os.cpus().length} × ${cpu}, ${fmt(os.totalmem() / 2 ** 30, 1)} GiB, ${os.type()} ${os.release()}, Node ${process.version}; load average ${os
  .loadavg()
  .map((l) => l.toFixed(2))
  .join(' ')}`;
const table = [
  '| measurement | medians | ratio | target | met |',
  '| --- | --- | --- | --- | --- |',
  ...rows.map(
    ([what, values, ratio, target, met]) =>
      `| ${what} | ${values} | ${ratio} | ${target} | ${met ? 'yes' : '**no**'} |`,
  ),
].join('\n');
const sizes = `Bundle sizes: dist/index.js ${kb('dist/index.js')} KiB, dist/cli/index.js ${kb('dist/cli/index.js')} KiB (lazy chunks load only for the commands that need them).`;

console.log(`${machine}\n\n${table}\n\n${sizes}`);
mkdirSync(path.join(ROOT, 'docs'), { recursive: true });
writeFileSync(
  path.join(ROOT, 'docs/performance.md'),
  `# Performance

Written by \`npm run bench\` (scripts/bench.js) on ${new Date().toISOString().slice(0, 10)}. Each figure is the median of ${RUNS} runs; every
pair is measured side by side against a fresh dev server (v1 flavor, its own process) on loopback,
so the ratio says what our client costs over the lightest possible client. The in-memory server
answers far faster than any real quota-proxy, so there the client's own cost shows; the durable
server (SQLite file, a sync per insert) is the deployed v1's situation. Wall times of our CLI
include starting Node, loading the bundle and the health check.

Machine: ${machine}.

${table}

${sizes}

How each is measured:
1. \`node dist/cli.js batch --count ${BATCH} --concurrency ${CONCURRENCY}\` (CSV written) against autocannon sending the same ${BATCH} \`POST /admin/keys\` over ${CONCURRENCY} connections.
2. \`scripts/lib/one-at-a-time.js\`, a process of its own like our CLI, sending the ${BATCH} POSTs one after the other and waiting for each answer: the bash tool's pattern without its 0.5 s sleep and without its per-key curl and jq processes, so the real old tool (about 1.5 keys/s, 5.8 without the sleep) is far slower still.
3. \`node dist/cli.js rotate --older-than-days 30 --label-prefix auto-\` on ${ROTATE} keys seeded 40 days old (listing, filtering, ${ROTATE} DELETEs), against autocannon sending the ${ROTATE} DELETEs alone (its key list fetched beforehand, not timed).
4. The rotation's peak resident set (\`process.resourceUsage().maxRSS\` at exit, via a preload).
5. Median wall time of \`node dist/cli.js health\` minus that of \`node -e 0\`.

Reading the numbers:
- Against the in-memory server nothing but the client limits the rate, and autocannon is a load
  generator that pre-builds its requests and parses no answers. Our CLI is one Node process that
  starts cold (its JIT warms up during the batch), parses every answer, masks and redacts every
  key and streams the CSV; that is what rows 1 and 3 measure. Its fixed cost (start-up, bundle,
  health check) is row 5 plus about as much again for the first requests.
- The deployed v1 syncs to disk per insert and tops out near 360 keys/s, far below what row 1 shows
  our client sustaining: against real servers the server is the bottleneck and our fixed start-up
  cost is what remains of the ratio (row 1b on this machine's fast disk; less on slower ones).
- Row 2: a one-at-a-time client is as fast as the server answers one request; concurrency helps
  only where the server handles requests in parallel (SQLite serialises writes, so a single dev
  server gains little from it). The replaced tool additionally spent a curl and a jq process and
  a 0.5 s sleep per key.
- Row 4: V8 grows its young generation with the machine's memory and with the share of objects
  that survive, and a rotation keeps every due key alive while it lists. Both entries turn that
  growth off at start (src/shared/v8-young-generation.ts); with the growth on, the same rotation peaked near 200 MB,
  most of it garbage not yet collected, at the same speed.
`,
);
// A benchmark reports; it does not fail. Unmet targets are named on the last line.
const unmet = rows.filter((r) => !r[4]).map((r) => r[0].split(' ')[0]);
console.log(
  unmet.length
    ? `targets not met: ${unmet.join(' ')} (see docs/performance.md, "Reading the numbers")`
    : 'all targets met',
);
