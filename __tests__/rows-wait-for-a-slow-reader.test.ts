// A listing's rows wait while a channel has not taken the rows before them (stdout read by a slow
// pipe: a pager, a CI log), instead of piling up in memory: 100,000 rows of usage queued 50 MB more
// (docs/performance.md). Here a channel that takes nothing until released: the command reports
// ROWS_BETWEEN_WAITS rows, then waits; once released it reports the rest.
import { emitUsageRows, ROWS_BETWEEN_WAITS, type UsageReport } from '../src/reading/usage-report.js';
import { serverWideLimit } from '../src/report/limit.js';
import { Report, type RowSink } from '../src/report/report.js';

test('usage rows stop at the first wait until the channel has taken them, then all come', async () => {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  let taken = true;
  const rows: unknown[] = [];
  const slow: RowSink = {
    open() {},
    row: (row) => {
      rows.push(row);
      taken = false;
    },
    drained: () => (taken ? undefined : held),
  };
  const limit = serverWideLimit(undefined);
  const usage = Array.from({ length: 3 * ROWS_BETWEEN_WAITS }, (_, i) => ({
    key: `sk-${String(i).padStart(48, '0')}`,
    label: `team-${i}`,
    requests: 0,
    limit,
    alert: false,
  }));
  const report = { basis: 'server-wide daily limit' } as UsageReport;
  const emitting = emitUsageRows(new Report('usage', [slow]), report, usage);
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(rows).toHaveLength(ROWS_BETWEEN_WAITS - 1);
  taken = true;
  release();
  await emitting;
  expect(rows).toHaveLength(usage.length);
});
