import { batchLabels } from '../config/labels.js';
import { issueToCsv } from '../issuing/issue-keys.js';
import { KeyRequestRules, tierFact } from '../issuing/key-requests.js';
import { resumeBatch, resumeCommand } from '../issuing/resume.js';
import { wouldIssue } from '../issuing/would-issue.js';
import type { CommandContext } from './contract.js';

/**
 * `count` keys labelled `<name>-<NNN>-<run suffix>`; with `resume`, the missing numbers of the batch
 * its file records, under that batch's labels (its suffix is then this invocation's own).
 */
export async function runBatch(ctx: CommandContext) {
  const { name, count, minSuccess, resume } = ctx.options;
  const { report } = ctx;
  if (resume) ctx = { ...ctx, context: { ...ctx.context, labelSuffix: resume.suffix } };
  const rules = new KeyRequestRules({ ...ctx, now: ctx.context.now }, name);
  const requests = batchLabels(name, count, ctx.context.labelSuffix).map((label) => rules.request(label));
  rules.explain(); // forced flavor, or v10 told by its health answer
  const carryOver = resume && (() => resumeBatch(ctx, resume, requests));
  // The tier's limit as the flavor, once known, applies it.
  const tier = () => report.facts.set('tier', tierFact(ctx.options, ctx.api.known));
  if (ctx.options.dryRun) {
    const carried = carryOver && (await carryOver());
    tier();
    if (carried?.failure) return report.fail(carried.failure);
    return wouldIssue(ctx, carried ? carried.rest : requests);
  }
  const outcome = await issueToCsv(ctx, requests, minSuccess, {
    ...(carryOver ? { carryOver } : {}),
    runAgain: runAgainHow(ctx),
  });
  rules.explain(); // learnt from the first creation
  tier();
  report.coversEarlierAttempts = outcome.coversEarlierAttempts || undefined;
  return outcome.ok ? report : report.fail(outcome.failure ?? 'failed');
}

/** What finishes a batch the admin rate limit cut short: a re-run of the job (GitHub), else `batch --resume`. */
function runAgainHow(ctx: CommandContext): string | undefined {
  if (ctx.context.platform === 'github')
    return ` by re-running this job${ctx.options.force ? ' without force' : ''}, which creates only the missing keys`;
  // A servers file runs many batches, each with its own CSV: no one command resumes them all.
  return ctx.options.config ? undefined : ` with \`${resumeCommand(ctx.options, ctx.server)}\``;
}
