// v10's admin rate limit (30 per 15 min upstream; here 8 per 2 s): the answer of the token check
// before the first create tells the limit (the health check is not under /admin), a batch that cannot fit is announced
// before the rest is sent, what fits the window is always created, and on-rate-limit decides
// whether the rest waits for the next window or is reported as not created.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { captureLog } from '../__fixtures__/capture-log.js';
import { type FaultProxy, startFaultProxy } from '../__fixtures__/fault-proxy.js';
import { cliContext } from '../src/config/context.js';
import { parseOptions } from '../src/config/options.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';
import { run } from '../src/run.js';

const workspace = mkdtempSync(path.join(tmpdir(), 'rate-limit-'));
let server: DevServer;
let proxy: FaultProxy;
afterEach(async () => {
  await proxy.close();
  await server.close();
});

async function issue(rateLimit: { max: number; windowSeconds: number }, inputs: Record<string, string>) {
  server = await startDevServer({ flavor: 'v10', rateLimit, health: 'ok' });
  proxy = await startFaultProxy({ target: server.url });
  const context = { ...cliContext({}), workspace, labelSuffix: 'rl1' };
  const all: Record<string, string> = {
    url: proxy.url,
    'admin-token': server.token,
    command: 'batch',
    name: 'rl',
    output: `rl-${Math.random()}.csv`,
    ...inputs,
  };
  const captured = captureLog();
  const report = await run(
    parseOptions((n) => all[n] ?? '', {}, context),
    context,
    captured.log,
  );
  const rows = parse(readFileSync(report.csvPath!, 'utf8'), { columns: true }) as Array<Record<string, string>>;
  return { report, rows, log: captured.text(), admin: proxy.records.filter((r) => !r.health) };
}

test(
  'wait: says up front how many fit now and when the rest can, then waits for the windows ' + 'and completes',
  async () => {
    const { report, rows, log, admin } = await issue(
      { max: 8, windowSeconds: 2 },
      { count: '20', 'max-wait-seconds': '30' },
    );
    expect(report.ok).toBe(true);
    expect(rows).toHaveLength(20);
    expect(log).toMatch(
      new RegExp(
        String.raw`warning: The server's admin rate limit leaves 7 request\(s\) until` +
          String.raw` \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(8 per window\) and the 20 key\(s\) to create` +
          ' need 20: 7 fit now, the rest over 2 more windows from .*Waiting for the limit' +
          ' as on-rate-limit is wait',
      ),
    );
    // Paced by the headers: the server almost never has to refuse (answers in flight can overtake by a few).
    expect(admin.filter((r) => r.status === 429).length).toBeLessThanOrEqual(2);
    expect(new Set(server.allKeys().map((k) => k.key))).toEqual(new Set(rows.map((r) => r.key)));
  },
);

test(
  "fail: before the first create (the token check's answer tells the window), says up front that only " +
    'what fits is created, creates it, reports the rest',
  async () => {
    const { report, rows, admin, log } = await issue(
      { max: 8, windowSeconds: 60 },
      { count: '20', 'on-rate-limit': 'fail' },
    );
    expect(report.ok).toBe(false);
    expect(report.outputs).toMatchObject({ 'created-count': '7', 'failed-count': '13' });
    expect(rows).toHaveLength(7);
    expect(log).toMatch(
      new RegExp(
        '7 fit now, the rest over 2 more windows from .* on-rate-limit is fail:' +
          String.raw` creating the 7 that fit now; the other 13 will not be requested \(run again` +
          String.raw` after \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ with \x60quota-keys batch --resume \S+ --url .*\x60,` +
          String.raw` or set on-rate-limit: wait\)`,
      ),
    );
    expect(report.failure).toMatch(
      new RegExp(
        String.raw`^13 of 20 key\(s\) were not created \(first error: .*not sent: the admin` +
          ' rate limit is used up; on-rate-limit is fail; retry after ',
      ),
    );
    expect(admin.filter((r) => r.method === 'POST')).toHaveLength(7);
    expect(admin.every((r) => r.status === 200)).toBe(true);
  },
);

test(
  'wait, but the window ends later than max-wait-seconds allows: what fits is created, the rest reported ' +
    'with when to run again',
  async () => {
    const { report, rows, admin, log } = await issue(
      { max: 4, windowSeconds: 60 },
      { count: '10', 'max-wait-seconds': '1' },
    );
    expect(report.ok).toBe(false);
    expect(rows).toHaveLength(3);
    expect(log).toMatch(
      new RegExp(
        String.raw`Waiting 6\d s is more than max-wait-seconds leaves \(1 s\): creating the` +
          String.raw` 3 that fit now; the other 7 will not be requested \(run again after `,
      ),
    );
    expect(report.failure).toMatch(
      new RegExp(
        String.raw`^7 of 10 key\(s\) were not created \(first error: .*not sent: the admin` +
          String.raw` rate limit is used up; waiting 6\d s for the next window exceeds what` +
          ' max-wait-seconds leaves',
      ),
    );
    expect(admin.filter((r) => r.method === 'POST')).toHaveLength(3);
    expect(admin.every((r) => r.status === 200)).toBe(true);
  },
);

test('a batch that fits is not held up, and the health check (outside /admin) costs none of the limit', async () => {
  // 10 creates and the token check before them.
  const { report, log, admin } = await issue({ max: 11, windowSeconds: 60 }, { count: '10' });
  expect(report.ok).toBe(true);
  expect(log).not.toMatch(/rate limit/);
  expect(admin).toHaveLength(11);
  expect(admin.every((r) => r.status === 200)).toBe(true);
});
