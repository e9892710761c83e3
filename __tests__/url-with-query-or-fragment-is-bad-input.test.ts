// A server `url` with a ?query or a #fragment is bad input: the requests go to the URL's path and
// the query was silently dropped (a `?token=…` the user meant to send was not sent, and nothing
// said so). Refused for --url, QUOTA_PROXY_URL, the action's url and a servers file's url: exit 2
// (the action: the step fails), one line naming url, no request. The query is not echoed (it may
// hold a secret).

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCliBundle } from '../__fixtures__/run-process.js';
import { runBundledAction } from '../scripts/lib/simulate-runner.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer({ flavor: 'v1' });
});
afterAll(() => server.close());

const MESSAGE =
  /Invalid input 'url': "http:\/\/127\.0\.0\.1:\d+\/[^"?#]*" — expected a URL without \?query or #fragment/;

const urls = () => [
  ['a query', `${server.url}/?key=query-secret-0123`],
  ['an empty query', `${server.url}/?`],
  ['a fragment', `${server.url}/#query-secret-0123`],
  ['a query on a path', `${server.url}/proxy?query-secret-0123`],
];

test.each([0, 1, 2, 3])('CLI --url with case %i: exit 2, one line, no request', async (i) => {
  const [, url] = urls()[i]!;
  const result = await runCliBundle(['batch', '--count', '2', '--url', url!], { env: { ADMIN_TOKEN: server.token } });
  expect({ code: result.code, stdout: result.stdout }).toEqual({ code: 2, stdout: '' });
  expect(result.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(new RegExp(`^error: ${MESSAGE.source}`))]);
  expect(result.stderr).not.toContain('query-secret');
  expect(server.requests).toEqual([]);
});

test('QUOTA_PROXY_URL with a query is refused the same way', async () => {
  const result = await runCliBundle(['generate'], {
    env: { ADMIN_TOKEN: server.token, QUOTA_PROXY_URL: `${server.url}/?query-secret-0123` },
  });
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(MESSAGE);
  expect(server.requests).toEqual([]);
});

test('a servers file url with a query is refused before any server gets a request', async () => {
  const cwd = mkdtempSync(path.join(tmpdir(), 'url-query-'));
  writeFileSync(
    path.join(cwd, 'servers.yml'),
    `servers:\n  - { name: a, url: "${server.url}", token-env: A_TOKEN }\n` +
      `  - { name: b, url: "${server.url}/?query-secret-0123", token-env: A_TOKEN }\n`,
  );
  const result = await runCliBundle(['batch', '--config', 'servers.yml'], { cwd, env: { A_TOKEN: server.token } });
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(new RegExp(`^error: servers\\.yml:3, server "b": ${MESSAGE.source}`));
  expect(server.requests).toEqual([]);
});

test('the bundled action: url with a query fails the step before any request', async () => {
  const result = await runBundledAction({
    command: 'batch',
    url: `${server.url}/?query-secret-0123`,
    'admin-token': server.token,
  });
  expect(result.code).toBe(1);
  expect(result.stdout).toMatch(new RegExp(`^::error::${MESSAGE.source}`, 'm'));
  expect(result.stdout).not.toContain('query-secret');
  expect(server.requests).toEqual([]);
});
