// v1, the deployed flavor: one server-wide daily limit, usage rows per (day, key), per-key reset.

import { parseServerTime } from '../time.js';
import type { FlavorAdapter, TrialKey } from '../types.js';
import { asArray, asObject, dayOf, type Json, num, requireKey, str } from './shape.js';

export function keyFrom(item: Json, what: string): TrialKey {
  return {
    key: requireKey(item, what),
    label: str(item.label),
    createdAt: parseServerTime(item.created_at) ?? new Date(),
  };
}

/** Creation on the flavors with per-key daily limits (v1p, v1a): `daily_limit` sent and read back. */
export const createWithDailyLimit: Pick<FlavorAdapter, 'createBody' | 'parseCreated'> = {
  createBody: ([request]) => ({ label: request!.label, daily_limit: request!.dailyLimit }),
  parseCreated: (body) => {
    const item = asObject(body, 'the created key');
    return [{ ...keyFrom(item, 'the created key'), dailyLimit: num(item.daily_limit) }];
  },
};

const USAGE_PAGE = 1000;

export const v1: FlavorAdapter = {
  flavor: 'v1',
  capabilities: {
    usageHistory: 'rows',
    usageNewestDayFirst: true, // upstream: ORDER BY d.day DESC, d.requests DESC
    maxKeysPerCreate: 1,
    perKeyDailyLimit: false,
    expiry: false,
    delete: true,
    reset: 'key',
    serverDay: 'rows',
    refusalsCounted: false,
  },
  createBody: ([request]) => ({ label: request!.label }),
  parseCreated: (body) => [keyFrom(asObject(body, 'the created key'), 'the created key')],
  listQuery: () => ({}),
  parseListing: (body) => ({
    keys: asArray(asObject(body, 'the key list').keys, 'keys').map((k) => keyFrom(asObject(k, 'a key'), 'a key')),
  }),
  // Every day's rows, newest day first: the client keeps the day's, and learns the server's day from them.
  usageRequest: (_day, offset) => ({ path: '/admin/usage', query: { limit: USAGE_PAGE, offset } }),
  parseUsage: (body, _day, offset) => {
    const page = asObject(body, 'the usage answer');
    const items = asArray(page.items, 'items').map((i) => asObject(i, 'a usage row'));
    return {
      rows: items.map((i) => ({
        key: str(i.trial_key),
        label: str(i.label),
        requests: num(i.requests) ?? 0,
        day: dayOf(i.day, "a usage row's day"),
        updatedAt: parseServerTime(i.updated_at),
      })),
      next: page.has_more === true ? offset + items.length : undefined,
    };
  },
  resetRequest: (key, day) => ({ method: 'POST', path: '/admin/usage/reset', body: { day, trial_key: key } }),
};
