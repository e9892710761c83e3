// Upstream v01 documents its batch body as {label, count, prefix}: a server that ignores the
// per-key `labels` we send would give a whole native batch one label. The first native batch is
// two keys; when their labels come back otherwise than asked, the rest goes one key per request.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startDevServer } from '../src/dev-server/index.js';
import { runWrite } from '../__fixtures__/write-commands.js';

/** Forwards to `target`, dropping `labels` from JSON bodies, like a v01 that does not know it. */
function labelDroppingProxy(target: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let body = Buffer.concat(chunks).toString('utf8');
    if (body) {
      const json = JSON.parse(body) as Record<string, unknown>;
      delete json.labels;
      body = JSON.stringify(json);
    }
    const answer = await fetch(new URL(req.url!, target), { method: req.method, headers: { authorization: req.headers.authorization ?? '', 'content-type': 'application/json' }, body: body || undefined });
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
    res.end(await answer.text());
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(() => r())) }),
    ),
  );
}

test('a v01 batch of 250 keeps one label per key but for the two-key probe, and says why', async () => {
  const server = await startDevServer({ flavor: 'v01' });
  const proxy = await labelDroppingProxy(server.url);
  try {
    const { report, rows, warnings } = await runWrite(server, { url: proxy.url, command: 'batch', count: '250', name: 'lbl' });
    expect({ ok: report.ok, failure: report.failure }).toEqual({ ok: true, failure: undefined });
    expect(report.outputs).toMatchObject({ 'created-count': '250', 'failed-count': '0' });
    expect(rows).toHaveLength(250);
    const labels = server.allKeys().map((k) => k.label);
    expect(labels).toHaveLength(250);
    expect(new Set(labels).size).toBe(249);
    expect(warnings.filter((w) => w.includes('labels other than those asked for'))).toHaveLength(1);
  } finally {
    await proxy.close();
    await server.close();
  }
});
