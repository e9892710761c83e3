// A `key` with a control character (a line break, a tab: a pasting mistake) is bad input: exit 2
// (the action: the step fails), one line naming `key`, and the server sees no request. Before, it
// went to the server as it was.

import { runCliBundle } from '../__fixtures__/run-process.js';
import { runBundledAction } from '../scripts/lib/simulate-runner.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer({ flavor: 'v1' });
});
afterAll(() => server.close());

const BAD: Array<[string, string]> = [
  ['a line break inside', 'sk-first-half\nsecond-half'],
  ['a carriage return inside', 'sk-first-half\rsecond-half'],
  ['a tab inside', 'sk-first-half\tsecond-half'],
  ['an escape sequence', 'sk-\x1b[2Jhalf'],
  ['DEL', 'sk-first-half\x7f'],
];

test.each(BAD)('CLI reset --key with %s: exit 2, one line naming key, no request', async (_what, key) => {
  const result = await runCliBundle(['reset', '--url', server.url, '--key', key], {
    env: { ADMIN_TOKEN: server.token },
  });
  expect({ code: result.code, stdout: result.stdout }).toEqual({ code: 2, stdout: '' });
  expect(result.stderr).toMatch(/^error: Invalid input 'key' — expected the key as one line without control /);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  // The key is a secret: not echoed, not even its halves.
  expect(result.stderr).not.toContain('first-half');
  expect(server.requests).toEqual([]);
});

test('the bundled action: delete with a tab in key fails before any request', async () => {
  const result = await runBundledAction({
    command: 'delete',
    url: server.url,
    'admin-token': server.token,
    key: 'sk-first-half\tsecond-half',
  });
  expect(result.code).toBe(1);
  expect(result.stdout).toMatch(/^::error::Invalid input 'key' — expected the key as one line without control /m);
  expect(result.stdout).not.toContain('first-half');
  expect(server.requests).toEqual([]);
});
