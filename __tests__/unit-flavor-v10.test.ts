// Unit: the v10 adapter (src/quota-proxy/flavors/v10.ts): lifetime quotas, expiry, paged answers, SQL times.
import { ShapeError } from '../src/quota-proxy/flavors/shape.js';
import { HEALTH_PROBE_KEY, V10_PAGE, v10 } from '../src/quota-proxy/flavors/v10.js';

const KEY = 'roc_1764150000000-k3j9x0a2b';

describe('create', () => {
  test('the body sends a total quota and an expiry only when set', () => {
    const expiresAt = new Date('2026-12-26T00:00:00Z');
    expect(v10.createBody([{ label: 'x', dailyLimit: 100 }])).toEqual({ label: 'x' });
    expect(v10.createBody([{ label: 'x', dailyLimit: 100, totalQuota: 500, expiresAt }])).toEqual({
      label: 'x',
      totalQuota: 500,
      expiresAt: '2026-12-26T00:00:00.000Z',
    });
  });

  test('the answer has no creation time: the arrival dates it; quota and expiry are read', () => {
    const before = Date.now();
    const [key] = v10.parseCreated(
      { success: true, key: KEY, label: 'x', totalQuota: 500, expiresAt: '2026-12-26T00:00:00.000Z', id: 3 },
      [],
    );
    expect(key).toMatchObject({ key: KEY, label: 'x', totalQuota: 500, expiresAt: new Date('2026-12-26T00:00:00Z') });
    expect(key!.createdAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(v10.parseCreated({ success: true, key: KEY, expiresAt: null }, [])[0]!.expiresAt).toBeNull();
  });

  test.each([{ success: true }, { success: true, key: '' }, [], null])('%j is an unexpected answer', (body) => {
    expect(() => v10.parseCreated(body, [])).toThrow(ShapeError);
  });
});

describe('listing', () => {
  test('pages of 100 by offset; SQL datetimes are UTC; hasMore says whether to go on', () => {
    expect(v10.listQuery(200)).toEqual({ limit: V10_PAGE, offset: 200 });
    const item = {
      id: 1,
      key: KEY,
      label: 'x',
      total_quota: 1000,
      used_quota: '250',
      created_at: '2026-11-26 09:50:31',
      expires_at: null,
      status: 'active',
    };
    const page = v10.parseListing(
      { success: true, keys: [item, { ...item, status: '' }], pagination: { hasMore: true } },
      200,
    );
    expect(page.keys[0]).toEqual({
      key: KEY,
      label: 'x',
      createdAt: new Date('2026-11-26T09:50:31Z'),
      expiresAt: null,
      totalQuota: 1000,
      usedQuota: 250,
      status: 'active',
    });
    expect(page.keys[1]!.status).toBeUndefined();
    expect(page.next).toBe(202);
  });

  test('no more when hasMore is not exactly true; a key without a time is dated at the epoch', () => {
    for (const pagination of [{ hasMore: false }, { hasMore: 'true' }, undefined, null])
      expect(v10.parseListing({ keys: [], pagination }, 0).next).toBeUndefined();
    expect(v10.parseListing({ keys: [{ key: KEY }] }, 0).keys[0]!.createdAt).toEqual(new Date(0));
  });

  test('an empty page that says more is left to the client to stop (not a silent end)', () => {
    expect(v10.parseListing({ keys: [], pagination: { hasMore: true } }, 300).next).toBe(300);
  });

  test.each([
    ['keys missing', { pagination: {} }],
    ['a key without key', { keys: [{ label: 'x' }] }],
    ['a key that is a number', { keys: [5] }],
  ])('%s: an unexpected answer', (_what, body) => {
    expect(() => v10.parseListing(body, 0)).toThrow(ShapeError);
  });
});

describe('usage', () => {
  test('a day is one day back of its rolling window; history asks N days; pages are numbered from 1', () => {
    expect(v10.usageRequest('2026-11-26', 0)).toEqual({
      path: '/admin/usage',
      query: { days: 1, page: 1, limit: 100 },
    });
    expect(v10.usageRequest(undefined, 250).query).toEqual({ days: 1, page: 3, limit: 100 });
    expect(v10.usageWindowRequest!(30, 100)).toEqual({
      path: '/admin/usage',
      query: { days: 30, page: 2, limit: 100 },
    });
  });

  test('rows carry requests and the lifetime quota; hasNextPage goes one page on', () => {
    const page = v10.parseUsage(
      {
        success: true,
        data: [{ key: KEY, label: 'x', total_quota: 1000, used_quota: 40, request_count: '7', avg_response_time: 3 }],
        pagination: { page: 1, hasNextPage: true },
      },
      undefined,
      0,
    );
    expect(page).toEqual({
      rows: [{ key: KEY, label: 'x', requests: 7, totalQuota: 1000, usedQuota: 40 }],
      next: 100,
    });
    expect(v10.parseUsage({ data: [], pagination: { hasNextPage: 1 } }, undefined, 0).next).toBeUndefined();
  });

  test.each([
    ['data missing', { success: true, pagination: {} }],
    ['a row that is text', { data: ['row'] }],
  ])('%s: an unexpected answer', (_what, body) => {
    expect(() => v10.parseUsage(body, undefined, 0)).toThrow(ShapeError);
  });
});

test('a reset names the key (without one v10 would reset every key)', () => {
  expect(v10.resetRequest(KEY, '2026-11-26')).toEqual({
    method: 'POST',
    path: '/admin/reset-usage',
    body: { key: KEY },
  });
});

test('the health probe asks the trial route for a key that is plainly none', () => {
  expect(v10.healthProbe).toMatchObject({ path: '/gateway', query: { api_key: HEALTH_PROBE_KEY } });
  expect(HEALTH_PROBE_KEY).not.toMatch(/^roc_/);
  expect(v10.capabilities).toMatchObject({ lifetimeQuota: true, expiry: true, usageHistory: 'window' });
  expect(v10.capabilities.serverDay).toBeUndefined();
});
