// v1a, "admin": per-key daily limits and a `success` envelope; no delete and no reset endpoints.
import { UnsupportedOperationError, type FlavorAdapter } from '../types.js';
import { asArray, asObject, num, str } from './shape.js';
import { createWithDailyLimit, keyFrom } from './v1.js';

const DAY_MS = 86_400_000;

export const v1a: FlavorAdapter = {
  flavor: 'v1a',
  capabilities: { maxKeysPerCreate: 1, perKeyDailyLimit: true, expiry: false, delete: false, reset: 'none' },
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
  // Usage comes as the last N days per key: ask for enough days to reach `day`.
  usageRequest: (day) => {
    const back = Math.floor((Date.now() - Date.parse(`${day}T00:00:00Z`)) / DAY_MS) + 2;
    return { path: '/admin/usage', query: { days: Math.min(Math.max(back, 1), 366) } };
  },
  parseUsage: (body, day) => ({
    rows: asArray(asObject(body, 'the usage answer').usage, 'usage').map((k) => {
      const item = asObject(k, 'a usage row');
      const days = Array.isArray(item.usage) ? item.usage.map((d) => asObject(d, 'a usage day')) : [];
      const requests = days.filter((d) => str(d.day) === day).reduce((sum, d) => sum + (num(d.requests) ?? 0), 0);
      return { key: str(item.key), label: str(item.label), requests, dailyLimit: num(item.daily_limit) };
    }),
  }),
  resetRequest: () => {
    throw new UnsupportedOperationError('v1a', 'reset endpoint');
  },
};
