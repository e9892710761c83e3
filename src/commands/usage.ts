// usage: every key's requests on `day` against its limit, busiest first, with the alert rule.

import { totalsLine } from '../output/seed-lines.js';
import {
  busiestChart,
  collectUsage,
  finishWithAlerts,
  TABLE_ROWS,
  usageFacts,
  usageLines,
  usageTable,
} from '../reading/usage-report.js';
import type { CommandContext, RunReport } from './contract.js';

export async function runUsage(ctx: CommandContext): Promise<RunReport> {
  const report = await collectUsage(ctx);
  const { summary } = ctx;
  summary.facts.push(...usageFacts(report, ctx));
  if (report.rows.length > TABLE_ROWS)
    summary.facts.push(['Table', `the ${TABLE_ROWS} busiest of ${report.rows.length} keys`]);
  summary.table = { ...usageTable(report.rows.slice(0, TABLE_ROWS), report.basis), total: report.rows.length };
  summary.markdown = busiestChart(report);
  summary.lines = [...usageLines(report.rows), totalsLine(report)];
  return finishWithAlerts(ctx, report);
}
