// The commands, in one place: one record per command (COMMAND_SPECS) says what it is — its help,
// whether it writes, creates first, writes a keys CSV, needs the token, prints a listing, and the
// inputs it reads. Everything that asks "which commands…" reads the record: parsing (options.ts,
// paths.ts), the flow (../run.ts), the CLI help, the artifact, action.yml and the docs (tests hold
// them equal). Its runner is in ../commands/index.ts, typed against this list (config cannot import
// the commands: they sit above it); __tests__/new-command-or-flavor-is-complete.test.ts holds both.

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

/** The keys CSV, for the commands that write one (with these options). */
interface CsvOptions {
  replace: boolean;
  dryRun: boolean;
  outputGiven: boolean;
}

// Inputs several commands read, in the order their help lists them.
const ARTIFACT = ['upload-artifact', 'artifact-name', 'overwrite-artifact', 'retention-days'] as const;
const KEYS_ARTIFACT = [...ARTIFACT, 'encrypt-to', 'allow-public-artifact'] as const;
const LIMITS = ['tier', 'tiers', 'limit-as-total-quota'] as const;
const ISSUING = [
  'limit',
  'server-daily-limit',
  'name',
  'output',
  'label-prefix',
  'dry-run',
  ...LIMITS,
  'expires-in-days',
  ...KEYS_ARTIFACT,
] as const;
const USAGE = ['server-daily-limit', 'label-prefix', 'day', 'alert-threshold', 'fail-on-alert'] as const;

export interface CommandSpec extends CommandHelp {
  /** It changes keys on the server: the audit log records each write, dry-run applies. */
  writes: boolean;
  /** Its first admin request is a create: the admin token is checked before it (rotate lists first). */
  createsFirst: boolean;
  /** Whether it writes the keys CSV with these options (the CSV is then opened before any request). */
  keysCsv(options: CsvOptions): boolean;
  /** health needs no token; every other command does. */
  needsToken: boolean;
  /**
   * Its rows are the data (list, usage, monitor): printed on stdout as they come, the facts on
   * stderr; `--format legacy` prints them as the old tool's lines.
   */
  listing: boolean;
  /** The inputs it reads besides the global ones (an input in no command's list is global). */
  inputs: readonly string[];
}

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

const never = () => false;

/** What each command is; its help (summary, examples) is COMMAND_HELP's. */
export const COMMAND_SPECS: Readonly<Record<Command, CommandSpec>> = {
  health: {
    ...COMMAND_HELP.health,
    writes: false,
    createsFirst: false,
    keysCsv: never,
    needsToken: false,
    listing: false,
    inputs: [],
  },
  generate: {
    ...COMMAND_HELP.generate,
    writes: true,
    createsFirst: true,
    keysCsv: (o) => !o.dryRun,
    needsToken: true,
    listing: false,
    inputs: [...ISSUING, 'min-success', 'force', 'invocation-id', 'audit-log'],
  },
  batch: {
    ...COMMAND_HELP.batch,
    writes: true,
    createsFirst: true,
    keysCsv: (o) => !o.dryRun,
    needsToken: true,
    listing: false,
    inputs: ['count', ...ISSUING, 'resume', 'min-success', 'force', 'invocation-id', 'audit-log'],
  },
  list: {
    ...COMMAND_HELP.list,
    writes: false,
    createsFirst: false,
    keysCsv: (o) => o.outputGiven,
    needsToken: true,
    listing: true,
    inputs: ['server-daily-limit', 'output', 'label-prefix', 'format', ...KEYS_ARTIFACT],
  },
  usage: {
    ...COMMAND_HELP.usage,
    writes: false,
    createsFirst: false,
    keysCsv: never,
    needsToken: true,
    listing: true,
    inputs: ['output', ...USAGE, 'days', 'forecast-days', 'spike-factor', 'spike-min-requests', 'html', 'format'],
  },
  monitor: {
    ...COMMAND_HELP.monitor,
    writes: false,
    createsFirst: false,
    keysCsv: never,
    needsToken: true,
    listing: true,
    inputs: [...USAGE, 'format'],
  },
  reset: {
    ...COMMAND_HELP.reset,
    writes: true,
    createsFirst: false,
    keysCsv: never,
    needsToken: true,
    listing: false,
    inputs: ['name', 'day', 'key', 'all-matching', 'reset-all-keys-for-day', 'dry-run', ...ARTIFACT, 'audit-log'],
  },
  delete: {
    ...COMMAND_HELP.delete,
    writes: true,
    createsFirst: false,
    keysCsv: never,
    needsToken: true,
    listing: false,
    inputs: ['name', 'key', 'all-matching', 'dry-run', ...ARTIFACT, 'audit-log'],
  },
  rotate: {
    ...COMMAND_HELP.rotate,
    writes: true,
    createsFirst: false,
    keysCsv: (o) => o.replace && !o.dryRun,
    needsToken: true,
    listing: false,
    inputs: [
      'limit',
      'server-daily-limit',
      'name',
      'output',
      'label-prefix',
      'older-than-days',
      'idle-days',
      'all-labels',
      'dry-run',
      'replace',
      ...LIMITS,
      ...KEYS_ARTIFACT,
      'invocation-id',
      'audit-log',
    ],
  },
};

/** "health, generate, … or rotate", as the docs write the list. */
export function commandList(last = 'or'): string {
  return `${COMMANDS.slice(0, -1).join(', ')} ${last} ${COMMANDS[COMMANDS.length - 1]}`;
}
