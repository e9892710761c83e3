// v1a, "admin": per-key daily limits and a `success` envelope; no delete and no reset endpoints.

import { UnsupportedOperationError } from '../errors.js';
import { parseServerTime } from '../time.js';
import type { FlavorAdapter } from '../types.js';
import { asArray, asObject, dayOf, num, str } from './shape.js';
import { createWithDailyLimit, keyFrom } from './v1.js';

const DAY_MS = 86_400_000;

export const v1a: FlavorAdapter = {
  flavor: 'v1a',
  capabilities: {
    usageHistory: 'rows',
    maxKeysPerCreate: 1,
    perKeyDailyLimit: true,
    expiry: false,
    listed: { usedToday: true, status: true },
    delete: false,
    reset: 'none',
    serverDay: 'rows',
  },
  ...createWithDailyLimit,
  listQuery: () => ({}),
  parseListing: (body) => ({
    keys: asArray(asObject(body, 'the key list').keys, 'keys').map((k) => {
      const item = asObject(k, 'a key');
      return {
        ...keyFrom(item, 'a key'),
        dailyLimit: num(item.daily_limit),
        usedToday: num(item.today_requests),
        status: item.is_active === false || item.is_active === 0 ? 'inactive' : 'active',
      };
    }),
  }),
  // Usage comes as the last N days per key (counted back from the server's UTC date): ask for
  // enough days to reach `day`; without a day, 3 reach the server's today in any time zone.
  usageRequest: (day) => {
    const back = day === undefined ? 3 : Math.floor((Date.now() - Date.parse(`${day}T00:00:00Z`)) / DAY_MS) + 2;
    return { path: '/admin/usage', query: { days: Math.min(Math.max(back, 1), 366) } };
  },
  // One row per key and day, each with its day: the client keeps the day's.
  parseUsage: (body) => ({
    rows: asArray(asObject(body, 'the usage answer').usage, 'usage').flatMap((k) => {
      const item = asObject(k, 'a usage row');
      const days = Array.isArray(item.usage) ? item.usage.map((d) => asObject(d, 'a usage day')) : [];
      return days.map((d) => ({
        key: str(item.key),
        label: str(item.label),
        requests: num(d.requests) ?? 0,
        dailyLimit: num(item.daily_limit),
        day: dayOf(d.day, 'a usage day'),
        updatedAt: parseServerTime(d.updated_at),
      }));
    }),
  }),
  resetRequest: () => {
    throw new UnsupportedOperationError('v1a', 'reset endpoint');
  },
};
