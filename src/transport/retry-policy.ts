// The decisions behind every attempt of the run's requests, for the HTTP client (./http.ts):
// - whether a failed attempt is tried again: idempotent requests retry network errors, 5xx and 429;
//   a create (POST) retries only what never reached the server or was refused by its rate limit,
//   because repeating it could make a second key (issue-keys reconciles those instead);
// - how long to wait first (full-jitter backoff or the server's Retry-After, ./retry.ts), out of
//   one budget for the run (max-wait-seconds);
// - when an admin request may go, under the admin rate limit (./rate-limit.ts);
// - when the server is taken for gone: it has answered nothing for so long that another attempt
//   could end past (retries + 1) × timeout + max-wait, with at least retries + 1 timeouts since its
//   last answer. The run then sends nothing more.
import { type Cancellation, CancelledError, sleep } from '../shared/cancel.js';
import type { Logger } from '../shared/log.js';
import { classify, type Headers, NetworkError, RateLimitedError } from './errors.js';
import { RateLimitTracker } from './rate-limit.js';
import {
  fullJitter,
  parseRetryAfter,
  type Refused,
  readRetryAfter,
  retryAdvice,
  WaitBudget,
  waitText,
} from './retry.js';

/** The request never reached the server: safe to repeat whatever it was. */
const NOT_SENT = new Set(['ECONNREFUSED', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_PRX_CONN']);
/** The outcome is unknown: repeated only when the request is idempotent. */
const UNCERTAIN = new Set([
  'ECONNRESET',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
  'QK_DEADLINE',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
]);
const RETRY_STATUSES = new Set([500, 502, 503, 504]);
/** Statuses the policy decides on (retryAnswer): the rate limit's refusal, and a server or gateway failing for now. */
export const REFUSED_FOR_NOW = new Set([429, ...RETRY_STATUSES]);

/** Per request: what the retry decisions need to know. */
export interface Attempt {
  retries: number;
  /** The rate-limit ticket of the current attempt of an admin request. */
  ticket?: number;
  refused?: Refused;
  /**
   * An earlier attempt may have been carried out (5xx, reset or timeout after sending, cut-off answer), unlike a 429
   * or a refused connection.
   */
  earlierMayHaveActed: boolean;
}

/** One request, as the retry decisions see it. */
export interface Sending {
  attempt: Attempt;
  /** `METHOD <url>`, for the debug lines. */
  target: string;
  /** May be repeated after a failure of unknown outcome. */
  idempotent: boolean;
}

export interface RetryPolicyOptions {
  /** Retries of one request. */
  retries: number;
  /** Deadline of one attempt. */
  timeoutMs: number;
  /** Total waiting of the run. */
  maxWaitMs: number;
  onRateLimit?: 'wait' | 'fail';
  cancellation?: Cancellation;
  log?: Pick<Logger, 'debug' | 'info'>;
  random: () => number;
}

/** The last refused answer, as far as the rate-limit message needs it. */
interface Refusal {
  headers: Headers;
  retries: number;
  refused?: Refused;
}

/** The server's wait before a retry, and the header that said it. */
interface ServerAskedWait {
  ms: number;
  by: 'Retry-After' | 'X-RateLimit-Reset';
}

/** A header value shown in a message: printable ASCII, cut short (it is the server's, untrusted). */
const shown = (raw: string) => (raw.length > 40 ? `${raw.slice(0, 40)}…` : raw).replace(/[^\x20-\x7e…]/g, '?');

export class RetryPolicy {
  /** Every wait of the run comes out of this (max-wait-seconds). */
  readonly budget: WaitBudget;
  /** The admin rate limit, as the answers state it. */
  readonly rateLimit = new RateLimitTracker();
  /** Retries made over the run. */
  retriesMade = 0;
  /** Attempts in a row that hit their deadline; any complete answer resets it. */
  private consecutiveTimeouts = 0;
  /** When the last complete answer arrived (or the policy was made). */
  private lastAnswerAt = Date.now();

  constructor(private readonly options: RetryPolicyOptions) {
    this.budget = new WaitBudget(options.maxWaitMs);
  }

  /** A complete answer arrived: the server is there. */
  answered(): void {
    this.consecutiveTimeouts = 0;
    this.lastAnswerAt = Date.now();
  }

  /** An attempt hit its deadline. */
  timedOut(): void {
    this.consecutiveTimeouts += 1;
  }

  /**
   * The server (or a proxy) is not answering: retries + 1 attempts or more timed out since its last
   * complete answer, and an attempt started now could end later than (retries + 1) × timeout +
   * max-wait after that answer. Occasional slow answers among good ones never get here.
   */
  stalled(): boolean {
    const { retries, timeoutMs } = this.options;
    if (this.consecutiveTimeouts < retries + 1) return false;
    return Date.now() - this.lastAnswerAt + timeoutMs > (retries + 1) * timeoutMs + this.budget.maxMs;
  }

  stalledError(target: string): NetworkError {
    const idle = Math.round((Date.now() - this.lastAnswerAt) / 1000);
    const each = this.options.timeoutMs / 1000;
    return new NetworkError(
      'timeout',
      target,
      `not sent: no complete answer for ${idle} s (${this.consecutiveTimeouts} attempts timed out after ` +
        `${each} s each)`,
      false,
    );
  }

  /**
   * Whether an answer whose status may be refused for now (429, 500, 502, 503, 504) is asked again: true once the
   * wait is over. A 429 was refused before anything was done, so even a create may be repeated.
   */
  async retryAnswer(statusCode: number, headers: Headers, request: Sending): Promise<boolean> {
    const { attempt, idempotent } = request;
    let retry = statusCode === 429 ? this.options.onRateLimit !== 'fail' : idempotent && RETRY_STATUSES.has(statusCode);
    if (retry && statusCode !== 429) attempt.earlierMayHaveActed = true;
    let retryAfter: ServerAskedWait | undefined;
    const asked = readRetryAfter(headers['retry-after']);
    if (asked && 'ms' in asked) retryAfter = { ms: asked.ms, by: 'Retry-After' };
    else if (statusCode === 429) {
      retryAfter = this.windowWait();
      // The server said how long, in words no wait can be read from: not sent again blindly.
      if (asked && !retryAfter) {
        attempt.refused = { waitMs: Number.NaN, serverAsked: true, by: 'Retry-After', unreadable: asked.unreadable };
        retry = false;
      }
    }
    return retry && this.retryAfterWait(request, `answered ${statusCode}`, retryAfter);
  }

  /** Whether an attempt that failed before any answer is sent again: true once the wait is over. */
  async retryFailure(err: unknown, request: Sending): Promise<boolean> {
    const { attempt, idempotent } = request;
    const code = (err as { code?: string }).code ?? '';
    // undici's connect timeout (a host that drops SYNs) counts like our deadline (which counts itself).
    if (code === 'UND_ERR_CONNECT_TIMEOUT') this.timedOut();
    const retry = NOT_SENT.has(code) || (idempotent && UNCERTAIN.has(code));
    if (retry && UNCERTAIN.has(code)) attempt.earlierMayHaveActed = true;
    return retry && this.retryAfterWait(request, classify(err).detail, undefined);
  }

  private async retryAfterWait(request: Sending, why: string, retryAfter?: ServerAskedWait): Promise<boolean> {
    const { attempt, target } = request;
    const again = await this.waitBeforeRetry(attempt, target, why, retryAfter);
    if (again) this.renewTicket(attempt);
    return again;
  }

  /** Waits before the next attempt; false when no attempt should follow (retries, budget or cancellation). */
  async waitBeforeRetry(
    attempt: Attempt,
    target: string,
    why: string,
    retryAfter: ServerAskedWait | undefined,
  ): Promise<boolean> {
    const { cancellation, log, retries } = this.options;
    if (cancellation?.requested || attempt.retries >= retries || this.stalled()) return false;
    const delay = retryAfter?.ms ?? fullJitter(attempt.retries, this.options.random);
    if (!this.budget.reserve(delay)) {
      attempt.refused = { waitMs: delay, serverAsked: retryAfter !== undefined, by: retryAfter?.by };
      log?.debug(
        `${target}: ${why}; not retried: waiting ${waitText(delay)} exceeds what max-wait-seconds ` +
          `leaves (${Math.floor(this.budget.left() / 1000)} s)`,
      );
      return false;
    }
    attempt.retries += 1;
    this.retriesMade += 1;
    log?.debug(
      `${target}: ${why}; retry ${attempt.retries} of ${retries} in ${(delay / 1000).toFixed(1)} s` +
        `${retryAfter ? ` (${retryAfter.by})` : ''}`,
    );
    return sleep(delay, cancellation?.signal);
  }

  /** An admin request's ticket: at once when the rate limit has room (no promise on a batch's hot path). */
  ticketFor(target: string): number | Promise<number> {
    const turn = this.rateLimit.acquire();
    return 'ticket' in turn ? turn.ticket : this.paceForRateLimit(target);
  }

  /** Holds an admin request until the rate limit has room: waits out the window (budget permitting) or fails. */
  async paceForRateLimit(target: string): Promise<number> {
    const { cancellation, log } = this.options;
    for (;;) {
      const turn = this.rateLimit.acquire();
      if ('ticket' in turn) return turn.ticket;
      const { waitMs } = turn;
      const resetAt = new Date(Date.now() + waitMs);
      if (this.options.onRateLimit === 'fail')
        throw new RateLimitedError(target, resetAt, false, 'on-rate-limit is fail');
      if (!this.budget.reserve(waitMs)) {
        throw new RateLimitedError(
          target,
          resetAt,
          false,
          `waiting ${waitText(waitMs)} for the next window exceeds what max-wait-seconds leaves (` +
            `${Math.floor(this.budget.left() / 1000)} s)`,
        );
      }
      log?.debug(`${target}: admin rate limit used up; waiting ${waitText(waitMs)} for the next window`);
      if (!(await sleep(waitMs + 100, cancellation?.signal)))
        throw new CancelledError(cancellation?.reason ?? 'cancelled');
    }
  }

  /** A retry is one more request against the admin rate limit. */
  renewTicket(attempt: Attempt): void {
    if (attempt.ticket === undefined) return;
    this.rateLimit.release(attempt.ticket);
    attempt.ticket = this.rateLimit.count();
  }

  /** Until the window resets, when the latest answer says nothing of it remains (a 429 without Retry-After). */
  private windowWait(): ServerAskedWait | undefined {
    const plan = this.rateLimit.plan(1);
    return plan && !plan.fits ? { ms: plan.waitMs, by: 'X-RateLimit-Reset' } : undefined;
  }

  /** The 429 that ended a request's retries, as the error that says when to try again. */
  rateLimitedError(target: string, answer: Refusal): RateLimitedError {
    const { refused } = answer;
    const left = `more than max-wait-seconds leaves (${Math.floor(this.budget.left() / 1000)} s)`;
    if (refused?.unreadable !== undefined) {
      const why = `its Retry-After "${shown(refused.unreadable)}" is no wait (whole seconds or an HTTP date)`;
      const advice = "run again once the server's rate limit has passed";
      return new RateLimitedError(target, new Date(Number.NaN), true, why, answer.headers, advice);
    }
    const waitMs =
      refused?.waitMs ??
      parseRetryAfter(answer.headers['retry-after']) ??
      Math.max(0, (this.rateLimit.window()?.resetAt.getTime() ?? Date.now()) - Date.now());
    const why = refused
      ? refused.by === 'X-RateLimit-Reset'
        ? `its rate limit resets in ${waitText(waitMs)} (X-RateLimit-Reset), ${left}`
        : `the server asks to wait ${waitText(waitMs)}, ${left}`
      : this.options.onRateLimit === 'fail'
        ? 'on-rate-limit is fail'
        : `still refused after ${answer.retries + 1} attempts`;
    const retryAt = new Date(Date.now() + waitMs);
    return new RateLimitedError(target, retryAt, true, why, answer.headers, retryAdvice(retryAt));
  }
}
