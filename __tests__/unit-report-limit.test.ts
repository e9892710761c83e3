// Unit: what a key's usage is measured against, and how every channel says it (src/report/limit.ts).
import { adapterFor } from '../src/quota-proxy/detect.js';
import {
  dailyValue,
  type Limit,
  limitOf,
  limitText,
  SharedLimits,
  serverWideLimit,
  UPSTREAM_DAILY_LIMIT,
  unknownLimitText,
} from '../src/report/limit.js';

const caps = (flavor: 'v1' | 'v01' | 'v1p' | 'v1a' | 'v10') => adapterFor(flavor).capabilities;
const assumed = serverWideLimit(undefined);
const given = serverWideLimit(300);

describe('serverWideLimit', () => {
  test('server-daily-limit when given, else the upstream default, assumed', () => {
    expect(given).toEqual({ kind: 'daily', value: 300, source: 'given' });
    expect(assumed).toEqual({ kind: 'daily', value: UPSTREAM_DAILY_LIMIT, source: 'assumed' });
    expect(UPSTREAM_DAILY_LIMIT).toBe(200);
  });
});

describe('limitOf', () => {
  test('v10: the lifetime quota and what is used of it, whatever else is given', () => {
    expect(limitOf({ totalQuota: 1000, usedQuota: 40, dailyLimit: 5 }, caps('v10'), given)).toEqual({
      kind: 'lifetime',
      value: 1000,
      used: 40,
    });
    expect(limitOf({}, caps('v10'), given)).toEqual({ kind: 'lifetime', value: undefined, used: undefined });
  });

  test.each(['v1p', 'v1a'] as const)('%s: the key’s own daily limit; without one, the server-wide one', (flavor) => {
    expect(limitOf({ dailyLimit: 7 }, caps(flavor), given)).toEqual({ kind: 'daily', value: 7, source: 'key' });
    expect(limitOf({ dailyLimit: 0 }, caps(flavor), given)).toEqual({ kind: 'daily', value: 0, source: 'key' });
    expect(limitOf({}, caps(flavor), given)).toBe(given);
    expect(limitOf({}, caps(flavor), assumed)).toBe(assumed);
  });

  test.each(['v1', 'v01'] as const)('%s: the server-wide limit, given or assumed; a key’s own is ignored', (flavor) => {
    expect(limitOf({ dailyLimit: 7 }, caps(flavor), given)).toBe(given);
    expect(limitOf({ dailyLimit: 7, totalQuota: 9 }, caps(flavor), assumed)).toBe(assumed);
  });
});

describe('limitText and dailyValue', () => {
  test.each<[Limit, string, number | undefined]>([
    [{ kind: 'daily', value: 7, source: 'key' }, '7', 7],
    [{ kind: 'daily', value: 300, source: 'given' }, '300', 300],
    [{ kind: 'daily', value: 200, source: 'assumed' }, '200 (assumed)', 200],
    [{ kind: 'daily', value: 150, source: 'learned' }, '150 (learned)', 150],
    [{ kind: 'daily', source: 'assumed' }, 'unknown', undefined],
    [{ kind: 'lifetime', value: 1000, used: 15 }, '15 / 1000', undefined],
    [{ kind: 'lifetime' }, '? / ?', undefined],
  ])('%j reads %s', (limit, text, value) => {
    expect(limitText(limit)).toBe(text);
    expect(dailyValue(limit)).toBe(value);
  });

  test('the unknown limit’s text names the flavor and what to set', () => {
    const text = unknownLimitText('v01');
    expect(text).toContain('the v01 server applies one server-wide DAILY_REQ_LIMIT');
    expect(text).toContain('set server-daily-limit');
  });
});

describe('SharedLimits', () => {
  test('equal limits are one object; different ones stay apart', () => {
    const shared = new SharedLimits();
    const quota = shared.of({ kind: 'lifetime', value: 1000, used: 0 });
    expect(shared.of({ kind: 'lifetime', value: 1000, used: 0 })).toBe(quota);
    expect(shared.of({ kind: 'lifetime', value: 1000, used: 5 })).toEqual({ kind: 'lifetime', value: 1000, used: 5 });
    expect(shared.of({ kind: 'lifetime', value: 1000, used: undefined })).not.toBe(quota);
    const key = shared.of({ kind: 'daily', value: 200, source: 'key' });
    expect(shared.of({ kind: 'daily', value: 200, source: 'assumed' })).toEqual(assumed);
    expect(shared.of({ kind: 'daily', value: 200, source: 'key' })).toBe(key);
  });

  test('past the distinct limits it keeps, each limit is still its own, equal by value', () => {
    const shared = new SharedLimits();
    for (let used = 0; used < 1000; used++) shared.of({ kind: 'lifetime', value: 5000, used });
    const late = { kind: 'lifetime', value: 5000, used: 4321 } as const;
    expect(shared.of(late)).toBe(late);
    expect(shared.of({ ...late })).toEqual(late);
    expect(shared.of({ kind: 'lifetime', value: 5000, used: 7 })).toEqual({ kind: 'lifetime', value: 5000, used: 7 });
  });
});
