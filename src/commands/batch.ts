import { issueToCsv } from '../issuing/issue-keys.js';
import { KeyRequestRules, tierFact } from '../issuing/key-requests.js';
import { batchLabels } from '../issuing/labels.js';
import { wouldIssue } from '../issuing/would-issue.js';
import type { CommandContext, RunReport } from './contract.js';

/** `count` keys labelled `<name>-<NNN>-<run suffix>`. */
export async function runBatch(ctx: CommandContext): Promise<RunReport> {
  const { name, count, minSuccess } = ctx.options;
  const rules = new KeyRequestRules({ ...ctx, now: ctx.context.now }, name);
  const requests = batchLabels(name, count, ctx.context.labelSuffix).map((label) => rules.request(label));
  // The tier's limit is shown only once the flavor tells whether the server applies it.
  const tierAt = tierFact(ctx.options) ? ctx.summary.facts.push(tierFact(ctx.options, ctx.api.known)!) - 1 : -1;
  rules.explain(); // forced flavor, or v10 told by its health answer
  if (ctx.options.dryRun) return wouldIssue(ctx, requests);
  const report = await issueToCsv(ctx, requests, minSuccess);
  rules.explain(); // learnt from the first creation
  if (tierAt >= 0) ctx.summary.facts[tierAt] = tierFact(ctx.options, ctx.api.known)!;
  return report;
}
