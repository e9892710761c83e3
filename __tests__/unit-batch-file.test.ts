// Unit: reading the batch a keys CSV records, for batch --resume (src/issuing/batch-file.ts), from temp files.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MAX_BATCH_FILE_BYTES, readBatchFile } from '../src/config/batch-file.js';

const dir = mkdtempSync(path.join(tmpdir(), 'unit-batch-file-'));
const HEADER = 'label,key,daily_limit,created_at,expires_at,tier,used_today,status,server,batch_count';
const SUFFIX = 'cm4x1z2n0f0f0f';
const line = (n: number, key = `sk-${n}`, count = '5', suffix = SUFFIX, stem = 'auto-x') =>
  `${stem}-${String(n).padStart(3, '0')}-${suffix},${key},100,2026-11-26T00:00:0${n % 10}.000Z,,,,,http://h/,${count}`;
let files = 0;
const file = (text: string) => {
  const name = path.join(dir, `f${++files}.csv`);
  writeFileSync(name, text);
  return name;
};
const refusal = (text: string) => {
  const result = readBatchFile(file(text));
  expect(result).toHaveProperty('refusal');
  return (result as { refusal: string }).refusal;
};

test('the batch: stem, suffix, count and its rows in file order, whatever the line endings', () => {
  for (const end of ['\r\n', '\n']) {
    const name = file([HEADER, line(2), line(1)].join(end) + end);
    expect(readBatchFile(name)).toEqual({
      file: name,
      stem: 'auto-x',
      suffix: SUFFIX,
      count: 5,
      rows: [
        { label: `auto-x-002-${SUFFIX}`, key: 'sk-2', createdAt: new Date('2026-11-26T00:00:02Z') },
        { label: `auto-x-001-${SUFFIX}`, key: 'sk-1', createdAt: new Date('2026-11-26T00:00:01Z') },
      ],
    });
  }
});

test('columns may come in any order, and protected cells are read unprotected', () => {
  const name = file(`key,batch_count,created_at,label\r\n'-478e36,2,2026-11-26T00:00:00Z,"auto-x-001-${SUFFIX}"\r\n`);
  const batch = readBatchFile(name);
  expect(batch).toMatchObject({ count: 2, rows: [{ key: '-478e36' }] });
});

test.each([
  [
    'a CSV of something else',
    'day,label,requests\r\n2026-11-26,x,1\r\n',
    'header has no key, created_at, batch_count column',
  ],
  ['a CSV of an earlier version', 'label,key,created_at\r\nx,k,2026\r\n', 'header has no batch_count column'],
  ['no row', `${HEADER}\r\n`, 'it holds no key'],
  ['an empty file', '', 'header has no'],
  ['a row short of cells', `${HEADER}\r\na,b\r\n`, 'line 2 has 2 cells, not 10'],
  [
    'a hand-made label',
    `${HEADER}\r\n${line(1).replace(`-001-${SUFFIX}`, '')}\r\n`,
    "line 2's label is no batch label",
  ],
  [
    'a label of an earlier version',
    `${HEADER}\r\n${line(1, 'k', '5', 'r1a1')}\r\n`,
    "line 2's label is no batch label",
  ],
  ['a count of 0', `${HEADER}\r\n${line(1, 'k', '0')}\r\n`, 'batch_count is not a count from 1 to 10000'],
  ['a count of 10001', `${HEADER}\r\n${line(1, 'k', '10001')}\r\n`, 'not a count from 1 to 10000'],
  ['a count that is no number', `${HEADER}\r\n${line(1, 'k', '5x')}\r\n`, 'not a count'],
  ['two stems', `${HEADER}\r\n${line(1)}\r\n${line(2, 'k2', '5', SUFFIX, 'other')}\r\n`, 'keys of more than one batch'],
  ['two invocations', `${HEADER}\r\n${line(1)}\r\n${line(2, 'k2', '5', 'cm4x1z2n111111')}\r\n`, 'line 3:'],
  ['two counts', `${HEADER}\r\n${line(1)}\r\n${line(2, 'k2', '6')}\r\n`, 'more than one batch'],
  ['a number past the count', `${HEADER}\r\n${line(6)}\r\n`, "line 2's number 6 is beyond the batch's count 5"],
  ['no key', `${HEADER}\r\n${line(1, '')}\r\n`, 'line 2 has no key or no created_at'],
  ['a repeated key', `${HEADER}\r\n${line(1, 'k')}\r\n${line(2, 'k')}\r\n`, 'line 3 repeats the key of line 2'],
  ['a quote left open', `${HEADER}\r\n"${line(1)}\r\n`, 'header has no'],
])('%s is refused', (_what, text, reason) => {
  expect(refusal(text)).toContain(reason);
});

test('a bad created_at is refused', () => {
  expect(refusal(`${HEADER}\r\n${line(1).replace('2026-11-26T00:00:01.000Z', 'yesterday')}\r\n`)).toBe(
    'line 2 has no key or no created_at',
  );
});

test('no file, a folder, a symlink and an oversized file are refused before reading', () => {
  expect(readBatchFile(path.join(dir, 'none.csv'))).toEqual({ refusal: 'there is no such file' });
  mkdirSync(path.join(dir, 'folder'));
  expect(readBatchFile(path.join(dir, 'folder'))).toEqual({ refusal: 'it is a folder' });
  const target = file(`${HEADER}\r\n${line(1)}\r\n`);
  symlinkSync(target, path.join(dir, 'link.csv'));
  expect(readBatchFile(path.join(dir, 'link.csv'))).toEqual({ refusal: 'it is a symlink; give the file itself' });
  const big = file('x'.repeat(MAX_BATCH_FILE_BYTES + 1));
  expect(readBatchFile(big)).toEqual({
    refusal: `it is larger than a batch's CSV can be (${MAX_BATCH_FILE_BYTES + 1} bytes)`,
  });
});
