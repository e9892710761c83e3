// delete against each flavor: by key, by label, by the shortened key `list` prints (seed §5.2), the
// ambiguity rules, and v1a (no delete endpoint) refused before any DELETE is sent.

import { runWrite, writes } from '../__fixtures__/write-commands.js';
import { type DevServer, type Flavor, startDevServer } from '../src/dev-server/index.js';
import { shortenKey } from '../src/shared/redact.js';

const CAN_DELETE: Flavor[] = ['v1', 'v01', 'v1p', 'v10'];
const deletePath = (key: string) => `DELETE /admin/keys/${encodeURIComponent(key)}`;

describe.each(CAN_DELETE.map((f) => [f]))('delete on %s', (flavor) => {
  let server: DevServer;
  beforeAll(async () => {
    // v10's upstream /healthz never answers, so each run would wait 2 s before its probe: that path is
    // health-v10-upstream-defaults.test.ts's; here the health check answers at once.
    server = await startDevServer({ flavor, health: 'ok' });
  });
  afterAll(() => server.close());
  const has = (key: string) => server.allKeys().some((k) => k.key === key);

  test('by label: exactly that key goes, one DELETE, deleted-count 1, no key shown whole', async () => {
    const [target] = server.seedKeys(1, { labelPrefix: '要删除的密钥-' });
    const [other] = server.seedKeys(1, { labelPrefix: 'keep-' });
    const { report, requests, shown } = await runWrite(server, { command: 'delete', name: '要删除的密钥-1' });
    expect(report.ok).toBe(true);
    expect(report.outputs).toMatchObject({ 'deleted-count': '1', flavor });
    expect(writes(requests)).toEqual([deletePath(target!)]);
    expect(has(target!)).toBe(false);
    expect(has(other!)).toBe(true);
    expect(report.summary.facts).toContainEqual(['Resolved by', 'label']);
    expect(shown).not.toContain(target!);
    expect(shown).toContain(shortenKey(target!));
  });

  test('by key: no label needed', async () => {
    const [target] = server.seedKeys(1, { labelPrefix: 'by-key-' });
    const { report, requests } = await runWrite(server, { command: 'delete', key: target! });
    expect(report.ok).toBe(true);
    expect(report.outputs['deleted-count']).toBe('1');
    expect(writes(requests)).toEqual([deletePath(target!)]);
    expect(has(target!)).toBe(false);
  });

  test('name may be the shortened key list prints, or the full key, when no label matches', async () => {
    const [a, b] = server.seedKeys(2, { labelPrefix: 'short-' });
    const first = await runWrite(server, { command: 'delete', name: shortenKey(a!) });
    expect(first.report.ok).toBe(true);
    expect(first.report.summary.facts).toContainEqual(['Resolved by', 'shortened key']);
    expect(writes(first.requests)).toEqual([deletePath(a!)]);
    // `...` for `…`, as a terminal without Unicode might show it
    const dotted = await runWrite(server, { command: 'delete', name: shortenKey(b!).replace('…', '...') });
    expect(dotted.report.ok).toBe(true);
    expect(writes(dotted.requests)).toEqual([deletePath(b!)]);
    const [c] = server.seedKeys(1, { labelPrefix: 'full-' });
    const full = await runWrite(server, { command: 'delete', name: c! });
    expect(full.report.ok).toBe(true);
    expect(full.report.summary.facts).toContainEqual(['Resolved by', 'full key']);
    expect(full.shown).not.toContain(c!);
    expect([a, b, c].some((k) => has(k!))).toBe(false);
  });

  test('an exact label wins over a shortened key of the same text', async () => {
    const [victim] = server.seedKeys(1, { labelPrefix: 'victim-' });
    const [labelled] = server.seedKeys(1, { labelPrefix: `${shortenKey(victim!)}-` });
    const { report, requests } = await runWrite(server, { command: 'delete', name: `${shortenKey(victim!)}-1` });
    expect(report.ok).toBe(true);
    expect(writes(requests)).toEqual([deletePath(labelled!)]);
    expect(has(victim!)).toBe(true);
  });

  test('a label on two keys is an error that sends no DELETE; all-matching deletes both', async () => {
    const [a] = server.seedKeys(1, { labelPrefix: 'twice-' });
    const [b] = server.seedKeys(1, { labelPrefix: 'twice-' });
    const refused = await runWrite(server, { command: 'delete', name: 'twice-1' });
    expect(refused.report.ok).toBe(false);
    expect(refused.report.failure).toMatch(
      /^2 keys are labelled "twice-1" .*nothing was changed; give the key itself .* all-matching/,
    );
    expect(refused.report.outputs['deleted-count']).toBe('0');
    expect(writes(refused.requests)).toEqual([]);
    expect(refused.shown).not.toContain(a!);
    expect(has(a!) && has(b!)).toBe(true);
    const both = await runWrite(server, { command: 'delete', name: 'twice-1', 'all-matching': 'true' });
    expect(both.report.ok).toBe(true);
    expect(both.report.outputs['deleted-count']).toBe('2');
    expect(writes(both.requests).sort()).toEqual([deletePath(a!), deletePath(b!)].sort());
    expect(has(a!) || has(b!)).toBe(false);
  });

  test('a name that matches nothing is an error and sends no DELETE', async () => {
    const before = server.allKeys().length;
    const { report, requests } = await runWrite(server, { command: 'delete', name: 'nobody-has-this' });
    expect(report.ok).toBe(false);
    expect(report.failure).toMatch(/^No key is labelled "nobody-has-this".*nothing was changed/);
    expect(writes(requests)).toEqual([]);
    expect(server.allKeys()).toHaveLength(before);
  });

  test('a shortened key that fits several keys is an error and sends no DELETE', async () => {
    // 40 keys: by pigeonhole at least two share their last character (16 hex or 36 base36 ones).
    const keys = server.seedKeys(40, { labelPrefix: 'amb-' });
    const prefix = /^[A-Za-z]+[-_]/.exec(keys[0]!)![0];
    const counts = new Map<string, number>();
    for (const k of server.allKeys()) counts.set(k.key.slice(-1), (counts.get(k.key.slice(-1)) ?? 0) + 1);
    const [tail, n] = [...counts].find(([, c]) => c >= 2)!;
    const { report, requests } = await runWrite(server, { command: 'delete', name: `${prefix}…${tail}` });
    expect(report.ok).toBe(false);
    expect(report.failure).toMatch(
      new RegExp(`is the shortened form of ${n} keys .*nothing was changed; give the full key`),
    );
    expect(writes(requests)).toEqual([]);
  });

  test('a key the server does not have: failure, deleted-count 0', async () => {
    const ghost = server.seedKeys(1, { labelPrefix: 'ghost-' })[0]!;
    await runWrite(server, { command: 'delete', key: ghost });
    const { report } = await runWrite(server, { command: 'delete', key: ghost });
    expect(report.ok).toBe(false);
    expect(report.outputs['deleted-count']).toBe('0');
    expect(report.failure).toMatch(/The server has no key .*already deleted/);
    expect(report.failure).not.toContain(ghost);
  });
});

describe('delete on v1a (no delete endpoint)', () => {
  let server: DevServer;
  beforeAll(async () => {
    server = await startDevServer({ flavor: 'v1a' });
  });
  afterAll(() => server.close());

  test.each([
    ['by name', { name: 'target-1' }],
    ['by key', { key: 'KEY' }],
    ['with the flavor forced', { name: 'target-1', 'server-flavor': 'v1a' }],
  ])(
    '%s: refused in one line naming the flavor, no DELETE sent, nothing changed',
    async (_, inputs: Record<string, string>) => {
      const [key] = server.seedKeys(1, { labelPrefix: 'target-' });
      const before = server.allKeys();
      const { report, requests } = await runWrite(server, {
        command: 'delete',
        ...(inputs.key ? { key: key! } : inputs),
      });
      expect(report.ok).toBe(false);
      expect(report.failure).toBe(
        'The v1a quota-proxy flavor has no delete endpoint: delete refused, nothing was deleted (remove ' +
          'keys on the server itself).',
      );
      expect(report.outputs['deleted-count']).toBe('0');
      expect(writes(requests)).toEqual([]);
      expect(server.allKeys()).toEqual(before);
      if (inputs['server-flavor']) expect(requests).toEqual(['GET /healthz']);
    },
  );
});
