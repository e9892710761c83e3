// `reset --key` of a key the server does not have is a failure (exit 1) on every flavor that has a
// reset, not "nothing to reset" (v1 answers 404 for both) and not a day-wide wipe (v1p). dist/cli.js
// against the dev server in this process, which records what was sent.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCliBundle } from '../__fixtures__/run-process.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';
import type { Flavor } from '../src/quota-proxy/types.js';

const cwd = mkdtempSync(path.join(tmpdir(), 'reset-unknown-'));
const UNKNOWN = 'sk-0000000000000000000000000000000000000000000000ab';

async function withServer(flavor: Flavor, body: (server: DevServer) => Promise<void>) {
  const server = await startDevServer({ flavor });
  try {
    await body(server);
  } finally {
    await server.close();
  }
}

const reset = (server: DevServer, args: string[]) =>
  runCliBundle(['reset', '--url', server.url, '--token', server.token, ...args], { cwd, env: {} });
const resets = (server: DevServer) =>
  server.requests.filter((r) => r.path.includes('/usage/reset') || r.path.includes('/reset'));

test.each([['v1'], ['v01'], ['v10']] as Array<[Flavor]>)(
  '%s: reset --key of an unknown key exits 1, names it shortened, changes nothing',
  async (flavor) => {
    await withServer(flavor, async (server) => {
      const [known] = server.seedKeys(1, { labelPrefix: 'r-' });
      server.recordUsage(known!, 5);
      const result = await reset(server, ['--key', flavor === 'v10' ? 'roc_1764150000000-abcdefghi' : UNKNOWN]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^error: The server has no key \S+…\S+; (nothing was reset|0 reset)\.$/m);
      expect(result.stdout + result.stderr).not.toContain(UNKNOWN);
      expect(server.usageOf(known!)).toBe(5);
    });
  },
);

test('v1: reset --key of an unknown key sends no reset (the list told)', async () => {
  await withServer('v1', async (server) => {
    server.seedKeys(1, { labelPrefix: 'r-' });
    const result = await reset(server, ['--key', UNKNOWN]);
    expect(result.code).toBe(1);
    expect(resets(server)).toEqual([]);
  });
});

test('v1: a known key with no usage that day is still "nothing to reset", exit 0', async () => {
  await withServer('v1', async (server) => {
    const [idle] = server.seedKeys(1, { labelPrefix: 'idle-' });
    const result = await reset(server, ['--key', idle!]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/Nothing to reset: /);
  });
});

test('v1p: reset-all-keys-for-day with an unknown key wipes nothing', async () => {
  await withServer('v1p', async (server) => {
    const [known] = server.seedKeys(1, { labelPrefix: 'r-' });
    server.recordUsage(known!, 7);
    const result = await reset(server, ['--key', UNKNOWN, '--reset-all-keys-for-day']);
    expect(result.code).toBe(1);
    expect(resets(server)).toEqual([]);
    expect(server.usageOf(known!)).toBe(7);
  });
});
