// The CLI's stdout is a channel rows wait for: a pipe nobody reads (a pager left open, a slow CI log)
// holds a paged listing back instead of the run reading every page and queueing every row in memory.
// Over a real pipe: v10 pages its keys; while stdout is not read, fewer pages are asked for than the
// listing has; once it is read, the rest follow and every row arrives.
import { spawn } from 'node:child_process';
import { CLI_BUNDLE } from '../__fixtures__/run-process.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';

const KEYS = 6000;
let server: DevServer;
beforeAll(async () => {
  server = await startDevServer({ flavor: 'v10', rateLimit: false, health: 'ok' });
  server.seedKeys(KEYS, { labelPrefix: 'slow-' });
});
afterAll(() => server.close());

const pagesAsked = () => server.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/admin/keys')).length;

test('list: pages wait while stdout is not read, and all come once it is', async () => {
  const child = spawn(process.execPath, [CLI_BUNDLE, 'list', '--url', server.url], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ADMIN_TOKEN: server.token },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  child.stdout.pause();
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  // Long enough for every page to be read if nothing held it back (the whole listing takes well under it).
  await new Promise((resolve) => setTimeout(resolve, 2500));
  const whileHeld = pagesAsked();
  expect(child.exitCode).toBeNull();
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stdout.resume();
  expect(await closed).toBe(0);
  const all = pagesAsked();
  expect(all).toBeGreaterThanOrEqual(KEYS / 1000);
  expect(whileHeld).toBeLessThan(all);
  expect(out.split('\n').filter((line) => line.startsWith('slow-'))).toHaveLength(KEYS);
});
