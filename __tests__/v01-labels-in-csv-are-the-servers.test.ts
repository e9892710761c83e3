// On v01 (upstream: one label per create request), the labels in the CSV and the summary are the
// ones the server stored, every created key is counted once, and the summary agrees with the CSV:
// `batch -c 6` and `rotate --replace`.

import { DAY_MS, runWrite } from '../__fixtures__/write-commands.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';

let server: DevServer;
beforeEach(async () => {
  server = await startDevServer({ flavor: 'v01' });
});
afterEach(() => server.close());

const serverLabel = (key: string) => server.allKeys().find((k) => k.key === key)?.label;
const fact = (report: { summary: { facts: Array<[string, string]> } }, name: string) =>
  report.summary.facts.find(([n]) => n === name)?.[1];

test("batch -c 6: every CSV label is the server's, created = rows = the summary table", async () => {
  const { report, rows } = await runWrite(server, { command: 'batch', count: '6', name: 'six' });
  expect(report.ok).toBe(true);
  expect(rows).toHaveLength(6);
  for (const row of rows) expect(row.label).toBe(serverLabel(row.key!));
  expect(rows.map((r) => r.label).sort()).toEqual(['six-001-test1', ...Array<string>(5).fill('six-002-test1')]);
  expect([fact(report, 'Created'), fact(report, 'Failed')]).toEqual(['6', '0']);
  expect(report.summary.table!.rows.map((r) => r[0]).sort()).toEqual(rows.map((r) => r.label).sort());
});

test(
  'rotate --replace: each replacement row names the label and key the server stored, none ' + '"(not created)"',
  async () => {
    // Keys of two batches of an earlier run (labels <stem>-<NNN>-r7a1) and one hand label, 40 days old.
    const old = new Date(Date.now() - 40 * DAY_MS);
    for (const stem of ['auto-a', 'auto-b'])
      for (const n of ['001', '002', '003']) server.seedKeys(1, { labelPrefix: `${stem}-${n}-r7a`, createdAt: old });
    server.seedKeys(1, { labelPrefix: 'auto-vip-', createdAt: old });
    const due = server.allKeys().map((k) => k.key);
    const { report, rows } = await runWrite(server, {
      command: 'rotate',
      'older-than-days': '30',
      'label-prefix': 'auto-',
      replace: 'true',
      output: 'rotated.csv',
    });
    expect(report.ok).toBe(true);
    expect(report.outputs).toMatchObject({
      'deleted-count': String(due.length),
      'created-count': String(due.length),
      'failed-count': '0',
    });
    expect(rows).toHaveLength(due.length);
    for (const row of rows) expect(row.label).toBe(serverLabel(row.key!));
    const replacements = report.summary.table!.rows.map((r) => r[4]!);
    expect(replacements.filter((r) => r.includes('not created'))).toEqual([]);
    // Each row: "<label the server stored> <shortened key>", one row per CSV key.
    const shown = replacements.map((r) => r.split(' ')[0]).sort();
    expect(shown).toEqual(rows.map((r) => r.label).sort());
  },
);
