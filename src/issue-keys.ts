// Creating many keys: bounded concurrency over one keep-alive pool, native batches where the
// flavor has them, every created key written to the CSV the moment it arrives. A create whose
// outcome is unknown is never simply repeated: the server's key list decides (./reconcile.ts).
// The first request goes alone: it tells the flavor (how many keys one request makes) and the
// admin rate limit, so a batch that cannot fit is announced before it is sent.
import { CancelledError, type Cancellation } from './cancel.js';
import { CsvWriter, csvRow } from './csv.js';
import type { Logger } from './log.js';
import type { CommandContext, RunReport } from './commands/contract.js';
import { dailyLimitOf, limitOf, UNKNOWN_LIMIT } from './limits.js';
import { shortenKey } from './redact.js';
import type { QuotaProxy } from './quota-proxy/client.js';
import { HttpStatusError, RateLimitedError } from './quota-proxy/http.js';
import { isoSeconds } from './quota-proxy/retry.js';
import { UnsupportedOperationError, type CreateKeyRequest, type TrialKey } from './quota-proxy/types.js';
import { isAmbiguousCreateFailure, keysCarrying, ownKeysFilter, reconcileAmbiguousCreates, type BatchLedger } from './reconcile.js';
import { findEarlierAttempts, isRerunOfBatch } from './rerun.js';

export interface IssueServices {
  api: QuotaProxy;
  log: Logger;
  /** Receives each key for the CSV as soon as it is known (created, or found on the server). */
  sink: (key: TrialKey) => void;
  /** Once cancelled, no new request starts. */
  cancellation?: Cancellation;
  /** The labels carry the run id and attempt (batch, rotate): any key with one is this run's. Default true. */
  labelsUnique?: boolean;
  /** `retries`: reconciliation creates a label again at most this many times. Default 3. */
  retries?: number;
  onRateLimit?: 'wait' | 'fail';
}

export interface IssueResult {
  requested: number;
  /** Every key now in the CSV for these requests: created, found on the server, or re-exported. */
  created: TrialKey[];
  /** The requests without a key, with why. */
  failures: Array<{ label: string; error: string }>;
  /** Keys found on the server after their create failed with an unknown outcome. */
  adopted: number;
  /** Keys an earlier attempt of this run made, exported again. */
  reexported: number;
  /** Labels whose create had an unknown outcome that could not be checked (cancelled, listing failed). */
  unresolved: string[];
  /** Second keys under one label (a create that went through after all) that were deleted. */
  duplicatesDeleted: number;
  cancelled: boolean;
}

