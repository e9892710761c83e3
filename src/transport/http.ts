// One keep-alive HTTP client per run, shared by every request (undici). Retries are a loop of ours
// (send) asking our policy (./retry-policy.ts), every wait out of one budget. Every attempt
// has a total deadline and a size limit (./attempt-limits.ts). Failures are the errors of
// ./errors.ts; what they show of an answer is redacted and cut short (Redactor.snippet).
import type { Agent, Dispatcher, EnvHttpProxyAgent } from 'undici';
import { type Cancellation, CancelledError } from '../shared/cancel.js';
import type { Logger } from '../shared/log.js';
import { Redactor } from '../shared/redact.js';
import { type Answered, exchange, messageInBody } from './answer-body.js';
import {
  AnswerTooLargeError,
  AttemptAbandonedError,
  type AttemptLimits,
  attemptLimits,
  DeadlineError,
  LIMITS,
  MAX_ANSWER_BYTES,
} from './attempt-limits.js';
import {
  answerTooLarge,
  BadAnswerError,
  brokenOffError,
  classify,
  type Headers,
  HttpStatusError,
  NetworkError,
  networkErrorOf,
  statusNote,
} from './errors.js';
import { proxyNote } from './proxy-note.js';
import type { RateLimitTracker } from './rate-limit.js';
import { type Query, requestPath } from './request-path.js';
import type { Refused, WaitBudget } from './retry.js';
import { type Attempt, REFUSED_FOR_NOW, RetryPolicy, type Sending } from './retry-policy.js';
import { Agent as DirectAgent, EnvHttpProxyAgent as ProxyAwareAgent } from './undici-parts.js';

export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
  /** Retries this answer took. */
  retries: number;
  /** A wait the budget could not give (Retry-After too long): the answer is the last refusal. */
  refused?: Refused;
  /** An earlier attempt of this request may have been carried out (see Attempt). */
  earlierMayHaveActed?: boolean;
}

export interface HttpClientOptions {
  baseUrl: URL;
  token?: string;
  timeoutMs: number;
  connections: number;
  /** Retries of one request (`retries`, default 3). */
  retries?: number;
  /** Total waiting of the run (`max-wait-seconds`, default 120 s). */
  maxWaitMs?: number;
  /** On the admin rate limit: wait for the window (within the budget) or fail at once. */
  onRateLimit?: 'wait' | 'fail';
  cancellation?: Cancellation;
  /** Debug lines (each request, each retry) and rate-limit waits; redacted by the logger. */
  log?: Pick<Logger, 'debug' | 'info'>;
  /** Jitter source, for tests. */
  random?: () => number;
  /** Largest answer body accepted (default MAX_ANSWER_BYTES). */
  maxAnswerBytes?: number;
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Send the admin token (default true; the health check does not). */
  auth?: boolean;
  /** May be repeated after a failure of unknown outcome (default: GET, HEAD, DELETE, PUT, OPTIONS). */
  idempotent?: boolean;
  /** Abandons this request (the health check drops a /healthz that hangs once another route answered). */
  signal?: AbortSignal;
  /** How json() reads the answer's text (default JSON.parse); a SyntaxError is a BadAnswerError. */
  readJson?: (text: string) => unknown;
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'DELETE', 'PUT', 'OPTIONS']);

export class HttpClient {
  readonly dispatcher: Dispatcher;
  /** Every wait of the run comes out of this (max-wait-seconds). */
  readonly budget: WaitBudget;
  /** The admin rate limit, as the answers state it. */
  readonly rateLimit: RateLimitTracker;
  /** Server clock minus ours, from the Date header of the latest answer (1 s resolution). */
  serverClockOffsetMs?: number;
  private readonly policy: RetryPolicy;
  private readonly agent: Agent | EnvHttpProxyAgent;
  private readonly origin: string;
  private readonly basePath: string;
  /** " through the proxy … (HTTP_PROXY)" when one applies: a refused connection is then the proxy's. */
  private readonly viaProxy: string;
  private readonly maxAnswerBytes: number;
  /** The latest answer's Date header, and its time. */
  private dateText?: string;
  private dateMs = Number.NaN;
  /** The token (every form and piece of it) out of answer snippets, before they are cut or shortened. */
  private readonly tokenRedactor = new Redactor();

