// rotate against each flavor: exactly the keys older than older-than-days with the label prefix go,
// dry-run changes nothing, replace issues one key per deleted key into the CSV (same label stem,
// same limit), and v1a (no delete endpoint) is refused before anything is deleted.

import { adminGet, DAY_MS, runWrite, writes } from '../__fixtures__/write-commands.js';
import { type DevServer, type Flavor, startDevServer } from '../src/dev-server/index.js';

const CAN_DELETE: Flavor[] = ['v1', 'v01', 'v1p', 'v10'];
const perKeyLimit = (flavor: Flavor) => flavor === 'v1p' || flavor === 'v1a';

/** Old and young keys, with and without the prefix, and one just inside the 30 days. */
function seed(server: DevServer) {
  const now = Date.now();
  const limit = perKeyLimit(server.flavor) ? 77 : undefined;
  return {
    old: server.seedKeys(3, { labelPrefix: 'auto-old-', createdAt: new Date(now - 40 * DAY_MS), dailyLimit: limit }),
    young: server.seedKeys(2, {
      labelPrefix: 'auto-young-',
      createdAt: new Date(now - 10 * DAY_MS),
      dailyLimit: limit,
    }),
    edge: server.seedKeys(1, {
      labelPrefix: 'auto-edge-',
      createdAt: new Date(now - 30 * DAY_MS + 3_600_000),
      dailyLimit: limit,
    }),
    hand: server.seedKeys(2, { labelPrefix: 'hand-', createdAt: new Date(now - 400 * DAY_MS), dailyLimit: limit }),
  };
}

