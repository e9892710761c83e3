// The benchmark's table: rows with their targets, printed and written to docs/performance.md.
// A benchmark reports; it does not fail. Unmet targets are named on the last line.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './simulate-runner.js';

const fmt = (n, digits = 0) => (n === undefined || Number.isNaN(n) ? '?' : n.toFixed(digits));
const kib = (bytes) => `${fmt(bytes / 1024)} KiB`;
const row = (what, values, ratio, target, met) => ({ what, values, ratio, target, met });
const within = (value, bound) => value <= bound;

function startupRows({ startup }) {
  const { ms, loaded } = startup;
  const bare = ms['node -e 0'];
  const over = (name) => ms[name] - bare;
  const line = (name, bound) =>
    row(
      `S. \`${name}\` start: wall time minus bare \`node -e 0\`; bytes loaded`,
      `${fmt(ms[name])} ms − ${fmt(bare)} ms; ${kib(loaded[name].bytes)} in ${loaded[name].files.length} files`,
      `${fmt(over(name))} ms`,
      bound === undefined ? '(reported)' : `≤ ${bound} ms`,
      bound === undefined ? undefined : within(over(name), bound),
    );
  return [line('health', 60), line('--help', 40), line('--version', 40), line('list'), line('usage')];
}

/** U1, U2 and their references against one durable server; `tag` marks the rows of another server. */
function upstreamRows(r, m, tag, server) {
  return [
    row(
      `U1${tag}. ${server}, batch of ${r.UPSTREAM_BATCH} at concurrency ${r.CONCURRENCY}, start, health, token ` +
        "check and CSV included: our speed / the minimal keep-alive client's (its time / ours)",
      `${fmt(m.minimal)} ms / ${fmt(m.ours)} ms`,
      fmt(m.minimal / m.ours, 2),
      '≥ 0.9',
      m.minimal / m.ours >= 0.9,
    ),
    row(
      `U2${tag}. the same batch one request at a time / ours (the speed-up of concurrency)`,
      `${fmt(m.sequential)} ms / ${fmt(m.ours)} ms`,
      fmt(m.sequential / m.ours, 2),
      '≥ 2',
      m.sequential / m.ours >= 2,
    ),
    row(
      `U2m${tag}. the same batch one request at a time / the minimal client (reference: the speed-up concurrency ` +
        'gives the lightest client against a server that syncs each insert to disk before it answers)',
      `${fmt(m.sequential)} ms / ${fmt(m.minimal)} ms`,
      fmt(m.sequential / m.minimal, 2),
      '(reference)',
    ),
    row(
      `U1c${tag}. the same: ours / autocannon (reference)`,
      `${fmt(m.ours)} ms / ${fmt(m.cannon)} ms`,
      fmt(m.ours / m.cannon, 2),
      '(reference)',
    ),
  ];
}

