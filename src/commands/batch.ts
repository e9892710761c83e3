import { issueToCsv } from '../issue-keys.js';
import { KeyRequestRules, tierFact } from '../key-requests.js';
import { batchLabels } from '../labels.js';
import type { CommandContext, RunReport } from './contract.js';

/** `count` keys labelled `<name>-<NNN>-<run suffix>`. */
export async function runBatch(ctx: CommandContext): Promise<RunReport> {
  const { name, count, minSuccess } = ctx.options;
  const rules = new KeyRequestRules({ ...ctx, now: ctx.context.now }, name);
  const requests = batchLabels(name, count, ctx.context.labelSuffix).map((label) => rules.request(label));
  const tier = tierFact(ctx.options);
  if (tier) ctx.summary.facts.push(tier);
  rules.explain(); // forced flavor, or v10 told by its health answer
  const report = await issueToCsv(ctx, requests, minSuccess);
  rules.explain(); // learnt from the first creation
  return report;
}
