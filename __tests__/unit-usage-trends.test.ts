// Unit: usage --days' maths (src/reading/usage-trends.ts): forecasts, spikes, idle keys, over usage in memory.
import type { CommandContext } from '../src/commands/contract.js';
import type { KeyUsage, UsageReport } from '../src/reading/usage-report.js';
import { collectTrends, dailyForecast, daysEndingAt, idleKeys, lifetimeForecast } from '../src/reading/usage-trends.js';
import type { Limit } from '../src/report/limit.js';

describe('daysEndingAt', () => {
  test('the n days ending at a day, oldest first, across months, years and leap days', () => {
    expect(daysEndingAt('2026-11-26', 1)).toEqual(['2026-11-26']);
    expect(daysEndingAt('2026-03-02', 4)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(daysEndingAt('2024-03-01', 2)).toEqual(['2024-02-29', '2024-03-01']);
    expect(daysEndingAt('2027-01-01', 2)).toEqual(['2026-12-31', '2027-01-01']);
    expect(daysEndingAt('2026-11-26', 90)).toHaveLength(90);
  });
});

describe('dailyForecast', () => {
  test('reached on the last day already: 0', () => {
    expect(dailyForecast([1, 2, 100], 100)).toBe(0);
    expect(dailyForecast([150], 100)).toBe(0);
  });

  test('a steady rise reaches the limit when its line does', () => {
    expect(dailyForecast([10, 20, 30, 40], 60)).toBe(2);
    expect(dailyForecast([10, 20, 30, 40], 50)).toBe(1);
    expect(dailyForecast([10, 20, 30, 40], 41)).toBe(1);
  });

  test('flat, falling, a single day or no days: not at this rate', () => {
    expect(dailyForecast([5, 5, 5], 10)).toBeUndefined();
    expect(dailyForecast([9, 6, 3], 10)).toBeUndefined();
    expect(dailyForecast([9], 10)).toBeUndefined();
    expect(dailyForecast([], 10)).toBeUndefined();
  });

  test('never followed further than twice the days read', () => {
    expect(dailyForecast([0, 1, 2], 8)).toBe(6);
    expect(dailyForecast([0, 1, 2], 9)).toBeUndefined();
  });

  test('works on a Uint32Array view as the collector gives it', () => {
    expect(dailyForecast(new Uint32Array([10, 20, 30, 40]), 60)).toBe(2);
  });
});

describe('lifetimeForecast', () => {
  test('at the mean rate of the window; used up already: 0', () => {
    expect(lifetimeForecast(900, 1000, 70, 7)).toBe(10);
    expect(lifetimeForecast(905, 1000, 70, 7)).toBe(10);
    expect(lifetimeForecast(1000, 1000, 0, 7)).toBe(0);
    expect(lifetimeForecast(1200, 1000, 5, 7)).toBe(0);
  });
  test('no requests, or further out than ten years: not at this rate', () => {
    expect(lifetimeForecast(0, 1000, 0, 7)).toBeUndefined();
    expect(lifetimeForecast(0, 1_000_000, 1, 7)).toBeUndefined();
  });
});

// collectTrends and idleKeys over a server in memory: each key's requests per day.
const DAYS = daysEndingAt('2026-11-26', 5);
const daily = (value?: number): Limit => ({ kind: 'daily', value, source: value === undefined ? 'assumed' : 'key' });
const usageRow = (key: string, limit: Limit): KeyUsage => ({ key, label: key, requests: 0, limit, alert: false });
const OPTIONS = { days: 5, forecastDays: 7, spikeFactor: 3, spikeMinRequests: 10 };

function context(history: Record<string, number[]>, usageHistory: 'rows' | 'window' = 'rows', serverDay?: object) {
  const asked: string[][] = [];
  const api = {
    known: { capabilities: { usageHistory } },
    async usageHistory(days: string[], onRow: (row: { key: string; requests: number }, day: string) => void) {
      asked.push(days);
      for (const [key, perDay] of Object.entries(history))
        perDay.forEach((requests, i) => {
          const day = DAYS[i];
          if (day && days.includes(day)) onRow({ key, requests }, day);
        });
    },
    async usageWindow(_days: number, onRow: (row: { key: string; requests: number }) => void) {
      for (const [key, perDay] of Object.entries(history)) onRow({ key, requests: perDay.reduce((a, b) => a + b, 0) });
    },
    async serverDay() {
      return serverDay ?? { by: 'server', day: '2026-11-26' };
    },
  };
  const ctx = { options: OPTIONS, api, context: { now: new Date(2026, 10, 26, 12) } } as unknown as CommandContext;
  return { ctx, asked };
}
const report = (rows: KeyUsage[]) => ({ day: '2026-11-26', rows }) as unknown as UsageReport;

describe('collectTrends', () => {
  test('per-day totals, busiest first; idle keys; a spike over the mean before; who runs out soonest', async () => {
    const { ctx } = context({
      rising: [10, 20, 30, 40, 50],
      spiky: [2, 2, 2, 2, 30],
      idle: [0, 0, 0, 0, 0],
      quiet: [1, 0, 1, 0, 1],
    });
    const trends = await collectTrends(
      ctx,
      report([
        usageRow('rising', daily(70)),
        usageRow('spiky', daily(1000)),
        usageRow('idle', daily(5)),
        usageRow('quiet', daily()),
      ]),
    );
    expect(trends.days).toEqual(DAYS);
    expect(trends.calendar).toBe(true);
    expect(trends.dailyTotals).toEqual([13, 22, 33, 42, 81]);
    expect(trends.dailyKeysUsed).toEqual([3, 2, 3, 2, 3]);
    expect(trends.keys.map((t) => t.usage.key)).toEqual(['rising', 'spiky', 'quiet', 'idle']);
    expect(trends.total).toBe(191);
    const rising = trends.keys[0]!;
    expect(rising).toMatchObject({
      total: 150,
      last: 50,
      peak: 50,
      meanBefore: 25,
      reachesIn: 2,
      reachesOn: '2026-11-28',
    });
    expect(trends.runningOut.map((t) => t.usage.key)).toEqual(['rising']);
    expect(trends.spikes.map((t) => t.usage.key)).toEqual(['spiky']);
    expect(trends.idle.map((t) => t.usage.key)).toEqual(['idle']);
    // An unknown limit forecasts nothing.
    expect(trends.keys.find((t) => t.usage.key === 'quiet')!.reachesIn).toBeUndefined();
  });

  test('a spike needs spike-min-requests and more than spike-factor × the mean before', async () => {
    const { ctx } = context({ small: [1, 1, 1, 1, 9], even: [10, 10, 10, 10, 30], over: [10, 10, 10, 10, 31] });
    const trends = await collectTrends(ctx, report(['small', 'even', 'over'].map((k) => usageRow(k, daily(1000)))));
    expect(trends.spikes.map((t) => t.usage.key)).toEqual(['over']);
  });

  test('running out beyond forecast-days is not listed; soonest first', async () => {
    const { ctx } = context({ soon: [0, 0, 0, 10, 90], later: [10, 20, 30, 40, 50], far: [1, 2, 3, 4, 5] });
    const trends = await collectTrends(
      ctx,
      report([usageRow('far', daily(14)), usageRow('later', daily(70)), usageRow('soon', daily(90))]),
    );
    expect(trends.runningOut.map((t) => [t.usage.key, t.reachesIn])).toEqual([
      ['soon', 0],
      ['later', 2],
    ]);
    expect(trends.keys.find((t) => t.usage.key === 'far')!.reachesIn).toBe(9);
  });

  test('a rolling window (v10): totals only, lifetime forecasts at the window’s mean rate', async () => {
    const { ctx } = context({ a: [0, 0, 0, 0, 50], b: [0, 0, 0, 0, 0] }, 'window');
    const lifetime: Limit = { kind: 'lifetime', value: 1000, used: 900 };
    const trends = await collectTrends(
      ctx,
      report([{ ...usageRow('a', lifetime), requests: 20 }, usageRow('b', lifetime)]),
    );
    expect(trends.calendar).toBe(false);
    expect(trends.dailyTotals).toEqual([0, 0, 0, 0, 0]);
    expect(trends.keys[0]).toMatchObject({ total: 50, last: 20, reachesIn: 10 });
    expect(trends.keys[0]!.perDay).toBeUndefined();
    expect(trends.idle.map((t) => t.usage.key)).toEqual(['b']);
  });
});

describe('idleKeys', () => {
  const keys = [{ key: 'used' }, { key: 'idle' }, { key: 'late' }];

  test('keys without a request in the last n server days', async () => {
    const { ctx, asked } = context({ used: [0, 0, 3, 0, 0], idle: [0, 0, 0, 0, 0], late: [0, 0, 0, 0, 0] });
    expect(await idleKeys(ctx, keys, 3)).toEqual([{ key: 'idle' }, { key: 'late' }]);
    expect(asked).toEqual([DAYS.slice(2)]);
  });

  test('a day the server may already be on counts too (its midnight may have passed)', async () => {
    const serverDay = { by: 'rows', day: '2026-11-25', alternatives: ['2026-11-26'] };
    const { ctx, asked } = context({ late: [0, 0, 0, 0, 4] }, 'rows', serverDay);
    expect((await idleKeys(ctx, keys, 2)).map((k) => k.key)).toEqual(['used', 'idle']);
    expect(asked).toEqual([['2026-11-24', '2026-11-25', '2026-11-26']]);
  });

  test('a rolling window asks the window; no key: no request', async () => {
    const { ctx, asked } = context({ used: [0, 0, 0, 0, 1] }, 'window');
    expect((await idleKeys(ctx, keys, 30)).map((k) => k.key)).toEqual(['idle', 'late']);
    expect(asked).toEqual([]);
    expect(await idleKeys(context({}).ctx, [], 3)).toEqual([]);
  });
});
