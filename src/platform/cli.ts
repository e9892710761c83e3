// quota-keys: the command line of the seed tool (generate, batch, …) on the same core as the action.
import { cliContext, gitlabContext, gitlabJobDirectory, isGitlabJob } from '../config/context.js';
import { type Logger, redactingLogger } from '../shared/log.js';
import type { Redactor } from '../shared/redact.js';

/** The CLI's logger: stderr, with the redactor that every line passes through. */
type CliLogger = Logger & { redactor: Redactor };

import type { RunReport, Summary } from '../commands/contract.js';
import type { Command } from '../config/commands.js';
import type { RunContext } from '../config/context.js';
import { COMMANDS, InputError, type Options, parseOptions } from '../config/options.js';
import { encryptReportCsv } from '../output/encrypt.js';
import { Cancellation, exitCodeFor, GRACE_MS } from '../shared/cancel.js';
import { VERSION } from '../version.js';
import { didYouMean, type ParsedArgs, parseArgs } from './cli-args.js';
import { commandUsage, EXIT_ALERT, shortUsage, usage } from './cli-help.js';
import { artifactWarnings, dotenvPath, writeDotenv } from './gitlab.js';
import { watch, watchSeconds } from './watch.js';

export { type ParsedArgs, parseArgs } from './cli-args.js';

// East Asian wide characters take two terminal columns (labels are often Chinese).
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/g;

/** Terminal columns a string takes. */
export function displayWidth(text: string): number {
  return text.length + (text.match(WIDE)?.length ?? 0);
}

/**
 * The admin token, wherever it is in argv or the environment, is registered before the arguments
 * are parsed: a refused argument list is echoed in its error (a stray positional, a mistyped flag).
 */
export function maskTokenArguments(argv: string[], env: NodeJS.ProcessEnv, log: Logger): void {
  if (env.ADMIN_TOKEN) log.secret(env.ADMIN_TOKEN, 'token');
  argv.forEach((arg, i) => {
    const next = argv[i + 1];
    if (['-t', '--token', '--admin-token'].includes(arg) && next) log.secret(next, 'token');
    else if (/^--(admin[-_]?)?token=/i.test(arg)) log.secret(arg.slice(arg.indexOf('=') + 1), 'token');
    else if (/^-t./.test(arg)) log.secret(arg.slice(2), 'token');
  });
}

export function renderSummary(summary: Summary): string {
  const lines = summary.facts.map(([name, value]) => `${name}: ${value}`);
  if (summary.table && summary.table.rows.length > 0) {
    const { head, rows } = summary.table;
    const shown = rows.slice(0, 50);
    const widths = head.map((h, c) => Math.max(displayWidth(h), ...shown.map((r) => displayWidth(r[c] ?? ''))));
    const line = (cells: string[]) =>
      cells
        .map((cell, c) => cell + ' '.repeat(widths[c]! - displayWidth(cell)))
        .join('  ')
        .trimEnd();
    lines.push('', line(head), line(widths.map((w) => '-'.repeat(w))), ...shown.map(line));
    if (rows.length > shown.length) lines.push(`… and ${rows.length - shown.length} more (all in the CSV)`);
  }
  return lines.join('\n');
}

/**
 * The report on the terminal; returns the exit code. A report with `lines` (list, usage, monitor)
 * puts exactly those on stdout, for scripts to parse, in place of the table; its facts go to stderr.
 */
function printReport(report: RunReport, options: Options, redactor: { redact(text: string): string }): number {
  const { lines } = report.summary;
  if (lines) {
    // In blocks: 100,000 lines joined and redacted at once took two more copies of the whole text.
    // Nothing redacted spans a line break (keys and token pieces hold none), so blocks print the same.
    for (let i = 0; i < lines.length; i += 1000)
      process.stdout.write(`${redactor.redact(lines.slice(i, i + 1000).join('\n'))}\n`);
    process.stderr.write(`${redactor.redact(renderSummary({ ...report.summary, table: undefined }))}\n`);
  } else {
    process.stdout.write(`${redactor.redact(renderSummary(report.summary))}\n`);
  }
  if (!report.ok) {
    process.stderr.write(`error: ${redactor.redact(report.failure ?? 'failed')}\n`);
    return raisedAlert(report, options) ? EXIT_ALERT : 1;
  }
  return 0;
}

