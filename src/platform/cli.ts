// quota-keys: the command line of the old tool (generate, batch, …) on the same core as the action.
import { cliContext, gitlabContext, gitlabJobDirectory, isGitlabJob } from '../config/context.js';
import { type Logger, redactingLogger } from '../shared/log.js';
import { jsonText, logLine, logLines, visible } from '../shared/neutralise.js';
import { createProgress, type Progress } from '../shared/progress.js';
import { type Redactor, redactUrl } from '../shared/redact.js';

/** The CLI's logger: stderr, with the redactor that every line passes through. */
type CliLogger = Logger & { redactor: Redactor; quiet: () => boolean };

import type { RunReport, Summary } from '../commands/contract.js';
import type { Command } from '../config/commands.js';
import type { RunContext } from '../config/context.js';
import { COMMANDS, InputError, type Options, parseOptions } from '../config/options.js';
import { encryptReportCsv } from '../output/encrypt.js';
import { maskWebhook, notifyAfterRun } from '../output/notify.js';
import { Cancellation, exitCodeFor, GRACE_MS } from '../shared/cancel.js';
import { VERSION } from '../version.js';
import { didYouMean, type ParsedArgs, parseArgs } from './cli-args.js';
import { commandUsage, EXIT_ALERT, exitCodesUsage, flagsUsage, HELP_TOPICS, shortUsage, usage } from './cli-help.js';
import { artifactWarnings, checkedDotenvPath, dotenvPath, writeDotenv } from './gitlab.js';
import { reportDocument } from './json-report.js';
import { watch, watchSeconds } from './watch.js';

export { type ParsedArgs, parseArgs } from './cli-args.js';

// East Asian wide characters take two terminal columns (labels are often Chinese).
const WIDE_RANGES = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
];
const WIDE = new RegExp(
  `[${WIDE_RANGES.map(([from, to]) => `${String.fromCharCode(from!)}-${String.fromCharCode(to!)}`).join('')}]`,
  'g',
);

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

/**
 * Text for the terminal (stdout or stderr), which may be a runner's or GitLab's log: redacted, then
 * every line neutralised (no control character, no workflow command: shared/neutralise.ts logLine).
 */
export function terminalText(text: string, redactor: { redact(text: string): string }): string {
  return logLines(redactor.redact(text));
}

/** One message for the terminal (an error, a line of a list): redacted, neutralised, one line. */
export function terminalLine(text: string, redactor: { redact(text: string): string }): string {
  return logLine(redactor.redact(text));
}