/** Errors after which further requests would fail the same way (bad token, missing route, rate limit…). */
function isFatal(error: unknown): boolean {
  if (error instanceof UnsupportedOperationError || error instanceof RateLimitedError) return true;
  return error instanceof HttpStatusError && [400, 401, 403, 404, 405].includes(error.status);
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function issueKeys(requests: CreateKeyRequest[], concurrency: number, services: IssueServices): Promise<IssueResult> {
  const { api, log, sink, cancellation } = services;
  const labelsUnique = services.labelsUnique ?? true;
  const attemptsPerLabel = (services.retries ?? 3) + 1;
  const result: IssueResult = { requested: requests.length, created: [], failures: [], adopted: 0, reexported: 0, unresolved: [], duplicatesDeleted: 0, cancelled: false };
  const ledger: BatchLedger = { inCsv: new Map(), uncertain: new Map(), failed: new Map() };
  const labels = new Set(requests.map((r) => r.label));
  let labelsIgnored = false;
  let stop: unknown;
  let firstSentAt = 0;
  const cancelled = () => cancellation?.requested === true;

  const accept = (key: TrialKey, label = key.label) => {
    log.secret(key.key, 'key');
    ledger.inCsv.set(label, [...(ledger.inCsv.get(label) ?? []), key]);
    ledger.uncertain.delete(label);
    ledger.failed.delete(label);
    result.created.push(key);
    sink(key);
  };

  const create = async (chunk: CreateKeyRequest[]) => {
    const sentAt = Date.now();
    firstSentAt ||= sentAt;
    try {
      const keys = await api.createKeys(chunk);
      // A native batch answers its keys in request order: each is that request's, whatever label the
      // server gave it. One that ignores per-key labels (upstream v01 may) gets one key per request
      // from then on, so that every key keeps a label of its own.
      const byPosition = keys.length === chunk.length;
      if (chunk.length > 1 && byPosition && keys.some((key, i) => key.label !== chunk[i]!.label) && !labelsIgnored) {
        labelsIgnored = true;
        log.warning(`The ${api.flavor} server gave the keys of a native batch labels other than those asked for (e.g. ${JSON.stringify(keys[1]!.label)} for ${JSON.stringify(chunk[1]!.label)}): the rest is created one key per request.`);
      }
      keys.forEach((key, i) => accept(key, byPosition ? chunk[i]!.label : labels.has(key.label) ? key.label : (chunk[i]?.label ?? key.label)));
    } catch (error) {
      const message = messageOf(error);
      if (error instanceof CancelledError) {
        for (const request of chunk) ledger.failed.set(request.label, 'not attempted: cancelled');
      } else if (isAmbiguousCreateFailure(error)) {
        for (const request of chunk) ledger.uncertain.set(request.label, { request, error: message, sentAt });
      } else {
        for (const request of chunk) ledger.failed.set(request.label, message);
        if (isFatal(error)) stop ??= error;
      }
    }
  };

  const createAll = async (queue: CreateKeyRequest[], width: number) => {
    let next = 0;
    const halted = () => stop !== undefined || cancelled();
    const worker = async () => {
      while (next < queue.length && !halted()) {
        // An unknown flavor makes one key per request; once known, its native batch size.
        const chunk = queue.slice(next, next + (labelsIgnored ? 1 : (api.known?.capabilities.maxKeysPerCreate ?? 1)));
        next += chunk.length;
        await create(chunk);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(width, queue.length)) }, worker));
    notAttempted(queue.slice(next));
  };

  const notAttempted = (queue: CreateKeyRequest[]) => {
    const why = cancelled() ? 'not attempted: cancelled' : stop !== undefined ? `not attempted after: ${messageOf(stop)}` : 'not attempted';
    for (const request of queue) ledger.failed.set(request.label, why);
  };

  /**
   * Says, before sending them, how many of `queue` fit the admin rate limit's current window and
   * what becomes of the rest. What fits is always created: the HTTP client's pacing sends no
   * request the window has no room for, and waits for the next window only when on-rate-limit is
   * wait and max-wait-seconds allows; otherwise it stops the batch before the first that does not
   * fit, and those are reported as not created (never a key made and left out of the CSV).
   * Counts every admin request made so far (a listing or check before the first create included).
   * False when the window is not known yet.
   */
  /**
   * Says up front when `queue` does not fit the admin rate limit's window. Returns how many of it to
   * send: all of it when the rest may wait for the next windows, else only what fits now (the rest
   * is marked not requested here, so no request is sent that the server would refuse).
   */
  const announceRateLimit = (queue: CreateKeyRequest[]): { announced: boolean; send: number } => {
    const perRequest = api.known?.capabilities.maxKeysPerCreate ?? 1;
    const needed = Math.ceil(queue.length / perRequest);
    const plan = api.http.rateLimit.plan(needed);
    if (!plan) return { announced: false, send: queue.length };
    if (plan.fits) return { announced: true, send: queue.length };
    const fit = Math.min(queue.length, plan.available * perRequest);
    const at = isoSeconds(plan.resetAt);
    const windows = plan.limit ? Math.ceil((needed - plan.available) / plan.limit) : 1;
    const message =
      `The server's admin rate limit leaves ${plan.available} request(s) until ${at}${plan.limit ? ` (${plan.limit} per window)` : ''} and the ` +
      `${queue.length} key(s) to create need ${needed}: ${fit} fit now, the rest ${windows > 1 ? `over ${windows} more windows from ${at}` : `after ${at}`}.`;
    const rest = `creating the ${fit} that fit now; the other ${queue.length - fit} will not be requested (run again after ${at}`;
    const left = api.http.budget.left();
    let why: string;
    if (services.onRateLimit === 'fail') {
      log.warning(`${message} on-rate-limit is fail: ${rest}, or set on-rate-limit: wait).`);
      why = 'on-rate-limit is fail';
    } else if (plan.waitMs > left) {
      log.warning(`${message} Waiting ${Math.ceil(plan.waitMs / 1000)} s is more than max-wait-seconds leaves (${Math.floor(left / 1000)} s): ${rest}, or raise max-wait-seconds).`);
      why = `waiting ${Math.ceil(plan.waitMs / 1000)} s for the next window exceeds what max-wait-seconds leaves (${Math.floor(left / 1000)} s)`;
    } else {
      log.warning(`${message} Waiting for the limit as on-rate-limit is wait (within max-wait-seconds).`);
      return { announced: true, send: queue.length };
    }
    const refusal = `${api.http.describe('POST', '/admin/keys')}: not sent: the admin rate limit is used up; ${why}; retry after ${at}.`;
    for (const request of queue.slice(fit)) ledger.failed.set(request.label, refusal);
    return { announced: true, send: fit };
  };

  /** Lists the server's keys for the batch's labels and settles every uncertain one; false when the list could not be read. */
  const reconcile = async (allowRecreate: boolean): Promise<CreateKeyRequest[] | undefined> => {
    const uncertain = [...ledger.uncertain.values()];
    if (uncertain.length > 0) {
      log.warning(`${uncertain.length} key(s) failed with an unknown outcome (first: ${uncertain[0]!.error}); listing the server's keys to see which exist.`);
    }
    let onServer;
    try {
      onServer = await keysCarrying(api, labels);
    } catch (error) {
      log.warning(`Could not list the server's keys to check: ${messageOf(error)}`);
      return undefined;
    }
    // A label given by hand (generate) may be on older keys: only the server's clock (its Date header) tells ours apart.
    if (!labelsUnique && api.http.serverClockOffsetMs === undefined) {
      log.warning('The server sends no Date header, so a key it made for this request cannot be told from older keys with the same label: not creating it again.');
      return undefined;
    }
    const outcome = reconcileAmbiguousCreates(ledger, onServer, ownKeysFilter(labelsUnique, firstSentAt, api.http.serverClockOffsetMs), allowRecreate);
    for (const key of outcome.adopt) {
      accept(key);
      result.adopted += 1;
    }
    for (const request of outcome.recreate) ledger.uncertain.delete(request.label);
    for (const missing of outcome.missing) {
      ledger.uncertain.delete(missing.request.label);
      ledger.failed.set(missing.request.label, `not created in ${attemptsPerLabel} attempts (last: ${missing.error})`);
    }
    for (const extra of outcome.extras) await settleDuplicate(extra);
    if (uncertain.length > 0) {
      log.info(`Of ${uncertain.length} unknown outcome(s): ${outcome.adopt.length} key(s) were created after all (now in the CSV), ${outcome.recreate.length} to create again.`);
    }
    return outcome.recreate;
  };

  /** A second key under one label: deleted where the flavor can, else kept in the CSV so none is lost. */
  const settleDuplicate = async (extra: TrialKey) => {
    log.secret(extra.key, 'key');
    if (api.known?.capabilities.delete && !cancelled()) {
      try {
        await api.deleteKey(extra.key);
        result.duplicatesDeleted += 1;
        log.warning(`Label ${extra.label} had a second key ${shortenKey(extra.key)} (a create that went through after all): deleted it.`);
        return;
      } catch (error) {
        log.warning(`Could not delete the second key ${shortenKey(extra.key)} of label ${extra.label}: ${messageOf(error)}`);
      }
    }
    accept(extra);
    log.warning(`Label ${extra.label} has a second key ${shortenKey(extra.key)} on the server; it is in the CSV too.`);
  };

  let queue = [...requests];
  if (queue.length > 0) {
    // Known before the first create when an admin request came first (a listing, a token check).
    const { announced, send } = announceRateLimit(queue);
    queue = queue.slice(0, send);
    const first = queue.slice(0, api.known?.capabilities.maxKeysPerCreate ?? 1);
    queue = queue.slice(first.length);
    await createAll(first, 1);
    // Native batches: two keys first, to learn whether the server keeps per-key labels.
    if ((api.known?.capabilities.maxKeysPerCreate ?? 1) > 1 && first.length === 1 && queue.length > 1 && stop === undefined && !cancelled()) {
      await createAll(queue.slice(0, 2), 1);
      queue = queue.slice(2);
    }
    if (stop !== undefined || cancelled()) {
      notAttempted(queue);
      queue = [];
    } else if (!announced) queue = queue.slice(0, announceRateLimit(queue).send);
  }
  let rounds = 0;
  let listed = false;
  let canList = true;
  let createdSinceListing = true;
  for (;;) {
    if (ledger.uncertain.size > 0 && canList && !cancelled()) {
      rounds += 1;
      const again = await reconcile(rounds < attemptsPerLabel);
      if (again) {
        listed = true;
        createdSinceListing = false;
        queue = [...again, ...queue];
      } else {
        // The uncertain ones stay unresolved (reported); the others are independent of them.
        canList = false;
      }
    }
    if (queue.length === 0 || stop !== undefined || cancelled()) break;
    await createAll(queue, concurrency);
    queue = [];
    createdSinceListing = true;
  }
  notAttempted(queue);
  // A create that timed out may still commit after the list said it was missing; once the labels
  // were created again, one more look finds such a second key.
  if (listed && canList && createdSinceListing && !cancelled() && ledger.uncertain.size === 0) await reconcile(false);

  for (const request of requests) {
    if (ledger.inCsv.has(request.label)) continue;
    const uncertain = ledger.uncertain.get(request.label);
    if (uncertain) result.unresolved.push(request.label);
    const error = uncertain ? `unknown whether the server created it (${uncertain.error})` : (ledger.failed.get(request.label) ?? 'not attempted');
    result.failures.push({ label: request.label, error });
  }
  result.cancelled = cancelled();
  return result;
}

