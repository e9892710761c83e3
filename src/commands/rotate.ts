// rotate: deletes the keys created more than older-than-days ago whose label starts with
// label-prefix (or every label with all-labels), and with replace issues one new key per deleted
// key into the CSV. Creation times are absolute instants (v10's zone-less datetimes are read as
// UTC by its adapter), so the runner's time zone changes nothing.
//
// The list streams past page by page and only the keys to delete are kept; they are deleted once
// the list is complete, because deleting while paging by offset (v10) would shift later pages
// and skip keys.
import { forEachBounded } from '../bounded.js';
import { issueToCsv } from '../issue-keys.js';
import { KeyRequestRules } from '../key-requests.js';
import { batchLabels, batchStem } from '../labels.js';
import { shortenKey } from '../redact.js';
import { HttpStatusError } from '../quota-proxy/http.js';
import { isoSeconds } from '../quota-proxy/retry.js';
import { UnsupportedOperationError, type CreateKeyRequest, type TrialKey } from '../quota-proxy/types.js';
import type { CommandContext, RunReport } from './contract.js';
import { errorText, refuseWithoutDelete } from './delete.js';

const DAY_MS = 86_400_000;
/** Rows of the summary table (the job summary shows 200); the counts cover every key. */
const TABLE_ROWS = 200;
/** Per-key log lines before the log switches to counts. */
const LOGGED_KEYS = 20;

/** Requests after which every further DELETE would fail the same way. */
const isFatal = (error: unknown) => error instanceof UnsupportedOperationError || (error instanceof HttpStatusError && [401, 403, 405].includes(error.status));

/**
 * One replacement label per old key, in order: batch labels (of this version or earlier ones) keep
 * their stem and are numbered afresh with this invocation's suffix (`auto-20261126-001-r7a1` →
 * `auto-20261126-001-r9a1i<invocation>n<nonce>`); other labels are
 * kept, unless several due keys share one: then it is their stem, so every replacement has a label
 * of its own (what finds a key again after a create whose outcome was lost).
 */
export function replacementLabels(oldLabels: readonly string[], suffix: string): string[] {
  const seen = new Map<string, number>();
  for (const label of oldLabels) seen.set(label, (seen.get(label) ?? 0) + 1);
  const stems = oldLabels.map((label) => batchStem(label) ?? (seen.get(label)! > 1 ? label : undefined));
  const perStem = new Map<string, number>();
  for (const stem of stems) if (stem !== undefined) perStem.set(stem, (perStem.get(stem) ?? 0) + 1);
  const fresh = new Map([...perStem].map(([stem, n]) => [stem, batchLabels(stem, n, suffix)]));
  const used = new Map<string, number>();
  return oldLabels.map((label, i) => {
    const stem = stems[i];
    if (stem === undefined) return label;
    const n = used.get(stem) ?? 0;
    used.set(stem, n + 1);
    return fresh.get(stem)![n]!;
  });
}

