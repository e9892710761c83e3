// dist/cli.js as a person runs it: the seed tool's commands, flags and environment variables.

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { runCliBundle } from '../__fixtures__/run-process.js';
import { startDevServerProcess } from '../scripts/lib/simulate-runner.js';

type Server = { url: string; token: string; stop: () => Promise<void> };
let server: Server;
beforeAll(async () => {
  server = await startDevServerProcess();
});
afterAll(() => server.stop());

const cwd = mkdtempSync(path.join(tmpdir(), 'cli-'));

const cli = (args: string[], env: Record<string, string> = {}) => runCliBundle(args, { cwd, env });
const readCsv = (file: string) =>
  parse(readFileSync(path.resolve(cwd, file), 'utf8'), { columns: true }) as Array<Record<string, string>>;

test('seed §3.1: generate --token --name --limit', async () => {
  const result = await cli([
    'generate',
    '--token',
    server.token,
    '--url',
    server.url,
    '--name',
    '用户A-试用密钥',
    '--limit',
    '100',
    '--output',
    'a.csv',
  ]);
  expect(result.code).toBe(0);
  const [row] = readCsv('a.csv');
  expect(row!.label).toBe('用户A-试用密钥');
  expect(result.stdout + result.stderr).not.toContain(row!.key);
  expect(result.stdout + result.stderr).not.toContain(server.token);
  expect(result.stdout).toContain(`${row!.key!.slice(0, 7)}…${row!.key!.slice(-4)}`);
});

test('seed §3.1 with environment variables ADMIN_TOKEN and QUOTA_PROXY_URL', async () => {
  const result = await cli(['generate', '--name', '用户B-试用密钥', '--limit', '200', '-o', 'b.csv'], {
    ADMIN_TOKEN: server.token,
    QUOTA_PROXY_URL: server.url,
  });
  expect(result.code).toBe(0);
  expect(readCsv('b.csv').map((r) => r.label)).toEqual(['用户B-试用密钥']);
});

test('seed §3.2: batch with short flags -c -l -n -o', async () => {
  const result = await cli([
    'batch',
    '-t',
    server.token,
    '-u',
    server.url,
    '-c',
    '5',
    '-l',
    '500',
    '-n',
    '合作伙伴-202611',
    '-o',
    'batch-keys.csv',
  ]);
  expect(result.code).toBe(0);
  const rows = readCsv('batch-keys.csv');
  expect(rows).toHaveLength(5);
  expect(rows.every((r) => r.label!.startsWith('合作伙伴-202611-00'))).toBe(true);
  expect(result.stdout).toMatch(/Created: 5/);
});

test("the old tool's flags: -u and -t on --help, -c -l -n -o on batch --help, the rest on help flags", async () => {
  const [top, batch, flags] = await Promise.all([cli(['--help']), cli(['batch', '--help']), cli(['help', 'flags'])]);
  for (const result of [top, batch, flags]) expect(result.code).toBe(0);
  for (const flag of ['-u, --url', '-t, --token']) expect(top.stdout).toContain(flag);
  for (const flag of ['-l, --limit', '-o, --output', '-n, --name', '-c, --count']) expect(batch.stdout).toContain(flag);
  for (const flag of ['--concurrency', '--timeout-seconds']) expect(flags.stdout).toContain(flag);
});

test('bad input: one line, exit 2, no stack trace', async () => {
  for (const args of [['batch', '--count', '0'], ['batch', '--limit', '-3'], ['explode'], ['batch', '--bogus', '1']]) {
    const result = await cli([...args, '--token', 't', '--url', server.url]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^error: Invalid input/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }
});

test('a server that is down: exit 1 with the health message', async () => {
  const result = await cli(['batch', '--token', 't', '--url', 'http://127.0.0.1:9']);
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/error: Health check failed: .*connection refused/);
});

test('the summary table lines up Chinese labels (two columns per wide character)', async () => {
  const { displayWidth, StreamedTable } = await import('../src/render/text.js');
  const { keysTable } = await import('../src/report/tables.js');
  const { Report } = await import('../src/report/report.js');
  expect(displayWidth('合作伙伴-001')).toBe(12);
  const lines: string[] = [];
  const table = new StreamedTable(
    (line) => lines.push(line),
    (t) => t,
  );
  const row = new Report('t', [table]).open(keysTable('not shown'));
  const limit = { kind: 'daily', value: 100, source: 'key' } as const;
  for (const [label, key] of [
    ['合作伙伴-001', 'sk-ab12…9f0e'],
    ['plain-002', 'sk-cd34…0a1b'],
  ] as const)
    row({ label, key, limit, createdAt: new Date(0) });
  table.finish();
  const [header, , first, second] = lines;
  const column = (line: string) => displayWidth(line.slice(0, line.indexOf('sk-')));
  expect(column(first!)).toBe(column(second!));
  expect(header!.indexOf('Key')).toBe(column(second!));
});

test('seed §3.2 first example: batch without --name gets batch-<YYYYMMDD> labels', async () => {
  const result = await cli([
    'batch',
    '--token',
    server.token,
    '--url',
    server.url,
    '--count',
    '5',
    '--limit',
    '100',
    '--output',
    'dated.csv',
  ]);
  expect(result.code).toBe(0);
  const labels = readCsv('dated.csv')
    .map((r) => r.label!)
    .sort();
  expect(labels).toHaveLength(5);
  for (const [i, label] of labels.entries()) expect(label).toMatch(new RegExp(`^batch-\\d{8}-00${i + 1}-`));
});
