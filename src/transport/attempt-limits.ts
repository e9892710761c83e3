// Limits of one attempt of a request, as an undici interceptor: every dispatch is one attempt (the
// client's retry loop dispatches again), so the first and each retry get their own:
// - a total deadline: from dispatch (queue, connect, proxy tunnel) through headers to the last
//   byte of the body. undici's own timers only bound the gap between bytes, so a body that drips
//   one byte every half second never times out there;
// - a size limit on the answer (Content-Length, then the bytes that actually arrive);
// - cancellation: the run's abort signal ends the attempt even before undici has a connection for
//   it (a request waiting on a proxy that never completes its tunnel has no controller to abort).
// A failed attempt is reported to the handler above once; whatever undici says about it later is
// dropped, and undici's own request is aborted as soon as it has a controller.
// The client reads every answer whole before it decides on a retry: nothing above holds an answer
// paused, so the clock runs from dispatch to the last byte.

import type { Dispatcher } from 'undici';
import { QuotaKeysError } from '../shared/errors.js';

/** The whole answer did not arrive within the deadline. */
export class DeadlineError extends QuotaKeysError {
  readonly code = 'QK_DEADLINE';
  constructor(readonly ms: number) {
    super(`no complete answer within ${ms / 1000} s`);
    this.name = 'TimeoutError';
  }
}

/** The answer is larger than the client accepts. */
export class AnswerTooLargeError extends QuotaKeysError {
  readonly code = 'QK_ANSWER_TOO_LARGE';
  constructor(
    readonly limit: number,
    readonly announced?: number,
  ) {
    super(
      `the answer is larger than ${formatBytes(limit)}` +
        `${announced !== undefined ? ` (Content-Length ${formatBytes(announced)})` : ''}`,
    );
    this.name = 'AnswerTooLargeError';
  }
}

/** The run's abort signal fired while the attempt was on its way. */
export class AttemptAbandonedError extends QuotaKeysError {
  readonly code = 'QK_ABANDONED';
  constructor() {
    super('abandoned (cancelled)');
    this.name = 'AbortError';
  }
}

export interface AttemptLimits {
  /** Total time of one attempt, connect to last body byte. */
  deadlineMs: number;
  /** Largest answer body accepted, in bytes. */
  maxAnswerBytes: number;
  /** Abandons the attempt when aborted. */
  signal?: AbortSignal;
  /** Called once when an attempt hits its deadline. */
  onDeadline?: () => void;
}

/** 16 MiB: a listing of about 100 000 keys; anything larger is refused, not buffered. */
export const MAX_ANSWER_BYTES = 16 * 1024 * 1024;

/** Where the limits ride in the dispatch options. */
export const LIMITS = 'quotaKeysAttemptLimits';

export function attemptLimits(): Dispatcher.DispatcherComposeInterceptor {
  return (dispatch) => (opts, handler) => {
    const limits = (opts as { [LIMITS]?: AttemptLimits })[LIMITS];
    if (!limits) return dispatch(opts, handler);
    const guarded = new LimitedAttempt(limits, handler);
    try {
      return dispatch(opts, guarded);
    } catch (error) {
      guarded.dispose();
      throw error;
    }
  };
}

/** Handed to the handler above with our own failure: not aborted, so the retry policy still decides. */
const DETACHED: Dispatcher.DispatchController = {
  aborted: false,
  paused: false,
  reason: null,
  abort() {},
  pause() {},
  resume() {},
};

/** An attempt in flight on an abort signal: a link of that signal's list. */
interface Watched {
  abandon: () => void;
  prev?: Watched;
  next?: Watched;
}

/**
 * The attempts in flight on each abort signal, behind one listener per signal, in a list whose links
 * are cleared as each attempt ends. A listener of each attempt's own on the run-long signal chained
 * them all: Node's EventTarget (and a Set's table when rebuilt) leaves what was removed pointing at
 * what came after it, so once a full collection promoted an attempt in flight, every later attempt
 * was kept alive by the dead one before it and promoted too (a rotation of 100,000 keys: 5 KB
 * promoted per DELETE, a full collection every 170 ms, its time ×13 for ×10 the keys).
 */
const watchedOn = new WeakMap<AbortSignal, WatchList>();

interface WatchList {
  first?: Watched;
  last?: Watched;
}

