// Issue 10 case 5: v1 and v01 apply one server-wide DAILY_REQ_LIMIT that their admin API does not
// report. Here it is 30, not the upstream default 200, and nobody tells the action. Nothing may
// silently assume 200 or print a tier's figure: the limit is "200 (assumed)" in the summary and
// the CSV's daily_limit_source says `assumed` (one limit, shown one way by every command), with what
// to set, and the evidence the server gives is used — v1 never counts a refused request, so
// keys refused with 429 sit at exactly the limit; v01 counts refusals too, so its counts show nothing
// of it. Where nothing contradicts it, percentages are of the upstream default, said to be assumed.

import { chat, runRead } from '../__fixtures__/read-commands.js';
import { runWrite } from '../__fixtures__/write-commands.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';
import { shortenKey } from '../src/shared/redact.js';

const LIMIT = 30;

/** Sends requests as a trial-key holder until the server refuses one with 429; returns how many it accepted. */
async function useUntilRefused(server: DevServer, key: string, most = 100): Promise<number> {
  for (let i = 0; i < most; i++) if ((await chat(server, key)) === 429) return i;
  throw new Error('never refused');
}

describe('v1 with DAILY_REQ_LIMIT 30', () => {
  let server: DevServer;
  let first: string, second: string, light: string;
  beforeAll(async () => {
    server = await startDevServer({ flavor: 'v1', dailyLimit: LIMIT });
    [first, second, light] = server.seedKeys(3, { labelPrefix: 'k-' }) as [string, string, string];
    expect(await useUntilRefused(server, first)).toBe(LIMIT);
    expect(await useUntilRefused(server, second)).toBe(LIMIT);
    for (let i = 0; i < 10; i++) expect(await chat(server, light)).toBe(200);
    // As upstream: a refused request is not counted.
    expect(server.usageOf(first)).toBe(LIMIT);
  });
  afterAll(() => server.close());

  test(
    'usage without server-daily-limit: unknown and said so; the rows show 30, so refused keys ' + 'alert at 100 %',
    async () => {
      const { report, lines, warnings, shown } = await runRead(server, { command: 'usage' });
      expect(report.ok).toBe(true);
      const fact = report.summary.facts.find(([name]) => name === 'Daily limit')?.[1];
      expect(fact).toMatch(
        new RegExp(
          String.raw`^30 \(learned\): the v1 server applies one server-wide DAILY_REQ_LIMIT .* set` +
            String.raw` server-daily-limit to that value\. Evidence: 2 usage rows stopped at the same` +
            String.raw` highest count, 30 .*; percentages are of 30, which the rows show \(unless those` +
            String.raw` keys stopped there by chance\)\.$`,
        ),
      );
      expect(report.summary.facts).toContainEqual([
        'Percent of',
        'the server-wide daily limit, 30, learned from the usage rows (see Daily limit)',
      ]);
      expect(report.outputs.alerts).toBe('2');
      expect(lines).toContain(`${shortenKey(first)} | 标签: k-1 | 请求: 30 | 限制: 30/日 (推断) | 使用率: 100%`);
      expect(lines).toContain(`${shortenKey(light)} | 标签: k-3 | 请求: 10 | 限制: 30/日 (推断) | 使用率: 33%`);
      expect(warnings.filter((w) => /used 100% of its daily limit/.test(w))).toHaveLength(2);
      // What to do, once and in one line; the evidence stays in the fact.
      expect(warnings.filter((w) => /Daily limit/.test(w))).toEqual([
        'warning: Daily limit 30 (learned): the v1 server does not report its DAILY_REQ_LIMIT; set ' +
          'server-daily-limit to it ' +
          '(see Daily limit).',
      ]);
      // Not the assumed default: no percent of 200 anywhere.
      expect(shown).not.toMatch(/of 200\b|200\/日|limit, 200|\| 200 \|/);
      expect(shown).not.toContain('15%');
    },
  );

  test('monitor raises the same alerts', async () => {
    const { report } = await runRead(server, { command: 'monitor', 'fail-on-alert': 'true' });
    expect(report.ok).toBe(false);
    expect(report.failure).toMatch(/^2 key\(s\) at or above alert-threshold 80%/);
  });

  test('with server-daily-limit 30: percentages of it', async () => {
    const { report, lines } = await runRead(server, { command: 'usage', 'server-daily-limit': String(LIMIT) });
    expect(report.summary.facts).toContainEqual([
      'Percent of',
      'the server-wide daily limit, 30 (server-daily-limit; this server has no per-key limits)',
    ]);
    expect(report.summary.facts.find(([name]) => name === 'Daily limit')).toBeUndefined();
    expect(lines).toContain(`${shortenKey(light)} | 标签: k-3 | 请求: 10 | 限制: 30/日 | 使用率: 33%`);
    expect(report.outputs.alerts).toBe('2');
  });

  test('generate --tier partner: CSV daily_limit 200 marked assumed, no 500/day the server ignores', async () => {
    const { report, rows, warnings } = await runWrite(server, { command: 'generate', name: 'p', tier: 'partner' });
    expect(report.ok).toBe(true);
    expect(rows[0]).toMatchObject({ tier: 'partner', daily_limit: '200', daily_limit_source: 'assumed' });
    const tier = report.summary.facts.find(([name]) => name === 'Tier')![1];
    expect(tier).not.toContain('500');
    expect(tier).toContain('server-wide daily limit');
    expect(
      warnings.some((w) =>
        /does not report; the CSV's daily_limit says 200 \(daily_limit_source assumed.*set server-daily-limit/.test(w),
      ),
    ).toBe(true);

    const given = await runWrite(server, {
      command: 'generate',
      name: 'q',
      tier: 'partner',
      'server-daily-limit': String(LIMIT),
    });
    expect(given.rows[0]).toMatchObject({ daily_limit: '30', daily_limit_source: 'given' });
  });

  test('list: the Daily limit fact says 200 (assumed) and what to set, as the CSV does', async () => {
    const { report, csvRows } = await runRead(server, { command: 'list', output: 'keys.csv' });
    expect(report.summary.facts.find(([name]) => name === 'Daily limit')![1]).toMatch(
      /^200 \(assumed\): .*set server-daily-limit/,
    );
    expect(csvRows.every((r) => r.daily_limit === '200' && r.daily_limit_source === 'assumed')).toBe(true);
  });
});

