// The CLI (and GitLab jobs) with `--config FILE`: every server of the file (or the one `--server`
// names), each server's section on stdout then the combined table, the summed outputs plus
// `results` in the dotenv, one notification; exit 1 when any server failed. Called by ./cli.ts.
import { existsSync } from 'node:fs';
import type { Summary } from '../commands/contract.js';
import type { RunContext } from '../config/context.js';
import { InputError } from '../config/options.js';
import { runAll, serverSection } from '../multi/run-all.js';
import { serverRuns } from '../multi/servers.js';
import { notifyAfterRun } from '../output/notify.js';
import { Cancellation, exitCodeFor, GRACE_MS } from '../shared/cancel.js';
import type { Logger } from '../shared/log.js';
import { jsonText, logLine, logLines } from '../shared/neutralise.js';
import type { Redactor } from '../shared/redact.js';
import type { ParsedArgs } from './cli-args.js';
import { EXIT_ALERT } from './cli-help.js';
import { writeDotenv } from './gitlab.js';
import { reportDocument } from './json-report.js';

export interface ServersCli {
  parsed: ParsedArgs;
  env: NodeJS.ProcessEnv;
  context: RunContext;
  log: Logger & { redactor: Redactor };
  dotenvFile?: string;
  /** The terminal form of a summary (./cli.ts's renderSummary), each value redacted by `redact`. */
  render: (summary: Summary, redact: (text: string) => string) => string;
  /** --json: the combined report as one JSON document, nothing else on stdout; --quiet: errors only. */
  mode: { json: boolean; quiet: boolean };
}

export async function runServersCli(cli: ServersCli): Promise<number> {
  const { parsed, env, context, log, dotenvFile, render, mode } = cli;
  if (parsed.watch !== undefined)
    throw new InputError('watch', '', '--watch runs one server: give --server NAME with --config, or no --config');
  // Every server's flags and token are checked here, before any request to any server.
  const runs = await serverRuns((name) => parsed.values.get(name) ?? '', env, context, existsSync);
  const first = runs[0]!.options;
  const cancellation = new Cancellation();
  const stopListening = cancellation.listen((signal, second) =>
    process.stderr.write(
      second
        ? `${signal}: abandoning the requests in flight.\n`
        : `${signal}: stopping every server: no new requests; those in flight get ${GRACE_MS / 1000} s.\n`,
    ),
  );
  // Listening through the webhook after the run: a signal then abandons its POST and exits 130/143.
  let all: Awaited<ReturnType<typeof runAll>>;
  let unwritten: string | undefined;
  try {
    all = await runAll(runs, first.serverConcurrency, log, cancellation);
    unwritten = dotenvFile && writeDotenv(dotenvFile, all.outputs, { quiet: true, cwd: context.workspace });
    const signal = all.cancelled ? undefined : cancellation.abortSignal;
    await notifyAfterRun(first, all.results, context.origin?.runUrl, log, { signal });
  } finally {
    stopListening();
  }
  const alertOnly = all.results.every((r) => r.report.ok || (first.failOnAlert && Number(r.report.outputs.alerts) > 0));
  let code = all.ok ? 0 : alertOnly ? EXIT_ALERT : 1;
  if (unwritten) code = 1;
  const stopped = all.cancelled ?? cancellation.reason;
  if (stopped) code = exitCodeFor(stopped);
  const redact = (text: string) => log.redactor.redact(text);
  // Redacted, then neutralised line by line (shared/neutralise.ts), as every terminal line.
  const terminal = (text: string) => logLines(redact(text));
  if (mode.json) {
    const status = { command: first.command, exitCode: code, failure: unwritten || undefined };
    process.stdout.write(`${jsonText(reportDocument(all, status, redact))}\n`);
  } else if (!mode.quiet) {
    const sections = all.results.map((r) => `== ${r.name} (${r.url}) ==\n${render(serverSection(r), redact)}`);
    process.stdout.write(`${terminal([...sections, `== all ==\n${render(all.summary, redact)}`].join('\n\n'))}\n`);
  }
  if (all.failure) process.stderr.write(`error: ${logLine(redact(all.failure))}\n`);
  if (unwritten) process.stderr.write(`error: ${logLine(redact(unwritten))}\n`);
  return code;
}
