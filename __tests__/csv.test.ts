import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { CsvWriter, csvRow } from '../src/output/csv.js';
import { neutraliseFormula } from '../src/output/csv-rows.js';

const dir = mkdtempSync(path.join(tmpdir(), 'csv-'));

test('RFC 4180 CSV: header first, commas, quotes, newlines and Chinese survive a round trip', async () => {
  const file = path.join(dir, 'keys.csv');
  const csv = new CsvWriter(file);
  const labels = ['合作伙伴-2026, "甲"', 'line\nbreak', 'plain'];
  for (const [i, label] of labels.entries()) {
    csv.write(
      csvRow(
        { key: `sk-${String(i).repeat(48)}`, label, createdAt: new Date(Date.UTC(2026, 10, 26, 1, 2, 3)) },
        { limit: { kind: 'daily', value: 100, source: 'key' }, server: 'http://127.0.0.1:1/' },
      ),
    );
  }
  expect(readdirSync(dir)).not.toContain('keys.csv'); // only the temp file exists until close
  await csv.close();
  const text = readFileSync(file, 'utf8');
  expect(text.startsWith('label,key,daily_limit,created_at,')).toBe(true);
  expect(text).toContain('\r\n');
  const rows = parse(text, { columns: true }) as Array<Record<string, string>>;
  expect(rows.map((r) => r.label)).toEqual(labels);
  expect(rows[0]).toMatchObject({
    key: `sk-${'0'.repeat(48)}`,
    daily_limit: '100',
    created_at: '2026-11-26T01:02:03.000Z',
    server: 'http://127.0.0.1:1/',
  });
  expect(statSync(file).mode & 0o777).toBe(0o600);
  expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
});

test('cells that a spreadsheet would run as formulas are neutralised', () => {
  for (const bad of ['=1+1', '+cmd', '-2', '@SUM(A1)', '\tx', '\rx']) expect(neutraliseFormula(bad)).toBe(`'${bad}`);
  expect(neutraliseFormula('release-v1')).toBe('release-v1');
});

test('the key column is formula-protected like every other cell (a hostile server picks the key)', async () => {
  const file = path.join(dir, 'dash.csv');
  const csv = new CsvWriter(file);
  csv.write(csvRow({ key: '-478e36abcdef', label: '=cmd', createdAt: new Date(0) }, { server: 's' }));
  await csv.close();
  const [row] = parse(readFileSync(file, 'utf8'), { columns: true }) as Array<Record<string, string>>;
  expect(row).toMatchObject({ key: "'-478e36abcdef", label: "'=cmd" });
});