function perKeyRows(r) {
  const { batch, v01, rotate } = r;
  return [
    row(
      `B1. batch of ${r.BATCH}, concurrency ${r.CONCURRENCY}, in memory: ours / minimal client`,
      `${fmt(batch.ours)} ms / ${fmt(batch.minimal)} ms`,
      fmt(batch.ours / batch.minimal, 2),
      '≤ 1.25',
      within(batch.ours / batch.minimal, 1.25),
    ),
    row(
      'B1u. the same batch through undici alone (its Agent, a bare handler, answers parsed) / minimal client ' +
        '(reference: what the transport the design chose costs before any of our work)',
      `${fmt(batch.undici)} ms / ${fmt(batch.minimal)} ms`,
      fmt(batch.undici / batch.minimal, 2),
      '(reference)',
    ),
    row(
      'B1a. the same: ours / autocannon (reference: warm, parses nothing)',
      `${fmt(batch.ours)} ms / ${fmt(batch.cannon)} ms`,
      fmt(batch.ours / batch.cannon, 2),
      '(reference)',
    ),
    row(
      'B2. the same batch one request at a time / ours, in memory (reference: one single-threaded server)',
      `${fmt(batch.sequential)} / ${fmt(batch.ours)} ms`,
      fmt(batch.sequential / batch.ours, 2),
      '(reference)',
    ),
    ...upstreamRows(
      r,
      r.durable,
      '',
      'v1-like server (the dev server, its inserts made durable as the real v1 makes them: the rollback ' +
        'journal and a full disk sync each)',
    ),
    ...(r.realV1
      ? upstreamRows(
          r,
          r.realV1,
          'r',
          'the real upstream v1 (BENCH_REAL_V1: server-better-sqlite.js on loopback, a fresh SQLite file)',
        )
      : []),
    row(
      `N1. v01 (file persistence) batch of ${r.V01_BATCH}: create requests sent`,
      `${v01.creates}`,
      '',
      '≤ 12',
      v01.creates <= 12,
    ),
    row(
      `N2. v01 batch of ${r.V01_BATCH}: one key a request / ours (native batch)`,
      `${fmt(v01.oneByOne)} ms / ${fmt(v01.ours)} ms`,
      fmt(v01.oneByOne / v01.ours, 2),
      '> 1',
      v01.oneByOne / v01.ours > 1,
    ),
    row(
      `R1. rotation of ${r.ROTATE} aged keys: ours / minimal client's list + DELETEs`,
      `${fmt(rotate.ours)} ms / ${fmt(rotate.minimal)} ms`,
      fmt(rotate.ours / rotate.minimal, 2),
      '≤ 1.25',
      within(rotate.ours / rotate.minimal, 1.25),
    ),
    row(
      'R1a. the same: ours / autocannon DELETEs alone (reference)',
      `${fmt(rotate.ours)} ms / ${fmt(rotate.cannon)} ms`,
      fmt(rotate.ours / rotate.cannon, 2),
      '(reference)',
    ),
    row('R2. peak RSS of that rotation', `${fmt(rotate.rssMb, 1)} MB`, '', '≤ 150 MB', within(rotate.rssMb, 150)),
  ];
}

function scaleRows({ scale, SCALE }) {
  const rows = scale.rows.flatMap(({ flavor, name, small, large }) => [
    // list --output also keeps flat: at most 1.3 times its peak at a tenth of the keys.
    name === 'list --output'
      ? row(
          `X. \`${name}\` over ${SCALE} keys, ${flavor}: peak RSS, and over the RSS at ${SCALE / 10}`,
          `${fmt(large.rssMb, 1)} MB (${fmt(small.rssMb, 1)} MB at ${SCALE / 10})`,
          `×${fmt(large.rssMb / small.rssMb, 2)}`,
          '≤ 150 MB, ≤ ×1.3',
          within(large.rssMb, 150) && large.rssMb / small.rssMb <= 1.3,
        )
      : row(
          `X. \`${name}\` over ${SCALE} keys, ${flavor}: peak RSS`,
          `${fmt(large.rssMb, 1)} MB (${fmt(small.rssMb, 1)} MB at ${SCALE / 10})`,
          '',
          '≤ 150 MB',
          within(large.rssMb, 150),
        ),
    row(
      `X. \`${name}\`, ${flavor}: time at ${SCALE / 10} → ${SCALE} keys (linear: ≤ 12× for 10× the keys)`,
      `${fmt(small.ms)} ms → ${fmt(large.ms)} ms`,
      `×${fmt(large.ms / small.ms, 1)}`,
      '≤ ×12',
      large.ms / small.ms <= 12,
    ),
  ]);
  const { batchRss } = scale;
  rows.push(
    row(
      'X. `batch` peak RSS, 1,000 → 10,000 keys (flat: rows streamed, ≤ +20 MB)',
      `${fmt(batchRss[1000].rssMb, 1)} MB → ${fmt(batchRss[10000].rssMb, 1)} MB`,
      `+${fmt(batchRss[10000].rssMb - batchRss[1000].rssMb, 1)} MB`,
      '≤ +20 MB',
      batchRss[10000].rssMb - batchRss[1000].rssMb <= 20,
    ),
  );
  return rows;
}

