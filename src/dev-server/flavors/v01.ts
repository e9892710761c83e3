/**
 * v01 (quota-proxy/server.js, JSON-file mode): batches of up to 100 keys under one label, counts a
 * chat request before refusing it, resets one key's day to 0 through the query string.
 */
import { usedOn } from '../chat.js';
import { type ChatCharge, type Ctx, type FlavorDef, KEY_PARAM_ROUTE, type ServerContext } from '../context.js';
import { plainHealthBody } from '../health.js';
import { sendJson } from '../http.js';
import { isDay } from '../keys.js';
import { clampInt } from '../params.js';

// As upstream's server.js: `count` clamped to 1..100 (`Number(count || 1)`; not a number makes
// no key at all), `label` stringified and the **same for every key** of the request (there is
// no per-key label), `prefix` starts each key.
function createKey(s: ServerContext, c: Ctx): void {
  const b = c.body;
  const count = Math.min(100, Math.max(1, Number(b.count || 1)));
  const label: string | null = b.label ? String(b.label) || null : null;
  const prefix = (b.prefix ? String(b.prefix) : '') || 'trial_';
  const now = Date.now();
  const created = s.store.tx(() => {
    const out: Array<{ key: string; label: string | null; created_at: number }> = [];
    for (let i = 0; i < count; i++) {
      const key = s.insertKey(label, now, null, 1000, null, prefix).key;
      out.push({ key, label, created_at: now });
    }
    return out;
  });
  if (count === 1) return sendJson(c.res, 200, { key: created[0]!.key, label, created_at: now });
  const n = Number.isNaN(count) ? null : count;
  sendJson(c.res, 200, { count: n, keys: created, summary: { total: n, label, prefix, created_at: now } });
}

function listKeys(s: ServerContext, c: Ctx): void {
  const keys = s.store.keysOldest.all(); // a JSON file keeps insertion order
  sendJson(c.res, 200, { count: keys.length, keys, mode: 'file' });
}

function deleteKey(s: ServerContext, c: Ctx): void {
  const deleted = s.store.deleteKey.run(c.param).changes > 0;
  sendJson(c.res, 200, { deleted, key: c.param });
}

function usage(s: ServerContext, c: Ctx): void {
  const day = c.query.get('day');
  const key = c.query.get('key');
  if (day !== null && day !== '') {
    if (!isDay(day)) return s.fail(c.res, 400, 'day must be YYYY-MM-DD');
    const items = key ? s.store.usageDayKey.all(day, key) : s.store.usageDay.all(day);
    return sendJson(c.res, 200, { day, mode: 'file', items });
  }
  const limit = clampInt(c.query.get('limit'), 100, 1, 500);
  const items = key ? s.store.usageRecentKey.all(key, limit) : s.store.usageRecent.all(limit);
  sendJson(c.res, 200, { mode: 'file', limit, items });
}

function reset(s: ServerContext, c: Ctx): void {
  const key = c.query.get('key');
  if (!key) return s.fail(c.res, 400, 'key is required (query string: ?key=...)');
  const qd = c.query.get('day');
  const day = qd === null || qd === '' ? s.localDay() : qd;
  if (!isDay(day)) return s.fail(c.res, 400, 'day must be YYYY-MM-DD');
  s.store.setUsageZero.run(day, key, Date.now()); // as upstream: a row at 0, made if missing
  sendJson(c.res, 200, { reset: true, key, day });
}

/** As upstream: v01 counts the request first and refuses past the limit (refusals count). */
const chat: ChatCharge = (s, c, row, now) => {
  if (!row.is_active) {
    s.fail(c.res, 403, 'Trial key is inactive');
    return false;
  }
  const day = s.localDay(new Date(now));
  const limit = row.daily_limit ?? s.dailyLimit;
  const used = usedOn(s, day, row.key);
  s.store.addUsage.run(day, row.key, 1, now);
  if (used + 1 > limit) {
    s.fail(c.res, 429, `Trial quota exceeded (daily requests>${limit}).`);
    return false;
  }
  return true;
};

export const v01: FlavorDef = {
  unauthorized: 'admin auth required',
  errorShape: 'object',
  adminTokenInQuery: false,
  defaultHealth: 'ok',
  perKeyDailyLimit: false,
  healthBody: plainHealthBody,
  chat,
  routes: (s) => [
    { method: 'POST', path: '/admin/keys', body: true, handler: (c) => createKey(s, c) },
    { method: 'GET', path: '/admin/keys', handler: (c) => listKeys(s, c) },
    { method: 'DELETE', path: KEY_PARAM_ROUTE, handler: (c) => deleteKey(s, c) },
    { method: 'GET', path: '/admin/usage', handler: (c) => usage(s, c) },
    { method: 'POST', path: '/admin/usage/reset', body: true, handler: (c) => reset(s, c) },
  ],
};
