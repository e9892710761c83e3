// `quota-keys monitor --watch SECONDS`: the seed tool's live monitor on the command line. Passes run
// SECONDS apart until Ctrl-C: the first Ctrl-C ends the wait at once (or ends the loop after the
// pass under way), a second one quits at once. A failing pass is reported and the watch goes on.
import type { EventEmitter } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { InputError, parseWholeNumber } from '../options.js';

/** `--watch` is a flag of the command line only (a loop has no place in a CI step): monitor only. */
export function watchSeconds(raw: string, command: string): number {
  if (command !== 'monitor') throw new InputError('watch', raw, 'only monitor repeats (--watch SECONDS); schedule other commands with cron');
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
}

/** Runs `pass` every `seconds` until interrupted; returns the exit code of the last pass. */
export async function watch(seconds: number, pass: () => Promise<number>, io: WatchIo, signals: EventEmitter = process): Promise<number> {
  const stop = new AbortController();
  const onInterrupt = () => {
    if (stop.signal.aborted) return io.exit(130);
    stop.abort();
    io.status('stopping (Ctrl-C again to quit at once)');
  };
  signals.on('SIGINT', onInterrupt);
  io.status(`watching every ${seconds} s; Ctrl-C stops`);
  let code = 0;
  try {
    while (!stop.signal.aborted) {
      io.beforePass?.();
      try {
        code = await pass();
      } catch (error) {
        io.error(error instanceof Error ? error.message : String(error));
        code = 1;
      }
      if (stop.signal.aborted) break;
      try {
        await sleep(seconds * 1000, undefined, { signal: stop.signal });
      } catch {
        break; // interrupted while waiting
      }
    }
  } finally {
    signals.off('SIGINT', onInterrupt);
  }
  return code;
}
