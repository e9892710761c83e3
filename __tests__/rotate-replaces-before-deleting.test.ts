// rotate --replace on v10 as upstream ships it (30 admin requests per 15 minutes, a /healthz that
// never answers), with no flags beyond the rotation's own: a key is deleted only once its
// replacement is in the CSV, and only as many keys are rotated as certainly fit, so a rate limit
// never leaves a user without a key. Windows are shortened where a test would wait. Each test has
// its own server: they run at once.

import { startFaultProxy } from '../__fixtures__/fault-proxy.js';
import { withDevServer } from '../__fixtures__/own-server.js';
import { DAY_MS, runWrite } from '../__fixtures__/write-commands.js';
import type { DevServer } from '../src/dev-server/index.js';

/** v10 as upstream ships it: 30 admin requests per 15 minutes, a /healthz that never answers. */
const V10 = { flavor: 'v10' } as const;

const rotate = { command: 'rotate', 'older-than-days': '30', 'label-prefix': 'auto-', replace: 'true' };
const seedOld = (server: DevServer, n: number) =>
  server.seedKeys(n, { labelPrefix: 'auto-', createdAt: new Date(Date.now() - 40 * DAY_MS) });

/** Every old key is still on the server, or was deleted and has its replacement in the CSV. */
function noUserWithoutKey(server: DevServer, old: string[], rows: Array<Record<string, string>>) {
  const left = new Set(server.allKeys().map((k) => k.key));
  const deleted = old.filter((k) => !left.has(k));
  for (const row of rows) expect(left.has(row.key!)).toBe(true);
  expect(rows.length).toBeGreaterThanOrEqual(deleted.length);
  return { deleted, kept: old.filter((k) => left.has(k)) };
}

test.concurrent(
  'upstream defaults, 20 due: the 14 that fit are replaced first, then deleted; 6 stay due; nothing ' +
    'refused by the server',
  () =>
    withDevServer(V10, async (server) => {
      const old = seedOld(server, 20);
      const { report, rows, requests, warnings } = await runWrite(server, rotate);
      // One list page leaves 29 of 30: 14 replacements and 14 deletes; waiting 15 min exceeds max-wait-seconds.
      expect({ ok: report.ok, failure: report.failure }).toEqual({ ok: true, failure: undefined });
      expect(report.outputs).toMatchObject({ 'deleted-count': '14', 'created-count': '14' });
      expect(warnings.join('\n')).toMatch(
        new RegExp(
          String.raw`leaves 29 request\(s\) until .* and 20 due key\(s\) need 40 \(a` +
            String.raw` replacement and a delete each\): rotating the 14 oldest now; the other 6 stay` +
            String.raw` due \(waiting 9\d\d s is more than max-wait-seconds leaves`,
        ),
      );
      const { deleted, kept } = noUserWithoutKey(server, old, rows);
      expect(deleted).toHaveLength(14);
      expect(kept).toHaveLength(6);
      const admin = requests.filter((r) => r.includes('/admin/'));
      expect(admin.length).toBeLessThanOrEqual(30);
      const lastCreate = admin.map((r) => r.startsWith('POST')).lastIndexOf(true);
      const firstDelete = admin.findIndex((r) => r.startsWith('DELETE'));
      expect(lastCreate).toBeLessThan(firstDelete);
    }),
);

test.concurrent('a window max-wait-seconds covers: all 20 are replaced, the deletes go on after the wait', () =>
  withDevServer({ ...V10, rateLimit: { max: 30, windowSeconds: 4 } }, async (server) => {
    const old = seedOld(server, 20);
    const { report, rows, warnings } = await runWrite(server, { ...rotate, 'max-wait-seconds': '30' });
    expect({ ok: report.ok, failure: report.failure }).toEqual({ ok: true, failure: undefined });
    expect(report.outputs).toMatchObject({ 'deleted-count': '20', 'created-count': '20' });
    expect(warnings.join('\n')).toMatch(/need 40 \(a replacement and a delete each\): waiting for the next window/);
    const { deleted } = noUserWithoutKey(server, old, rows);
    expect(deleted).toHaveLength(20);
  }));

test.concurrent(
  'replacements refused mid-way (429, on-rate-limit: fail): only the keys whose replacement was made ' + 'are deleted',
  () =>
    withDevServer(V10, async (server) => {
      let creates = 0;
      const proxy = await startFaultProxy({
        target: server.url,
        choose: (r) =>
          r.method === 'POST' && r.path.startsWith('/admin/keys') && ++creates > 3 ? 'rate-limit' : undefined,
      });
      const old = seedOld(server, 6);
      const { report, rows } = await runWrite(server, { ...rotate, url: proxy.url, 'on-rate-limit': 'fail' });
      await proxy.close();
      expect(report.ok).toBe(false);
      expect(report.outputs).toMatchObject({ 'deleted-count': '3', 'created-count': '3' });
      expect(report.failure).toMatch(/3 due key\(s\) were kept because their replacement was not created/);
      const { deleted, kept } = noUserWithoutKey(server, old, rows);
      expect(deleted).toHaveLength(3);
      expect(kept).toHaveLength(3);
      expect(report.summary.table!.rows.map((r) => r[3]).sort()).toEqual([
        'deleted',
        'deleted',
        'deleted',
        'kept: replacement not created',
        'kept: replacement not created',
        'kept: replacement not created',
      ]);
    }),
);
