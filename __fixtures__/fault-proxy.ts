// A fault-injecting HTTP proxy in front of the dev server: the ways real quota-proxy deployments
// fail (shared/quota-proxy-api.md), chosen per request by a seeded PRNG at a given rate, or by a
// script. Faults that forward do so first, so the server commits (a create is made) before the
// client sees the failure.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export const FAULTS = [
  'error500',
  'html502',
  'reset-before',
  'reset-after',
  'delay',
  'truncate',
  'rate-limit',
  'hang-health',
] as const;
export type Fault = (typeof FAULTS)[number];

/** What each fault does; `forwards`: the request reaches the server (a create commits). */
export const FAULT_KINDS: Record<Fault, { forwards: boolean; what: string }> = {
  error500: { forwards: false, what: 'answer 500 without forwarding' },
  html502: { forwards: true, what: "forward, then answer a reverse proxy's HTML 502 page" },
  'reset-before': { forwards: false, what: 'reset the connection before forwarding' },
  'reset-after': { forwards: true, what: 'forward, wait for the answer (committed), then reset the connection' },
  delay: { forwards: true, what: 'forward, then hold the answer for delayMs' },
  truncate: { forwards: true, what: 'forward, then send half the body under the full Content-Length and reset' },
  'rate-limit': { forwards: false, what: 'answer 429 with Retry-After without forwarding' },
  'hang-health': { forwards: false, what: 'never answer a health request' },
};

/** mulberry32: a small, well-mixed 32-bit PRNG; the same seed gives the same faults in the same order. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FaultRequest {
  method: string;
  path: string;
  /** 0-based arrival order of all requests. */
  index: number;
  health: boolean;
}

export interface FaultProxyOptions {
  /** The dev server's URL (its base path is kept). */
  target: string;
  /** Faults to choose from (default none). */
  faults?: readonly Fault[];
  /** Probability that a request gets a fault, 0..1. */
  rate?: number;
  seed?: number;
  /** Overrides the PRNG: the fault for this request, if any. */
  choose?: (request: FaultRequest) => Fault | undefined;
  /** How long `delay` holds an answer (default 1500 ms). */
  delayMs?: number;
  /** The Retry-After of `rate-limit` (default 1 s). */
  retryAfterSeconds?: number;
}

export interface FaultRecord extends FaultRequest {
  fault?: Fault;
  /** The request reached the dev server. */
  forwarded: boolean;
  /** The status the client got (undefined: none, the connection was reset or never answered). */
  status?: number;
}

export interface FaultProxy {
  url: string;
  records: FaultRecord[];
  /** Requests that got `fault` (any fault when omitted). */
  injected(fault?: Fault): number;
  close(): Promise<void>;
}

const NGINX_502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad ' +
  'Gateway</h1></center>\r\n<hr><center>nginx/1.24.0</center>\r\n</body>\r\n</html>\r\n';

interface Upstream {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const target = new URL(options.target);
  const random = mulberry32(options.seed ?? 1);
  const rate = options.rate ?? 0;
  const faults = options.faults ?? [];
  const delayMs = options.delayMs ?? 1500;
  const retryAfter = options.retryAfterSeconds ?? 1;
  const records: FaultRecord[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const upstream = new http.Agent({ keepAlive: true });

  const pick = (request: FaultRequest): Fault | undefined => {
    if (options.choose) return options.choose(request);
    // Two draws per request whatever happens, so one request's outcome does not shift the next ones.
    const roll = random();
    const which = random();
    const candidates = faults.filter((f) => (f === 'hang-health' ? request.health : true));
    if (roll >= rate || candidates.length === 0) return undefined;
    return candidates[Math.floor(which * candidates.length)];
  };

  const forward = (req: IncomingMessage, body: Buffer): Promise<Upstream> =>
    new Promise((resolve, reject) => {
      const headers = { ...req.headers, host: target.host };
      const out = http.request(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers, agent: upstream },
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

  const answer = (res: ServerResponse, up: Upstream, record: FaultRecord, bodyOverride?: Buffer) => {
    const body = bodyOverride ?? up.body;
    const headers: http.OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(up.headers)) {
      if (!['connection', 'keep-alive', 'transfer-encoding', 'content-length'].includes(name) && value !== undefined)
        headers[name] = value;
    }
    headers['content-length'] = body.length;
    if (res.destroyed) return;
    record.status = up.status;
    res.writeHead(up.status, headers).end(body);
  };

  const later = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    const pathname = path.split('?')[0]!.slice(target.pathname.replace(/\/$/, '').length) || '/';
    const request: FaultRequest = {
      method: req.method ?? 'GET',
      path,
      index: records.length,
      health: !pathname.startsWith('/admin'),
    };
    const fault = pick(request);
    const record: FaultRecord = { ...request, fault, forwarded: false };
    records.push(record);
    if (fault === 'reset-before') return req.socket.destroy();
    if (fault === 'hang-health') return; // never answered; close() destroys the socket
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const body = Buffer.concat(chunks);
        if (fault === 'error500') {
          const text = JSON.stringify({ error: { message: 'Internal server error' } });
          record.status = 500;
          return res
            .writeHead(500, {
              'content-type': 'application/json; charset=utf-8',
              'content-length': Buffer.byteLength(text),
            })
            .end(text);
        }
        if (fault === 'rate-limit') {
          const text = JSON.stringify({ error: 'Too Many Requests', retryAfter });
          record.status = 429;
          return res
            .writeHead(429, {
              'content-type': 'application/json; charset=utf-8',
              'content-length': Buffer.byteLength(text),
              'retry-after': String(retryAfter),
            })
            .end(text);
        }
        record.forwarded = true;
        let up: Upstream;
        try {
          up = await forward(req, body);
        } catch {
          return res.destroy();
        }
        switch (fault) {
          case 'html502':
            return answer(
              res,
              {
                status: 502,
                headers: { 'content-type': 'text/html', server: 'nginx/1.24.0' },
                body: Buffer.from(NGINX_502),
              },
              record,
            );
          case 'reset-after':
            return req.socket.destroy();
          case 'delay':
            await later(delayMs);
            return answer(res, up, record);
          case 'truncate': {
            const headers: http.OutgoingHttpHeaders = {
              'content-type': String(up.headers['content-type'] ?? 'application/json'),
              'content-length': up.body.length,
            };
            res.writeHead(up.status, headers);
            res.write(up.body.subarray(0, Math.max(1, Math.floor(up.body.length / 2))));
            await later(20);
            return req.socket.destroy();
          }
          default:
            return answer(res, up, record);
        }
      })();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${target.pathname.replace(/\/$/, '')}`,
    records,
    injected: (fault) => records.filter((r) => (fault ? r.fault === fault : r.fault !== undefined)).length,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        for (const socket of sockets) socket.destroy();
        upstream.destroy();
        server.close(() => resolve());
      }),
  };
}
