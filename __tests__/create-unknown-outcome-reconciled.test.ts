// POST /admin/keys is not idempotent: after a create whose outcome is unknown the server's key list
// decides — adopt the key if the server made it, create again only if it did not — so the CSV ends
// up holding exactly the server's keys for the batch's labels, one per label.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { captureLog } from '../__fixtures__/capture-log.js';
import { type Fault, type FaultProxy, type FaultRequest, startFaultProxy } from '../__fixtures__/fault-proxy.js';
import { cliContext } from '../src/config/context.js';
import { parseOptions } from '../src/config/options.js';
import { type DevServer, type Flavor, startDevServer } from '../src/dev-server/index.js';
import { run } from '../src/run.js';

const workspace = mkdtempSync(path.join(tmpdir(), 'reconcile-'));
const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((o) => o.close()));
});

async function setup(
  flavor: Flavor,
  choose: (r: FaultRequest, server: DevServer) => Fault | undefined,
  delayMs?: number,
) {
  const server = await startDevServer({ flavor });
  const proxy = await startFaultProxy({ target: server.url, choose: (r) => choose(r, server), delayMs });
  open.push(proxy, server);
  return { server, proxy };
}

/** The n-th (0-based) request of `method` gets `fault`. */
function nth(method: string, n: number, fault: Fault) {
  let seen = 0;
  return (r: FaultRequest) => (r.method === method ? (seen++ === n ? fault : undefined) : undefined);
}

async function issue(server: DevServer, proxy: FaultProxy, inputs: Record<string, string>, suffix = 'q1') {
  const context = { ...cliContext({}), workspace, labelSuffix: suffix };
  const all: Record<string, string> = {
    url: proxy.url,
    'admin-token': server.token,
    'skip-health-check': 'true',
    'timeout-seconds': '1',
    output: `${suffix}-${Math.random()}.csv`,
    ...inputs,
  };
  const captured = captureLog();
  const report = await run(
    parseOptions((n) => all[n] ?? '', {}, context),
    context,
    captured.log,
  );
  // A run that made no key writes no CSV.
  const rows = report.csvPath
    ? (parse(readFileSync(report.csvPath, 'utf8'), { columns: true }) as Array<Record<string, string>>)
    : [];
  return { report, rows, log: captured.text() };
}

/**
 * CSV set == the server's keys carrying the batch's labels; one key per label, or per number where a native batch's
 * chunk label stands for several.
 */
function expectCsvMatchesServer(server: DevServer, rows: Array<Record<string, string>>, labels: string[]) {
  const wanted = new Set(labels);
  const onServer = server.allKeys().filter((k) => wanted.has(k.label ?? ''));
  expect(new Set(rows.map((r) => r.key))).toEqual(new Set(onServer.map((k) => k.key)));
  expect(rows).toHaveLength(onServer.length);
  expect(onServer).toHaveLength(labels.length);
  for (const row of rows) expect(onServer.find((k) => k.key === row.key)?.label).toBe(row.label);
}

const labelsOf = (name: string, count: number, suffix = 'q1') =>
  Array.from({ length: count }, (_, i) => `${name}-${String(i + 1).padStart(3, '0')}-${suffix}`);
const posts = (proxy: FaultProxy) => proxy.records.filter((r) => r.method === 'POST').length;

test.each<[Fault, boolean]>([
  ['reset-after', true],
  ['html502', true],
  ['truncate', true],
  ['delay', true],
  ['reset-before', false],
  ['error500', false],
])(
  'a create hit by %s (server committed: %s) ends with one key for its label, in the CSV',
  async (fault, committed) => {
    const { server, proxy } = await setup('v1', nth('POST', 3, fault), 2500);
    const { report, rows, log } = await issue(server, proxy, {
      command: 'batch',
      name: fault,
      count: '8',
      concurrency: '2',
    });
    expect(report.ok).toBe(true);
    expect(report.outputs).toMatchObject({ 'created-count': '8', 'failed-count': '0' });
    expectCsvMatchesServer(server, rows, labelsOf(fault, 8));
    expect(proxy.injected(fault)).toBe(1);
    // Committed: the key is adopted, not made twice. Not committed: created again, once.
    expect(posts(proxy)).toBe(committed ? 8 : 9);
    expect(log).toMatch(
      committed
        ? /1 key\(s\) were created after all \(now in the CSV\), 0 to create again/
        : /0 key\(s\) were created after all \(now in the CSV\), 1 to create again/,
    );
    expect(report.facts.get('adopted')).toBe(committed ? 1 : undefined);
  },
);

