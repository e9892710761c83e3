// GitHub Actions entry with `config`: every server of the file (or the one `server` names), one
// artifact with each server's CSV, the summed outputs plus `results`, one notification. Called by
// ./github.ts, which writes the summary (the combined table, then one section per server) and the result.
import { existsSync } from 'node:fs';
import { COMMAND_SPECS } from '../config/commands.js';
import type { RunContext } from '../config/context.js';
import type { Options } from '../config/options.js';
import { deliverServerCsvs } from '../multi/deliver.js';
import { runAll } from '../multi/run-all.js';
import { serverRuns } from '../multi/servers.js';
import { type ArtifactClientFactory, publicArtifactRefusal } from '../output/artifact.js';
import { notifyAfterRun } from '../output/notify.js';
import type { TableEnds } from '../render/rows.js';
import type { Report, RowSink } from '../report/report.js';
import { Cancellation, GRACE_MS } from '../shared/cancel.js';
import type { Logger } from '../shared/log.js';
import type { Redactor } from '../shared/redact.js';

/** The part of @actions/core this entry uses (./github.ts's ActionCore has it). */
interface ServersCore {
  getInput(name: string): string;
  warning(message: string): void;
  setOutput(name: string, value: string): void;
}

export interface ServersAction {
  core: ServersCore;
  context: RunContext;
  env: NodeJS.ProcessEnv;
  log: Logger & { redactor: Redactor };
  artifactClient: ArtifactClientFactory;
  /** Where the combined report's rows (one per server) go: the summary's table, the `json` output. */
  sinks: readonly RowSink[];
}

/** What a servers run hands back to ./github.ts, which writes the summary and the step's result. */
export interface ServersStep {
  /** The first server's options: the step-wide ones (command, artifact name) are the same for all. */
  options: Options;
  /** The combined report: the table of every server, the summed outputs. */
  report?: Report;
  /** Each server's own report, titled with its name, and its table's ends: one summary section each. */
  sections: Array<{ report: Report; ends: TableEnds }>;
  /** Failures besides the reports' (the public-repository refusal, the artifact upload). */
  failures: string[];
}

export async function runServersAction({
  core,
  context,
  env,
  log,
  artifactClient,
  sinks,
}: ServersAction): Promise<ServersStep> {
  // Every server's inputs and token are checked here, before any request to any server.
  const runs = await serverRuns((name) => core.getInput(name), env, context, existsSync);
  const options = runs[0]!.options;
  const refusal = COMMAND_SPECS[options.command].keysCsv(options) ? publicArtifactRefusal(options, context) : undefined;
  if (refusal) return { options, sections: [], failures: [refusal] };
  const cancellation = new Cancellation();
  const stopListening = cancellation.listen((signal, second) =>
    core.warning(
      second
        ? `${signal}: abandoning the requests in flight.`
        : `${signal}: stopping every server: no new requests; those in flight get ${GRACE_MS / 1000} s to finish.`,
    ),
  );
  const all = await runAll(runs, options.serverConcurrency, log, cancellation, { sinks }).finally(stopListening);
  const deliveryFailure = await deliverServerCsvs(all, options, context, env, log, artifactClient);
  for (const [name, value] of Object.entries(all.report.outputs))
    core.setOutput(name, log.redactor.redact(value ?? ''));
  await notifyAfterRun(options, all.results, context.origin?.runUrl, log, { runFailure: deliveryFailure });
  return {
    options,
    report: all.report,
    sections: all.results.map(({ report, ends }) => ({ report, ends })),
    failures: deliveryFailure ? [deliveryFailure] : [],
  };
}
