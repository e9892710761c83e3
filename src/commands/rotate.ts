// rotate: deletes the keys created more than older-than-days ago whose label starts with
// label-prefix (or every label with all-labels) — with idle-days, only those without a request in
// the last N server days (and created before them); with replace it first issues one new key per due
// key into the CSV, and deletes an old key only once its replacement exists. Creation times are absolute instants
// (v10's zone-less datetimes are read as
// UTC by its adapter), so the runner's time zone changes nothing.
//
// The list streams past page by page and only the keys to delete are kept; they are deleted once
// the list is complete, because deleting while paging by offset (v10) would shift later pages
// and skip keys.

import { batchLabels, batchStem } from '../config/labels.js';
import { issueToCsv } from '../issuing/issue-keys.js';
import { KeyRequestRules } from '../issuing/key-requests.js';
import { fitRateLimit, type RateLimitFit, rateLimitRoom } from '../issuing/rotation-rate-limit.js';
import { isFatal } from '../quota-proxy/errors.js';
import type { CreateKeyRequest, TrialKey } from '../quota-proxy/types.js';
import { refuseWithoutDelete } from '../reading/resolve-keys.js';
import { idleKeys } from '../reading/usage-trends.js';
import type { Report } from '../report/report.js';
import { outcomeTable } from '../report/tables.js';
import { forEachBounded } from '../shared/bounded.js';
import { errorMessage } from '../shared/errors.js';
import { shortenKey } from '../shared/redact.js';
import type { CommandContext } from './contract.js';

const DAY_MS = 86_400_000;

/**
 * A due key as rotate keeps it until the list is complete: what it reads of the key and no more, its
 * creation as a number, not the listed key with a Date and every field of the listing (100,000 of them).
 */
interface DueKey {
  key: string;
  label: string;
  createdMs: number;
  /** The limits a replacement copies. */
  dailyLimit?: number;
  totalQuota?: number;
}

const dueKey = (k: TrialKey): DueKey => ({
  key: k.key,
  label: k.label,
  createdMs: k.createdAt.getTime(),
  dailyLimit: k.dailyLimit,
  totalQuota: k.totalQuota,
});
const createdText = (k: DueKey) => new Date(k.createdMs).toISOString();

/** Per-key log lines before the log switches to counts. */
const LOGGED_KEYS = 20;

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

/** Steps, in order: listDue, dryRunReport (dry-run), fitRateLimit, replace (with replace), deleteDue, verdict. */
export async function runRotate(ctx: CommandContext) {
  const { options, report, context } = ctx;
  // An idle key must have existed for the idle days: a key made yesterday was not idle for a week.
  const days = Math.max(options.olderThanDays ?? 0, options.idleDays ?? 0);
  const cutoff = new Date(context.now.getTime() - days * DAY_MS);
  const prefix = options.labelPrefix;
  Object.assign(report.outputs, { 'deleted-count': '0', 'created-count': '0' });
  report.facts
    .set('older_than', `${days} day(s): created before ${cutoff.toISOString()}`)
    .set('labels', prefix ? `starting with "${prefix}"` : 'all')
    .set('dry_run', options.dryRun ? 'yes: nothing was deleted or created' : undefined);

  const listed = await listDue(ctx, cutoff);
  if (!Array.isArray(listed)) return listed;
  const due = options.idleDays ? await onlyIdle(ctx, listed, options.idleDays) : listed;
  if (!Array.isArray(due)) return due;
  if (options.dryRun) return dryRunReport(ctx, due);
  const fit = fitRateLimit(ctx, due);
  if ('failure' in fit) return report.fail(fit.failure);
  report.facts.set('left_due', fit.leftDue || undefined);
  // With replace, the replacements come first, and an old key is deleted only once its replacement
  // is in the CSV: a rate limit or a failed create leaves users with their old key, never with none.
  const replacements = options.replace && due.length > 0 ? await replace(ctx, due) : undefined;
  const replaced = replacements?.replaced ?? new Array<boolean>(due.length).fill(!options.replace);
  const deletion = await deleteDue(ctx, due, replaced);
  return verdict(ctx, due, deletion, replacements, fit);
}

/**
 * Step: the keys due, oldest first. The list streams past page by page and only the due keys are
 * kept. v1a cannot delete: refused as soon as the flavor is known (forced, or the first page).
 */
