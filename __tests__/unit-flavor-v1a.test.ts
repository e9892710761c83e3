// Unit: the v1a adapter (src/quota-proxy/flavors/v1a.ts): a success envelope, days back, no reset.

import { UnsupportedOperationError } from '../src/quota-proxy/errors.js';
import { ShapeError } from '../src/quota-proxy/flavors/shape.js';
import { v1a } from '../src/quota-proxy/flavors/v1a.js';

const KEY = `trial_${'c3'.repeat(16)}`;
const MS = 1764150000000;

test('create sends the daily limit and reads the key back from the success envelope', () => {
  expect(v1a.createBody([{ label: 'x', dailyLimit: 9 }])).toEqual({ label: 'x', daily_limit: 9 });
  const body = { success: true, key: KEY, label: 'x', daily_limit: 9, created_at: MS, message: 'Created' };
  expect(v1a.parseCreated(body, [])).toEqual([{ key: KEY, label: 'x', createdAt: new Date(MS), dailyLimit: 9 }]);
});

test('the listing reads limits, today’s requests and whether a key is active', () => {
  const item = { key: KEY, label: 'x', created_at: MS, daily_limit: 9, today_requests: 4, remaining: 5 };
  const page = v1a.parseListing(
    {
      success: true,
      keys: [
        { ...item, is_active: 1 },
        { ...item, is_active: 0 },
      ],
    },
    0,
  );
  expect(page.keys[0]).toEqual({
    key: KEY,
    label: 'x',
    createdAt: new Date(MS),
    dailyLimit: 9,
    usedToday: 4,
    status: 'active',
  });
  expect(page.keys[1]!.status).toBe('inactive');
});

test.each([
  ['a bare array', [{ key: KEY }]],
  ['keys that are an object', { success: true, keys: { key: KEY } }],
])('listing %s: an unexpected answer', (_what, body) => {
  expect(() => v1a.parseListing(body, 0)).toThrow(ShapeError);
});

test('usage asks enough days back to reach the day asked for, from 1 to 366', () => {
  const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
  expect(v1a.usageRequest(undefined, 0)).toEqual({ path: '/admin/usage', query: { days: 3 } });
  expect(v1a.usageRequest(daysAgo(0), 0).query).toEqual({ days: 2 });
  expect(v1a.usageRequest(daysAgo(6), 0).query).toEqual({ days: 8 });
  expect(v1a.usageRequest('2020-01-01', 0).query).toEqual({ days: 366 });
  expect(v1a.usageRequest(daysAgo(-40), 0).query).toEqual({ days: 1 });
});

test('usage: one row per key and day, each with its day and the key’s limit', () => {
  const page = v1a.parseUsage(
    {
      success: true,
      usage: [
        {
          key: KEY,
          label: 'x',
          daily_limit: 9,
          usage: [
            { day: '2026-11-25', requests: 2, updated_at: MS },
            { day: '2026-11-26', requests: '3', updated_at: '2026-11-26 08:00:00' },
          ],
        },
        { key: `${KEY}0`, label: 'unused', daily_limit: 9 },
      ],
    },
    undefined,
    0,
  );
  expect(page.rows).toEqual([
    { key: KEY, label: 'x', requests: 2, dailyLimit: 9, day: '2026-11-25', updatedAt: new Date(MS) },
    {
      key: KEY,
      label: 'x',
      requests: 3,
      dailyLimit: 9,
      day: '2026-11-26',
      updatedAt: new Date('2026-11-26T08:00:00Z'),
    },
  ]);
});

test.each([
  ['usage missing', { success: true }],
  ['a usage day that is text', { usage: [{ key: KEY, usage: ['2026-11-26'] }] }],
  ['a usage day without a real day', { usage: [{ key: KEY, usage: [{ day: '2026-11-31', requests: 1 }] }] }],
])('usage %s: an unexpected answer', (_what, body) => {
  expect(() => v1a.parseUsage(body, undefined, 0)).toThrow(ShapeError);
});

test('v1a has no reset endpoint: asking for one is an unsupported operation', () => {
  expect(() => v1a.resetRequest(KEY, undefined)).toThrow(UnsupportedOperationError);
  expect(() => v1a.resetRequest(KEY, undefined)).toThrow('The v1a quota-proxy flavor has no reset endpoint.');
  expect(v1a.capabilities).toMatchObject({ delete: false, reset: 'none', perKeyDailyLimit: true });
});
