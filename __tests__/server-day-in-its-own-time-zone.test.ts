// Issue 10 case 4: the servers count usage per day in *their* local time. A runner whose date is not
// the server's (here the CLI at UTC+14, Pacific/Kiritimati, against a server at UTC−11,
// Pacific/Pago_Pago: their dates always differ) must report and reset the server's today, say which
// day it used and why, and keep day as the override. Runs dist/cli.js (build first).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCliBundle } from '../__fixtures__/run-process.js';
import { type DevServer, type Flavor, startDevServer } from '../src/dev-server/index.js';
import { shortenKey } from '../src/shared/redact.js';

const RUNNER_TZ = 'Pacific/Kiritimati';
const SERVER_TZ = 'Pacific/Pago_Pago';
const runnerDay = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: RUNNER_TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );

const FLAVORS_WITH_DAYS: Flavor[] = ['v1', 'v01', 'v1p', 'v1a'];

describe.each(FLAVORS_WITH_DAYS.map((f) => [f]))('%s server at UTC−11, runner at UTC+14', (flavor) => {
  const perKey = flavor === 'v1p' || flavor === 'v1a';
  let server: DevServer;
  let hot: string, idle: string;
  let today: string, yesterday: string;
  beforeAll(async () => {
    // Upstream defaults: DAILY_REQ_LIMIT 200, days in the server's zone.
    server = await startDevServer({ flavor, timeZone: SERVER_TZ });
    [hot, idle] = server.seedKeys(2, { labelPrefix: 'k-' }) as [string, string];
    today = server.day();
    yesterday = server.day(new Date(Date.now() - 86_400_000));
    server.recordUsage(idle, 50, yesterday);
    server.recordUsage(hot, 190, today); // 95 % of 200
  });
  afterAll(() => server.close());

  const cli = (...args: string[]) =>
    runCliBundle(
      [
        ...args,
        ...['--format', 'legacy', '--url', server.url, '--token', server.token],
        ...(perKey ? [] : ['--server-daily-limit', '200']),
      ],
      {
        cwd: mkdtempSync(path.join(tmpdir(), 'server-day-')),
        env: { TZ: RUNNER_TZ },
      },
    );

  test('the dates differ: the runner is a day or two ahead of the server', () => {
    expect(runnerDay() > today).toBe(true);
  });

  test("usage reports the server's today (95 %), not the runner's date, and says why", async () => {
    const { code, stdout, stderr } = await cli('usage');
    expect(code).toBe(0);
    expect(stdout).toContain(`${shortenKey(hot)} | 标签: k-1 | 请求: 190 | 限制: 200/日 | 使用率: 95%`);
    expect(stdout).toContain(`日期: ${today} | 总请求: 190 |`);
    expect(stderr).toMatch(new RegExp(`^Day: ${today}$`, 'm'));
    expect(stderr).toMatch(
      flavor === 'v1p'
        ? /^Day chosen: the server's today, as its answer names it$/m
        : /^Day chosen: the server's today, learned from its usage rows \(.*UTC/m,
    );
    expect(stderr).toContain(shortenKey(hot)); // the alert names the key at 95 %
    expect(stdout + stderr).not.toContain(runnerDay());
  });

  test('monitor alerts on the same key, on the same day', async () => {
    const { code, stdout, stderr } = await cli('monitor');
    expect(code).toBe(0);
    expect(stdout).toContain('使用率: 95%');
    expect(stderr).toMatch(new RegExp(`^Day: ${today}$`, 'm'));
    expect(stderr).toMatch(/^Alerts: 1$/m);
  });

  test('day still overrides: yesterday on the server', async () => {
    const { code, stdout, stderr } = await cli('usage', '--day', yesterday);
    expect(code).toBe(0);
    expect(stdout).toContain(`${shortenKey(idle)} | 标签: k-2 | 请求: 50 |`);
    expect(stdout).toContain(`日期: ${yesterday} | 总请求: 50 |`);
    expect(stderr).toMatch(/^Day chosen: given \(day\)$/m);
  });

  if (flavor === 'v1a') {
    test('reset is refused (no reset endpoint) and changes nothing', async () => {
      const { code } = await cli('reset', '--key', hot);
      expect(code).not.toBe(0);
      expect(server.usageOf(hot, today)).toBe(190);
    });
    return;
  }

  test("reset without day clears the key's usage of the server's today, and says which day", async () => {
    const { code, stdout, stderr } = await cli(
      'reset',
      '--key',
      hot,
      ...(flavor === 'v1p' ? ['--reset-all-keys-for-day'] : []),
    );
    expect(code).toBe(0);
    expect(server.usageOf(hot, today)).toBe(0);
    expect(server.usageOf(idle, yesterday)).toBe(50);
    const shown = stdout + stderr;
    expect(shown).toMatch(new RegExp(`Day:? ${today}\\b`));
    expect(shown).toContain(
      flavor === 'v1' ? "the server's today, learned from its usage rows" : "the server's today, as its",
    );
    expect(shown).not.toMatch(/Nothing to reset/);
    expect(shown).not.toContain(runnerDay());
    server.recordUsage(hot, 190, today); // back to 95 % for the next test
  });
});
