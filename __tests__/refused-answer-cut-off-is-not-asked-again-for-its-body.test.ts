// A refused answer (429) that breaks off mid-body is decided by its status alone: when the policy
// does not repeat it (on-rate-limit fail; a Retry-After no wait can be read from), its broken body
// is no second reason to send it again. A server of the test's own on 127.0.0.1 answers every
// /admin/keys 429 and destroys the connection after 10 of its 100 announced bytes.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpClient, type HttpClientOptions } from '../src/transport/http.js';

let server: http.Server;
let url: string;
let asked = 0;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      asked += 1;
      const retryAfter = req.url?.includes('unreadable') ? 'soon' : '0';
      res.writeHead(429, { 'content-type': 'application/json', 'content-length': '100', 'retry-after': retryAfter });
      res.write('{"error":"');
      setTimeout(() => res.socket?.destroy(), 50);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
beforeEach(() => {
  asked = 0;
});

const client = (more: Partial<HttpClientOptions>) =>
  new HttpClient({
    baseUrl: new URL(url),
    token: 'x'.repeat(32),
    timeoutMs: 5000,
    connections: 1,
    retries: 3,
    ...more,
  });

test.each([
  ['on-rate-limit fail', { onRateLimit: 'fail' as const }, '/admin/keys'],
  ['a Retry-After no wait can be read from', {}, '/admin/keys?unreadable=1'],
])('%s: a GET refused with 429 and cut off is sent once', async (_name, more, path) => {
  const http = client(more);
  try {
    await expect(http.json('GET', path)).rejects.toThrow();
    expect(asked).toBe(1);
  } finally {
    await http.close();
  }
});
