// The commands, in one place: parsing (options.ts), the CLI help (platform/cli.ts), action.yml,
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
  /** One line: what the command does. */
  summary: string;
  /** Two runnable examples (ADMIN_TOKEN and QUOTA_PROXY_URL in the environment). */
  examples: readonly [string, string];
}

export const COMMAND_HELP: Readonly<Record<Command, CommandHelp>> = {
  health: {
    summary: 'check that the server answers its health path (needs no token)',
    examples: [
      'quota-keys health --url http://localhost:8787',
      'quota-keys health --health-path /status --timeout-seconds 5',
    ],
  },
  generate: {
    summary: 'issue one key with a label and a daily limit; the key goes to the CSV',
    examples: [
      'quota-keys generate --name "user-a-trial" --limit 100',
      'quota-keys generate -n partner-x --tier partner -o partner-x.csv',
    ],
  },
  batch: {
    summary: 'issue COUNT keys labelled <name>-001, <name>-002, …; the keys go to the CSV',
    examples: [
      'quota-keys batch --count 5 --limit 100 --output batch-keys.csv',
      'quota-keys batch -c 10 -n "partner-202611" -l 500',
    ],
  },
  list: {
    summary: 'list the keys (shortened) with their labels, limits and creation dates',
    examples: ['quota-keys list --label-prefix batch-', 'quota-keys list --output all-keys.csv'],
  },
  usage: {
    summary: "report each key's requests for a day (or --days N) against its limit; alerts at alert-threshold",
    examples: [
      'quota-keys usage --days 14 --forecast-days 7 --output usage-14d.csv',
      'quota-keys usage --label-prefix batch- --alert-threshold 90 --fail-on-alert',
    ],
  },
  monitor: {
    summary: 'usage of the keys with their limits, as a table; --watch repeats it',
    examples: ['quota-keys monitor --watch 5', 'quota-keys monitor --label-prefix partner- --fail-on-alert'],
  },
  reset: {
    summary: "clear a key's usage for a day (by key or by label); a key the server does not have fails",
    examples: ['quota-keys reset --name user-a-trial', 'quota-keys reset --key "$KEY" --day 2026-11-26'],
  },
  delete: {
    summary: 'delete a key (by key or by label), or every key with a label',
    examples: ['quota-keys delete --key "$KEY"', 'quota-keys delete --name batch-20261126-001 --all-matching'],
  },
  rotate: {
    summary: 'delete keys older than N days (or idle for N days) under a label prefix, optionally replacing them',
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
