/**
 * v10 (quota-proxy v1.0, Express + SQLite): keys with a total quota and an expiry, `success`
 * envelopes, a /gateway proxy route, 30 admin requests per 15 minutes, health that never answers.
 */

import type { Body, ChatCharge, Ctx, FlavorDef, ServerContext } from '../context.js';
import { BadRequest, KEY_PARAM_ROUTE } from '../context.js';
import { sendJson } from '../http.js';
import { parseIso, sqlUtc } from '../keys.js';
import { clampInt, labelOf, positiveInt, strictInt } from '../params.js';

/** v10's upstream admin rate limit (middleware/rate-limit.js): 30 requests per 15 minutes per IP. */
export const V10_RATE_LIMIT = Object.freeze({ max: 30, windowSeconds: 900 });

interface V10Row {
  id: number;
  key: string;
  label: string | null;
  total_quota: number;
  used_quota: number;
  created_at: number;
  expires_at: string | null;
}

interface V10UsageRow {
  key: string;
  label: string | null;
  total_quota: number;
  used_quota: number;
  created_at: number;
  response_count: number;
  response_ms: number;
  request_count: number;
}

const isExpired = (expiresAt: string | null, now: number): boolean =>
  expiresAt !== null && Date.parse(expiresAt) <= now;

const statusOf = (r: V10Row, now: number): string =>
  isExpired(r.expires_at, now) ? 'expired' : r.used_quota >= r.total_quota ? 'exhausted' : 'active';

function expiresFromBody(v: unknown): string | null {
  if (v === undefined || v === null || v === '') return null;
  const iso = parseIso(v);
  if (iso === undefined) throw new BadRequest('Invalid expiresAt: expected an ISO 8601 date');
  return iso;
}

function healthBody(s: ServerContext, ok: boolean, extra?: Body): Body {
  return {
    ok,
    status: ok ? 'healthy' : 'unhealthy',
    timestamp: new Date().toISOString(),
    uptime: Math.floor((Date.now() - s.startedAt) / 1000),
    checks: { database: ok ? { ok: true } : { ok: false, error: 'database unavailable' } },
    ...extra,
  };
}

const chat: ChatCharge = (s, c, row, now) => {
  if (isExpired(row.expires_at, now)) {
    s.fail(c.res, 403, 'API key expired');
    return false;
  }
  if (row.used_quota >= row.total_quota) {
    s.fail(c.res, 429, 'Quota exceeded', { total_quota: row.total_quota, used_quota: row.used_quota });
    return false;
  }
  s.store.addUsage.run(s.localDay(new Date(now)), row.key, 1, now);
  s.store.v10AddUsed.run(1, row.key);
  s.store.v10Response.run(Date.now() - now, row.key);
  return true;
};

/** Upstream v10's proxy route: the key in x-api-key (or ?api_key=), looked up in the database. */
function gateway(s: ServerContext, c: Ctx): void {
  const header = c.req.headers['x-api-key'];
  const key = (typeof header === 'string' && header) || c.query.get('api_key') || '';
  if (!key) return s.fail(c.res, 401, 'Missing API key');
  const row = s.getKey(key);
  const now = Date.now();
  if (!row || isExpired(row.expires_at, now)) return s.fail(c.res, 403, 'Invalid or expired API key');
  if (row.used_quota >= row.total_quota) return s.fail(c.res, 429, 'Quota exceeded');
  s.store.addUsage.run(s.localDay(new Date(now)), key, 1, now);
  s.store.v10AddUsed.run(1, key);
  s.store.v10Response.run(0, key);
  const remainingQuota = row.total_quota - row.used_quota - 1;
  const data = { message: 'API request processed', responseTime: '0ms', remainingQuota };
  sendJson(c.res, 200, { success: true, data });
}

function createKey(s: ServerContext, c: Ctx): void {
  const label = labelOf(c.body.label);
  const q = c.body.totalQuota;
  const totalQuota = q === undefined || q === null ? 1000 : positiveInt(q, 'totalQuota');
  const expiresAt = expiresFromBody(c.body.expiresAt);
  const { key, id } = s.insertKey(label, Date.now(), null, totalQuota, expiresAt);
  sendJson(c.res, 200, { success: true, key, label, totalQuota, expiresAt, id });
}

function listKeys(s: ServerContext, c: Ctx): void {
  const limit = clampInt(c.query.get('limit'), 100, 1, 1000);
  const offset = clampInt(c.query.get('offset'), 0, 0, Number.MAX_SAFE_INTEGER);
  const activeOnly = c.query.get('activeOnly') === 'true';
  const now = Date.now();
  const nowIso = new Date(now).toISOString();
  const { store } = s;
  const page = activeOnly ? store.v10PageActive.all(nowIso, limit, offset) : store.v10Page.all(limit, offset);
  const total = activeOnly ? store.count(store.v10CountActive, nowIso) : store.count(store.countKeys);
  const keys = (page as unknown as V10Row[]).map((r) => ({
    id: r.id,
    key: r.key,
    label: r.label,
    total_quota: r.total_quota,
    used_quota: r.used_quota,
    created_at: sqlUtc(r.created_at),
    expires_at: r.expires_at,
    status: statusOf(r, now),
  }));
  const pagination = { total, limit, offset, hasMore: offset + keys.length < total };
  sendJson(c.res, 200, { success: true, keys, pagination });
}

function deleteKey(s: ServerContext, c: Ctx): void {
  const deleted = Number(s.store.deleteKey.run(c.param).changes);
  if (deleted === 0) return s.fail(c.res, 404, 'Key not found');
  sendJson(c.res, 200, { success: true, deleted, key: c.param, message: 'Key deleted' });
}

