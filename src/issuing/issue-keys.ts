// Issuing into the CSV: the keys come from KeyIssuer (./key-issuer.ts); this module streams them
// into the CSV, exports again what an earlier attempt of the run made, and turns the outcome into
// the command's outputs, summary and verdict. Steps, in the order issueToCsv takes them:
// csvSink, reuseEarlierAttempts, issueKeys, reportIssue, verdictOf.

import type { RunContext } from '../config/context.js';
import type { Options } from '../config/options.js';
import type { Audit } from '../output/audit.js';
import { CsvWriter, csvRow } from '../output/csv.js';
import type { QuotaProxy } from '../quota-proxy/client.js';
import type { CreateKeyRequest, TrialKey } from '../quota-proxy/types.js';
import type { FactName } from '../report/facts.js';
import type { Limit } from '../report/limit.js';
import { limitOf, serverWideLimit } from '../report/limit.js';
import type { Report } from '../report/report.js';
import { issuedTable } from '../report/tables.js';
import type { Cancellation } from '../shared/cancel.js';
import { errorMessage } from '../shared/errors.js';
import type { Logger } from '../shared/log.js';
import type { Progress } from '../shared/progress.js';
import { shortenKey } from '../shared/redact.js';
import { compareLabels } from '../shared/text.js';
import { lookUpCommand, surplusWarnings } from './batch-numbers.js';
import type { IssueResult } from './issue-result.js';
import { issueKeys } from './key-issuer.js';
import { findEarlierAttempts, isRerunOfBatch } from './rerun.js';

/** What issuing needs of the run (a command's context satisfies it). */
export interface IssueContext {
  options: Options;
  context: RunContext;
  api: QuotaProxy;
  log: Logger;
  /** The server URL for messages and the CSV (credentials redacted). */
  server: string;
  report: Report;
  /** Opened by run() before any request; a caller without it (tests) gets one opened here. */
  csv?: CsvWriter;
  progress: Progress;
  audit?: Audit;
  cancellation?: Cancellation;
}

export interface IssueOptions {
  /** The keys are the command's table (generate, batch); rotate's replacements are not (its table is the rotation). */
  table?: boolean;
  /**
   * On a re-run, export the keys an earlier attempt made for these labels (`force` turns it off).
   * Default: for batch only; rotate's replacements answer to the keys this attempt deleted.
   */
  reuseEarlierAttempts?: boolean;
  /** The keys the batch has already (batch --resume: FILE's, ./resume.ts), in place of an earlier attempt's. */
  carryOver?: () => Promise<CarriedOver>;
  /** How to create what the admin rate limit held back, after "run again after <time>": ` with \`…\``. */
  runAgain?: string;
}

/** Keys a batch has before it creates (an earlier attempt's, a resumed file's), and what is left to create. */
export interface CarriedOver {
  keys: TrialKey[];
  rest: CreateKeyRequest[];
  /** Of `keys`, those found on the server under the batch's labels after a create whose answer was lost. */
  adopted?: number;
  /** Requests that are not created, with why. */
  held?: Array<{ label: string; error: string }>;
  /** Why nothing is created: the check could not be made. */
  failure?: string;
  /** The fact that counts the keys carried over (but for the adopted ones), and its value's note. */
  fact: { name: Extract<FactName, 're_exported' | 'kept_from_file'>; note?: string };
  /** A re-run: some earlier attempt ran this step twice at once, so its keys were not told apart. */
  collided?: boolean;
}

/** What became of the keys asked for: the verdict, the CSV, and each request's key. */
export interface IssueOutcome {
  ok: boolean;
  failure?: string;
  csvPath?: string;
  result: IssueResult;
  /** A re-run that exported every key of its earlier attempts: its CSV holds all of theirs. */
  coversEarlierAttempts: boolean;
}

/** Issues `requests`, streams them into the CSV (and the table), and reports counts, outputs and facts. */
export async function issueToCsv(
  ctx: IssueContext,
  requests: CreateKeyRequest[],
  minSuccess = requests.length,
  how: IssueOptions = {},
): Promise<IssueOutcome> {
  const { options, api, log, cancellation, context } = ctx;
  // Opened by run() before the first request; a caller without it (tests) opens it here, still before any create.
  const csv = ctx.csv ?? new CsvWriter(options.output);
  const sink = csvSink(ctx, csv, how.table !== false);
  let result: IssueResult;
  let carried: CarriedOver | undefined;
  let csvPath: string | undefined;
  try {
    const reuse = (how.reuseEarlierAttempts ?? options.command === 'batch') && !options.force;
    carried = how.carryOver
      ? await how.carryOver()
      : reuse && isRerunOfBatch(context, requests)
        ? await reuseEarlierAttempts(ctx, requests)
        : undefined;
    for (const key of carried?.keys ?? []) log.secret(key.key, 'key');
    for (const key of carried?.keys ?? []) sink(key);
    const toCreate = carried?.rest ?? requests;
    ctx.progress.start(toCreate.length, 'keys created');
    result = await issueKeys(toCreate, options.concurrency, {
      api,
      log,
      sink: (key) => {
        sink(key);
        ctx.progress.tick();
      },
      cancellation,
      ownSuffix: context.labelSuffix,
      retries: options.retries,
      onRateLimit: options.onRateLimit,
      audit: ctx.audit,
      runAgain: how.runAgain,
    });
    result.requested = requests.length;
    if (carried) carryInto(result, carried, requests);
  } finally {
    ctx.progress.done();
    // The CSV is written whatever happened: every key the server created must reach the user. Without
    // a key there is nothing to hand over: no header-only file replaces an earlier CSV, none is uploaded.
    csvPath = await csv.close({ keepEmpty: false });
  }
  reportIssue(ctx, result, csvPath, carried?.fact);
  const verdict = verdictOf(ctx, result, csvPath, minSuccess, carried?.failure, how.runAgain);
  const coversEarlierAttempts = carried !== undefined && !how.carryOver && !carried.failure && !carried.collided;
  return { ...verdict, csvPath, result, coversEarlierAttempts };
}

