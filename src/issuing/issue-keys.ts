// Creating many keys: bounded concurrency over one keep-alive pool, native batches where the
// flavor has them, every created key written to the CSV the moment it arrives. A create whose
// outcome is unknown is never simply repeated: the server's key list decides (./reconcile.ts).
// The first request goes alone: it tells the flavor (how many keys one request makes) and the
// admin rate limit, so a batch that cannot fit is announced before it is sent.
import { CancelledError, type Cancellation } from '../shared/cancel.js';
import { CsvWriter, csvRow } from '../output/csv.js';
import type { Logger } from '../shared/log.js';
import type { CommandContext, RunReport } from '../commands/contract.js';
import { dailyLimitOf, limitOf, UNKNOWN_LIMIT } from '../reading/limits.js';
import { shortenKey } from '../shared/redact.js';
import type { QuotaProxy } from '../quota-proxy/client.js';
import { HttpStatusError, RateLimitedError } from '../quota-proxy/errors.js';
import { isoSeconds } from '../quota-proxy/retry.js';
import { UnsupportedOperationError, type CreateKeyRequest, type TrialKey } from '../quota-proxy/types.js';
import { followsInBatch } from './labels.js';
import { isAmbiguousCreateFailure, keysCarrying, reconcileAmbiguousCreates, type BatchLedger, type CreateUnit } from './reconcile.js';
import { findEarlierAttempts, isRerunOfBatch } from './rerun.js';

export interface IssueServices {
  api: QuotaProxy;
  log: Logger;
  /** Receives each key for the CSV as soon as it is known (created, or found on the server). */
  sink: (key: TrialKey) => void;
  /** Once cancelled, no new request starts. */
  cancellation?: Cancellation;
  /**
   * Labels ending with `-<ownSuffix>` are this invocation's (./labels.ts): reconciliation may adopt,
   * create again or delete under them, and under no other label. Default: none is.
   */
  ownSuffix?: string;
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
  /** The key each request got, by the request's label (a native batch's keys carry their chunk's label). */
  assigned: Map<string, TrialKey>;
  /** Keys found on the server after their create failed with an unknown outcome. */
  adopted: number;
  /** Keys an earlier attempt of this run made, exported again. */
  reexported: number;
  /** Labels whose create had an unknown outcome that could not be checked (cancelled, listing failed, a label not ours). */
  unresolved: string[];
  /** Keys beyond those asked for under one of our labels (a create that went through after all) that were deleted. */
  duplicatesDeleted: number;
  /** Keys the server answered again for another create: counted once, and an error. */
  repeatedKeys: number;
  cancelled: boolean;
}

