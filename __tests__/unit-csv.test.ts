// Unit: the CSV's cell rules (src/output/csv.ts, csv-rows.ts). csv-stringify writes the rows; the
// file must be byte for byte what the hand-written RFC 4180 writer it replaced wrote (below, as the
// reference): CRLF rows, a cell quoted when it holds a comma, a quote, a CR or an LF, quotes doubled, and a `'`
// before a leading = + - @ tab CR or LF (formula protection).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CSV_COLUMNS, CsvWriter, csvRow } from '../src/output/csv.js';
import { neutraliseFormula } from '../src/output/csv-rows.js';
import { TREND_CSV_COLUMNS } from '../src/reading/usage-trends-view.js';
import type { Limit } from '../src/report/limit.js';
import { parseCsv, unprotectCell } from '../src/shared/csv-read.js';

const dir = mkdtempSync(path.join(tmpdir(), 'unit-csv-'));
let files = 0;

/** The writer csv-stringify replaced, verbatim in its rules. */
function referenceCsv(rows: ReadonlyArray<Readonly<Record<string, string>>>, columns: readonly string[]): string {
  const cell = (value: string) => {
    const protectedValue = /^[=+\-@\t\r\n]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(protectedValue) ? `"${protectedValue.replaceAll('"', '""')}"` : protectedValue;
  };
  const line = (row: Readonly<Record<string, string>>) => columns.map((c) => cell(row[c] ?? '')).join(',');
  return [columns.join(','), ...rows.map(line)].map((l) => `${l}\r\n`).join('');
}

async function written(rows: ReadonlyArray<Readonly<Record<string, string>>>, columns?: readonly string[]) {
  const file = path.join(dir, `out-${++files}.csv`);
  const csv = new CsvWriter(file, columns);
  for (const row of rows) if (!csv.write(row)) await csv.drained();
  await csv.close();
  return readFileSync(file);
}

const HOSTILE = [
  'plain',
  '',
  'a,b',
  'say "hi"',
  '"',
  '""',
  'line\nbreak',
  'carriage\rreturn',
  'crlf\r\nend',
  'ends with CR\r',
  '\n=cmd',
  '\r\n@SUM(A1)',
  '=1+1',
  '+cmd',
  '-2',
  '@import',
  '\tx',
  '\rx',
  "'=already",
  '=HYPERLINK("http://evil","click"),x',
  ' =leading space',
  '合作伙伴-2026, "甲"',
  'emoji 🙂 ok',
  '\uff1dfull-width equals',
  'nul\0byte',
  'trailing,',
  ',',
  'x'.repeat(5000),
];

test('hostile cells in every column: the same bytes as the hand-written writer', async () => {
  const rows = HOSTILE.map((_, i) =>
    Object.fromEntries(CSV_COLUMNS.map((c, j) => [c, HOSTILE[(i + j) % HOSTILE.length]!])),
  );
  expect((await written(rows)).toString('utf8')).toBe(referenceCsv(rows, CSV_COLUMNS));
});

const LIMITS: Limit[] = [
  { kind: 'daily', value: 100, source: 'key' },
  { kind: 'daily', value: 200, source: 'assumed' },
  { kind: 'daily', source: 'learned' },
  { kind: 'lifetime', value: 1000, used: 3 },
];

test('real key rows and another table’s columns: the same bytes', async () => {
  const keys = Array.from({ length: 300 }, (_, i) =>
    csvRow(
      {
        key: i % 7 === 0 ? `-${i}abcdef` : `sk-${String(i).padStart(48, '0')}`,
        label: i % 5 === 0 ? `=x${i},"y"` : `auto-batch-${String(i).padStart(3, '0')}-p1j2nabc123`,
        createdAt: new Date(Date.UTC(2026, 10, 26, 0, 0, i)),
        dailyLimit: i % 3 === 0 ? undefined : 100,
        expiresAt: i % 2 ? new Date(Date.UTC(2027, 0, 1)) : null,
        usedToday: i,
        status: 'active',
      },
      {
        limit: LIMITS[i % LIMITS.length],
        server: 'http://127.0.0.1:8787/',
        batchCount: 300,
        tier: i % 4 ? undefined : '@vip',
      },
    ),
  );
  expect((await written(keys)).equals(Buffer.from(referenceCsv(keys, CSV_COLUMNS)))).toBe(true);
  const trend = [{ day: '2026-11-26', label: '\n-x', key_short: 'sk-…beef', requests: '3', percent: '' }];
  expect((await written(trend, TREND_CSV_COLUMNS)).toString()).toBe(referenceCsv(trend, TREND_CSV_COLUMNS));
});

test('no row: the header alone; a missing cell is empty', async () => {
  expect((await written([])).toString()).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
  const empty = ','.repeat(CSV_COLUMNS.length - 2);
  expect((await written([{ key: 'k' }])).toString()).toBe(`${CSV_COLUMNS.join(',')}\r\n,k${empty}\r\n`);
});

test('every hostile cell reads back as written (the resume reader), protection taken off again', async () => {
  // Not "'=already": the reader takes a leading ' before = off, as it does for the cells it protected.
  const labels = HOSTILE.filter((label) => !label.startsWith("'"));
  const [header, ...back] = parseCsv((await written(labels.map((label) => ({ label })))).toString('utf8'))!;
  expect(header).toEqual([...CSV_COLUMNS]);
  expect(back.map((cells) => unprotectCell(cells[0]!))).toEqual(labels);
  // No cell starts a formula in a spreadsheet, nor a row of its own.
  expect(back.every((cells) => cells.length === CSV_COLUMNS.length)).toBe(true);
  for (const cells of back) expect(cells[0]).not.toMatch(/^[=+\-@\t\r\n]/);
});

test('many rows are written in order through the buffer (drained, not held whole)', async () => {
  const many = Array.from({ length: 20_000 }, (_, i) => ({ label: `k${i}`, key: `=${i}` }));
  const text = (await written(many)).toString();
  const lines = text.split('\r\n');
  expect(lines).toHaveLength(20_002);
  const empty = ','.repeat(CSV_COLUMNS.length - 2);
  expect(lines[1]).toBe(`k0,'=0${empty}`);
  expect(lines[20_000]).toBe(`k19999,'=19999${empty}`);
});

test('a discarded writer leaves no file, also before csv-stringify loaded', async () => {
  const file = path.join(dir, 'discarded.csv');
  const csv = new CsvWriter(file);
  csv.write({ label: 'x' });
  await csv.discard();
  expect(await csv.close()).toBeUndefined();
  const empty = new CsvWriter(path.join(dir, 'empty.csv'));
  expect(await empty.close({ keepEmpty: false })).toBeUndefined();
  expect(() => readFileSync(path.join(dir, 'empty.csv'))).toThrow();
  expect(() => readFileSync(file)).toThrow();
});

describe('neutraliseFormula', () => {
  test.each(['=1', '+1', '-1', '@a', '\t1', '\r1', '\n1'])('%j gets a leading quote', (value) => {
    expect(neutraliseFormula(value)).toBe(`'${value}`);
  });
  test.each(['', 'a=1', ' =1', "'=1", '1-2', '\uff1d1'])('%j stays as it is', (value) => {
    expect(neutraliseFormula(value)).toBe(value);
  });
});
