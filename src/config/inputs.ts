// Every input of the action, which is also a long flag of the CLI (and the flags of the CLI alone,
// marked cliOnly): the one table of names and defaults. Parsing (options.ts) takes its defaults from
// here, the CLI help is built from it, and tests check action.yml and the GitLab component against it.

import { FLAVORS } from '../quota-proxy/types.js';
import { COMMAND_SPECS, COMMANDS, type Command } from './commands.js';

export interface InputSpec {
  name: string;
  /** Default as action.yml states it; '' = none there (computed, required, or must be told apart from unset). */
  default: string;
  /** Its line in the CLI's help: short, so that the line fits 80 columns (action.yml says the rest). */
  help: string;
  /** The CLI's short flag (those of the old tool). */
  short?: string;
  boolean?: boolean;
  /**
   * How the CLI's help shows it: `value` names its value (default N for a number, else VALUE);
   * `actionOnly`: only the GitHub Action reads it, so the CLI takes the flag, ignores it, and lists
   * it only under `quota-keys help flags`.
   */
  flag?: { value?: string; actionOnly?: true };
  /** A flag of the command line only, not an input of the action (action.yml does not declare it). */
  cliOnly?: boolean;
}

export const INPUTS: readonly InputSpec[] = [
  { name: 'command', default: 'batch', help: COMMANDS.join(' | ') },
  {
    name: 'url',
    default: '',
    short: 'u',
    flag: { value: 'URL' },
    help: 'server (env QUOTA_PROXY_URL, else localhost:8787)',
  },
  {
    name: 'admin-token',
    default: '',
    short: 't',
    flag: { value: 'TOKEN' },
    help: 'admin token (env ADMIN_TOKEN); health needs none',
  },
  { name: 'count', default: '1', short: 'c', help: 'keys to issue, 1..10000' },
  {
    name: 'limit',
    default: '',
    short: 'l',
    flag: { value: 'N' },
    help: "daily requests per key (default: tier's, or 100)",
  },
  {
    name: 'server-daily-limit',
    default: '',
    flag: { value: 'N' },
    help: "the server's DAILY_REQ_LIMIT (v1, v01)",
  },
  {
    name: 'name',
    default: '',
    short: 'n',
    flag: { value: 'NAME' },
    help: "the label (batch, rotate: the labels' stem)",
  },
  {
    name: 'output',
    default: '',
    short: 'o',
    flag: { value: 'FILE' },
    help: 'CSV file (list, usage: written only when given)',
  },
  { name: 'concurrency', default: '4', help: 'requests in flight at once, 1..64' },
  { name: 'timeout-seconds', default: '10', help: 'time limit of each request attempt' },
  { name: 'health-path', default: '/healthz', flag: { value: 'PATH' }, help: 'health check path' },
  { name: 'skip-health-check', default: 'false', boolean: true, help: 'skip the health check' },
  {
    name: 'server-flavor',
    default: '',
    flag: { value: 'FLAVOR' },
    help: `${FLAVORS.join(' | ')}; default: detected`,
  },
  // list, usage, monitor, reset, delete, rotate
  {
    name: 'label-prefix',
    default: '',
    flag: { value: 'PREFIX' },
    help: 'only labels starting with PREFIX; batch: put first',
  },
  {
    name: 'day',
    default: '',
    flag: { value: 'DAY' },
    help: "YYYY-MM-DD; default the server's today",
  },
  {
    name: 'alert-threshold',
    default: '80',
    help: 'alert at N% of the limit, 1..100',
  },
  {
    name: 'fail-on-alert',
    default: 'false',
    boolean: true,
    help: 'exit 3 when a key is at or above the threshold',
  },
  {
    name: 'days',
    default: '1',
    help: 'report the last N server days, 1..90',
  },
  {
    name: 'forecast-days',
    default: '7',
    help: 'with --days: forecast N days, 1..365',
  },
  {
    name: 'spike-factor',
    default: '3',
    help: 'spike at N × the mean, 1.1..1000',
  },
  {
    name: 'spike-min-requests',
    default: '20',
    help: 'a spike needs N requests that day',
  },
  {
    name: 'key',
    default: '',
    flag: { value: 'KEY' },
    help: 'the key itself (or --name)',
  },
  {
    name: 'format',
    default: '',
    cliOnly: true,
    flag: { value: 'FORM' },
    help: "table (default), or legacy: the old tool's lines",
  },
  {
    name: 'html',
    default: '',
    flag: { value: 'FILE' },
    help: 'write the usage dashboard (HTML) to FILE',
  },
  {
    name: 'all-matching',
    default: 'false',
    boolean: true,
    help: 'every key labelled NAME, when several are',
  },
  {
    name: 'reset-all-keys-for-day',
    default: 'false',
    boolean: true,
    help: 'v1p: allow resetting every key for DAY',
  },
  {
    name: 'older-than-days',
    default: '',
    flag: { value: 'N' },
    help: 'delete keys created over N days ago',
  },
  {
    name: 'idle-days',
    default: '',
    flag: { value: 'N' },
    help: 'delete keys with no request for N days, 1..90',
  },
  {
    name: 'all-labels',
    default: 'false',
    boolean: true,
    help: 'without --label-prefix: consider every key',
  },
  {
    name: 'dry-run',
    default: 'false',
    boolean: true,
    help: 'say what would be written; write nothing',
  },
  {
    name: 'replace',
    default: 'false',
    boolean: true,
    help: 'issue a new key for each one deleted',
  },
  {
    name: 'tier',
    default: '',
    flag: { value: 'TIER' },
    help: 'trial | partner | internal | vip, or of --tiers',
  },
  {
    name: 'tiers',
    default: '',
    flag: { value: 'MAP' },
    help: 'tier → daily limit, JSON or YAML',
  },
  {
    name: 'expires-in-days',
    default: '',
    flag: { value: 'N' },
    help: 'v10: the keys expire after N days',
  },
  {
    name: 'limit-as-total-quota',
    default: 'false',
    boolean: true,
    help: "v10: send --limit as the key's lifetime quota",
  },
  // artifact
  {
    name: 'upload-artifact',
    default: 'true',
    boolean: true,
    flag: { actionOnly: true },
    help: 'upload the CSV as an artifact',
  },
  {
    name: 'artifact-name',
    default: '',
    flag: { value: 'NAME', actionOnly: true },
    help: 'artifact name (default: one per step)',
  },
  {
    name: 'overwrite-artifact',
    default: 'false',
    boolean: true,
    flag: { actionOnly: true },
    help: 'replace an artifact of the same name',
  },
  {
    name: 'retention-days',
    default: '1',
    flag: { actionOnly: true },
    help: 'days the artifact is kept, 1..90',
  },
  {
    name: 'encrypt-to',
    default: '',
    flag: { value: 'AGE1…' },
    help: 'age recipients: write <csv>.age, no plaintext',
  },
  {
    name: 'allow-public-artifact',
    default: 'false',
    boolean: true,
    flag: { actionOnly: true },
    help: 'upload plaintext keys from a public repository',
  },
  // reliability
  { name: 'retries', default: '3', help: 'retries of idempotent requests, 0..10' },
  { name: 'max-wait-seconds', default: '120', help: 'total of retry and rate-limit waits' },
  { name: 'on-rate-limit', default: 'wait', flag: { value: 'MODE' }, help: 'wait | fail on the admin rate limit' },
  {
    name: 'resume',
    default: '',
    cliOnly: true,
    flag: { value: 'FILE' },
    help: 'finish the batch this keys CSV holds',
  },
  {
    name: 'min-success',
    default: '',
    flag: { value: 'N' },
    help: 'keys that must be made (default: --count)',
  },
  {
    name: 'force',
    default: 'false',
    boolean: true,
    help: 'issue again though an earlier attempt did',
  },
  {
    name: 'invocation-id',
    default: '',
    flag: { value: 'ID', actionOnly: true },
    help: 'tells matrix legs apart in batch labels',
  },
  { name: 'require-https', default: 'false', boolean: true, help: 'refuse http:// to a host not on loopback' },
  // many servers, notifications
  { name: 'config', default: '', flag: { value: 'FILE' }, help: 'YAML file of servers: run against each' },
  { name: 'server', default: '', flag: { value: 'NAME' }, help: 'with --config: only this server' },
  { name: 'server-concurrency', default: '1', help: 'with --config: servers at once, 1..8' },
  {
    name: 'notify-webhook',
    default: '',
    flag: { value: 'URL' },
    help: 'POST the outcome here (env QUOTA_KEYS_WEBHOOK)',
  },
  { name: 'notify-on', default: 'failure,alert', flag: { value: 'WHEN' }, help: 'failure, alert, always' },
  {
    name: 'audit-log',
    default: '',
    flag: { value: 'FILE' },
    help: 'append a JSON line per write (none: off)',
  },
];

const BY_NAME = new Map(INPUTS.map((i) => [i.name, i]));

/** The input's default as the table (and action.yml) states it; '' when it has none there. */
export function inputDefault(name: string): string {
  const spec = BY_NAME.get(name);
  if (!spec) throw new Error(`no input ${name}`);
  return spec.default;
}

/** The inputs a command reads ('command' itself excluded: it is the CLI's first word). */
export function inputsOf(command: Command): InputSpec[] {
  const own = new Set(COMMAND_SPECS[command].inputs);
  return INPUTS.filter((i) => i.name !== 'command' && (own.has(i.name) || isGlobal(i)));
}

/** The inputs some command reads as its own (its COMMAND_SPECS entry lists them). */
const OWN = new Set(COMMANDS.flatMap((c) => COMMAND_SPECS[c].inputs));

/** Every command reads it: a global flag, listed once by `quota-keys help flags`. */
export function isGlobal(input: InputSpec): boolean {
  return input.name !== 'command' && !OWN.has(input.name);
}

/** Whether `command` reads `input` as its own (not as a global flag). */
export function readsAsOwn(command: Command, input: string): boolean {
  return COMMAND_SPECS[command].inputs.includes(input);
}
