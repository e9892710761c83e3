// monitor: the old tool's monitor as one pass for scheduled runs — health (done before any
// command), totals, the busiest keys and the same alert rule as usage. The CLI repeats it with --watch.

import { busiestChart, collectUsage, emitUsageRows, finishWithAlerts, setUsageFacts } from '../reading/usage-report.js';
import type { CommandContext } from './contract.js';

const BUSIEST = 10;

/** `2026-11-26 18:05:09` in the runner's time zone: when this pass looked. */
function localTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:` +
    `${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  );
}

export async function runMonitor(ctx: CommandContext) {
  const usage = await collectUsage(ctx);
  const { report, options } = ctx;
  report.outputs['listed-count'] = String(usage.totalKeys);
  report.facts.set('checked_at', localTime(ctx.context.now));
  setUsageFacts(report, usage, options);
  const chart = busiestChart(usage, BUSIEST);
  if (chart) report.charts.push(chart);
  // The alerts first: the old tool's line that opens monitor's rows counts them.
  finishWithAlerts(ctx, usage);
  await emitUsageRows(report, usage, usage.rows.slice(0, BUSIEST));
  return report;
}
