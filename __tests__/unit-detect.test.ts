// Unit: telling the five flavors apart by the answers a run receives anyway (src/quota-proxy/detect.ts).
import {
  adapterFor,
  flavorFromCreated,
  flavorFromHealth,
  flavorFromListing,
  healthProbes,
} from '../src/quota-proxy/detect.js';
import { FLAVORS } from '../src/quota-proxy/types.js';

const at = 1764150000000;

describe('flavorFromListing: each flavor’s GET /admin/keys', () => {
  test.each([
    ['v1', { keys: [{ key: `sk-${'a'.repeat(48)}`, label: 'x', created_at: at }] }],
    ['v1', { keys: [] }],
    ['v01', { count: 0, keys: [], mode: 'file' }],
    ['v01', { keys: [], mode: 'memory' }],
    ['v1p', [{ key: `roc_${'a'.repeat(32)}`, label: 'x', created_at: at, daily_limit: 5, is_active: 1 }]],
    ['v1p', []],
    ['v1a', { success: true, keys: [], count: 0 }],
    ['v10', { success: true, keys: [], pagination: { total: 0, limit: 100, offset: 0, hasMore: false } }],
  ])('%s', (flavor, body) => {
    expect(flavorFromListing(body)).toBe(flavor);
  });

  test.each([
    ['null', null],
    ['a string', 'keys'],
    ['a number', 42],
    ['an object without keys', { items: [] }],
    ['keys that are not a list', { keys: { a: 1 } }],
    ['keys null', { keys: null }],
  ])('%s: no flavor', (_what, body) => {
    expect(flavorFromListing(body)).toBeUndefined();
  });

  test('success that is not exactly true is not v1a; pagination that is not an object is not v10', () => {
    expect(flavorFromListing({ success: 'true', keys: [] })).toBe('v1');
    expect(flavorFromListing({ pagination: [], keys: [] })).toBe('v1');
  });
});

describe('flavorFromCreated: each flavor’s POST /admin/keys', () => {
  test.each([
    ['v1', { key: `sk-${'a'.repeat(48)}`, label: 'x', created_at: at }],
    ['v01', { key: `trial_${'a'.repeat(36)}`, label: 'x', created_at: at }],
    ['v01', { count: 2, keys: [], summary: {} }],
    ['v1p', { key: `roc_${'a'.repeat(32)}`, label: 'x', created_at: at, daily_limit: 5 }],
    ['v1a', { success: true, key: `trial_${'a'.repeat(32)}`, label: 'x', daily_limit: 5, message: 'ok' }],
    ['v10', { success: true, key: `roc_${at}-abcdefghi`, label: 'x', totalQuota: 1000, id: 1 }],
    ['v10', { success: true, key: 'k', totalQuota: 5 }],
    ['v10', { success: true, key: 'k', id: 7 }],
  ])('%s', (flavor, body) => {
    expect(flavorFromCreated(body)).toBe(flavor);
  });

  test.each([
    ['an unknown key shape', { key: 'pk_live_123' }],
    ['a key that is not text', { key: 12345 }],
    ['no key', { label: 'x' }],
    ['an array', [{ key: 'sk-1' }]],
    ['null', null],
    ['text', 'sk-abc'],
  ])('%s: no flavor', (_what, body) => {
    expect(flavorFromCreated(body)).toBeUndefined();
  });
});

describe('flavorFromHealth', () => {
  test('only v10’s health body carries checks', () => {
    expect(flavorFromHealth({ ok: true, checks: { database: { ok: true } } })).toBe('v10');
    for (const body of [{ ok: true }, { ok: true, checks: [] }, { ok: true, checks: null }, null, 'ok', [1]])
      expect(flavorFromHealth(body)).toBeUndefined();
  });
});

describe('adapters', () => {
  test('every flavor has its own adapter, named for it', () => {
    for (const flavor of FLAVORS) expect(adapterFor(flavor).flavor).toBe(flavor);
  });

  test('the health probes are the flavors whose /healthz may never answer: v10', () => {
    const probes = healthProbes();
    expect(probes.map((p) => p.flavor)).toEqual(['v10']);
    const { probe } = probes[0]!;
    expect(probe).toMatchObject({ method: 'POST', path: '/gateway' });
    expect(probe.judge(403, { error: 'Invalid or expired API key' })).toMatch(/unknown key/);
    for (const [status, body] of [
      [403, { error: 'Missing API key' }],
      [200, { error: 'Invalid or expired API key' }],
      [403, null],
      [403, 'Invalid or expired API key'],
      [500, { error: 'database' }],
    ] as const)
      expect(probe.judge(status, body)).toBeUndefined();
  });
});
