// GitHub Actions entry: inputs → Options, run, then the CSV artifact, outputs, job summary and exit status.
import * as core from '@actions/core';
import * as github from '@actions/github';
import { deliverCsv, publicArtifactRefusal, writesKeysCsv } from '../output/artifact.js';
import { githubContext } from '../config/context.js';
import { redactingLogger } from '../shared/log.js';
import { parseOptions } from '../config/options.js';
import { run } from '../run.js';
import type { RunReport } from '../commands/contract.js';
import { Cancellation, GRACE_MS } from '../shared/cancel.js';
import { summaryMarkdown } from './summary.js';

export async function runAction(): Promise<void> {
  const log = redactingLogger({ info: core.info, warning: core.warning, debug: core.debug, mask: core.setSecret, debugEnabled: core.isDebug });
  try {
    // Registered before the inputs are read: a refused input is echoed in its error (the CLI does the same).
    const token = core.getInput('admin-token') || process.env.ADMIN_TOKEN;
    if (token?.trim()) log.secret(token.trim(), 'token');
    // invocation-id is folded into the labels; parseOptions checks it like every input.
    const context = githubContext(github.context, process.env, new Date(), core.getInput('invocation-id').trim());
    const options = parseOptions((name) => core.getInput(name), process.env, context);
    // Before any request, so no key is created that could then not be handed over safely.
    const refusal = writesKeysCsv(options) ? publicArtifactRefusal(options, context) : undefined;
    if (refusal) {
      core.setFailed(refusal);
      return;
    }
    // The runner cancels with SIGINT, then SIGTERM 7.5 s later: no new requests, those in flight get GRACE_MS, the CSV is kept.
    const cancellation = new Cancellation();
    const stopListening = cancellation.listen((signal, second) =>
      core.warning(second ? `${signal}: abandoning the requests in flight.` : `${signal}: stopping: no new requests; those in flight get ${GRACE_MS / 1000} s to finish, then the CSV is written.`),
    );
    let report: RunReport;
    try {
      report = await run(options, context, log, cancellation);
    } finally {
      stopListening();
    }
    const deliveryFailure = await deliverCsv(report, options, context, process.env, log);
    for (const [name, value] of Object.entries(report.outputs)) core.setOutput(name, log.redactor.redact(value));
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(log.redactor.redact(summaryMarkdown(report.summary))).write();
    const failures = [report.ok ? undefined : (report.failure ?? 'failed'), deliveryFailure].filter((f) => f !== undefined);
    if (failures.length > 0) core.setFailed(log.redactor.redact(failures.join(' ')));
  } catch (error) {
    core.setFailed(log.redactor.redact(error instanceof Error ? error.message : String(error)));
  }
}
