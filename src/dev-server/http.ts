/** Small response/request helpers for node:http (Express look-alikes where clients can tell). */
import type { IncomingMessage, ServerResponse } from 'node:http';

export const MAX_BODY = 2 * 1024 * 1024; // express.json({ limit: '2mb' })

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;',
  );
}

const UNSAFE_URL_RUN =
  /(?:[^\x21\x25\x26-\x3B\x3D\x3F-\x5B\x5D\x5F\x61-\x7A\x7E]|%(?:[^0-9A-Fa-f]|[0-9A-Fa-f][^0-9A-Fa-f]|$))+/g;

// encodeurl: keep already-encoded sequences and URL-legal characters, encode the rest.
function encodeUrl(s: string): string {
  return s
    .replace(/(^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uD800-\uDBFF]([^\uDC00-\uDFFF]|$)/g, '$1\uFFFD$2')
    .replace(UNSAFE_URL_RUN, encodeURI);
}

/** Express's (finalhandler's) default 404 page: `Cannot <METHOD> <pathname>`. */
export function sendExpress404(res: ServerResponse, method: string, pathname: string): void {
  const html =
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>' +
    escapeHtml('Cannot ' + method + ' ' + encodeUrl(pathname)) +
    '</pre>\n</body>\n</html>\n';
  res.statusCode = 404;
  res.setHeader('Content-Security-Policy', "default-src 'none'");
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(html));
  res.end(html);
}

/** Reads the whole request body as UTF-8; `cb(null, text)` or `cb(error)` when over `limit` bytes. */
export function readBody(req: IncomingMessage, limit: number, cb: (err: Error | null, text: string) => void): void {
  let first: Buffer | undefined;
  let chunks: Buffer[] | undefined;
  let size = 0;
  let failed = false;
  req.on('data', (chunk: Buffer) => {
    if (failed) return;
    size += chunk.length;
    if (size > limit) {
      failed = true;
      cb(new Error('request entity too large'), '');
      return;
    }
    if (first === undefined) first = chunk;
    else {
      chunks ??= [first];
      chunks.push(chunk);
    }
  });
  req.on('end', () => {
    if (failed) return;
    if (first === undefined) cb(null, '');
    else cb(null, chunks ? Buffer.concat(chunks).toString('utf8') : first.toString('utf8'));
  });
  req.on('error', (e) => {
    if (failed) return;
    failed = true;
    cb(e, '');
  });
}
