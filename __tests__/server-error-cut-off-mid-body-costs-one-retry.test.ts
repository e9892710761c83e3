// A 503 whose body breaks off is one failed attempt: it costs one retry, not one for its status and
// another for its body. A server of the test's own on 127.0.0.1: the first /admin/keys is answered
// 503 whose connection is destroyed after 10 of its 100 announced bytes, the next one 200.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpClient } from '../src/transport/http.js';

let server: http.Server;
let url: string;
let asked = 0;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      asked += 1;
      if (asked === 1) {
        res.writeHead(503, { 'content-type': 'application/json', 'content-length': '100', 'retry-after': '0' });
        res.write('{"error":"');
        setTimeout(() => res.socket?.destroy(), 50);
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '11' });
      res.end('{"keys":[]}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

test('with retries: 1, a GET answered 503 that breaks off mid-body is asked once more and succeeds', async () => {
  const client = new HttpClient({
    baseUrl: new URL(url),
    token: 'x'.repeat(32),
    timeoutMs: 5000,
    connections: 1,
    retries: 1,
  });
  try {
    const { body, answer } = await client.json<{ keys: unknown[] }>('GET', '/admin/keys');
    expect(body.keys).toEqual([]);
    expect(answer).toMatchObject({ status: 200, retries: 1, earlierMayHaveActed: true });
    expect(asked).toBe(2);
  } finally {
    await client.close();
  }
});
