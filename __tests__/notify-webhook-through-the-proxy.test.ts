// The webhook goes where the admin requests go: through HTTPS_PROXY / HTTP_PROXY, unless NO_PROXY
// lists its host (undici's EnvHttpProxyAgent, as the HTTP client). Before, it went direct (global
// fetch), which a runner whose only way out is the proxy cannot do. dist/cli.js as a process, a
// forward proxy of the test's own, a receiver on 127.0.0.1.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ForwardProxy, startForwardProxy } from '../__fixtures__/forward-proxy.js';
import { runCliBundle } from '../__fixtures__/run-process.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';

const HOOK_PATH = '/services/T0000/B0000/proxied-secret-0123456789';
let server: DevServer;
let proxy: ForwardProxy;
let receiver: Server;
let hookUrl: string;
const received: string[] = [];
beforeAll(async () => {
  [server, proxy] = await Promise.all([startDevServer({ flavor: 'v1' }), startForwardProxy()]);
  receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received.push(`${req.method} ${req.url}`);
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}${HOOK_PATH}`;
});
afterEach(() => received.splice(0));
afterAll(async () => {
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
  await Promise.all([proxy.close(), server.close()]);
});

const health = (env: Record<string, string>) =>
  runCliBundle(['health', '--url', server.url, '--notify-on', 'always', '--notify-webhook', hookUrl], { env });
const hookHost = () => new URL(hookUrl).host;

test('HTTP_PROXY: the webhook goes through the proxy, as the admin requests do', async () => {
  const before = proxy.seen.length;
  const result = await health({ HTTP_PROXY: proxy.url });
  expect(result.code).toBe(0);
  expect(received).toEqual([`POST ${HOOK_PATH}`]);
  const seen = proxy.seen.slice(before).map((s) => s.target);
  expect(seen.filter((target) => target.includes(hookHost()))).toHaveLength(1);
  expect(seen.filter((target) => target.includes(new URL(server.url).host)).length).toBeGreaterThan(0);
  expect(result.stderr).toContain('Notified notify-webhook (always).');
  expect(result.stderr).not.toContain('proxied-secret');
});

test('NO_PROXY listing the webhook host: it goes direct, the proxy sees none of it', async () => {
  const before = proxy.seen.length;
  const result = await health({ HTTP_PROXY: proxy.url, NO_PROXY: new URL(hookUrl).hostname });
  expect(result.code).toBe(0);
  expect(received).toEqual([`POST ${HOOK_PATH}`]);
  expect(proxy.seen.slice(before)).toEqual([]);
});

test('a proxy that is down: the webhook is one warning naming the proxy', async () => {
  // The health check goes through the same dead proxy: the run fails for that, and says so first.
  const result = await health({ HTTP_PROXY: 'http://127.0.0.1:9' });
  expect(result.code).toBe(1);
  expect(received).toEqual([]);
  expect(result.stderr).toContain(
    'warning: notify-webhook could not be notified (ECONNREFUSED through the proxy http://127.0.0.1:9 (HTTP_PROXY)); ' +
      "the run's result stands.",
  );
});
