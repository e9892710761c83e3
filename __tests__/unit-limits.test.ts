// Unit: what usage rows reveal of a limit, and the percent of a limit used (src/reading/limits.ts).
import type { UsageRow } from '../src/quota-proxy/types.js';
import { limitEvidence, percentUsed } from '../src/reading/limits.js';

const rows = (...requests: number[]): UsageRow[] => requests.map((n, i) => ({ key: `k${i}`, label: 'x', requests: n }));

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
