// A hostile front for the dev server, on 127.0.0.1: requests it leaves alone are forwarded; the
// chosen ones get an answer that never ends or never fits:
// - drip: forwarded (a create is made), then the answer one byte every `dripMs`, then (unless
//   `forever: false`) spaces, valid trailing JSON whitespace, forever: undici's gap timers never fire;
// - hold: forwarded, then never answered;
// - huge: not forwarded; a 200 JSON answer of `bytes` bytes, with Content-Length or chunked.
import http, { type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Hostility =
  | { kind: 'drip'; dripMs?: number; forever?: boolean }
  | { kind: 'hold' }
  | { kind: 'huge'; bytes: number; contentLength: boolean };

export interface HostileRequest {
  method: string;
  /** Path below the dev server's base path, without the query. */
  path: string;
  index: number;
}

export interface HostileServer {
  url: string;
  records: Array<HostileRequest & { hostility?: Hostility['kind'] }>;
  /** Bytes written by `huge` answers so far. */
  hugeBytesSent: () => number;
  close(): Promise<void>;
}

export async function startHostileServer(options: {
  target: string;
  choose: (request: HostileRequest) => Hostility | undefined;
}): Promise<HostileServer> {
  const target = new URL(options.target);
  const base = target.pathname.replace(/\/$/, '');
  const records: HostileServer['records'] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const upstream = new http.Agent({ keepAlive: true });
  let hugeSent = 0;

  const forward = (req: IncomingMessage, body: Buffer) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const out = http.request(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: target.host },
          agent: upstream,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }),
          );
          res.on('error', reject);
        },
      );
      out.on('error', reject);
      out.end(body);
    });

  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!.slice(base.length) || '/';
    const request: HostileRequest = { method: req.method ?? 'GET', path, index: records.length };
    const hostility = options.choose(request);
    records.push({ ...request, hostility: hostility?.kind });
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        if (hostility?.kind === 'huge') {
          const head = Buffer.from('{"keys":[');
          const item = Buffer.from('"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",');
          const block = Buffer.concat(Array.from({ length: 1024 }, () => item));
          const tail = Buffer.from('"x"]}');
          res.writeHead(200, {
            'content-type': 'application/json',
            ...(hostility.contentLength ? { 'content-length': String(hostility.bytes) } : {}),
          });
          let left = hostility.bytes - head.length - tail.length;
          res.write(head);
          const pump = () => {
            while (left > 0 && !res.destroyed) {
              const piece = left >= block.length ? block : block.subarray(0, left);
              left -= piece.length;
              hugeSent += piece.length;
              if (!res.write(piece)) return void res.once('drain', pump);
            }
            if (!res.destroyed) res.end(tail);
          };
          res.on('close', () => (left = 0));
          return pump();
        }
        let up: Awaited<ReturnType<typeof forward>>;
        try {
          up = await forward(req, Buffer.concat(chunks));
        } catch {
          return res.destroy();
        }
        if (!hostility) {
          const headers = { ...up.headers };
          delete headers.connection;
          delete headers['keep-alive'];
          delete headers['transfer-encoding'];
          headers['content-length'] = String(up.body.length);
          return res.writeHead(up.status, headers).end(up.body);
        }
        if (hostility.kind === 'hold') return; // never answered; close() destroys the socket
        // drip
        res.writeHead(up.status, { 'content-type': String(up.headers['content-type'] ?? 'application/json') });
        let sent = 0;
        const timer = setInterval(() => {
          if (res.destroyed) {
            clearInterval(timer);
            timers.delete(timer);
            return;
          }
          if (sent >= up.body.length && hostility.forever === false) {
            clearInterval(timer);
            timers.delete(timer);
            return void res.end();
          }
          res.write(sent < up.body.length ? up.body.subarray(sent, sent + 1) : ' ');
          sent += 1;
        }, hostility.dripMs ?? 500);
        timers.add(timer);
      })();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${base}`,
    records,
    hugeBytesSent: () => hugeSent,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearInterval(timer);
        for (const socket of sockets) socket.destroy();
        upstream.destroy();
        server.close(() => resolve());
      }),
  };
}
