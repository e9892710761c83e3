// Unit: the v1p adapter (src/quota-proxy/flavors/v1p.ts): a bare-array listing, a day-wide reset.
import { ShapeError } from '../src/quota-proxy/flavors/shape.js';
import { v1p } from '../src/quota-proxy/flavors/v1p.js';

const KEY = `roc_${'b2'.repeat(16)}`;
const MS = 1764150000000;

test('create sends and reads back the key’s daily limit', () => {
  expect(v1p.createBody([{ label: 'x', dailyLimit: 5 }])).toEqual({ label: 'x', daily_limit: 5 });
  expect(v1p.parseCreated({ key: KEY, label: 'x', created_at: MS, daily_limit: 5 }, [])).toEqual([
    { key: KEY, label: 'x', createdAt: new Date(MS), dailyLimit: 5 },
  ]);
});

test('the listing is a bare array; is_active false or 0 is inactive, anything else active', () => {
  const item = { key: KEY, label: 'x', created_at: MS, daily_limit: 5 };
  const page = v1p.parseListing(
    [
      { ...item, is_active: 1 },
      { ...item, is_active: 0 },
      { ...item, is_active: false },
      { ...item, is_active: 'no' },
      item,
    ],
    0,
  );
  expect(page.keys.map((k) => k.status)).toEqual(['active', 'inactive', 'inactive', 'active', 'active']);
  expect(page.keys[0]).toMatchObject({ key: KEY, dailyLimit: 5, createdAt: new Date(MS) });
});

test.each([
  ['an object, not an array', { keys: [] }],
  ['a key that is text', [KEY]],
  ['a key without key', [{ label: 'x' }]],
])('listing %s: an unexpected answer', (_what, body) => {
  expect(() => v1p.parseListing(body, 0)).toThrow(ShapeError);
});

test('usage: asked without a day, the answer names the server’s own today', () => {
  expect(v1p.usageRequest(undefined, 0)).toEqual({ path: '/admin/usage', query: {} });
  expect(v1p.usageRequest('2026-11-26', 0)).toEqual({ path: '/admin/usage', query: { day: '2026-11-26' } });
  const page = v1p.parseUsage(
    { day: '2026-11-27', keys: [{ key: KEY, label: 'x', daily_limit: 5, requests: 3, updated_at: MS }] },
    undefined,
    0,
  );
  expect(page).toEqual({
    rows: [{ key: KEY, label: 'x', requests: 3, dailyLimit: 5, updatedAt: new Date(MS) }],
    day: '2026-11-27',
  });
  expect(v1p.parseUsage({ keys: [] }, undefined, 0).day).toBeUndefined();
});

test.each([
  ['keys missing', { day: '2026-11-26' }],
  ['a day that is no day', { day: '2026-11-26; rm -rf /', keys: [] }],
  ['a row that is null', { keys: [null] }],
])('usage %s: an unexpected answer', (_what, body) => {
  expect(() => v1p.parseUsage(body, undefined, 0)).toThrow(ShapeError);
});

test('a reset is the whole day’s (body day only when given), and its answer names the day', () => {
  expect(v1p.resetRequest(KEY, '2026-11-26')).toEqual({
    method: 'POST',
    path: '/admin/usage/reset',
    body: { day: '2026-11-26' },
  });
  expect(v1p.resetRequest(KEY, undefined).body).toEqual({});
  expect(JSON.stringify(v1p.resetRequest(KEY, undefined))).not.toContain(KEY);
  expect(v1p.parseReset!({ day: '2026-11-26' })).toBe('2026-11-26');
  expect(v1p.capabilities).toMatchObject({ reset: 'day-wide', serverDay: 'named', usageListsEveryKey: true });
});
