// A quota-proxy of the test's own on 127.0.0.1 whose every answer the test writes: `answer` gets
// each request (method, path, query, body, its index) and returns the status, headers and JSON body
// to send, or 'hold' (never answered). For answers no real server gives: pages that never end,
// absurd wait headers, a body broken off. Unanswered paths get 404.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: string;
  index: number;
}

export type ScriptedAnswer =
  | {
      status?: number;
      headers?: Record<string, string>;
      body?: unknown;
      /** The body's first this many bytes, then the connection destroyed (its Content-Length is the whole). */
      cutOffAfter?: number;
    }
  | 'hold';

export interface ScriptedServer {
  url: string;
  token: string;
  requests: ScriptedRequest[];
  close(): Promise<void>;
}

export async function startScriptedServer(
  answer: (request: ScriptedRequest) => ScriptedAnswer | undefined,
): Promise<ScriptedServer> {
  const token = 'scripted-server-admin-token-0123456789';
  const requests: ScriptedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://scripted');
      const request: ScriptedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        body: Buffer.concat(chunks).toString('utf8'),
        index: requests.length,
      };
      requests.push(request);
      const chosen = answer(request) ?? { status: 404, body: { error: 'not found' } };
      if (chosen === 'hold') return;
      const text = JSON.stringify(chosen.body ?? {});
      res.writeHead(chosen.status ?? 200, {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(text)),
        ...chosen.headers,
      });
      if (chosen.cutOffAfter === undefined) res.end(text);
      else {
        res.write(Buffer.from(text).subarray(0, chosen.cutOffAfter));
        setTimeout(() => res.socket?.destroy(), 50);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    token,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections(); // held requests too
        server.close(() => resolve());
      }),
  };
}
