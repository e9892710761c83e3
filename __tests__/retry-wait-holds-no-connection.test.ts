// A request waiting out a Retry-After holds no connection: its refused answer is read whole before the
// wait, so with a single connection another request goes at once instead of queueing behind the wait.
// A server of the test's own on 127.0.0.1: the first /admin/keys is answered 503 with Retry-After: 1,
// everything else at once.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpClient } from '../src/transport/http.js';

let server: http.Server;
let url: string;
let refused = 0;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const refuse = req.url === '/admin/keys' && refused++ === 0;
      const body = refuse ? '{"error":"busy"}' : '{"keys":[]}';
      const headers = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) };
      res.writeHead(refuse ? 503 : 200, refuse ? { ...headers, 'retry-after': '1' } : headers);
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

test('with one connection, a request sent while another waits out its Retry-After is answered at once', async () => {
  const client = new HttpClient({ baseUrl: new URL(url), token: 'x'.repeat(32), timeoutMs: 5000, connections: 1 });
  try {
    const waiting = client.json('GET', '/admin/keys');
    // The 503 has arrived and its wait begun.
    while (refused === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    const other = await client.request('GET', '/healthz', { auth: false });
    expect(other.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(500);
    const { answer } = await waiting;
    expect(answer).toMatchObject({ status: 200, retries: 1 });
  } finally {
    await client.close();
  }
});
