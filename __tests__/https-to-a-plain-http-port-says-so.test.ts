// `https://` to a port that speaks plain HTTP: the answer to our TLS ClientHello is an HTTP 400, which
// OpenSSL reports as "wrong version number". The message says what that means and what to do (use
// http://, or the server's TLS port), in one line, tried once; not "the server's certificate is not
// trusted" and never OpenSSL's own multi-line text, as on the old code. The bundled CLI against the
// dev server (plain HTTP) addressed with https://.
import { runCliBundle } from '../__fixtures__/run-process.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';

let server: DevServer;
let httpsUrl: string;
beforeAll(async () => {
  server = await startDevServer({ flavor: 'v1' });
  httpsUrl = server.url.replace(/^http:/, 'https:');
});
afterAll(() => server.close());

const SAYS = "the port answers plain HTTP, not TLS: use http:// in url, or the server's TLS port";

test.each([
  ['health', [], `error: Health check failed: GET ${'<url>'}/healthz: ${SAYS}.`],
  ['list', ['--skip-health-check'], `error: GET <url>/admin/keys: ${SAYS}`],
  [
    'batch',
    ['--skip-health-check', '-c', '2'],
    `error: Checking the admin token failed: GET <url>/admin/usage: ${SAYS}. No key was created.`,
  ],
])('%s to https:// on a plain-HTTP port: one line that says so, tried once, exit 1', async (command, extra, line) => {
  const requestsBefore = server.requests.length;
  const { code, stderr } = await runCliBundle([command, '-u', httpsUrl, '-t', server.token, ...extra]);
  expect(code).toBe(1);
  const errors = stderr.split('\n').filter((l) => l.startsWith('error:'));
  expect(errors).toEqual([line.replace('<url>', httpsUrl.replace(/\/$/, ''))]);
  expect(stderr).not.toMatch(/certificate|SSL routines|attempts/);
  // The handshake failed: the server never saw a request.
  expect(server.requests.length).toBe(requestsBefore);
  expect(server.allKeys()).toHaveLength(0);
});
