// Cancellation (SIGINT, SIGTERM): the first signal stops new requests and lets those in flight
// finish, each bounded by timeout-seconds, so the CSV gets every key the server created; a second
// signal aborts what is still in flight. The runner sends SIGINT, then SIGTERM 7.5 s later.

export class CancelledError extends Error {
  constructor(readonly reason: string) {
    super(`cancelled (${reason})`);
    this.name = 'CancelledError';
  }
}

export type StopSignal = 'SIGINT' | 'SIGTERM';

export class Cancellation {
  private readonly stop = new AbortController();
  private readonly abort = new AbortController();
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

  /** Aborted on the second cancel: requests still in flight are abandoned. */
  get abortSignal(): AbortSignal {
    return this.abort.signal;
  }

  cancel(reason: string): void {
    if (!this.stop.signal.aborted) {
      this.reason = reason;
      this.stop.abort(new CancelledError(reason));
    } else if (!this.abort.signal.aborted) {
      this.abort.abort(new CancelledError(reason));
    }
  }

  /** Turns SIGINT/SIGTERM into cancel(); returns the function that removes the handlers. */
  listen(onSignal?: (signal: StopSignal, second: boolean) => void, target: Pick<NodeJS.Process, 'on' | 'off'> = process): () => void {
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
export function exitCodeFor(reason: string | undefined): number {
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
