// reset: clears the usage of the key given, or of the key(s) `name` resolves to. What a reset is
// depends on the flavor, which the key list tells before anything is sent:
//   v1   that key's usage row for `day` (404 when there is none: "nothing to reset", not a failure)
//   v01  the same, through the query string
//   v10  the key's lifetime used quota (v10 counts no days)
//   v1p  only every key's usage for a day: refused unless reset-all-keys-for-day is set
//   v1a  no reset endpoint: refused

import { localDay } from '../config/values.js';
import type { DayChoice, QuotaProxy } from '../quota-proxy/client.js';
import type { FlavorAdapter } from '../quota-proxy/types.js';
import { Refusal, resolveKeys } from '../reading/resolve-keys.js';
import { dayReason } from '../reading/usage-report.js';
import { outcomeTable } from '../report/tables.js';
import { forEachBounded } from '../shared/bounded.js';
import { errorMessage } from '../shared/errors.js';
import { shortenKey } from '../shared/redact.js';
import { HttpStatusError } from '../transport/errors.js';
import type { CommandContext } from './contract.js';

type Resolution = Awaited<ReturnType<typeof resolveKeys>>;
type NoteDay = (said: string | undefined) => void;

/** Steps, in order: resolveKeys (refused by refusal), chooseDay, then resetDayWide or resetEach. */
export async function runReset(ctx: CommandContext) {
  const { options, api, log, report } = ctx;
  if (options.key) log.secret(options.key, 'key');
  let resolution: Resolution;
  try {
    resolution = await resolveKeys(
      api,
      { key: options.key, name: options.nameGiven, allMatching: options.allMatching },
      { operation: 'reset', onFlavor: refusal(ctx) },
    );
  } catch (error) {
    return report.fail(errorMessage(error));
  }
  const adapter = api.known!;
  for (const key of resolution.keys) log.secret(key.key, 'key');
  report.facts.set('resolved_by', resolution.by);
  const missing = await keyGivenButMissing(ctx, adapter, resolution);
  if (missing) return report.fail(missing);

  let choice: DayChoice | undefined;
  try {
    choice = await chooseDay(ctx, adapter);
  } catch (error) {
    return report.fail(
      `Could not learn the server's day (${errorMessage(error)}); nothing was reset. Set day to the day to reset.`,
    );
  }
  const noteDay = dayNoter(ctx, adapter, choice);
  if (options.dryRun) return wouldReset(ctx, adapter, resolution, choice?.day, noteDay);
  if (adapter.capabilities.reset === 'day-wide') return resetDayWide(ctx, adapter, resolution, choice?.day, noteDay);
  return resetEach(ctx, adapter, resolution, choice?.day, noteDay);
}

/**
 * Step: a key given as such was not looked up. Servers that count days answer a reset of a key they
 * do not have as one with no usage (v1: 404) or not at all: the list tells, and that is a failure.
 */
async function keyGivenButMissing(
  ctx: CommandContext,
  adapter: FlavorAdapter,
  resolution: Resolution,
): Promise<string | undefined> {
  const { options, api } = ctx;
  // v10 answers a reset of a key it lacks with 404; a dry run sends none, so it looks the key up too.
  const lifetime = adapter.capabilities.lifetimeQuota === true;
  if (resolution.by !== 'key' || (lifetime && !options.dryRun)) return undefined;
  try {
    if (!(await listHas(api, options.key)))
      return `The server has no key ${shortenKey(options.key)}; nothing was reset.`;
  } catch (error) {
    return `Could not check that the server has the key (${errorMessage(error)}); nothing was reset.`;
  }
  return undefined;
}

/** Step: refuses, once the flavor is known and before anything is sent, a reset the flavor cannot do as asked. */
function refusal(ctx: CommandContext): (adapter: FlavorAdapter) => void {
  const { options } = ctx;
  // Without day: the server's own today (servers count days in their time zone, not the runner's).
  const dayText = options.day ?? "the server's today";
  return (adapter) => {
    if (adapter.capabilities.reset === 'none') {
      throw new Refusal(
        `The ${adapter.flavor} quota-proxy flavor has no reset endpoint: reset refused, nothing was changed.`,
      );
    }
    if (adapter.capabilities.reset === 'day-wide' && !options.resetAllKeysForDay) {
      throw new Refusal(
        `The ${adapter.flavor} quota-proxy flavor can only reset every key's usage for a day, not one ` +
          `key's: reset refused, nothing was sent; set reset-all-keys-for-day: true (--reset-all-keys-for-day) to ` +
          `wipe all keys' usage for ${dayText}.`,
      );
    }
  };
}

/**
 * Step: the day to send: given; or none where the server resets its own today and names it (v01,
 * v1p); or learned from the server first where a reset needs one (v1). v10 counts no days.
 */
async function chooseDay(ctx: CommandContext, adapter: FlavorAdapter): Promise<DayChoice | undefined> {
  const { options, api } = ctx;
  if (options.day) return { by: 'given', day: options.day };
  if (adapter.capabilities.serverDay && !adapter.capabilities.resetDefaultsToServerDay)
    return api.serverDay(localDay(ctx.context.now));
  return undefined;
}

/** Says once, in the summary and the log, which day was reset and why that day. */
function dayNoter(ctx: CommandContext, adapter: FlavorAdapter, choice: DayChoice | undefined): NoteDay {
  const { log, report } = ctx;
  return (said) => {
    if (!adapter.capabilities.serverDay || report.facts.has('day')) return;
    const shown = said ?? choice?.day;
    if (!shown) return;
    const why = choice && choice.by !== 'none' ? dayReason(choice) : "the server's today, as its reset answer names it";
    report.facts.set('day', shown).set('day_chosen', why);
    log.info(`Day ${shown}: ${why}.`);
  };
}

