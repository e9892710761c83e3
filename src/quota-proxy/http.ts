// One keep-alive HTTP client per run, shared by every request (undici). Retries are undici's retry
// interceptor driven by our policy (./retry.ts): idempotent requests retry network errors, 5xx and
// 429 with full-jitter backoff or the server's Retry-After; a create (POST) retries only what
// never reached the server or was refused by its rate limit, because repeating it could make a
// second key (issue-keys reconciles those instead). Every wait comes out of one budget.
// Every attempt has a total deadline and a size limit (./attempt-limits.ts), and once the server has
// answered nothing for so long that another attempt could end past (retries + 1) × timeout +
// max-wait, with at least retries + 1 timeouts since its last answer, the run sends nothing more.
import { EnvHttpProxyAgent, interceptors, type Dispatcher } from 'undici';
import { AnswerTooLargeError, AttemptAbandonedError, attemptLimits, DeadlineError, formatBytes, LIMITS, type AttemptLimits } from './attempt-limits.js';
import { CancelledError, sleep, type Cancellation } from '../shared/cancel.js';
import type { Logger } from '../shared/log.js';
import { RateLimitTracker } from './rate-limit.js';
import { redactUrl, Redactor } from '../shared/redact.js';
import { fullJitter, isoSeconds, parseRetryAfter, retryMoment, WaitBudget } from './retry.js';

export type NetworkFailure = 'timeout' | 'refused' | 'dns' | 'reset' | 'network';
type Headers = Record<string, string | string[] | undefined>;

/** The request never produced a complete answer. `sent` is false only when we know the server saw nothing. */
export class NetworkError extends Error {
  constructor(
    readonly kind: NetworkFailure,
    readonly target: string,
    detail: string,
    readonly sent: boolean,
    readonly attempts = 1,
  ) {
    super(`${target}: ${detail}${attempts > 1 ? ` (${attempts} attempts)` : ''}`);
    this.name = 'NetworkError';
  }
}

/** The server answered with a status that the caller did not expect. */
export class HttpStatusError extends Error {
  constructor(
    readonly status: number,
    readonly target: string,
    readonly snippet: string,
    readonly headers: Headers,
    note = '',
    /** An earlier attempt may have done the work (a DELETE then answers 404): not after a 429 or a refused connection. */
    readonly earlierMayHaveActed = false,
  ) {
    super(`${target} answered ${status}${snippet ? `: ${snippet}` : ''}${note}`);
    this.name = 'HttpStatusError';
  }
}

/**
 * The admin rate limit stopped a request: answered 429 after the retries or the wait budget ran
 * out, or (answered: false) not sent because the limit is used up and waiting is not allowed.
 */
export class RateLimitedError extends HttpStatusError {
  constructor(
    target: string,
    readonly retryAt: Date,
    readonly answered: boolean,
    why: string,
    headers: Headers = {},
  ) {
    super(429, target, '', headers);
    this.message = `${target}: ${answered ? 'answered 429 (rate limited)' : 'not sent: the admin rate limit is used up'}; ${why}; retry after ${isoSeconds(retryAt)}.`;
    this.name = 'RateLimitedError';
  }
}

/** The server answered 2xx but the body is not the JSON we need (HTML page, truncated body…). */
export class BadAnswerError extends Error {
  constructor(
    readonly status: number,
    readonly target: string,
    readonly snippet: string,
    message = `${target} answered ${status} with something that is not the expected JSON: ${snippet}`,
  ) {
    super(message);
    this.name = 'BadAnswerError';
  }
}

/** The answer broke off before its end (connection lost, Content-Length not reached, body timeout). */
export class CutOffAnswerError extends BadAnswerError {
  constructor(status: number, target: string, snippet: string, received: number, expected: number | undefined, attempts: number) {
    const size = expected === undefined ? `${received} bytes` : `${received} of ${expected} bytes`;
    const tries = attempts > 1 ? ` (${attempts} attempts)` : '';
    super(status, target, snippet, `${target} answered ${status} but the answer was cut off after ${size}${tries}: ${snippet || '(empty)'}`);
    this.name = 'CutOffAnswerError';
  }
}

