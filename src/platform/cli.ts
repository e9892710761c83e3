// quota-keys: the command line of the seed tool (generate, batch, …) on the same core as the action.
import { cliContext, gitlabContext, gitlabJobDirectory, isGitlabJob } from '../config/context.js';
import { INPUTS } from '../config/inputs.js';
import { redactingLogger, type Logger } from '../shared/log.js';
import { COMMANDS, InputError, parseOptions } from '../config/options.js';
import { run } from '../run.js';
import type { RunReport, Summary } from '../commands/contract.js';
import { Cancellation, exitCodeFor, GRACE_MS } from '../shared/cancel.js';
import { encryptReportCsv } from '../output/encrypt.js';
import { artifactWarnings, DEFAULT_DOTENV, dotenvPath, writeDotenv } from './gitlab.js';
import { watch, watchSeconds } from './watch.js';
import { VERSION } from '../version.js';

const ALIASES: Record<string, string> = { token: 'admin-token' };

function usage(): string {
  const flags = INPUTS.filter((i) => i.name !== 'command').map((i) => {
    const flag = `${i.short ? `-${i.short}, ` : '    '}--${i.name === 'admin-token' ? 'token' : i.name}${i.boolean ? '' : ' VALUE'}`;
    return `  ${flag.padEnd(30)} ${i.help}${i.default ? ` (default ${i.default})` : ''}`;
  });
  return [
    'Usage: quota-keys <command> [flags]',
    '',
    `Commands: ${COMMANDS.join(', ')}, dev-server (a local quota-proxy for trying things out)`,
    '',
    'Flags (every action input is a long flag of the same name):',
    ...flags,
    `  ${'    --dotenv FILE'.padEnd(30)} write the outputs as QUOTA_KEYS_* variables to FILE (GitLab: default ${DEFAULT_DOTENV})`,
    `  ${'    --watch SECONDS'.padEnd(30)} monitor: run again every SECONDS until Ctrl-C (the seed tool's monitor refreshed every 5)`,
    '  -h, --help                     this help',
    '  -V, --version                  the version of quota-keys',
    '',
    'Environment: ADMIN_TOKEN, QUOTA_PROXY_URL. Keys are written to the CSV only; logs show them shortened.',
  ].join('\n');
}

export interface ParsedArgs {
  command?: string;
  values: Map<string, string>;
  help: boolean;
  /** `--dotenv FILE`: not an action input, so not in INPUTS. */
  dotenv?: string;
  /** `--watch SECONDS` (monitor): a terminal loop, not an action input, so not in INPUTS. */
  watch?: string;
}

/** `--name value`, `--name=value`, `-n value`; boolean inputs may stand alone. */
export function parseArgs(argv: string[]): ParsedArgs {
  const byName = new Map(INPUTS.map((i) => [i.name, i]));
  const byShort = new Map(INPUTS.filter((i) => i.short).map((i) => [i.short!, i]));
  const values = new Map<string, string>();
  let command: string | undefined;
  let help = false;
  let dotenv: string | undefined;
  let watch: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') {
      help = true;
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      // A stray word is echoed only when it is a command: it may be a value that lost its flag (a token).
      if (command !== undefined) {
        const known = (COMMANDS as readonly string[]).includes(arg);
        throw new InputError('command', known ? arg : '', `one command only (got "${command}" already${known ? '' : ', then a word that is not a flag: a value without its flag?'})`);
      }
      command = arg;
      continue;
    }
    const [flag, inline] = arg.startsWith('--') ? [arg.slice(2).split('=')[0]!, arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : undefined] : [arg.slice(1), undefined];
    if (arg.startsWith('--') && flag === 'dotenv') {
      dotenv = inline ?? argv[++i];
      if (!dotenv) throw new InputError('dotenv', '', '--dotenv needs a file path, such as quota-keys.env');
      continue;
    }
    if (arg.startsWith('--') && flag === 'watch') {
      watch = inline ?? argv[++i];
      if (!watch) throw new InputError('watch', '', '--watch needs a number of seconds, such as 5');
      continue;
    }
    const spec = arg.startsWith('--') ? byName.get(ALIASES[flag] ?? flag) : byShort.get(flag);
    // Only the flag's name: a mistyped `--admin_token=…` must not print its value.
    if (!spec) throw new InputError(arg.split('=')[0]!, '', `unknown flag; see quota-keys --help`);
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      if (spec.boolean) {
        if (next !== undefined && /^(true|false|yes|no|on|off|1|0)$/i.test(next)) value = argv[++i];
        else value = 'true';
      } else {
        if (next === undefined) throw new InputError(spec.name, '', `--${flag} needs a value`);
        value = argv[++i];
      }
    }
    values.set(spec.name, value!);
  }
  return { command, values, help, dotenv, watch };
}

// East Asian wide characters take two terminal columns (labels are often Chinese).
const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/g;

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
    const line = (cells: string[]) => cells.map((cell, c) => cell + ' '.repeat(widths[c]! - displayWidth(cell))).join('  ').trimEnd();
    lines.push('', line(head), line(widths.map((w) => '-'.repeat(w))), ...shown.map(line));
    if (rows.length > shown.length) lines.push(`… and ${rows.length - shown.length} more (all in the CSV)`);
  }
  return lines.join('\n');
}

/**
 * The report on the terminal; returns the exit code. A report with `lines` (list, usage, monitor)
 * puts exactly those on stdout, for scripts to parse, in place of the table; its facts go to stderr.
 */
