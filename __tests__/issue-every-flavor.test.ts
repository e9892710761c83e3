// generate and batch against each flavor: tiers land in the CSV and the summary, per-key limits
// where the server has them, expires-in-days as expiresAt where the server expires keys (v10) and
// a warning elsewhere, v10's lifetime quota only with limit-as-total-quota, and v01's native batch.

import { adminGet, DAY_MS, runWrite, writes } from '../__fixtures__/write-commands.js';
import { type DevServer, FLAVORS, type Flavor, startDevServer } from '../src/dev-server/index.js';

const perKeyLimit = (flavor: Flavor) => flavor === 'v1p' || flavor === 'v1a';
type V10Key = { key: string; label: string; total_quota: number; expires_at: string | null };
const v10Keys = async (server: DevServer) =>
  (await adminGet<{ keys: V10Key[] }>(server, '/admin/keys?limit=1000')).keys;
const count = (lines: string[], pattern: RegExp) => lines.filter((l) => pattern.test(l)).length;
/** The Tier fact: the tier's limit only where the server applies it. */
const tierText = (flavor: Flavor, tier: string, applied: string) =>
  perKeyLimit(flavor)
    ? `${tier} (${applied})`
    : flavor === 'v10'
      ? `${tier} (its limit is not applied: the v10 server has lifetime quotas, not daily limits)`
      : `${tier} (its limit is not applied: the ${flavor} server applies one server-wide daily limit to ` +
        `every key, 200 (assumed: server-daily-limit not set))`;

describe.each(FLAVORS.map((f) => [f]))('generate and batch on %s', (flavor) => {
  let server: DevServer;
  beforeAll(async () => {
    server = await startDevServer({ flavor });
  });
  afterAll(() => server.close());

  test('generate --tier partner: the tier and its limit in the CSV and the summary', async () => {
    const { report, rows, requests, warnings } = await runWrite(server, {
      command: 'generate',
      name: 'partner-companyA-20261126',
      tier: 'partner',
    });
    expect(report.ok).toBe(true);
    // The flavor is learnt from answers the run needs anyway: health, the token check and the one create, nothing more
    // (v10's /healthz never answers: its proxy route, outside /admin, is the health check).
    const health =
      flavor === 'v10' ? ['GET /healthz', 'POST /gateway?api_key=quota-keys-health-check'] : ['GET /healthz'];
    expect(requests).toEqual([...health, 'GET /admin/usage?limit=1&days=1', 'POST /admin/keys']);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    // v1 and v01 apply their own DAILY_REQ_LIMIT, which nobody gave here: the upstream 200, marked
    // assumed, not a tier's figure.
    expect(rows[0]).toMatchObject({
      label: 'partner-companyA-20261126',
      tier: 'partner',
      daily_limit: perKeyLimit(flavor) ? '500' : flavor === 'v10' ? '' : '200',
      daily_limit_source: perKeyLimit(flavor) ? 'key' : flavor === 'v10' ? '' : 'assumed',
    });
    expect(report.summary.facts).toContainEqual(['Tier', tierText(flavor, 'partner', '500/day')]);
    const onServer = server.allKeys().find((k) => k.key === rows[0]!.key)!;
    expect(onServer.label).toBe('partner-companyA-20261126');
    if (perKeyLimit(flavor)) expect(onServer.dailyLimit).toBe(500);
    expect(count(warnings, /lifetime quotas/)).toBe(flavor === 'v10' ? 1 : 0);
    expect(count(warnings, /server-wide limit/)).toBe(flavor === 'v1' || flavor === 'v01' ? 1 : 0);
  });

  test('an explicit limit wins over the tier', async () => {
    const { report, rows } = await runWrite(server, { command: 'generate', name: 'vip-x', tier: 'vip', limit: '10' });
    expect(report.ok).toBe(true);
    expect(rows[0]!.tier).toBe('vip');
    expect(report.summary.facts).toContainEqual(['Tier', tierText(flavor, 'vip', '5000/day; limit 10 given')]);
    if (perKeyLimit(flavor)) expect(server.allKeys().find((k) => k.key === rows[0]!.key)!.dailyLimit).toBe(10);
  });

  test.each([
    ['health told the flavor', 'false'],
    ['the first creation tells the flavor', 'true'],
  ])(
    'batch --expires-in-days 30 (%s): expiresAt where the server expires keys, else one warning',
    async (_, skipHealth) => {
      const before = Date.now();
      const { report, rows, warnings } = await runWrite(server, {
        command: 'batch',
        count: '3',
        name: `exp-${skipHealth}`,
        'expires-in-days': '30',
        'skip-health-check': skipHealth,
      });
      expect(report.ok).toBe(true);
      expect(rows).toHaveLength(3);
      // v1 and v01 apply one server-wide limit: said once for the whole batch, not per key.
      expect(count(warnings, /server-wide limit/)).toBe(flavor === 'v1' || flavor === 'v01' ? 1 : 0);
      if (flavor === 'v10') {
        const expires = (await v10Keys(server))
          .filter((k) => k.label.startsWith(`exp-${skipHealth}-`))
          .map((k) => Date.parse(k.expires_at!));
        expect(expires).toHaveLength(3);
        for (const at of expires) expect(Math.abs(at - (before + 30 * DAY_MS))).toBeLessThan(60_000);
        for (const row of rows)
          expect(Math.abs(Date.parse(row.expires_at!) - (before + 30 * DAY_MS))).toBeLessThan(60_000);
        expect(count(warnings, /cannot expire/)).toBe(0);
      } else {
        expect(rows.every((r) => r.expires_at === '')).toBe(true);
        expect(warnings.filter((w) => /cannot expire/.test(w))).toEqual([
          `warning: The ${flavor} server cannot expire keys: expires-in-days (30) was not applied; delete ` +
            `them when due with rotate (older-than-days: 30, label-prefix: exp-${skipHealth}).`,
        ]);
      }
    },
  );

  test(
    "limit-as-total-quota: the limit becomes v10 keys' lifetime totalQuota; elsewhere one warning that " +
      'it is ignored',
    async () => {
      const { report, warnings } = await runWrite(server, {
        command: 'batch',
        count: '2',
        name: 'quota',
        limit: '250',
        'limit-as-total-quota': 'true',
        'skip-health-check': 'true',
      });
      expect(report.ok).toBe(true);
      if (flavor === 'v10') {
        expect((await v10Keys(server)).filter((k) => k.label.startsWith('quota-')).map((k) => k.total_quota)).toEqual([
          250, 250,
        ]);
        expect(count(warnings, /limit-as-total-quota|lifetime quotas/)).toBe(0);
      } else {
        expect(count(warnings, /limit-as-total-quota is ignored/)).toBe(1);
        if (perKeyLimit(flavor))
          expect(
            server
              .allKeys()
              .filter((k) => k.label!.startsWith('quota-'))
              .map((k) => k.dailyLimit),
          ).toEqual([250, 250]);
      }
    },
  );
});

