// One keep-alive HTTP client per run, shared by every request (undici).
import { EnvHttpProxyAgent, request, type Dispatcher } from 'undici';
import { redactUrl } from '../redact.js';

export type NetworkFailure = 'timeout' | 'refused' | 'dns' | 'reset' | 'network';

/** The request never produced a complete answer. `sent` is false only when we know the server saw nothing. */
export class NetworkError extends Error {
  constructor(
    readonly kind: NetworkFailure,
    readonly target: string,
    detail: string,
    readonly sent: boolean,
  ) {
    super(`${target}: ${detail}`);
    this.name = 'NetworkError';
  }
}

/** The server answered with a status that the caller did not expect. */
export class HttpStatusError extends Error {
  constructor(
    readonly status: number,
    readonly target: string,
    readonly snippet: string,
    readonly headers: Record<string, string | string[] | undefined>,
  ) {
    super(`${target} answered ${status}${snippet ? `: ${snippet}` : ''}`);
    this.name = 'HttpStatusError';
  }
}

/** The server answered 2xx but the body is not the JSON we need (HTML page, truncated body…). */
export class BadAnswerError extends Error {
  constructor(
    readonly status: number,
    readonly target: string,
    readonly snippet: string,
  ) {
    super(`${target} answered ${status} with something that is not the expected JSON: ${snippet}`);
    this.name = 'BadAnswerError';
  }
}

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export interface HttpClientOptions {
  baseUrl: URL;
  token?: string;
  timeoutMs: number;
  connections: number;
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** Send the admin token (default true; the health check does not). */
  auth?: boolean;
}

/** First ~100 characters of a body, on one line: enough to recognise an HTML error page. */
export function snippetOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 100 ? `${flat.slice(0, 100)}…` : flat;
}

function classify(error: unknown): { kind: NetworkFailure; detail: string; sent: boolean } {
  const err = error as { name?: string; code?: string; message?: string; cause?: { code?: string } };
  const code = err.code ?? err.cause?.code ?? '';
  if (err.name === 'TimeoutError' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT')
    return { kind: 'timeout', detail: 'timed out', sent: true };
  if (code === 'ECONNREFUSED') return { kind: 'refused', detail: 'connection refused', sent: false };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { kind: 'dns', detail: 'host name not found (DNS)', sent: false };
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE')
    return { kind: 'reset', detail: 'connection reset by the server', sent: true };
  return { kind: 'network', detail: err.message ?? String(error), sent: true };
}

export class HttpClient {
  readonly dispatcher: Dispatcher;
  private readonly base: URL;
  private readonly basePath: string;

  constructor(private readonly options: HttpClientOptions) {
    // Credentials in the URL are never sent nor shown: the admin token is the only credential.
    this.base = new URL(options.baseUrl.href);
    this.base.username = '';
    this.base.password = '';
    this.basePath = this.base.pathname.replace(/\/+$/, '');
    // Honours HTTP_PROXY / HTTPS_PROXY / NO_PROXY; a plain keep-alive Agent when none is set.
    this.dispatcher = new EnvHttpProxyAgent({ connections: options.connections, keepAliveTimeout: 10_000 });
  }

  /** `METHOD <url>` with credentials removed, for messages. */
  describe(method: string, path: string): string {
    return `${method} ${redactUrl(this.urlFor(path).href)}`;
  }

  urlFor(path: string, query?: RequestOptions['query']): URL {
    const url = new URL(this.base.href);
    url.pathname = this.basePath + path;
    url.search = '';
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    return url;
  }

  async request(method: string, path: string, opts: RequestOptions = {}): Promise<HttpAnswer> {
    const url = this.urlFor(path, opts.query);
    const target = this.describe(method, path);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (opts.auth !== false && this.options.token) headers.authorization = `Bearer ${this.options.token}`;
    let body: string | undefined;
    if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] = 'application/json';
    }
    try {
      const answer = await request(url, {
        method: method as Dispatcher.HttpMethod,
        headers,
        body,
        dispatcher: this.dispatcher,
        signal: AbortSignal.timeout(this.options.timeoutMs),
        headersTimeout: this.options.timeoutMs,
        bodyTimeout: this.options.timeoutMs,
      });
      const text = await answer.body.text();
      return { status: answer.statusCode, headers: answer.headers, text };
    } catch (error) {
      const { kind, detail, sent } = classify(error);
      const seconds = this.options.timeoutMs / 1000;
      throw new NetworkError(kind, target, kind === 'timeout' ? `timed out after ${seconds} s` : detail, sent);
    }
  }

  /** Request and parse a JSON answer; non-2xx → HttpStatusError, non-JSON → BadAnswerError. */
  async json<T = unknown>(method: string, path: string, opts: RequestOptions = {}): Promise<{ body: T; answer: HttpAnswer }> {
    const answer = await this.request(method, path, opts);
    const target = this.describe(method, path);
    if (answer.status < 200 || answer.status > 299) {
      throw new HttpStatusError(answer.status, target, snippetOf(errorText(answer.text)), answer.headers);
    }
    try {
      return { body: JSON.parse(answer.text) as T, answer };
    } catch {
      throw new BadAnswerError(answer.status, target, snippetOf(answer.text) || '(empty body)');
    }
  }

  async close(): Promise<void> {
    await this.dispatcher.close();
  }
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