/** Step (dry-run): the keys resolved and the day, each `would reset`; no reset request is sent. */
function wouldReset(
  ctx: CommandContext,
  adapter: FlavorAdapter,
  resolution: Resolution,
  day: string | undefined,
  noteDay: NoteDay,
) {
  const { log, report } = ctx;
  if (day) noteDay(day);
  const which = day ?? "the server's today";
  const what =
    adapter.capabilities.reset === 'day-wide'
      ? `every key's usage for ${which} (${adapter.flavor} has no per-key reset)`
      : adapter.capabilities.lifetimeQuota === true
        ? 'used quota (lifetime)'
        : `usage of ${which}`;
  report.facts
    .set('dry_run', 'yes: nothing was reset (no reset request was sent)')
    .set('would_reset', what)
    .set('keys', resolution.keys.length);
  const row = report.open(outcomeTable({ created: false, replacement: false }));
  for (const k of resolution.keys) row({ label: k.label ?? '', key: shortenKey(k.key), result: 'would reset' });
  log.info(`Dry run: would reset ${what} of ${resolution.keys.length} key(s).`);
  return report;
}

/** Step (v1p): one request wipes the day for everybody; the resolved key only proved the target exists. */
async function resetDayWide(
  ctx: CommandContext,
  adapter: FlavorAdapter,
  resolution: Resolution,
  day: string | undefined,
  noteDay: NoteDay,
) {
  const { api, log, report } = ctx;
  let said: string | undefined;
  try {
    said = await api.resetUsage(resolution.keys[0]!.key, day);
  } catch (error) {
    ctx.audit?.({
      outcome: 'failed',
      reason: `every key's usage for ${day ?? "the server's today"}: ${errorMessage(error)}`,
    });
    return report.fail(`Reset failed: ${errorMessage(error)}`);
  }
  ctx.audit?.({ outcome: 'reset', reason: `every key's usage for ${said ?? day ?? "the server's today"}` });
  noteDay(said);
  const resetDay = said ?? day ?? "the server's today";
  log.warning(
    `The ${adapter.flavor} server reset every key's usage for ${resetDay} (reset-all-keys-for-day), not ` +
      `only ${resolution.keys.map((k) => shortenKey(k.key)).join(', ')}.`,
  );
  report.facts.set('reset', `every key's usage for ${resetDay} (${adapter.flavor} has no per-key reset)`);
  return report;
}

/**
 * Step: each resolved key's usage (or v10's lifetime used quota), concurrently; a 404 is "nothing to reset" or "not
 * found".
 */
async function resetEach(
  ctx: CommandContext,
  adapter: FlavorAdapter,
  resolution: Resolution,
  day: string | undefined,
  noteDay: NoteDay,
) {
  const { options, api, log, report } = ctx;
  const lifetime = adapter.capabilities.lifetimeQuota === true;
  if (day) noteDay(day);
  report.facts.set(
    'reset',
    lifetime
      ? `used quota (lifetime; ${adapter.flavor} counts no days, day is ignored)`
      : `usage of ${day ?? "the server's today"}`,
  );
  let reset = 0;
  let nothing = 0;
  const missing: string[] = [];
  const failures: string[] = [];
  const row = report.open(outcomeTable({ created: false, replacement: false }));
  await forEachBounded(resolution.keys, options.concurrency, async (key) => {
    const short = shortenKey(key.key);
    let result: 'reset' | 'not found' | 'nothing to reset' | 'failed';
    let reason: string | undefined;
    try {
      const said = await api.resetUsage(key.key, day);
      reason = lifetime ? 'used quota' : `usage of ${said ?? day ?? "the server's today"}`;
      noteDay(said);
      reset += 1;
      result = 'reset';
      log.info(
        `Reset ${short}${key.label ? ` (${key.label})` : ''}: ` +
          `${lifetime ? 'used quota' : `usage of ${said ?? day ?? "the server's today"}`}.`,
      );
    } catch (error) {
      if (error instanceof HttpStatusError && error.status === 404 && lifetime) {
        missing.push(short);
        result = 'not found';
      } else if (error instanceof HttpStatusError && error.status === 404) {
        // v1 answers 404 when the key has no usage row for the day: already at zero.
        nothing += 1;
        result = 'nothing to reset';
        log.info(
          `Nothing to reset: ${short} has no usage recorded on ${day}` +
            `${resolution.by === 'key' ? ' (or is not a key of this server)' : ''}.`,
        );
      } else {
        reason = errorMessage(error);
        failures.push(`${short}: ${reason}`);
        result = 'failed';
      }
    }
    ctx.audit?.({ label: key.label, key: key.key, outcome: result, reason });
    row({ label: key.label ?? '', key: short, result });
  });
  report.facts.set('keys_reset', reset).set('nothing_to_reset', nothing || undefined);
  if (failures.length > 0)
    return report.fail(
      `${failures.length} of ${resolution.keys.length} reset(s) failed (first: ${failures[0]}); ${reset} reset.`,
    );
  if (missing.length > 0)
    return report.fail(
      `The server has no key ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''}; ${reset} reset.`,
    );
  return report;
}

/** Whether the server's key list holds `key`. */
async function listHas(api: QuotaProxy, key: string): Promise<boolean> {
  for await (const page of api.listKeys()) if (page.some((k) => k.key === key)) return true;
  return false;
}
