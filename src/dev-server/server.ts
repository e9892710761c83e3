/**
 * The quota-proxy dev server: one node:http server emulating one of the five flavors
 * (v1, v01, v1p, v1a, v10) described in the shared quota-proxy API notes, on SQLite.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { MAX_BODY, readBody, sendExpress404, sendJson } from './http.js';
import { isDay, localDay as dayIn, localDayMinus as dayMinusIn, newKey, parseIso, sqlUtc } from './keys.js';
import { Store, type KeyRow } from './store.js';
import { FLAVORS, HEALTH_MODES, type DevServer, type DevServerOptions, type Flavor, type HealthMode } from './types.js';

type Body = Record<string, unknown>;

interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  query: URLSearchParams;
  body: Body;
  /** The URL-decoded `:key` path parameter ('' when the route has none). */
  param: string;
}

interface Route {
  /** Requires the admin token. */
  admin: boolean;
  /** Reads (and JSON-parses) the request body first. */
  body: boolean;
  handler: (c: Ctx) => void;
}

/** Each flavor's 401 reason, word for word as upstream. */
const UNAUTHORIZED: Record<Flavor, string> = {
  v1: 'admin auth required',
  v01: 'admin auth required',
  v1p: 'Admin token required',
  v1a: 'Unauthorized: Admin token required',
  v10: 'Invalid admin token',
};

/** A validation failure: answered 400 with the flavor's error shape. */
class BadRequest extends Error {}

/** v10's upstream admin rate limit (middleware/rate-limit.js): 30 requests per 15 minutes per IP. */
export const V10_RATE_LIMIT = Object.freeze({ max: 30, windowSeconds: 900 });

const EMPTY_BODY: Body = Object.freeze({}) as Body;
const EMPTY_QUERY = new URLSearchParams();
const KEYS_PREFIX = '/admin/keys/';

function labelOf(v: unknown): string | null {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v !== 'string') throw new BadRequest('label must be a string');
  return v;
}

/** A positive integer from a JSON number or a numeric string. */
function positiveInt(v: unknown, name: string): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new BadRequest(`${name} must be a positive integer`);
  return n;
}

/** Query integer clamped into [min, max]; missing or unparsable → def (Express-style `parseInt(x) || def`). */
function clampInt(s: string | null, def: number, min: number, max: number): number {
  if (s === null || s === '') return def;
  const n = Number.parseInt(s, 10);
  if (Number.isNaN(n)) return def;
  return n < min ? min : n > max ? max : n;
}

/** Query integer that must lie in [min, max]; missing → def; otherwise 400. */
function strictInt(s: string | null, def: number, min: number, max: number, name: string): number {
  if (s === null || s === '') return def;
  const n = /^\d+$/.test(s) ? Number(s) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new BadRequest(`${name} must be an integer between ${min} and ${max}`);
  return n;
}

function normaliseBasePath(p: string | undefined): string {
  if (!p || p === '/') return '';
  let s = p.startsWith('/') ? p : '/' + p;
  while (s.length > 1 && s.endsWith('/')) s = s.slice(0, -1);
  return s;
}

function isUniqueViolation(e: unknown): boolean {
  return e instanceof Error && /UNIQUE constraint failed/.test(e.message);
}

