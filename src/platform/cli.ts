// quota-keys: the command line of the old tool (generate, batch, …) on the same core as the action.
import { cliContext, gitlabContext, gitlabJobDirectory, isGitlabJob } from '../config/context.js';
import { type Logger, redactingLogger } from '../shared/log.js';
import { logLines } from '../shared/neutralise.js';
import { createProgress, type Progress } from '../shared/progress.js';
import { type Redactor, redactUrl } from '../shared/redact.js';

/** The CLI's logger: stderr, with the redactor that every line passes through. */
type CliLogger = Logger & { redactor: Redactor; quiet: () => boolean };

import type { Command } from '../config/commands.js';
import type { RunContext } from '../config/context.js';
import { EXIT_ALERT } from '../config/exit-codes.js';
import { COMMANDS, InputError, type Options, parseOptions } from '../config/options.js';
import { encryptReportCsv } from '../output/encrypt.js';
import { maskWebhook, notifyAfterRun } from '../output/notify.js';
import type { Outputs, Report } from '../report/report.js';
import { Cancellation, exitCodeFor, GRACE_MS } from '../shared/cancel.js';
import { errorMessage, QuotaKeysError } from '../shared/errors.js';
import { VERSION } from '../version.js';
import { didYouMean, type ParsedArgs, parseArgs } from './cli-args.js';
import { commandUsage, exitCodesUsage, flagsUsage, HELP_TOPICS, shortUsage, usage } from './cli-help.js';
import { CliOutput, type Format, flushStdout, type OutputMode, printErr, writeErr, writeOut } from './cli-output.js';
import { artifactWarnings, checkedDotenvPath, dotenvPath, writeDotenv } from './gitlab.js';
import { watch, watchSeconds } from './watch.js';

export { type ParsedArgs, parseArgs } from './cli-args.js';

/**
 * The admin token, wherever it is in argv or the environment, is registered before the arguments
 * are parsed: a refused argument list is echoed in its error (a stray positional, a mistyped flag).
 */
export function maskTokenArguments(argv: string[], env: NodeJS.ProcessEnv, log: Logger): void {
  if (env.ADMIN_TOKEN) log.secret(env.ADMIN_TOKEN, 'token');
  maskWebhook(env.QUOTA_KEYS_WEBHOOK, log);
  argv.forEach((arg, i) => {
    const next = argv[i + 1];
    if (arg === '--notify-webhook') maskWebhook(next, log);
    else if (arg.startsWith('--notify-webhook=')) maskWebhook(arg.slice('--notify-webhook='.length), log);
    else if (['-t', '--token', '--admin-token'].includes(arg) && next) log.secret(next, 'token');
    else if (/^--(admin[-_]?)?token=/i.test(arg)) log.secret(arg.slice(arg.indexOf('=') + 1), 'token');
    else if (/^-t./.test(arg)) log.secret(arg.slice(2), 'token');
  });
}

