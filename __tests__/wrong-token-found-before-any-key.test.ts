// A wrong admin token is found by one authenticated read before the first create: the step fails
// with one line naming where the token came from (input admin-token, --token, env ADMIN_TOKEN) and
// what to check, creates nothing, writes and uploads no CSV. A TLS failure says it is one and names
// NODE_EXTRA_CA_CERTS. Neither says keys "may exist" when no create was sent.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ArtifactService, startArtifactService } from '../__fixtures__/artifact-service.js';
import { runCliBundle } from '../__fixtures__/run-process.js';
import { runBundledAction } from '../scripts/lib/simulate-runner.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';

let server: DevServer;
let service: ArtifactService;
beforeAll(async () => {
  server = await startDevServer({ flavor: 'v1' });
  service = await startArtifactService();
});
afterAll(async () => {
  await service.close();
  await server.close();
});

const posts = (since: number) => server.requests.slice(since).filter((r) => r.method === 'POST');

test('the bundled action: one ::error:: line naming input admin-token, no create, no CSV, no artifact', async () => {
  const before = server.requests.length;
  const result = await runBundledAction(
    { command: 'batch', count: '5', url: server.url, 'admin-token': 'wrong-7f3a9c2e1b' },
    { runId: '9914', env: service.env },
  );
  expect(result.code).toBe(1);
  const errors = result.stdout.split('\n').filter((l: string) => l.startsWith('::error::'));
  expect(errors).toEqual([
    expect.stringMatching(
      new RegExp(
        '^::error::The server refused the admin token from input admin-token' +
          String.raw` \(GET http:\/\/127\.0\.0\.1:\d+\/admin\/usage answered 401.*\); check that it` +
          String.raw` is the server's ADMIN_TOKEN.*No key was created\.$`,
      ),
    ),
  ]);
  expect(result.stdout).not.toMatch(/may exist/);
  expect(posts(before)).toEqual([]);
  expect(readdirSync(result.workspace)).toEqual([]);
  expect(service.artifacts.filter((a) => a.name.startsWith('trial-keys-9914'))).toEqual([]);
  expect(result.outputs['csv-path'] ?? '').toBe('');
});

test.each([
  ['--token', { args: ['--token', 'wrong-7f3a9c2e1b'], env: {} }],
  ['env ADMIN_TOKEN', { args: [], env: { ADMIN_TOKEN: 'wrong-7f3a9c2e1b' } }],
])('the CLI names %s', async (source, how) => {
  for (const command of [
    ['batch', '--count', '3'],
    ['generate', '--name', 'one'],
  ]) {
    const cwd = mkdtempSync(path.join(tmpdir(), 'wrong-token-'));
    const before = server.requests.length;
    const result = await runCliBundle([...command, '--url', server.url, ...how.args], { cwd, env: how.env });
    expect(result.code).toBe(1);
    const errors = result.stderr.split('\n').filter((l) => l.startsWith('error:'));
    expect(errors).toEqual([expect.stringContaining(`error: The server refused the admin token from ${source} (`)]);
    expect(posts(before)).toEqual([]);
    expect(readdirSync(cwd)).toEqual([]);
  }
});

describe('TLS', () => {
  let https: Server;
  let url: string;
  let ca: string;
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tls-'));
    ca = path.join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        ca,
        '-days',
        '2',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    https = createServer({ key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(ca) }, (req, res) => {
      req.resume();
      res
        .writeHead(req.url?.startsWith('/admin') ? 401 : 200, { 'content-type': 'application/json' })
        .end(req.url?.startsWith('/admin') ? '{"error":"Unauthorized"}' : '{"ok":true}');
    });
    await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
    url = `https://127.0.0.1:${(https.address() as AddressInfo).port}`;
  });
  afterAll(() => https.close());

  test.each([
    ['with the health check', []],
    ['without it (the token check is the first request)', ['--skip-health-check']],
  ])(
    'an untrusted certificate, %s: says TLS and names NODE_EXTRA_CA_CERTS, never "may exist"',
    async (_what, extra) => {
      const cwd = mkdtempSync(path.join(tmpdir(), 'tls-run-'));
      const result = await runCliBundle(
        ['batch', '--count', '2', '--url', url, '--token', 'tok-tls-secret', '--retries', '0', ...extra],
        { cwd },
      );
      expect(result.code).toBe(1);
      const errors = result.stderr.split('\n').filter((l) => l.startsWith('error:'));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/self[- ]signed certificate.*This is a TLS error.*set NODE_EXTRA_CA_CERTS/);
      expect(result.stderr).not.toMatch(/may exist/);
      expect(readdirSync(cwd)).toEqual([]);
    },
  );

  test(
    'with NODE_EXTRA_CA_CERTS set to the CA, the same server is reached (and its 401 named as the ' + 'token problem)',
    async () => {
      const result = await runCliBundle(
        ['batch', '--count', '2', '--url', url, '--token', 'tok-tls-secret', '--retries', '0'],
        { cwd: mkdtempSync(path.join(tmpdir(), 'tls-run-')), env: { NODE_EXTRA_CA_CERTS: ca } },
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/error: The server refused the admin token from --token/);
    },
  );
});
