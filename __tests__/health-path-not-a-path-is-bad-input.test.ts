// `health-path` is a URL path or it is bad input: exit 2, one line naming health-path, and not a
// single request sent — like every other input.

import { runCliBundle } from '../__fixtures__/run-process.js';
import { cliContext } from '../src/config/context.js';
import { parseOptions } from '../src/config/options.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer({ flavor: 'v1' });
});
afterAll(() => server.close());

const NOT_PATHS = [
  '/../admin/keys',
  '/healthz/./x',
  '//evil.example/healthz',
  '/healthz#fragment',
  '/health%zz',
  '/héalth',
  '/health\x01z',
  '/healthz\\..\\admin',
  'healthz',
];

test.each(NOT_PATHS)('health-path %j: exit 2 naming health-path, no request (health and batch)', async (healthPath) => {
  for (const args of [['health'], ['batch', '--token', server.token]]) {
    const before = server.requests.length;
    const result = await runCliBundle([...args, '--url', server.url, '--health-path', healthPath]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^error: Invalid input 'health-path'.* — expected a URL path starting with \//),
    ]);
    expect(server.requests.length).toBe(before);
  }
});

test('paths that are paths are taken as they are', () => {
  for (const good of [
    '/healthz',
    '/quota/healthz',
    '/admin/healthz',
    '/status?verbose=1',
    '/health%20check',
    "/a-b_c.d~e!$&'()*+,;=:@",
  ]) {
    expect(
      parseOptions((n) => ({ command: 'health', 'health-path': good })[n] ?? '', {}, cliContext({})).healthPath,
    ).toBe(good);
  }
});