export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
  /** Retries this answer took. */
  retries: number;
  /** A wait the budget could not give (Retry-After too long): the answer is the last refusal. */
  refused?: { waitMs: number; serverAsked: boolean };
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

/** 16 MiB: a listing of about 100 000 keys; anything larger is refused, not buffered. */
export const MAX_ANSWER_BYTES = 16 * 1024 * 1024;

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** Send the admin token (default true; the health check does not). */
  auth?: boolean;
  /** May be repeated after a failure of unknown outcome (default: GET, HEAD, DELETE, PUT, OPTIONS). */
  idempotent?: boolean;
  /** Abandons this request (the health check drops a /healthz that hangs once another route answered). */
  signal?: AbortSignal;
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'DELETE', 'PUT', 'OPTIONS']);
/** The request never reached the server: safe to repeat whatever it was. */
const NOT_SENT = new Set(['ECONNREFUSED', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_PRX_CONN']);
/** The outcome is unknown: repeated only when the request is idempotent. */
const UNCERTAIN = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT', 'QK_DEADLINE', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN']);
const RETRY_STATUSES = new Set([500, 502, 503, 504]);
const SECRET_FIELDS = /("(?:trial_key|key|keys|token|admin_token|api_?key)"\s*:\s*)"[^"]*("|$)/gi;

// Up to the next blank, quote or tag: `&` and `;` do not end a credential (a token may hold them).
const BEARER = /\b(Bearer|Basic|token)(\s*[:=]?\s*)([^\s"'<>]+)/gi;

/** Words that follow "token" in the servers' reasons; anything else after it is blanked. */
const REASON_WORDS = /^(required|missing|invalid|expired|needed|incorrect|wrong|mismatch|provided|is|was|not|must|header|format|error)[.!]?$/i;

/**
 * A credential after Bearer/Basic/token is blanked; a plain word after "token" (a server's reason,
 * "Admin token required") is not one and stays, so that the message is read whole.
 */
function blankCredential(match: string, word: string, separator: string, value: string): string {
  const plainWord = /^token$/i.test(word) && !/[:=]/.test(separator) && REASON_WORDS.test(value);
  return plainWord ? match : `${word}${separator}…`;
}

/**
 * First ~100 characters of a body, on one line, with key and token values blanked. `redact` (the
 * run's token redactor) goes over the whole body first, before anything cuts the token apart.
 * The word the cut falls in is dropped whole: half a token or half a key is not shortened by the
 * redactor, which only knows whole ones.
 */
export function snippetOf(text: string, redact: (text: string) => string = (t) => t): string {
  const flat = redact(text).replace(/\s+/g, ' ').trim().replace(SECRET_FIELDS, '$1"…$2').replace(BEARER, blankCredential);
  return flat.length > 100 ? `${flat.slice(0, 100).replace(/\S+$/, '')}…` : flat;
}

/**
 * One path segment (a key in `/admin/keys/:key`): percent-encoded, so `/`, `?` and `#` cannot
 * change the route; a segment of dots only is refused, since servers and proxies resolve it.
 */
export function pathSegment(value: string): string {
  if (/^\.*$/.test(value)) throw new Error(`refusing to put ${JSON.stringify(value)} into a URL path: it is not a key`);
  return encodeURIComponent(value);
}

function classify(error: unknown): { kind: NetworkFailure; detail: string; sent: boolean } {
  const err = error as { name?: string; code?: string; message?: string; cause?: { code?: string } };
  const code = err.code ?? err.cause?.code ?? '';
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return { kind: 'timeout', detail: 'timed out connecting', sent: false };
  // undici 8: the proxy closed the connection before the CONNECT tunnel was up (undici 7 looped forever).
  if (code === 'UND_ERR_PRX_CONN') return { kind: 'network', detail: 'the proxy closed the connection while opening the tunnel (CONNECT)', sent: false };
  if (code === 'QK_ABANDONED') return { kind: 'network', detail: 'abandoned (cancelled)', sent: true };
  if (err.name === 'TimeoutError' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'ETIMEDOUT')
    return { kind: 'timeout', detail: 'timed out', sent: true };
  if (code === 'ECONNREFUSED') return { kind: 'refused', detail: 'connection refused', sent: false };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { kind: 'dns', detail: 'host name not found (DNS)', sent: false };
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE' || code === 'UND_ERR_CLOSED')
    return { kind: 'reset', detail: 'connection reset by the server', sent: true };
  if (err.name === 'AbortError' || code === 'UND_ERR_ABORTED') return { kind: 'network', detail: 'abandoned (cancelled)', sent: true };
  return { kind: 'network', detail: err.message ?? String(error), sent: true };
}

/** Per request: what the retry decisions need to know. */
interface Attempt {
  retries: number;
  /** The rate-limit ticket of the current attempt of an admin request. */
  ticket?: number;
  /** The answer's head arrived: a failure now is a cut-off body, handled in request(), never a Range resume. */
  headersReceived: boolean;
  refused?: { waitMs: number; serverAsked: boolean };
  /** An earlier attempt may have been carried out (5xx, reset or timeout after sending, cut-off answer), unlike a 429 or a refused connection. */
  earlierMayHaveActed: boolean;
}

export class HttpClient {
  readonly dispatcher: Dispatcher;
  /** Every wait of the run comes out of this (max-wait-seconds). */
  readonly budget: WaitBudget;
  /** The admin rate limit, as the answers state it. */
  readonly rateLimit = new RateLimitTracker();
  /** Retries made over the run. */
  retriesMade = 0;
  /** Server clock minus ours, from the Date header of the latest answer (1 s resolution). */
  serverClockOffsetMs?: number;
  private readonly agent: EnvHttpProxyAgent;
  private readonly origin: string;
  private readonly basePath: string;
  private readonly retries: number;
  private readonly random: () => number;
  /** " through the proxy … (HTTP_PROXY)" when one applies: a refused connection is then the proxy's. */
  private readonly viaProxy: string;
  private readonly maxAnswerBytes: number;
  /** Attempts in a row that hit their deadline; any complete answer resets it. */
  private consecutiveTimeouts = 0;
  /** When the last complete answer arrived (or the client was made). */
  private lastAnswerAt = Date.now();

  /** The token (every form and piece of it) out of answer snippets, before they are cut or shortened. */
  private readonly redactToken: (text: string) => string;

  constructor(private readonly options: HttpClientOptions) {
    const tokenRedactor = new Redactor();
    tokenRedactor.addSecret(options.token);
    this.redactToken = (text) => tokenRedactor.redact(text);
    // Credentials in the URL are never sent nor shown: the admin token is the only credential.
    const base = new URL(options.baseUrl.href);
    base.username = '';
    base.password = '';
    this.origin = base.origin;
    this.basePath = base.pathname.replace(/\/+$/, '');
    this.retries = options.retries ?? 3;
    this.random = options.random ?? Math.random;
    this.viaProxy = proxyNote(base, process.env);
    this.budget = new WaitBudget(options.maxWaitMs ?? 120_000);
    this.maxAnswerBytes = options.maxAnswerBytes ?? MAX_ANSWER_BYTES;
    // Honours HTTP_PROXY / HTTPS_PROXY / NO_PROXY; a plain keep-alive Agent when none is set.
    this.agent = new EnvHttpProxyAgent({ connections: options.connections, keepAliveTimeout: 10_000, connect: { timeout: options.timeoutMs } });
    // throwOnError: false hands the last refused answer (its status and body) to us, not an opaque error.
    // attemptLimits is composed first, so it sits under the retry interceptor: one deadline per attempt.
    this.dispatcher = this.agent.compose(attemptLimits(), interceptors.retry({ throwOnError: false }));
  }

  /** `METHOD <url>` with credentials removed, for messages (built for every request: keep it cheap). */
  describe(method: string, path: string): string {
    return `${method} ${this.origin}${this.basePath}${path}`;
  }

  /** The request target exactly as sent: base path + path + query, never normalised (a `..` cannot climb out). */
  pathFor(path: string, query?: RequestOptions['query']): string {
    if (!path.startsWith('/')) throw new Error(`request path must start with /: ${path}`);
    if (path.split('?')[0]!.split('/').some((segment) => segment === '.' || segment === '..')) {
      throw new Error(`refusing a request path with a dot segment: ${path}`);
    }
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query ?? {})) if (value !== undefined) search.set(name, String(value));
    const qs = search.toString();
    return `${this.basePath}${path}${qs ? `${path.includes('?') ? '&' : '?'}${qs}` : ''}`;
  }

  /** The URL a request goes to (for display and tests; requests use pathFor's exact target). */
  urlFor(path: string, query?: RequestOptions['query']): URL {
    return new URL(this.origin + this.pathFor(path, query));
  }

  async request(method: string, path: string, opts: RequestOptions = {}): Promise<HttpAnswer> {
    const target = this.describe(method, path);
    const cancellation = this.options.cancellation;
    if (cancellation?.requested) throw new CancelledError(cancellation.reason ?? 'cancelled');
    const idempotent = opts.idempotent ?? IDEMPOTENT.has(method);
    // The rate limit covers /admin only (the health check is outside it).
    const admin = /^\/admin(\/|$|\?)/.test(path);
    const attempt: Attempt = { retries: 0, headersReceived: false, earlierMayHaveActed: false };
    if (admin) attempt.ticket = await this.paceForRateLimit(target);
    try {
      return await this.send(method, path, opts, { target, idempotent, attempt });
    } finally {
      if (attempt.ticket !== undefined) this.rateLimit.release(attempt.ticket);
    }
  }

  private async send(
    method: string,
    path: string,
    opts: RequestOptions,
    request: { target: string; idempotent: boolean; attempt: Attempt },
  ): Promise<HttpAnswer> {
    const { target, idempotent, attempt } = request;
    const cancellation = this.options.cancellation;
    const signal = opts.signal && cancellation ? AbortSignal.any([opts.signal, cancellation.abortSignal]) : (opts.signal ?? cancellation?.abortSignal);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (opts.auth !== false && this.options.token) headers.authorization = `Bearer ${this.options.token}`;
    let body: string | undefined;
    if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] = 'application/json';
    }
    const rawPath = this.pathFor(path, opts.query);
    const started = Date.now();
    const limits: AttemptLimits = {
      deadlineMs: this.options.timeoutMs,
      maxAnswerBytes: this.maxAnswerBytes,
      // The run's abort signal and the request's own (the health check drops a /healthz that hangs).
      signal,
      onDeadline: () => (this.consecutiveTimeouts += 1),
    };
    for (;;) {
      attempt.headersReceived = false;
      if (this.stalled()) throw this.stalledError(target);
      let response: Dispatcher.ResponseData;
      try {
        response = await this.dispatcher.request({
          origin: this.origin,
          path: rawPath,
          method: method as Dispatcher.HttpMethod,
          headers,
          body,
          [LIMITS]: limits,
          headersTimeout: this.options.timeoutMs,
          bodyTimeout: this.options.timeoutMs,
          // Read by the retry interceptor for this request only.
          retryOptions: { retry: (err: Error, _context: unknown, callback: (result?: Error | null) => void) => this.onRetry(err, { attempt, target, idempotent }, callback) },
        } as Dispatcher.RequestOptions);
      } catch (error) {
        if (error instanceof AnswerTooLargeError) throw this.tooLarge(target, error, attempt.retries + 1);
        const { kind, detail, sent } = classify(error);
        const seconds = this.options.timeoutMs / 1000;
        this.options.log?.debug(`${target}: ${detail} after ${Date.now() - started} ms`);
        const what = kind === 'timeout' && sent ? `timed out after ${seconds} s` : detail;
        throw new NetworkError(kind, target, `${what}${kind === 'refused' || kind === 'dns' || !sent ? this.viaProxy : ''}`, sent, attempt.retries + 1);
      }
      attempt.headersReceived = true;
      if (attempt.ticket !== undefined) this.rateLimit.observe(response.headers, attempt.ticket);
      this.observeDate(response.headers);
      const { text, cutOff, received, error } = await readBody(response.body);
      this.options.log?.debug(`${target} → ${response.statusCode}${cutOff ? ` (${error instanceof DeadlineError ? 'timed out' : error instanceof AnswerTooLargeError ? 'too large' : 'cut off'})` : ''} in ${Date.now() - started} ms${attempt.retries ? ` after ${attempt.retries} retries` : ''}`);
      if (!cutOff) {
        this.consecutiveTimeouts = 0;
        this.lastAnswerAt = Date.now();
      }
      if (error instanceof AnswerTooLargeError) throw this.tooLarge(target, error, attempt.retries + 1, response.statusCode);
      if (error instanceof AttemptAbandonedError) throw new NetworkError('network', target, 'abandoned (cancelled) while the answer arrived', true, attempt.retries + 1);
      if (!cutOff) return { status: response.statusCode, headers: response.headers, text, retries: attempt.retries, refused: attempt.refused, earlierMayHaveActed: attempt.earlierMayHaveActed };
      // A cut-off answer to a read is read again; to a create it is an unknown outcome (issue-keys reconciles).
      attempt.earlierMayHaveActed = true;
      const timedOut = error instanceof DeadlineError;
      if (idempotent && (await this.waitBeforeRetry(attempt, target, timedOut ? 'the answer did not finish in time' : 'the answer was cut off', undefined))) {
        this.renewTicket(attempt);
        continue;
      }
      if (timedOut) {
        const seconds = this.options.timeoutMs / 1000;
        throw new NetworkError('timeout', target, `timed out after ${seconds} s (answer ${response.statusCode} still arriving after ${received} bytes)`, true, attempt.retries + 1);
      }
      const expected = Number(response.headers['content-length']);
      throw new CutOffAnswerError(response.statusCode, target, snippetOf(text, this.redactToken), received, Number.isFinite(expected) ? expected : undefined, attempt.retries + 1);
    }
  }

  /** Request and parse a JSON answer; non-2xx → HttpStatusError (429: RateLimitedError), non-JSON → BadAnswerError. */
  async json<T = unknown>(method: string, path: string, opts: RequestOptions = {}): Promise<{ body: T; answer: HttpAnswer }> {
    const answer = await this.request(method, path, opts);
    const target = this.describe(method, path);
    if (answer.status === 429) throw this.rateLimitedError(target, answer);
    if (answer.status < 200 || answer.status > 299) {
      const refused = answer.refused;
      const note =
        refused ? `; ${refused.serverAsked ? `the server asks to wait ${Math.ceil(refused.waitMs / 1000)} s` : 'the next retry would wait'}, more than max-wait-seconds leaves; retry ${retryMoment(refused.waitMs)}`
        : answer.retries ? ` (${answer.retries + 1} attempts)`
        : '';
      throw new HttpStatusError(answer.status, target, snippetOf(errorText(this.redactToken(answer.text)), this.redactToken), answer.headers, note, answer.earlierMayHaveActed === true);
    }
    try {
      return { body: JSON.parse(answer.text) as T, answer };
    } catch {
      throw new BadAnswerError(answer.status, target, snippetOf(answer.text, this.redactToken) || '(empty body)');
    }
  }

  /**
   * Closes the connections. A request undici still holds (a proxy that keeps failing its tunnel, an
   * attempt given up at its deadline before it had a connection) would keep close() waiting, so
   * after a second the agent is destroyed instead: nothing of this run is waiting for an answer.
   */
  async close(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const closed = this.dispatcher.close().then(() => true, () => true);
    const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), 1000)));
    const done = await Promise.race([closed, late]);
    clearTimeout(timer);
    if (!done) await this.agent.destroy().catch(() => undefined);
  }

  /**
   * The server (or a proxy) is not answering: retries + 1 attempts or more timed out since its last
   * complete answer, and an attempt started now could end later than (retries + 1) × timeout +
   * max-wait after that answer. Occasional slow answers among good ones never get here.
   */
  private stalled(): boolean {
    if (this.consecutiveTimeouts < this.retries + 1) return false;
    const timeout = this.options.timeoutMs;
    return Date.now() - this.lastAnswerAt + timeout > (this.retries + 1) * timeout + this.budget.maxMs;
  }

  private stalledError(target: string): NetworkError {
    const idle = Math.round((Date.now() - this.lastAnswerAt) / 1000);
    return new NetworkError(
      'timeout',
      target,
      `not sent: no complete answer for ${idle} s (${this.consecutiveTimeouts} attempts timed out after ${this.options.timeoutMs / 1000} s each)`,
      false,
    );
  }

  private tooLarge(target: string, error: AnswerTooLargeError, attempts: number, status = 200): BadAnswerError {
    const tries = attempts > 1 ? ` (${attempts} attempts)` : '';
    return new BadAnswerError(status, target, '', `${target}: ${error.message}, more than the ${formatBytes(error.limit)} an answer may have; not read${tries}`);
  }

  /** Decides, for the retry interceptor, whether a failed attempt is tried again (after a wait). */
  private onRetry(
    err: Error,
    request: { attempt: Attempt; target: string; idempotent: boolean },
    callback: (result?: Error | null) => void,
  ): void {
    const { attempt, target, idempotent } = request;
    if (attempt.headersReceived) return callback(err);
    const { statusCode, code, headers } = err as Error & { statusCode?: number; code?: string; headers?: Headers };
    let retry: boolean;
    let why: string;
    let retryAfter: number | undefined;
    if (statusCode !== undefined && code === 'UND_ERR_REQ_RETRY') {
      why = `answered ${statusCode}`;
      if (attempt.ticket !== undefined && headers) this.rateLimit.observe(headers, attempt.ticket);
      // A 429 was refused before anything was done, so even a create may be repeated.
      retry = statusCode === 429 ? this.options.onRateLimit !== 'fail' : idempotent && RETRY_STATUSES.has(statusCode);
      if (retry && statusCode !== 429) attempt.earlierMayHaveActed = true;
      retryAfter = parseRetryAfter(headers?.['retry-after']);
    } else {
      // undici's connect timeout (a host that drops SYNs) counts like our deadline (which counts itself).
      if (code === 'UND_ERR_CONNECT_TIMEOUT') this.consecutiveTimeouts += 1;
      why = classify(err).detail;
      retry = NOT_SENT.has(code ?? '') || (idempotent && UNCERTAIN.has(code ?? ''));
      if (retry && UNCERTAIN.has(code ?? '')) attempt.earlierMayHaveActed = true;
    }
    if (!retry) return callback(err);
    this.waitBeforeRetry(attempt, target, why, retryAfter).then(
      (again) => {
        if (again) this.renewTicket(attempt);
        callback(again ? null : err);
      },
      () => callback(err),
    );
  }

  /** Waits before the next attempt; false when no attempt should follow (retries, budget or cancellation). */
  private async waitBeforeRetry(attempt: Attempt, target: string, why: string, retryAfterMs: number | undefined): Promise<boolean> {
    const cancellation = this.options.cancellation;
    if (cancellation?.requested || attempt.retries >= this.retries || this.stalled()) return false;
    const delay = retryAfterMs ?? fullJitter(attempt.retries, this.random);
    if (!this.budget.reserve(delay)) {
      attempt.refused = { waitMs: delay, serverAsked: retryAfterMs !== undefined };
      this.options.log?.debug(`${target}: ${why}; not retried: waiting ${Math.ceil(delay / 1000)} s exceeds what max-wait-seconds leaves (${Math.floor(this.budget.left() / 1000)} s)`);
      return false;
    }
    attempt.retries += 1;
    this.retriesMade += 1;
    this.options.log?.debug(`${target}: ${why}; retry ${attempt.retries} of ${this.retries} in ${(delay / 1000).toFixed(1)} s${retryAfterMs !== undefined ? ' (Retry-After)' : ''}`);
    return sleep(delay, cancellation?.signal);
  }

  /** Holds an admin request until the rate limit has room: waits out the window (budget permitting) or fails. */
  private async paceForRateLimit(target: string): Promise<number> {
    const cancellation = this.options.cancellation;
    for (;;) {
      const turn = this.rateLimit.acquire();
      if ('ticket' in turn) return turn.ticket;
      const { waitMs } = turn;
      const resetAt = new Date(Date.now() + waitMs);
      if (this.options.onRateLimit === 'fail') throw new RateLimitedError(target, resetAt, false, 'on-rate-limit is fail');
      if (!this.budget.reserve(waitMs)) {
        throw new RateLimitedError(target, resetAt, false, `waiting ${Math.ceil(waitMs / 1000)} s for the next window exceeds what max-wait-seconds leaves (${Math.floor(this.budget.left() / 1000)} s)`);
      }
      this.options.log?.debug(`${target}: admin rate limit used up; waiting ${Math.ceil(waitMs / 1000)} s for the next window`);
      if (!(await sleep(waitMs + 100, cancellation?.signal))) throw new CancelledError(cancellation?.reason ?? 'cancelled');
    }
  }

  /** A retry is one more request against the admin rate limit. */
  private renewTicket(attempt: Attempt): void {
    if (attempt.ticket === undefined) return;
    this.rateLimit.release(attempt.ticket);
    attempt.ticket = this.rateLimit.count();
  }

  private rateLimitedError(target: string, answer: HttpAnswer): RateLimitedError {
    const waitMs = answer.refused?.waitMs ?? parseRetryAfter(answer.headers['retry-after']) ?? Math.max(0, (this.rateLimit.window()?.resetAt.getTime() ?? Date.now()) - Date.now());
    const why =
      answer.refused ? `the server asks to wait ${Math.ceil(waitMs / 1000)} s, more than max-wait-seconds leaves (${Math.floor(this.budget.left() / 1000)} s)`
      : this.options.onRateLimit === 'fail' ? 'on-rate-limit is fail'
      : `still refused after ${answer.retries + 1} attempts`;
    return new RateLimitedError(target, new Date(Date.now() + waitMs), true, why, answer.headers);
  }

  private observeDate(headers: Headers): void {
    const date = Date.parse(String(headers.date ?? ''));
    if (!Number.isNaN(date)) this.serverClockOffsetMs = date - Date.now();
  }
}

