// GitHub Actions entry with `config`: every server of the file (or the one `server` names), one
// artifact with each server's CSV, a summary with the combined table and one section per server,
// the summed outputs plus `results`, one notification. Called by ./github.ts.
import { existsSync } from 'node:fs';
import type { RunContext } from '../config/context.js';
import { deliverServerCsvs } from '../multi/deliver.js';
import { runAll } from '../multi/run-all.js';
import { serverRuns } from '../multi/servers.js';
import { type ArtifactClientFactory, publicArtifactRefusal, writesKeysCsv } from '../output/artifact.js';
import { notifyAfterRun } from '../output/notify.js';
import { Cancellation, GRACE_MS } from '../shared/cancel.js';
import type { Logger } from '../shared/log.js';
import type { Redactor } from '../shared/redact.js';
import { summaryMarkdown } from './summary.js';

/** The part of @actions/core this entry uses (./github.ts's ActionCore has it). */
interface ServersCore {
  getInput(name: string): string;
  warning(message: string): void;
  setOutput(name: string, value: string): void;
  setFailed(message: string): void;
  summary: { addRaw(text: string): { write(): Promise<unknown> } };
}

export interface ServersAction {
  core: ServersCore;
  context: RunContext;
  env: NodeJS.ProcessEnv;
  log: Logger & { redactor: Redactor };
  artifactClient?: ArtifactClientFactory;
}

export async function runServersAction({ core, context, env, log, artifactClient }: ServersAction): Promise<void> {
  // Every server's inputs and token are checked here, before any request to any server.
  const runs = await serverRuns((name) => core.getInput(name), env, context, existsSync);
  const first = runs[0]!.options;
  const refusal = writesKeysCsv(first) ? publicArtifactRefusal(first, context) : undefined;
  if (refusal) {
    core.setFailed(refusal);
    return;
  }
  const cancellation = new Cancellation();
  const stopListening = cancellation.listen((signal, second) =>
    core.warning(
      second
        ? `${signal}: abandoning the requests in flight.`
        : `${signal}: stopping every server: no new requests; those in flight get ${GRACE_MS / 1000} s to finish.`,
    ),
  );
  const all = await runAll(runs, first.serverConcurrency, log, cancellation).finally(stopListening);
  const deliveryFailure = await deliverServerCsvs(all, first, context, env, log, artifactClient);
  for (const [name, value] of Object.entries(all.outputs)) core.setOutput(name, log.redactor.redact(value));
  if (env.GITHUB_STEP_SUMMARY) {
    const combined = { ok: all.ok, failure: all.failure, outputs: all.outputs, summary: all.summary };
    const where = {
      trigger: context.triggerText,
      workspace: context.workspace,
      failures: deliveryFailure ? [deliveryFailure] : [],
    };
    const sections = [
      summaryMarkdown(combined, where),
      ...all.results.map(({ name, report }) =>
        summaryMarkdown(
          { ...report, summary: { ...report.summary, title: `${report.summary.title} — ${name}` } },
          {
            workspace: context.workspace,
          },
        ),
      ),
    ];
    // As without config: a summary that cannot be written (a full disk) is a warning, not the step's failure.
    await core.summary
      .addRaw(log.redactor.redact(sections.join('\n')))
      .write()
      .catch((error) => log.warning(`Could not write the job summary: ${error?.message ?? String(error)}`));
  }
  const failures = [all.ok ? undefined : all.failure, deliveryFailure].filter((f) => f !== undefined);
  await notifyAfterRun(first, all.results, context.origin?.runUrl, log, { runFailure: deliveryFailure });
  if (failures.length > 0) core.setFailed(log.redactor.redact(failures.join(' ')));
}