/** Errors after which further requests would fail the same way (bad token, missing route, rate limit…). */
function isFatal(error: unknown): boolean {
  if (error instanceof UnsupportedOperationError || error instanceof RateLimitedError) return true;
  return error instanceof HttpStatusError && [400, 401, 403, 404, 405].includes(error.status);
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A unit to send; `fresh` ones are sent for the first time, the others are created again after a listing. */
type Sendable = CreateUnit & { fresh: boolean };

export async function issueKeys(requests: CreateKeyRequest[], concurrency: number, services: IssueServices): Promise<IssueResult> {
  const { api, log, sink, cancellation } = services;
  const ownSuffix = services.ownSuffix;
  const isOwn = (label: string) => ownSuffix !== undefined && ownSuffix !== '' && label.endsWith(`-${ownSuffix}`);
  const attemptsPerLabel = (services.retries ?? 3) + 1;
  const result: IssueResult = {
    requested: requests.length,
    created: [],
    failures: [],
    assigned: new Map(),
    adopted: 0,
    reexported: 0,
    unresolved: [],
    duplicatesDeleted: 0,
    repeatedKeys: 0,
    cancelled: false,
  };
  const ledger: BatchLedger = { members: new Map(), inCsv: new Map(), csvKeys: new Set(), uncertain: new Map(), failed: new Map() };
  let stop: unknown;
  const cancelled = () => cancellation?.requested === true;
  const have = (label: string) => ledger.inCsv.get(label)?.length ?? 0;
  const asked = (label: string) => ledger.members.get(label)?.length ?? 0;

  /** Into the CSV under the label it was created under; false for a key the CSV already holds. */
  const accept = (key: TrialKey, label: string): boolean => {
    log.secret(key.key, 'key');
    if (ledger.csvKeys.has(key.key)) return false;
    ledger.csvKeys.add(key.key);
    ledger.inCsv.set(label, [...(ledger.inCsv.get(label) ?? []), key]);
    result.created.push(key);
    sink(key);
    return true;
  };

  /**
   * Requests into create units: on a flavor with native batches, consecutive numbers of one of our
   * batches share a request (up to its maximum) and that request's label, the first one's; all
   * else goes one key per request under its own label.
   */
  const formUnits = (queue: CreateKeyRequest[]): Sendable[] => {
    const max = api.known?.capabilities.maxKeysPerCreate ?? 1;
    const units: Sendable[] = [];
    for (const request of queue) {
      const last = units.at(-1);
      if (last && last.requests.length < max && ownSuffix && followsInBatch(last.requests.at(-1)!.label, request.label, ownSuffix)) last.requests.push(request);
      else units.push({ label: request.label, requests: [request], fresh: true });
    }
    return units;
  };

  const create = async (unit: Sendable) => {
    const { label, requests: chunk } = unit;
    if (unit.fresh) ledger.members.set(label, [...(ledger.members.get(label) ?? []), ...chunk]);
    try {
      const keys = await api.createKeys(chunk.map((request) => ({ ...request, label })));
      const repeated = keys.filter((key) => !accept(key, label)).length;
      if (repeated > 0) {
        // A broken (or hostile) server or proxy: one key answered for several creates is one key.
        result.repeatedKeys += repeated;
        const message = `the server answered ${repeated} key(s) it had already given for another create (a broken server or proxy in between): counted once`;
        log.warning(`Label ${label}: ${message}; no further key is created.`);
        ledger.failed.set(label, message);
        ledger.uncertain.delete(label);
        stop ??= new Error(message);
      } else if (keys.length < chunk.length) {
        // Asked n, answered fewer: the server may hold more than it said; the listing decides.
        ledger.uncertain.set(label, { label, error: `the server answered ${keys.length} key(s) for ${chunk.length} asked` });
      } else {
        ledger.uncertain.delete(label);
        ledger.failed.delete(label);
      }
    } catch (error) {
      const message = messageOf(error);
      if (error instanceof CancelledError) {
        if (!ledger.uncertain.has(label)) ledger.failed.set(label, 'not attempted: cancelled');
      } else if (isAmbiguousCreateFailure(error)) {
        ledger.uncertain.set(label, { label, error: message });
      } else {
        ledger.failed.set(label, message);
        if (isFatal(error)) stop ??= error;
      }
    }
  };

  const notAttempted = (queue: CreateKeyRequest[]) => {
    const why = cancelled() ? 'not attempted: cancelled' : stop !== undefined ? `not attempted after: ${messageOf(stop)}` : 'not attempted';
    for (const request of queue) if (!ledger.uncertain.has(request.label)) ledger.failed.set(request.label, why);
  };

  const createAll = async (units: Sendable[], width: number) => {
    let next = 0;
    const halted = () => stop !== undefined || cancelled();
    const worker = async () => {
      while (next < units.length && !halted()) await create(units[next++]!);
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(width, units.length)) }, worker));
    for (const unit of units.slice(next)) {
      if (unit.fresh) ledger.members.set(unit.label, [...(ledger.members.get(unit.label) ?? []), ...unit.requests]);
      notAttempted(unit.requests);
    }
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

  /** Lists the server's keys under our labels and settles every uncertain one of ours; undefined when the list could not be read. */
  const reconcile = async (allowRecreate: boolean): Promise<Sendable[] | undefined> => {
    const own = new Map([...ledger.uncertain].filter(([label]) => isOwn(label)));
    if (own.size > 0) {
      log.warning(`${own.size} create(s) failed with an unknown outcome (first: ${[...own.values()][0]!.error}); listing the server's keys to see which exist.`);
    }
    let onServer;
    try {
      onServer = await keysCarrying(api, new Set([...ledger.members.keys()].filter(isOwn)));
    } catch (error) {
      log.warning(`Could not list the server's keys to check: ${messageOf(error)}`);
      return undefined;
    }
    const outcome = reconcileAmbiguousCreates({ ...ledger, uncertain: own }, onServer, allowRecreate);
    let adopted = 0;
    for (const key of outcome.adopt) if (accept(key, key.label)) adopted += 1;
    result.adopted += adopted;
    for (const label of own.keys()) if (have(label) >= asked(label)) ledger.uncertain.delete(label);
    for (const unit of outcome.recreate) ledger.uncertain.delete(unit.label);
    for (const missing of outcome.missing) {
      ledger.uncertain.delete(missing.label);
      ledger.failed.set(missing.label, `not created in ${attemptsPerLabel} attempts (last: ${missing.error})`);
    }
    for (const extra of outcome.extras) await settleDuplicate(extra);
    if (own.size > 0) {
      const again = outcome.recreate.reduce((n, unit) => n + unit.requests.length, 0);
      log.info(`Of ${own.size} unknown outcome(s): ${adopted} key(s) were created after all (now in the CSV), ${again} to create again.`);
    }
    return outcome.recreate.map((unit) => ({ ...unit, fresh: false }));
  };

  /**
   * A key beyond those asked for under one of our labels: deleted where the flavor can, else kept in
   * the CSV so none is lost. It is never a key of the CSV (reconcileAmbiguousCreates leaves those
   * out), nor another invocation's (our labels carry our nonce).
   */
  const settleDuplicate = async (extra: TrialKey) => {
    log.secret(extra.key, 'key');
    if (ledger.csvKeys.has(extra.key) || !isOwn(extra.label)) return;
    if (api.known?.capabilities.delete && !cancelled()) {
      try {
        await api.deleteKey(extra.key);
        result.duplicatesDeleted += 1;
        log.warning(`Label ${extra.label} had a key too many, ${shortenKey(extra.key)} (a create that went through after all): deleted it.`);
        return;
      } catch (error) {
        log.warning(`Could not delete the key too many ${shortenKey(extra.key)} of label ${extra.label}: ${messageOf(error)}`);
      }
    }
    accept(extra, extra.label);
    log.warning(`Label ${extra.label} has a key too many, ${shortenKey(extra.key)}, on the server; it is in the CSV too.`);
  };

  let queue: CreateKeyRequest[] = [];
  if (requests.length > 0) {
    // Known before the first create when an admin request came first (a listing, a token check).
    const { announced, send } = announceRateLimit(requests);
    const sendable = requests.slice(0, send);
    // The first request goes alone: it tells the flavor (how many keys one request makes) and the
    // admin rate limit. With the flavor known (forced), it is a whole native batch.
    const [first] = formUnits(api.known ? sendable : sendable.slice(0, 1));
    if (first) await createAll([first], 1);
    queue = sendable.slice(first?.requests.length ?? 0);
    if (stop !== undefined || cancelled()) {
      notAttempted(queue);
      queue = [];
    } else if (!announced) queue = queue.slice(0, announceRateLimit(queue).send);
  }
  let again: Sendable[] = [];
  let rounds = 0;
  let listed = false;
  let canList = true;
  let createdSinceListing = true;
  const ownUncertain = () => [...ledger.uncertain.keys()].some(isOwn);
  for (;;) {
    if (ownUncertain() && canList && !cancelled()) {
      rounds += 1;
      const recreate = await reconcile(rounds < attemptsPerLabel);
      if (recreate) {
        listed = true;
        createdSinceListing = false;
        again = recreate;
      } else {
        // The uncertain ones stay unresolved (reported); the others are independent of them.
        canList = false;
      }
    }
    const units = [...again, ...formUnits(queue)];
    again = [];
    queue = [];
    if (units.length === 0 || stop !== undefined || cancelled()) {
      for (const unit of units) notAttempted(unit.requests);
      break;
    }
    await createAll(units, concurrency);
    createdSinceListing = true;
  }
  // A create that timed out may still commit after the list said it was missing; once labels were
  // created again, one more look finds such a key too many.
  if (listed && canList && createdSinceListing && !cancelled() && !ownUncertain()) await reconcile(false);

  // Each request gets the next key of its label, in order.
  const place = new Map<string, { label: string; index: number }>();
  for (const [label, members] of ledger.members) members.forEach((request, index) => place.set(request.label, { label, index }));
  for (const [label, uncertain] of ledger.uncertain) if (have(label) < asked(label)) result.unresolved.push(uncertain.label);
  for (const request of requests) {
    const at = place.get(request.label);
    const key = at ? ledger.inCsv.get(at.label)?.[at.index] : undefined;
    if (key) {
      result.assigned.set(request.label, key);
      continue;
    }
    const uncertain = at ? ledger.uncertain.get(at.label) : undefined;
    const error = uncertain
      ? `unknown whether the server created it (${uncertain.error})`
      : ((at && ledger.failed.get(at.label)) ?? ledger.failed.get(request.label) ?? 'not attempted');
    result.failures.push({ label: request.label, error });
  }
  result.cancelled = cancelled();
  return result;
}

