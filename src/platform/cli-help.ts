// The CLI's help, built from the INPUTS table and the COMMANDS list: the general usage, one page per
// command (its flags only, two examples), and the exit codes.

import { COMMAND_HELP, COMMANDS, type Command } from '../config/commands.js';
import { INPUTS, type InputSpec, inputsOf } from '../config/inputs.js';
import { DEFAULT_DOTENV } from './gitlab.js';

/** The exit codes of quota-keys: the README's table is checked against this one. */
export const EXIT_CODES: ReadonlyArray<{ code: number; meaning: string }> = [
  { code: 0, meaning: 'success' },
  { code: 1, meaning: 'failure: the command could not do what was asked (health, server error, a key not found, …)' },
  { code: 2, meaning: 'bad input: an input or flag was refused before any request was sent' },
  { code: 3, meaning: 'alert: usage or monitor found a key at or above alert-threshold, with --fail-on-alert' },
  { code: 130, meaning: 'interrupted by SIGINT (Ctrl-C); the CSV keeps every key created' },
  { code: 143, meaning: 'terminated by SIGTERM; the CSV keeps every key created' },
];

export const EXIT_ALERT = 3;

const flagName = (input: InputSpec) => (input.name === 'admin-token' ? 'token' : input.name);

function flagLine(input: InputSpec): string {
  const flag = `${input.short ? `-${input.short}, ` : '    '}--${flagName(input)}${input.boolean ? '' : ' VALUE'}`;
  return `  ${flag.padEnd(30)} ${input.help}${input.default ? ` (default ${input.default})` : ''}`;
}

function extraFlags(command?: Command): string[] {
  return [
    `  ${'    --dotenv FILE'.padEnd(30)} write the outputs as QUOTA_KEYS_* variables to FILE (GitLab: ` +
      `default ${DEFAULT_DOTENV})`,
    ...(command === undefined || command === 'monitor'
      ? [
          `  ${'    --watch SECONDS'.padEnd(30)} monitor: run again every SECONDS until Ctrl-C (the seed ` +
            `tool's monitor refreshed every 5)`,
        ]
      : []),
    `  ${'    --json'.padEnd(30)} one JSON document on stdout (counts, flavor, rows with keys shortened, ` +
      'exit code), nothing else',
    `  ${'-q, --quiet'.padEnd(30)} errors only: no summary, no progress, no warnings`,
    '  -h, --help                     this help',
  ];
}

function exitCodeLines(): string[] {
  return ['Exit codes:', ...EXIT_CODES.map(({ code, meaning }) => `  ${String(code).padEnd(4)} ${meaning}`)];
}

/** `quota-keys --help`: every command and every flag. */
export function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.length));
  return [
    "Usage: quota-keys <command> [flags]        quota-keys <command> --help: that command's flags and examples",
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.padEnd(width)}  ${COMMAND_HELP[c].summary}`),
    `  ${'dev-server'.padEnd(width)}  a local quota-proxy for trying things out (quota-keys dev-server --help)`,
    '',
    'Flags (every action input is a long flag of the same name):',
    ...INPUTS.filter((i) => i.name !== 'command').map(flagLine),
    ...extraFlags(),
    '  -V, --version                  the version of quota-keys',
    '',
    ...exitCodeLines(),
    '',
    'Environment: ADMIN_TOKEN, QUOTA_PROXY_URL. Keys are written to the CSV only; logs show them shortened.',
  ].join('\n');
}

/** `quota-keys <command> --help`: what it does, its flags only, two examples. */
export function commandUsage(command: Command): string {
  const help = COMMAND_HELP[command];
  return [
    `Usage: quota-keys ${command} [flags]`,
    '',
    `${command}: ${help.summary}`,
    '',
    'Flags:',
    ...inputsOf(command).map(flagLine),
    ...extraFlags(command),
    '',
    'Examples (with ADMIN_TOKEN and QUOTA_PROXY_URL set):',
    ...help.examples.map((e) => `  ${e}`),
    '',
    ...exitCodeLines(),
  ].join('\n');
}

/** Printed on stderr when quota-keys is run with no arguments. */
export function shortUsage(): string {
  return [
    'Usage: quota-keys <command> [flags]',
    '',
    `Commands: ${COMMANDS.join(', ')}, dev-server`,
    "quota-keys --help lists every flag; quota-keys <command> --help shows one command's flags and examples.",
  ].join('\n');
}
