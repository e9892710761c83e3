// What a request can fail with: no answer, an unexpected status, an answer that is not what was asked.
// The client (./http.ts) makes these; the API, commands and the issuing steps only read them.

import { QuotaKeysError } from '../shared/errors.js';
import { type AnswerTooLargeError, DeadlineError, formatBytes } from './attempt-limits.js';
import { type Refused, retryAdvice, retryMoment, waitText } from './retry.js';

export type NetworkFailure = 'timeout' | 'refused' | 'dns' | 'reset' | 'plain-http' | 'network';
export type Headers = Record<string, string | string[] | undefined>;

/** The request never produced a complete answer. `sent` is false only when we know the server saw nothing. */
export class NetworkError extends QuotaKeysError {
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
export class HttpStatusError extends QuotaKeysError {
  constructor(
    readonly status: number,
    readonly target: string,
    readonly snippet: string,
    readonly headers: Headers,
    note = '',
    /**
     * An earlier attempt may have done the work (a DELETE then answers 404): not after a 429 or a refused
     * connection.
     */
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
    /** What to do: by default when to retry (or, past a year, what to check). */
    advice = retryAdvice(retryAt),
  ) {
    super(429, target, '', headers);
    this.message =
      `${target}: ` +
      `${answered ? 'answered 429 (rate limited)' : 'not sent: the admin rate limit is used up'}; ${why}; ${advice}.`;
    this.name = 'RateLimitedError';
  }
}

/** The server answered 2xx but the body is not the JSON we need (HTML page, truncated body…). */
export class BadAnswerError extends QuotaKeysError {
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
  constructor(
    status: number,
    target: string,
    snippet: string,
    received: number,
    expected: number | undefined,
    attempts: number,
  ) {
    const size = expected === undefined ? `${received} bytes` : `${received} of ${expected} bytes`;
    const tries = attempts > 1 ? ` (${attempts} attempts)` : '';
    super(
      status,
      target,
      snippet,
      `${target} answered ${status} but the answer was cut off after ${size}${tries}: ${snippet || '(empty)'}`,
    );
    this.name = 'CutOffAnswerError';
  }
}

/** An answer larger than the client accepts: refused, not read. */
export function answerTooLarge(
  target: string,
  error: AnswerTooLargeError,
  attempts: number,
  status = 200,
): BadAnswerError {
  const tries = attempts > 1 ? ` (${attempts} attempts)` : '';
  return new BadAnswerError(
    status,
    target,
    '',
    `${target}: ${error.message}, more than the ${formatBytes(error.limit)} an answer may have; not read${tries}`,
  );
}

/**
 * An attempt that got no answer, from what undici or Node said. A timeout after sending names the
 * deadline; a refused connection, an unknown host or anything not sent names the proxy it went through.
 */
export function networkErrorOf(
  error: unknown,
  target: string,
  attempts: number,
  timeoutMs: number,
  viaProxy: string,
): NetworkError {
  const { kind, detail, sent } = classify(error);
  const what = kind === 'timeout' && sent ? `timed out after ${timeoutMs / 1000} s` : detail;
  const advice = kind === 'plain-http' ? PLAIN_HTTP_ADVICE : '';
  return new NetworkError(
    kind,
    target,
    `${what}${kind === 'refused' || kind === 'dns' || !sent ? viaProxy : ''}${advice}`,
    sent,
    attempts,
  );
}

/** An answer that broke off and is not read again: past its deadline a timeout, else a cut-off answer. */
export function brokenOffError(
  answer: { status: number; headers: Headers; snippet: string; received: number; error?: unknown },
  target: string,
  attempts: number,
  timeoutMs: number,
): NetworkError | CutOffAnswerError {
  const { status, received } = answer;
  if (answer.error instanceof DeadlineError) {
    return new NetworkError(
      'timeout',
      target,
      `timed out after ${timeoutMs / 1000} s (answer ${status} still arriving after ${received} bytes)`,
      true,
      attempts,
    );
  }
  const expected = Number(answer.headers['content-length']);
  return new CutOffAnswerError(
    status,
    target,
    answer.snippet,
    received,
    Number.isFinite(expected) ? expected : undefined,
    attempts,
  );
}

/** What an error status adds after its snippet: the wait the budget could not give, or how many attempts it took. */
export function statusNote(answer: { retries: number; refused?: Refused }): string {
  const refused = answer.refused;
  if (refused) {
    const asked = refused.serverAsked
      ? `the server asks to wait ${waitText(refused.waitMs)}`
      : 'the next retry would wait';
    return `; ${asked}, more than max-wait-seconds leaves; retry ${retryMoment(refused.waitMs)}`;
  }
  return answer.retries ? ` (${answer.retries + 1} attempts)` : '';
}

/**
 * OpenSSL's words when the bytes that came back to our TLS ClientHello are no TLS record: the port
 * speaks plain HTTP (its "HTTP/1.1 400" read as a record header), not a certificate problem.
 */
const PLAIN_HTTP_CODES = new Set([
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'ERR_SSL_PACKET_LENGTH_TOO_LONG',
  'ERR_SSL_UNKNOWN_PROTOCOL',
  'ERR_SSL_RECORD_LAYER_FAILURE',
]);
const PLAIN_HTTP_WORDS = /wrong version number|packet length too long|unknown protocol|record layer failure/i;
const PLAIN_HTTP_ADVICE = ": use http:// in url, or the server's TLS port";

/**
 * What a failed attempt (an undici or Node error) means: its kind, a message, and whether the server may have seen
 * it.
 */
export function classify(error: unknown): { kind: NetworkFailure; detail: string; sent: boolean } {
  const err = error as { name?: string; code?: string; message?: string; cause?: { code?: string } };
  const code = err.code ?? err.cause?.code ?? '';
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return { kind: 'timeout', detail: 'timed out connecting', sent: false };
  // undici 8: the proxy closed the connection before the CONNECT tunnel was up (undici 7 looped forever).
  if (code === 'UND_ERR_PRX_CONN')
    return {
      kind: 'network',
      detail: 'the proxy closed the connection while opening the tunnel (CONNECT)',
      sent: false,
    };
  if (code === 'QK_ABANDONED') return { kind: 'network', detail: 'abandoned (cancelled)', sent: true };
  if (
    err.name === 'TimeoutError' ||
    code === 'UND_ERR_HEADERS_TIMEOUT' ||
    code === 'UND_ERR_BODY_TIMEOUT' ||
    code === 'ETIMEDOUT'
  )
    return { kind: 'timeout', detail: 'timed out', sent: true };
  if (code === 'ECONNREFUSED') return { kind: 'refused', detail: 'connection refused', sent: false };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return { kind: 'dns', detail: 'host name not found (DNS)', sent: false };
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE' || code === 'UND_ERR_CLOSED')
    return { kind: 'reset', detail: 'connection reset by the server', sent: true };
  if (err.name === 'AbortError' || code === 'UND_ERR_ABORTED')
    return { kind: 'network', detail: 'abandoned (cancelled)', sent: true };
  const message = err.message ?? String(error);
  // The handshake failed: nothing of the request was sent.
  if (PLAIN_HTTP_CODES.has(code) || PLAIN_HTTP_WORDS.test(message))
    return { kind: 'plain-http', detail: 'the port answers plain HTTP, not TLS', sent: false };
  // OpenSSL's messages end in a line break: one line.
  return { kind: 'network', detail: message.replace(/\s+/g, ' ').trim(), sent: true };
}
