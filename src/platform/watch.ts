// `quota-keys monitor --watch SECONDS`: the old tool's live monitor on the command line. Passes run
// SECONDS apart until Ctrl-C: the first Ctrl-C (or SIGTERM) ends the wait at once, or cancels the
// pass under way (`onStop`: its requests get a short grace, then are abandoned) and ends the loop
// after it; a second one quits at once. A failing pass is reported and the watch goes on.
import type { EventEmitter } from 'node:events';
import { InputError } from '../config/options.js';
import { parseWholeNumber } from '../config/values.js';
import { timersPromises } from '../shared/builtins.js';
import { errorMessage } from '../shared/errors.js';

/** `--watch` is a flag of the command line only (a loop has no place in a CI step): monitor only. */
export function watchSeconds(raw: string, command: string): number {
  if (command !== 'monitor')
    throw new InputError('watch', raw, 'only monitor repeats (--watch SECONDS); schedule other commands with cron');
  return parseWholeNumber('watch', raw, 1, 86_400);
}

export interface WatchIo {
  /** Progress for people (stderr). */
  status(message: string): void;
  /** A pass that threw. */
  error(message: string): void;
  /** Called before each pass (a terminal clears its screen). */
  beforePass?(): void;
  /** Quit now (second Ctrl-C). */
  exit(code: number): void;
  /** The first signal: cancel the pass under way. */
  onStop?(signal: 'SIGINT' | 'SIGTERM'): void;
}

/** Runs `pass` every `seconds` until interrupted; returns the exit code of the last pass. */
export async function watch(
  seconds: number,
  pass: () => Promise<number>,
  io: WatchIo,
  signals: EventEmitter = process,
): Promise<number> {
  const stop = new AbortController();
  const onSignal = (signal: 'SIGINT' | 'SIGTERM') => {
    if (stop.signal.aborted) return io.exit(signal === 'SIGTERM' ? 143 : 130);
    stop.abort();
    io.onStop?.(signal);
    io.status('stopping (Ctrl-C again to quit at once)');
  };
  const onInterrupt = () => onSignal('SIGINT');
  const onTerminate = () => onSignal('SIGTERM');
  signals.on('SIGINT', onInterrupt);
  signals.on('SIGTERM', onTerminate);
  io.status(`watching every ${seconds} s; Ctrl-C stops`);
  let code = 0;
  try {
    while (!stop.signal.aborted) {
      io.beforePass?.();
      try {
        code = await pass();
      } catch (error) {
        io.error(errorMessage(error));
        code = 1;
      }
      if (stop.signal.aborted) break;
      try {
        await timersPromises().setTimeout(seconds * 1000, undefined, { signal: stop.signal });
      } catch {
        break; // interrupted while waiting
      }
    }
  } finally {
    signals.off('SIGINT', onInterrupt);
    signals.off('SIGTERM', onTerminate);
  }
  return code;
}
