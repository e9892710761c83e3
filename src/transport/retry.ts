// When to try a request again, and how long to wait: exponential backoff with full jitter, the
// server's Retry-After when it sends one, and one wait budget (max-wait-seconds) for the whole run.

/** First backoff ceiling; doubles per retry up to BACKOFF_CAP_MS (the delay is random below it). */
export const BACKOFF_BASE_MS = 500;
export const BACKOFF_CAP_MS = 30_000;

/** Full jitter (AWS architecture blog): uniform in [0, min(cap, base·2^retry)). */
export function fullJitter(retry: number, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** retry));
}

/** A wait the run did not take: too long for the budget, or one the server's header did not say readably. */
export interface Refused {
  waitMs: number;
  /** The wait was the server's (a header), not the next backoff. */
  serverAsked: boolean;
  /** The header that asked for it. */
  by?: 'Retry-After' | 'X-RateLimit-Reset';
  /** A Retry-After that is no wait (negative, garbage), as sent. */
  unreadable?: string;
}

/** What a Retry-After asks: a wait in ms (Infinity: past any date), or `unreadable` (negative, garbage). */
export type ServerWait = { ms: number } | { unreadable: string };

/** An HTTP date in any of its three forms starts with the day's name and holds a time of day. */
const HTTP_DATE = /^(mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s.*\d{1,2}:\d{2}:\d{2}/i;

/**
 * Retry-After: delta seconds or an HTTP date; undefined when absent. A date past what a Date can hold
 * (year 275760 and on: Date.parse gives NaN) is an endless wait, not an unreadable one.
 */
export function readRetryAfter(value: string | string[] | undefined, now = Date.now()): ServerWait | undefined {
  const raw = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!raw) return undefined;
  if (/^\d+(\.\d+)?$/.test(raw)) return { ms: Math.round(Number(raw) * 1000) };
  if (HTTP_DATE.test(raw)) {
    const date = Date.parse(raw);
    if (!Number.isNaN(date)) return { ms: Math.max(0, date - now) };
    if (/\b\d{6,}\b/.test(raw)) return { ms: Number.POSITIVE_INFINITY };
  }
  return { unreadable: raw };
}

/** Retry-After as milliseconds; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const wait = readRetryAfter(value, now);
  return wait && 'ms' in wait ? wait.ms : undefined;
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
    if (Number.isNaN(ms)) return false;
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

/** Waits past this are no plan a run can make: said in words, with no moment to retry at. */
export const LONGEST_WAIT_MS = 365 * 86_400_000;

/** "42 s", or "more than a year" (also for a wait no date can end). */
export function waitText(ms: number): string {
  return ms > LONGEST_WAIT_MS ? 'more than a year' : `${Math.ceil(ms / 1000)} s`;
}

/** ISO 8601 UTC to the second, rounded up (a retry time must not be early); words for a time no date holds. */
export function isoSeconds(date: Date): string {
  const ms = Math.ceil(date.getTime() / 1000) * 1000;
  return Number.isNaN(new Date(ms).getTime())
    ? 'a time past any date'
    : new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** "in 42 s (at 2026-11-26T09:15:00Z)": when a wait that did not fit the budget would have ended. */
export function retryMoment(waitMs: number, now = Date.now()): string {
  if (waitMs > LONGEST_WAIT_MS) return `in ${waitText(waitMs)}: ${NO_RETRY_TIME}`;
  return `in ${waitText(waitMs)} (at ${isoSeconds(new Date(now + waitMs))})`;
}

const NO_RETRY_TIME = "no time to retry at: check the server's rate-limit settings and its clock";

/** "retry after 2026-11-26T09:15:00Z", or, past a year, what to check instead. */
export function retryAdvice(retryAt: Date, now = Date.now()): string {
  const waitMs = retryAt.getTime() - now;
  return Number.isNaN(waitMs) || waitMs > LONGEST_WAIT_MS ? NO_RETRY_TIME : `retry after ${isoSeconds(retryAt)}`;
}
