// An admin token with a control character or a character beyond Latin-1 cannot travel in an HTTP
// header: it is bad input (exit 2, one line naming admin-token and where the token came from),
// refused before any request — not a health check followed by "keys may exist on the server".

import { runCliBundle } from '../__fixtures__/run-process.js';
import { runBundledAction } from '../scripts/lib/simulate-runner.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer({ flavor: 'v1' });
});
afterAll(() => server.close());

const BAD: Array<[string, string]> = [
  ['a control character (SOH)', 'tok-\x01-secret-value'],
  ['a tab inside', 'tok-secret\tvalue'],
  ['DEL', 'tok-secret-value\x7f'],
  ['a C1 control (NEL)', 'tok-secret-\u0085value'],
  ['Chinese characters', 'tok-密钥-secret-value'],
  ['a full-width letter', 'tok-ｓecret-value'],
];

test.each(BAD)('CLI, --token with %s: exit 2, one line, no request', async (_what, token) => {
  const before = server.requests.length;
  const result = await runCliBundle(['batch', '--count', '2', '--url', server.url, '--token', token]);
  expect(result.code).toBe(2);
  expect(result.stderr.trim().split('\n')).toEqual([
    expect.stringMatching(
      /^error: Invalid input 'admin-token' — the token from --token contains .*cannot be sent in an HTTP header/,
    ),
  ]);
  expect(result.stderr).not.toMatch(/may exist/);
  expect(server.requests.length).toBe(before);
});

test.each(BAD)('CLI, env ADMIN_TOKEN with %s: the message names the variable', async (_what, token) => {
  const before = server.requests.length;
  const result = await runCliBundle(['generate', '--url', server.url], { env: { ADMIN_TOKEN: token } });
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/^error: Invalid input 'admin-token' — the token from env ADMIN_TOKEN contains /);
  expect(server.requests.length).toBe(before);
});

test('the bundled action: input admin-token with a control character fails before any request', async () => {
  const before = server.requests.length;
  const result = await runBundledAction({
    command: 'batch',
    count: '2',
    url: server.url,
    'admin-token': 'tok-\x1b[31m-secret',
    'upload-artifact': 'false',
  });
  expect(result.code).toBe(1);
  expect(result.stdout).toMatch(
    /^::error::Invalid input 'admin-token' — the token from input admin-token contains a control character/m,
  );
  expect(server.requests.length).toBe(before);
});
