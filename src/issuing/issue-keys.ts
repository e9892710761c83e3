// Issuing into the CSV: the keys come from KeyIssuer (./key-issuer.ts); this module streams them
// into the CSV, exports again what an earlier attempt of the run made, and turns the outcome into
// the command's outputs, summary and verdict. Steps, in the order issueToCsv takes them:
// csvSink, reuseEarlierAttempts, issueKeys, reportIssue, verdictOf.

import type { CommandContext, RunReport } from '../commands/contract.js';
import { CsvWriter, csvRow } from '../output/csv.js';
import type { CreateKeyRequest, TrialKey } from '../quota-proxy/types.js';
import { dailyLimitOf, limitOf, UNKNOWN_LIMIT } from '../reading/limits.js';
import { shortenKey } from '../shared/redact.js';
import { shellQuote } from '../shared/text.js';
import { surplusWarnings } from './batch-numbers.js';
import { type IssueResult, issueKeys, messageOf } from './key-issuer.js';
import { compareLabels } from './labels.js';
import { findEarlierAttempts, isRerunOfBatch } from './rerun.js';

export interface IssueOptions {
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
  /** The summary fact that counts the keys carried over (but for the adopted ones). */
  fact: string;
  /** A re-run: some earlier attempt ran this step twice at once, so its keys were not told apart. */
  collided?: boolean;
}

type IssueReport = RunReport & { result: IssueResult };

/** Issues `requests`, streams them into the CSV, and reports counts, outputs and the summary table. */
export async function issueToCsv(
  ctx: CommandContext,
  requests: CreateKeyRequest[],
  minSuccess = requests.length,
  how: IssueOptions = {},
): Promise<IssueReport> {
  const { options, api, log, cancellation, context } = ctx;
  // Opened by run() before the first request; a caller without it (tests) opens it here, still before any create.
  const csv = ctx.csv ?? new CsvWriter(options.output);
  const { sink, dailyLimitFor } = csvSink(ctx, csv);
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
  reportIssue(ctx, result, csvPath, dailyLimitFor, carried?.fact);
  const report = verdictOf(ctx, result, csvPath, minSuccess, carried?.failure, how.runAgain);
  // A re-run that exported every key of its earlier attempts: its CSV holds all of theirs.
  const covers = carried !== undefined && !how.carryOver && !carried.failure && !carried.collided;
  return covers ? { ...report, coversEarlierAttempts: true } : report;
}

/** The carried-over keys count as the batch's, first; what was held back or could not be checked, as failures. */
function carryInto(result: IssueResult, carried: CarriedOver, requests: CreateKeyRequest[]): void {
  result.created.unshift(...carried.keys);
  result.adopted += carried.adopted ?? 0;
  result.reexported = carried.keys.length - (carried.adopted ?? 0);
  result.failures.push(...(carried.held ?? []));
  if (carried.failure) result.failures = requests.map((r) => ({ label: r.label, error: carried.failure! }));
}

/** Step: where each key goes: one CSV row, its daily_limit as the flavor applies it (said once when server-wide). */
function csvSink(ctx: CommandContext, csv: CsvWriter) {
  const { options, api, log, server } = ctx;
  // The CSV's daily_limit: the key's own (v1p, v1a), the server-wide one (v1, v01), none for lifetime quotas (v10).
  const dailyLimitFor = (key: TrialKey) => {
    const capabilities = api.known?.capabilities;
    if (!capabilities) return undefined;
    return dailyLimitOf(
      limitOf({ ...key, dailyLimit: key.dailyLimit ?? options.limit }, capabilities, options.serverDailyLimit),
    );
  };
  let warnedGlobalLimit = false;
  const sink = (key: TrialKey) => {
    const capabilities = api.known?.capabilities;
    if (capabilities && !capabilities.perKeyDailyLimit && !capabilities.lifetimeQuota && !warnedGlobalLimit) {
      warnedGlobalLimit = true;
      log.warning(
        options.serverDailyLimit === undefined
          ? `The ${api.flavor} server has no per-key daily limit: it applies one server-wide limit to every ` +
              `key, its DAILY_REQ_LIMIT, which its admin API does not report; the CSV's daily_limit says ` +
              `${UNKNOWN_LIMIT} ` +
              `(set server-daily-limit to the server's DAILY_REQ_LIMIT to record it).`
          : `The ${api.flavor} server has no per-key daily limit: it applies its server-wide limit to every ` +
              `key; the CSV records server-daily-limit (${options.serverDailyLimit}).`,
      );
    }
    const batchCount = options.command === 'batch' ? options.count : undefined;
    csv.write(csvRow(key, { dailyLimit: dailyLimitFor(key), tier: options.tier, server, batchCount }));
  };
  return { sink, dailyLimitFor };
}

