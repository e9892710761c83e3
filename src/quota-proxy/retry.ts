// When to try a request again, and how long to wait: exponential backoff with full jitter, the
// server's Retry-After when it sends one, and one wait budget (max-wait-seconds) for the whole run.

/** First backoff ceiling; doubles per retry up to BACKOFF_CAP_MS (the delay is random below it). */
export const BACKOFF_BASE_MS = 500;
export const BACKOFF_CAP_MS = 30_000;

/** Full jitter (AWS architecture blog): uniform in [0, min(cap, base·2^retry)). */
export function fullJitter(retry: number, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** retry));
}

/** Retry-After as milliseconds: delta seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const raw = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!raw) return undefined;
  if (/^\d+(\.\d+)?$/.test(raw)) return Math.round(Number(raw) * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Total time the run may spend waiting (backoff, Retry-After, rate-limit windows), counted as wall
 * time in which at least one wait is running: four requests waiting out the same Retry-After spend
 * it once, not four times.
 */
export class WaitBudget {
  private spent = 0;
  private until = 0;

  constructor(readonly maxMs: number) {}

  /** Milliseconds still available to a wait starting now. */
  left(now = Date.now()): number {
    return Math.max(0, this.maxMs - this.spent + Math.max(0, this.until - now));
  }

  /** Books a wait of `ms` starting now; false (and nothing booked) when it would exceed the budget. */
  reserve(ms: number, now = Date.now()): boolean {
    const end = now + Math.max(0, ms);
    const extra = Math.max(0, end - Math.max(now, this.until));
    if (this.spent + extra > this.maxMs) return false;
    this.spent += extra;
    this.until = Math.max(this.until, end);
    return true;
  }

  /** Milliseconds booked so far. */
  get used(): number {
    return this.spent;
  }
}

/** ISO 8601 UTC to the second, rounded up (a retry time must not be early). */
export function isoSeconds(date: Date): string {
  return new Date(Math.ceil(date.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** "in 42 s (at 2026-11-26T09:15:00Z)": when a wait that did not fit the budget would have ended. */
export function retryMoment(waitMs: number, now = Date.now()): string {
  return `in ${Math.ceil(waitMs / 1000)} s (at ${isoSeconds(new Date(now + waitMs))})`;
}
