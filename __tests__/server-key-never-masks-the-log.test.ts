// A key is the server's text: the action registers every key it is given with the runner's masker
// (`::add-mask::KEY`), so that no later line shows it. A server (or a proxy in between) that answers
// a key of one letter, or a common word, would then have the runner hide that letter or word in
// every later line of the log: server text deciding what a reader of the log sees. The bundled
// action, as the runner runs it, against a server of the test's own; its output read by the
// runner's own rules (__fixtures__/runner-log.ts).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readAsRunner } from '../__fixtures__/runner-log.js';
import { runBundledAction } from '../scripts/lib/simulate-runner.js';

const TOKEN = 'short-key-server-admin-token-0123456789';

/** v1's answers: health, create (the key chosen by the test), list. */
async function startServer(key: string) {
  let label: string | null = null;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const send = (status: number, body: unknown) =>
        res
          .writeHead(status, { 'content-type': 'application/json', date: new Date().toUTCString() })
          .end(JSON.stringify(body));
      const path = (req.url ?? '/').split('?')[0];
      if (req.method === 'GET' && path === '/healthz') return send(200, { ok: true });
      if (req.headers.authorization !== `Bearer ${TOKEN}`)
        return send(401, { error: { message: 'admin auth required' } });
      if (req.method === 'POST' && path === '/admin/keys') {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { label?: string };
        label = body.label ?? null;
        return send(200, { key, label, created_at: Date.now() });
      }
      if (req.method === 'GET' && path === '/admin/keys')
        return send(200, { keys: label === null ? [] : [{ key, label, created_at: Date.now() }] });
      send(404, { error: { message: 'not found' } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function generate(url: string) {
  return runBundledAction({
    command: 'generate',
    url,
    'admin-token': TOKEN,
    name: 'probe',
    'server-flavor': 'v1',
    'upload-artifact': 'false',
  });
}

// Before: `::add-mask::e`, and the runner showed every later line with each `e` as `***`.
test.each(['e', 'key', 'Created', 'of 1 key(s); CSV'])(
  'a server that answers the key %j: the runner is never told to mask it',
  async (key) => {
    const server = await startServer(key);
    try {
      const result = await generate(server.url);
      expect(result.code).toBe(0);
      const reading = readAsRunner(result.stdout + result.stderr);
      expect(reading.masks).toContain(TOKEN);
      expect(reading.masks).not.toContain(key);
      // The log still reads: the words of the tool's own lines are shown, not `***`.
      expect(reading.shown.join('\n')).not.toMatch(/\*\*\*/);
    } finally {
      await server.close();
    }
  },
);

test("a key of a key's length is still masked by the runner", async () => {
  const key = `sk-${'5e'.repeat(24)}`;
  const server = await startServer(key);
  try {
    const result = await generate(server.url);
    expect(result.code).toBe(0);
    const reading = readAsRunner(result.stdout + result.stderr);
    expect(reading.masks).toEqual(expect.arrayContaining([TOKEN, key]));
    for (const line of reading.shown) expect(line).not.toContain(key);
  } finally {
    await server.close();
  }
});
