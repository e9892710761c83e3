// monitor, one pass for scheduled runs, against each of the five flavors: totals, the ten busiest
// keys, the same alert rule as usage, outputs alerts and listed-count.

import { chat, runRead } from '../__fixtures__/read-commands.js';
import { type DevServer, FLAVORS, startDevServer } from '../src/dev-server/index.js';
import { shortenKey } from '../src/shared/redact.js';

describe.each(FLAVORS.map((f) => [f]))('monitor on %s', (flavor) => {
  const lifetime = flavor === 'v10';
  const perKey = flavor === 'v1p' || flavor === 'v1a';
  const unit = lifetime ? 10 : 1;
  const limitInputs: Record<string, string> = perKey || lifetime ? {} : { 'server-daily-limit': '100' };
  let server: DevServer;
  let keys: string[];

  beforeAll(async () => {
    // v10's upstream /healthz never answers, so each run would wait 2 s before its probe: that path is
    // health-v10-upstream-defaults.test.ts's; here the health check answers at once.
    server = await startDevServer({ flavor, health: 'ok' });
    keys = server.seedKeys(12, { labelPrefix: 'k-', dailyLimit: perKey ? 100 : undefined });
    // k-1 at 95 %, k-2 at exactly 80 %, k-3 … k-12 at 10 % down to 1 % (k-12 plus two real requests).
    for (const [i, key] of keys.entries()) server.recordUsage(key, (i === 0 ? 95 : i === 1 ? 80 : 12 - i) * unit);
    for (let i = 0; i < 2; i++) expect(await chat(server, keys[11]!)).toBe(200);
  });
  afterAll(() => server.close());

  test('one pass: totals, the ten busiest keys, alerts and listed-count', async () => {
    const { report, lines, markdown, warnings, shown } = await runRead(server, { command: 'monitor', ...limitInputs });
    expect(report.ok).toBe(true);
    expect(report.outputs).toMatchObject({ 'listed-count': '12', alerts: '2', healthy: 'true', flavor });
    const total = (95 + 80 + [10, 9, 8, 7, 6, 5, 4, 3, 2, 1].reduce((a, b) => a + b, 0)) * unit + 2;
    expect(lines[0]).toMatch(
      new RegExp(
        `^时间: \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\| 日期: \\d{4}-\\d\\d-\\d\\d \\| 总请求: ${total} \\| ` +
          `活跃密钥: 12 \\| 总密钥: 12 \\| 告警: 2 \\(阈值 80%\\)$`,
      ),
    );
    expect(lines).toHaveLength(11);
    expect(lines[1]).toContain(`${shortenKey(keys[0]!)} | 标签: k-1 |`);
    expect(lines[1]).toContain('使用率: 95%');
    expect(lines[2]).toContain('使用率: 80%');
    expect(report.summary.table!.rows).toHaveLength(10);
    expect(report.summary.facts).toEqual(
      expect.arrayContaining([
        ['Keys', '12'],
        ['Alerts', '2'],
        ['Keys used', '12'],
      ]),
    );
    expect(markdown).toContain('xychart-beta');
    expect(warnings).toHaveLength(2);
    for (const key of keys) expect(shown).not.toContain(key);
  });

  test('fail-on-alert fails the pass; a higher threshold passes it', async () => {
    const failed = await runRead(server, { command: 'monitor', 'fail-on-alert': 'true', ...limitInputs });
    expect(failed.report.ok).toBe(false);
    expect(failed.report.failure).toMatch(/^2 key\(s\) at or above alert-threshold 80% \(k-1 95%, k-2 80%\)/);
    const calm = await runRead(server, {
      command: 'monitor',
      'fail-on-alert': 'true',
      'alert-threshold': '96',
      ...limitInputs,
    });
    expect(calm.report.ok).toBe(true);
  });
});