/**
 * Step, on a re-run: the keys an earlier attempt of this run made for `requests` go into the CSV
 * again; `rest` is what is left to create. When that cannot be checked, nothing is created (`failure`).
 */
async function reuseEarlierAttempts(ctx: CommandContext, requests: CreateKeyRequest[]): Promise<CarriedOver> {
  const { options, api, log, context } = ctx;
  const fact = 'Re-exported from an earlier attempt';
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
        `batch: ${messageOf(error)}. Re-run when the server answers, or set force: true to issue a new ` +
        `batch without checking.`,
    };
  }
}

/** Step: outputs, summary facts and table, and the log lines of what was created and what not. */
function reportIssue(
  ctx: CommandContext,
  result: IssueResult,
  csvPath: string | undefined,
  dailyLimitFor: (key: TrialKey) => number | string | undefined,
  carriedFact = 'Re-exported from an earlier attempt',
): void {
  const { api, log, outputs, summary } = ctx;
  const created = result.created.length;
  const failed = result.failures.length;
  Object.assign(outputs, {
    'csv-path': csvPath ?? '',
    'created-count': String(created),
    'failed-count': String(failed),
  });
  summary.facts.push(
    ['Requested', String(result.requested)],
    ['Created', String(created)],
    ['Failed', String(failed)],
    ['CSV', csvPath ?? 'none (no key was created)'],
  );
  if (result.reexported > 0) summary.facts.push([carriedFact, String(result.reexported)]);
  if (result.adopted > 0) summary.facts.push(['Found on the server after an unknown outcome', String(result.adopted)]);
  if (result.duplicatesDeleted > 0) summary.facts.push(['Duplicate keys deleted', String(result.duplicatesDeleted)]);
  if (result.repeatedKeys > 0) summary.facts.push(['Keys the server answered twice', String(result.repeatedKeys)]);
  if (api.retriesMade > 0) summary.facts.push(['Retried requests', String(api.retriesMade)]);
  summary.table = {
    rest: 'in the CSV',
    head: ['Label', 'Key', 'Daily limit', 'Created (UTC)'],
    rows: result.created.map((k) => [
      k.label,
      shortenKey(k.key),
      String(dailyLimitFor(k) ?? '—'),
      k.createdAt.toISOString(),
    ]),
  };
  // By label, as the batch numbers them (creates finish in any order).
  summary.table.rows.sort((a, b) => compareLabels(a[0]!, b[0]!));
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
  ctx: CommandContext,
  result: IssueResult,
  csvPath: string | undefined,
  minSuccess: number,
  earlierFailure: string | undefined,
  runAgain: string | undefined,
): IssueReport {
  const { outputs, summary, server, cancellation } = ctx;
  const created = result.created.length;
  const failed = result.failures.length;
  const report = { outputs, summary, csvPath, result };
  const unresolved =
    result.unresolved.length > 0
      ? ` Keys may exist on the server without being in the CSV under ${result.unresolved.length} label(s) (` +
        `${result.unresolved.slice(0, 3).join(', ')}${result.unresolved.length > 3 ? ', …' : ''}): look them up ` +
        `with \`quota-keys list --url ${server} --label-prefix ${shellQuote(result.unresolved[0]!)}\` (action: ` +
        `command: list, label-prefix: ${result.unresolved[0]}).`
      : '';
  if (result.cancelled) {
    return {
      ok: false,
      cancelled: cancellation?.reason ?? 'cancelled',
      failure:
        `Cancelled (${cancellation?.reason ?? 'cancelled'}): ${created} of ${result.requested} ` +
        `key(s) created${csvPath ? `, all in ${csvPath}` : ''}; ${failed} not created.${unresolved}`,
      ...report,
    };
  }
  if (earlierFailure) return { ok: false, failure: earlierFailure, ...report };
  if (created >= minSuccess && result.unresolved.length === 0) return { ok: true, ...report };
  const first = result.failures[0]?.error ?? 'unknown error';
  return {
    ok: false,
    failure:
      `${failed} of ${result.requested} key(s) were not created (first error: ${first}); ` +
      `${csvPath ? `the ${created} created are in ${csvPath}` : 'no CSV was written, as no key was created'}` +
      `.${unresolved}` +
      `${result.heldBackUntil && runAgain ? ` Run again after ${result.heldBackUntil}${runAgain}.` : ''}`,
    ...report,
  };
}
