// Every input of the action, which is also a long flag of the CLI: the one table of names and
// defaults. Parsing (options.ts) takes its defaults from here, the CLI help is built from it, and
// tests check action.yml and the GitLab component against it.

import { FLAVORS } from '../quota-proxy/types.js';
import { COMMANDS, type Command } from './commands.js';

export interface InputSpec {
  name: string;
  /** Default as action.yml states it; '' = none there (computed, required, or must be told apart from unset). */
  default: string;
  help: string;
  /** CLI short flag of the seed tool. */
  short?: string;
  boolean?: boolean;
  /** The commands that read it (per-command help); unset: every command. */
  for?: readonly Command[];
}

export const INPUTS: readonly InputSpec[] = [
  { name: 'command', default: 'batch', help: COMMANDS.join(' | ') },
  {
    name: 'url',
    default: '',
    short: 'u',
    help:
      'quota-proxy base URL (env QUOTA_PROXY_URL; by hand, else http://localhost:8787 as the old tool; CI: ' +
      'required); may carry a path prefix',
  },
  {
    name: 'admin-token',
    default: '',
    short: 't',
    for: ['generate', 'batch', 'list', 'usage', 'monitor', 'reset', 'delete', 'rotate'],
    help: 'admin token (env ADMIN_TOKEN); required for every command but health',
  },
  { name: 'count', default: '1', short: 'c', for: ['batch'], help: 'keys to issue with batch, 1..10000' },
  {
    name: 'limit',
    default: '',
    short: 'l',
    for: ['generate', 'batch', 'rotate'],
    help: "daily request limit per key (default 100, or the tier's); sent where the server has per-key limits",
  },
  {
    name: 'server-daily-limit',
    default: '',
    for: ['generate', 'batch', 'list', 'usage', 'monitor', 'rotate'],
    help:
      "the server's DAILY_REQ_LIMIT (v1, v01 do not report it): the CSV's daily_limit and the usage " +
      'base there; unset: unknown',
  },
  {
    name: 'name',
    default: '',
    short: 'n',
    for: ['generate', 'batch', 'reset', 'delete', 'rotate'],
    help: 'label (generate), label stem (batch), or the label of the key to reset/delete',
  },
  {
    name: 'output',
    default: '',
    short: 'o',
    for: ['generate', 'batch', 'list', 'usage', 'rotate'],
    help: 'CSV path; default trial-keys-<YYYYMMDD>-<run id>.csv in the workspace (usage: only when given)',
  },
  { name: 'concurrency', default: '4', help: 'requests in flight at once, 1..64' },
  {
    name: 'timeout-seconds',
    default: '10',
    help: 'total time of each attempt of a request (connect to last byte), in seconds',
  },
  { name: 'health-path', default: '/healthz', help: 'health check path' },
  { name: 'skip-health-check', default: 'false', boolean: true, help: 'skip the health check' },
  { name: 'server-flavor', default: '', help: `${FLAVORS.join(' | ')}; default: detected from the answers` },
  // list, usage, monitor, reset, delete, rotate
  {
    name: 'label-prefix',
    default: '',
    for: ['generate', 'batch', 'list', 'usage', 'monitor', 'rotate'],
    help: 'only keys whose label starts with this (list, usage, monitor, rotate); generate, batch: put before name',
  },
  {
    name: 'day',
    default: '',
    for: ['usage', 'monitor', 'reset'],
    help:
      "YYYY-MM-DD for usage, monitor and reset; default the server's today (its local date, learned " +
      'from the server)',
  },
  {
    name: 'alert-threshold',
    default: '80',
    for: ['usage', 'monitor'],
    help: 'usage percent of the daily limit that raises an alert, 1..100',
  },
  {
    name: 'fail-on-alert',
    default: 'false',
    boolean: true,
    for: ['usage', 'monitor'],
    help: 'fail when any key is at or above alert-threshold',
  },
  {
    name: 'days',
    default: '1',
    for: ['usage'],
    help: 'usage over the last N server days, 1..90: daily totals, per-key counts, forecast, idle keys, spikes',
  },
  {
    name: 'forecast-days',
    default: '7',
    for: ['usage'],
    help: 'usage with days > 1: list the keys that reach their limit within this many days, 1..365',
  },
  {
    name: 'spike-factor',
    default: '3',
    for: ['usage'],
    help:
      "usage with days > 1: a key's last day above this many times its mean of the days before is a " +
      'spike, 1.1..1000',
  },
  {
    name: 'spike-min-requests',
    default: '20',
    for: ['usage'],
    help: 'usage with days > 1: a spike needs at least this many requests on the last day, 1..100000000',
  },
  { name: 'key', default: '', for: ['reset', 'delete'], help: 'the key to reset or delete (or use name)' },
  {
    name: 'all-matching',
    default: 'false',
    boolean: true,
    for: ['reset', 'delete'],
    help: 'reset/delete every key whose label is name, when several are',
  },
  {
    name: 'reset-all-keys-for-day',
    default: 'false',
    boolean: true,
    for: ['reset'],
    help: 'v1p can only reset every key for a day: allow that',
  },
  {
    name: 'older-than-days',
    default: '',
    for: ['rotate'],
    help: 'rotate: delete keys created more than this many days ago (required unless idle-days)',
  },
  {
    name: 'idle-days',
    default: '',
    for: ['rotate'],
    help: 'rotate: delete only keys without a request in the last N server days (and created before them), 1..90',
  },
  {
    name: 'all-labels',
    default: 'false',
    boolean: true,
    for: ['rotate'],
    help: 'rotate without label-prefix: consider every key',
  },
  {
    name: 'dry-run',
    default: 'false',
    boolean: true,
    for: ['generate', 'batch', 'reset', 'delete', 'rotate'],
    help: 'say what would be created, reset or deleted and send no write request (reads still go out)',
  },
  {
    name: 'replace',
    default: 'false',
    boolean: true,
    for: ['rotate'],
    help: 'rotate: issue one new key per deleted key',
  },
  {
    name: 'tier',
    default: '',
    for: ['generate', 'batch', 'rotate'],
    help: 'trial | partner | internal | vip (50/500/1000/5000 per day), or a tier of tiers',
  },
  {
    name: 'tiers',
    default: '',
    for: ['generate', 'batch', 'rotate'],
    help: 'tier → daily limit map, JSON or YAML, e.g. {"trial":50,"gold":2000}',
  },
  {
    name: 'expires-in-days',
    default: '',
    for: ['generate', 'batch'],
    help: 'generate/batch: expiry sent to servers that expire keys (v10)',
  },
  {
    name: 'limit-as-total-quota',
    default: 'false',
    boolean: true,
    for: ['generate', 'batch', 'rotate'],
    help: "v10: send limit as the key's lifetime totalQuota",
  },
  // artifact
  {
    name: 'upload-artifact',
    default: 'true',
    boolean: true,
    for: ['generate', 'batch', 'list', 'reset', 'delete', 'rotate'],
    help: 'GitHub: upload the CSV as an artifact',
  },
  {
    name: 'artifact-name',
    default: '',
    for: ['generate', 'batch', 'list', 'reset', 'delete', 'rotate'],
    help: 'artifact name; default trial-keys-<run id>-<step>, the same in every attempt of the step',
  },
  {
    name: 'overwrite-artifact',
    default: 'false',
    boolean: true,
    for: ['generate', 'batch', 'list', 'reset', 'delete', 'rotate'],
    help: 'GitHub: delete an artifact of the same name in the run before uploading',
  },
  {
    name: 'retention-days',
    default: '1',
    for: ['generate', 'batch', 'list', 'reset', 'delete', 'rotate'],
    help: 'artifact retention, 1..90 days',
  },
  {
    name: 'encrypt-to',
    default: '',
    for: ['generate', 'batch', 'list', 'rotate'],
    help: 'age recipients (age1…, comma or newline separated): upload <name>.csv.age instead of plaintext',
  },
  {
    name: 'allow-public-artifact',
    default: 'false',
    boolean: true,
    for: ['generate', 'batch', 'list', 'rotate'],
    help: 'allow plaintext keys as an artifact of a public repository',
  },
  // reliability
  { name: 'retries', default: '3', help: 'retries of idempotent requests (GET, DELETE, health), 0..10' },
  { name: 'max-wait-seconds', default: '120', help: 'total time spent waiting on retries and rate limits' },
  { name: 'on-rate-limit', default: 'wait', help: 'wait | fail, when the admin rate limit does not fit the work' },
  {
    name: 'min-success',
    default: '',
    for: ['generate', 'batch'],
    help: 'keys that must be created for success; default count',
  },
  {
    name: 'force',
    default: 'false',
    boolean: true,
    for: ['generate', 'batch'],
    help: 'issue again even when an earlier attempt of this run already did',
  },
  {
    name: 'invocation-id',
    default: '',
    for: ['generate', 'batch', 'rotate'],
    help:
      'GitHub: tells apart matrix legs or parallel jobs that run the same step, e.g. ' +
      'strategy.job-index; folded into batch labels',
  },
  { name: 'require-https', default: 'false', boolean: true, help: 'refuse http:// to a host that is not loopback' },
  // many servers, notifications
  {
    name: 'config',
    default: '',
    help: 'YAML file of servers (name, url, token-env, flavor, tier, limit…): the command runs against each',
  },
  { name: 'server', default: '', help: 'with config: run only the server of this name' },
  { name: 'server-concurrency', default: '1', help: 'with config: servers worked on at once, 1..8' },
  {
    name: 'notify-webhook',
    default: '',
    help: 'URL (from a secret; env QUOTA_KEYS_WEBHOOK) POSTed a Slack-compatible JSON line after the run',
  },
  { name: 'notify-on', default: 'failure,alert', help: 'when notify-webhook is called: failure, alert, always' },
  {
    name: 'audit-log',
    default: '',
    for: ['generate', 'batch', 'reset', 'delete', 'rotate'],
    help:
      'append one JSON line per key written (fingerprint, never the key) to this file; ' +
      'CI default quota-keys-audit.jsonl beside the CSV, CLI default none; none turns it off',
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
  return INPUTS.filter((i) => i.name !== 'command' && (!i.for || i.for.includes(command)));
}