export async function startDevServer(opts: DevServerOptions = {}): Promise<DevServer> {
  const flavor: Flavor = opts.flavor ?? 'v1';
  if (!FLAVORS.includes(flavor)) throw new Error(`unknown flavor ${String(flavor)}; expected one of ${FLAVORS.join(', ')}`);
  const dailyLimit = opts.dailyLimit ?? 200;
  if (!Number.isSafeInteger(dailyLimit) || dailyLimit < 1) throw new Error('dailyLimit must be a positive integer');
  // v10's upstream defaults: /healthz and /status never answer; /admin allows 30 requests per 15 minutes.
  let healthMode: HealthMode = opts.health ?? (flavor === 'v10' ? 'hang' : 'ok');
  if (!HEALTH_MODES.includes(healthMode)) throw new Error(`unknown health mode ${String(healthMode)}`);
  const rate = opts.rateLimit === undefined ? (flavor === 'v10' ? V10_RATE_LIMIT : undefined) : opts.rateLimit || undefined;
  if (rate && (!Number.isSafeInteger(rate.max) || rate.max < 1 || !(rate.windowSeconds > 0))) {
    throw new Error('rateLimit needs max >= 1 and windowSeconds > 0');
  }
  const timeZone = opts.timeZone || undefined;
  if (timeZone) {
    try {
      dayIn(new Date(), timeZone);
    } catch {
      throw new Error(`unknown time zone ${timeZone}; expected an IANA name such as UTC or Asia/Shanghai`);
    }
  }
  /** The server-local day, as upstream computes it (getFullYear/getMonth/getDate in its zone). */
  const localDay = (d: Date = new Date()): string => dayIn(d, timeZone);
  const localDayMinus = (days: number): string => dayMinusIn(days, new Date(), timeZone);
  const port = opts.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port ${port}`);
  const basePath = normaliseBasePath(opts.basePath);
  const token = opts.token ?? randomBytes(16).toString('hex');
  if (token === '') throw new Error('token must not be empty');

  const store = new Store(opts.db ?? ':memory:', opts.sync ?? false);
  const requests: Array<{ method: string; path: string }> = [];
  const startedAt = Date.now();
  const jsonErrorObject = flavor === 'v1' || flavor === 'v01';
  const perKeyLimit = flavor === 'v1p' || flavor === 'v1a';

  /** The flavor's error body: `{"error":{"message"}}` (v1, v01) or `{"error":"..."}` (v1p, v1a, v10). */
  const errBody = (message: string, extra?: Body): Body =>
    jsonErrorObject ? { error: { message, ...extra } } : { error: message, ...extra };
  const fail = (res: ServerResponse, status: number, message: string, extra?: Body): void =>
    sendJson(res, status, errBody(message, extra));

  // ---------------------------------------------------------------- keys
  function insertKey(label: string | null, createdAt: number, limit: number | null, totalQuota: number, expiresAt: string | null, prefix?: string): { key: string; id: number } {
    for (let attempt = 0; ; attempt++) {
      const key = prefix === undefined ? newKey(flavor, createdAt) : prefix + newKey(flavor, createdAt).slice('trial_'.length);
      try {
        const r = store.insertKey.run(key, label, createdAt, limit, totalQuota, expiresAt);
        return { key, id: Number(r.lastInsertRowid) };
      } catch (e) {
        if (!isUniqueViolation(e) || attempt >= 10) throw e;
      }
    }
  }

  const getKey = (key: string): KeyRow | undefined => store.getKey.get(key) as KeyRow | undefined;

  // ---------------------------------------------------------------- health
  function healthBody(ok: boolean, extra?: Body): Body {
    if (flavor === 'v10') {
      return {
        ok,
        status: ok ? 'healthy' : 'unhealthy',
        timestamp: new Date().toISOString(),
        uptime: Math.floor((Date.now() - startedAt) / 1000),
        checks: { database: ok ? { ok: true } : { ok: false, error: 'database unavailable' } },
        ...extra,
      };
    }
    return ok ? { ok: true, ...extra } : { ok: false, error: 'database unavailable' };
  }

  function health(extra?: () => Body): (c: Ctx) => void {
    return (c) => {
      const mode = healthMode;
      if (mode === 'hang') return; // never answers; close() destroys the socket
      const ok = mode === 'ok';
      // v10 never answers 5xx on health: the verdict is the body's `ok`.
      const status = mode === 'error500' && flavor !== 'v10' ? 500 : 200;
      sendJson(c.res, status, healthBody(ok, ok && extra ? extra() : undefined));
    };
  }

  // ---------------------------------------------------------------- /v1/chat/completions
  function trialKeyOf(req: IncomingMessage): string | undefined {
    const auth = req.headers.authorization;
    if (auth && auth.length > 7 && auth.slice(0, 7).toLowerCase() === 'bearer ') return auth.slice(7).trim();
    const x = req.headers['x-trial-key'];
    return typeof x === 'string' && x.trim() ? x.trim() : undefined;
  }

  function chatCompletions(c: Ctx): void {
    const key = trialKeyOf(c.req);
    if (!key) return fail(c.res, 401, 'Missing trial key in Authorization header');
    const row = getKey(key);
    if (!row) return fail(c.res, 401, 'Invalid trial key');
    const now = Date.now();
    const day = localDay(new Date(now));
    if (flavor === 'v10') {
      if (row.expires_at !== null && Date.parse(row.expires_at) <= now) return fail(c.res, 403, 'API key expired');
      if (row.used_quota >= row.total_quota) {
        return fail(c.res, 429, 'Quota exceeded', { total_quota: row.total_quota, used_quota: row.used_quota });
      }
    } else {
      if (!row.is_active) return fail(c.res, 403, 'Trial key is inactive');
      const limit = row.daily_limit ?? dailyLimit;
      const used = (store.getUsage.get(day, key) as { requests: number } | undefined)?.requests ?? 0;
      // As upstream: v01 counts the request first and refuses past the limit (refusals count);
      // the others refuse at the limit without counting, so a refused key's count sits at its limit.
      if (flavor === 'v01') {
        store.addUsage.run(day, key, 1, now);
        if (used + 1 > limit) return fail(c.res, 429, `Trial quota exceeded (daily requests>${limit}).`);
      } else if (used >= limit) {
        if (flavor === 'v1') return fail(c.res, 429, `Daily limit exceeded (${limit} requests). Reset at midnight UTC.`);
        if (flavor === 'v1p') return fail(c.res, 429, 'Daily quota exceeded');
        return fail(c.res, 429, 'Daily request limit exceeded', { limit, used, remaining: 0 });
      }
    }
    if (flavor !== 'v01') store.addUsage.run(day, key, 1, now);
    if (flavor === 'v10') {
      store.v10AddUsed.run(1, key);
      store.v10Response.run(Date.now() - now, key);
    }
    const model = typeof c.body.model === 'string' ? c.body.model : 'dev-model';
    sendJson(c.res, 200, {
      id: 'chatcmpl-dev-' + now,
      object: 'chat.completion',
      created: Math.floor(now / 1000),
      model,
      choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    });
  }

  // ---------------------------------------------------------------- v1
  const v1 = {
    createKey(c: Ctx): void {
      const label = labelOf(c.body.label); // daily_limit, count: ignored (server-wide DAILY_REQ_LIMIT)
      const now = Date.now();
      const { key } = insertKey(label, now, null, 1000, null);
      sendJson(c.res, 200, { key, label, created_at: now });
    },
    listKeys(c: Ctx): void {
      sendJson(c.res, 200, { keys: store.keysNewest.all() });
    },
    deleteKey(c: Ctx): void {
      if (store.deleteKey.run(c.param).changes === 0) return fail(c.res, 404, 'key not found');
      sendJson(c.res, 200, { deleted: true });
    },
    usage(c: Ctx): void {
      const limit = clampInt(c.query.get('limit'), 50, 1, 1000);
      const offset = clampInt(c.query.get('offset'), 0, 0, Number.MAX_SAFE_INTEGER);
      const items = store.usagePage.all(limit, offset);
      const total = store.count(store.usageCount);
      sendJson(c.res, 200, { items, total, limit, offset, has_more: offset + items.length < total });
    },
    reset(c: Ctx): void {
      const { day, trial_key } = c.body;
      if (typeof trial_key !== 'string' || trial_key === '' || day === undefined || day === null || day === '') {
        return fail(c.res, 400, 'day and trial_key are required');
      }
      if (!isDay(day)) return fail(c.res, 400, 'day must be YYYY-MM-DD');
      // As upstream: the row stays, at 0 requests, updated now; no row → 404.
      if (store.zeroUsage.run(Date.now(), day, trial_key).changes === 0) return fail(c.res, 404, 'Usage record not found');
      sendJson(c.res, 200, { reset: true, day, trial_key });
    },
    adminHealth(c: Ctx): void {
      sendJson(c.res, 200, {
        ok: true,
        service: 'quota-proxy-admin',
        ts: Date.now(),
        uptime_s: Math.floor((Date.now() - startedAt) / 1000),
      });
    },
  };

  // ---------------------------------------------------------------- v01
  const v01 = {
    // As upstream's server.js: `count` clamped to 1..100 (`Number(count || 1)`; not a number makes
    // no key at all), `label` stringified and the **same for every key** of the request (there is
    // no per-key label), `prefix` starts each key.
    createKey(c: Ctx): void {
      const b = c.body;
      const count = Math.min(100, Math.max(1, Number(b.count || 1)));
      const label: string | null = b.label ? String(b.label) || null : null;
      const prefix = (b.prefix ? String(b.prefix) : '') || 'trial_';
      const now = Date.now();
      const created = store.tx(() => {
        const out: Array<{ key: string; label: string | null; created_at: number }> = [];
        for (let i = 0; i < count; i++) {
          const key = insertKey(label, now, null, 1000, null, prefix).key;
          out.push({ key, label, created_at: now });
        }
        return out;
      });
      if (count === 1) return sendJson(c.res, 200, { key: created[0]!.key, label, created_at: now });
      sendJson(c.res, 200, { count: Number.isNaN(count) ? null : count, keys: created, summary: { total: Number.isNaN(count) ? null : count, label, prefix, created_at: now } });
    },
    listKeys(c: Ctx): void {
      const keys = store.keysOldest.all(); // a JSON file keeps insertion order
      sendJson(c.res, 200, { count: keys.length, keys, mode: 'file' });
    },
    deleteKey(c: Ctx): void {
      const deleted = store.deleteKey.run(c.param).changes > 0;
      sendJson(c.res, 200, { deleted, key: c.param });
    },
    usage(c: Ctx): void {
      const day = c.query.get('day');
      const key = c.query.get('key');
      if (day !== null && day !== '') {
        if (!isDay(day)) return fail(c.res, 400, 'day must be YYYY-MM-DD');
        const items = key ? store.usageDayKey.all(day, key) : store.usageDay.all(day);
        return sendJson(c.res, 200, { day, mode: 'file', items });
      }
      const limit = clampInt(c.query.get('limit'), 100, 1, 500);
      const items = key ? store.usageRecentKey.all(key, limit) : store.usageRecent.all(limit);
      sendJson(c.res, 200, { mode: 'file', limit, items });
    },
    reset(c: Ctx): void {
      const key = c.query.get('key');
      if (!key) return fail(c.res, 400, 'key is required (query string: ?key=...)');
      const qd = c.query.get('day');
      const day = qd === null || qd === '' ? localDay() : qd;
      if (!isDay(day)) return fail(c.res, 400, 'day must be YYYY-MM-DD');
      store.setUsageZero.run(day, key, Date.now()); // as upstream: a row at 0, made if missing
      sendJson(c.res, 200, { reset: true, key, day });
    },
  };

  // ---------------------------------------------------------------- v1p / v1a
  const limitFromBody = (v: unknown): number => (v === undefined || v === null || v === '' ? dailyLimit : positiveInt(v, 'daily_limit'));

  const v1p = {
    createKey(c: Ctx): void {
      const label = labelOf(c.body.label);
      const limit = limitFromBody(c.body.daily_limit);
      const now = Date.now();
      const { key } = insertKey(label, now, limit, 1000, null);
      sendJson(c.res, 200, { key, label, created_at: now, daily_limit: limit });
    },
    listKeys(c: Ctx): void {
      sendJson(c.res, 200, store.keysFullNewest.all());
    },
    deleteKey(c: Ctx): void {
      if (store.deleteKey.run(c.param).changes === 0) return fail(c.res, 404, 'key not found');
      sendJson(c.res, 200, { ok: true });
    },
    usage(c: Ctx): void {
      const q = c.query.get('day');
      const day = q === null || q === '' ? localDay() : q;
      if (!isDay(day)) return fail(c.res, 400, 'day must be YYYY-MM-DD');
      const keys = store.usageDayAllKeys.all(day) as Array<{ requests: number }>;
      let total = 0;
      for (const k of keys) total += k.requests;
      sendJson(c.res, 200, { day, total_keys: keys.length, total_requests: total, keys });
    },
    reset(c: Ctx): void {
      // Resets EVERY key's usage for the day; any key/trial_key field is ignored, as upstream.
      const d = c.body.day;
      const day = d === undefined || d === null || d === '' ? localDay() : d;
      if (!isDay(day)) return fail(c.res, 400, 'day must be YYYY-MM-DD');
      const deleted = Number(store.deleteUsageDay.run(day).changes);
      sendJson(c.res, 200, { ok: true, day, deleted });
    },
  };

  const v1a = {
    createKey(c: Ctx): void {
      const label = labelOf(c.body.label);
      const limit = limitFromBody(c.body.daily_limit);
      const now = Date.now();
      const { key } = insertKey(label, now, limit, 1000, null);
      sendJson(c.res, 200, {
        success: true,
        key,
        label,
        daily_limit: limit,
        created_at: now,
        message: 'Trial key generated successfully',
      });
    },
    listKeys(c: Ctx): void {
      const today = localDay();
      const rows = (c.query.get('active_only') === 'true' ? store.keysWithTodayActive : store.keysWithToday).all(today) as Array<{
        daily_limit: number | null;
        today_requests: number;
        remaining?: number;
      }>;
      for (const r of rows) r.remaining = Math.max(0, (r.daily_limit ?? dailyLimit) - r.today_requests);
      sendJson(c.res, 200, { success: true, keys: rows, count: rows.length });
    },
    usage(c: Ctx): void {
      const days = strictInt(c.query.get('days'), 7, 1, 36500, 'days');
      const key = c.query.get('key');
      const since = dayMinusIn(days, new Date(), 'UTC'); // upstream: SQLite date('now', '-N days'), UTC
      const rows = (key ? store.usageSinceKey.all(since, key) : store.usageSince.all(since)) as Array<{
        key: string;
        label: string | null;
        created_at: number;
        daily_limit: number | null;
        is_active: number;
        day: string;
        requests: number;
        updated_at: number;
      }>;
      const byKey = new Map<string, Body & { usage: Body[] }>();
      let total = 0;
      for (const r of rows) {
        let e = byKey.get(r.key);
        if (!e) {
          e = { key: r.key, label: r.label, created_at: r.created_at, daily_limit: r.daily_limit, is_active: r.is_active, usage: [] };
          byKey.set(r.key, e);
        }
        e.usage.push({ day: r.day, requests: r.requests, updated_at: r.updated_at });
        total += r.requests;
      }
      sendJson(c.res, 200, {
        success: true,
        summary: { total_requests_last_days: total, active_keys: store.count(store.countActive), days },
        usage: [...byKey.values()],
      });
    },
  };

  // ---------------------------------------------------------------- v10
  interface V10Row {
    id: number;
    key: string;
    label: string | null;
    total_quota: number;
    used_quota: number;
    created_at: number;
    expires_at: string | null;
  }
  const v10Status = (r: V10Row, now: number): string =>
    r.expires_at !== null && Date.parse(r.expires_at) <= now ? 'expired' : r.used_quota >= r.total_quota ? 'exhausted' : 'active';
  const expiresFromBody = (v: unknown): string | null => {
    if (v === undefined || v === null || v === '') return null;
    const iso = parseIso(v);
    if (iso === undefined) throw new BadRequest('Invalid expiresAt: expected an ISO 8601 date');
    return iso;
  };

  const v10 = {
    /** Upstream v10's proxy route: the key in x-api-key (or ?api_key=), looked up in the database. */
    gateway(c: Ctx): void {
      const header = c.req.headers['x-api-key'];
      const key = (typeof header === 'string' && header) || c.query.get('api_key') || '';
      if (!key) return fail(c.res, 401, 'Missing API key');
      const row = getKey(key);
      const now = Date.now();
      if (!row || (row.expires_at !== null && Date.parse(row.expires_at) <= now)) return fail(c.res, 403, 'Invalid or expired API key');
      if (row.used_quota >= row.total_quota) return fail(c.res, 429, 'Quota exceeded');
      store.addUsage.run(localDay(new Date(now)), key, 1, now);
      store.v10AddUsed.run(1, key);
      store.v10Response.run(0, key);
      sendJson(c.res, 200, { success: true, data: { message: 'API request processed', responseTime: '0ms', remainingQuota: row.total_quota - row.used_quota - 1 } });
    },
    createKey(c: Ctx): void {
      const label = labelOf(c.body.label);
      const q = c.body.totalQuota;
      const totalQuota = q === undefined || q === null ? 1000 : positiveInt(q, 'totalQuota');
      const expiresAt = expiresFromBody(c.body.expiresAt);
      const { key, id } = insertKey(label, Date.now(), null, totalQuota, expiresAt);
      sendJson(c.res, 200, { success: true, key, label, totalQuota, expiresAt, id });
    },
    listKeys(c: Ctx): void {
      const limit = clampInt(c.query.get('limit'), 100, 1, 1000);
      const offset = clampInt(c.query.get('offset'), 0, 0, Number.MAX_SAFE_INTEGER);
      const activeOnly = c.query.get('activeOnly') === 'true';
      const now = Date.now();
      const nowIso = new Date(now).toISOString();
      const rows = (activeOnly ? store.v10PageActive.all(nowIso, limit, offset) : store.v10Page.all(limit, offset)) as unknown as V10Row[];
      const total = activeOnly ? store.count(store.v10CountActive, nowIso) : store.count(store.countKeys);
      const keys = rows.map((r) => ({
        id: r.id,
        key: r.key,
        label: r.label,
        total_quota: r.total_quota,
        used_quota: r.used_quota,
        created_at: sqlUtc(r.created_at),
        expires_at: r.expires_at,
        status: v10Status(r, now),
      }));
      sendJson(c.res, 200, { success: true, keys, pagination: { total, limit, offset, hasMore: offset + keys.length < total } });
    },
    deleteKey(c: Ctx): void {
      const deleted = Number(store.deleteKey.run(c.param).changes);
      if (deleted === 0) return fail(c.res, 404, 'Key not found');
      sendJson(c.res, 200, { success: true, deleted, key: c.param, message: 'Key deleted' });
    },
    updateKey(c: Ctx): void {
      const b = c.body;
      const hasLabel = 'label' in b;
      const hasExpires = 'expiresAt' in b;
      const hasQuota = 'totalQuota' in b && b.totalQuota !== undefined && b.totalQuota !== null;
      if (!hasLabel && !hasExpires && !hasQuota) return fail(c.res, 400, 'No fields to update (label, expiresAt, totalQuota)');
      const label = hasLabel ? labelOf(b.label) : null;
      const expiresAt = hasExpires ? expiresFromBody(b.expiresAt) : null;
      const totalQuota = hasQuota ? positiveInt(b.totalQuota, 'totalQuota') : 0;
      const r = store.v10Update.run(hasLabel ? 1 : 0, label, hasExpires ? 1 : 0, expiresAt, hasQuota ? 1 : 0, totalQuota, c.param);
      if (r.changes === 0) return fail(c.res, 404, 'Key not found');
      const row = getKey(c.param)!;
      sendJson(c.res, 200, {
        success: true,
        updated: 1,
        key: row.key,
        label: row.label,
        totalQuota: row.total_quota,
        expiresAt: row.expires_at,
      });
    },
    usage(c: Ctx): void {
      const key = c.query.get('key');
      const days = strictInt(c.query.get('days'), 7, 1, 36500, 'days');
      const page = strictInt(c.query.get('page'), 1, 1, Number.MAX_SAFE_INTEGER, 'page');
      const limit = strictInt(c.query.get('limit'), 50, 1, 100, 'limit');
      const since = localDayMinus(days);
      const offset = (page - 1) * limit;
      const rows = (key ? store.v10UsagePageKey.all(since, key, limit, offset) : store.v10UsagePage.all(since, limit, offset)) as Array<{
        key: string;
        label: string | null;
        total_quota: number;
        used_quota: number;
        created_at: number;
        response_count: number;
        response_ms: number;
        request_count: number;
      }>;
      const total = key ? store.count(store.v10UsageCountKey, key) : store.count(store.countKeys);
      const totalPages = Math.ceil(total / limit);
      const data = rows.map((r) => ({
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
    },
    resetUsage(c: Ctx): void {
      const key = c.body.key;
      if (key !== undefined && key !== null && key !== '') {
        if (typeof key !== 'string') return fail(c.res, 400, 'key must be a string');
        if (store.v10ResetOne.run(key).changes === 0) return fail(c.res, 404, 'Key not found');
        return sendJson(c.res, 200, { success: true, reset: 1, key, message: 'Usage reset' });
      }
      const n = Number(store.v10ResetAll.run().changes);
      sendJson(c.res, 200, { success: true, reset: n, message: 'Usage reset for all keys' });
    },
    stats(c: Ctx): void {
      const nowIso = new Date().toISOString();
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
        requests_today: store.count(store.requestsOnDay, localDay()),
      });
    },
  };

  // ---------------------------------------------------------------- routing table
  const staticRoutes = new Map<string, Route>();
  const paramRoutes = new Map<string, Route>(); // method → route for /admin/keys/:key
  const add = (method: string, path: string, handler: (c: Ctx) => void, admin = true, body = false): void => {
    staticRoutes.set(method + ' ' + path, { admin, body, handler });
  };
  const addParam = (method: string, handler: (c: Ctx) => void, body = false): void => {
    paramRoutes.set(method, { admin: true, body, handler });
  };

  add('GET', '/healthz', health(), false);
  add('POST', '/v1/chat/completions', chatCompletions, false, true);
  switch (flavor) {
    case 'v1':
      add('GET', '/healthz/db', health(() => ({ db: 'sqlite', keys: store.count(store.countKeys) })), false);
      add('GET', '/admin/healthz', v1.adminHealth);
      add('POST', '/admin/keys', v1.createKey, true, true);
      add('GET', '/admin/keys', v1.listKeys);
      addParam('DELETE', v1.deleteKey);
      add('GET', '/admin/usage', v1.usage);
      add('POST', '/admin/usage/reset', v1.reset, true, true);
      break;
    case 'v01':
      add('POST', '/admin/keys', v01.createKey, true, true);
      add('GET', '/admin/keys', v01.listKeys);
      addParam('DELETE', v01.deleteKey);
      add('GET', '/admin/usage', v01.usage);
      add('POST', '/admin/usage/reset', v01.reset, true, true);
      break;
    case 'v1p':
      add('POST', '/admin/keys', v1p.createKey, true, true);
      add('GET', '/admin/keys', v1p.listKeys);
      addParam('DELETE', v1p.deleteKey);
      add('GET', '/admin/usage', v1p.usage);
      add('POST', '/admin/usage/reset', v1p.reset, true, true);
      break;
    case 'v1a':
      add('POST', '/admin/keys', v1a.createKey, true, true);
      add('GET', '/admin/keys', v1a.listKeys);
      add('GET', '/admin/usage', v1a.usage);
      break;
    case 'v10':
      add('GET', '/status', health(() => ({ service: 'quota-proxy', version: '1.0.0' })), false);
      add('POST', '/gateway', v10.gateway, false, true);
      add('POST', '/admin/keys', v10.createKey, true, true);
      add('GET', '/admin/keys', v10.listKeys);
      addParam('DELETE', v10.deleteKey);
      addParam('PUT', v10.updateKey, true);
      add('GET', '/admin/usage', v10.usage);
      add('POST', '/admin/reset-usage', v10.resetUsage, true, true);
      add('GET', '/admin/stats', v10.stats);
      break;
  }

  // ---------------------------------------------------------------- auth & rate limit
  function isAdmin(req: IncomingMessage, query: URLSearchParams): boolean {
    const auth = req.headers.authorization;
    if (auth && auth.length > 7 && auth.slice(0, 7).toLowerCase() === 'bearer ' && auth.slice(7).trim() === token) return true;
    const x = req.headers['x-admin-token'];
    if (typeof x === 'string' && x.trim() === token) return true;
    return flavor === 'v10' && query.get('admin_token') === token;
  }

  const hits = new Map<string, { count: number; startedAt: number }>();
  const windowMs = rate ? rate.windowSeconds * 1000 : 0;
  /**
   * Counts one /admin request of the client, as upstream v10's middleware does: a fixed window from
   * the client's first request, renewed once more than windowMs have passed; a refusal (429, with
   * Retry-After only) is not counted and carries no X-RateLimit-* headers.
   */
  function rateLimited(req: IncomingMessage, res: ServerResponse): boolean {
    const max = rate!.max;
    const ip = req.socket.remoteAddress ?? '';
    const now = Date.now();
    let e = hits.get(ip);
    if (!e) hits.set(ip, (e = { count: 0, startedAt: now }));
    else if (now - e.startedAt > windowMs) {
      e.count = 0;
      e.startedAt = now;
    }
    if (e.count >= max) {
      const retryAfter = Math.ceil((e.startedAt + windowMs - now) / 1000);
      res.setHeader('Retry-After', retryAfter);
      sendJson(res, 429, { error: 'Too Many Requests', message: 'Admin API requests too frequent, try again later', retryAfter });
      return true;
    }
    e.count++;
    res.setHeader('X-RateLimit-Limit', max);
    res.setHeader('X-RateLimit-Remaining', max - e.count);
    res.setHeader('X-RateLimit-Reset', Math.ceil((e.startedAt + windowMs) / 1000));
    return false;
  }

  // ---------------------------------------------------------------- request handling
  function run(route: Route, c: Ctx): void {
    try {
      route.handler(c);
    } catch (e) {
      if (c.res.headersSent) return;
      if (e instanceof BadRequest) return fail(c.res, 400, e.message);
      fail(c.res, 500, 'Internal server error', { details: e instanceof Error ? e.message : String(e) });
    }
  }

  function onRequest(req: IncomingMessage, res: ServerResponse): void {
    const url = req.url ?? '/';
    const method = req.method ?? 'GET';
    requests.push({ method, path: url });

    const qi = url.indexOf('?');
    let pathname = qi < 0 ? url : url.slice(0, qi);
    if (basePath) {
      // A reverse proxy mounted at basePath strips the prefix; anything else is not routed to us.
      if (pathname === basePath) pathname = '/';
      else if (pathname.startsWith(basePath) && pathname.charCodeAt(basePath.length) === 47 /* / */) {
        pathname = pathname.slice(basePath.length);
      } else return sendExpress404(res, method, pathname);
    }
    if (rate && pathname.startsWith('/admin') && (pathname.length === 6 || pathname.charCodeAt(6) === 47)) {
      if (rateLimited(req, res)) return;
    }

    const p = pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
    const lookup = method === 'HEAD' ? 'GET' : method;
    let route = staticRoutes.get(lookup + ' ' + p);
    let param = '';
    if (route === undefined && p.startsWith(KEYS_PREFIX) && p.length > KEYS_PREFIX.length && p.indexOf('/', KEYS_PREFIX.length) < 0) {
      route = paramRoutes.get(lookup);
      param = p.slice(KEYS_PREFIX.length);
    }
    if (route === undefined) return sendExpress404(res, method, pathname);

    const query = qi < 0 ? EMPTY_QUERY : new URLSearchParams(url.slice(qi + 1));
    if (route.admin && !isAdmin(req, query)) return fail(res, 401, UNAUTHORIZED[flavor]);
    if (param) {
      try {
        param = decodeURIComponent(param);
      } catch {
        return fail(res, 400, `Failed to decode param '${param}'`);
      }
    }
    if (!route.body) return run(route, { req, res, query, body: EMPTY_BODY, param });

    const r = route;
    readBody(req, MAX_BODY, (err, text) => {
      if (err) return fail(res, 413, 'request entity too large');
      let body: Body = EMPTY_BODY;
      // Like express.json(): only JSON content types are parsed; other bodies read as {}.
      const ct = req.headers['content-type'];
      if (text !== '' && ct !== undefined && /json/i.test(ct)) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          return fail(res, 400, 'Invalid JSON body');
        }
        if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
          return fail(res, 400, 'JSON body must be an object');
        }
        body = parsed as Body;
      }
      run(r, { req, res, query, body, param });
    });
  }

  const server = createServer(onRequest);
  server.keepAliveTimeout = 5000;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ port, host: '127.0.0.1' }, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (e) {
    store.close();
    throw e;
  }
  const actualPort = (server.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  const dev: DevServer = {
    url: `http://127.0.0.1:${actualPort}${basePath}`,
    token,
    flavor,
    requests,
    setHealth(mode: HealthMode): void {
      if (!HEALTH_MODES.includes(mode)) throw new Error(`unknown health mode ${String(mode)}`);
      healthMode = mode;
    },
    seedKeys(n, o = {}): string[] {
      if (!Number.isSafeInteger(n) || n < 0) throw new Error('seedKeys: n must be a non-negative integer');
      const createdAt = o.createdAt ? o.createdAt.getTime() : Date.now();
      if (Number.isNaN(createdAt)) throw new Error('seedKeys: invalid createdAt');
      const prefix = o.labelPrefix ?? 'seed-';
      const limit = o.dailyLimit ?? (perKeyLimit ? dailyLimit : null);
      return store.tx(() => {
        const out = new Array<string>(n);
        for (let i = 0; i < n; i++) out[i] = insertKey(prefix + (i + 1), createdAt, limit, 1000, null).key;
        return out;
      });
    },
    recordUsage(key, n, day = localDay()): void {
      if (!isDay(day)) throw new Error(`recordUsage: day must be YYYY-MM-DD, got ${day}`);
      if (!Number.isSafeInteger(n)) throw new Error('recordUsage: requests must be an integer');
      store.addUsage.run(day, key, n, Date.now());
      if (flavor === 'v10') store.v10AddUsed.run(n, key);
    },
    day(at?: Date): string {
      return localDay(at);
    },
    usageOf(key, day = localDay()): number {
      return (store.getUsage.get(day, key) as { requests: number } | undefined)?.requests ?? 0;
    },
    allKeys() {
      const rows = store.allKeysById.all() as Array<{ key: string; label: string | null; created_at: number; daily_limit: number | null }>;
      return rows.map((r) =>
        r.daily_limit === null
          ? { key: r.key, label: r.label, createdAt: new Date(r.created_at) }
          : { key: r.key, label: r.label, createdAt: new Date(r.created_at), dailyLimit: r.daily_limit },
      );
    },
    close(): Promise<void> {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => {
          store.close();
          resolve();
        });
        // Keep-alive sockets and requests we never answer (health 'hang') would hold close() forever.
        server.closeAllConnections();
      });
      return closing;
    },
  };
  return dev;
}
