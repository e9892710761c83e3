// All input parsing, put together here from the value parsers of values.ts. Bad input → InputError, one
// line naming the input and what is allowed, thrown before any request is sent.
import path from 'node:path';
import { FLAVORS, type Flavor } from '../quota-proxy/types.js';
import { redactUrl } from '../shared/redact.js';
import { type BatchFile, readBatchFile } from './batch-file.js';
import { COMMAND_SPECS, COMMANDS, type Command } from './commands.js';
import { defaultName, type RunContext } from './context.js';
import { InputError } from './input-error.js';
import { inputDefault } from './inputs.js';
import { checkArtifactPaths, parseAuditLog, parseHtml, parseOutput } from './paths.js';
import { sendsTokenInClear } from './plain-http.js';
import { CLI_DEFAULT_URL, emptyUrlAdvice, missingTokenAdvice } from './required-inputs.js';
import {
  oneOf,
  parseArtifactName,
  parseBoolean,
  parseDay,
  parseFactor,
  parseHealthPath,
  parseInvocationId,
  parseRecipients,
  parseTiers,
  parseUrl,
  parseWholeNumber,
} from './values.js';

export { COMMANDS, type Command, InputError };

export const DEFAULT_LIMIT = 100;

export interface Options {
  command: Command;
  url: URL;
  token?: string;
  /** Where the token came from, for messages: `input admin-token`, `--token`, `env ADMIN_TOKEN`. */
  tokenSource: string;
  count: number;
  /** Explicit limit, else the tier's, else 100. */
  limit: number;
  /** The server-wide DAILY_REQ_LIMIT of v1/v01 servers, which they do not report; undefined: unknown. */
  serverDailyLimit?: number;
  /** The label / label stem for issuing commands (event default applied); the label to resolve for reset/delete. */
  name: string;
  /** `name` as the user gave it ('' when defaulted). */
  nameGiven: string;
  /** Absolute CSV path (issuing commands, or list when `outputGiven`). */
  output: string;
  outputGiven: boolean;
  concurrency: number;
  timeoutMs: number;
  healthPath: string;
  skipHealthCheck: boolean;
  serverFlavor?: Flavor;
  labelPrefix: string;
  /** YYYY-MM-DD as given; undefined: the server's own today (learned from the server). */
  day?: string;
  alertThreshold: number;
  failOnAlert: boolean;
  /** usage: the last N server days (1: the day alone). */
  days: number;
  /** usage: keys reaching their limit within this many days are listed. */
  forecastDays: number;
  /** usage: a spike is a last day above spikeFactor × the key's mean before, and ≥ spikeMinRequests. */
  spikeFactor: number;
  spikeMinRequests: number;
  /** usage: the dashboard's file (absolute); undefined: none. */
  html?: string;
  /** rotate: only keys without a request in the last N server days. */
  idleDays?: number;
  key: string;
  allMatching: boolean;
  resetAllKeysForDay: boolean;
  olderThanDays?: number;
  allLabels: boolean;
  dryRun: boolean;
  replace: boolean;
  tier?: string;
  tiers: Record<string, number>;
  expiresInDays?: number;
  limitAsTotalQuota: boolean;
  uploadArtifact: boolean;
  artifactName: string;
  /** artifact-name was given (else the default, the same in every attempt of a step). */
  artifactNameGiven: boolean;
  /** Delete an artifact of the same name in the run before uploading (output/artifact.ts). */
  overwriteArtifact: boolean;
  retentionDays: number;
  encryptTo: string[];
  allowPublicArtifact: boolean;
  retries: number;
  maxWaitMs: number;
  onRateLimit: 'wait' | 'fail';
  /** Keys that must exist for success; default count (1 for generate). */
  minSuccess: number;
  force: boolean;
  /** GitHub: hashed into batch labels (context.ts); checked here like every input. */
  invocationId: string;
  requireHttps: boolean;
  /** Absolute path of the servers file (`config`): the command runs against each server in it. */
  config?: string;
  /** With config: the one server to run (`server`). */
  server?: string;
  serverConcurrency: number;
  /** Where the run's notification is POSTed (a secret: never printed). */
  notifyWebhook?: URL;
  notifyOn: readonly NotifyOn[];
  /** The audit log to append to (write commands, not dry runs); undefined: none. */
  auditLog?: string;
  /** batch --resume FILE (CLI): the batch FILE records, which this run completes; count, name, output are its. */
  resume?: BatchFile;
}

