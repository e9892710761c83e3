// A failed connection's message says "through the proxy …" exactly when undici's EnvHttpProxyAgent
// sent the request through it: each NO_PROXY form (bare and bracketed IPv6, ports, `*.` wildcards,
// a trailing dot, upper case, `*`) and each pair of proxy variables, asked of the real agent over
// sockets and of proxyNote.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { EnvHttpProxyAgent, request } from 'undici';
import { type ForwardProxy, startForwardProxy } from '../__fixtures__/forward-proxy.js';
import { proxyNote } from '../src/transport/proxy-note.js';

let proxy: ForwardProxy;
let target: http.Server;
let port: number;
beforeAll(async () => {
  proxy = await startForwardProxy();
  // One port on IPv4 and IPv6 loopback both, so 127.0.0.1, [::1] and localhost reach it.
  target = http.createServer((_req, res) => res.end('direct'));
  await new Promise<void>((resolve) => target.listen({ port: 0, host: '::', ipv6Only: false }, resolve));
  port = (target.address() as AddressInfo).port;
});
afterAll(async () => {
  await proxy.close();
  await new Promise((resolve) => target.close(resolve));
});

/** Whether the agent built from `env` (as the CLI builds it) sent a request for `url` through the proxy. */
async function wentThroughProxy(url: string, env: Record<string, string>): Promise<boolean> {
  const saved = { ...process.env };
  for (const name of ['http_proxy', 'HTTP_PROXY', 'https_proxy', 'HTTPS_PROXY', 'no_proxy', 'NO_PROXY'])
    delete process.env[name];
  Object.assign(process.env, env);
  const agent = new EnvHttpProxyAgent();
  const before = proxy.seen.length;
  try {
    await request(url, { dispatcher: agent, headersTimeout: 2000, bodyTimeout: 2000 }).then((r) => r.body.text());
  } catch {
    // A refused tunnel still counts: the proxy saw the request.
  } finally {
    process.env = saved;
    await agent.close();
  }
  return proxy.seen.length > before;
}

const hosts = () => [`127.0.0.1:${port}`, `[::1]:${port}`, `localhost:${port}`];
const NO_PROXY = (p: number) => [
  '::1',
  '[::1]',
  `[::1]:${p}`,
  `[::1]:${p + 1}`,
  `127.0.0.1:${p}`,
  `127.0.0.1:${p + 1}`,
  'LOCALHOST',
  'localhost.',
  '.localhost',
  '*.localhost',
  '*',
  `*:${p + 1}`,
  'example.com, 127.0.0.1',
  '0.0.1',
  '',
];

test('proxyNote names the proxy exactly when undici sends a request through it', async () => {
  const disagreements: string[] = [];
  let proxied = 0;
  let direct = 0;
  for (const noProxy of NO_PROXY(port)) {
    for (const host of hosts()) {
      const url = `http://${host}/healthz`;
      const env = { HTTP_PROXY: proxy.url, NO_PROXY: noProxy };
      const real = await wentThroughProxy(url, env);
      if (real) proxied += 1;
      else direct += 1;
      if ((proxyNote(new URL(url), env) !== '') !== real)
        disagreements.push(`NO_PROXY=${JSON.stringify(noProxy)} ${url}: undici ${real ? 'proxied' : 'went direct'}`);
    }
  }
  expect(disagreements).toEqual([]);
  // Both outcomes occur, so the comparison can fail either way.
  expect(proxied).toBeGreaterThan(5);
  expect(direct).toBeGreaterThan(5);
});

test('which variable names the proxy: the lower-case one when set, even empty', async () => {
  const url = `http://127.0.0.1:${port}/`;
  const envs: Array<Record<string, string>> = [
    { http_proxy: proxy.url },
    { HTTP_PROXY: proxy.url },
    { http_proxy: '', HTTP_PROXY: proxy.url },
    { http_proxy: proxy.url, HTTP_PROXY: 'http://127.0.0.1:9' },
    { https_proxy: proxy.url },
  ];
  for (const env of envs) {
    const real = await wentThroughProxy(url, env);
    expect({ env, note: proxyNote(new URL(url), env) !== '' }).toEqual({ env, note: real });
  }
  expect(proxyNote(new URL(url), { http_proxy: proxy.url, HTTP_PROXY: 'http://127.0.0.1:9' })).toContain(
    '(http_proxy)',
  );
});