describe('v01 with DAILY_REQ_LIMIT 30', () => {
  let server: DevServer;
  let busy: string;
  beforeAll(async () => {
    server = await startDevServer({ flavor: 'v01', dailyLimit: LIMIT });
    [busy] = server.seedKeys(1, { labelPrefix: 'k-' }) as [string];
    expect(await useUntilRefused(server, busy)).toBe(LIMIT);
    for (let i = 0; i < 4; i++) expect(await chat(server, busy)).toBe(429);
    // As upstream: refused requests are counted too.
    expect(server.usageOf(busy)).toBe(LIMIT + 5);
  });
  afterAll(() => server.close());

  test(
    'without server-daily-limit: unknown, why the counts cannot show it, and percentages of the default ' +
      'said to be assumed',
    async () => {
      const { report, lines } = await runRead(server, { command: 'usage' });
      expect(report.summary.facts.find(([name]) => name === 'Daily limit')![1]).toMatch(
        new RegExp(
          String.raw`^200 \(assumed\): .*Evidence: none: the v01 server counts refused requests too,` +
            ' so its counts do not show the limit; percentages are of 200, the upstream' +
            String.raw` default, assumed until server-daily-limit says otherwise\.$`,
        ),
      );
      expect(report.summary.facts).toContainEqual([
        'Percent of',
        'the server-wide daily limit, 200, assumed: the upstream default (see Daily limit)',
      ]);
      expect(lines[0]).toBe(`${shortenKey(busy)} | 标签: k-1 | 请求: 35 | 限制: 200/日 (假定) | 使用率: 17%`);
    },
  );

  test('with server-daily-limit 30: over 100 % and an alert', async () => {
    const { report, lines } = await runRead(server, { command: 'usage', 'server-daily-limit': String(LIMIT) });
    expect(lines[0]).toBe(`${shortenKey(busy)} | 标签: k-1 | 请求: 35 | 限制: 30/日 | 使用率: 116%`);
    expect(report.outputs.alerts).toBe('1');
  });
});

describe('v1: what the counts cannot prove', () => {
  test(
    'low counts that tie (every key used a few times) are not read as a limit: the default, said ' + 'to be assumed',
    async () => {
      const server = await startDevServer({ flavor: 'v1' });
      try {
        const keys = server.seedKeys(3, { labelPrefix: 'k-' });
        for (const key of keys) server.recordUsage(key, 2);
        const { report, lines } = await runRead(server, { command: 'usage' });
        expect(report.summary.facts.find(([name]) => name === 'Daily limit')![1]).toMatch(
          new RegExp(
            String.raw`^200 \(assumed\): .*Evidence: it is at least 2, .*; percentages are of 200, the upstream` +
              String.raw` default, assumed until server-daily-limit says otherwise\.$`,
          ),
        );
        expect(lines[0]).toMatch(/\| 请求: 2 \| 限制: 200\/日 \(假定\) \| 使用率: 1%$/);
        expect(report.outputs.alerts).toBe('0');
      } finally {
        await server.close();
      }
    },
  );

  test('a count above 200 rules the default out: no percentages, the floor said', async () => {
    const server = await startDevServer({ flavor: 'v1', dailyLimit: 500 });
    try {
      const [busy, calm] = server.seedKeys(2, { labelPrefix: 'k-' }) as [string, string];
      server.recordUsage(busy, 300);
      server.recordUsage(calm, 150);
      const { report, lines } = await runRead(server, { command: 'usage' });
      expect(report.summary.facts.find(([name]) => name === 'Daily limit')![1]).toMatch(
        /^unknown: .*Evidence: it is at least 300, the highest count .*; no percentages\.$/,
      );
      expect(lines[0]).toBe(`${shortenKey(busy)} | 标签: k-1 | 请求: 300 | 限制: 未知/日 | 使用率: -`);
      expect(report.outputs.alerts).toBe('0');
    } finally {
      await server.close();
    }
  });
});