export interface IssueOptions {
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
  const shellQuote = (text: string) => (/^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`);
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
        if (earlier.collided.length > 0) {
          log.warning(
            `Attempt${earlier.collided.length > 1 ? 's' : ''} ${earlier.collided.join(', ')} of run ${context.runId} ran this step more than once at the same time (matrix legs or parallel jobs with the same step): ` +
              `which of those keys were this invocation's cannot be told, so none of them is exported again or touched. Set invocation-id to something that differs per leg (e.g. the strategy.job-index or the matrix values) so that re-runs find their own keys.`,
          );
        }
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
    result = await issueKeys(toCreate, options.concurrency, { api, log, sink, cancellation, ownSuffix: context.labelSuffix, retries: options.retries, onRateLimit: options.onRateLimit });
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
  if (result.repeatedKeys > 0) summary.facts.push(['Keys the server answered twice', String(result.repeatedKeys)]);
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
      ? ` Keys may exist on the server without being in the CSV under ${result.unresolved.length} label(s) (${result.unresolved.slice(0, 3).join(', ')}${result.unresolved.length > 3 ? ', …' : ''}): look them up with \`quota-keys list --url ${server} --label-prefix ${shellQuote(result.unresolved[0]!)}\` (action: command: list, label-prefix: ${result.unresolved[0]}).`
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
