// rotate --idle-days 14 against each flavor that can delete, on a dev server in UTC+8 with seeded
// usage on past days: only keys without a request in the last 14 server days (and created before
// them) go; a key used 3 days ago stays, a key made 2 days ago stays, usage older than the 14 days
// does not save a key; dry-run deletes nothing; replace issues before it deletes.

import { DAY_MS, runWrite, writes } from '../__fixtures__/write-commands.js';
import { type DevServer, type Flavor, startDevServer } from '../src/dev-server/index.js';

const CAN_DELETE: Flavor[] = ['v1', 'v01', 'v1p', 'v10'];

describe.each(CAN_DELETE.map((f) => [f]))('rotate --idle-days on %s', (flavor) => {
  let server: DevServer;
  let idle: string[], used: string[], young: string[], hand: string[];
  beforeEach(async () => {
    server = await startDevServer({ flavor, timeZone: 'Asia/Shanghai' });
    const now = Date.now();
    const seed = (prefix: string, n: number, daysAgo: number) =>
      server.seedKeys(n, { labelPrefix: prefix, createdAt: new Date(now - daysAgo * DAY_MS) });
    idle = seed('auto-idle-', 2, 40);
    used = seed('auto-used-', 2, 40);
    young = seed('auto-young-', 1, 2);
    hand = seed('hand-', 1, 40);
    const daysAgo = (n: number) => server.day(new Date(now - n * DAY_MS));
    server.recordUsage(idle[0]!, 50, daysAgo(20)); // before the 14 days: still idle
    server.recordUsage(used[0]!, 1, daysAgo(3));
    server.recordUsage(used[1]!, 4); // today
  });
  afterEach(() => server.close());
  const remaining = () => new Set(server.allKeys().map((k) => k.key));
  const inputs = { command: 'rotate', 'idle-days': '14', 'label-prefix': 'auto-', 'skip-health-check': 'true' };

  test('deletes exactly the idle keys created before the idle days', async () => {
    const { report, requests, shown } = await runWrite(server, inputs);
    expect(report.ok).toBe(true);
    expect(report.outputs['deleted-count']).toBe('2');
    expect(writes(requests).sort()).toEqual(idle.map((k) => `DELETE /admin/keys/${encodeURIComponent(k)}`).sort());
    expect(remaining()).toEqual(new Set([...used, ...young, ...hand]));
    expect(report.summary.facts).toContainEqual([
      'Idle',
      '2 of 4 due key(s) had no request in the last 14 server day(s)',
    ]);
    for (const key of idle) expect(shown).not.toContain(key);
  });

  test('dry-run: nothing deleted, the idle keys listed', async () => {
    const { report, requests } = await runWrite(server, { ...inputs, 'dry-run': 'true' });
    expect(report.ok).toBe(true);
    expect(writes(requests)).toEqual([]);
    expect(remaining()).toEqual(new Set([...idle, ...used, ...young, ...hand]));
    expect(report.summary.table!.rows.map((r) => [r[0], r[3]]).sort()).toEqual([
      ['auto-idle-1', 'would delete'],
      ['auto-idle-2', 'would delete'],
    ]);
  });

  test('with older-than-days both must hold: older than 50 days, nothing goes', async () => {
    const { report, requests } = await runWrite(server, { ...inputs, 'older-than-days': '50' });
    expect(report.ok).toBe(true);
    expect(report.outputs['deleted-count']).toBe('0');
    expect(writes(requests)).toEqual([]);
  });
});