  constructor(private readonly options: HttpClientOptions) {
    this.tokenRedactor.addSecret(options.token);
    // Credentials in the URL are never sent nor shown: the admin token is the only credential.
    const base = new URL(options.baseUrl.href);
    base.username = '';
    base.password = '';
    this.origin = base.origin;
    this.basePath = base.pathname.replace(/\/+$/, '');
    this.viaProxy = proxyNote(base, process.env);
    const { timeoutMs, onRateLimit, cancellation, log } = options;
    const retries = options.retries ?? 3;
    this.policy = new RetryPolicy({
      retries,
      timeoutMs,
      maxWaitMs: options.maxWaitMs ?? 120_000,
      onRateLimit,
      cancellation,
      log,
      random: options.random ?? Math.random,
    });
    this.budget = this.policy.budget;
    this.rateLimit = this.policy.rateLimit;
    this.maxAnswerBytes = options.maxAnswerBytes ?? MAX_ANSWER_BYTES;
    // Honours HTTP_PROXY / HTTPS_PROXY / NO_PROXY. Every request goes to the one origin: where no proxy
    // applies to it (proxyNote reads the variables as the agent does), the agent would send it through
    // its plain keep-alive Agent after parsing each request's origin and reading NO_PROXY (7 % of a
    // 3,000-key batch's CPU, docs/performance.md): that Agent is used directly then.
    const agentOptions = {
      connections: options.connections,
      keepAliveTimeout: 10_000,
      connect: { timeout: options.timeoutMs },
    };
    this.agent = this.viaProxy ? new ProxyAwareAgent(agentOptions) : new DirectAgent(agentOptions);
    // Every dispatch is one attempt, with its own deadline; send() repeats it.
    this.dispatcher = this.agent.compose(attemptLimits());
  }

  /** Retries made over the run. */
  get retriesMade(): number {
    return this.policy.retriesMade;
  }

  /** `METHOD <url>` with credentials removed, for messages (built for every request: keep it cheap). */
  describe(method: string, path: string): string {
    return `${method} ${this.origin}${this.basePath}${path}`;
  }

  /** The request target exactly as sent: base path + path + query, never normalised (a `..` cannot climb out). */
  pathFor(path: string, query?: Query): string {
    return requestPath(this.basePath, path, query);
  }

  /** The URL a request goes to (for display and tests; requests use pathFor's exact target). */
  urlFor(path: string, query?: Query): URL {
    return new URL(this.origin + this.pathFor(path, query));
  }

  async request(method: string, path: string, opts: RequestOptions = {}): Promise<HttpAnswer> {
    const target = this.describe(method, path);
    const cancellation = this.options.cancellation;
    if (cancellation?.requested) throw new CancelledError(cancellation.reason ?? 'cancelled');
    const idempotent = opts.idempotent ?? IDEMPOTENT.has(method);
    // The rate limit covers /admin only (the health check is outside it).
    const admin = /^\/admin(\/|$|\?)/.test(path);
    const attempt: Attempt = { retries: 0, earlierMayHaveActed: false };
    if (admin) {
      const ticket = this.policy.ticketFor(target);
      attempt.ticket = typeof ticket === 'number' ? ticket : await ticket;
    }
    try {
      return await this.send(method, path, opts, { target, idempotent, attempt });
    } finally {
      if (attempt.ticket !== undefined) this.rateLimit.release(attempt.ticket);
    }
  }

  /** Request and parse a JSON answer; non-2xx → HttpStatusError (429: RateLimitedError), non-JSON → BadAnswerError. */
  async json<T = unknown>(
    method: string,
    path: string,
    opts: RequestOptions = {},
  ): Promise<{ body: T; answer: HttpAnswer }> {
    const answer = await this.request(method, path, opts);
    const target = this.describe(method, path);
    if (answer.status === 429) throw this.policy.rateLimitedError(target, answer);
    if (answer.status < 200 || answer.status > 299) {
      throw new HttpStatusError(
        answer.status,
        target,
        this.tokenRedactor.snippet(messageInBody(this.tokenRedactor.redact(answer.text))),
        answer.headers,
        statusNote(answer),
        answer.earlierMayHaveActed === true,
      );
    }
    try {
      return { body: (opts.readJson ?? JSON.parse)(answer.text) as T, answer };
    } catch (error) {
      // JSON.parse throws only for text that is not JSON; a reader of its own may throw its own errors.
      if (!opts.readJson || error instanceof SyntaxError) throw this.badAnswer(method, path, answer);
      throw error;
    }
  }

  /** The error of an answer whose text is not the JSON expected. */
  badAnswer(method: string, path: string, answer: HttpAnswer): BadAnswerError {
    const target = this.describe(method, path);
    return new BadAnswerError(answer.status, target, this.tokenRedactor.snippet(answer.text) || '(empty body)');
  }

