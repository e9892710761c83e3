// Unit: what a key's usage is measured against (src/reading/limits.ts).

import { adapterFor } from '../src/quota-proxy/detect.js';
import type { UsageRow } from '../src/quota-proxy/types.js';
import {
  dailyLimitOf,
  limitEvidence,
  limitOf,
  percentUsed,
  UNKNOWN_LIMIT,
  unknownLimitText,
} from '../src/reading/limits.js';

const caps = (flavor: 'v1' | 'v01' | 'v1p' | 'v1a' | 'v10') => adapterFor(flavor).capabilities;
const rows = (...requests: number[]): UsageRow[] => requests.map((n, i) => ({ key: `k${i}`, label: 'x', requests: n }));

describe('limitOf', () => {
  test('v10: the lifetime quota and what is used of it, whatever else is given', () => {
    expect(limitOf({ totalQuota: 1000, usedQuota: 40, dailyLimit: 5 }, caps('v10'), 200)).toEqual({
      kind: 'lifetime',
      value: 1000,
      used: 40,
    });
    expect(limitOf({}, caps('v10'), 200)).toEqual({ kind: 'lifetime', value: undefined, used: undefined });
  });

  test.each(['v1p', 'v1a'] as const)('%s: the key’s own daily limit; without one, the server-wide one', (flavor) => {
    expect(limitOf({ dailyLimit: 7 }, caps(flavor), 200)).toEqual({ kind: 'daily', value: 7, perKey: true });
    expect(limitOf({}, caps(flavor), 200)).toEqual({ kind: 'daily', value: 200, perKey: false });
    expect(limitOf({}, caps(flavor), undefined)).toEqual({ kind: 'daily', value: undefined, perKey: false });
  });

  test.each(['v1', 'v01'] as const)(
    '%s: the server-wide limit given, else unknown; a key’s own is ignored',
    (flavor) => {
      expect(limitOf({ dailyLimit: 7 }, caps(flavor), 300)).toEqual({ kind: 'daily', value: 300, perKey: false });
      expect(limitOf({ dailyLimit: 7 }, caps(flavor), undefined)).toEqual({
        kind: 'daily',
        value: undefined,
        perKey: false,
      });
    },
  );
});

describe('dailyLimitOf', () => {
  test('the number, unknown when nobody gave it, nothing for a lifetime quota', () => {
    expect(dailyLimitOf({ kind: 'daily', value: 50, perKey: true })).toBe(50);
    expect(dailyLimitOf({ kind: 'daily', value: 0, perKey: false })).toBe(0);
    expect(dailyLimitOf({ kind: 'daily', perKey: false })).toBe(UNKNOWN_LIMIT);
    expect(dailyLimitOf({ kind: 'lifetime', value: 1000, used: 1 })).toBeUndefined();
  });

  test('the unknown limit’s text names the flavor and what to set', () => {
    const text = unknownLimitText('v01');
    expect(text).toContain('the v01 server applies one server-wide DAILY_REQ_LIMIT');
    expect(text).toContain('set server-daily-limit');
  });
});

describe('limitEvidence', () => {
  test('no usage: no evidence', () => {
    expect(limitEvidence([])).toBeUndefined();
    expect(limitEvidence(rows(0, 0))).toBeUndefined();
  });

  test('the highest count is a floor; two rows stopped at it (≥ 10) read as the limit', () => {
    expect(limitEvidence(rows(3, 200, 17, 200))).toEqual({ atLeast: 200, reached: 200, rowsAtLimit: 2 });
    expect(limitEvidence(rows(200, 3))).toEqual({ atLeast: 200, reached: undefined, rowsAtLimit: 1 });
  });

  test('low counts tie by chance: no limit read from them', () => {
    expect(limitEvidence(rows(1, 1, 1))).toEqual({ atLeast: 1, reached: undefined, rowsAtLimit: 3 });
    expect(limitEvidence(rows(9, 9))).toMatchObject({ reached: undefined });
    expect(limitEvidence(rows(10, 10))).toMatchObject({ reached: 10 });
  });

  test('a new highest count starts the tie count again', () => {
    expect(limitEvidence(rows(50, 50, 50, 60))).toEqual({ atLeast: 60, reached: undefined, rowsAtLimit: 1 });
  });
});

describe('percentUsed', () => {
  test.each([
    [0, 100, 0],
    [50, 100, 50],
    [79.9, 100, 79],
    [1, 3, 33],
    [2, 3, 66],
    [150, 100, 150],
    [100, 100, 100],
  ])('%d of %d is %d %', (used, limit, percent) => {
    expect(percentUsed(used, limit)).toBe(percent);
  });

  test('rounded down so that the shown number and the threshold rule agree', () => {
    for (let used = 0; used <= 300; used++) {
      const p = percentUsed(used, 299)!;
      expect(p >= 80).toBe(used * 100 >= 80 * 299);
    }
  });

  test.each([
    [undefined, 100],
    [5, undefined],
    [5, 0],
    [5, -1],
  ])('%p of %p: no percent', (used, limit) => {
    expect(percentUsed(used, limit)).toBeUndefined();
  });
});