function watch(signal: AbortSignal, abandon: () => void): Watched {
  let list = watchedOn.get(signal);
  if (!list) {
    const created: WatchList = {};
    watchedOn.set(signal, created);
    signal.addEventListener(
      'abort',
      () => {
        for (let at = created.first; at; at = created.first) {
          unwatch(signal, at);
          at.abandon();
        }
      },
      { once: true },
    );
    list = created;
  }
  // In the order the attempts started: the abort abandons them in that order.
  const watched: Watched = { abandon, prev: list.last };
  if (list.last) list.last.next = watched;
  else list.first = watched;
  list.last = watched;
  return watched;
}

function unwatch(signal: AbortSignal, watched: Watched): void {
  const list = watchedOn.get(signal);
  if (!list) return;
  if (watched.prev) watched.prev.next = watched.next;
  else if (list.first === watched) list.first = watched.next;
  if (watched.next) watched.next.prev = watched.prev;
  else if (list.last === watched) list.last = watched.prev;
  watched.prev = undefined;
  watched.next = undefined;
}

class LimitedAttempt implements Dispatcher.DispatchHandler {
  private controller?: Dispatcher.DispatchController;
  private finished = false;
  private failure?: Error;
  private received = 0;
  private timer?: NodeJS.Timeout;
  private readonly onAbort = () => this.fail(new AttemptAbandonedError());
  private watched?: Watched;

  constructor(
    private readonly limits: AttemptLimits,
    private readonly handler: Dispatcher.DispatchHandler,
  ) {
    this.start();
    if (limits.signal?.aborted) setImmediate(this.onAbort);
    else if (limits.signal) this.watched = watch(limits.signal, this.onAbort);
  }

  /** The deadline: from dispatch to the answer's last byte. */
  private start(): void {
    this.timer = setTimeout(() => {
      if (this.finished) return;
      this.limits.onDeadline?.();
      this.fail(new DeadlineError(this.limits.deadlineMs));
    }, this.limits.deadlineMs);
  }

  dispose(): void {
    this.finished = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.limits.signal && this.watched) unwatch(this.limits.signal, this.watched);
    this.watched = undefined;
  }

  /**
   * Ends the attempt with `error`: aborts undici's request (now or when it starts) and tells the handler above
   * once.
   */
  private fail(error: Error): void {
    if (this.finished) return;
    this.dispose();
    this.failure = error;
    try {
      this.controller?.abort(error);
    } catch {
      // already torn down
    }
    this.handler.onResponseError?.(DETACHED, error);
  }

  onRequestStart(controller: Dispatcher.DispatchController, context: unknown): void {
    this.controller = controller;
    if (this.finished) {
      if (this.failure) controller.abort(this.failure);
      return;
    }
    this.handler.onRequestStart?.(controller, context);
  }

  onRequestUpgrade(
    controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: Record<string, string | string[] | undefined>,
    socket: import('node:stream').Duplex,
  ): void {
    if (!this.finished) this.handler.onRequestUpgrade?.(controller, statusCode, headers, socket);
  }

  onResponseStarted(): void {
    if (!this.finished) this.handler.onResponseStarted?.();
  }

  onBodySent(chunk: Buffer): void {
    if (!this.finished) this.handler.onBodySent?.(chunk);
  }

  onRequestSent(): void {
    if (!this.finished) this.handler.onRequestSent?.();
  }

  onResponseStart(
    controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: Record<string, string | string[] | undefined>,
    statusMessage?: string,
  ): void {
    if (this.finished) return;
    const announced = Number(headers['content-length']);
    if (statusCode >= 200 && Number.isFinite(announced) && announced > this.limits.maxAnswerBytes) {
      this.fail(new AnswerTooLargeError(this.limits.maxAnswerBytes, announced));
      return;
    }
    this.handler.onResponseStart?.(controller, statusCode, headers, statusMessage);
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.finished) return;
    this.received += chunk.length;
    if (this.received > this.limits.maxAnswerBytes) {
      this.fail(new AnswerTooLargeError(this.limits.maxAnswerBytes));
      return;
    }
    this.handler.onResponseData?.(controller, chunk);
  }

  onResponseEnd(
    controller: Dispatcher.DispatchController,
    trailers: Record<string, string | string[] | undefined>,
  ): void {
    if (this.finished) return;
    this.dispose();
    this.handler.onResponseEnd?.(controller, trailers);
  }

  onResponseError(controller: Dispatcher.DispatchController, error: Error): void {
    if (this.finished) return;
    this.dispose();
    this.handler.onResponseError?.(controller, error);
  }
}

/** 16 MiB, 300 MB: binary units below a GiB as MiB. */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB` : `${bytes} bytes`;
}
