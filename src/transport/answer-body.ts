// One answer collected: its head, then its body whole or as much as arrived before it broke off (the
// deadline and size limit of ./attempt-limits.ts end it); and the message inside an error body.
import { StringDecoder } from 'node:string_decoder';
import type { Dispatcher } from 'undici';
import type { Headers } from './errors.js';

export interface BodyRead {
  text: string;
  /** The body ended in an error (cut off, deadline, too large, abandoned) rather than at its end. */
  cutOff: boolean;
  /** Bytes that arrived. */
  received: number;
  error?: unknown;
}

/** A broken-off answer is only shown as a snippet: its first 4 KiB, not up to 16 MiB joined and decoded. */
const CUT_OFF_KEPT = 4096;
/**
 * Decoded pieces joined into one flat string every so often: appended one by one, 16 MiB sent as 1-byte chunks
 * was a string of 16 million parts (600 MB); joined per 1,024 it holds 16,000.
 */
const PIECES_JOINED = 1024;

/** An answer's head and its body, read whole or as far as it came. */
export interface Answered {
  statusCode: number;
  headers: Headers;
  read: BodyRead;
}

/**
 * Sends one request through `dispatcher` and collects its answer as undici hands it over, without
 * undici's request(): that wraps every answer in a Readable stream, an async resource and a promise,
 * with ticks per chunk, a large share of a small answer's cost (a batch's profile). Rejects, as
 * request() does, when the request fails before the answer's head; a failure after it is a cut-off
 * body, resolved with what arrived. After the head, the body is decoded as it arrives, so a listing
 * of 100,000 keys (10 MB) is not held as its chunks, their concatenation and its text at once; its
 * first bytes are kept for a cut-off snippet.
 */
export function exchange(dispatcher: Dispatcher, options: Dispatcher.DispatchOptions): Promise<Answered> {
  return new Promise((resolve, reject) => {
    const collector = new AnswerCollector(resolve, reject);
    try {
      dispatcher.dispatch(options, collector);
    } catch (error) {
      reject(error);
    }
  });
}

class AnswerCollector implements Dispatcher.DispatchHandler {
  private head?: { statusCode: number; headers: Headers };
  private readonly first: Buffer[] = [];
  private firstBytes = 0;
  private readonly decoder = new StringDecoder('utf8');
  private text = '';
  private readonly pieces: string[] = [];
  private received = 0;
  private settled = false;

  constructor(
    private readonly resolve: (answered: Answered) => void,
    private readonly reject: (error: unknown) => void,
  ) {}

  onRequestStart(): void {}

  onResponseStart(
    _controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: Record<string, string | string[] | undefined>,
  ): void {
    if (statusCode < 200 || this.settled) return; // 1xx: informational, the answer follows
    this.head = { statusCode, headers };
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (!this.head || this.settled) return;
    this.received += chunk.length;
    if (this.firstBytes < CUT_OFF_KEPT) {
      this.first.push(chunk);
      this.firstBytes += chunk.length;
    }
    this.pieces.push(this.decoder.write(chunk));
    if (this.pieces.length === PIECES_JOINED) this.text += this.pieces.splice(0).join('');
  }

  onResponseEnd(): void {
    this.finish(false);
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    if (!this.head) {
      if (!this.settled) this.reject(error);
      this.settled = true;
      return;
    }
    this.finish(true, error);
  }

  private finish(cutOff: boolean, error?: unknown): void {
    if (this.settled || !this.head) return;
    this.settled = true;
    const text = cutOff
      ? Buffer.concat(this.first).subarray(0, CUT_OFF_KEPT).toString('utf8')
      : this.text + this.pieces.join('') + this.decoder.end();
    this.first.length = 0;
    this.pieces.length = 0;
    this.text = '';
    this.resolve({ ...this.head, read: { text, cutOff, received: this.received, error } });
  }
}

/** The message inside the error bodies the flavors send ({"error":{"message"}} or {"error":"..."}), else the text. */
export function messageInBody(text: string): string {
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
