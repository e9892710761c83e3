// The commands, in one place: parsing (options.ts), the CLI help (platform/cli-help.ts), action.yml,
// the GitLab component and the README are derived from this list or checked against it by tests.

export const COMMANDS = [
  'health',
  'generate',
  'batch',
  'list',
  'usage',
  'monitor',
  'reset',
  'delete',
  'rotate',
] as const;
export type Command = (typeof COMMANDS)[number];

export interface CommandHelp {
  /** One line (at most 64 characters): what the command does. */
  summary: string;
  /** Lines its help page adds to the summary, when there is more to know (each at most 80 columns). */
  about?: readonly string[];
  /** Two or three runnable examples (ADMIN_TOKEN and QUOTA_PROXY_URL in the environment). */
  examples: readonly [string, string, string?];
}

export const COMMAND_HELP: Readonly<Record<Command, CommandHelp>> = {
  health: {
    summary: 'check that the server answers its health path (no token needed)',
    examples: [
      'quota-keys health --url http://localhost:8787',
      'quota-keys health --health-path /status --timeout-seconds 5',
    ],
  },
  generate: {
    summary: 'issue one key with a label and a daily limit, into the CSV',
    examples: [
      'quota-keys generate --name user-a-trial --limit 100',
      'quota-keys generate -n partner-x --tier partner -o partner-x.csv',
    ],
  },
  batch: {
    summary: 'issue COUNT keys labelled <name>-<NNN>-<suffix>, into the CSV',
    about: [
      'NNN counts from 001; <suffix> names the run that made the keys:',
      '  r<run>a<attempt>i<step>n<nonce>  in GitHub Actions',
      '  p<pipeline>j<job>n<nonce>        in GitLab CI',
      '  c<time>n<nonce>                  elsewhere, e.g. partner-001-ctp3qc0n3f9a1c',
    ],
    examples: [
      'quota-keys batch --count 5 --limit 100 --output batch-keys.csv',
      'quota-keys batch -c 10 -n partner-202611 -l 500 --dry-run',
    ],
  },
  list: {
    summary: 'list the keys (shortened) with labels, limits and creation dates',
    examples: [
      'quota-keys list --label-prefix batch-',
      'quota-keys list --output all-keys.csv',
      'quota-keys list --label-prefix partner- --json',
    ],
  },
  usage: {
    summary: "each key's requests on a day (or over --days) against its limit",
    examples: [
      'quota-keys usage --days 14 --forecast-days 7 --output usage-14d.csv',
      'quota-keys usage --label-prefix batch- --alert-threshold 90 --fail-on-alert',
    ],
  },
  monitor: {
    summary: 'the usage of every key as a table; --watch repeats it',
    examples: ['quota-keys monitor --watch 5', 'quota-keys monitor --label-prefix partner- --fail-on-alert'],
  },
  reset: {
    summary: "clear a key's usage for a day (by key or by label)",
    about: ['A key the server does not have is a failure, not "nothing to reset".'],
    examples: ['quota-keys reset --name user-a-trial', 'quota-keys reset --key "$KEY" --day 2026-11-26'],
  },
  delete: {
    summary: 'delete a key (by key or by label), or every key with a label',
    about: [
      '--name is a whole label, a key, or a key as list shows it (sk-ab12…9f0e).',
      'Batch labels end in -<NNN>-<suffix>: quota-keys list --label-prefix <name>-',
      'shows them whole.',
    ],
    examples: [
      'quota-keys delete --key "$KEY"',
      'quota-keys delete --name user-a-trial --all-matching',
      'quota-keys delete --name partner-001-ctp3qc0n3f9a1c --dry-run',
    ],
  },
  rotate: {
    summary: 'delete old or idle keys under a label prefix, maybe replacing them',
    examples: [
      'quota-keys rotate --label-prefix auto- --idle-days 14 --dry-run',
      'quota-keys rotate --label-prefix auto- --older-than-days 30 --replace',
    ],
  },
};

/** "health, generate, … or rotate", as the docs write the list. */
export function commandList(last = 'or'): string {
  return `${COMMANDS.slice(0, -1).join(', ')} ${last} ${COMMANDS[COMMANDS.length - 1]}`;
}