/** A progress bar's redraw: its own leading `\r` and erase sequence, then the neutralised text. */
function barText(text: string, redactor: { redact(text: string): string }): string {
  const erase = /^(?:\r\x1b\[K)*/.exec(text)![0];
  return erase + logLines(redactor.redact(text.slice(erase.length)));
}

/** The exit code a report means: 0, 1, 3 (an alert with fail-on-alert), 130/143 (a signal). */
function exitCodeOf(report: Report, options: Options): number {
  if (report.cancelled) return exitCodeFor(report.cancelled);
  if (report.ok) return 0;
  return raisedAlert(report, options) ? EXIT_ALERT : 1;
}

/** --format (or QUOTA_KEYS_FORMAT): table, or legacy (the old tool's lines for list, usage and monitor). */
function formatOf(parsed: ParsedArgs, env: NodeJS.ProcessEnv): Format {
  const raw = (parsed.values.get('format') || env.QUOTA_KEYS_FORMAT || 'table').trim();
  if (raw === 'table' || raw === 'legacy') return raw;
  throw new InputError('format', raw, "expected table or legacy (the old tool's lines for list, usage, monitor)");
}

/** A run that failed because fail-on-alert met an alert (the only failure after alerts are counted). */
function raisedAlert(report: Report, options: Options): boolean {
  return options.failOnAlert && Number(report.outputs.alerts ?? 0) > 0;
}

async function runDevServer(argv: string[]): Promise<number> {
  let devServer: typeof import('../dev-server/index.js');
  try {
    devServer = await import('../dev-server/index.js');
  } catch {
    process.stderr.write(
      `error: the dev server needs node:sqlite (Node.js 22.13 or later; this is ${process.version}). Run it ` +
        `with Node 24, e.g. npx -p node@24 node dist/cli.js dev-server\n`,
    );
    return 1;
  }
  return devServer.devServerMain(argv);
}

/**
 * Progress on stderr: a bar redrawn in place on a terminal, a line now and then otherwise; none
 * when quiet. Counts only, but through the redactor like every other line.
 */
export function cliProgress(redactor: Redactor, quiet = false): Progress {
  const tty = Boolean(process.stderr.isTTY);
  return createProgress({
    quiet,
    tty,
    columns: () => process.stderr.columns,
    // The bar's own \r and erase sequence are added after the text is neutralised.
    write: (text) => writeErr(tty ? barText(text, redactor) : `${logLines(redactor.redact(text))}\n`),
  });
}

/** --quiet drops info and warning lines (errors are not logged: main prints them). */
function cliLogger(env: NodeJS.ProcessEnv, quiet: () => boolean): CliLogger {
  // On a terminal each line first erases a progress bar drawn there (the next tick redraws it below).
  const erase = process.stderr.isTTY ? '\r\x1b[K' : '';
  const write = (line: string) => (quiet() ? undefined : writeErr(`${erase}${line}`));
  // Read once: asked before every request's debug line, and process.env is slow to read.
  const debug = Boolean(env.QUOTA_KEYS_DEBUG);
  const logger = redactingLogger({
    info: (m) => write(`${m}\n`),
    warning: (m) => write(`warning: ${m}\n`),
    debug: (m) => writeErr(`${erase}debug: ${m}\n`),
    debugEnabled: () => debug,
  });
  return Object.assign(logger, { quiet });
}

/** --help, help [topic], --version, version: what to print instead of running, if anything. */
function helpText(parsed: ParsedArgs): string | undefined {
  if (parsed.version || parsed.command === 'version') return VERSION;
  if (!parsed.help && parsed.command !== 'help') return undefined;
  const topic = parsed.command === 'help' ? parsed.topic : parsed.command;
  if (topic === undefined || topic === 'help') return usage();
  if ((COMMANDS as readonly string[]).includes(topic)) return commandUsage(topic as Command);
  if (topic === 'flags') return flagsUsage();
  if (topic === 'exit-codes') return exitCodesUsage();
  if (parsed.command !== 'help') return commandUsage(checkCommand(topic));
  // The word is not echoed: it may be a value that lost its flag.
  const near = didYouMean(topic, [...COMMANDS, ...HELP_TOPICS]);
  throw new InputError(
    'help',
    '',
    `no such help topic: expected a command, ${HELP_TOPICS.join(' or ')}${near ? ` (did you mean ${near}?)` : ''}`,
  );
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
      `GitLab job (CI_JOB_ID, CI_PIPELINE_ID and CI_PROJECT_DIR are set; GITLAB_CI is ` +
        `${env.GITLAB_CI ? `"${env.GITLAB_CI}"` : 'unset'}, as under gitlab-ci-local).`,
    );
  if (note) log.info(note);
  for (const warning of artifactWarnings({ CSV: options.output, 'dotenv file': dotenvFile }, context.workspace))
    log.warning(warning);
}