function updateKey(s: ServerContext, c: Ctx): void {
  const b = c.body;
  const hasLabel = 'label' in b;
  const hasExpires = 'expiresAt' in b;
  const hasQuota = 'totalQuota' in b && b.totalQuota !== undefined && b.totalQuota !== null;
  if (!hasLabel && !hasExpires && !hasQuota) {
    return s.fail(c.res, 400, 'No fields to update (label, expiresAt, totalQuota)');
  }
  const label = hasLabel ? labelOf(b.label) : null;
  const expiresAt = hasExpires ? expiresFromBody(b.expiresAt) : null;
  const totalQuota = hasQuota ? positiveInt(b.totalQuota, 'totalQuota') : 0;
  const flags = [hasLabel ? 1 : 0, hasExpires ? 1 : 0, hasQuota ? 1 : 0] as const;
  const r = s.store.v10Update.run(flags[0], label, flags[1], expiresAt, flags[2], totalQuota, c.param);
  if (r.changes === 0) return s.fail(c.res, 404, 'Key not found');
  const row = s.getKey(c.param)!;
  sendJson(c.res, 200, {
    success: true,
    updated: 1,
    key: row.key,
    label: row.label,
    totalQuota: row.total_quota,
    expiresAt: row.expires_at,
  });
}

function usage(s: ServerContext, c: Ctx): void {
  const key = c.query.get('key');
  const days = strictInt(c.query.get('days'), 7, 1, 36500, 'days');
  const page = strictInt(c.query.get('page'), 1, 1, Number.MAX_SAFE_INTEGER, 'page');
  const limit = strictInt(c.query.get('limit'), 50, 1, 100, 'limit');
  // Upstream: usage_log rows newer than now − N×24 h; emulated by day rows: the last N server days (today too).
  const since = s.localDayMinus(days);
  const offset = (page - 1) * limit;
  const { store } = s;
  const rows = key
    ? store.v10UsagePageKey.all(since, key, limit, offset)
    : store.v10UsagePage.all(since, limit, offset);
  const total = key ? store.count(store.v10UsageCountKey, key) : store.count(store.countKeys);
  const totalPages = Math.ceil(total / limit);
  const data = (rows as unknown as V10UsageRow[]).map((r) => ({
    key: r.key,
    label: r.label,
    total_quota: r.total_quota,
    used_quota: r.used_quota,
    created_at: sqlUtc(r.created_at),
    request_count: r.request_count,
    avg_response_time: r.response_count > 0 ? Math.round(r.response_ms / r.response_count) : null,
  }));
  sendJson(c.res, 200, {
    success: true,
    data,
    pagination: { page, limit, total, totalPages, hasNextPage: page < totalPages, hasPrevPage: page > 1 },
  });
}

function resetUsage(s: ServerContext, c: Ctx): void {
  const key = c.body.key;
  if (key !== undefined && key !== null && key !== '') {
    if (typeof key !== 'string') return s.fail(c.res, 400, 'key must be a string');
    if (s.store.v10ResetOne.run(key).changes === 0) return s.fail(c.res, 404, 'Key not found');
    return sendJson(c.res, 200, { success: true, reset: 1, key, message: 'Usage reset' });
  }
  const n = Number(s.store.v10ResetAll.run().changes);
  sendJson(c.res, 200, { success: true, reset: n, message: 'Usage reset for all keys' });
}

function stats(s: ServerContext, c: Ctx): void {
  const nowIso = new Date().toISOString();
  const { store } = s;
  const t = store.v10Totals.get() as { n: number; total_quota: number; used_quota: number; exhausted: number };
  sendJson(c.res, 200, {
    success: true,
    total_keys: t.n,
    active_keys: store.count(store.v10CountActive, nowIso),
    expired_keys: store.count(store.v10CountExpired, nowIso),
    exhausted_keys: t.exhausted,
    total_quota: t.total_quota,
    used_quota: t.used_quota,
    quota_usage_percent: t.total_quota > 0 ? Math.round((t.used_quota / t.total_quota) * 10000) / 100 : 0,
    requests_today: store.count(store.requestsOnDay, s.localDay()),
  });
}

export const v10: FlavorDef = {
  unauthorized: 'Invalid admin token',
  errorShape: 'string',
  adminTokenInQuery: true,
  // Upstream's /healthz and /status handlers never answer (a database wrapper drops their callback).
  defaultHealth: 'hang',
  defaultRateLimit: V10_RATE_LIMIT,
  perKeyDailyLimit: false,
  healthBody,
  healthNever5xx: true,
  chat,
  recordUsage: (s, key, n) => void s.store.v10AddUsed.run(n, key),
  routes: (s) => [
    {
      method: 'GET',
      path: '/status',
      public: true,
      handler: s.health(() => ({ service: 'quota-proxy', version: '1.0.0' })),
    },
    { method: 'POST', path: '/gateway', public: true, body: true, handler: (c) => gateway(s, c) },
    { method: 'POST', path: '/admin/keys', body: true, handler: (c) => createKey(s, c) },
    { method: 'GET', path: '/admin/keys', handler: (c) => listKeys(s, c) },
    { method: 'DELETE', path: KEY_PARAM_ROUTE, handler: (c) => deleteKey(s, c) },
    { method: 'PUT', path: KEY_PARAM_ROUTE, body: true, handler: (c) => updateKey(s, c) },
    { method: 'GET', path: '/admin/usage', handler: (c) => usage(s, c) },
    { method: 'POST', path: '/admin/reset-usage', body: true, handler: (c) => resetUsage(s, c) },
    { method: 'GET', path: '/admin/stats', handler: (c) => stats(s, c) },
  ],
};
