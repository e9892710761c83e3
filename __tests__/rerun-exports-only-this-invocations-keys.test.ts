// A re-run attempt exports the keys of its own earlier attempt only: matrix legs that pass
// invocation-id find their own; legs that share everything (no invocation-id) are recognised as a
// collision, nothing of theirs is exported or touched, and the warning names invocation-id. A v01
// chunk label stands for as many numbers as it has keys.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { captureLog } from '../__fixtures__/capture-log.js';
import { githubContext } from '../src/config/context.js';
import { parseOptions } from '../src/config/options.js';
import { type DevServer, type Flavor, startDevServer } from '../src/dev-server/index.js';
import { run } from '../src/run.js';

const workspace = mkdtempSync(path.join(tmpdir(), 'rerun-legs-'));
let server: DevServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function leg(attempt: number, inputs: Record<string, string>, invocation = '') {
  const context = {
    ...githubContext(
      { eventName: 'workflow_dispatch', runId: 5150, payload: {} },
      { GITHUB_RUN_ATTEMPT: String(attempt), GITHUB_JOB: 'keys', GITHUB_ACTION: 'issue' },
      new Date(),
      invocation,
    ),
    workspace,
  };
  const all: Record<string, string> = {
    url: server!.url,
    'admin-token': server!.token,
    command: 'batch',
    name: 'legs',
    count: '5',
    output: `${Math.random()}.csv`,
    'invocation-id': invocation,
    ...inputs,
  };
  const captured = captureLog();
  const before = server!.requests.length;
  const report = await run(
    parseOptions((n) => all[n] ?? '', {}, context),
    context,
    captured.log,
  );
  const rows = parse(readFileSync(report.csvPath!, 'utf8'), { columns: true }) as Array<Record<string, string>>;
  const posts = server!.requests.slice(before).filter((r) => r.method === 'POST').length;
  const deletes = server!.requests.slice(before).filter((r) => r.method === 'DELETE').length;
  return {
    report,
    rows,
    keys: rows.map((r) => r.key!).sort(),
    posts,
    deletes,
    warnings: captured.lines.filter((l) => l.startsWith('warning: ')),
  };
}

const start = async (flavor: Flavor = 'v1') => {
  server = await startDevServer({ flavor });
};

test("legs with invocation-id: attempt 2 of leg 0 exports exactly leg 0's keys and creates none", async () => {
  await start();
  // Leg 1 first: its keys are the older ones under the step's labels.
  const one = await leg(1, {}, '1');
  const zero = await leg(1, {}, '0');
  const again = await leg(2, {}, '0');
  expect(again.report.ok).toBe(true);
  expect(again.posts).toBe(0);
  expect(again.keys).toEqual(zero.keys);
  expect(again.keys.filter((k) => one.keys.includes(k))).toEqual([]);
  expect(again.report.facts.get('re_exported')).toBe('5');
});

test(
  "legs without invocation-id share the step's labels but for the nonce: a re-run exports nothing of " +
    'theirs, touches nothing, and names invocation-id',
  async () => {
    await start();
    const a = await leg(1, {});
    const b = await leg(1, {});
    const again = await leg(2, {});
    expect(again.report.ok).toBe(true);
    expect(again.deletes).toBe(0);
    expect(again.posts).toBe(5);
    expect(again.keys.filter((k) => a.keys.includes(k) || b.keys.includes(k))).toEqual([]);
    expect(again.warnings.join('\n')).toMatch(
      /Attempt 1 of run 5150 ran this step more than once at the same time.*Set invocation-id/,
    );
    const onServer = new Set(server!.allKeys().map((k) => k.key));
    for (const key of [...a.keys, ...b.keys]) expect(onServer.has(key)).toBe(true);
  },
);

test(
  'v01: a chunk label stands for as many numbers as it holds keys; a re-run completes only the ' + 'missing chunk',
  async () => {
    await start('v01');
    const first = await leg(1, { count: '150', 'server-flavor': 'v01' }, '0');
    expect(first.report.ok).toBe(true);
    expect(first.posts).toBe(2);
    const full = await leg(2, { count: '150', 'server-flavor': 'v01' }, '0');
    expect(full.posts).toBe(0);
    expect(full.keys).toEqual(first.keys);
    // Attempt 2 made no key; without the second chunk of attempt 1 (numbers 101–150), attempt 3 makes just those 50.
    const second = first.rows.filter((r) => /-101-r5150a1/.test(r.label!)).map((r) => r.key!);
    expect(second).toHaveLength(50);
    for (const key of second)
      await fetch(`${server!.url}/admin/keys/${key}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${server!.token}` },
      });
    const third = await leg(3, { count: '150', 'server-flavor': 'v01' }, '0');
    expect(third.report.ok).toBe(true);
    expect(third.posts).toBe(1);
    expect(third.rows).toHaveLength(150);
    expect(third.keys.filter((k) => first.keys.includes(k))).toHaveLength(100);
    expect(third.rows.filter((r) => /-101-r5150a3i[0-9a-f]{6}n[0-9a-f]{6}$/.test(r.label!))).toHaveLength(50);
  },
);
