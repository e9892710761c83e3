import { issueToCsv } from '../issuing/issue-keys.js';
import { KeyRequestRules, tierFact } from '../issuing/key-requests.js';
import { batchLabels } from '../issuing/labels.js';
import { resumeBatch, resumeCommand } from '../issuing/resume.js';
import { wouldIssue } from '../issuing/would-issue.js';
import type { CommandContext, RunReport } from './contract.js';

/**
 * `count` keys labelled `<name>-<NNN>-<run suffix>`; with `resume`, the missing numbers of the batch
 * its file records, under that batch's labels (its suffix is then this invocation's own).
 */
export async function runBatch(ctx: CommandContext): Promise<RunReport> {
  const { name, count, minSuccess, resume } = ctx.options;
  if (resume) ctx = { ...ctx, context: { ...ctx.context, labelSuffix: resume.suffix } };
  const rules = new KeyRequestRules({ ...ctx, now: ctx.context.now }, name);
  const requests = batchLabels(name, count, ctx.context.labelSuffix).map((label) => rules.request(label));
  // The tier's limit is shown only once the flavor tells whether the server applies it.
  const tierAt = tierFact(ctx.options) ? ctx.summary.facts.push(tierFact(ctx.options, ctx.api.known)!) - 1 : -1;
  rules.explain(); // forced flavor, or v10 told by its health answer
  const carryOver = resume && (() => resumeBatch(ctx, resume, requests));
  if (ctx.options.dryRun) {
    const carried = carryOver && (await carryOver());
    if (carried?.failure) return { ok: false, failure: carried.failure, outputs: ctx.outputs, summary: ctx.summary };
    return wouldIssue(ctx, carried ? carried.rest : requests);
  }
  const report = await issueToCsv(ctx, requests, minSuccess, {
    ...(carryOver ? { carryOver } : {}),
    runAgain: runAgainHow(ctx),
  });
  rules.explain(); // learnt from the first creation
  if (tierAt >= 0) ctx.summary.facts[tierAt] = tierFact(ctx.options, ctx.api.known)!;
  return report;
}

/** What finishes a batch the admin rate limit cut short: a re-run of the job (GitHub), else `batch --resume`. */
function runAgainHow(ctx: CommandContext): string | undefined {
  if (ctx.context.platform === 'github')
    return ` by re-running this job${ctx.options.force ? ' without force' : ''}, which creates only the missing keys`;
  // A servers file runs many batches, each with its own CSV: no one command resumes them all.
  return ctx.options.config ? undefined : ` with \`${resumeCommand(ctx.options, ctx.server)}\``;
}
