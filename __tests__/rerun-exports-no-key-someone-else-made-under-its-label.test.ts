// A re-run attempt exports only the keys its earlier attempt made. A key someone else created under
// one of attempt 1's exact labels is not exported (a warning names it, shortened), no real key of
// attempt 1 is dropped for it, and created-count counts attempt 1's keys. Outside v01's chunk labels
// one number is one key: the oldest under the label is the batch's. When the oldest two share their
// creation time, which is the batch's cannot be told: neither is exported, the number is made anew.
// A v01 chunk label stands for as many numbers as its chunk had, never more.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { captureLog } from '../__fixtures__/capture-log.js';
import { createLabelled } from '../__fixtures__/write-commands.js';
import { runBundledAction } from '../scripts/lib/simulate-runner.js';
import { githubContext, type RunContext } from '../src/config/context.js';
import { parseOptions } from '../src/config/options.js';
import { type DevServer, type Flavor, startDevServer } from '../src/dev-server/index.js';
import { run } from '../src/run.js';
import { shortenKey } from '../src/shared/redact.js';

let server: DevServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

type Row = Record<string, string>;
const readCsv = (file: string) => parse(readFileSync(file, 'utf8'), { columns: true }) as Row[];
const posts = () => server!.requests.filter((r) => r.method === 'POST').length;
const numberOf = (label: string) => Number(/-(\d{3,})-r\d+a\d+i[0-9a-f]{6}n[0-9a-f]{6}$/.exec(label)![1]);

test(
  "the bundled action: a key made by hand under attempt 1's label 003 is not exported by attempt 2; its " +
    '5 keys are, created-count 5, and the warning names the label and the key shortened',
  async () => {
    server = await startDevServer({ flavor: 'v1' });
    const attempt = async (n: number) => {
      const result = await runBundledAction(
        {
          command: 'batch',
          count: '5',
          name: 'mine',
          url: server!.url,
          'admin-token': server!.token,
          'upload-artifact': 'false',
        },
        { eventName: 'workflow_dispatch', runId: '7300', attempt: String(n) },
      );
      return { ...result, rows: result.outputs['csv-path'] ? readCsv(result.outputs['csv-path']) : [] };
    };
    const first = await attempt(1);
    expect(first.code).toBe(0);
    const third = first.rows.find((r) => numberOf(r.label!) === 3)!;
    const foreign = await createLabelled(server, third.label!);

    const before = posts();
    const second = await attempt(2);
    expect(second.code).toBe(0);
    expect(posts()).toBe(before);
    expect(second.rows.map((r) => r.key).sort()).toEqual(first.rows.map((r) => r.key).sort());
    expect(second.rows.map((r) => r.key)).not.toContain(foreign);
    expect(second.outputs).toMatchObject({ 'created-count': '5', 'failed-count': '0' });
    const warning = second.stdout.split('\n').find((l) => l.startsWith('::warning::Label '));
    expect(warning).toContain(third.label);
    expect(warning).toContain(shortenKey(foreign));
    expect(warning).toMatch(/not exported/);
    // Nothing touched: both keys are still on the server.
    const onServer = server.allKeys().map((k) => k.key);
    expect(onServer).toEqual(expect.arrayContaining([foreign, third.key]));
    expect(second.stdout).not.toContain(foreign);
  },
);