/** monitor --watch: a pass every `seconds` until Ctrl-C; the exit code of the last pass. */
function runWatching(
  parsed: ParsedArgs,
  mode: OutputMode,
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
      const out = new CliOutput(command, mode, log.redactor);
      const progress = cliProgress(log.redactor, log.quiet());
      const passReport = await run(passOptions, passContext, log, cancellation, progress, out.sinks);
      if (dotenvFile) writeDotenv(dotenvFile, passReport.outputs, { redact: log.redact, cwd: passContext.workspace });
      const exitCode = exitCodeOf(passReport, passOptions);
      out.finish(passReport, { exitCode, command });
      return exitCode;
    },
    {
      onStop: (signal) => cancellation.cancel(signal),
      status: (message) => (mode.quiet ? undefined : printErr(message, log.redactor)),
      error: (message) => printErr(`error: ${message}`, log.redactor),
      // --json: one document per pass (JSON lines), nothing else on stdout.
      beforePass: process.stdout.isTTY && !mode.json ? () => writeOut('\x1b[2J\x1b[H') : undefined,
      exit: (code) => {
        flushStdout();
        process.exit(code);
      },
    },
  );
}

/** SIGINT/SIGTERM cancel the run: no new requests, those in flight get GRACE_MS; returns how to stop listening. */
function listenForStop(cancellation: Cancellation): () => void {
  return cancellation.listen((signal, second) =>
    writeErr(
      second
        ? `${signal}: abandoning the requests in flight.\n`
        : `${signal}: stopping: no new requests; those in flight get ${GRACE_MS / 1000} s to finish, then ` +
            `are abandoned; then the CSV is written. Send it again to abandon them now.\n`,
    ),
  );
}

/** One run under `cancellation`: a signal stops it, the CSV is written (exit 130/143). */
async function runOnce(
  options: Options,
  context: RunContext,
  log: CliLogger,
  cancellation: Cancellation,
  out: CliOutput,
  done: (outputs: Outputs) => void,
): Promise<Report> {
  // Loaded only to run a command: --help, --version and bad input start without the HTTP client.
  const { run } = await import('../run.js');
  const progress = cliProgress(log.redactor, log.quiet());
  const report = await run(options, context, log, cancellation, progress, out.sinks);
  done(report.outputs);
  await encryptReportCsv(report, options.encryptTo, log);
  return report;
}

/** Whether a boolean flag is given on its own or as true, before the arguments are parsed. */
function flagGiven(argv: string[], ...names: string[]): boolean {
  return argv.some((arg) =>
    names.some((name) => arg === name || new RegExp(`^${name}=(true|yes|on|1)$`, 'i').test(arg)),
  );
}

/** The CLI: its exit code, once everything it printed is written (stdout is queued: ./cli-output.ts). */
export async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  try {
    return await run(argv, env);
  } finally {
    flushStdout();
  }
}

