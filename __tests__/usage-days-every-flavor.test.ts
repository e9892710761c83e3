// usage --days 14 against each of the five flavors, on a dev server in UTC+8 holding 14 days of
// seeded usage: per-day totals (days without use at 0), per-key counts, the two Mermaid charts, the
// forecast, idle keys, a spike raised as an alert, the per-day CSV, and no full key anywhere.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { runRead } from '../__fixtures__/read-commands.js';
import { localDay } from '../src/config/values.js';
import { type DevServer, FLAVORS, startDevServer } from '../src/dev-server/index.js';
import { CHART_INIT } from '../src/render/mermaid.js';
import { shortenKey } from '../src/shared/redact.js';

const DAY_MS = 86_400_000;
const N = 14;
const plusDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

describe.each(FLAVORS.map((f) => [f]))('usage --days 14 on %s', (flavor) => {
  const lifetime = flavor === 'v10';
  const perKey = flavor === 'v1p' || flavor === 'v1a';
  const limitInputs: Record<string, string> = perKey || lifetime ? {} : { 'server-daily-limit': '100' };
  // v10's quota of 1000 runs out later than a daily limit of 100 is reached: a longer forecast.
  const forecast = lifetime ? { days: '20', ahead: 17 } : { days: '7', ahead: 7 };
  const inputs = {
    command: 'usage',
    days: String(N),
    'forecast-days': forecast.days,
    'skip-health-check': 'true',
    ...limitInputs,
  };
  let server: DevServer;
  let days: string[];
  let steady: string, rising: string, spiky: string, idle: string, stale: string;

  beforeAll(async () => {
    server = await startDevServer({ flavor, timeZone: 'Asia/Shanghai' });
    const seed = (label: string) =>
      server.seedKeys(1, { labelPrefix: label, dailyLimit: perKey ? 100 : undefined })[0]!;
    [steady, rising, spiky, idle, stale] = [
      seed('steady-'),
      seed('rising-'),
      seed('spiky-'),
      seed('idle-'),
      seed('stale-'),
    ];
    // The server's days (its own zone), oldest first; the last is its today.
    days = Array.from({ length: N }, (_, i) => server.day(new Date(Date.now() - (N - 1 - i) * DAY_MS)));
    for (const [i, day] of days.entries()) {
      server.recordUsage(steady, 10, day);
      if (i > 0) server.recordUsage(rising, 5 * i, day); // 5 more every day: 65 today, 100 in 7 days
      server.recordUsage(spiky, i === N - 1 ? 60 : 2, day); // 2 a day, then 60: a spike
    }
    server.recordUsage(stale, 30, server.day(new Date(Date.now() - 20 * DAY_MS))); // before the 14 days
  });
  afterAll(() => server.close());

  const dayTotal = (i: number) => 10 + 5 * i + (i === N - 1 ? 60 : 2);

  test('daily totals (0-use days as 0), per-key figures, forecast, idle keys and the spike as an alert', async () => {
    const { report, lines, warnings, markdown, shown } = await runRead(server, inputs);
    expect(report.ok).toBe(true);
    expect(report.outputs.alerts).toBe('1');
    const last = lifetime ? localDay(new Date()) : days.at(-1)!;
    if (!lifetime) {
      expect(lines.filter((l) => l.startsWith('趋势:'))).toEqual(
        days.map((d, i) => `趋势: ${d} | 请求: ${dayTotal(i)} | 活跃密钥: ${i === 0 ? 2 : 3}`),
      );
      expect(markdown).toContain(`    line [${days.map((_, i) => dayTotal(i)).join(', ')}]`);
      expect(markdown).toContain(`    x-axis [${days.map((d) => `"${d.slice(5)}"`).join(', ')}]`);
      expect(markdown).toContain(`| ${days[0]} | ${dayTotal(0)} | 2 |`);
    }
    // The busiest keys against their limit: labels, never keys.
    expect(markdown).toContain('    x-axis ["rising-1", "steady-1", "spiky-1"]');
    // Busiest day as % of the daily limit of 100 (v10: % of the lifetime quota of 1000 used), the limit as 100.
    expect(markdown).toContain(lifetime ? '    bar [45, 14, 8]' : '    bar [65, 10, 60]');
    expect(markdown).toContain('    line [100, 100, 100]');

    // The seed tool's lines as ever, the 14 days appended after 使用率.
    const risingLine = lines.find((l) => l.startsWith(shortenKey(rising)));
    expect(risingLine).toMatch(/ \| 使用率: \d+% \| 14天请求: 455 \| 达限: (\d{4}-\d{2}-\d{2})$/);
    expect(risingLine).toContain(`达限: ${plusDays(last, forecast.ahead)}`);
    expect(lines.find((l) => l.startsWith(shortenKey(idle)))).toMatch(/ \| 14天请求: 0 \| 达限: -$/);
    const facts = Object.fromEntries(report.summary.facts);
    expect(facts.Forecast).toBe(`1 key(s) within ${forecast.days} day(s): rising-1 ${plusDays(last, forecast.ahead)}`);
    expect(facts['Idle keys']).toBe('2, rotation candidates: idle-1, stale-1');
    expect(facts.Spikes).toMatch(/^1 \(/);
    expect(report.summary.table!.rows.map((r) => [r[0], r[2], r[3]])).toEqual([
      ['rising-1', '455', '65'],
      ['steady-1', '140', '10'],
      ['spiky-1', '86', '60'],
      ['idle-1', '0', '0'],
      ['stale-1', '0', '0'],
    ]);
    expect(warnings).toEqual([expect.stringContaining(`Key ${shortenKey(spiky)} (spiky-1) made 60 request(s)`)]);
    expect(warnings[0]).toMatch(/more than 3× its mean of 2 per day over the 13 day\(s\) before: a spike\.$/);
    for (const key of [steady, rising, spiky, idle, stale]) expect(shown).not.toContain(key);
    expect(shown).not.toContain(server.token);
  });

  test('spike-factor and spike-min-requests move the rule: 30× or 61 requests, no spike', async () => {
    for (const moved of [{ 'spike-factor': '30' }, { 'spike-min-requests': '61' }] as Array<Record<string, string>>) {
      const { report, warnings } = await runRead(server, { ...inputs, ...moved });
      expect(report.outputs.alerts).toBe('0');
      expect(warnings).toEqual([]);
    }
    const { report } = await runRead(server, { ...inputs, 'spike-factor': '29.5', 'spike-min-requests': '60' });
    expect(report.outputs.alerts).toBe('1');
  });

  test('fail-on-alert fails on the spike, naming it', async () => {
    const { report } = await runRead(server, { ...inputs, 'fail-on-alert': 'true' });
    expect(report.ok).toBe(false);
    expect(report.failure).toMatch(/^1 key\(s\) at or above alert-threshold 80% or spiking \(spiky-1 spike\)/);
  });

  test('output writes the per-day, per-key table as CSV, keys shortened', async () => {
    const { report, workspace } = await runRead(server, { ...inputs, output: 'usage.csv' });
    expect(report.ok).toBe(true);
    const text = readFileSync(path.join(workspace, 'usage.csv'), 'utf8');
    const rows = parse(text, { columns: true }) as Array<Record<string, string>>;
    expect(text.split('\r\n')[0]).toBe('day,label,key_short,requests,daily_limit,percent,daily_limit_source');
    for (const key of [steady, rising, spiky, idle, stale]) expect(text).not.toContain(key);
    if (lifetime) {
      expect(rows).toHaveLength(5);
      expect(rows).toContainEqual({
        day: `${plusDays(localDay(new Date()), 1 - N)}..${localDay(new Date())}`,
        label: 'rising-1',
        key_short: shortenKey(rising),
        requests: '455',
        daily_limit: '',
        percent: '45',
        daily_limit_source: '',
      });
      return;
    }
    expect(rows).toHaveLength(N * 5);
    // By day, then label; every key on every day.
    expect(rows.slice(0, 5).map((r) => [r.day, r.label, r.requests])).toEqual([
      [days[0], 'idle-1', '0'],
      [days[0], 'rising-1', '0'],
      [days[0], 'spiky-1', '2'],
      [days[0], 'stale-1', '0'],
      [days[0], 'steady-1', '10'],
    ]);
    expect(rows).toContainEqual({
      day: days.at(-1),
      label: 'spiky-1',
      key_short: shortenKey(spiky),
      requests: '60',
      daily_limit: '100',
      percent: '60',
      // The key's own limit (v1p, v1a), or server-daily-limit as given (v1, v01).
      daily_limit_source: perKey ? 'key' : 'given',
    });
  });
});

// v1 answers every day's rows, newest day first: the history stops paging at the first older row.
test('usage --days 3 on v1 stops reading rows once they are older than the 3 days', async () => {
  const server = await startDevServer({ flavor: 'v1' });
  try {
    const keys = server.seedKeys(1500, { labelPrefix: 'k-' });
    const old = server.day(new Date(Date.now() - 30 * DAY_MS));
    for (const key of keys) server.recordUsage(key, 1, old); // 1500 rows: two pages of 1000
    server.recordUsage(keys[0]!, 5);
    const before = server.requests.length;
    const { report } = await runRead(server, { command: 'usage', days: '3', 'skip-health-check': 'true' });
    expect(report.ok).toBe(true);
    expect(report.summary.facts).toContainEqual(['Requests (period)', '5']);
    const pages = server.requests.slice(before).filter((r) => r.path.startsWith('/admin/usage'));
    // The day's report reads both pages (it learns the server's day and limit from every row); the history one.
    expect(pages.map((r) => r.path)).toEqual([
      '/admin/usage?limit=1000&offset=0',
      '/admin/usage?limit=1000&offset=1000',
      '/admin/usage?limit=1000&offset=0',
    ]);
  } finally {
    await server.close();
  }
});

// A label is people's text: in a chart it can neither end the string, the list, the diagram nor the
// fence, nor start HTML; the chart names keys by label, never by key.
test('hostile labels cannot break the Mermaid charts', async () => {
  const server = await startDevServer({ flavor: 'v1p' });
  try {
    const hostile = 'x"] ```\n%%{init}%% <img src=x onerror=alert(1)>, `y`;';
    const [a, b] = [server.seedKeys(1, { labelPrefix: hostile })[0]!, server.seedKeys(1, { labelPrefix: '' })[0]!];
    for (const [i, day] of [server.day(new Date(Date.now() - DAY_MS)), server.day()].entries()) {
      server.recordUsage(a, 10 + i, day);
      server.recordUsage(b, 5, day);
    }
    const { report, markdown } = await runRead(server, { command: 'usage', days: '2', 'skip-health-check': 'true' });
    expect(report.ok).toBe(true);
    const charts = [...markdown.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((m) => m[1]!);
    expect(charts).toHaveLength(2);
    for (const chart of charts) {
      // Our own first lines (colours, chart type), then the lines that carry the server's text.
      expect(chart.split('\n')[0]).toBe(CHART_INIT);
      expect(chart.split('\n')[1]).toMatch(/^xychart-beta( horizontal)?$/);
      for (const line of chart.split('\n').slice(2)) {
        expect(line).toMatch(
          new RegExp(
            `^ {4}(${[
              'title "[^"`<>]*"',
              String.raw`x-axis \[("[^"${'`'}<>[\],;%]*"(, )?)+\]`,
              'y-axis "[^"]*" 0 --> \\d+',
              String.raw`(bar|line) \[[\d, ]+\]`,
            ].join('|')})$`,
          ),
        );
      }
    }
    // Shortened to 20 characters, everything but letters, digits, spaces and -_.:/#()+ as `_`.
    expect(charts[1]).toContain('x-axis ["x__ _______init___ …", "1"]');
    expect(markdown.match(/```/g)).toHaveLength(4);
    expect(markdown).not.toContain(a);
  } finally {
    await server.close();
  }
});
