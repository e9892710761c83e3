// v10, quota/expiry: lifetime quotas instead of daily limits, expiring keys, paged listing,
// SQL datetimes in UTC without a zone, and an admin rate limit of 30 requests per 15 minutes.

import { parseServerTime } from '../time.js';
import type { FlavorAdapter, HealthProbe } from '../types.js';
import { asArray, asObject, num, requireKey, str } from './shape.js';

export const V10_PAGE = 100;

/** Sent as the trial key of the health probe: plainly not a key, so the server finds none. */
export const HEALTH_PROBE_KEY = 'quota-keys-health-check';
const UNKNOWN_KEY = 'Invalid or expired API key';

/**
 * Upstream v10's /healthz and /status never answer: their database calls pass the callback where
 * the server's query wrapper expects parameters, so it is never called. Its proxy route looks the
 * trial key up in the database (parameters given, so the callback runs) and is outside /admin, so
 * it costs none of the 30 admin requests per 15 minutes. An unknown key answers 403; upstream
 * answers a database error the same way, which the first admin request (500 then) tells apart.
 */
const healthProbe: HealthProbe = {
  method: 'POST',
  path: '/gateway',
  query: { api_key: HEALTH_PROBE_KEY },
  why: "v10's /healthz never answers (an upstream defect)",
  judge: (status, body) =>
    status === 403 && body && typeof body === 'object' && (body as { error?: unknown }).error === UNKNOWN_KEY
      ? 'looked an unknown key up in its database and refused it, as v10 does'
      : undefined,
  expected: `403 {"error":"${UNKNOWN_KEY}"}`,
};

export const v10: FlavorAdapter = {
  flavor: 'v10',
  capabilities: {
    usageHistory: 'window',
    maxKeysPerCreate: 1,
    perKeyDailyLimit: false,
    expiry: true,
    listed: { expires: true, status: true },
    delete: true,
    reset: 'key',
    lifetimeQuota: true,
    usageListsEveryKey: true,
  },
  healthProbe,
  createBody: ([request]) => ({
    label: request!.label,
    ...(request!.totalQuota !== undefined ? { totalQuota: request!.totalQuota } : {}),
    ...(request!.expiresAt ? { expiresAt: request!.expiresAt.toISOString() } : {}),
  }),
  parseCreated: (body) => {
    const item = asObject(body, 'the created key');
    return [
      {
        key: requireKey(item, 'the created key'),
        label: str(item.label),
        // v10 does not return created_at on creation: the answer's arrival is within a second of it.
        createdAt: parseServerTime(item.created_at) ?? new Date(),
        expiresAt: parseServerTime(item.expiresAt) ?? null,
        totalQuota: num(item.totalQuota),
      },
    ];
  },
  listQuery: (offset) => ({ limit: V10_PAGE, offset }),
  parseListing: (body, offset) => {
    const answer = asObject(body, 'the key list');
    const keys = asArray(answer.keys, 'keys').map((k) => {
      const item = asObject(k, 'a key');
      return {
        key: requireKey(item, 'a key'),
        label: str(item.label),
        createdAt: parseServerTime(item.created_at) ?? new Date(0),
        expiresAt: parseServerTime(item.expires_at) ?? null,
        totalQuota: num(item.total_quota),
        usedQuota: num(item.used_quota),
        status: str(item.status) || undefined,
      };
    });
    const more = (answer.pagination as { hasMore?: unknown } | undefined)?.hasMore === true;
    // An empty page that says more is the client's to stop (PageGuard), not a silent end of the list.
    return { keys, next: more ? offset + keys.length : undefined };
  },
  // v10 counts requests over the last N days, not per calendar day: days=1 is the closest to "today".
  usageRequest: (_day, offset) => ({
    path: '/admin/usage',
    query: { days: 1, page: Math.floor(offset / V10_PAGE) + 1, limit: V10_PAGE },
  }),
  // Upstream counts `usage_log` rows newer than datetime('now', '-N days'): a rolling window in UTC.
  usageWindowRequest: (days, offset) => ({
    path: '/admin/usage',
    query: { days, page: Math.floor(offset / V10_PAGE) + 1, limit: V10_PAGE },
  }),
  parseUsage: (body, _day, offset) => {
    const answer = asObject(body, 'the usage answer');
    const rows = asArray(answer.data, 'data').map((r) => {
      const item = asObject(r, 'a usage row');
      return {
        key: str(item.key),
        label: str(item.label),
        requests: num(item.request_count) ?? 0,
        totalQuota: num(item.total_quota),
        usedQuota: num(item.used_quota),
      };
    });
    const more = (answer.pagination as { hasNextPage?: unknown } | undefined)?.hasNextPage === true;
    return { rows, next: more ? offset + V10_PAGE : undefined };
  },
  resetRequest: (key) => ({ method: 'POST', path: '/admin/reset-usage', body: { key } }),
};
