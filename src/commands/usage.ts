// usage: every key's requests on `day` against its limit, busiest first, with the alert rule; with
// days > 1 the last N server days too: daily totals, charts, forecast, idle keys, spikes (alerts).

import { InputError } from '../config/options.js';
import { CsvWriter } from '../output/csv.js';
import { flat, totalsLine } from '../output/seed-lines.js';
import {
  busiestChart,
  collectUsage,
  finishWithAlerts,
  type SpikeAlerts,
  TABLE_ROWS,
  type UsageReport,
  usageFacts,
  usageLines,
  usageTable,
} from '../reading/usage-report.js';
import { collectTrends, type TrendReport } from '../reading/usage-trends.js';
import {
  dailyLines,
  spikeWarning,
  TREND_CSV_COLUMNS,
  trendCsvRows,
  trendFacts,
  trendMarkdown,
  trendTable,
  trendUsageLines,
} from '../reading/usage-trends-view.js';
import type { CommandContext, RunReport } from './contract.js';

export async function runUsage(ctx: CommandContext): Promise<RunReport> {
  const { options, summary } = ctx;
  // The CSV's private temp file first: a path that cannot take it fails before any admin request.
  const csv = options.outputGiven ? openCsv(options.output) : undefined;
  try {
    const report = await collectUsage(ctx);
    summary.facts.push(...usageFacts(report, ctx));
    if (options.days === 1 && !csv) return oneDay(ctx, report);
    const trends = await collectTrends(ctx, report);
    summary.facts.push(...trendFacts(trends, report));
    const alertsFact = summary.facts.find(([name]) => name === 'Alerts');
    if (alertsFact && trends.spikes.length > 0)
      alertsFact[1] = `${report.alerts} at the threshold; ${trends.spikes.length} spike(s)`;
    if (trends.keys.length > TABLE_ROWS)
      summary.facts.push(['Table', `the ${TABLE_ROWS} busiest of ${trends.keys.length} keys`]);
    summary.table = trendTable(trends, TABLE_ROWS);
    summary.markdown = options.days === 1 ? busiestChart(report) : trendMarkdown(trends);
    summary.lines = [...trendUsageLines(trends, report.rows), totalsLine(report), ...dailyLines(trends)];
    if (csv) {
      for (const row of trendCsvRows(trends)) csv.write(row);
      const file = await csv.close();
      summary.facts.push(['CSV', `${file} (${csv.rows} rows: day, label, key_short, requests, daily_limit, percent)`]);
      ctx.log.info(`Usage per day and key written to ${file}.`);
    }
    return finishWithAlerts(ctx, report, spikeAlerts(trends));
  } finally {
    if (csv && !csv.settled) await csv.discard();
  }
}

function openCsv(file: string): CsvWriter {
  try {
    return new CsvWriter(file, TREND_CSV_COLUMNS);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new InputError('output', file, `the CSV cannot be created there (${reason}); expected a writable file path`);
  }
}

/** days 1 without output: the day alone, as before. */
function oneDay(ctx: CommandContext, report: UsageReport): RunReport {
  const { summary } = ctx;
  if (report.rows.length > TABLE_ROWS)
    summary.facts.push(['Table', `the ${TABLE_ROWS} busiest of ${report.rows.length} keys`]);
  summary.table = { ...usageTable(report.rows.slice(0, TABLE_ROWS), report.basis), total: report.rows.length };
  summary.markdown = busiestChart(report);
  summary.lines = [...usageLines(report.rows), totalsLine(report)];
  return finishWithAlerts(ctx, report);
}

function spikeAlerts(trends: TrendReport): SpikeAlerts {
  return {
    keys: new Set(trends.spikes.map((k) => k.usage.key)),
    warnings: trends.spikes.map((k) => spikeWarning(trends, k)),
    names: trends.spikes.map((k) => `${flat(k.usage.label) || 'no label'} spike`),
  };
}
