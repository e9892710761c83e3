// usage: every key's requests on `day` against its limit, busiest first, with the alert rule; with
// days > 1 the last N server days too: daily totals, charts, forecast, idle keys, spikes (alerts).

import { InputError } from '../config/options.js';
import { CsvWriter } from '../output/csv.js';
import {
  busiestChart,
  collectUsage,
  emitUsageRows,
  finishWithAlerts,
  type SpikeAlerts,
  setUsageFacts,
  type UsageReport,
} from '../reading/usage-report.js';
import { collectTrends, type TrendReport } from '../reading/usage-trends.js';
import {
  emitTrendRows,
  reportTrendCharts,
  setTrendFacts,
  spikeWarning,
  TREND_CSV_COLUMNS,
  trendCsvRows,
} from '../reading/usage-trends-view.js';
import { shortenKey } from '../shared/redact.js';
import type { CommandContext } from './contract.js';

export async function runUsage(ctx: CommandContext) {
  const { options, report } = ctx;
  // The CSV's private temp file first: a path that cannot take it fails before any admin request.
  const csv = options.outputGiven ? openCsv(options.output) : undefined;
  try {
    const usage = await collectUsage(ctx);
    setUsageFacts(report, usage, options);
    // days 1 without a CSV or a dashboard: the day alone.
    if (options.days === 1 && !csv && !options.html) {
      const chart = busiestChart(usage);
      if (chart) report.charts.push(chart);
      await emitUsageRows(report, usage, usage.rows);
      return finishWithAlerts(ctx, usage);
    }
    const trends = await collectTrends(ctx, usage);
    setTrendFacts(report, trends, usage);
    report.facts.set('alerts', alertsText(usage, trends));
    report.period = {
      days: trends.days,
      calendar: trends.calendar,
      lifetime: usage.basis === 'lifetime quota',
      threshold: usage.threshold,
      forecastDays: trends.forecastDays,
      spikeFactor: trends.spikeFactor,
      spikeMinRequests: trends.spikeMinRequests,
    };
    if (options.days === 1) {
      const chart = busiestChart(usage);
      if (chart) report.charts.push(chart);
    } else reportTrendCharts(report, trends);
    await emitTrendRows(report, trends);
    if (csv) {
      for (const row of trendCsvRows(trends)) csv.write(row);
      const file = await csv.close();
      report.facts.set('csv', `${file} (${csv.rows} rows: day, label, key_short, requests, daily_limit, percent)`);
      ctx.log.info(`Usage per day and key written to ${file}.`);
    }
    return finishWithAlerts(ctx, usage, spikeAlerts(trends));
  } finally {
    if (csv && !csv.settled) await csv.discard();
  }
}

/** The alerts, named: `2 at or above 80%: trial-bob-1 95%, partner-acme-1 88%; 1 spike: trial-bob-1`. */
function alertsText(usage: UsageReport, trends: TrendReport): string {
  const name = (label: string, key: string) => label || shortenKey(key);
  const shown = (names: string[]) => names.slice(0, 5).join(', ') + (names.length > 5 ? ', …' : '');
  const atLimit = usage.alertRows.map((r) => `${name(r.label, r.key)} ${r.percent}%`);
  const spikes = trends.spikes.map((k) => name(k.usage.label, k.usage.key));
  return (
    `${usage.alerts} at or above ${usage.threshold}%${atLimit.length ? `: ${shown(atLimit)}` : ''}` +
    (spikes.length ? `; ${spikes.length} spike${spikes.length === 1 ? '' : 's'}: ${shown(spikes)}` : '')
  );
}

function openCsv(file: string): CsvWriter {
  try {
    return new CsvWriter(file, TREND_CSV_COLUMNS);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new InputError('output', file, `the CSV cannot be created there (${reason}); expected a writable file path`);
  }
}

function spikeAlerts(trends: TrendReport): SpikeAlerts {
  return {
    keys: new Map(trends.spikes.map((k) => [k.usage.key, k.usage.label])),
    warnings: trends.spikes.map((k) => spikeWarning(trends, k)),
    names: trends.spikes.map((k) => `${k.usage.label || 'no label'} spike`),
  };
}
