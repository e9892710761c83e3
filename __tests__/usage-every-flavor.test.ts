// usage against each of the five flavors, with usage made by real /v1/chat/completions calls and by
// recordUsage: the numbers per key, the alert rule at its boundary (80% alerts, 79% does not),
// fail-on-alert, the Mermaid chart, the seed tool's `使用率` lines, and no full key anywhere.

import { adminRequests, chat, runRead } from '../__fixtures__/read-commands.js';
import { localDay } from '../src/config/values.js';
import { type DevServer, FLAVORS, startDevServer } from '../src/dev-server/index.js';
import { shortenKey } from '../src/shared/redact.js';

const yesterday = localDay(new Date(Date.now() - 86_400_000));

describe.each(FLAVORS.map((f) => [f]))('usage on %s', (flavor) => {
  const lifetime = flavor === 'v10';
  const perKey = flavor === 'v1p' || flavor === 'v1a';
  /** v10's keys have a lifetime quota of 1000; the others a daily limit of 100 (per key, or server-wide). */
  const unit = lifetime ? 10 : 1;
  const limitInputs: Record<string, string> = perKey || lifetime ? {} : { 'server-daily-limit': '100' };
  const limitText = lifetime ? '1000 总额度' : '100/日';
  let server: DevServer;
  let hot: string, warm: string, chatty: string, idle: string;

  beforeAll(async () => {
    // v10's upstream /healthz never answers, so each run would wait 2 s before its probe: that path is
    // health-v10-upstream-defaults.test.ts's; here the health check answers at once.
    server = await startDevServer({ flavor, health: 'ok' });
    const seed = (label: string) =>
      server.seedKeys(1, { labelPrefix: label, dailyLimit: perKey ? 100 : undefined })[0]!;
    [hot, warm, chatty, idle] = [seed('hot-'), seed('warm-'), seed('chat-'), seed('idle-')];
    server.recordUsage(hot, 80 * unit);
    server.recordUsage(warm, 79 * unit);
    for (let i = 0; i < 3; i++) expect(await chat(server, chatty)).toBe(200);
    // Another day's usage is not today's (v10 counts no calendar days: its window takes it in).
    if (!lifetime) server.recordUsage(idle, 50, yesterday);
  });
  afterAll(() => server.close());

  const line = (key: string, label: string, requests: number, percent: number) =>
    `${shortenKey(key)} | 标签: ${label} | 请求: ${requests} | 限制: ${limitText}` +
    `${lifetime ? ` | 已用: ${requests}` : ''} | 使用率: ${percent}%`;

  test('requests per key, busiest first, with 使用率 lines and totals', async () => {
    const { report, lines } = await runRead(server, { command: 'usage', ...limitInputs });
    expect(report.ok).toBe(true);
    expect(lines).toEqual([
      line(hot, 'hot-1', 80 * unit, 80),
      line(warm, 'warm-1', 79 * unit, 79),
      line(chatty, 'chat-1', 3, lifetime ? 0 : 3),
      line(idle, 'idle-1', 0, 0),
      `日期: ${localDay(new Date())} | 总请求: ${159 * unit + 3} | 活跃密钥: 3 | 总密钥: 4 | 告警: 1 (阈值 80%)`,
    ]);
    expect(report.summary.table!.rows[0]).toEqual([
      'hot-1',
      shortenKey(hot),
      String(80 * unit),
      lifetime ? `${800} / 1000` : '100',
      '80%',
    ]);
    expect(report.summary.facts).toContainEqual([
      'Percent of',
      expect.stringMatching(
        lifetime
          ? /lifetime quota, used_quota \/ total_quota/
          : perKey
            ? /each key's daily limit/
            : /server-wide daily limit, 100/,
      ),
    ]);
  });

  test('exactly at alert-threshold alerts, one below does not: one warning, output alerts', async () => {
    const { report, warnings, shown } = await runRead(server, { command: 'usage', ...limitInputs });
    expect(report.outputs).toMatchObject({ alerts: '1', flavor });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(shortenKey(hot));
    expect(warnings[0]).toMatch(/used 80% .*at or above alert-threshold 80%/);
    expect(warnings.some((w) => w.includes(shortenKey(warm)))).toBe(false);
    for (const key of [hot, warm, chatty, idle]) expect(shown).not.toContain(key);
    expect(shown).not.toContain(server.token);

    const lower = await runRead(server, { command: 'usage', 'alert-threshold': '79', ...limitInputs });
    expect(lower.report.outputs.alerts).toBe('2');
  });

  test('fail-on-alert fails the step with one line', async () => {
    const { report } = await runRead(server, { command: 'usage', 'fail-on-alert': 'true', ...limitInputs });
    expect(report.ok).toBe(false);
    expect(report.failure).toBe('1 key(s) at or above alert-threshold 80% (hot-1 80%) and fail-on-alert is set.');
    const calm = await runRead(server, {
      command: 'usage',
      'fail-on-alert': 'true',
      'alert-threshold': '81',
      ...limitInputs,
    });
    expect(calm.report.ok).toBe(true);
    expect(calm.report.outputs.alerts).toBe('0');
  });

  test('the job summary has a Mermaid xychart of the busiest keys', async () => {
    const { markdown } = await runRead(server, { command: 'usage', ...limitInputs });
    expect(markdown).toMatch(/```mermaid\n%%\{init: .*\}%%\nxychart-beta horizontal\n/);
    expect(markdown).toContain('    x-axis ["hot-1", "warm-1", "chat-1", "idle-1"]');
    expect(markdown).toContain(`    bar [80, 79, ${lifetime ? 0 : 3}, 0]`);
    expect(markdown).toContain('    line [80, 80, 80, 80]');
  });

  test('label-prefix reports only the matching keys', async () => {
    const { report, lines } = await runRead(server, { command: 'usage', 'label-prefix': 'warm-', ...limitInputs });
    expect(lines).toEqual([line(warm, 'warm-1', 79 * unit, 79), expect.stringContaining('| 总密钥: 1 |')]);
    expect(report.outputs.alerts).toBe('0');
  });

  test('no admin request beyond what the flavor needs', async () => {
    const from = server.requests.length;
    await runRead(server, { command: 'usage', ...limitInputs });
    const sent = adminRequests(server, from);
    if (lifetime) {
      // v10's health answer tells the flavor, and its usage answer has every key with its quota.
      expect(sent).toEqual(['GET /admin/usage?days=1&page=1&limit=100']);
    } else {
      // The key list tells the flavor (and, but on v1p, gives the keys that were not used).
      expect(sent).toHaveLength(2);
      expect(sent[0]).toMatch(/^GET \/admin\/keys/);
      expect(sent[1]).toMatch(/^GET \/admin\/usage/);
    }
  });

  test('server-flavor given: the key list is skipped where the usage answer has every key (v1p, v10)', async () => {
    const from = server.requests.length;
    const { report } = await runRead(server, { command: 'usage', 'server-flavor': flavor, ...limitInputs });
    expect(report.outputs.alerts).toBe('1');
    const lists = adminRequests(server, from).filter((r) => r.startsWith('GET /admin/keys'));
    expect(lists).toHaveLength(flavor === 'v1p' || flavor === 'v10' ? 0 : 1);
  });

  if (!lifetime) {
    test('day: another day is counted on its own', async () => {
      const { lines } = await runRead(server, { command: 'usage', day: yesterday, ...limitInputs });
      expect(lines[0]).toBe(line(idle, 'idle-1', 50, 50));
      expect(lines.at(-1)).toBe(`日期: ${yesterday} | 总请求: 50 | 活跃密钥: 1 | 总密钥: 4 | 告警: 0 (阈值 80%)`);
    });
  }
});