/** A run that failed because fail-on-alert met an alert (the only failure after alerts are counted). */
function raisedAlert(report: RunReport, options: Options): boolean {
  return options.failOnAlert && Number(report.outputs.alerts ?? 0) > 0;
}

async function runDevServer(argv: string[]): Promise<number> {
  let devServer: typeof import('../dev-server/index.js');
  try {
    devServer = await import('../dev-server/index.js');
  } catch {
    process.stderr.write(
      `error: the dev server needs node:sqlite (Node.js 22.13 or later; this is ${process.version}). Run it with Node 24, e.g. npx -p node@24 node dist/cli.js dev-server\n`,
    );
    return 1;
  }
  return devServer.devServerMain(argv);
}

function cliLogger(env: NodeJS.ProcessEnv): CliLogger {
  return redactingLogger({
    info: (m) => process.stderr.write(`${m}\n`),
    warning: (m) => process.stderr.write(`warning: ${m}\n`),
    debug: (m) => process.stderr.write(`debug: ${m}\n`),
    debugEnabled: () => Boolean(env.QUOTA_KEYS_DEBUG),
  });
}

/** --help, help, --version: what to print instead of running, if anything. */
function helpText(parsed: ParsedArgs): string | undefined {
  if (parsed.version) return VERSION;
  if (!parsed.help && parsed.command !== 'help') return undefined;
  const topic = parsed.command === 'help' ? parsed.topic : parsed.command;
  return topic && (COMMANDS as readonly string[]).includes(topic) ? commandUsage(topic as Command) : usage();
}

/** The command word: one of COMMANDS, else bad input with the nearest command when one is near. */
function checkCommand(command: string | undefined): Command {
  if (command !== undefined && (COMMANDS as readonly string[]).includes(command)) return command as Command;
  const near = command === undefined ? undefined : didYouMean(command, COMMANDS);
  throw new InputError(
    'command',
    command ?? '',
    `expected one of ${COMMANDS.join(', ')} (${near ? `did you mean ${near}?` : 'see --help'})`,
  );
}

const contextOf = (env: NodeJS.ProcessEnv): RunContext => (isGitlabJob(env) ? gitlabContext(env) : cliContext(env));

/** Said before any key exists: a local pipeline run must not go green with its files elsewhere. */
function noteGitlabJob(
  env: NodeJS.ProcessEnv,
  context: RunContext,
  options: Options,
  dotenvFile: string | undefined,
  log: Logger,
): void {
  if (context.platform !== 'gitlab') return;
  const { note } = gitlabJobDirectory(env);
  if (env.GITLAB_CI !== 'true')
    log.info(
      `GitLab job (CI_JOB_ID, CI_PIPELINE_ID and CI_PROJECT_DIR are set; GITLAB_CI is ${env.GITLAB_CI ? `"${env.GITLAB_CI}"` : 'unset'}, as under gitlab-ci-local).`,
    );
  if (note) log.info(note);
  for (const warning of artifactWarnings({ CSV: options.output, 'dotenv file': dotenvFile }, context.workspace))
    log.warning(warning);
}

