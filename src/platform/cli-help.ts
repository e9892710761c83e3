// The CLI's help, built from the INPUTS table and COMMAND_HELP, in the shape of `gh <command> --help`:
// USAGE, FLAGS (that command's own), GLOBAL FLAGS (a few, and where the rest are), EXAMPLES, LEARN
// MORE. Every page fits one screen: at most 40 lines of at most 80 columns.
//
// The rule for where a flag is listed: an input some commands read (`for` in INPUTS) is on those
// commands' pages; one every command reads is a global flag, on `quota-keys help flags`, as are the
// flags of the CLI alone (--json, --quiet, …) and, in one line, the inputs only the GitHub Action reads.

import { COMMAND_HELP, COMMANDS, type Command } from '../config/commands.js';
import { EXIT_CODES } from '../config/exit-codes.js';
import { INPUTS, type InputSpec, inputsOf, isGlobal, readsAsOwn } from '../config/inputs.js';

/** `quota-keys help <topic>`: a command, or one of these. */
export const HELP_TOPICS = ['flags', 'exit-codes'] as const;

const WIDTH = 80;

/** `text` in lines of at most `width` columns, each starting with `indent`. */
function wrap(text: string, indent = '', width = WIDTH): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, indent + line] : lines;
}

/** One flag of a help page: `-c, --count N` and what it does. */
interface FlagRow {
  flag: string;
  help: string;
}

/** The flags of the CLI alone (not action inputs). */
const CLI_FLAGS: Record<'dotenv' | 'watch' | 'json' | 'quiet' | 'help' | 'version', FlagRow> = {
  dotenv: { flag: '    --dotenv FILE', help: 'write the outputs to FILE as QUOTA_KEYS_* lines' },
  watch: { flag: '    --watch SECONDS', help: 'run again every SECONDS until Ctrl-C' },
  json: { flag: '    --json', help: 'one JSON document on stdout, nothing else' },
  quiet: { flag: '-q, --quiet', help: 'errors only: no summary, progress or warnings' },
  help: { flag: '-h, --help', help: 'help for quota-keys or a command' },
  version: { flag: '-V, --version', help: 'the version of quota-keys' },
};

/** The flag's name on the command line: `--token` for the input admin-token. */
export const flagName = (input: InputSpec) => (input.name === 'admin-token' ? 'token' : input.name);

function inputRow(input: InputSpec): FlagRow {
  const value = input.boolean ? '' : ` ${input.flag?.value ?? (/^\d/.test(input.default) ? 'N' : 'VALUE')}`;
  const shown = input.default && !(input.boolean && input.default === 'false');
  return {
    flag: `${input.short ? `-${input.short}, ` : '    '}--${flagName(input)}${value}`,
    help: `${input.help}${shown ? ` (default ${input.default})` : ''}`,
  };
}

/** Rows aligned on the widest flag, two spaces in, two spaces between. */
function table(rows: FlagRow[]): string[] {
  const width = Math.max(...rows.map((r) => r.flag.length));
  return rows.map((r) => `  ${r.flag.padEnd(width)}  ${r.help}`);
}

const isGlobalFlag = (input: InputSpec) => isGlobal(input) && !input.flag?.actionOnly;
const byName = (name: string) => INPUTS.find((i) => i.name === name)!;

/** The global flags every page shows; `help flags` has them all. */
function someGlobalFlags(...more: FlagRow[]): string[] {
  const { json, quiet } = CLI_FLAGS;
  return [
    'GLOBAL FLAGS (all of them: quota-keys help flags)',
    ...table([inputRow(byName('url')), inputRow(byName('admin-token')), json, quiet, ...more]),
  ];
}

const examples = (lines: readonly (string | undefined)[]) => [
  'EXAMPLES (with ADMIN_TOKEN and QUOTA_PROXY_URL set)',
  ...lines.filter((e) => e !== undefined).map((e) => `  $ ${e}`),
];

const sentence = (summary: string) => `${summary[0]!.toUpperCase()}${summary.slice(1)}.`;

