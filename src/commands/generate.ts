import { issueToCsv } from '../issue-keys.js';
import type { CommandContext, RunReport } from '../run.js';

/** One key labelled exactly `name`. */
export async function runGenerate(ctx: CommandContext): Promise<RunReport> {
  const { name, limit } = ctx.options;
  return issueToCsv(ctx, [{ label: name, dailyLimit: limit }], ctx.options.minSuccess);
}
