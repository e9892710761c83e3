// Waiting for a stream that said "not now" (write() returned false): until it drains, or closes or
// fails (then nothing more will drain, and waiting on would never end).
import type { Writable } from 'node:stream';

/** Settles once `stream` has taken what it was given; undefined when it already has. */
export function drainedOf(stream: Writable): Promise<void> | undefined {
  if (!stream.writableNeedDrain) return undefined;
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done).off('close', done).off('error', done);
      resolve();
    };
    stream.on('drain', done).on('close', done).on('error', done);
  });
}