/** Which proxy EnvHttpProxyAgent uses for `url` (same variables, same NO_PROXY matching by host), for messages. */
function proxyNote(url: URL, env: NodeJS.ProcessEnv): string {
  const https = url.protocol === 'https:';
  const names = https ? ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'] : ['http_proxy', 'HTTP_PROXY'];
  const name = names.find((n) => env[n]);
  if (!name) return '';
  const noProxy = (env.no_proxy ?? env.NO_PROXY ?? '').split(/[\s,]+/).filter(Boolean);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const bypassed = noProxy.some((entry) => {
    if (entry === '*') return true;
    const bare = entry.replace(/^\*?\./, '').replace(/:\d+$/, '');
    return host === bare || host.endsWith(`.${bare}`);
  });
  return bypassed ? '' : ` through the proxy ${redactUrl(env[name]!)} (${name})`;
}

/**
 * The whole body, or as much as arrived before it broke off. Events, not `for await`: the async
 * iterator costs a promise per chunk, which showed up as the largest item in a batch's profile.
 */
function readBody(body: Dispatcher.ResponseData['body']): Promise<{ text: string; cutOff: boolean; received: number; error?: unknown }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    // A broken-off answer is only shown as a snippet: its first 4 KiB, not up to 16 MiB joined and decoded.
    const done = (cutOff: boolean, error?: unknown) => {
      let kept = chunks;
      if (cutOff) {
        let size = 0;
        const head = chunks.findIndex((chunk) => (size += chunk.length) >= 4096);
        kept = head === -1 ? chunks : chunks.slice(0, head + 1);
      }
      const text = Buffer.concat(kept).subarray(0, cutOff ? 4096 : undefined).toString('utf8');
      chunks.length = 0;
      resolve({ text, cutOff, received, error });
    };
    body.on('data', (chunk: Buffer) => {
      received += chunk.length;
      chunks.push(chunk);
    });
    body.once('end', () => done(false));
    body.once('error', (error) => done(true, error));
  });
}

/** The message inside the error bodies the flavors send ({"error":{"message"}} or {"error":"..."}), else the text. */
function errorText(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: unknown; message?: unknown };
    if (typeof body.error === 'string') return body.error;
    if (body.error && typeof (body.error as { message?: unknown }).message === 'string')
      return (body.error as { message: string }).message;
    if (typeof body.message === 'string') return body.message;
  } catch {
    // not JSON: HTML error pages are shown by their first characters
  }
  return text;
}
