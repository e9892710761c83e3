// node:http2 and node:tls cost about 15 ms of every start (undici's HTTP/1 client requires node:http2
// when it loads): the bundle loads them only when a connection needs them. A run against an http://
// server loads neither; an https:// server that offers HTTP/2 is still spoken to over HTTP/2 (the
// bundled CLI, its modules read from Node's own list of loaded built-ins).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http2 from 'node:http2';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CLI_BUNDLE, startProcess } from '../__fixtures__/run-process.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';

let dir: string;
let server: DevServer;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'qk-lazy-http2-'));
  // Prints the built-in modules the process loaded, at exit, on stderr.
  writeFileSync(
    path.join(dir, 'loaded.cjs'),
    "process.on('exit', () => process.stderr.write(`loaded: ${process.moduleLoadList.join(',')}\\n`));",
  );
  server = await startDevServer({ flavor: 'v1' });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function runCli(args: string[], env: Record<string, string> = {}) {
  const preload = ['--require', path.join(dir, 'loaded.cjs')];
  return startProcess(process.execPath, [...preload, CLI_BUNDLE, ...args], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
  }).done;
}

const builtins = (stderr: string) =>
  (/^loaded: (.*)$/m.exec(stderr)?.[1] ?? '').split(',').filter((m) => m.startsWith('NativeModule '));

test('health and list against an http:// server load neither node:http2 nor node:tls', async () => {
  for (const args of [
    ['health', '--url', server.url],
    ['list', '--url', server.url, '--token', server.token],
  ]) {
    const { code, stderr } = await runCli(args);
    expect(code).toBe(0);
    const loaded = builtins(stderr);
    expect(loaded).toContain('NativeModule http'); // the preload's list is read
    expect(loaded).not.toContain('NativeModule http2');
    expect(loaded).not.toContain('NativeModule tls');
  }
});

test('an https:// server that offers HTTP/2 is spoken to over HTTP/2', async () => {
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1'],
      ...['-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert],
    ],
    { stdio: 'ignore' },
  );
  const versions: string[] = [];
  const h2 = http2.createSecureServer(
    { key: readFileSync(key), cert: readFileSync(cert), allowHTTP1: true },
    (req, res) => {
      versions.push(req.httpVersion);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    },
  );
  await new Promise<void>((resolve) => h2.listen(0, '127.0.0.1', resolve));
  try {
    const url = `https://127.0.0.1:${(h2.address() as AddressInfo).port}/`;
    const { code, stdout, stderr } = await runCli(['health', '--url', url], { NODE_EXTRA_CA_CERTS: cert });
    expect({ code, stdout }).toMatchObject({ code: 0, stdout: expect.stringContaining('Healthy: yes') });
    expect(versions).toContain('2.0');
    expect(builtins(stderr)).toContain('NativeModule http2');
  } finally {
    await new Promise((resolve) => h2.close(resolve));
  }
});