async function run(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  // `list | head -1`: the reader went away; the rest of the output has nowhere to go.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  if (argv[0] === 'dev-server') return runDevServer(argv.slice(1));
  if (argv[0] === 'help' && argv[1] === 'dev-server') return runDevServer(['--help']);
  if (argv.length === 0) {
    writeErr(`${shortUsage()}\n`);
    return 2;
  }
  // Known before the arguments are parsed: a refused argument list still answers in the mode asked for.
  const mode: OutputMode = {
    json: flagGiven(argv, '--json'),
    quiet: flagGiven(argv, '--quiet', '-q'),
    format: 'table',
  };
  const log = cliLogger(env, () => mode.quiet);
  // GitLab jobs (and --dotenv) get the outputs as a dotenv file, also when the run failed.
  let dotenvFile = dotenvPath(undefined, env);
  let outputs: Outputs = {};
  let command: Command | undefined;
  let out: CliOutput | undefined;
  try {
    maskTokenArguments(argv, env, log);
    const parsed = parseArgs(argv);
    Object.assign(mode, { json: parsed.json, quiet: parsed.quiet, format: formatOf(parsed, env) });
    dotenvFile = undefined; // a refused one is not written on the way out either
    dotenvFile = checkedDotenvPath(parsed.dotenv, env);
    const help = helpText(parsed);
    if (help !== undefined) {
      writeOut(`${help}\n`);
      return 0;
    }
    command = checkCommand(parsed.command);
    parsed.values.set('command', command);
    const context = contextOf(env);
    if (parsed.values.get('config')) {
      // Loaded only for a servers file: it brings the run (HTTP client, commands) and YAML along.
      const { runServersCli } = await import('./cli-servers.js');
      return await runServersCli({ parsed, env, context, log, dotenvFile, mode });
    }
    const options = parseOptions((name) => parsed.values.get(name) ?? '', env, context);
    noteGitlabJob(env, context, options, dotenvFile, log);
    if (parsed.watch !== undefined) return await runWatching(parsed, mode, command, env, dotenvFile, log);
    out = new CliOutput(command, mode, log.redactor);
    if (options.html) out.keepRows();
    return await runAndTell(options, context, log, out, dotenvFile, (o) => (outputs = o));
  } catch (error) {
    const message = errorMessage(error);
    const exitCode = error instanceof QuotaKeysError ? error.exitCode : 1;
    // The refusal (or the failure) in the mode asked for: one JSON document with --json.
    (out ?? new CliOutput(command, mode, log.redactor)).finish(undefined, { command, exitCode, failure: message });
    const unwritten =
      dotenvFile &&
      writeDotenv(dotenvFile, outputs, {
        redact: log.redact,
        quiet: true,
        cwd: isGitlabJob(env) ? gitlabJobDirectory(env).dir : process.cwd(),
      });
    if (unwritten && unwritten !== message) printErr(`error: ${unwritten}`, log.redactor);
    return exitCode;
  }
}

/** One run, its notification and dotenv, and what the terminal shows of it; the exit code. */
async function runAndTell(
  options: Options,
  context: RunContext,
  log: CliLogger,
  out: CliOutput,
  dotenvFile: string | undefined,
  done: (outputs: Outputs) => void,
): Promise<number> {
  const { command } = options;
  // Listening until the exit code is known: a signal during the webhook after the run ends it too (130/143).
  const cancellation = new Cancellation();
  const stopListening = listenForStop(cancellation);
  let report: Report;
  try {
    report = await runOnce(options, context, log, cancellation, out, done);
    await writeDashboardOf(options, report, out, log);
    const server = { name: options.url.host, url: redactUrl(options.url.href), report };
    // A run already cancelled notifies within NOTIFY_AFTER_SIGNAL_MS; else a signal now abandons the POST.
    const signal = report.cancelled ? undefined : cancellation.abortSignal;
    await notifyAfterRun(options, [server], context.origin?.runUrl, log, { signal });
  } finally {
    stopListening();
  }
  const unwritten =
    dotenvFile && writeDotenv(dotenvFile, report.outputs, { redact: log.redact, quiet: true, cwd: context.workspace });
  const stopped = report.cancelled ?? cancellation.reason;
  const code = stopped ? exitCodeFor(stopped) : unwritten ? 1 : exitCodeOf(report, options);
  // The report first: a dotenv that cannot be written must not hide why the run failed.
  out.finish(report, { exitCode: code, command, failure: unwritten || undefined });
  return code;
}

/** usage --html: the dashboard, from the rows the run's KeptRows kept. */
async function writeDashboardOf(options: Options, report: Report, out: CliOutput, log: Logger): Promise<void> {
  if (!options.html || !out.kept) return;
  const { writeServerDashboard } = await import('../render/dashboard/index.js');
  writeServerDashboard(options.html, options.url, report, out.kept.rows, log);
}
