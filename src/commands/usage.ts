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
import { shortenKey } from '../shared/redact.js';
import type { CommandContext, RunReport } from './contract.js';

export async function runUsage(ctx: CommandContext): Promise<RunReport> {
  const { options, summary } = ctx;
  // The CSV's private temp file first: a path that cannot take it fails before any admin request.
  const csv = options.outputGiven ? openCsv(options.output) : undefined;
  try {
    const report = await collectUsage(ctx);
    summary.facts.push(...usageFacts(report, ctx));
    if (options.days === 1 && !csv && !options.html) return oneDay(ctx, report);
    const trends = await collectTrends(ctx, report);
    summary.facts.push(...trendFacts(trends, report));
    const alertsFact = summary.facts.find(([name]) => name === 'Alerts');
    if (alertsFact) alertsFact[1] = alertsText(report, trends);
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
    leadFirst(ctx);
    const result = finishWithAlerts(ctx, report, spikeAlerts(trends));
    if (options.html) await addDashboard(ctx, report, trends, result);
    return result;
  } finally {
    if (csv && !csv.settled) await csv.discard();
  }
}

/**
 * What a team lead reads first: the requests, the keys at their limit, spikes, the forecast, idle
 * keys; how the figures were read (the server, the day and why, the percent basis) after them.
 */
const LEAD_FACTS = [
  'Requests',
  'Requests (last day)',
  'Requests (period)',
  'Alerts',
  'Spikes',
  'Forecast',
  'Idle keys',
];

function leadFirst(ctx: CommandContext): void {
  const { facts } = ctx.summary;
  // Where the flow would add it after the command: beside the server, not among the figures.
  const flavor = ctx.api.known?.flavor;
  if (flavor && !facts.some(([name]) => name === 'Flavor')) facts.splice(1, 0, ['Flavor', flavor]);
  const rank = (name: string) => (LEAD_FACTS.includes(name) ? LEAD_FACTS.indexOf(name) : LEAD_FACTS.length);
  facts.sort(([a], [b]) => rank(a) - rank(b));
}

/** The alerts, named: `2 at or above 80%: trial-bob-1 95%, partner-acme-1 88%; 1 spike: trial-bob-1`. */
function alertsText(report: UsageReport, trends: TrendReport): string {
  const name = (label: string, key: string) => flat(label) || shortenKey(key);
  const shown = (names: string[]) => names.slice(0, 5).join(', ') + (names.length > 5 ? ', …' : '');
  const atLimit = report.alertRows.map((r) => `${name(r.label, r.key)} ${r.percent}%`);
  const spikes = trends.spikes.map((k) => name(k.usage.label, k.usage.key));
  return (
    `${report.alerts} at or above ${report.threshold}%${atLimit.length ? `: ${shown(atLimit)}` : ''}` +
    (spikes.length ? `; ${spikes.length} spike${spikes.length === 1 ? '' : 's'}: ${shown(spikes)}` : '')
  );
}

/** --html: the dashboard (its module, with the chart library, is loaded only then). */
async function addDashboard(ctx: CommandContext, report: UsageReport, trends: TrendReport, result: RunReport) {
  const { options, summary } = ctx;
  const { dashboardServer, writeDashboard } = await import('../output/dashboard/index.js');
  const where = { name: options.url.host, url: ctx.server, flavor: ctx.api.known?.flavor, facts: summary.facts };
  result.dashboard = dashboardServer(report, trends, where);
  // With config, the servers' run writes one file for all of them (../multi/run-all.ts).
  if (options.config) return;
  const bytes = writeDashboard(options.html!, [result.dashboard]);
  result.outputs['html-path'] = options.html!;
  summary.facts.push(['Dashboard', `${options.html} (${Math.ceil(bytes / 1024)} KB)`]);
  ctx.log.info(`Dashboard written to ${options.html}.`);
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
  leadFirst(ctx);
  return finishWithAlerts(ctx, report);
}

function spikeAlerts(trends: TrendReport): SpikeAlerts {
  return {
    keys: new Set(trends.spikes.map((k) => k.usage.key)),
    warnings: trends.spikes.map((k) => spikeWarning(trends, k)),
    names: trends.spikes.map((k) => `${flat(k.usage.label) || 'no label'} spike`),
  };
}
