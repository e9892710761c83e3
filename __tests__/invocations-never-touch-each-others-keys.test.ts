// Two invocations of the tool never touch each other's keys: two matrix legs of one job (same
// run, attempt, job and step), two steps of one job, two jobs of one run, two CLI calls in one
// GitLab job, two `generate` runs with the same name. Each runs a batch against the same server
// while every few creates fail with an unknown outcome, so reconciliation lists the server's keys
// and finds the other invocation's keys there: it must neither adopt them nor delete them.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { captureLog } from '../__fixtures__/capture-log.js';
import { type FaultProxy, startFaultProxy } from '../__fixtures__/fault-proxy.js';
import { githubContext, gitlabContext, type RunContext } from '../src/config/context.js';
import { parseOptions } from '../src/config/options.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';
import { run } from '../src/run.js';

const workspace = mkdtempSync(path.join(tmpdir(), 'invocations-'));
const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((o) => o.close()));
});

/** Every 3rd create is reset before reaching the server, every 4th after it committed. */
async function setup(flavor: 'v1' | 'v01' = 'v1') {
  const server = await startDevServer({ flavor });
  let posts = 0;
  const proxy = await startFaultProxy({
    target: server.url,
    choose: (r) => {
      if (r.method !== 'POST') return undefined;
      posts += 1;
      return posts % 3 === 0 ? 'reset-before' : posts % 4 === 0 ? 'reset-after' : undefined;
    },
  });
  open.push(proxy, server);
  return { server, proxy };
}

async function issue(server: DevServer, proxy: FaultProxy, context: RunContext, inputs: Record<string, string>) {
  const all: Record<string, string> = {
    url: proxy.url,
    'admin-token': server.token,
    'skip-health-check': 'true',
    'timeout-seconds': '1',
    concurrency: '2',
    output: `${Math.random()}.csv`,
    ...inputs,
  };
  const captured = captureLog();
  const ctx = { ...context, workspace };
  const report = await run(
    parseOptions((n) => all[n] ?? '', {}, ctx),
    ctx,
    captured.log,
  );
  const rows = report.csvPath
    ? (parse(readFileSync(report.csvPath, 'utf8'), { columns: true }) as Array<Record<string, string>>)
    : [];
  return { report, rows, keys: rows.map((r) => r.key!), log: captured.text() };
}

const github = (env: Record<string, string>, invocation = '') =>
  githubContext(
    { eventName: 'workflow_dispatch', runId: 4242, payload: {} },
    { GITHUB_RUN_ATTEMPT: '1', GITHUB_JOB: 'issue', GITHUB_ACTION: 'keys', ...env },
    new Date(),
    invocation,
  );

const deletes = (proxy: FaultProxy) =>
  proxy.records.filter((r) => r.method === 'DELETE').map((r) => decodeURIComponent(r.path.split('/').pop()!));

test.each<[string, () => RunContext, () => RunContext]>([
  ['two matrix legs (same job and step)', () => github({}), () => github({})],
  ['two steps of one job', () => github({ GITHUB_ACTION: 'keys' }), () => github({ GITHUB_ACTION: '__run_2' })],
  ['two jobs of one run', () => github({ GITHUB_JOB: 'a' }), () => github({ GITHUB_JOB: 'b' })],
  [
    'two CLI calls in one GitLab job',
    () => gitlabContext({ CI_PIPELINE_ID: '77', CI_JOB_ID: '9' }),
    () => gitlabContext({ CI_PIPELINE_ID: '77', CI_JOB_ID: '9' }),
  ],
])('%s: each keeps exactly its own keys, none adopted from or deleted for the other', async (_, first, second) => {
  const { server, proxy } = await setup();
  const a = await issue(server, proxy, first(), { command: 'batch', name: 'shared', count: '12' });
  const b = await issue(server, proxy, second(), { command: 'batch', name: 'shared', count: '12' });
  expect(proxy.injected()).toBeGreaterThan(4);
  for (const leg of [a, b]) {
    expect(leg.report.ok).toBe(true);
    expect(leg.rows).toHaveLength(12);
    expect(new Set(leg.keys).size).toBe(12);
  }
  // No key in both CSVs, none of A's deleted by B, and the server holds exactly the two CSVs.
  expect(a.keys.filter((k) => b.keys.includes(k))).toEqual([]);
  expect(deletes(proxy).filter((k) => a.keys.includes(k) || b.keys.includes(k))).toEqual([]);
  expect(new Set(server.allKeys().map((k) => k.key))).toEqual(new Set([...a.keys, ...b.keys]));
  // And the labels say whose they are: no label in both CSVs.
  const labelsA = new Set(a.rows.map((r) => r.label));
  expect(b.rows.filter((r) => labelsA.has(r.label))).toEqual([]);
});

test(
  'two generate runs with the same name a second apart: the second never takes nor deletes the ' + "first one's key",
  async () => {
    const server = await startDevServer({ flavor: 'v1' });
    // The second run's create commits, then its answer is lost.
    let posts = 0;
    const proxy = await startFaultProxy({
      target: server.url,
      choose: (r) => (r.method === 'POST' && ++posts > 1 ? 'reset-after' : undefined),
    });
    open.push(proxy, server);
    const a = await issue(server, proxy, github({}), { command: 'generate', name: 'test-user' });
    expect(a.report.ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const b = await issue(server, proxy, github({}), { command: 'generate', name: 'test-user' });
    expect(b.report.ok).toBe(false);
    expect(b.keys).toEqual([]);
    expect(b.report.failure).toContain('look them up with `quota-keys list --url');
    expect(b.report.failure).toContain('--label-prefix test-user`');
    expect(deletes(proxy)).toEqual([]);
    expect(server.allKeys().map((k) => k.key)).toContain(a.keys[0]);
    expect(server.allKeys().filter((k) => k.label === 'test-user')).toHaveLength(2);
  },
);

test("v01 matrix legs with native batches: one leg never counts the other's chunk keys", async () => {
  const { server, proxy } = await setup('v01');
  const [a, b] = await Promise.all([
    issue(server, proxy, github({}), { command: 'batch', name: 'legs', count: '150', 'server-flavor': 'v01' }),
    issue(server, proxy, github({}), { command: 'batch', name: 'legs', count: '150', 'server-flavor': 'v01' }),
  ]);
  for (const leg of [a, b]) {
    expect(leg.report.ok).toBe(true);
    expect(leg.rows).toHaveLength(150);
  }
  expect(a.keys.filter((k) => b.keys.includes(k))).toEqual([]);
  expect(deletes(proxy).filter((k) => a.keys.includes(k) || b.keys.includes(k))).toEqual([]);
  expect(new Set(server.allKeys().map((k) => k.key))).toEqual(new Set([...a.keys, ...b.keys]));
});