/** A progress bar's redraw: its own leading `\r` and erase sequence, then the neutralised text. */
function barText(text: string, redactor: { redact(text: string): string }): string {
  const erase = /^(?:\r\x1b\[K)*/.exec(text)![0];
  return erase + terminalText(text.slice(erase.length), redactor);
}

/** The summary as terminal text; each value and cell redacted, then shown visibly escaped (one line). */
export function renderSummary(summary: Summary, redact: (text: string) => string = (text) => text): string {
  const cell = (text: string) => visible(redact(text));
  const lines = summary.facts.map(([name, value]) => `${name}: ${cell(value)}`);
  if (summary.table && summary.table.rows.length > 0) {
    const head = summary.table.head;
    const shown = summary.table.rows.slice(0, 50).map((row) => row.map(cell));
    const rows = summary.table.rows;
    const widths = head.map((h, c) => Math.max(displayWidth(h), ...shown.map((r) => displayWidth(r[c] ?? ''))));
    const line = (cells: string[]) =>
      cells
        .map((cell, c) => cell + ' '.repeat(widths[c]! - displayWidth(cell)))
        .join('  ')
        .trimEnd();
    lines.push('', line(head), line(widths.map((w) => '-'.repeat(w))), ...shown.map(line));
    // Where the rest are, as the report says: a dry run or a list without output wrote no CSV.
    const more = Math.max(summary.table.total ?? rows.length, rows.length) - shown.length;
    if (more > 0) lines.push(`… and ${more.toLocaleString('en-US')} more ${summary.table.rest ?? 'not shown'}`);
  }
  return lines.join('\n');
}

/** How the report is shown: the summary (default), one JSON document (--json), or errors only (--quiet). */
export interface OutputMode {
  json: boolean;
  quiet: boolean;
}

/** The exit code a report means: 0, 1, 3 (an alert with fail-on-alert), 130/143 (a signal). */
function exitCodeOf(report: RunReport, options: Options): number {
  if (report.cancelled) return exitCodeFor(report.cancelled);
  if (report.ok) return 0;
  return raisedAlert(report, options) ? EXIT_ALERT : 1;
}

/**
 * The report on the terminal, for exit `code`. A report with `lines` (list, usage, monitor) puts
 * exactly those on stdout, for scripts to parse, in place of the table; its facts go to stderr.
 * With --json stdout gets the one document instead; with --quiet only the error line is shown.
 */
function printReport(
  report: RunReport,
  code: { exitCode: number; command: string; failure?: string },
  mode: OutputMode,
  redactor: { redact(text: string): string },
): void {
  const { lines } = report.summary;
  const redact = (text: string) => redactor.redact(text);
  if (mode.json) {
    process.stdout.write(`${jsonText(reportDocument(report, code, (t) => redactor.redact(t)))}\n`);
  } else if (mode.quiet) {
    // errors only
  } else if (lines) {
    // Each line one key: redacted and neutralised alone, so a label's line break is shown, not obeyed.
    const one = (line: string) => terminalLine(line, redactor);
    for (let i = 0; i < lines.length; i += 1000)
      process.stdout.write(
        `${lines
          .slice(i, i + 1000)
          .map(one)
          .join('\n')}\n`,
      );
    const facts = renderSummary({ ...report.summary, table: undefined }, redact);
    process.stderr.write(`${terminalText(facts, redactor)}\n`);
  } else {
    process.stdout.write(`${terminalText(renderSummary(report.summary, redact), redactor)}\n`);
  }
  if (!report.ok) process.stderr.write(`error: ${terminalLine(report.failure ?? 'failed', redactor)}\n`);
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
    write: (text) => process.stderr.write(tty ? barText(text, redactor) : `${terminalText(text, redactor)}\n`),
  });
}

/** --quiet drops info and warning lines (errors are not logged: main prints them). */
function cliLogger(env: NodeJS.ProcessEnv, quiet: () => boolean): CliLogger {
  // On a terminal each line first erases a progress bar drawn there (the next tick redraws it below).
  const erase = process.stderr.isTTY ? '\r\x1b[K' : '';
  const write = (line: string) => (quiet() ? undefined : process.stderr.write(`${erase}${line}`));
  const logger = redactingLogger({
    info: (m) => write(`${m}\n`),
    warning: (m) => write(`warning: ${m}\n`),
    debug: (m) => process.stderr.write(`${erase}debug: ${m}\n`),
    debugEnabled: () => Boolean(env.QUOTA_KEYS_DEBUG),
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
      const passReport = await run(passOptions, passContext, log, cancellation, cliProgress(log.redactor, log.quiet()));
      if (dotenvFile) writeDotenv(dotenvFile, passReport.outputs, { cwd: passContext.workspace });
      const exitCode = exitCodeOf(passReport, passOptions);
      printReport(passReport, { exitCode, command }, parsed, log.redactor);
      return exitCode;
    },
    {
      onStop: (signal) => cancellation.cancel(signal),
      status: (message) => (parsed.quiet ? undefined : process.stderr.write(`${message}\n`)),
      error: (message) => process.stderr.write(`error: ${terminalLine(message, log.redactor)}\n`),
      // --json: one document per pass (JSON lines), nothing else on stdout.
      beforePass: process.stdout.isTTY && !parsed.json ? () => process.stdout.write('\x1b[2J\x1b[H') : undefined,
      exit: (code) => process.exit(code),
    },
  );
}

