// Reading an answer's body once the head has arrived: whole, or as much as arrived before it broke
// off (the deadline and size limit of ./attempt-limits.ts end it), and the message inside an error body.
import { StringDecoder } from 'node:string_decoder';
import type { Dispatcher } from 'undici';

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
 * The whole body, or as much as arrived before it broke off. Events, not `for await`: the async
 * iterator costs a promise per chunk, which showed up as the largest item in a batch's profile.
 * Decoded as it arrives, so a listing of 100,000 keys (10 MB) is not held as its chunks, their
 * concatenation and its text at once; the first chunks are kept as bytes for a cut-off snippet.
 */
export function readBody(body: Dispatcher.ResponseData['body']): Promise<BodyRead> {
  return new Promise((resolve) => {
    const head: Buffer[] = [];
    let headBytes = 0;
    const decoder = new StringDecoder('utf8');
    let text = '';
    let received = 0;
    const done = (cutOff: boolean, error?: unknown) => {
      if (cutOff) text = Buffer.concat(head).subarray(0, CUT_OFF_KEPT).toString('utf8');
      else text += decoder.end();
      head.length = 0;
      resolve({ text, cutOff, received, error });
    };
    body.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (headBytes < CUT_OFF_KEPT) {
        head.push(chunk);
        headBytes += chunk.length;
      }
      text += decoder.write(chunk);
    });
    body.once('end', () => done(false));
    body.once('error', (error) => done(true, error));
  });
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