export const NOTIFY_ON = ['failure', 'alert', 'always'] as const;
export type NotifyOn = (typeof NOTIFY_ON)[number];

/** Reads one raw input: '' when unset (the @actions/core convention). */
export type RawInputs = (name: string) => string;

/** Control characters (C0, DEL, C1) and anything beyond Latin-1: not sendable in an HTTP header. */
const TOKEN_UNSENDABLE = /[\0-\x1f\x7f-\x9f]|[^\0-\xff]/;

/** Where the token came from, as the user set it on this platform. */
function describeTokenSource(fromInput: boolean, context: RunContext): string {
  if (fromInput) return context.platform === 'github' ? 'input admin-token' : '--token';
  return context.platform === 'gitlab'
    ? 'env ADMIN_TOKEN (or the CI/CD variable QUOTA_PROXY_ADMIN_TOKEN)'
    : 'env ADMIN_TOKEN';
}

/** One input: as given (trimmed), or else its default from the INPUTS table, or as a boolean. */
interface Reader {
  input: RawInputs;
  get(name: string): string;
  value(name: string): string;
  bool(name: string): boolean;
}

function reader(input: RawInputs): Reader {
  const get = (name: string) => input(name).trim();
  /** The input as given, else its default from the INPUTS table (the one place defaults live). */
  const value = (name: string) => get(name) || inputDefault(name);
  return { input, get, value, bool: (name) => parseBoolean(name, value(name)) };
}

/** What to do, where, with which token. */
function parseTarget({ input, get, value }: Reader, env: NodeJS.ProcessEnv, context: RunContext) {
  const command = oneOf('command', value('command'), COMMANDS);
  const urlGiven = get('url') || env.QUOTA_PROXY_URL?.trim();
  if (!urlGiven && context.platform !== 'cli') throw new InputError('url', '', emptyUrlAdvice(context.platform));
  const url = parseUrl(urlGiven || CLI_DEFAULT_URL);
  if (sendsTokenInClear(url) && parseBoolean('require-https', value('require-https'))) {
    throw new InputError(
      'url',
      redactUrl(url.href),
      'require-https is true: expected https://, or http:// to a loopback host such as 127.0.0.1',
    );
  }

  // Tokens are not trimmed of inner characters: a newline inside one is a pasting mistake.
  const tokenInput = input('admin-token').replace(/^[ \t]+|[ \t\r\n]+$/g, '');
  const token = tokenInput || env.ADMIN_TOKEN?.replace(/[\r\n]+$/, '') || undefined;
  const tokenSource = describeTokenSource(tokenInput !== '', context);
  // The token travels in an HTTP header: only Latin-1 without control characters fits there. Any
  // other would make every admin request fail after the health check (and a create look uncertain).
  if (token !== undefined && TOKEN_UNSENDABLE.test(token)) {
    const what = /[\r\n]/.test(token)
      ? 'a line break'
      : /[\0-\x1f\x7f-\x9f]/.test(token)
        ? 'a control character'
        : 'a character outside Latin-1 (such as a full-width or Chinese character)';
    throw new InputError(
      'admin-token',
      '',
      `the token from ${tokenSource} contains ${what}, which cannot be sent in an HTTP header; paste it ` +
        `again as one line of plain characters`,
    );
  }
  if (token === undefined && COMMAND_SPECS[command].needsToken)
    throw new InputError('admin-token', '', missingTokenAdvice(command, context.platform));
  return { command, url, token, tokenSource };
}

