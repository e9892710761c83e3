// HTTP_PROXY / HTTPS_PROXY / NO_PROXY are honoured (undici's EnvHttpProxyAgent): the CLI bundle
// behind a local forward proxy, then with the server's host in NO_PROXY.

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { type ForwardProxy, startForwardProxy } from '../__fixtures__/forward-proxy.js';
import { runCliBundle } from '../__fixtures__/run-process.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';

let server: DevServer;
let proxy: ForwardProxy;
beforeAll(async () => {
  server = await startDevServer({ flavor: 'v1' });
  proxy = await startForwardProxy();
});
afterAll(async () => {
  await proxy.close();
  await server.close();
});

const cwd = mkdtempSync(path.join(tmpdir(), 'proxy-'));
const cli = async (args: string[], env: Record<string, string>) => {
  const { code, stdout, stderr } = await runCliBundle(args, { cwd, env });
  return { code, out: stdout + stderr };
};
const serverHost = () => new URL(server.url).host;
const withCredentials = () => proxy.url.replace('http://', 'http://runner:proxy-secret-1@');

test('HTTP_PROXY: every request goes through the proxy (with its credentials, never printed)', async () => {
  const before = proxy.seen.length;
  const result = await cli(
    ['batch', '-u', server.url, '-t', server.token, '-c', '3', '-n', 'via-proxy', '-o', 'via-proxy.csv'],
    { HTTP_PROXY: withCredentials() },
  );
  expect(result.code).toBe(0);
  const seen = proxy.seen.slice(before);
  expect(seen.length).toBeGreaterThan(0);
  expect(seen.every((s) => s.target.includes(serverHost()))).toBe(true);
  expect(seen[0]!.proxyAuthorization).toBe(`Basic ${Buffer.from('runner:proxy-secret-1').toString('base64')}`);
  const rows = parse(readFileSync(path.join(cwd, 'via-proxy.csv'), 'utf8'), { columns: true }) as Array<
    Record<string, string>
  >;
  expect(rows).toHaveLength(3);
  expect(result.out).not.toContain('proxy-secret-1');
});

test('NO_PROXY: a listed host is reached directly', async () => {
  const before = proxy.seen.length;
  const result = await cli(
    ['batch', '-u', server.url, '-t', server.token, '-c', '2', '-n', 'no-proxy', '-o', 'no-proxy.csv'],
    { HTTP_PROXY: proxy.url, NO_PROXY: `localhost,${new URL(server.url).hostname}` },
  );
  expect(result.code).toBe(0);
  expect(proxy.seen.length).toBe(before);
  expect(server.allKeys().filter((k) => k.label?.startsWith('no-proxy-'))).toHaveLength(2);
});

test('a proxy that is down fails the health check in one line, without its credentials', async () => {
  const result = await cli(['health', '-u', server.url, '--retries', '0'], {
    HTTP_PROXY: 'http://runner:proxy-secret-2@127.0.0.1:9',
  });
  expect(result.code).toBe(1);
  expect(result.out).toMatch(
    new RegExp(
      String.raw`^error: Health check failed: GET http:\/\/127\.0\.0\.1:\d+\/healthz:` +
        String.raw` connection refused through the proxy http:\/\/\*\*\*@127\.0\.0\.1:9\/` +
        String.raw` \(HTTP_PROXY\);`,
      'm',
    ),
  );
  expect(result.out).not.toContain('proxy-secret-2');
});
