// A listing's rows wait while a channel has not taken the rows before them (stdout read by a slow
// pipe: a pager, a CI log), instead of piling up in memory: 100,000 rows of usage queued 50 MB more
// (docs/performance.md). Here a channel that takes nothing until released: the command reports
// ROWS_BETWEEN_WAITS rows, then waits; once released it reports the rest. Usage as a function, rotate as a
// whole run against the dev server.

import { captureLog } from '../__fixtures__/capture-log.js';
import { cliContext } from '../src/config/context.js';
import { parseOptions } from '../src/config/options.js';
import { startDevServer } from '../src/dev-server/index.js';
import { emitUsageRows, type UsageReport } from '../src/reading/usage-report.js';
import { serverWideLimit } from '../src/report/limit.js';
import { Report, ROWS_BETWEEN_WAITS, type RowSink } from '../src/report/report.js';
import { run } from '../src/run.js';

/** A channel that takes no row until released. */
function slowChannel() {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  let taken = true;
  const rows: unknown[] = [];
  const sink: RowSink = {
    open() {},
    row: (row) => {
      rows.push(row);
      taken = false;
    },
    drained: () => (taken ? undefined : held),
  };
  return {
    sink,
    rows,
    release: () => {
      taken = true;
      release();
    },
  };
}

test('usage rows stop at the first wait until the channel has taken them, then all come', async () => {
  const { sink: slow, rows, release } = slowChannel();
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
  release();
  await emitting;
  expect(rows).toHaveLength(usage.length);
});

test('rotate: its rows wait the same way (a dev server with 2,500 aged keys, a dry run)', async () => {
  const server = await startDevServer({ flavor: 'v1p' });
  try {
    server.seedKeys(2500, { labelPrefix: 'old-', createdAt: new Date(Date.now() - 40 * 86_400_000) });
    const { sink, rows, release } = slowChannel();
    const context = cliContext({});
    const inputs: Record<string, string> = {
      command: 'rotate',
      url: server.url,
      'admin-token': server.token,
      'older-than-days': '30',
      'label-prefix': 'old-',
      'dry-run': 'true',
    };
    const options = parseOptions((n) => inputs[n] ?? '', {}, context);
    const rotating = run(options, context, captureLog().log, undefined, undefined, [sink]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(rows).toHaveLength(ROWS_BETWEEN_WAITS - 1);
    release();
    const report = await rotating;
    expect(report.ok).toBe(true);
    expect(rows).toHaveLength(2500);
  } finally {
    await server.close();
  }
});
