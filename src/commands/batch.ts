import { issueToCsv } from '../issue-keys.js';
import { batchLabels } from '../labels.js';
import type { CommandContext, RunReport } from '../run.js';

/** `count` keys labelled `<name>-<NNN>-<run suffix>`. */
export async function runBatch(ctx: CommandContext): Promise<RunReport> {
  const { name, count, limit, minSuccess } = ctx.options;
  const requests = batchLabels(name, count, ctx.context.labelSuffix).map((label) => ({ label, dailyLimit: limit }));
  return issueToCsv(ctx, requests, minSuccess);
}
