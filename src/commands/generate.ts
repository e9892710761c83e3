import { issueToCsv } from '../issue-keys.js';
import { KeyRequestRules, tierFact } from '../key-requests.js';
import type { CommandContext, RunReport } from './contract.js';

/** One key labelled exactly `name`. */
export async function runGenerate(ctx: CommandContext): Promise<RunReport> {
  const { name } = ctx.options;
  const rules = new KeyRequestRules({ ...ctx, now: ctx.context.now }, name);
  const tier = tierFact(ctx.options);
  if (tier) ctx.summary.facts.push(tier);
  rules.explain(); // forced flavor, or v10 told by its health answer
  const report = await issueToCsv(ctx, [rules.request(name)], ctx.options.minSuccess);
  rules.explain(); // learnt from the first creation
  return report;
}
