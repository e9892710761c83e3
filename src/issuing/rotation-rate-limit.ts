// rotate under the admin rate limit (v10: 30 requests per 15 minutes): how many due keys go now,
// for the run (fitRateLimit cuts `due` to those) and for its dry run (rateLimitRoom), alike.

import type { Options } from '../config/options.js';
import type { QuotaProxy } from '../quota-proxy/client.js';
import type { Logger } from '../shared/log.js';
import { isoSeconds, waitText } from '../transport/retry.js';

/** What the rotation's rate-limit plan needs of the run (a command's context satisfies it). */
export interface RotationContext {
  options: Pick<Options, 'replace' | 'onRateLimit'>;
  api: QuotaProxy;
  log: Logger;
}

export interface RateLimitFit {
  /** Due keys left for a later run because the rate limit has no room for them. */
  leftDue: number;
  note?: string;
}

/** How many due keys the admin rate limit lets go, and why not more. */
interface RateLimitRoom {
  fit: number;
  message: string;
  why: string;
  /** When the window resets (ISO, seconds). */
  at: string;
}

/**
 * The admin rate limit (v10: 30 per 15 minutes) against `dueCount` keys: a due key costs a DELETE,
 * and a create with replace. What fits is the window's room now, plus one whole window when
 * on-rate-limit is wait and max-wait-seconds covers the wait for it (further windows are not counted
 * on). Undefined when every key fits (or no limit is known). The dry run counts with it too.
 */
export function rateLimitRoom(ctx: RotationContext, dueCount: number): RateLimitRoom | undefined {
  const { options, api } = ctx;
  const perKey = options.replace ? 2 : 1;
  const plan = api.rateLimitPlan(dueCount * perKey);
  if (!plan || plan.fits) return undefined;
  const at = isoSeconds(plan.resetAt);
  const canWait = options.onRateLimit !== 'fail' && plan.waitMs <= api.waitBudgetLeft();
  const room = plan.available + (canWait && plan.limit ? plan.limit : 0);
  const fit = Math.min(dueCount, Math.floor(Math.max(0, room) / perKey));
  const message =
    `The server's admin rate limit leaves ${plan.available} request(s) until ${at}` +
    `${plan.limit ? ` (${plan.limit} per window)` : ''} and ${dueCount} due key(s) need ${dueCount * perKey}` +
    `${options.replace ? ' (a replacement and a delete each)' : ''}`;
  const why =
    options.onRateLimit === 'fail'
      ? 'on-rate-limit is fail'
      : canWait
        ? 'max-wait-seconds covers the wait for one more window, not more'
        : `waiting ${waitText(plan.waitMs)} is more than max-wait-seconds leaves (` +
          `${Math.floor(api.waitBudgetLeft() / 1000)} s)`;
  return { fit, message, why, at };
}

/**
 * Step: only as many due keys as certainly fit the admin rate limit are rotated, oldest first (`due`
 * is cut to those); the rest stay due for a later run.
 */
export function fitRateLimit(ctx: RotationContext, due: unknown[]): RateLimitFit | { failure: string } {
  const { log } = ctx;
  const room = rateLimitRoom(ctx, due.length);
  if (!room) return { leftDue: 0 };
  const { fit, message, why, at } = room;
  if (fit >= due.length) {
    log.warning(`${message}: waiting for the next window as on-rate-limit is wait (within max-wait-seconds).`);
    return { leftDue: 0 };
  }
  if (fit === 0) return { failure: `${message}: nothing was replaced or deleted (${why}); run again after ${at}.` };
  const leftDue = due.length - fit;
  const note =
    `${message}: rotating the ${fit} oldest now; the other ${leftDue} stay due (${why}): run ` + `again after ${at}.`;
  log.warning(note);
  due.splice(fit);
  return { leftDue, note };
}