export interface IssueOptions {
  /** Any key with one of these labels is this run's (they carry its suffix). Default: every label ends with the run's label suffix. */
  labelsUnique?: boolean;
  /**
   * On a re-run, export the keys an earlier attempt made for these labels (`force` turns it off).
   * Default: for batch only; rotate's replacements answer to the keys this attempt deleted.
   */
  reuseEarlierAttempts?: boolean;
}

/** Issues `requests`, streams them into the CSV, and reports counts, outputs and the summary table. */
export async function issueToCsv(
  ctx: CommandContext,
  requests: CreateKeyRequest[],
  minSuccess = requests.length,
  how: IssueOptions = {},
): Promise<RunReport & { result: IssueResult }> {
  const { options, api, log, server, outputs, summary, context } = ctx;
  const { cancellation } = ctx;
  // Opened by run() before the first request; a caller without it (tests) opens it here, still before any create.
  const csv = ctx.csv ?? new CsvWriter(options.output);
  let csvPath: string | undefined;
  // The CSV's daily_limit: the key's own (v1p, v1a), the server-wide one (v1, v01), none for lifetime quotas (v10).
  const dailyLimitFor = (key: TrialKey) => {
    const capabilities = api.known?.capabilities;
    if (!capabilities) return undefined;
    return dailyLimitOf(limitOf({ ...key, dailyLimit: key.dailyLimit ?? options.limit }, capabilities, options.serverDailyLimit));
  };
  let warnedGlobalLimit = false;
  const sink = (key: TrialKey) => {
    const capabilities = api.known?.capabilities;
    if (capabilities && !capabilities.perKeyDailyLimit && !capabilities.lifetimeQuota && !warnedGlobalLimit) {
      warnedGlobalLimit = true;
      log.warning(
        options.serverDailyLimit === undefined
          ? `The ${api.flavor} server has no per-key daily limit: it applies one server-wide limit to every key, its DAILY_REQ_LIMIT, which its admin API does not report; the CSV's daily_limit says ${UNKNOWN_LIMIT} (set server-daily-limit to the server's DAILY_REQ_LIMIT to record it).`
          : `The ${api.flavor} server has no per-key daily limit: it applies its server-wide limit to every key; the CSV records server-daily-limit (${options.serverDailyLimit}).`,
      );
    }
    csv.write(csvRow(key, { dailyLimit: dailyLimitFor(key), tier: options.tier, server }));
  };
  const labelsUnique = how.labelsUnique ?? requests.every((r) => r.label.endsWith(context.labelSuffix));
  let result: IssueResult;
  let earlierFailure: string | undefined;
  try {
    let toCreate = requests;
    const earlierKeys: TrialKey[] = [];
    if ((how.reuseEarlierAttempts ?? options.command === 'batch') && !options.force && isRerunOfBatch(context, requests)) {
      try {
        const earlier = await findEarlierAttempts(api, context, requests, options.nameGiven !== '');
        for (const key of earlier.keys) log.secret(key.key, 'key');
        for (const key of earlier.keys) sink(key);
        earlierKeys.push(...earlier.keys);
        toCreate = earlier.rest;
        if (earlier.keys.length > 0) {
          const from = earlier.attempts.length === 1 ? `attempt ${earlier.attempts[0]}` : `attempts ${earlier.attempts.join(', ')}`;
          log.warning(
            `Attempt ${context.attempt} of run ${context.runId}: ${from} already issued ${earlier.keys.length} of these ${requests.length} key(s); exporting them again instead of issuing a second batch` +
              `${toCreate.length > 0 ? `, and creating the ${toCreate.length} missing` : ''} (force: true issues a new batch).`,
          );
        }
      } catch (error) {
        earlierFailure = `Could not check whether an earlier attempt of run ${context.runId} already issued this batch: ${messageOf(error)}. Re-run when the server answers, or set force: true to issue a new batch without checking.`;
        toCreate = [];
      }
    }
    result = await issueKeys(toCreate, options.concurrency, { api, log, sink, cancellation, labelsUnique, retries: options.retries, onRateLimit: options.onRateLimit });
    result.requested = requests.length;
    result.created.unshift(...earlierKeys);
    result.reexported = earlierKeys.length;
    if (earlierFailure) result.failures = requests.map((r) => ({ label: r.label, error: earlierFailure! }));
  } finally {
    // The CSV is written whatever happened: every key the server created must reach the user. Without
    // a key there is nothing to hand over: no header-only file replaces an earlier CSV, none is uploaded.
    csvPath = await csv.close({ keepEmpty: false });
  }
  const created = result.created.length;
  const failed = result.failures.length;
  Object.assign(outputs, { 'csv-path': csvPath ?? '', 'created-count': String(created), 'failed-count': String(failed) });
  summary.facts.push(['Requested', String(result.requested)], ['Created', String(created)], ['Failed', String(failed)], ['CSV', csvPath ?? 'none (no key was created)']);
  if (result.reexported > 0) summary.facts.push(['Re-exported from an earlier attempt', String(result.reexported)]);
  if (result.adopted > 0) summary.facts.push(['Found on the server after an unknown outcome', String(result.adopted)]);
  if (result.duplicatesDeleted > 0) summary.facts.push(['Duplicate keys deleted', String(result.duplicatesDeleted)]);
  if (api.http.retriesMade > 0) summary.facts.push(['Retried requests', String(api.http.retriesMade)]);
  summary.table = {
    head: ['Label', 'Key', 'Daily limit', 'Created (UTC)'],
    rows: result.created.map((k) => [k.label, shortenKey(k.key), String(dailyLimitFor(k) ?? '—'), k.createdAt.toISOString()]),
  };
  log.info(`Created ${created} of ${result.requested} key(s); CSV: ${csvPath ?? 'none (no key was created)'}`);
  for (const f of result.failures.slice(0, 5)) log.warning(`Not created: ${f.label}: ${f.error}`);
  if (result.failures.length > 5) log.warning(`… and ${result.failures.length - 5} more not created.`);
  const report = { outputs, summary, csvPath, result };
  const unresolved =
    result.unresolved.length > 0
      ? ` ${result.unresolved.length} of them may exist on the server without being in the CSV (${result.unresolved.slice(0, 3).join(', ')}${result.unresolved.length > 3 ? ', …' : ''}): check with the list command.`
      : '';
  if (result.cancelled) {
    return {
      ok: false,
      cancelled: cancellation?.reason ?? 'cancelled',
      failure: `Cancelled (${cancellation?.reason ?? 'cancelled'}): ${created} of ${result.requested} key(s) created${csvPath ? `, all in ${csvPath}` : ''}; ${failed} not created.${unresolved}`,
      ...report,
    };
  }
  if (earlierFailure) return { ok: false, failure: earlierFailure, ...report };
  if (created >= minSuccess && result.unresolved.length === 0) return { ok: true, ...report };
  const first = result.failures[0]?.error ?? 'unknown error';
  return {
    ok: false,
    failure: `${failed} of ${result.requested} key(s) were not created (first error: ${first}); ${csvPath ? `the ${created} created are in ${csvPath}` : 'no CSV was written, as no key was created'}.${unresolved}`,
    ...report,
  };
}
