import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { captureLog } from '../__fixtures__/capture-log.js';
import { reportChannels } from '../__fixtures__/report-view.js';
import { cliContext } from '../src/config/context.js';
import { parseOptions } from '../src/config/options.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';
import { run } from '../src/run.js';

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer({ flavor: 'v1' });
});
afterAll(() => server.close());

const workspace = mkdtempSync(path.join(tmpdir(), 'issue-v1-'));
const context = { ...cliContext({}), workspace, labelSuffix: 'test1' };

async function issue(inputs: Record<string, string>) {
  const all: Record<string, string> = { url: server.url, 'admin-token': server.token, ...inputs };
  const captured = captureLog();
  const options = parseOptions((n) => all[n] ?? '', {}, context);
  const channels = reportChannels(options.command);
  const ran = await run(options, context, captured.log, undefined, undefined, channels.sinks);
  const report = Object.assign(ran, { summary: channels.view(ran) });
  const rows = report.csvPath
    ? (parse(readFileSync(report.csvPath, 'utf8'), { columns: true }) as Array<Record<string, string>>)
    : [];
  return { report, rows, log: captured.text(), masked: captured.masked };
}

test('generate makes one key labelled exactly `name`', async () => {
  const { report, rows, log, masked } = await issue({
    command: 'generate',
    name: '用户A-试用密钥',
    limit: '100',
    output: 'one.csv',
  });
  expect(report.ok).toBe(true);
  expect(report.outputs).toMatchObject({ 'created-count': '1', 'failed-count': '0', flavor: 'v1', healthy: 'true' });
  expect(rows).toHaveLength(1);
  const serverKey = server.allKeys().find((k) => k.label === '用户A-试用密钥');
  // v1 does not report its server-wide DAILY_REQ_LIMIT, and server-daily-limit was not given.
  expect(rows[0]).toMatchObject({
    label: '用户A-试用密钥',
    key: serverKey!.key,
    daily_limit: '200',
    daily_limit_source: 'assumed',
  });
  expect(rows[0]!.created_at).toBe(serverKey!.createdAt.toISOString());
  expect(masked).toEqual([server.token, serverKey!.key]);
  expect(log).not.toContain(serverKey!.key);
  expect(log).toMatch(/no per-key daily limit/);
});

test(
  'a batch of 50 at concurrency 8: the server holds exactly those 50 labels and the CSV the ' + 'same 50 keys',
  async () => {
    const before = new Set(server.allKeys().map((k) => k.key));
    const { report, rows, log } = await issue({
      command: 'batch',
      name: 'partner-202611',
      count: '50',
      concurrency: '8',
      output: 'fifty.csv',
    });
    expect(report.ok).toBe(true);
    expect(report.outputs['created-count']).toBe('50');
    const added = server.allKeys().filter((k) => !before.has(k.key));
    expect(added).toHaveLength(50);
    expect(new Set(added.map((k) => k.label))).toEqual(
      new Set(Array.from({ length: 50 }, (_, i) => `partner-202611-${String(i + 1).padStart(3, '0')}-test1`)),
    );
    expect(new Set(rows.map((r) => r.key))).toEqual(new Set(added.map((k) => k.key)));
    expect(new Set(rows.map((r) => r.label)).size).toBe(50);
    for (const key of added) expect(log).not.toContain(key.key);
    expect(report.summary.table!.rows).toHaveLength(50);
    expect(report.summary.table!.rows.every(([, key]) => key!.includes('…'))).toBe(true);
  },
);

test(
  'a wrong admin token creates nothing: the token check before the first create refuses it, and no ' + 'CSV is written',
  async () => {
    const requestsBefore = server.requests.length;
    const { report, rows } = await issue({
      command: 'batch',
      count: '20',
      'admin-token': 'wrong-token',
      output: 'wrong.csv',
    });
    expect(report.ok).toBe(false);
    expect(report.failure).toMatch(
      /^The server refused the admin token from --token \(GET .*\/admin\/usage answered 401/,
    );
    // Nothing to hand over: no header-only file.
    expect(report.csvPath).toBeUndefined();
    expect(existsSync(path.join(workspace, 'wrong.csv'))).toBe(false);
    expect(rows).toEqual([]);
    // health + the token check: no create at all
    expect(server.requests.slice(requestsBefore).map((r) => r.method)).toEqual(['GET', 'GET']);
  },
);