test('v10 without limit-as-total-quota: the server default quota, and one warning for the whole batch', async () => {
  const server = await startDevServer({ flavor: 'v10' });
  try {
    const { report, warnings } = await runWrite(server, {
      command: 'batch',
      count: '4',
      name: 'lifetime',
      limit: '50',
    });
    expect(report.ok).toBe(true);
    expect((await v10Keys(server)).map((k) => k.total_quota)).toEqual([1000, 1000, 1000, 1000]);
    expect(warnings.filter((w) => /lifetime quotas/.test(w))).toEqual([
      'warning: The v10 server has lifetime quotas, not daily limits: limit (50) was not sent and the keys ' +
        "get the server's default total quota; set limit-as-total-quota: true to send limit as each key's totalQuota.",
    ]);
  } finally {
    await server.close();
  }
});

test(
  'v01 native batch end to end: 250 keys in 4 requests (1 to detect the flavor, then 100, 100, 49), each ' +
    'chunk under a label of its own, as the server stored it',
  async () => {
    const server = await startDevServer({ flavor: 'v01' });
    try {
      const { report, rows, requests } = await runWrite(server, {
        command: 'batch',
        count: '250',
        name: 'native',
        concurrency: '2',
        'skip-health-check': 'true',
      });
      expect(report.ok).toBe(true);
      expect(report.outputs['created-count']).toBe('250');
      expect(writes(requests)).toEqual(Array(4).fill('POST /admin/keys'));
      // A chunk's label is its first number's: 001 alone, then 002 (002–101), 102 (102–201), 202 (202–250).
      const chunks: Array<[string, number]> = [
        ['001', 1],
        ['002', 100],
        ['102', 100],
        ['202', 49],
      ];
      const labels = chunks.flatMap(([n, k]) => Array<string>(k).fill(`native-${n}-test1`)).sort();
      const onServer = server.allKeys();
      expect(onServer.map((k) => k.label).sort()).toEqual(labels);
      expect(rows.map((r) => r.label).sort()).toEqual(labels);
      for (const row of rows) expect(onServer.find((k) => k.key === row.key)?.label).toBe(row.label);
    } finally {
      await server.close();
    }
  },
);