function printReport(report: RunReport, redactor: { redact(text: string): string }): number {
  const { lines } = report.summary;
  if (lines) {
    if (lines.length > 0) process.stdout.write(`${redactor.redact(lines.join('\n'))}\n`);
    process.stderr.write(`${redactor.redact(renderSummary({ ...report.summary, table: undefined }))}\n`);
  } else {
    process.stdout.write(`${redactor.redact(renderSummary(report.summary))}\n`);
  }
  if (!report.ok) {
    process.stderr.write(`error: ${redactor.redact(report.failure ?? 'failed')}\n`);
    return 1;
  }
  return 0;
}

export async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  // `list | head -1`: the reader went away; the rest of the output has nowhere to go.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  if (argv[0] === 'dev-server') {
    let devServer: typeof import('../dev-server/index.js');
    try {
      devServer = await import('../dev-server/index.js');
    } catch {
      process.stderr.write(`error: the dev server needs node:sqlite (Node.js 22.13 or later; this is ${process.version}). Run it with Node 24, e.g. npx -p node@24 node dist/cli.js dev-server\n`);
      return 1;
    }
    return devServer.devServerMain(argv.slice(1));
  }
  if (argv[0] === '--version' || argv[0] === '-V') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const log = redactingLogger({
    info: (m) => process.stderr.write(`${m}\n`),
    warning: (m) => process.stderr.write(`warning: ${m}\n`),
    debug: (m) => process.stderr.write(`debug: ${m}\n`),
    debugEnabled: () => Boolean(env.QUOTA_KEYS_DEBUG),
  });
  let parsed: ParsedArgs;
  // GitLab jobs (and --dotenv) get the outputs as a dotenv file, also when the run failed.
  let dotenvFile = dotenvPath(undefined, env);
  let outputs: Record<string, string> = {};
  try {
    maskTokenArguments(argv, env, log);
    parsed = parseArgs(argv);
    dotenvFile = dotenvPath(parsed.dotenv, env);
    if (parsed.help || parsed.command === 'help') {
      process.stdout.write(`${usage()}\n`);
      return 0;
    }
    if (parsed.command === undefined) throw new InputError('command', '', `expected one of ${COMMANDS.join(', ')} (see --help)`);
    parsed.values.set('command', parsed.command);
    const context = isGitlabJob(env) ? gitlabContext(env) : cliContext(env);
    const options = parseOptions((name) => parsed.values.get(name) ?? '', env, context);
    if (context.platform === 'gitlab') {
      // Said before any key exists: a local pipeline run must not go green with its files elsewhere.
      const { note } = gitlabJobDirectory(env);
      if (env.GITLAB_CI !== 'true') log.info(`GitLab job (CI_JOB_ID, CI_PIPELINE_ID and CI_PROJECT_DIR are set; GITLAB_CI is ${env.GITLAB_CI ? `"${env.GITLAB_CI}"` : 'unset'}, as under gitlab-ci-local).`);
      if (note) log.info(note);
      for (const warning of artifactWarnings({ CSV: options.output, 'dotenv file': dotenvFile }, context.workspace)) log.warning(warning);
    }
    if (parsed.watch !== undefined) {
      const seconds = watchSeconds(parsed.watch, options.command);
      // The first signal cancels the pass under way (no new pass follows, so one Cancellation serves all).
      const cancellation = new Cancellation();
      return await watch(seconds, async () => {
        // Each pass reads the inputs anew, so the default day follows the clock past midnight.
        const passContext = isGitlabJob(env) ? gitlabContext(env) : cliContext(env);
        const passReport = await run(parseOptions((name) => parsed.values.get(name) ?? '', env, passContext), passContext, log, cancellation);
        if (dotenvFile) writeDotenv(dotenvFile, passReport.outputs, { cwd: passContext.workspace });
        const code = printReport(passReport, log.redactor);
        return passReport.cancelled ? exitCodeFor(passReport.cancelled) : code;
      }, {
        onStop: (signal) => cancellation.cancel(signal),
        status: (message) => process.stderr.write(`${message}\n`),
        error: (message) => process.stderr.write(`error: ${log.redactor.redact(message)}\n`),
        beforePass: process.stdout.isTTY ? () => process.stdout.write('\x1b[2J\x1b[H') : undefined,
        exit: (code) => process.exit(code),
      });
    }
    // SIGINT/SIGTERM: no new requests, those in flight get GRACE_MS, then are aborted; the CSV is written, exit 130/143.
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
      report = await run(options, context, log, cancellation);
    } finally {
      stopListening();
    }
    outputs = report.outputs;
    await encryptReportCsv(report, options.encryptTo, log);
    // The report first: a dotenv that cannot be written must not hide why the run failed.
    let code = printReport(report, log.redactor);
    const unwritten = dotenvFile && writeDotenv(dotenvFile, outputs, { quiet: true, cwd: context.workspace });
    if (unwritten) {
      process.stderr.write(`error: ${log.redactor.redact(unwritten)}\n`);
      code = 1;
    }
    return report.cancelled ? exitCodeFor(report.cancelled) : code;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`error: ${log.redactor.redact(message)}\n`);
    const unwritten = dotenvFile && writeDotenv(dotenvFile, outputs, { quiet: true, cwd: isGitlabJob(env) ? gitlabJobDirectory(env).dir : process.cwd() });
    if (unwritten && unwritten !== message) process.stderr.write(`error: ${log.redactor.redact(unwritten)}\n`);
    return error instanceof InputError ? 2 : 1;
  }
}