/** How many keys, with which limits and labels, how fast, and where they go. */
function parseIssuing({ get, value }: Reader, context: RunContext) {
  const count = parseWholeNumber('count', value('count'), 1, 10_000);
  const tiers = parseTiers(get('tiers'));
  const tier = get('tier') || undefined;
  if (tier !== undefined && !Object.hasOwn(tiers, tier))
    throw new InputError('tier', tier, `expected one of ${Object.keys(tiers).join(', ')} (or add it with tiers)`);
  const limit = get('limit')
    ? parseWholeNumber('limit', get('limit'), 1, 100_000_000)
    : tier
      ? tiers[tier]!
      : DEFAULT_LIMIT;
  // No default: v1/v01 do not report theirs, and a guess would show wrong percentages without saying so.
  const serverDailyLimit = get('server-daily-limit')
    ? parseWholeNumber('server-daily-limit', get('server-daily-limit'), 1, 100_000_000)
    : undefined;
  const concurrency = parseWholeNumber('concurrency', value('concurrency'), 1, 64);

  const timeoutRaw = value('timeout-seconds');
  const timeout = Number(timeoutRaw);
  // At least a millisecond: undici reads a timeout of 0 as none at all.
  if (!/^\d+(\.\d+)?$/.test(timeoutRaw) || timeout < 0.001 || timeout > 600) {
    throw new InputError('timeout-seconds', timeoutRaw, 'expected a number of seconds from 0.001 to 600');
  }

  const healthPath = parseHealthPath(value('health-path'));

  const nameGiven = get('name');
  const name = nameGiven || defaultName(context);
  if (/[\r\n\0]/.test(name) || name.length > 200) {
    throw new InputError('name', name, 'expected one line of at most 200 characters');
  }
  const labelPrefix = get('label-prefix');
  if (/[\r\n\0]/.test(labelPrefix)) throw new InputError('label-prefix', labelPrefix, 'expected one line');

  const output = parseOutput(get('output'), context);
  const timeoutMs = Math.round(timeout * 1000);
  return {
    count,
    tiers,
    tier,
    limit,
    serverDailyLimit,
    concurrency,
    timeoutMs,
    healthPath,
    name,
    nameGiven,
    labelPrefix,
    output,
  };
}

/** Which existing keys reset, delete and rotate act on. */
function parseSelection({ get, bool }: Reader, command: Command, nameGiven: string, labelPrefix: string) {
  const key = get('key');
  // A key is a secret: not echoed. A line break or a tab inside is a pasting mistake, never part of a key.
  if (/[\0-\x1f\x7f-\x9f]/.test(key))
    throw new InputError('key', '', 'expected the key as one line without control characters (a line break, a tab)');
  if ((command === 'reset' || command === 'delete') && !key && !nameGiven) {
    throw new InputError('key', '', `${command} needs the key (key, --key) or its label (name, --name)`);
  }
  const olderRaw = get('older-than-days');
  const idleRaw = get('idle-days');
  if (command === 'rotate' && !olderRaw && !idleRaw)
    throw new InputError(
      'older-than-days',
      '',
      'required for rotate (unless idle-days is set): a whole number of days, such as 30',
    );
  const olderThanDays = olderRaw ? parseWholeNumber('older-than-days', olderRaw, 0, 36_500) : undefined;
  const idleDays = idleRaw ? parseWholeNumber('idle-days', idleRaw, 1, 90) : undefined;
  const allLabels = bool('all-labels');
  if (command === 'rotate' && !labelPrefix && !allLabels) {
    throw new InputError(
      'label-prefix',
      '',
      'rotate needs label-prefix (such as auto-) so hand-issued keys are safe, or all-labels: true',
    );
  }
  return { key, olderThanDays, idleDays, allLabels };
}

/** Many servers (config, server, server-concurrency) and the notification (notify-webhook, notify-on). */
function parseFanOut({ get, value }: Reader, env: NodeJS.ProcessEnv, context: RunContext) {
  const config = get('config') ? path.resolve(context.workspace, get('config')) : undefined;
  const server = get('server') || undefined;
  if (server && !config) throw new InputError('server', server, 'server selects an entry of config: set config too');
  const serverConcurrency = parseWholeNumber('server-concurrency', value('server-concurrency'), 1, 8);
  const hook = get('notify-webhook') || env.QUOTA_KEYS_WEBHOOK?.trim() || '';
  let notifyWebhook: URL | undefined;
  if (hook) {
    // Never echoed: a webhook URL carries its own secret.
    const url = URL.canParse(hook) ? new URL(hook) : undefined;
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:'))
      throw new InputError('notify-webhook', '', 'expected an https:// URL (or http://), such as a Slack webhook');
    notifyWebhook = url;
  }
  const notifyOn = value('notify-on')
    .split(/[\s,|]+/)
    .filter(Boolean)
    .map((word) => oneOf('notify-on', word, NOTIFY_ON));
  return { config, server, serverConcurrency, notifyWebhook, notifyOn };
}

/**
 * `resume` (CLI, batch): the batch FILE records sets count, name and output, which may only repeat
 * them. The action has no such input: a re-run of the job completes an earlier attempt's batch.
 */