  /**
   * Closes the connections. A request undici still holds (a proxy that keeps failing its tunnel, an
   * attempt given up at its deadline before it had a connection) would keep close() waiting, so
   * after a second the agent is destroyed instead: nothing of this run is waiting for an answer.
   */
  async close(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const closed = this.dispatcher.close().then(
      () => true,
      () => true,
    );
    const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), 1000)));
    const done = await Promise.race([closed, late]);
    clearTimeout(timer);
    if (!done) await this.agent.destroy().catch(() => undefined);
  }

  /** Sends the request until an answer is whole, or no attempt may follow. */
  private async send(method: string, path: string, opts: RequestOptions, sending: Sending): Promise<HttpAnswer> {
    const { target, attempt } = sending;
    const dispatch = this.dispatchOptions(method, path, opts);
    const started = Date.now();
    for (;;) {
      if (this.policy.stalled()) throw this.policy.stalledError(target);
      let response: Answered;
      try {
        response = await exchange(this.dispatcher, dispatch);
      } catch (error) {
        if (error instanceof AnswerTooLargeError) throw answerTooLarge(target, error, attempt.retries + 1);
        if (await this.policy.retryFailure(error, sending)) continue;
        this.options.log?.debug(`${target}: ${classify(error).detail} after ${Date.now() - started} ms`);
        throw networkErrorOf(error, target, attempt.retries + 1, this.options.timeoutMs, this.viaProxy);
      }
      if (attempt.ticket !== undefined) this.rateLimit.observe(response.headers, attempt.ticket);
      this.observeDate(response.headers);
      const { read, statusCode } = response;
      const ending = read.error instanceof AnswerTooLargeError || read.error instanceof AttemptAbandonedError;
      // Decided on the status even when the body broke off: a 429 was refused before anything was done.
      // The status decides alone: a refusal not repeated (on-rate-limit fail, an unreadable Retry-After,
      // no retry left) is not sent again because its body broke off.
      const decidedByStatus = !ending && REFUSED_FOR_NOW.has(statusCode);
      if (decidedByStatus && (await this.policy.retryAnswer(statusCode, response.headers, sending))) continue;
      const ended =
        read.error instanceof DeadlineError
          ? 'timed out'
          : read.error instanceof AnswerTooLargeError
            ? 'too large'
            : 'cut off';
      const after = attempt.retries ? ` after ${attempt.retries} retries` : '';
      this.options.log?.debug(
        `${target} → ${statusCode}${read.cutOff ? ` (${ended})` : ''} in ${Date.now() - started} ms${after}`,
      );
      if (!read.cutOff) this.policy.answered();
      if (read.error instanceof AnswerTooLargeError)
        throw answerTooLarge(target, read.error, attempt.retries + 1, statusCode);
      if (read.error instanceof AttemptAbandonedError)
        throw new NetworkError(
          'network',
          target,
          'abandoned (cancelled) while the answer arrived',
          true,
          attempt.retries + 1,
        );
      if (!read.cutOff) {
        const { retries, refused, earlierMayHaveActed } = attempt;
        return {
          status: statusCode,
          headers: response.headers,
          text: read.text,
          retries,
          refused,
          earlierMayHaveActed,
        };
      }
      if (!decidedByStatus && (await this.retryCutOff(read, sending))) continue;
      const { headers } = response;
      throw brokenOffError(
        { status: statusCode, headers, snippet: this.tokenRedactor.snippet(read.text), ...read },
        target,
        attempt.retries + 1,
        this.options.timeoutMs,
      );
    }
  }

  /** What undici is asked for: one attempt's limits ride along. */
  private dispatchOptions(method: string, path: string, opts: RequestOptions): Dispatcher.RequestOptions {
    const cancellation = this.options.cancellation;
    const signal =
      opts.signal && cancellation
        ? AbortSignal.any([opts.signal, cancellation.abortSignal])
        : (opts.signal ?? cancellation?.abortSignal);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (opts.auth !== false && this.options.token) headers.authorization = `Bearer ${this.options.token}`;
    let body: string | undefined;
    if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] = 'application/json';
    }
    const limits: AttemptLimits = {
      deadlineMs: this.options.timeoutMs,
      maxAnswerBytes: this.maxAnswerBytes,
      // The run's abort signal and the request's own (the health check drops a /healthz that hangs).
      signal,
      onDeadline: () => this.policy.timedOut(),
    };
    return {
      origin: this.origin,
      path: this.pathFor(path, opts.query),
      method: method as Dispatcher.HttpMethod,
      headers,
      body,
      [LIMITS]: limits,
      headersTimeout: this.options.timeoutMs,
      bodyTimeout: this.options.timeoutMs,
    } as Dispatcher.RequestOptions;
  }

  /**
   * A cut-off answer to a read is read again (true once the wait is over); to a create it is an unknown outcome
   * (issue-keys reconciles).
   */
  private async retryCutOff(read: { error?: unknown }, sending: Sending): Promise<boolean> {
    const { target, idempotent, attempt } = sending;
    attempt.earlierMayHaveActed = true;
    const why = read.error instanceof DeadlineError ? 'the answer did not finish in time' : 'the answer was cut off';
    if (!idempotent || !(await this.policy.waitBeforeRetry(attempt, target, why, undefined))) return false;
    this.policy.renewTicket(attempt);
    return true;
  }

  private observeDate(headers: Headers): void {
    // Answers in the same second carry the same Date: it is parsed once.
    const text = String(headers.date ?? '');
    if (text !== this.dateText) {
      this.dateText = text;
      this.dateMs = Date.parse(text);
    }
    if (!Number.isNaN(this.dateMs)) this.serverClockOffsetMs = this.dateMs - Date.now();
  }
}
