/** v1p (quota-proxy/server-pg.js): per-key daily_limit, a bare array of keys, reset of a whole day. */
import { chargeAtDailyLimit } from '../chat.js';
import { type Ctx, type FlavorDef, KEY_PARAM_ROUTE, type ServerContext } from '../context.js';
import { plainHealthBody } from '../health.js';
import { sendJson } from '../http.js';
import { isDay } from '../keys.js';
import { dailyLimitOf, labelOf } from '../params.js';

function createKey(s: ServerContext, c: Ctx): void {
  const label = labelOf(c.body.label);
  const limit = dailyLimitOf(c.body.daily_limit, s.dailyLimit);
  const now = Date.now();
  const { key } = s.insertKey(label, now, limit, 1000, null);
  sendJson(c.res, 200, { key, label, created_at: now, daily_limit: limit });
}

function deleteKey(s: ServerContext, c: Ctx): void {
  if (s.store.deleteKey.run(c.param).changes === 0) return s.fail(c.res, 404, 'key not found');
  sendJson(c.res, 200, { ok: true });
}

function usage(s: ServerContext, c: Ctx): void {
  const q = c.query.get('day');
  const day = q === null || q === '' ? s.localDay() : q;
  if (!isDay(day)) return s.fail(c.res, 400, 'day must be YYYY-MM-DD');
  const keys = s.store.usageDayAllKeys.all(day) as Array<{ requests: number }>;
  let total = 0;
  for (const k of keys) total += k.requests;
  sendJson(c.res, 200, { day, total_keys: keys.length, total_requests: total, keys });
}

function reset(s: ServerContext, c: Ctx): void {
  // Resets EVERY key's usage for the day; any key/trial_key field is ignored, as upstream.
  const d = c.body.day;
  const day = d === undefined || d === null || d === '' ? s.localDay() : d;
  if (!isDay(day)) return s.fail(c.res, 400, 'day must be YYYY-MM-DD');
  const deleted = Number(s.store.deleteUsageDay.run(day).changes);
  sendJson(c.res, 200, { ok: true, day, deleted });
}

export const v1p: FlavorDef = {
  unauthorized: 'Admin token required',
  errorShape: 'string',
  adminTokenInQuery: false,
  defaultHealth: 'ok',
  perKeyDailyLimit: true,
  healthBody: plainHealthBody,
  chat: chargeAtDailyLimit((s, c) => s.fail(c.res, 429, 'Daily quota exceeded')),
  routes: (s) => [
    { method: 'POST', path: '/admin/keys', body: true, handler: (c) => createKey(s, c) },
    { method: 'GET', path: '/admin/keys', handler: (c) => sendJson(c.res, 200, s.store.keysFullNewest.all()) },
    { method: 'DELETE', path: KEY_PARAM_ROUTE, handler: (c) => deleteKey(s, c) },
    { method: 'GET', path: '/admin/usage', handler: (c) => usage(s, c) },
    { method: 'POST', path: '/admin/usage/reset', body: true, handler: (c) => reset(s, c) },
  ],
};
