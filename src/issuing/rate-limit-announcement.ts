// Before a batch is sent: does it fit the admin rate limit's window (v10: 30 requests per 15
// minutes)? If not, the log says so up front — how many fit now, when the rest can, and how to make
// them later — and on-rate-limit with max-wait-seconds decide whether the rest waits or is held back.
import type { QuotaProxy } from '../quota-proxy/client.js';
import type { Logger } from '../shared/log.js';
import { isoSeconds, retryAdvice, waitText } from '../transport/retry.js';

export interface RateLimitAnnouncement {
  /** False when the window is not known yet (no /admin answer stated it). */
  announced: boolean;
  /** How many keys of the queue to send. */
  send: number;
  /** When the rest is held back: why (each held-back request's error), and when the window ends. */
  heldBack?: { refusal: string; until: string };
}

/**
 * Says whether `keys` keys fit the window; all are sent when the rest may wait for the next windows,
 * else only what fits now. What is sent is paced by the HTTP client, which sends no request the
 * window has no room for. `runAgain` follows "run again after <time>" (` with \`quota-keys …\``).
 */
export function announceRateLimit(
  api: QuotaProxy,
  log: Logger,
  keys: number,
  { onRateLimit, runAgain = '' }: { onRateLimit?: 'wait' | 'fail'; runAgain?: string },
): RateLimitAnnouncement {
  const perRequest = api.known?.capabilities.maxKeysPerCreate ?? 1;
  const needed = Math.ceil(keys / perRequest);
  const plan = api.rateLimitPlan(needed);
  if (!plan) return { announced: false, send: keys };
  if (plan.fits) return { announced: true, send: keys };
  const fit = Math.min(keys, plan.available * perRequest);
  const at = isoSeconds(plan.resetAt);
  const windows = plan.limit ? Math.ceil((needed - plan.available) / plan.limit) : 1;
  const message =
    `The server's admin rate limit leaves ${plan.available} request(s) until ${at}` +
    `${plan.limit ? ` (${plan.limit} per window)` : ''} and the ` +
    `${keys} key(s) to create need ${needed}: ${fit} fit now, the rest ` +
    `${windows > 1 ? `over ${windows} more windows from ${at}` : `after ${at}`}.`;
  const rest =
    `creating the ${fit} that fit now; the other ${keys - fit} will not be requested ` +
    `(run again after ${at}${runAgain}`;
  const left = api.waitBudgetLeft();
  let why: string;
  if (onRateLimit === 'fail') {
    log.warning(`${message} on-rate-limit is fail: ${rest}, or set on-rate-limit: wait).`);
    why = 'on-rate-limit is fail';
  } else if (plan.waitMs > left) {
    log.warning(
      `${message} Waiting ${waitText(plan.waitMs)} is more than max-wait-seconds leaves (` +
        `${Math.floor(left / 1000)} s): ${rest}, or raise max-wait-seconds).`,
    );
    why =
      `waiting ${waitText(plan.waitMs)} for the next window exceeds what max-wait-seconds ` +
      `leaves (${Math.floor(left / 1000)} s)`;
  } else {
    log.warning(`${message} Waiting for the limit as on-rate-limit is wait (within max-wait-seconds).`);
    return { announced: true, send: keys };
  }
  const refusal =
    `${api.describe('POST', '/admin/keys')}: not sent: the admin rate limit is used up; ` +
    `${why}; ${retryAdvice(plan.resetAt)}.`;
  return { announced: true, send: fit, heldBack: { refusal, until: at } };
}