/** SIGINT/SIGTERM cancel the run: no new requests, those in flight get GRACE_MS; returns how to stop listening. */
function listenForStop(cancellation: Cancellation): () => void {
  return cancellation.listen((signal, second) =>
    process.stderr.write(
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
  done: (outputs: Record<string, string>) => void,
): Promise<RunReport> {
  // Loaded only to run a command: --help, --version and bad input start without the HTTP client.
  const { run } = await import('../run.js');
  const report = await run(options, context, log, cancellation, cliProgress(log.redactor, log.quiet()));
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

export async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  // `list | head -1`: the reader went away; the rest of the output has nowhere to go.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  if (argv[0] === 'dev-server') return runDevServer(argv.slice(1));
  if (argv[0] === 'help' && argv[1] === 'dev-server') return runDevServer(['--help']);
  if (argv.length === 0) {
    process.stderr.write(`${shortUsage()}\n`);
    return 2;
  }
  // Known before the arguments are parsed: a refused argument list still answers in the mode asked for.
  const mode: OutputMode = { json: flagGiven(argv, '--json'), quiet: flagGiven(argv, '--quiet', '-q') };
  const log = cliLogger(env, () => mode.quiet);
  // GitLab jobs (and --dotenv) get the outputs as a dotenv file, also when the run failed.
  let dotenvFile = dotenvPath(undefined, env);
  let outputs: Record<string, string> = {};
  let command: Command | undefined;
  try {
    maskTokenArguments(argv, env, log);
    const parsed = parseArgs(argv);
    Object.assign(mode, { json: parsed.json, quiet: parsed.quiet });
    dotenvFile = undefined; // a refused one is not written on the way out either
    dotenvFile = checkedDotenvPath(parsed.dotenv, env);
    const help = helpText(parsed);
    if (help !== undefined) {
      process.stdout.write(`${help}\n`);
      return 0;
    }
    command = checkCommand(parsed.command);
    parsed.values.set('command', command);
    const context = contextOf(env);
    if (parsed.values.get('config')) {
      // Loaded only for a servers file: it brings the run (HTTP client, commands) and YAML along.
      const { runServersCli } = await import('./cli-servers.js');
      return await runServersCli({ parsed, env, context, log, dotenvFile, render: renderSummary, mode });
    }
    const options = parseOptions((name) => parsed.values.get(name) ?? '', env, context);
    noteGitlabJob(env, context, options, dotenvFile, log);
    if (parsed.watch !== undefined) return await runWatching(parsed, command, env, dotenvFile, log);
    // Listening until the exit code is known: a signal during the webhook after the run ends it too (130/143).
    const cancellation = new Cancellation();
    const stopListening = listenForStop(cancellation);
    let report: RunReport;
    try {
      report = await runOnce(options, context, log, cancellation, (o) => (outputs = o));
      const server = { name: options.url.host, url: redactUrl(options.url.href), report };
      // A run already cancelled notifies within NOTIFY_AFTER_SIGNAL_MS; else a signal now abandons the POST.
      const signal = report.cancelled ? undefined : cancellation.abortSignal;
      await notifyAfterRun(options, [server], context.origin?.runUrl, log, { signal });
    } finally {
      stopListening();
    }
    const unwritten = dotenvFile && writeDotenv(dotenvFile, outputs, { quiet: true, cwd: context.workspace });
    const stopped = report.cancelled ?? cancellation.reason;
    const code = stopped ? exitCodeFor(stopped) : unwritten ? 1 : exitCodeOf(report, options);
    // The report first: a dotenv that cannot be written must not hide why the run failed.
    printReport(report, { exitCode: code, command, failure: unwritten || undefined }, mode, log.redactor);
    if (unwritten) process.stderr.write(`error: ${terminalLine(unwritten, log.redactor)}\n`);
    return code;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`error: ${terminalLine(message, log.redactor)}\n`);
    const unwritten =
      dotenvFile &&
      writeDotenv(dotenvFile, outputs, {
        quiet: true,
        cwd: isGitlabJob(env) ? gitlabJobDirectory(env).dir : process.cwd(),
      });
    if (unwritten && unwritten !== message) process.stderr.write(`error: ${terminalLine(unwritten, log.redactor)}\n`);
    const exitCode = error instanceof InputError ? 2 : 1;
    if (mode.json) {
      const document = reportDocument(undefined, { command, exitCode, failure: message }, (t) =>
        log.redactor.redact(t),
      );
      process.stdout.write(`${jsonText(document)}\n`);
    }
    return exitCode;
  }
}