function parseResume({ get }: Reader, command: Command, issuing: ReturnType<typeof parseIssuing>, context: RunContext) {
  const raw = get('resume');
  if (!raw) return issuing;
  const refuse = (allowed: string) => new InputError('resume', raw, allowed);
  if (context.platform === 'github')
    throw refuse('no input of the action but a flag of the command line; in a workflow, re-run the job instead');
  if (command !== 'batch') throw refuse(`expected with batch only, not ${command}`);
  if (get('config')) throw refuse('expected without config: it completes the batch of one server');
  const file = path.resolve(context.workspace, raw);
  const batch = readBatchFile(file);
  if ('refusal' in batch) throw refuse(`expected a keys CSV that quota-keys batch wrote, but ${batch.refusal}`);
  const same = (input: string, given: string, ours: string) => {
    if (given && given !== ours)
      throw new InputError(input, given, `with resume, the ${input} is the batch's (${ours}): leave it out`);
  };
  same('count', get('count'), String(batch.count));
  same('name', get('name'), batch.stem);
  same('output', get('output') && path.resolve(context.workspace, get('output')), file);
  return { ...issuing, count: batch.count, name: batch.stem, nameGiven: batch.stem, output: file, resume: batch };
}

export function parseOptions(input: RawInputs, env: NodeJS.ProcessEnv, context: RunContext): Options {
  const read = reader(input);
  const { get, value, bool } = read;
  const target = parseTarget(read, env, context);
  const { command } = target;
  const issuing = parseResume(read, command, parseIssuing(read, context), context);
  const flavorRaw = get('server-flavor');
  const selection = parseSelection(read, command, issuing.nameGiven, issuing.labelPrefix);
  const expiresRaw = get('expires-in-days');
  const retries = parseWholeNumber('retries', value('retries'), 0, 10);
  const maxWaitSeconds = parseWholeNumber('max-wait-seconds', value('max-wait-seconds'), 0, 3600);
  const minSuccessRaw = get('min-success');
  const wanted = command === 'batch' ? issuing.count : 1;
  const minSuccess = minSuccessRaw ? parseWholeNumber('min-success', minSuccessRaw, 0, wanted) : wanted;
  const auditLog = parseAuditLog(get('audit-log'), command, bool('dry-run'), issuing.output, context);
  checkArtifactPaths({ output: issuing.output, auditLog }, get);

  // generate, batch: their labels go under label-prefix, the stem a rotation selects them by.
  const underPrefix = (command === 'generate' || command === 'batch') && !issuing.name.startsWith(issuing.labelPrefix);
  return {
    ...target,
    ...issuing,
    ...(underPrefix ? { name: `${issuing.labelPrefix}${issuing.name}` } : {}),
    outputGiven: get('output') !== '',
    skipHealthCheck: bool('skip-health-check'),
    serverFlavor: flavorRaw ? oneOf('server-flavor', flavorRaw, FLAVORS) : undefined,
    day: get('day') ? parseDay(get('day')) : undefined,
    alertThreshold: parseWholeNumber('alert-threshold', value('alert-threshold'), 1, 100),
    failOnAlert: bool('fail-on-alert'),
    days: parseWholeNumber('days', value('days'), 1, 90),
    forecastDays: parseWholeNumber('forecast-days', value('forecast-days'), 1, 365),
    spikeFactor: parseFactor(value('spike-factor')),
    spikeMinRequests: parseWholeNumber('spike-min-requests', value('spike-min-requests'), 1, 100_000_000),
    html: parseHtml(get('html'), command, Number(value('days')), context),
    ...selection,
    allMatching: bool('all-matching'),
    resetAllKeysForDay: bool('reset-all-keys-for-day'),
    dryRun: bool('dry-run'),
    replace: bool('replace'),
    expiresInDays: expiresRaw ? parseWholeNumber('expires-in-days', expiresRaw, 1, 3650) : undefined,
    limitAsTotalQuota: bool('limit-as-total-quota'),
    uploadArtifact: bool('upload-artifact'),
    artifactName: parseArtifactName(get('artifact-name'), context),
    artifactNameGiven: get('artifact-name') !== '',
    overwriteArtifact: bool('overwrite-artifact'),
    retentionDays: parseWholeNumber('retention-days', value('retention-days'), 1, 90),
    encryptTo: parseRecipients(get('encrypt-to')),
    allowPublicArtifact: bool('allow-public-artifact'),
    retries,
    maxWaitMs: maxWaitSeconds * 1000,
    onRateLimit: oneOf('on-rate-limit', value('on-rate-limit'), ['wait', 'fail'] as const),
    minSuccess,
    force: bool('force'),
    invocationId: parseInvocationId(get('invocation-id')),
    requireHttps: bool('require-https'),
    ...parseFanOut(read, env, context),
    auditLog,
  };
}