/** monitor --watch: a pass every `seconds` until Ctrl-C; the exit code of the last pass. */
function runWatching(
  parsed: ParsedArgs,
  command: Command,
  env: NodeJS.ProcessEnv,
  dotenvFile: string | undefined,
  log: CliLogger,
): Promise<number> {
  const seconds = watchSeconds(parsed.watch!, command);
  // The first signal cancels the pass under way (no new pass follows, so one Cancellation serves all).
  const cancellation = new Cancellation();
  return watch(
    seconds,
    async () => {
      // Each pass reads the inputs anew, so the default day follows the clock past midnight.
      const passContext = contextOf(env);
      const passOptions = parseOptions((name) => parsed.values.get(name) ?? '', env, passContext);
      const { run } = await import('../run.js');
      const passReport = await run(passOptions, passContext, log, cancellation);
      if (dotenvFile) writeDotenv(dotenvFile, passReport.outputs, { cwd: passContext.workspace });
      const code = printReport(passReport, passOptions, log.redactor);
      return passReport.cancelled ? exitCodeFor(passReport.cancelled) : code;
    },
    {
      onStop: (signal) => cancellation.cancel(signal),
      status: (message) => process.stderr.write(`${message}\n`),
      error: (message) => process.stderr.write(`error: ${log.redactor.redact(message)}\n`),
      beforePass: process.stdout.isTTY ? () => process.stdout.write('\x1b[2J\x1b[H') : undefined,
      exit: (code) => process.exit(code),
    },
  );
}

/** One run: SIGINT/SIGTERM stop it (no new requests, those in flight get GRACE_MS), the CSV is written, exit 130/143. */
async function runOnce(
  options: Options,
  context: RunContext,
  log: CliLogger,
  done: (outputs: Record<string, string>) => void,
): Promise<{ report: RunReport; code: number }> {
  const cancellation = new Cancellation();
  const stopListening = cancellation.listen((signal, second) =>
    process.stderr.write(
      second
        ? `${signal}: abandoning the requests in flight.\n`
        : `${signal}: stopping: no new requests; those in flight get ${GRACE_MS / 1000} s to finish, then are abandoned; then the CSV is written. Send it again to abandon them now.\n`,
    ),
  );
  let report: RunReport;
  try {
    // Loaded only to run a command: --help, --version and bad input start without the HTTP client.
    const { run } = await import('../run.js');
    report = await run(options, context, log, cancellation);
  } finally {
    stopListening();
  }
  done(report.outputs);
  await encryptReportCsv(report, options.encryptTo, log);
  // The report first: a dotenv that cannot be written must not hide why the run failed.
  return { report, code: printReport(report, options, log.redactor) };
}

export async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  // `list | head -1`: the reader went away; the rest of the output has nowhere to go.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  if (argv[0] === 'dev-server') return runDevServer(argv.slice(1));
  if (argv.length === 0) {
    process.stderr.write(`${shortUsage()}\n`);
    return 2;
  }
  const log = cliLogger(env);
  // GitLab jobs (and --dotenv) get the outputs as a dotenv file, also when the run failed.
  let dotenvFile = dotenvPath(undefined, env);
  let outputs: Record<string, string> = {};
  try {
    maskTokenArguments(argv, env, log);
    const parsed = parseArgs(argv);
    dotenvFile = dotenvPath(parsed.dotenv, env);
    const help = helpText(parsed);
    if (help !== undefined) {
      process.stdout.write(`${help}\n`);
      return 0;
    }
    const command = checkCommand(parsed.command);
    parsed.values.set('command', command);
    const context = contextOf(env);
    const options = parseOptions((name) => parsed.values.get(name) ?? '', env, context);
    noteGitlabJob(env, context, options, dotenvFile, log);
    if (parsed.watch !== undefined) return await runWatching(parsed, command, env, dotenvFile, log);
    const { report, code } = await runOnce(options, context, log, (o) => (outputs = o));
    const unwritten = dotenvFile && writeDotenv(dotenvFile, outputs, { quiet: true, cwd: context.workspace });
    if (unwritten) process.stderr.write(`error: ${log.redactor.redact(unwritten)}\n`);
    return report.cancelled ? exitCodeFor(report.cancelled) : unwritten ? 1 : code;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`error: ${log.redactor.redact(message)}\n`);
    const unwritten =
      dotenvFile &&
      writeDotenv(dotenvFile, outputs, {
        quiet: true,
        cwd: isGitlabJob(env) ? gitlabJobDirectory(env).dir : process.cwd(),
      });
    if (unwritten && unwritten !== message) process.stderr.write(`error: ${log.redactor.redact(unwritten)}\n`);
    return error instanceof InputError ? 2 : 1;
  }
}