async function attemptInProcess(attempt: number, inputs: Record<string, string>, nonce?: string) {
  const workspace = mkdtempSync(path.join(tmpdir(), 'rerun-foreign-'));
  let context: RunContext = {
    ...githubContext(
      { eventName: 'workflow_dispatch', runId: 7400, payload: {} },
      { GITHUB_RUN_ATTEMPT: String(attempt), GITHUB_JOB: 'keys', GITHUB_ACTION: 'issue' },
    ),
    workspace,
  };
  if (nonce) context = { ...context, nonce, labelSuffix: context.labelSuffix.replace(/n[0-9a-f]{6}$/, `n${nonce}`) };
  const all: Record<string, string> = {
    url: server!.url,
    'admin-token': server!.token,
    command: 'batch',
    name: 'mine',
    output: 'keys.csv',
    ...inputs,
  };
  const captured = captureLog();
  const before = posts();
  const report = await run(
    parseOptions((n) => all[n] ?? '', {}, context),
    context,
    captured.log,
  );
  return {
    report,
    rows: report.csvPath ? readCsv(report.csvPath) : [],
    posts: posts() - before,
    warnings: captured.lines.filter((l) => l.startsWith('warning: ')),
  };
}

test(
  "two keys under one label created in the same millisecond: which is the batch's cannot be told, so " +
    'neither is exported and the number is created anew; both stay on the server',
  async () => {
    server = await startDevServer({ flavor: 'v1' });
    // The nonce ends in 1 so that the dev server's seedKeys (labels `<prefix><n>`) can make the exact label.
    const first = await attemptInProcess(1, { count: '3' }, 'abc121');
    expect(first.report.ok).toBe(true);
    const second = first.rows.find((r) => numberOf(r.label!) === 2)!;
    const [twin] = server.seedKeys(1, {
      labelPrefix: second.label!.slice(0, -1),
      createdAt: new Date(second.created_at!),
    });
    expect(server.allKeys().filter((k) => k.label === second.label)).toHaveLength(2);

    const again = await attemptInProcess(2, { count: '3' });
    expect(again.report.ok).toBe(true);
    expect(again.posts).toBe(1);
    const keys = again.rows.map((r) => r.key);
    expect(keys).not.toContain(second.key);
    expect(keys).not.toContain(twin);
    expect(keys).toEqual(expect.arrayContaining(first.rows.filter((r) => r !== second).map((r) => r.key)));
    expect(again.rows.map((r) => numberOf(r.label!)).sort()).toEqual([1, 2, 3]);
    expect(again.rows.find((r) => numberOf(r.label!) === 2)!.label).toMatch(/-002-r7400a2i/);
    expect(again.report.outputs).toMatchObject({ 'created-count': '3', 'failed-count': '0' });
    const warning = again.warnings.find((l) => l.includes(second.label!))!;
    expect(warning).toMatch(/cannot be told/);
    expect(warning).toContain(shortenKey(second.key!));
    expect(warning).toContain(shortenKey(twin!));
    const onServer = server.allKeys().map((k) => k.key);
    expect(onServer).toEqual(expect.arrayContaining([second.key, twin]));
  },
);

test.each<[string, number]>([
  ['the full first chunk (100 keys)', 1],
  ['the last chunk (50 keys)', 101],
])(
  'v01: a key made by hand under %s is not exported; the 150 keys of attempt 1 are, with no create',
  async (_what, chunk) => {
    server = await startDevServer({ flavor: 'v01' as Flavor });
    const inputs = { count: '150', 'server-flavor': 'v01' };
    const first = await attemptInProcess(1, inputs);
    expect(first.report.ok).toBe(true);
    expect(first.posts).toBe(2);
    const label = first.rows.find((r) => numberOf(r.label!) === chunk)!.label!;
    expect(first.rows.filter((r) => r.label === label)).toHaveLength(chunk === 1 ? 100 : 50);
    const foreign = await createLabelled(server, label);

    const again = await attemptInProcess(2, inputs);
    expect(again.report.ok).toBe(true);
    expect(again.posts).toBe(0);
    expect(again.rows.map((r) => r.key).sort()).toEqual(first.rows.map((r) => r.key).sort());
    expect(again.report.outputs).toMatchObject({ 'created-count': '150', 'failed-count': '0' });
    const warning = again.warnings.find((l) => l.startsWith(`warning: Label ${label}`))!;
    expect(warning).toContain(shortenKey(foreign));
    expect(server.allKeys().map((k) => k.key)).toContain(foreign);
  },
);