export async function runRotate(ctx: CommandContext): Promise<RunReport> {
  const { options, api, log, outputs, summary, context } = ctx;
  const days = options.olderThanDays!;
  const cutoff = new Date(context.now.getTime() - days * DAY_MS);
  const prefix = options.labelPrefix;
  const selects = (label: string) => (prefix ? label.startsWith(prefix) : options.allLabels);
  Object.assign(outputs, { 'deleted-count': '0', 'created-count': '0' });
  summary.facts.push(['Older than', `${days} day(s): created before ${cutoff.toISOString()}`], ['Labels', prefix ? `starting with "${prefix}"` : 'all']);
  if (options.dryRun) summary.facts.push(['Dry run', 'yes: nothing was deleted or created']);

  // v1a cannot delete: refused as soon as the flavor is known (forced, or the first page).
  let checked = false;
  const refuseEarly = () => {
    if (checked || !api.known) return;
    checked = true;
    refuseWithoutDelete(api.known, 'rotate');
  };
  const due: TrialKey[] = [];
  let listed = 0;
  let undated = 0;
  try {
    refuseEarly();
    for await (const page of api.listKeys()) {
      refuseEarly();
      listed += page.length;
      for (const key of page) {
        if (!selects(key.label)) continue;
        // An epoch-0 time is a missing created_at, not a key from 1970: never deleted on a guess.
        if (key.createdAt.getTime() <= 0) undated += 1;
        else if (key.createdAt < cutoff) due.push(key);
      }
    }
    refuseEarly();
  } catch (error) {
    return { ok: false, failure: errorText(error), outputs, summary };
  }
  due.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  for (const key of due) log.secret(key.key, 'key');
  summary.facts.push(['Listed', String(listed)], ['Due', String(due.length)]);
  if (undated > 0) log.warning(`${undated} matching key(s) have no creation time and were left alone.`);
  log.info(`${due.length} of ${listed} key(s) are due (label ${prefix ? `starting with "${prefix}"` : 'any'}, created before ${cutoff.toISOString()}).`);

  const row = (key: TrialKey, result: string, replacement?: string) => [
    key.label,
    shortenKey(key.key),
    key.createdAt.toISOString(),
    result,
    ...(options.replace ? [replacement ?? ''] : []),
  ];
  const table = (rows: string[][]) => ({ head: ['Label', 'Key', 'Created (UTC)', 'Result', ...(options.replace ? ['Replacement'] : [])], rows });

  if (options.dryRun) {
    const planned = options.replace ? replacementLabels(due.map((k) => k.label), context.labelSuffix) : [];
    due.slice(0, LOGGED_KEYS).forEach((k) => log.info(`Would delete ${shortenKey(k.key)} (${k.label}, created ${k.createdAt.toISOString()}).`));
    if (due.length > LOGGED_KEYS) log.info(`… and ${due.length - LOGGED_KEYS} more would be deleted.`);
    summary.facts.push(['Would delete', String(due.length)]);
    summary.table = table(due.slice(0, TABLE_ROWS).map((k, i) => row(k, 'would delete', planned[i] && `would be ${planned[i]}`)));
    return { ok: true, outputs, summary };
  }

  // The admin rate limit (v10: 30 per 15 minutes) must cover each delete and its replacement: a key
  // deleted whose replacement then waits for the next window is a key lost. What does not fit now,
  // oldest first, stays due for a later run; on-rate-limit: fail changes nothing.
  const perKey = options.replace ? 2 : 1;
  const plan = api.http.rateLimit.plan(due.length * perKey);
  if (plan && !plan.fits && (options.onRateLimit === 'fail' || plan.waitMs > api.http.budget.left())) {
    const fit = options.onRateLimit === 'fail' ? 0 : Math.floor(Math.max(0, plan.available) / perKey);
    const at = isoSeconds(plan.resetAt);
    const message =
      `The server's admin rate limit leaves ${plan.available} request(s) until ${at} and ${due.length} due key(s) need ${due.length * perKey}` +
      `${options.replace ? ' (a delete and a replacement each)' : ''}`;
    if (fit === 0) {
      return { ok: false, failure: `${message}: nothing was deleted; run again after ${at}${options.onRateLimit === 'fail' ? '' : ' (or raise max-wait-seconds)'}.`, outputs, summary };
    }
    log.warning(`${message}: rotating the ${fit} oldest now; the other ${due.length - fit} stay due for a run after ${at}.`);
    summary.facts.push(['Left due (rate limit)', String(due.length - fit)]);
    due.splice(fit);
  }

  const deleted = new Array<boolean>(due.length).fill(false);
  const results = new Array<string>(due.length);
  let deletedCount = 0;
  let gone = 0;
  const failures: string[] = [];
  let stop: unknown;
  await forEachBounded(due, options.concurrency, async (key, i) => {
    if (stop !== undefined) {
      results[i] = 'not attempted';
      return;
    }
    try {
      if (await api.deleteKey(key.key)) {
        deleted[i] = true;
        deletedCount += 1;
        results[i] = 'deleted';
        if (deletedCount <= LOGGED_KEYS) log.info(`Deleted ${shortenKey(key.key)} (${key.label}, created ${key.createdAt.toISOString()}).`);
      } else {
        gone += 1;
        results[i] = 'already gone';
      }
    } catch (error) {
      failures.push(`${shortenKey(key.key)}: ${errorText(error)}`);
      results[i] = 'failed';
      if (isFatal(error)) stop ??= error;
    }
  });
  outputs['deleted-count'] = String(deletedCount);
  summary.facts.push(['Deleted', String(deletedCount)]);
  log.info(`Deleted ${deletedCount} of ${due.length} due key(s).`);
  if (gone > 0) log.warning(`${gone} due key(s) were already gone from the server (deleted meanwhile); they are not replaced.`);
  const notAttempted = results.filter((r) => r === 'not attempted').length;
  const deleteFailure =
    failures.length > 0
      ? `${failures.length + notAttempted} of ${due.length} due key(s) were not deleted (first error: ${failures[0]}); ${deletedCount} deleted.`
      : undefined;

  // Replacements: one per deleted key, same label stem, same limit (v1p/v1a daily limit, v10 total quota).
  const replacementOf = new Array<string>(due.length).fill('');
  let report: RunReport | undefined;
  if (options.replace && deletedCount > 0) {
    const rules = new KeyRequestRules({ ...ctx, now: context.now }, prefix, true);
    const forIndex = due.flatMap((_, i) => (deleted[i] ? [i] : []));
    const labels = replacementLabels(forIndex.map((i) => due[i]!.label), context.labelSuffix);
    const requests: CreateKeyRequest[] = forIndex.map((i, r) => rules.request(labels[r]!, due[i]!));
    rules.explain();
    const issued = await issueToCsv(ctx, requests, requests.length);
    // The label the server stored: a native batch (v01) gives a chunk's keys its first label.
    requests.forEach((request, r) => {
      const made = issued.result.assigned.get(request.label);
      replacementOf[forIndex[r]!] = made ? `${made.label} ${shortenKey(made.key)}` : `${request.label} (not created)`;
    });
    report = issued;
  }
  summary.table = table(due.slice(0, TABLE_ROWS).map((k, i) => row(k, results[i]!, replacementOf[i])));
  if (due.length > TABLE_ROWS) summary.facts.push(['Table', `the first ${TABLE_ROWS} of ${due.length} due keys`]);

  const failure = [deleteFailure, report && !report.ok ? report.failure : undefined].filter(Boolean).join(' ');
  return { ok: failure === '', ...(failure ? { failure } : {}), outputs, summary, ...(report?.csvPath ? { csvPath: report.csvPath } : {}) };
}
