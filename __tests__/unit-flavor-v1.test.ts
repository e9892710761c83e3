// Unit: the v1 adapter's request bodies and answer readers (src/quota-proxy/flavors/v1.ts), good and hostile shapes.
import { ShapeError } from '../src/quota-proxy/flavors/shape.js';
import { createWithDailyLimit, v1 } from '../src/quota-proxy/flavors/v1.js';

const KEY = `sk-${'a1'.repeat(24)}`;
const MS = 1764150000000;

describe('create', () => {
  test('the body carries the label only (v1 has one server-wide limit)', () => {
    expect(v1.createBody([{ label: 'x-001', dailyLimit: 50, totalQuota: 9 }])).toEqual({ label: 'x-001' });
  });

  test('the answer’s key, label and creation time (ms, s or SQL) are read', () => {
    expect(v1.parseCreated({ key: KEY, label: 'x', created_at: MS }, [])).toEqual([
      { key: KEY, label: 'x', createdAt: new Date(MS) },
    ]);
    expect(v1.parseCreated({ key: KEY, label: 'x', created_at: MS / 1000 }, [])[0]!.createdAt).toEqual(new Date(MS));
    expect(v1.parseCreated({ key: KEY, created_at: '2026-11-26 09:50:31' }, [])[0]).toMatchObject({
      label: '',
      createdAt: new Date('2026-11-26T09:50:31Z'),
    });
  });

  test('an answer without a usable time is dated now', () => {
    const before = Date.now();
    const [key] = v1.parseCreated({ key: KEY, created_at: 'yesterday' }, []);
    expect(key!.createdAt.getTime()).toBeGreaterThanOrEqual(before);
  });

  test.each([null, [], 'sk-x', { label: 'x' }, { key: '' }, { key: 42 }])('%j is an unexpected answer', (body) => {
    expect(() => v1.parseCreated(body, [])).toThrow(ShapeError);
  });

  test('flavors with per-key limits send daily_limit and read it back', () => {
    expect(createWithDailyLimit.createBody([{ label: 'x', dailyLimit: 75 }])).toEqual({ label: 'x', daily_limit: 75 });
    expect(createWithDailyLimit.parseCreated({ key: KEY, label: 'x', daily_limit: '75' }, [])[0]!.dailyLimit).toBe(75);
    expect(createWithDailyLimit.parseCreated({ key: KEY, label: 'x' }, [])[0]!.dailyLimit).toBeUndefined();
  });
});

describe('listing', () => {
  test('every key of the one unpaged answer; a label that is not text becomes text', () => {
    const page = v1.parseListing(
      {
        keys: [
          { key: KEY, label: 'a', created_at: MS },
          { key: `${KEY}2`, label: 7, created_at: MS + 1 },
        ],
      },
      0,
    );
    expect(page.keys.map((k) => [k.key, k.label])).toEqual([
      [KEY, 'a'],
      [`${KEY}2`, '7'],
    ]);
    expect(page.next).toBeUndefined();
    expect(v1.listQuery(500)).toEqual({});
  });

  test.each([
    ['not an object', []],
    ['keys missing', {}],
    ['keys not a list', { keys: 'all' }],
    ['a key that is not an object', { keys: ['sk-1'] }],
    ['a key without key', { keys: [{ label: 'x' }] }],
  ])('%s: an unexpected answer', (_what, body) => {
    expect(() => v1.parseListing(body, 0)).toThrow(ShapeError);
  });
});

describe('usage', () => {
  test('every day’s rows, paged by offset; has_more says whether to go on', () => {
    expect(v1.usageRequest('2026-11-26', 2000)).toEqual({ path: '/admin/usage', query: { limit: 1000, offset: 2000 } });
    const row = { day: '2026-11-26', trial_key: KEY, label: 'x', requests: '12', updated_at: MS };
    const page = v1.parseUsage(
      { items: [row, { ...row, day: '2026-11-25', requests: null }], has_more: true },
      undefined,
      1000,
    );
    expect(page.rows).toEqual([
      { key: KEY, label: 'x', requests: 12, day: '2026-11-26', updatedAt: new Date(MS) },
      { key: KEY, label: 'x', requests: 0, day: '2026-11-25', updatedAt: new Date(MS) },
    ]);
    expect(page.next).toBe(1002);
    expect(v1.parseUsage({ items: [row], has_more: 'yes' }, undefined, 0).next).toBeUndefined();
  });

  test.each([
    ['items missing', { has_more: false }],
    ['a row that is a list', { items: [[1]] }],
    ['a day that is no day', { items: [{ day: '2026-02-30', trial_key: KEY }] }],
    ['a day that is markup', { items: [{ day: '<b>today</b>', trial_key: KEY }] }],
  ])('%s: an unexpected answer', (_what, body) => {
    expect(() => v1.parseUsage(body, undefined, 0)).toThrow(ShapeError);
  });

  test('a reset names the day and the key in the body', () => {
    expect(v1.resetRequest(KEY, '2026-11-26')).toEqual({
      method: 'POST',
      path: '/admin/usage/reset',
      body: { day: '2026-11-26', trial_key: KEY },
    });
  });

  test('capabilities: one key per create, a server-wide limit whose refusals are not counted', () => {
    expect(v1.capabilities).toMatchObject({
      maxKeysPerCreate: 1,
      perKeyDailyLimit: false,
      reset: 'key',
      delete: true,
      refusalsCounted: false,
      usageNewestDayFirst: true,
    });
  });
});