function machine(r) {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const load = (l) => l.map((v) => v.toFixed(2)).join(' ');
  return (
    `${os.cpus().length} × ${cpu}, ${fmt(os.totalmem() / 2 ** 30, 1)} GiB, ${os.type()} ${os.release()}, ` +
    `Node ${process.version}; load average ${load(r.loadStart)} at the start, ${load(os.loadavg())} at the end; ` +
    `the bench took ${fmt(r.minutes, 1)} min`
  );
}

function profileText({ profile, BATCH }) {
  const lines = profile.top.map((p) => `| ${fmt(p.ms, 1)} ms | \`${p.name}\` | ${p.where} |`);
  return [
    `Where a batch of ${BATCH} spends its CPU (one run, \`node --cpu-prof\`, self time, ` +
      `${fmt(profile.totalMs)} ms sampled):`,
    '',
    '| self time | function | where |',
    '| --- | --- | --- |',
    ...lines,
  ].join('\n');
}

/** The dashboard's key table at DASHBOARD_KEYS keys in headless Chromium: a sort and a filter. */
function dashboardRows({ dashboard, DASHBOARD_KEYS }) {
  const what = `D. dashboard of ${DASHBOARD_KEYS} keys in Chromium: sort by label; filter by text`;
  if (dashboard.skipped) return [row(what, dashboard.skipped, '', '≤ 1000 ms each')];
  const slowest = Math.max(dashboard.sortMs, dashboard.filterMs);
  return [
    row(what, `${fmt(dashboard.sortMs)} ms; ${fmt(dashboard.filterMs)} ms`, '', '≤ 1000 ms each', slowest <= 1000),
  ];
}

export function writeReport(r) {
  const rows = [...startupRows(r), ...perKeyRows(r), ...scaleRows(r), ...dashboardRows(r)];
  const met = (m) => (m === undefined ? '' : m ? 'yes' : '**no**');
  const table = [
    '| measurement | medians | ratio | target | met |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map((x) => `| ${x.what} | ${x.values} | ${x.ratio} | ${x.target} | ${met(x.met)} |`),
  ].join('\n');
  const sizes = Object.entries(r.sizes)
    .map(([file, bytes]) => `${file} ${kib(bytes)}`)
    .join(', ');
  const loaded = Object.entries(r.startup.loaded)
    .map(
      ([name, l]) =>
        `- \`${name}\`: ${l.files.map((f) => `${path.relative(ROOT, f.file)} (${kib(f.bytes)})`).join(', ')}`,
    )
    .join('\n');
  const notes = readFileSync(path.join(ROOT, 'scripts/lib/bench-notes.md'), 'utf8');
  const doc = `# Performance

Written by \`npm run bench\` (scripts/bench.js) on ${new Date().toISOString().slice(0, 10)}. Medians of ${r.RUNS} runs
(start-up: of 10; scale rows: of ${r.SCALE_RUNS}); every pair is measured side by side against a fresh dev server
(its own process) on loopback.

Machine: ${machine(r)}.

${table}

Bundles: ${sizes}. Files each command loads (recorded by a preload, scripts/lib/record-loaded.js):
${loaded}

${profileText(r)}

${notes}`;
  const console_ = `${machine(r)}\n\n${table}\n\n${profileText(r)}`;
  process.stdout.write(`${console_}\n`);
  mkdirSync(path.join(ROOT, 'docs'), { recursive: true });
  writeFileSync(path.join(ROOT, 'docs/performance.md'), doc);
  const unmet = rows.filter((x) => x.met === false).map((x) => x.what.slice(0, 70));
  process.stdout.write(
    unmet.length ? `targets not met:\n  ${unmet.join('\n  ')}\n(see docs/performance.md)\n` : 'all targets met\n',
  );
}
