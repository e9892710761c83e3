// Unit: the v01 adapter (src/quota-proxy/flavors/v01.ts): native batch, query-string reset, recent rows.
import { ShapeError } from '../src/quota-proxy/flavors/shape.js';
import { v01 } from '../src/quota-proxy/flavors/v01.js';

const key = (n: number) => `trial_${String(n).padStart(36, '0')}`;
const MS = 1764150000000;
const request = (label: string) => ({ label, dailyLimit: 100 });

describe('create', () => {
  test('one key: the label alone; many: the first request’s label and the count', () => {
    expect(v01.createBody([request('x-001')])).toEqual({ label: 'x-001' });
    expect(v01.createBody([request('x-001'), request('x-002'), request('x-003')])).toEqual({
      label: 'x-001',
      count: 3,
    });
  });

  test('one key answers the key; many answer a list', () => {
    expect(v01.parseCreated({ key: key(1), label: 'x', created_at: MS }, [])).toEqual([
      { key: key(1), label: 'x', createdAt: new Date(MS) },
    ]);
    const many = v01.parseCreated(
      {
        count: 2,
        keys: [
          { key: key(1), label: 'x', created_at: MS },
          { key: key(2), label: 'x', created_at: MS },
        ],
      },
      [],
    );
    expect(many.map((k) => k.key)).toEqual([key(1), key(2)]);
  });

  test.each([
    ['a list item that is text', { keys: [key(1)] }],
    ['a list item without key', { keys: [{ label: 'x' }] }],
    ['neither a key nor a list', { count: 2 }],
    ['not an object', 'trial_1'],
  ])('%s: an unexpected answer', (_what, body) => {
    expect(() => v01.parseCreated(body, [])).toThrow(ShapeError);
  });
});

describe('listing', () => {
  test('the keys of its one answer', () => {
    const page = v01.parseListing({ count: 1, keys: [{ key: key(1), label: 'x', created_at: MS }], mode: 'file' }, 0);
    expect(page).toEqual({ keys: [{ key: key(1), label: 'x', createdAt: new Date(MS) }] });
  });
  test('keys that are not a list: an unexpected answer', () => {
    expect(() => v01.parseListing({ keys: null, mode: 'file' }, 0)).toThrow('keys is not a list');
  });
});

describe('usage', () => {
  test('a day asks for that day; no day asks for the recent rows', () => {
    expect(v01.usageRequest('2026-11-26', 0)).toEqual({ path: '/admin/usage', query: { day: '2026-11-26' } });
    expect(v01.usageRequest(undefined, 0)).toEqual({ path: '/admin/usage', query: { limit: 500 } });
  });

  test('a day’s rows take the answer’s day; recent rows carry their own', () => {
    const item = { key: key(1), label: 'x', req_count: 9, updated_at: MS };
    expect(v01.parseUsage({ day: '2026-11-26', items: [item] }, '2026-11-26', 0)).toEqual({
      rows: [{ key: key(1), label: 'x', requests: 9, day: '2026-11-26', updatedAt: new Date(MS) }],
      partial: false,
    });
    const recent = v01.parseUsage({ items: [{ ...item, day: '2026-11-25' }] }, undefined, 0);
    expect(recent.rows[0]!.day).toBe('2026-11-25');
    // Both say: the row's own.
    expect(
      v01.parseUsage({ day: '2026-11-26', items: [{ ...item, day: '2026-11-24' }] }, undefined, 0).rows[0]!.day,
    ).toBe('2026-11-24');
    // Neither says: the day asked for.
    expect(v01.parseUsage({ items: [item] }, '2026-11-20', 0).rows[0]!.day).toBe('2026-11-20');
  });

  test('500 recent rows are only the newest: partial', () => {
    const items = Array.from({ length: 500 }, () => ({ key: key(1), req_count: 1, day: '2026-11-26' }));
    expect(v01.parseUsage({ items }, undefined, 0).partial).toBe(true);
    expect(v01.parseUsage({ items: items.slice(1) }, undefined, 0).partial).toBe(false);
    expect(v01.parseUsage({ items }, '2026-11-26', 0).partial).toBe(false);
  });

  test.each([
    ['items missing', { day: '2026-11-26' }],
    ['a row that is text', { items: ['x'] }],
    ['an answer day that is no day', { day: 'today', items: [{ key: key(1) }] }],
  ])('%s: an unexpected answer', (_what, body) => {
    expect(() => v01.parseUsage(body, undefined, 0)).toThrow(ShapeError);
  });
});

describe('reset', () => {
  test('by query string, the day only when given; the answer names the day', () => {
    expect(v01.resetRequest(key(1), '2026-11-26')).toEqual({
      method: 'POST',
      path: '/admin/usage/reset',
      query: { key: key(1), day: '2026-11-26' },
    });
    expect(v01.resetRequest(key(1), undefined).query).toEqual({ key: key(1) });
    expect(v01.parseReset!({ reset: true, day: '2026-11-26' })).toBe('2026-11-26');
    expect(v01.parseReset!({ reset: true })).toBeUndefined();
    expect(() => v01.parseReset!({ day: 'tomorrow' })).toThrow(ShapeError);
    expect(() => v01.parseReset!('ok')).toThrow(ShapeError);
  });

  test('capabilities: 100 keys per create, refusals counted, resets default to the server’s day', () => {
    expect(v01.capabilities).toMatchObject({
      maxKeysPerCreate: 100,
      refusalsCounted: true,
      resetDefaultsToServerDay: true,
      usageHistory: 'per-day',
    });
  });
});
