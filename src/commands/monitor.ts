// monitor: the old tool's monitor as one pass for scheduled runs — health (done before any
// command), totals, the busiest keys and the same alert rule as usage. The CLI repeats it with --watch.

import { totalsLine } from '../output/seed-lines.js';
import {
  busiestChart,
  collectUsage,
  finishWithAlerts,
  usageFacts,
  usageLines,
  usageTable,
} from '../reading/usage-report.js';
import type { CommandContext, RunReport } from './contract.js';

const BUSIEST = 10;

/** `2026-11-26 18:05:09` in the runner's time zone: when this pass looked. */
function localTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:` +
    `${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  );
}

export async function runMonitor(ctx: CommandContext): Promise<RunReport> {
  const report = await collectUsage(ctx);
  const { outputs, summary } = ctx;
  const busiest = report.rows.slice(0, BUSIEST);
  outputs['listed-count'] = String(report.totalKeys);
  summary.facts.push(...usageFacts(report, ctx));
  summary.table = usageTable(busiest, report.basis);
  summary.markdown = busiestChart(report, BUSIEST);
  summary.lines = [`时间: ${localTime(ctx.context.now)} | ${totalsLine(report)}`, ...usageLines(busiest)];
  return finishWithAlerts(ctx, report);
}
