// v1p, "persistent": per-key daily limits, a bare-array listing, and a reset that wipes every key's day.

import { parseServerTime } from '../time.js';
import type { FlavorAdapter } from '../types.js';
import { asArray, asObject, dayOf, num, str } from './shape.js';
import { createWithDailyLimit, keyFrom } from './v1.js';

export const v1p: FlavorAdapter = {
  flavor: 'v1p',
  capabilities: {
    usageHistory: 'per-day',
    maxKeysPerCreate: 1,
    perKeyDailyLimit: true,
    expiry: false,
    listed: { status: true },
    delete: true,
    reset: 'day-wide',
    usageListsEveryKey: true,
    serverDay: 'named',
    resetDefaultsToServerDay: true,
  },
  ...createWithDailyLimit,
  listQuery: () => ({}),
  parseListing: (body) => ({
    keys: asArray(body, 'the key list').map((k) => {
      const item = asObject(k, 'a key');
      return {
        ...keyFrom(item, 'a key'),
        dailyLimit: num(item.daily_limit),
        status: item.is_active === false || item.is_active === 0 ? 'inactive' : 'active',
      };
    }),
  }),
  // Asked without a day, the server answers for its own today and names it.
  usageRequest: (day) => ({ path: '/admin/usage', query: day ? { day } : {} }),
  parseUsage: (body) => {
    const answer = asObject(body, 'the usage answer');
    const rows = asArray(answer.keys, 'keys').map((k) => {
      const item = asObject(k, 'a usage row');
      return {
        key: str(item.key),
        label: str(item.label),
        requests: num(item.requests) ?? 0,
        dailyLimit: num(item.daily_limit),
        updatedAt: parseServerTime(item.updated_at),
      };
    });
    return { rows, day: dayOf(answer.day, 'the usage day') || undefined };
  },
  // Only the whole day can be reset: callers must have refused unless the user asked for that.
  resetRequest: (_key, day) => ({ method: 'POST', path: '/admin/usage/reset', body: day ? { day } : {} }),
  parseReset: (body) => dayOf(asObject(body, 'the reset answer').day, 'the reset day') || undefined,
};
