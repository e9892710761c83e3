// A reverse proxy in front of the dev server, on 127.0.0.1: records every request the tool sends
// and can refuse key creations after the first N (a batch that ends short, deterministically).
import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordingProxy {
  url: string;
  /** `METHOD /path` of every request received, in order. */
  requests: string[];
  close(): Promise<void>;
}

export interface RecordingProxyOptions {
  /** Key-creating requests (POST under /admin) forwarded before the rest are answered 403. */
  createsBeforeRefusing?: number;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startRecordingProxy(target: string, opts: RecordingProxyOptions = {}): Promise<RecordingProxy> {
  const upstream = new URL(target);
  const requests: string[] = [];
  let creates = 0;
  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    requests.push(`${req.method} ${req.url}`);
    const creating = req.method === 'POST' && (req.url ?? '').startsWith('/admin');
    if (creating && opts.createsBeforeRefusing !== undefined && ++creates > opts.createsBeforeRefusing) {
      const text = JSON.stringify({ error: 'forbidden by the test proxy' });
      res.writeHead(403, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.end(text);
      return;
    }
    const forward = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    forward.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
