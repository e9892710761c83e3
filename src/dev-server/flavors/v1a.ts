/**
 * v1a (quota-proxy/server-sqlite-admin.js): per-key daily_limit, `success` envelopes, usage grouped
 * by key over the last N UTC days; no delete and no reset route.
 */
import { chargeAtDailyLimit } from '../chat.js';
import type { Body, Ctx, FlavorDef, ServerContext } from '../context.js';
import { plainHealthBody } from '../health.js';
import { sendJson } from '../http.js';
import { localDayMinus } from '../keys.js';
import { dailyLimitOf, labelOf, strictInt } from '../params.js';

function createKey(s: ServerContext, c: Ctx): void {
  const label = labelOf(c.body.label);
  const limit = dailyLimitOf(c.body.daily_limit, s.dailyLimit);
  const now = Date.now();
  const { key } = s.insertKey(label, now, limit, 1000, null);
  sendJson(c.res, 200, {
    success: true,
    key,
    label,
    daily_limit: limit,
    created_at: now,
    message: 'Trial key generated successfully',
  });
}

function listKeys(s: ServerContext, c: Ctx): void {
  const today = s.localDay();
  const query = c.query.get('active_only') === 'true' ? s.store.keysWithTodayActive : s.store.keysWithToday;
  const rows = query.all(today) as Array<{ daily_limit: number | null; today_requests: number; remaining?: number }>;
  for (const r of rows) r.remaining = Math.max(0, (r.daily_limit ?? s.dailyLimit) - r.today_requests);
  sendJson(c.res, 200, { success: true, keys: rows, count: rows.length });
}

interface UsageRow {
  key: string;
  label: string | null;
  created_at: number;
  daily_limit: number | null;
  is_active: number;
  day: string;
  requests: number;
  updated_at: number;
}

function usage(s: ServerContext, c: Ctx): void {
  const days = strictInt(c.query.get('days'), 7, 1, 36500, 'days');
  const key = c.query.get('key');
  const since = localDayMinus(days, new Date(), 'UTC'); // upstream: SQLite date('now', '-N days'), UTC
  const rows = (key ? s.store.usageSinceKey.all(since, key) : s.store.usageSince.all(since)) as unknown as UsageRow[];
  const byKey = new Map<string, Body & { usage: Body[] }>();
  let total = 0;
  for (const r of rows) {
    let e = byKey.get(r.key);
    if (!e) {
      const { label, created_at, daily_limit, is_active } = r;
      e = { key: r.key, label, created_at, daily_limit, is_active, usage: [] };
      byKey.set(r.key, e);
    }
    e.usage.push({ day: r.day, requests: r.requests, updated_at: r.updated_at });
    total += r.requests;
  }
  sendJson(c.res, 200, {
    success: true,
    summary: { total_requests_last_days: total, active_keys: s.store.count(s.store.countActive), days },
    usage: [...byKey.values()],
  });
}

export const v1a: FlavorDef = {
  unauthorized: 'Unauthorized: Admin token required',
  errorShape: 'string',
  adminTokenInQuery: false,
  defaultHealth: 'ok',
  perKeyDailyLimit: true,
  healthBody: plainHealthBody,
  chat: chargeAtDailyLimit((s, c, limit, used) =>
    s.fail(c.res, 429, 'Daily request limit exceeded', { limit, used, remaining: 0 }),
  ),
  routes: (s) => [
    { method: 'POST', path: '/admin/keys', body: true, handler: (c) => createKey(s, c) },
    { method: 'GET', path: '/admin/keys', handler: (c) => listKeys(s, c) },
    { method: 'GET', path: '/admin/usage', handler: (c) => usage(s, c) },
  ],
};
