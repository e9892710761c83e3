// quota-keys: the command line of the seed tool (generate, batch, …) on the same core as the action.
import { cliContext, gitlabContext } from '../context.js';
import { INPUTS } from '../inputs.js';
import { redactingLogger } from '../log.js';
import { COMMANDS, InputError, parseOptions } from '../options.js';
import { run, type Summary } from '../run.js';

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
    '  -h, --help                     this help',
    '',
    'Environment: ADMIN_TOKEN, QUOTA_PROXY_URL. Keys are written to the CSV only; logs show them shortened.',
  ].join('\n');
}

export interface ParsedArgs {
  command?: string;
  values: Map<string, string>;
  help: boolean;
}

/** `--name value`, `--name=value`, `-n value`; boolean inputs may stand alone. */
export function parseArgs(argv: string[]): ParsedArgs {
  const byName = new Map(INPUTS.map((i) => [i.name, i]));
  const byShort = new Map(INPUTS.filter((i) => i.short).map((i) => [i.short!, i]));
  const values = new Map<string, string>();
  let command: string | undefined;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') {
      help = true;
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      if (command !== undefined) throw new InputError('command', arg, `one command only (got "${command}" already)`);
      command = arg;
      continue;
    }
    const [flag, inline] = arg.startsWith('--') ? [arg.slice(2).split('=')[0]!, arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : undefined] : [arg.slice(1), undefined];
    const spec = arg.startsWith('--') ? byName.get(ALIASES[flag] ?? flag) : byShort.get(flag);
    if (!spec) throw new InputError(arg, '', `unknown flag; see quota-keys --help`);
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
  return { command, values, help };
}

export function renderSummary(summary: Summary): string {
  const lines = summary.facts.map(([name, value]) => `${name}: ${value}`);
  if (summary.table && summary.table.rows.length > 0) {
    const { head, rows } = summary.table;
    const shown = rows.slice(0, 50);
    const widths = head.map((h, c) => Math.max(h.length, ...shown.map((r) => (r[c] ?? '').length)));
    const line = (cells: string[]) => cells.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd();
    lines.push('', line(head), line(widths.map((w) => '-'.repeat(w))), ...shown.map(line));
    if (rows.length > shown.length) lines.push(`… and ${rows.length - shown.length} more (all in the CSV)`);
  }
  return lines.join('\n');
}

export async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  if (argv[0] === 'dev-server') {
    const { devServerMain } = await import('../dev-server/index.js');
    return devServerMain(argv.slice(1));
  }
  const log = redactingLogger({
    info: (m) => process.stderr.write(`${m}\n`),
    warning: (m) => process.stderr.write(`warning: ${m}\n`),
    debug: (m) => {
      if (env.QUOTA_KEYS_DEBUG) process.stderr.write(`debug: ${m}\n`);
    },
  });
  let parsed: ParsedArgs;
  try {
    parsed = parseArgs(argv);
    if (parsed.help || parsed.command === 'help') {
      process.stdout.write(`${usage()}\n`);
      return 0;
    }
    if (parsed.command === undefined) throw new InputError('command', '', `expected one of ${COMMANDS.join(', ')} (see --help)`);
    parsed.values.set('command', parsed.command);
    const context = env.GITLAB_CI === 'true' ? gitlabContext(env) : cliContext(env);
    const options = parseOptions((name) => parsed.values.get(name) ?? '', env, context);
    const report = await run(options, context, log);
    process.stdout.write(`${log.redactor.redact(renderSummary(report.summary))}\n`);
    if (!report.ok) {
      process.stderr.write(`error: ${log.redactor.redact(report.failure ?? 'failed')}\n`);
      return 1;
    }
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`error: ${log.redactor.redact(message)}\n`);
    return error instanceof InputError ? 2 : 1;
  }
}

