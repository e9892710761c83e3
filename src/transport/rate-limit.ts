// The server's admin rate limit as its answers state it (X-RateLimit-Limit / -Remaining / -Reset;
// v10: 30 requests per 15 minutes per client IP). Known only after the first /admin answer: the
// health check is not under /admin and carries none. Used to pace admin requests (no 429 needed)
// and to say up front when a batch cannot fit.

type Headers = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim();
const wholeNumber = (value: string | string[] | undefined) => {
  const raw = first(value);
  return raw && /^\d+$/.test(raw) ? Number(raw) : undefined;
};

export interface RateLimitWindow {
  /** Requests per window, when the server says. */
  limit?: number;
  /** Requests this client may still send before `resetAt`. */
  available: number;
  resetAt: Date;
}

export interface RateLimitPlan extends RateLimitWindow {
  needed: number;
  /** Whether `needed` requests fit in what is available now. */
  fits: boolean;
  /** Milliseconds until the window resets. */
  waitMs: number;
}

/**
 * Paces admin requests by what the answers say. The lowest `remaining` of a window is the latest
 * count the server told; requests sent after the one it answered and still unanswered had not been
 * counted yet. Slightly optimistic by design: a request the server refuses anyway gets a 429 with
 * Retry-After, which the HTTP client waits out; a pessimistic guess could instead wait out a
 * whole window (15 minutes on v10) for nothing.
 */
export class RateLimitTracker {
  private limit?: number;
  /** `remaining` of the answer the estimate rests on, and the ticket of its request. */
  private base?: { remaining: number; ticket: number };
  private resetAt = 0;
  private nextTicket = 0;
  private readonly inFlight = new Set<number>();
  /** The window passed: the next answer starts a new one, whatever it says. */
  private stale = false;

  get known(): boolean {
    return this.base !== undefined;
  }

  /**
   * Asks to send one admin request. `ticket` when it may go now (hand it to observe/release),
   * else `waitMs` until asking again makes sense.
   */
  acquire(now = Date.now()): { ticket: number } | { waitMs: number } {
    if (this.base !== undefined) {
      this.roll(now);
      if (this.available() <= 0) return { waitMs: this.stale ? 1000 : Math.max(1, this.resetAt - now) };
    }
    return { ticket: this.count() };
  }

  /** A ticket for a request sent without asking (a retry). */
  count(): number {
    const ticket = this.nextTicket++;
    this.inFlight.add(ticket);
    return ticket;
  }

  /** The request of `ticket` is over (answered or failed). */
  release(ticket: number): void {
    this.inFlight.delete(ticket);
  }

  /** Reads the headers of an /admin answer (any status, 429 included) to the request of `ticket`. */
  observe(headers: Headers, ticket: number, now = Date.now()): void {
    const remaining = wholeNumber(headers['x-ratelimit-remaining']);
    if (remaining === undefined) return;
    const reset = wholeNumber(headers['x-ratelimit-reset']);
    // Epoch seconds (v10, GitHub style) or, in the IETF draft style, seconds from now.
    const resetAt = reset === undefined ? now + 60_000 : reset > 1_000_000_000 ? reset * 1000 : now + reset * 1000;
    this.limit = wholeNumber(headers['x-ratelimit-limit']) ?? this.limit;
    if (this.base === undefined || resetAt >= this.resetAt + 1000) {
      this.base = { remaining, ticket };
      this.resetAt = resetAt;
      this.stale = false;
    } else if (!this.stale && remaining < this.base.remaining) {
      // Same window; a late answer of a window that has passed tells nothing.
      this.base = { remaining, ticket };
    }
  }

  /** The current window as far as known; undefined before the first answer with the headers. */
  window(now = Date.now()): RateLimitWindow | undefined {
    if (this.base === undefined) return undefined;
    this.roll(now);
    return { limit: this.limit, available: Math.max(0, this.available()), resetAt: new Date(this.resetAt) };
  }

  /** Whether `needed` more admin requests fit now, and if not, how many do and when the rest could. */
  plan(needed: number, now = Date.now()): RateLimitPlan | undefined {
    const window = this.window(now);
    if (!window) return undefined;
    // From the number, not the Date: an X-RateLimit-Reset past any date is an Invalid Date, yet a wait.
    return { ...window, needed, fits: window.available >= needed, waitMs: Math.max(0, this.resetAt - now) };
  }

  private available(): number {
    if (this.base === undefined) return Number.POSITIVE_INFINITY;
    let uncounted = 0;
    for (const ticket of this.inFlight) if (ticket > this.base.ticket) uncounted += 1;
    return this.base.remaining - uncounted;
  }

  /** Once the window has passed, the server counts afresh: its limit again (unbounded if unknown). */
  private roll(now: number): void {
    if (this.stale || now < this.resetAt) return;
    this.stale = true;
    this.base = { remaining: this.limit ?? Number.POSITIVE_INFINITY, ticket: this.nextTicket - 1 };
  }
}