async function listDue(ctx: CommandContext, cutoff: Date): Promise<DueKey[] | Report> {
  const { options, api, log, report } = ctx;
  const prefix = options.labelPrefix;
  const selects = (label: string) => (prefix ? label.startsWith(prefix) : options.allLabels);
  let checked = false;
  const refuseEarly = () => {
    if (checked || !api.known) return;
    checked = true;
    refuseWithoutDelete(api.known, 'rotate');
  };
  const due: DueKey[] = [];
  let listed = 0;
  let undated = 0;
  try {
    refuseEarly();
    ctx.progress.start(0, 'keys listed');
    for await (const page of api.listKeys()) {
      refuseEarly();
      listed += page.length;
      ctx.progress.tick(page.length);
      for (const key of page) {
        if (!selects(key.label)) continue;
        // An epoch-0 time is a missing created_at, not a key from 1970: never deleted on a guess.
        if (key.createdAt.getTime() <= 0) undated += 1;
        else if (key.createdAt < cutoff) due.push(dueKey(key));
      }
    }
    refuseEarly();
  } catch (error) {
    return report.fail(errorMessage(error));
  } finally {
    ctx.progress.done();
  }
  due.sort((a, b) => a.createdMs - b.createdMs);
  for (const key of due) log.secret(key.key, 'key');
  report.facts.set('listed', listed).set('due', due.length);
  if (undated > 0) log.warning(`${undated} matching key(s) have no creation time and were left alone.`);
  log.info(
    `${due.length} of ${listed} key(s) are due (label ${prefix ? `starting with "${prefix}"` : 'any'}, ` +
      `created before ${cutoff.toISOString()}).`,
  );
  return due;
}

/** Step (idle-days): only the due keys without a request in the last N server days. */
async function onlyIdle(ctx: CommandContext, due: DueKey[], days: number): Promise<DueKey[] | Report> {
  const { log, report } = ctx;
  let idle: DueKey[];
  try {
    idle = await idleKeys(ctx, due, days);
  } catch (error) {
    return report.fail(errorMessage(error));
  }
  report.facts.set(
    'idle',
    `${idle.length} of ${due.length} due key(s) had no request in the last ${days} server day(s)`,
  );
  log.info(
    `${idle.length} of ${due.length} due key(s) are idle (no request in the last ${days} server day(s)); ` +
      'only those go.',
  );
  return idle;
}

/**
 * The due keys, oldest first, each with what became of it (and its replacement, with replace); they
 * wait for a slow reader of a channel (stdout a pipe) instead of piling up in memory.
 */
async function emitRows(
  ctx: CommandContext,
  due: DueKey[],
  result: (i: number) => string,
  replacement: (i: number) => string,
) {
  const row = ctx.report.open(outcomeTable({ created: true, replacement: ctx.options.replace, inOrder: true }));
  for (const [i, key] of due.entries()) {
    await ctx.report.pace(i);
    row({
      label: key.label,
      key: shortenKey(key.key),
      createdAt: new Date(key.createdMs),
      result: result(i),
      replacement: replacement(i),
    });
  }
}

/**
 * Step (dry-run): what would be deleted, and the replacement labels that would be created; of the
 * due keys, only as many as the real run would rotate under the admin rate limit (rateLimitRoom).
 */
async function dryRunReport(ctx: CommandContext, due: DueKey[]) {
  const { options, log, report, context } = ctx;
  const room = rateLimitRoom(ctx, due.length);
  const go = Math.min(due.length, room?.fit ?? due.length);
  const planned = options.replace
    ? replacementLabels(
        due.map((k) => k.label),
        context.labelSuffix,
      )
    : [];
  for (const k of due.slice(0, Math.min(go, LOGGED_KEYS)))
    log.info(`Would delete ${shortenKey(k.key)} (${k.label}, created ${createdText(k)}).`);
  if (go > LOGGED_KEYS) log.info(`… and ${go - LOGGED_KEYS} more would be deleted.`);
  report.facts.set('would_delete', go);
  if (room && go < due.length) {
    report.facts.set('would_stay_due', due.length - go);
    log.warning(
      `Dry run: ${room.message}: the run would rotate the ${go} oldest now; the other ${due.length - go} would ` +
        `stay due (${room.why}): run again after ${room.at}.`,
    );
  }
  await emitRows(
    ctx,
    due,
    (i) => (i < go ? 'would delete' : 'would stay due (rate limit)'),
    (i) => (i < go && planned[i] ? `would be ${planned[i]}` : ''),
  );
  return report;
}

interface Replacements {
  /** Whether due key i has its replacement in the CSV. */
  replaced: boolean[];
  /** What the table shows as due key i's replacement. */
  replacementOf: string[];
  /** The replacements' verdict and CSV. */
  issued: { ok: boolean; failure?: string; csvPath?: string };
}