/** `quota-keys --help`: the commands, the main flags, where to learn more. */
export function usage(): string {
  const commands: Array<[string, string]> = [
    ...COMMANDS.map((c): [string, string] => [c, COMMAND_HELP[c].summary]),
    ['dev-server', 'a local quota-proxy to try things on'],
    ['help', `help on a command, or on ${HELP_TOPICS.join(' or ')}`],
    ['version', 'the version of quota-keys'],
  ];
  const width = Math.max(...commands.map(([c]) => c.length));
  return [
    'Issue, list, report on, reset, delete and rotate the trial keys of quota-proxy.',
    '',
    'USAGE',
    '  quota-keys <command> [flags]',
    '',
    'COMMANDS',
    ...commands.map(([c, summary]) => `  ${c.padEnd(width)}  ${summary}`),
    '',
    ...someGlobalFlags(CLI_FLAGS.help, CLI_FLAGS.version),
    '',
    ...examples([
      'quota-keys batch --count 5 --limit 100',
      'quota-keys list --label-prefix batch-',
      'quota-keys help delete',
    ]),
    '',
    ...learnMore(true),
  ].join('\n');
}

function learnMore(top = false): string[] {
  return [
    'LEARN MORE',
    ...(top ? ["  quota-keys <command> --help  that command's flags and examples"] : []),
    '  quota-keys help flags        every global flag, --no-<flag>, the environment',
    '  quota-keys help exit-codes   what each exit code means',
  ];
}

/** `quota-keys <command> --help`: what it does, its own flags, a few global ones, examples. */
export function commandUsage(command: Command): string {
  const help = COMMAND_HELP[command];
  const own = inputsOf(command).filter((i) => readsAsOwn(command, i.name) && !i.flag?.actionOnly);
  return [
    sentence(help.summary),
    ...(help.about ?? []),
    '',
    'USAGE',
    `  quota-keys ${command} [flags]`,
    '',
    'FLAGS',
    ...table([...own.map(inputRow), ...(command === 'monitor' ? [CLI_FLAGS.watch] : [])]),
    '',
    ...someGlobalFlags(),
    '',
    ...examples(help.examples),
    '',
    ...learnMore(),
  ].join('\n');
}

/** `quota-keys help flags`: every global flag, the boolean forms, the Action's own inputs. */
export function flagsUsage(): string {
  const { dotenv, json, quiet, help, version } = CLI_FLAGS;
  const actionOnly = INPUTS.filter((i) => i.flag?.actionOnly).map((i) => `--${flagName(i)}`);
  return [
    "Flags every command takes (a command's own: quota-keys <command> --help).",
    '',
    'GLOBAL FLAGS',
    ...table([...INPUTS.filter(isGlobalFlag).map(inputRow), dotenv, json, quiet, help, version]),
    '',
    'BOOLEAN FLAGS',
    '  --flag, --flag=true, --flag=false (also yes/no, on/off, 1/0) and --no-flag',
    '',
    'GITHUB ACTION ONLY (the CLI takes them and ignores them)',
    ...wrap(actionOnly.join(' '), '  '),
    '',
    'ENVIRONMENT',
    '  ADMIN_TOKEN, QUOTA_PROXY_URL, QUOTA_KEYS_WEBHOOK, QUOTA_KEYS_FORMAT: for',
    '  --token, --url, --notify-webhook and --format when not given',
    '  QUOTA_KEYS_DEBUG=1: debug lines on stderr (never a key or the token)',
  ].join('\n');
}

/** `quota-keys help exit-codes`. */
export function exitCodesUsage(): string {
  return [
    'EXIT CODES',
    ...EXIT_CODES.flatMap(({ code, meaning }) => {
      const [first, ...rest] = wrap(meaning, ' '.repeat(7));
      return [`  ${String(code).padEnd(4)} ${first!.trimStart()}`, ...rest];
    }),
  ].join('\n');
}

/** Printed on stderr when quota-keys is run with no arguments. */
export function shortUsage(): string {
  return [
    'Usage: quota-keys <command> [flags]',
    '',
    `Commands: ${COMMANDS.join(', ')}, dev-server, help, version`,
    "quota-keys --help: what each command does; quota-keys <command> --help: that command's flags.",
  ].join('\n');
}
