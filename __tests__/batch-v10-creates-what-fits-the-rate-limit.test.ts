// batch --count 50 on v10 as upstream ships it (30 admin requests per 15 minutes, /healthz that
// never answers), with no other flags: what fits the window is created, the rest waits for the next
// window when on-rate-limit is wait and max-wait-seconds allows, else is reported as not created.
// Every key the server made is in the CSV. Windows are shortened here so no test waits 15 minutes.
// Each test has its own server: they run at once.

import { withDevServer } from '../__fixtures__/own-server.js';
import { runWrite } from '../__fixtures__/write-commands.js';
import type { DevServer } from '../src/dev-server/index.js';

/** v10 as upstream ships it: 30 admin requests per 15 minutes, a /healthz that never answers. */
const V10 = { flavor: 'v10' } as const;

const onServer = (server: DevServer) => new Set(server.allKeys().map((k) => k.key));

const adminBeforeFirstCreate = (requests: string[]) => requests.findIndex((r) => r.startsWith('POST /admin/keys'));

test.concurrent(
  'on-rate-limit: fail: creates the keys that fit the window, reports the rest, no key ' + 'outside the CSV',
  () =>
    withDevServer(V10, async (server) => {
      const { report, rows, requests, warnings } = await runWrite(server, {
        command: 'batch',
        name: 'rl',
        count: '50',
        'on-rate-limit': 'fail',
      });
      const admin = requests.filter((r) => r.includes('/admin/'));
      // 30 admin requests in the window: every one not spent before the first create makes a key.
      const fit = 30 - adminBeforeFirstCreate(admin);
      expect(report.ok).toBe(false);
      expect(report.outputs).toMatchObject({ 'created-count': String(fit), 'failed-count': String(50 - fit) });
      expect(rows).toHaveLength(fit);
      expect(new Set(rows.map((r) => r.key))).toEqual(onServer(server));
      expect(admin).toHaveLength(30); // paced by the headers: nothing sent that the server would refuse
      expect(warnings.join('\n')).toMatch(
        new RegExp(
          `: ${fit} fit now, the rest after .* on-rate-limit is fail: creating the ${fit} that fit now; the ` +
            `other ${50 - fit} will not be requested \\(run again after `,
        ),
      );
      expect(report.failure).toMatch(
        new RegExp(
          `^${50 - fit} of 50 key\\(s\\) were not created \\(first error: POST ` +
            `http://127\\.0\\.0\\.1:\\d+/admin/keys: not sent: the admin rate limit is used up; ` +
            `on-rate-limit is fail; ` +
            `retry after .*\\); the ${fit} created are in `,
        ),
      );
    }),
);

test.concurrent('default on-rate-limit (wait), the window outlasting max-wait-seconds: the same, without waiting', () =>
  withDevServer(V10, async (server) => {
    const started = Date.now();
    const { report, rows, requests, warnings } = await runWrite(server, { command: 'batch', name: 'rl', count: '50' });
    expect(Date.now() - started).toBeLessThan(15_000);
    const fit = 30 - adminBeforeFirstCreate(requests.filter((r) => r.includes('/admin/')));
    expect(report.ok).toBe(false);
    expect(report.outputs).toMatchObject({ 'created-count': String(fit), 'failed-count': String(50 - fit) });
    expect(new Set(rows.map((r) => r.key))).toEqual(onServer(server));
    expect(warnings.join('\n')).toMatch(
      new RegExp(
        String.raw`Waiting 9\d\d s is more than max-wait-seconds leaves \(\d+ s\): creating` +
          String.raw` the \d+ that fit now; the other \d+ will not be requested`,
      ),
    );
  }));

test.concurrent('on-rate-limit: wait with a window max-wait-seconds covers: creates what fits, waits, completes', () =>
  withDevServer({ ...V10, rateLimit: { max: 30, windowSeconds: 4 } }, async (server) => {
    const { report, rows, requests, warnings } = await runWrite(server, {
      command: 'batch',
      name: 'rl',
      count: '50',
      'max-wait-seconds': '30',
    });
    expect({ ok: report.ok, failure: report.failure }).toEqual({ ok: true, failure: undefined });
    expect(rows).toHaveLength(50);
    expect(new Set(rows.map((r) => r.key))).toEqual(onServer(server));
    expect(warnings.join('\n')).toMatch(/fit now, the rest after .* Waiting for the limit as on-rate-limit is wait/);
    expect(requests.filter((r) => r.startsWith('POST /admin/keys'))).toHaveLength(50);
  }));