/** Step (replace): one new key per due key, into the CSV, before any is deleted. */
async function replace(ctx: CommandContext, due: DueKey[]): Promise<Replacements> {
  const { options, context } = ctx;
  const rules = new KeyRequestRules({ ...ctx, now: context.now }, options.labelPrefix, true);
  const labels = replacementLabels(
    due.map((k) => k.label),
    context.labelSuffix,
  );
  const requests: CreateKeyRequest[] = due.map((key, i) => rules.request(labels[i]!, key));
  rules.explain();
  const issued = await issueToCsv(ctx, requests, requests.length, { table: false });
  // The label the server stored: a native batch (v01) gives a chunk's keys its first label.
  const replaced = new Array<boolean>(due.length).fill(false);
  const replacementOf = new Array<string>(due.length).fill('');
  requests.forEach((request, i) => {
    const made = issued.result.assigned.get(request.label);
    replaced[i] = made !== undefined;
    replacementOf[i] = made ? `${made.label} ${shortenKey(made.key)}` : `${request.label} (not created)`;
  });
  return { replaced, replacementOf, issued };
}

interface Deletion {
  /** The table's result for each due key. */
  results: string[];
  deleted: number;
  gone: number;
  attempted: number;
  failures: string[];
}

/** Step: deletes the due keys that may go (replaced, or all without replace), until a fatal error. */
async function deleteDue(ctx: CommandContext, due: DueKey[], replaced: boolean[]): Promise<Deletion> {
  const { options, api, log } = ctx;
  const results: string[] = due.map((_, i) => (replaced[i] ? 'not attempted' : 'kept: replacement not created'));
  const outcome: Deletion = { results, deleted: 0, gone: 0, attempted: 0, failures: [] };
  let stop: unknown;
  // Indexes, not an object a key: 100,000 of them.
  const toDelete: number[] = [];
  for (const [i, may] of replaced.entries()) if (may) toDelete.push(i);
  outcome.attempted = toDelete.length;
  ctx.progress.start(toDelete.length, 'keys deleted');
  await forEachBounded(toDelete, options.concurrency, async (i) => {
    const key = due[i]!;
    if (stop !== undefined || ctx.cancellation?.requested) return;
    let reason: string | undefined;
    try {
      if (await api.deleteKey(key.key)) {
        outcome.deleted += 1;
        results[i] = 'deleted';
        if (outcome.deleted <= LOGGED_KEYS)
          log.info(`Deleted ${shortenKey(key.key)} (${key.label}, created ${createdText(key)}).`);
      } else {
        outcome.gone += 1;
        results[i] = 'already gone';
      }
    } catch (error) {
      reason = errorMessage(error);
      outcome.failures.push(`${shortenKey(key.key)}: ${reason}`);
      results[i] = 'failed';
      if (isFatal(error)) stop ??= error;
    }
    ctx.progress.tick();
    ctx.audit?.({
      label: key.label,
      key: key.key,
      outcome: results[i] as 'deleted' | 'already gone' | 'failed',
      reason,
    });
  });
  ctx.progress.done();
  return outcome;
}

/** Step: outputs, facts, the table, and one failure that names each part that did not happen. */
async function verdict(
  ctx: CommandContext,
  due: DueKey[],
  deletion: Deletion,
  replacements: Replacements | undefined,
  fit: RateLimitFit,
) {
  const { options, log, report } = ctx;
  const { results, deleted, gone, failures } = deletion;
  report.outputs['deleted-count'] = String(deleted);
  report.facts.set('deleted', deleted);
  log.info(`Deleted ${deleted} of ${due.length} due key(s).`);
  if (gone > 0) {
    log.warning(
      `${gone} due key(s) were already gone from the server (deleted meanwhile)` +
        `${options.replace ? '; their replacements were made and are in the CSV' : ''}.`,
    );
  }
  const kept = results.filter((r) => r === 'kept: replacement not created').length;
  const notDeleted = results.filter((r) => r === 'failed' || r === 'not attempted').length;
  const deleteFailure =
    notDeleted > 0
      ? `${notDeleted} of ${deletion.attempted} key(s) to delete were not deleted (first error: ` +
        `${failures[0] ?? 'not attempted'}); ${deleted} deleted` +
        `${
          options.replace
            ? '; their replacements are in the CSV and both stay valid: delete the old ones ' +
              'by the shortened key the summary table shows (delete --name)'
            : ''
        }.`
      : undefined;
  const keptNote = kept > 0 ? `${kept} due key(s) were kept because their replacement was not created.` : undefined;
  const replacementOf = replacements?.replacementOf ?? [];
  await emitRows(
    ctx,
    due,
    (i) => results[i]!,
    (i) => replacementOf[i] ?? '',
  );
  const issued = replacements?.issued;
  const leftFailure = fit.leftDue > 0 && options.onRateLimit === 'fail' ? fit.note : undefined;
  const failure = [issued && !issued.ok ? issued.failure : undefined, keptNote, deleteFailure, leftFailure]
    .filter(Boolean)
    .join(' ');
  return failure ? report.fail(failure) : report;
}