/** The carried-over keys count as the batch's, first; what was held back or could not be checked, as failures. */
function carryInto(result: IssueResult, carried: CarriedOver, requests: CreateKeyRequest[]): void {
  result.created.unshift(...carried.keys);
  result.adopted += carried.adopted ?? 0;
  result.reexported = carried.keys.length - (carried.adopted ?? 0);
  result.failures.push(...(carried.held ?? []));
  if (carried.failure) result.failures = requests.map((r) => ({ label: r.label, error: carried.failure! }));
}

/**
 * Step: where each key goes: one CSV row (and one table row, shortened), its limit as the flavor
 * applies it (said once when the server has one limit for every key).
 */
function csvSink(ctx: IssueContext, csv: CsvWriter, table: boolean): (key: TrialKey) => void {
  const { options, api, log, server, report } = ctx;
  const row = table ? report.open(issuedTable()) : undefined;
  const serverWide = serverWideLimit(options.serverDailyLimit);
  // The key's own limit (v1p, v1a), the server-wide one (v1, v01), its lifetime quota (v10).
  const limitFor = (key: TrialKey): Limit | undefined => {
    const capabilities = api.known?.capabilities;
    if (!capabilities) return undefined;
    return limitOf({ ...key, dailyLimit: key.dailyLimit ?? options.limit }, capabilities, serverWide);
  };
  let warnedGlobalLimit = false;
  return (key: TrialKey) => {
    const capabilities = api.known?.capabilities;
    if (capabilities && !capabilities.perKeyDailyLimit && !capabilities.lifetimeQuota && !warnedGlobalLimit) {
      warnedGlobalLimit = true;
      log.warning(
        options.serverDailyLimit === undefined
          ? `The ${api.flavor} server has no per-key daily limit: it applies one server-wide limit to every ` +
              `key, its DAILY_REQ_LIMIT, which its admin API does not report; the CSV's daily_limit says ` +
              `${serverWide.value} (daily_limit_source assumed, the upstream default): set server-daily-limit to ` +
              `the server's DAILY_REQ_LIMIT to record it.`
          : `The ${api.flavor} server has no per-key daily limit: it applies its server-wide limit to every ` +
              `key; the CSV records server-daily-limit (${options.serverDailyLimit}).`,
      );
    }
    const limit = limitFor(key);
    const batchCount = options.command === 'batch' ? options.count : undefined;
    csv.write(csvRow(key, { limit, tier: options.tier, server, batchCount }));
    row?.({ label: key.label, key: shortenKey(key.key), limit, createdAt: key.createdAt });
  };
}

/**
 * Step, on a re-run: the keys an earlier attempt of this run made for `requests` go into the CSV
 * again; `rest` is what is left to create. When that cannot be checked, nothing is created (`failure`).
 */
async function reuseEarlierAttempts(ctx: IssueContext, requests: CreateKeyRequest[]): Promise<CarriedOver> {
  const { options, api, log, context } = ctx;
  const fact = { name: 're_exported' as const };
  try {
    const earlier = await findEarlierAttempts(api, context, requests, options.nameGiven !== '');
    if (earlier.collided.length > 0) {
      log.warning(
        `Attempt${earlier.collided.length > 1 ? 's' : ''} ${earlier.collided.join(', ')} of run ` +
          `${context.runId} ran this step more than once at the same time (matrix legs or parallel jobs ` +
          `with the same step): ` +
          `which of those keys were this invocation's cannot be told, so none of them is exported again or ` +
          `touched. Set invocation-id to something that differs per leg (e.g. the strategy.job-index or the matrix ` +
          `values) so that re-runs find their own keys.`,
      );
    }
    for (const line of surplusWarnings(earlier.surplus, 'exported', ctx.server)) log.warning(line);
    if (earlier.keys.length > 0) {
      const from =
        earlier.attempts.length === 1 ? `attempt ${earlier.attempts[0]}` : `attempts ${earlier.attempts.join(', ')}`;
      log.warning(
        `Attempt ${context.attempt} of run ${context.runId}: ${from} already issued ${earlier.keys.length} ` +
          `of these ${requests.length} key(s); exporting them again instead of issuing a second batch` +
          `${earlier.rest.length > 0 ? `, and creating the ${earlier.rest.length} missing` : ''} (force: ` +
          `true issues a new batch).`,
      );
    }
    return { keys: earlier.keys, rest: earlier.rest, fact, collided: earlier.collided.length > 0 };
  } catch (error) {
    return {
      keys: [],
      rest: [],
      fact,
      failure:
        `Could not check whether an earlier attempt of run ${context.runId} already issued this ` +
        `batch: ${errorMessage(error)}. Re-run when the server answers, or set force: true to issue a new ` +
        `batch without checking.`,
    };
  }
}

