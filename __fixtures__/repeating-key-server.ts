// A broken (or hostile) quota-proxy on 127.0.0.1 that answers the same key to every create: v1's
// answer shape, or v01's native batch with that one key repeated `count` times. Its key list holds
// the one key it made. Everything else is 404.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RepeatingKeyServer {
  url: string;
  token: string;
  /** The one key it hands out. */
  key: string;
  creates: number;
  close(): Promise<void>;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

export async function startRepeatingKeyServer(shape: 'v1' | 'v01'): Promise<RepeatingKeyServer> {
  const token = 'repeating-key-server-token';
  const key = shape === 'v1' ? `sk-${'ab'.repeat(24)}` : `trial_${'cd'.repeat(18)}`;
  const createdAt = Date.now();
  let label: string | null = null;
  const state = { creates: 0 };
  const server = createServer(async (req, res) => {
    const send = (status: number, body: unknown) => {
      const text = JSON.stringify(body);
      res.writeHead(status, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(text),
        date: new Date().toUTCString(),
      });
      res.end(text);
    };
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/healthz') return send(200, { ok: true });
    if (req.headers.authorization !== `Bearer ${token}`)
      return send(401, { error: { message: 'admin auth required' } });
    if (req.method === 'POST' && path === '/admin/keys') {
      const body = await readJson(req);
      state.creates += 1;
      label ??= typeof body.label === 'string' ? body.label : null;
      const count = Number(body.count ?? 1);
      const item = { key, label: body.label ?? null, created_at: createdAt };
      if (shape === 'v01' && count > 1)
        return send(200, { count, keys: Array.from({ length: count }, () => item), summary: { total: count } });
      return send(200, item);
    }
    if (req.method === 'GET' && path === '/admin/keys') {
      const keys = state.creates > 0 ? [{ key, label, created_at: createdAt }] : [];
      return send(200, shape === 'v01' ? { count: keys.length, keys, mode: 'file' } : { keys });
    }
    send(404, { error: { message: 'not found' } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    key,
    get creates() {
      return state.creates;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
