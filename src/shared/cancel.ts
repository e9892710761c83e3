// Cancellation (SIGINT, SIGTERM): the first signal stops new requests and gives those in flight a
// short grace (GRACE_MS) to bring their answers, so the CSV gets the keys a normally answering
// server made; then, or at once on a second signal, what is still in flight is aborted. So one
// signal ends any command within a few seconds, whatever the server or a proxy does. The runner
// sends SIGINT, then SIGTERM 7.5 s later.

import { type ExitCode, QuotaKeysError } from './errors.js';

export class CancelledError extends QuotaKeysError {
  constructor(readonly reason: string) {
    super(`cancelled (${reason})`, exitCodeFor(reason));
    this.name = 'CancelledError';
  }
}

export type StopSignal = 'SIGINT' | 'SIGTERM';

/** How long requests in flight may still finish after the first signal. */
export const GRACE_MS = 2500;

export class Cancellation {
  private readonly stop = new AbortController();
  private readonly abort = new AbortController();
  private graceTimer?: NodeJS.Timeout;

  /** `graceMs`: how long requests in flight may finish after the first cancel before they are aborted. */
  constructor(private readonly graceMs = GRACE_MS) {}
  /** What cancelled the run ('SIGTERM', 'SIGINT', or a caller's reason). */
  reason?: string;

  /** True once cancelled: start no new request. */
  get requested(): boolean {
    return this.stop.signal.aborted;
  }

  /** Aborted on the first cancel: waits end, no new request starts. */
  get signal(): AbortSignal {
    return this.stop.signal;
  }

  /** Aborted GRACE_MS after the first cancel, or on the second: requests still in flight are abandoned. */
  get abortSignal(): AbortSignal {
    return this.abort.signal;
  }

  cancel(reason: string): void {
    if (!this.stop.signal.aborted) {
      this.reason = reason;
      this.stop.abort(new CancelledError(reason));
      // Unref'd: a run that ends within the grace does not wait for it.
      this.graceTimer = setTimeout(() => this.abandon(reason), this.graceMs);
      this.graceTimer.unref();
    } else {
      this.abandon(reason);
    }
  }

  /** Aborts what is still in flight. */
  private abandon(reason: string): void {
    clearTimeout(this.graceTimer);
    if (!this.abort.signal.aborted) this.abort.abort(new CancelledError(reason));
  }

  /** Turns SIGINT/SIGTERM into cancel(); returns the function that removes the handlers. */
  listen(
    onSignal?: (signal: StopSignal, second: boolean) => void,
    target: Pick<NodeJS.Process, 'on' | 'off'> = process,
  ): () => void {
    const handler = (signal: StopSignal) => {
      const second = this.requested;
      this.cancel(signal);
      onSignal?.(signal, second);
    };
    const signals: StopSignal[] = ['SIGINT', 'SIGTERM'];
    for (const signal of signals) target.on(signal, handler);
    return () => {
      for (const signal of signals) target.off(signal, handler);
    };
  }
}

/** Exit status of a process stopped by `signal`, by shell convention (128 + signal number). */
export function exitCodeFor(reason: string | undefined): ExitCode {
  return reason === 'SIGINT' ? 130 : reason === 'SIGTERM' ? 143 : 1;
}

/** Waits `ms`; resolves false when `signal` aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (completed: boolean) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(completed);
    };
    const onAbort = () => done(false);
    const timer = setTimeout(() => done(true), Math.max(0, ms));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
