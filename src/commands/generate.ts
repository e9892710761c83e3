import { issueToCsv } from '../issuing/issue-keys.js';
import { KeyRequestRules, tierFact } from '../issuing/key-requests.js';
import { wouldIssue } from '../issuing/would-issue.js';
import type { CommandContext } from './contract.js';

/** One key labelled exactly `name`. */
export async function runGenerate(ctx: CommandContext) {
  const { options, report } = ctx;
  const rules = new KeyRequestRules({ ...ctx, now: ctx.context.now }, options.name);
  rules.explain(); // forced flavor, or v10 told by its health answer
  const requests = [rules.request(options.name)];
  if (options.dryRun) return wouldIssue(ctx, requests);
  const outcome = await issueToCsv(ctx, requests, options.minSuccess);
  rules.explain(); // learnt from the first creation
  // The tier's limit as the flavor, now known, applies it.
  report.facts.set('tier', tierFact(options, ctx.api.known));
  return outcome.ok ? report : report.fail(outcome.failure ?? 'failed');
}