describe.each(CAN_DELETE.map((f) => [f]))('rotate on %s', (flavor) => {
  let server: DevServer;
  beforeEach(async () => {
    // v10's upstream /healthz never answers, so each run would wait 2 s before its probe: that path is
    // health-v10-upstream-defaults.test.ts's; here the health check answers at once.
    server = await startDevServer({ flavor, health: 'ok' });
  });
  afterEach(() => server.close());
  const remaining = () => new Set(server.allKeys().map((k) => k.key));

  test('deletes exactly the keys older than older-than-days whose label has the prefix', async () => {
    const { old, young, edge, hand } = seed(server);
    const { report, requests, shown } = await runWrite(server, {
      command: 'rotate',
      'older-than-days': '30',
      'label-prefix': 'auto-',
      concurrency: '2',
    });
    expect(report.ok).toBe(true);
    expect(report.outputs).toMatchObject({ 'deleted-count': '3', 'created-count': '0', flavor });
    expect(report.csvPath).toBeUndefined();
    expect(writes(requests).sort()).toEqual(old.map((k) => `DELETE /admin/keys/${encodeURIComponent(k)}`).sort());
    expect(remaining()).toEqual(new Set([...young, ...edge, ...hand]));
    expect(report.summary.facts).toContainEqual(['Due', '3']);
    expect(report.summary.table!.rows.map((r) => r[3])).toEqual(['deleted', 'deleted', 'deleted']);
    for (const key of old) expect(shown).not.toContain(key);
  });

  test('all-labels: every old key, hand-issued ones included', async () => {
    const { old, young, edge, hand } = seed(server);
    const { report } = await runWrite(server, { command: 'rotate', 'older-than-days': '30', 'all-labels': 'true' });
    expect(report.ok).toBe(true);
    expect(report.outputs['deleted-count']).toBe(String(old.length + hand.length));
    expect(remaining()).toEqual(new Set([...young, ...edge]));
  });

  test('dry-run: no DELETE and no POST; the summary shows what would go', async () => {
    const { old } = seed(server);
    const before = server.allKeys();
    const { report, requests, log } = await runWrite(server, {
      command: 'rotate',
      'older-than-days': '30',
      'label-prefix': 'auto-',
      'dry-run': 'true',
      replace: 'true',
    });
    expect(report.ok).toBe(true);
    expect(writes(requests)).toEqual([]);
    expect(server.allKeys()).toEqual(before);
    expect(report.outputs).toMatchObject({ 'deleted-count': '0', 'created-count': '0' });
    expect(report.summary.facts).toContainEqual(['Would delete', String(old.length)]);
    // Labels that are not batch labels are kept as they are.
    expect(report.summary.table!.rows.map((r) => r.slice(3)).sort()).toEqual([
      ['would delete', 'would be auto-old-1'],
      ['would delete', 'would be auto-old-2'],
      ['would delete', 'would be auto-old-3'],
    ]);
    expect(log.match(/Would delete /g)).toHaveLength(old.length);
  });

  test('replace: one new key per deleted key in the CSV, batch stem renumbered with this run, same limit', async () => {
    const limit = { limit: '77', ...(flavor === 'v10' ? { 'limit-as-total-quota': 'true' } : {}) };
    const issued = await runWrite(
      server,
      { command: 'batch', count: '3', name: 'auto-20260101', ...limit },
      { labelSuffix: 'r1a1' },
    );
    expect(issued.report.ok).toBe(true);
    server.seedKeys(1, { labelPrefix: 'auto-young-' });
    // 40 days later, a run with its own suffix; the rotate run's own limit (100) must not be used.
    const later = new Date(Date.now() + 40 * DAY_MS);
    const { report, rows, requests } = await runWrite(
      server,
      {
        command: 'rotate',
        'older-than-days': '30',
        'label-prefix': 'auto-2026',
        replace: 'true',
        tier: 'trial',
        output: 'rotated.csv',
      },
      { now: later, labelSuffix: 'r9a2' },
    );
    expect(report.ok).toBe(true);
    expect(report.outputs).toMatchObject({ 'deleted-count': '3', 'created-count': '3', 'failed-count': '0' });
    expect(writes(requests).filter((r) => r.startsWith('DELETE'))).toHaveLength(3);
    // v01's native batch stores one label for the whole chunk, its first one's: the CSV says so.
    const labels =
      flavor === 'v01'
        ? Array<string>(3).fill('auto-20260101-001-r9a2')
        : ['auto-20260101-001-r9a2', 'auto-20260101-002-r9a2', 'auto-20260101-003-r9a2'];
    expect(rows.map((r) => r.label).sort()).toEqual(labels);
    expect(rows.every((r) => r.tier === 'trial')).toBe(true);
    const onServer = server.allKeys();
    expect(onServer.filter((k) => issued.rows.some((r) => r.key === k.key))).toEqual([]);
    for (const row of rows) expect(onServer.find((k) => k.key === row.key)?.label).toBe(row.label);
    if (perKeyLimit(flavor)) {
      expect(rows.every((r) => r.daily_limit === '77')).toBe(true);
      expect(onServer.filter((k) => labels.includes(k.label!)).map((k) => k.dailyLimit)).toEqual([77, 77, 77]);
    }
    if (flavor === 'v10') {
      const { keys } = await adminGet<{ keys: Array<{ label: string; total_quota: number }> }>(
        server,
        '/admin/keys?limit=1000',
      );
      expect(keys.filter((k) => labels.includes(k.label)).map((k) => k.total_quota)).toEqual([77, 77, 77]);
    }
    expect(report.summary.table!.rows.map((r) => r[4]!.split(' ')[0])).toEqual(labels);
  });
});

describe('rotate on v1a (no delete endpoint)', () => {
  test.each([
    ['detected', {}],
    ['forced', { 'server-flavor': 'v1a' }],
    ['dry-run', { 'dry-run': 'true' }],
  ])(
    '%s: refused before anything is deleted, one line naming flavor and operation',
    async (_, extra: Record<string, string>) => {
      const server = await startDevServer({ flavor: 'v1a' });
      try {
        seed(server);
        const before = server.allKeys();
        const { report, requests } = await runWrite(server, {
          command: 'rotate',
          'older-than-days': '30',
          'label-prefix': 'auto-',
          replace: 'true',
          ...extra,
        });
        expect(report.ok).toBe(false);
        expect(report.failure).toBe(
          'The v1a quota-proxy flavor has no delete endpoint: rotate refused, nothing was deleted (remove ' +
            'keys on the server itself).',
        );
        expect(report.outputs).toMatchObject({ 'deleted-count': '0', 'created-count': '0' });
        expect(writes(requests)).toEqual([]);
        expect(server.allKeys()).toEqual(before);
      } finally {
        await server.close();
      }
    },
  );
});
