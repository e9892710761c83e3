// reset against each flavor, read back through the server's own admin API: v1 (body) and v01
// (query string) clear one key's day, v10 one key's lifetime used quota; v1p can only wipe a whole
// day (refused unless reset-all-keys-for-day); v1a has no reset (refused).

import { adminGet, runWrite, usageOf as usageOfDay, writes } from '../__fixtures__/write-commands.js';
import { localDay } from '../src/config/values.js';
import { type DevServer, type Flavor, startDevServer } from '../src/dev-server/index.js';

const today = localDay(new Date());
const OTHER_DAY = '2026-01-02';

type Json = Record<string, unknown>;
const usageOf = (server: DevServer, key: string, day = today) => usageOfDay(server, key, day);

const RESET_ROUTE: Record<string, string> = {
  v1: 'POST /admin/usage/reset',
  v01: 'POST /admin/usage/reset?',
  v10: 'POST /admin/reset-usage',
};

describe.each((['v1', 'v01', 'v10'] as Flavor[]).map((f) => [f]))('reset on %s (per key)', (flavor) => {
  let server: DevServer;
  beforeAll(async () => {
    // v10's upstream /healthz never answers, so each run would wait 2 s before its probe: that path is
    // health-v10-upstream-defaults.test.ts's; here the health check answers at once.
    server = await startDevServer({ flavor, health: 'ok' });
  });
  afterAll(() => server.close());

  test('reset --name (seed §3.5): that key is back at zero, the other key keeps its usage', async () => {
    const [target] = server.seedKeys(1, { labelPrefix: '要重置的密钥-' });
    const [other] = server.seedKeys(1, { labelPrefix: 'other-' });
    server.recordUsage(target!, 7);
    server.recordUsage(other!, 5);
    expect(await usageOf(server, target!)).toBe(7);
    const { report, requests, shown } = await runWrite(server, { command: 'reset', name: '要重置的密钥-1' });
    expect(report.ok).toBe(true);
    expect(writes(requests)).toHaveLength(1);
    expect(writes(requests)[0]!.startsWith(RESET_ROUTE[flavor]!)).toBe(true);
    expect(await usageOf(server, target!)).toBe(0);
    expect(await usageOf(server, other!)).toBe(5);
    expect(report.summary.facts).toContainEqual(['Keys reset', '1']);
    expect(shown).not.toContain(target!);
  });

  test('reset by key', async () => {
    const [target] = server.seedKeys(1, { labelPrefix: 'reset-by-key-' });
    server.recordUsage(target!, 3);
    const { report } = await runWrite(server, { command: 'reset', key: target! });
    expect(report.ok).toBe(true);
    expect(await usageOf(server, target!)).toBe(0);
  });

  test('a label on two keys is an error that sends no reset; all-matching resets both', async () => {
    const [a] = server.seedKeys(1, { labelPrefix: 'dup-reset-' });
    const [b] = server.seedKeys(1, { labelPrefix: 'dup-reset-' });
    server.recordUsage(a!, 2);
    server.recordUsage(b!, 4);
    const refused = await runWrite(server, { command: 'reset', name: 'dup-reset-1' });
    expect(refused.report.ok).toBe(false);
    expect(refused.report.failure).toMatch(/^2 keys are labelled "dup-reset-1" .*all-matching/);
    expect(writes(refused.requests)).toEqual([]);
    expect([await usageOf(server, a!), await usageOf(server, b!)]).toEqual([2, 4]);
    const both = await runWrite(server, { command: 'reset', name: 'dup-reset-1', 'all-matching': 'true' });
    expect(both.report.ok).toBe(true);
    expect(writes(both.requests)).toHaveLength(2);
    expect([await usageOf(server, a!), await usageOf(server, b!)]).toEqual([0, 0]);
  });

  test('a name that matches no key is an error and sends no reset', async () => {
    const { report, requests } = await runWrite(server, { command: 'reset', name: 'no-such-label' });
    expect(report.ok).toBe(false);
    expect(report.failure).toMatch(/^No key is labelled "no-such-label"/);
    expect(writes(requests)).toEqual([]);
  });
});

describe('reset on v1: days', () => {
  let server: DevServer;
  beforeAll(async () => {
    server = await startDevServer({ flavor: 'v1' });
  });
  afterAll(() => server.close());

  test('day picks the day reset; other days keep their usage', async () => {
    const [key] = server.seedKeys(1, { labelPrefix: 'days-' });
    server.recordUsage(key!, 9, OTHER_DAY);
    server.recordUsage(key!, 4);
    const { report } = await runWrite(server, { command: 'reset', name: 'days-1', day: OTHER_DAY });
    expect(report.ok).toBe(true);
    expect(await usageOf(server, key!, OTHER_DAY)).toBe(0);
    expect(await usageOf(server, key!)).toBe(4);
    expect(report.summary.facts).toContainEqual(['Reset', `usage of ${OTHER_DAY}`]);
  });

  test('no usage row for the day (the server answers 404): "nothing to reset", a success, not a crash', async () => {
    server.seedKeys(1, { labelPrefix: 'idle-' });
    const { report, requests, log } = await runWrite(server, { command: 'reset', name: 'idle-1' });
    expect(writes(requests)).toEqual(['POST /admin/usage/reset']);
    expect(report.ok).toBe(true);
    expect(log).toMatch(new RegExp(`Nothing to reset: .* has no usage recorded on ${today}\\.`));
    expect(report.summary.facts).toContainEqual(['Nothing to reset', '1']);
    expect(report.summary.table!.rows[0]![2]).toBe('nothing to reset');
  });
});

