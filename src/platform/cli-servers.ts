// The CLI (and GitLab jobs) with `--config FILE`: every server of the file (or the one `--server`
// names), each server's section on stdout then the combined table, the summed outputs plus
// `results` in the dotenv, one notification; exit 1 when any server failed. Called by ./cli.ts.
import { existsSync } from 'node:fs';
import type { RunContext } from '../config/context.js';
import { EXIT_ALERT } from '../config/exit-codes.js';
import { InputError } from '../config/options.js';
import { runAll } from '../multi/run-all.js';
import { serverRuns } from '../multi/servers.js';
import { notifyAfterRun } from '../output/notify.js';
import { TableEnds } from '../render/rows.js';
import { Cancellation, exitCodeFor, GRACE_MS } from '../shared/cancel.js';
import type { Logger } from '../shared/log.js';
import type { Redactor } from '../shared/redact.js';
import type { ParsedArgs } from './cli-args.js';
import { CliOutput, type OutputMode, printErr, printOut, printSection } from './cli-output.js';
import { writeDotenv } from './gitlab.js';

export interface ServersCli {
  parsed: ParsedArgs;
  env: NodeJS.ProcessEnv;
  context: RunContext;
  log: Logger & { redactor: Redactor };
  dotenvFile?: string;
  /** --json: the combined report as one JSON document, nothing else on stdout; --quiet: errors only. */
  mode: OutputMode;
}

export async function runServersCli(cli: ServersCli): Promise<number> {
  const { parsed, env, context, log, dotenvFile, mode } = cli;
  if (parsed.watch !== undefined)
    throw new InputError('watch', '', '--watch runs one server: give --server NAME with --config, or no --config');
  // Every server's flags and token are checked here, before any request to any server.
  const runs = await serverRuns((name) => parsed.values.get(name) ?? '', env, context, existsSync);
  const first = runs[0]!.options;
  const cancellation = new Cancellation();
  const stopListening = cancellation.listen((signal, second) =>
    printErr(
      second
        ? `${signal}: abandoning the requests in flight.`
        : `${signal}: stopping every server: no new requests; those in flight get ${GRACE_MS / 1000} s.`,
      log.redactor,
    ),
  );
  // The combined report's rows (one per server): the JSON document's, or the last section's table.
  const out = new CliOutput(first.command, { ...mode, quiet: mode.quiet || !mode.json }, log.redactor);
  const allEnds = new TableEnds();
  // Listening through the webhook after the run: a signal then abandons its POST and exits 130/143.
  let all: Awaited<ReturnType<typeof runAll>>;
  let unwritten: string | undefined;
  try {
    all = await runAll(runs, first.serverConcurrency, log, cancellation, { sinks: [...out.sinks, allEnds] });
    unwritten =
      dotenvFile &&
      writeDotenv(dotenvFile, all.report.outputs, { redact: log.redact, quiet: true, cwd: context.workspace });
    const signal = all.report.cancelled ? undefined : cancellation.abortSignal;
    await notifyAfterRun(first, all.results, context.origin?.runUrl, log, { signal });
  } finally {
    stopListening();
  }
  const { report } = all;
  const alertOnly = all.results.every((r) => r.report.ok || (first.failOnAlert && Number(r.report.outputs.alerts) > 0));
  let code = report.ok ? 0 : alertOnly ? EXIT_ALERT : 1;
  if (unwritten) code = 1;
  const stopped = report.cancelled ?? cancellation.reason;
  if (stopped) code = exitCodeFor(stopped);
  if (!mode.json && !mode.quiet)
    for (const r of all.results) {
      printSection(`== ${r.name} (${r.url}) ==`, r.report, r.ends, log.redactor);
      printOut('', log.redactor);
    }
  if (!mode.json && !mode.quiet) printSection('== all ==', report, allEnds, log.redactor);
  // The JSON document's rest, and the error lines (with --quiet: nothing else).
  out.finish(report, { command: first.command, exitCode: code, failure: unwritten || undefined });
  return code;
}