/** Step: outputs and facts, and the log lines of what was created and what not. */
function reportIssue(
  ctx: IssueContext,
  result: IssueResult,
  csvPath: string | undefined,
  carried: CarriedOver['fact'] = { name: 're_exported' },
): void {
  const { api, log, report } = ctx;
  const created = result.created.length;
  const failed = result.failures.length;
  Object.assign(report.outputs, {
    'csv-path': csvPath ?? '',
    'created-count': String(created),
    'failed-count': String(failed),
  });
  if (csvPath) report.csvPath = csvPath;
  report.facts
    .set('requested', result.requested)
    .set('created', created)
    .set('failed', failed)
    .set('csv', csvPath ?? 'none (no key was created)')
    .set(carried.name, result.reexported > 0 ? `${result.reexported}${carried.note ?? ''}` : undefined)
    .set('adopted', result.adopted || undefined)
    .set('duplicates_deleted', result.duplicatesDeleted || undefined)
    .set('repeated_keys', result.repeatedKeys || undefined)
    .set('retried_requests', api.retriesMade || undefined);
  log.info(`Created ${created} of ${result.requested} key(s); CSV: ${csvPath ?? 'none (no key was created)'}`);
  for (const line of notCreatedLines(result.failures)) log.warning(line);
}

/** Reasons told one line each. */
const REASONS_SHOWN = 5;

/**
 * The keys not created, one line per reason (a rate limit or a refused token fails every key alike:
 * said once, with how many and which labels, not once per key).
 */
export function notCreatedLines(failures: readonly { label: string; error: string }[]): string[] {
  const byReason = new Map<string, string[]>();
  for (const { label, error } of failures) {
    const labels = byReason.get(error);
    if (labels) labels.push(label);
    else byReason.set(error, [label]);
  }
  const shown = [...byReason].slice(0, REASONS_SHOWN);
  const lines = shown.map(([reason, labels]) => {
    labels.sort(compareLabels);
    const which = labels.length === 1 ? labels[0] : `${labels.length} keys (${labels[0]} … ${labels.at(-1)})`;
    return `Not created: ${which}: ${reason}`;
  });
  const more = [...byReason.values()].slice(REASONS_SHOWN).reduce((n, labels) => n + labels.length, 0);
  if (more > 0) lines.push(`… and ${more} more not created, for other reasons.`);
  return lines;
}

/** Step: ok when at least `minSuccess` were created and no create's outcome stayed unknown; else why not. */
function verdictOf(
  ctx: IssueContext,
  result: IssueResult,
  csvPath: string | undefined,
  minSuccess: number,
  earlierFailure: string | undefined,
  runAgain: string | undefined,
): { ok: boolean; failure?: string } {
  const { server, cancellation } = ctx;
  const created = result.created.length;
  const failed = result.failures.length;
  const unresolved =
    result.unresolved.length > 0
      ? ` Keys may exist on the server without being in the CSV under ${result.unresolved.length} label(s) (` +
        `${result.unresolved.slice(0, 3).join(', ')}${result.unresolved.length > 3 ? ', …' : ''}): look them up ` +
        `with \`${lookUpCommand(server, result.unresolved[0]!)}\` (action: ` +
        `command: list, label-prefix: ${result.unresolved[0]}).`
      : '';
  if (result.cancelled) {
    return {
      ok: false,
      failure:
        `Cancelled (${cancellation?.reason ?? 'cancelled'}): ${created} of ${result.requested} ` +
        `key(s) created${csvPath ? `, all in ${csvPath}` : ''}; ${failed} not created.${unresolved}`,
    };
  }
  if (earlierFailure) return { ok: false, failure: earlierFailure };
  // Keys a server answered beyond those asked are in the CSV, but stand for no number that failed.
  const delivered = Math.min(created, result.requested - failed);
  if (delivered >= minSuccess && result.unresolved.length === 0) return { ok: true };
  const first = result.failures[0]?.error ?? 'unknown error';
  return {
    ok: false,
    failure:
      `${failed} of ${result.requested} key(s) were not created (first error: ${first}); ` +
      `${csvPath ? `the ${created} created are in ${csvPath}` : 'no CSV was written, as no key was created'}` +
      `.${unresolved}` +
      `${result.heldBackUntil && runAgain ? ` Run again after ${result.heldBackUntil}${runAgain}.` : ''}`,
  };
}