describe('reset on v01: the query string', () => {
  test('key and day go in the query string, and only that day is cleared', async () => {
    const server = await startDevServer({ flavor: 'v01' });
    try {
      const [key] = server.seedKeys(1, { labelPrefix: 'q-' });
      server.recordUsage(key!, 6, OTHER_DAY);
      server.recordUsage(key!, 2);
      const { report, requests } = await runWrite(server, { command: 'reset', name: 'q-1', day: OTHER_DAY });
      expect(report.ok).toBe(true);
      expect(writes(requests)).toEqual([`POST /admin/usage/reset?key=${key}&day=${OTHER_DAY}`]);
      expect(await usageOf(server, key!, OTHER_DAY)).toBe(0);
      expect(await usageOf(server, key!)).toBe(2);
    } finally {
      await server.close();
    }
  });
});

describe('reset on v10: the lifetime used quota', () => {
  test('the summary says what a v10 reset is; an unknown key is a failure', async () => {
    const server = await startDevServer({ flavor: 'v10', health: 'ok' });
    try {
      const [key] = server.seedKeys(1, { labelPrefix: 'life-' });
      server.recordUsage(key!, 12);
      const { report } = await runWrite(server, { command: 'reset', name: 'life-1' });
      expect(report.ok).toBe(true);
      expect(await usageOf(server, key!)).toBe(0);
      expect(report.summary.facts).toContainEqual([
        'Reset',
        'used quota (lifetime; v10 counts no days, day is ignored)',
      ]);
      const unknown = await runWrite(server, { command: 'reset', key: 'roc_1764150000000-abcdefghi' });
      expect(unknown.report.ok).toBe(false);
      expect(unknown.report.failure).toBe('The server has no key roc_1764…fghi; 0 reset.');
    } finally {
      await server.close();
    }
  });
});

describe('reset on v1p (only whole days)', () => {
  let server: DevServer;
  let target: string;
  let other: string;
  beforeAll(async () => {
    server = await startDevServer({ flavor: 'v1p' });
    [target, other] = server.seedKeys(2, { labelPrefix: 'p-' }) as [string, string];
  });
  afterAll(() => server.close());

  test('without reset-all-keys-for-day: refused in one line naming flavor and operation, no reset sent', async () => {
    server.recordUsage(target, 3);
    server.recordUsage(other, 8);
    for (const inputs of [{ name: 'p-1' }, { key: target }, { name: 'p-1', 'server-flavor': 'v1p' }] as Array<
      Record<string, string>
    >) {
      const { report, requests } = await runWrite(server, { command: 'reset', ...inputs });
      expect(report.ok).toBe(false);
      expect(report.failure).toBe(
        `The v1p quota-proxy flavor can only reset every key's usage for a day, not one key's: reset ` +
          `refused, nothing was sent; set reset-all-keys-for-day: true (--reset-all-keys-for-day) to wipe all keys' ` +
          `usage for the server's today.`,
      );
      expect(writes(requests)).toEqual([]);
    }
    expect([await usageOf(server, target), await usageOf(server, other)]).toEqual([3, 8]);
  });

  test(
    'with reset-all-keys-for-day: one request wipes every key for that day, other days kept, and a ' +
      'warning says so',
    async () => {
      server.recordUsage(other, 4, OTHER_DAY);
      const { report, requests, warnings } = await runWrite(server, {
        command: 'reset',
        name: 'p-1',
        'reset-all-keys-for-day': 'true',
      });
      expect(report.ok).toBe(true);
      expect(writes(requests)).toEqual(['POST /admin/usage/reset']);
      expect([await usageOf(server, target), await usageOf(server, other)]).toEqual([0, 0]);
      expect(await usageOf(server, other, OTHER_DAY)).toBe(4);
      expect(warnings).toEqual([expect.stringMatching(new RegExp(`reset every key's usage for ${today}`))]);
    },
  );
});

describe('reset on v1a (no reset endpoint)', () => {
  test('refused in one line naming the flavor; nothing sent, usage unchanged', async () => {
    const server = await startDevServer({ flavor: 'v1a' });
    try {
      const [key] = server.seedKeys(1, { labelPrefix: 'a-' });
      server.recordUsage(key!, 5);
      const { report, requests } = await runWrite(server, { command: 'reset', name: 'a-1' });
      expect(report.ok).toBe(false);
      expect(report.failure).toBe(
        'The v1a quota-proxy flavor has no reset endpoint: reset refused, nothing was changed.',
      );
      expect(writes(requests)).toEqual([]);
      const { keys } = await adminGet<{ keys: Json[] }>(server, '/admin/keys');
      expect(keys.find((k) => k.key === key)?.today_requests).toBe(5);
    } finally {
      await server.close();
    }
  });
});