test(
  'the first create (which tells the flavor) has an unknown outcome: the list tells the flavor, then v01 ' +
    'batches natively',
  async () => {
    const { server, proxy } = await setup('v01', nth('POST', 0, 'reset-after'));
    const { report, rows } = await issue(server, proxy, { command: 'batch', name: 'v01-first', count: '150' });
    expect(report.ok).toBe(true);
    expectCsvMatchesServer(server, rows, labelsOf('v01-first', 150));
    // 1 (adopted) + 100 + 49 in two native batches.
    expect(posts(proxy)).toBe(3);
    expect(report.outputs.flavor).toBe('v01');
  },
);

test('a native batch of 100 (v01) with an unknown outcome is reconciled label by label', async () => {
  const { server, proxy } = await setup('v01', nth('POST', 1, 'truncate'));
  const { report, rows } = await issue(server, proxy, {
    command: 'batch',
    name: 'v01-chunk',
    count: '130',
    'server-flavor': 'v01',
  });
  expect(report.ok).toBe(true);
  expectCsvMatchesServer(server, rows, labelsOf('v01-chunk', 130));
  expect(report.facts.get('adopted')).toBe(30);
});

test.each<[Fault, boolean]>([
  ['reset-before', false],
  ['reset-after', true],
])(
  'generate (a label given by hand) hit by %s never adopts, re-creates or deletes a key under that label: ' +
    'it names it and the command to look it up',
  async (fault, committed) => {
    const { server, proxy } = await setup('v1', nth('POST', 0, fault));
    // Another run's key under the same label, made a second before ours.
    const [other] = server.seedKeys(1, { labelPrefix: 'partner-acme-', createdAt: new Date(Date.now() - 1000) });
    const { report, rows } = await issue(server, proxy, { command: 'generate', name: 'partner-acme-1' });
    expect(report.ok).toBe(false);
    expect(rows).toEqual([]);
    expect(report.failure).toContain('look them up with `quota-keys list --url');
    expect(report.failure).toContain('--label-prefix partner-acme-1`');
    // One create, then no listing and no delete: the other run's key is untouched.
    const methods = proxy.records.map((r) => r.method);
    expect(methods.filter((m) => m === 'POST')).toHaveLength(1);
    expect(methods.slice(methods.indexOf('POST') + 1)).toEqual([]);
    const onServer = server.allKeys().filter((k) => k.label === 'partner-acme-1');
    expect(onServer.map((k) => k.key)).toContain(other);
    expect(onServer).toHaveLength(committed ? 2 : 1);
  },
);

test(
  'a create that commits late (after the list said it was missing) leaves no second key: the last ' + 'look deletes it',
  async () => {
    let listings = 0;
    let lateKey = '';
    const { server, proxy } = await setup('v1', (r, s) => {
      if (r.method === 'GET' && r.path.startsWith('/admin/keys')) listings += 1; // not the token check
      if (r.method !== 'POST') return undefined;
      const index = proxy.records.filter((x) => x.method === 'POST').length;
      if (index === 1) return 'reset-before';
      // The re-create of label 002: as if the first attempt committed just now.
      if (listings === 1 && index === 3 && !lateKey) lateKey = s.seedKeys(1, { labelPrefix: 'late-002-q' })[0]!;
      return undefined;
    });
    const { report, rows, log } = await issue(server, proxy, {
      command: 'batch',
      name: 'late',
      count: '3',
      concurrency: '1',
    });
    expect(lateKey).not.toBe('');
    expect(report.ok).toBe(true);
    expectCsvMatchesServer(server, rows, labelsOf('late', 3));
    expect(rows.map((r) => r.key)).not.toContain(lateKey);
    expect(report.facts.get('duplicates_deleted')).toBe(1);
    expect(log).toMatch(/Label late-002-q1 had a key too many, .* deleted it/);
  },
);

test('when the key list cannot be read, the step fails and names the labels that may exist', async () => {
  // The second create's answer is lost, and every listing fails (the token check before the creates is not a listing).
  const { server, proxy } = await setup('v1', (r) =>
    r.method === 'POST' && r.index === 2
      ? 'reset-after'
      : r.method === 'GET' && r.path.startsWith('/admin/keys')
        ? 'error500'
        : undefined,
  );
  const { report, rows } = await issue(server, proxy, {
    command: 'batch',
    name: 'blind',
    count: '4',
    concurrency: '1',
    retries: '1',
  });
  expect(report.ok).toBe(false);
  expect(report.failure).toContain(
    'Keys may exist on the server without being in the CSV under 1 label(s) (blind-002-q1): look them up ' +
      'with `quota-keys list --url',
  );
  expect(rows).toHaveLength(3);
  expect(report.outputs).toMatchObject({ 'created-count': '3', 'failed-count': '1' });
});
