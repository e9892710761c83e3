// A hostile quota-proxy for the secret tests: healthy, but every /admin request is answered with
// `status` and a body that echoes the admin token it received, in whatever form `body` makes of it
// (cut by `&` or `;`, quoted, URL- or HTML-escaped, split over words…). Bound to 127.0.0.1.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface EchoTokenServer {
  url: string;
  /** Every request: method and path. */
  requests: Array<{ method: string; path: string }>;
  close(): Promise<void>;
}

export async function startEchoTokenServer(options: {
  status: number;
  body: (token: string, req: IncomingMessage) => string;
  contentType?: string;
}): Promise<EchoTokenServer> {
  const requests: EchoTokenServer['requests'] = [];
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? 'GET', path: req.url ?? '/' });
    req.resume();
    if (!req.url?.startsWith('/admin')) {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      return;
    }
    const token = String(req.headers.authorization ?? '').replace(/^Bearer /, '');
    res
      .writeHead(options.status, { 'content-type': options.contentType ?? 'application/json' })
      .end(options.body(token, req));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
