/** v1 (quota-proxy/server-sqlite.js): server-wide daily limit, `{"error":{"message"}}` errors, /admin/healthz. */
import { chargeAtDailyLimit } from '../chat.js';
import { type Ctx, type FlavorDef, KEY_PARAM_ROUTE, type ServerContext } from '../context.js';
import { plainHealthBody } from '../health.js';
import { sendJson } from '../http.js';
import { isDay } from '../keys.js';
import { clampInt, labelOf } from '../params.js';

function createKey(s: ServerContext, c: Ctx): void {
  const label = labelOf(c.body.label); // daily_limit, count: ignored (server-wide DAILY_REQ_LIMIT)
  const now = Date.now();
  const { key } = s.insertKey(label, now, null, 1000, null);
  sendJson(c.res, 200, { key, label, created_at: now });
}

function deleteKey(s: ServerContext, c: Ctx): void {
  if (s.store.deleteKey.run(c.param).changes === 0) return s.fail(c.res, 404, 'key not found');
  sendJson(c.res, 200, { deleted: true });
}

function usage(s: ServerContext, c: Ctx): void {
  const limit = clampInt(c.query.get('limit'), 50, 1, 1000);
  const offset = clampInt(c.query.get('offset'), 0, 0, Number.MAX_SAFE_INTEGER);
  const items = s.store.usagePage.all(limit, offset);
  const total = s.store.count(s.store.usageCount);
  sendJson(c.res, 200, { items, total, limit, offset, has_more: offset + items.length < total });
}

function reset(s: ServerContext, c: Ctx): void {
  const { day, trial_key } = c.body;
  if (typeof trial_key !== 'string' || trial_key === '' || day === undefined || day === null || day === '') {
    return s.fail(c.res, 400, 'day and trial_key are required');
  }
  if (!isDay(day)) return s.fail(c.res, 400, 'day must be YYYY-MM-DD');
  // As upstream: the row stays, at 0 requests, updated now; no row → 404.
  if (s.store.zeroUsage.run(Date.now(), day, trial_key).changes === 0) {
    return s.fail(c.res, 404, 'Usage record not found');
  }
  sendJson(c.res, 200, { reset: true, day, trial_key });
}

function adminHealth(s: ServerContext, c: Ctx): void {
  sendJson(c.res, 200, {
    ok: true,
    service: 'quota-proxy-admin',
    ts: Date.now(),
    uptime_s: Math.floor((Date.now() - s.startedAt) / 1000),
  });
}

export const v1: FlavorDef = {
  unauthorized: 'admin auth required',
  errorShape: 'object',
  adminTokenInQuery: false,
  defaultHealth: 'ok',
  perKeyDailyLimit: false,
  healthBody: plainHealthBody,
  chat: chargeAtDailyLimit((s, c, limit) =>
    s.fail(c.res, 429, `Daily limit exceeded (${limit} requests). Reset at midnight UTC.`),
  ),
  routes: (s) => [
    {
      method: 'GET',
      path: '/healthz/db',
      public: true,
      handler: s.health(() => ({ db: 'sqlite', keys: s.store.count(s.store.countKeys) })),
    },
    { method: 'GET', path: '/admin/healthz', handler: (c) => adminHealth(s, c) },
    { method: 'POST', path: '/admin/keys', body: true, handler: (c) => createKey(s, c) },
    { method: 'GET', path: '/admin/keys', handler: (c) => sendJson(c.res, 200, { keys: s.store.keysNewest.all() }) },
    { method: 'DELETE', path: KEY_PARAM_ROUTE, handler: (c) => deleteKey(s, c) },
    { method: 'GET', path: '/admin/usage', handler: (c) => usage(s, c) },
    { method: 'POST', path: '/admin/usage/reset', body: true, handler: (c) => reset(s, c) },
  ],
};
