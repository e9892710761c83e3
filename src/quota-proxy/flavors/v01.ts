// v01, the original JSON-file server: native batch of up to 100 keys per request; reset by query string.

import { parseServerTime } from '../time.js';
import type { FlavorAdapter } from '../types.js';
import { asArray, asObject, dayOf, num, str } from './shape.js';
import { keyFrom } from './v1.js';

/** v01 answers at most 500 recent rows. */
const RECENT = 500;

export const v01: FlavorAdapter = {
  flavor: 'v01',
  capabilities: {
    usageHistory: 'per-day',
    maxKeysPerCreate: 100,
    perKeyDailyLimit: false,
    expiry: false,
    delete: true,
    reset: 'key',
    serverDay: 'rows',
    resetDefaultsToServerDay: true,
    refusalsCounted: true,
  },
  // Upstream gives every key of one request the request's `label` (there is no per-key label), so
  // the callers send one label per request: a chunk's own (issue-keys.ts).
  createBody: (requests) =>
    requests.length === 1 ? { label: requests[0]!.label } : { label: requests[0]!.label, count: requests.length },
  parseCreated: (body) => {
    const answer = asObject(body, 'the created keys');
    const items = Array.isArray(answer.keys) ? answer.keys : [answer];
    return items.map((k) => keyFrom(asObject(k, 'a created key'), 'a created key'));
  },
  listQuery: () => ({}),
  parseListing: (body) => ({
    keys: asArray(asObject(body, 'the key list').keys, 'keys').map((k) => keyFrom(asObject(k, 'a key'), 'a key')),
  }),
  // Without a day: the newest rows of every day, each with its day (at most RECENT of them).
  usageRequest: (day) => ({ path: '/admin/usage', query: day ? { day } : { limit: RECENT } }),
  parseUsage: (body, day) => {
    const answer = asObject(body, 'the usage answer');
    const items = asArray(answer.items, 'items');
    const rows = items.map((i) => {
      const item = asObject(i, 'a usage row');
      return {
        key: str(item.key),
        label: str(item.label),
        requests: num(item.req_count) ?? 0,
        day: dayOf(item.day ?? answer.day, "a usage row's day") || day,
        updatedAt: parseServerTime(item.updated_at),
      };
    });
    return { rows, partial: day === undefined && items.length >= RECENT };
  },
  // Without a day the server resets its own today and names it.
  resetRequest: (key, day) => ({
    method: 'POST',
    path: '/admin/usage/reset',
    query: day ? { key, day } : ({ key: key } as Record<string, string>),
  }),
  parseReset: (body) => dayOf(asObject(body, 'the reset answer').day, 'the reset day') || undefined,
};
