export const id = 908;
export const ids = [908];
export const modules = {

/***/ 3908:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEMO_DAYS: () => (/* reexport */ DEMO_DAYS),
  DEMO_KEYS: () => (/* reexport */ DEMO_KEYS),
  DEV_SERVER_USAGE: () => (/* reexport */ DEV_SERVER_USAGE),
  FLAVORS: () => (/* reexport */ types/* FLAVORS */.W),
  HEALTH_MODES: () => (/* reexport */ HEALTH_MODES),
  devServerMain: () => (/* reexport */ devServerMain),
  seedUsageDemo: () => (/* reexport */ seedUsageDemo),
  startDevServer: () => (/* reexport */ startDevServer)
});

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(8382);
;// CONCATENATED MODULE: ./src/dev-server/demo.ts
const DAY_MS = 86_400_000;
const DEMO_DAYS = 14;
/** label stem, daily limit, requests on day i of DEMO_DAYS (oldest first). */
const DEMO_KEYS = [
    ['partner-acme', 500, (i) => 180 + 20 * i],
    ['trial-alice', 100, (i) => 40 + (i % 3) * 5],
    ['trial-bob', 100, (i) => (i === DEMO_DAYS - 1 ? 95 : 6 + (i % 4))],
    ['internal-ci', 1000, (i) => 120 + ((i * 37) % 50)],
    ['trial-carol', 100, (i) => (i < 5 ? 12 : 0)],
    ['trial-dave', 100, (i) => (i % 5 === 0 ? 3 : 0)],
    ['vip-globex', 5000, (i) => 900 + 150 * i],
    ['trial-erin', 100, () => 0],
];
/** Seeds the demo keys (labels `<stem>-1`) and their usage on the server's last DEMO_DAYS days. */
function seedUsageDemo(server, now = Date.now()) {
    const days = Array.from({ length: DEMO_DAYS }, (_, i) => server.day(new Date(now - (DEMO_DAYS - 1 - i) * DAY_MS)));
    return DEMO_KEYS.map(([label, limit, perDay]) => {
        const key = server.seedKeys(1, { labelPrefix: `${label}-`, dailyLimit: limit })[0];
        for (const [i, day] of days.entries())
            if (perDay(i) > 0)
                server.recordUsage(key, perDay(i), day);
        return key;
    });
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
;// CONCATENATED MODULE: ./src/dev-server/http.ts
const MAX_BODY = 2 * 1024 * 1024; // express.json({ limit: '2mb' })
function sendJson(res, status, body) {
    const text = JSON.stringify(body);
    res.statusCode = status;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Length', Buffer.byteLength(text));
    res.end(text);
}
function escapeHtml(s) {
    return s.replace(/[&<>"']/g, (c) => c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;');
}
const UNSAFE_URL_RUN = /(?:[^\x21\x25\x26-\x3B\x3D\x3F-\x5B\x5D\x5F\x61-\x7A\x7E]|%(?:[^0-9A-Fa-f]|[0-9A-Fa-f][^0-9A-Fa-f]|$))+/g;
// encodeurl: keep already-encoded sequences and URL-legal characters, encode the rest.
function encodeUrl(s) {
    return s
        .replace(/(^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uD800-\uDBFF]([^\uDC00-\uDFFF]|$)/g, '$1\uFFFD$2')
        .replace(UNSAFE_URL_RUN, encodeURI);
}
/** Express's (finalhandler's) default 404 page: `Cannot <METHOD> <pathname>`. */
function sendExpress404(res, method, pathname) {
    const html = '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>' +
        escapeHtml('Cannot ' + method + ' ' + encodeUrl(pathname)) +
        '</pre>\n</body>\n</html>\n';
    res.statusCode = 404;
    res.setHeader('Content-Security-Policy', "default-src 'none'");
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Length', Buffer.byteLength(html));
    res.end(html);
}
/** Reads the whole request body as UTF-8; `cb(null, text)` or `cb(error)` when over `limit` bytes. */
function readBody(req, limit, cb) {
    let first;
    let chunks;
    let size = 0;
    let failed = false;
    req.on('data', (chunk) => {
        if (failed)
            return;
        size += chunk.length;
        if (size > limit) {
            failed = true;
            cb(new Error('request entity too large'), '');
            return;
        }
        if (first === undefined)
            first = chunk;
        else {
            chunks ??= [first];
            chunks.push(chunk);
        }
    });
    req.on('end', () => {
        if (failed)
            return;
        if (first === undefined)
            cb(null, '');
        else
            cb(null, chunks ? Buffer.concat(chunks).toString('utf8') : first.toString('utf8'));
    });
    req.on('error', (e) => {
        if (failed)
            return;
        failed = true;
        cb(e, '');
    });
}

;// CONCATENATED MODULE: ./src/dev-server/admin-rate-limit.ts

/**
 * Counts /admin requests per client, as upstream v10's middleware does: a fixed window from the
 * client's first request, renewed once more than windowSeconds have passed; a refusal (429, with
 * Retry-After only) is not counted and carries no X-RateLimit-* headers.
 */
function adminRateLimiter(rate) {
    const hits = new Map();
    const windowMs = rate.windowSeconds * 1000;
    const max = rate.max;
    return (req, res) => {
        const ip = req.socket.remoteAddress ?? '';
        const now = Date.now();
        let e = hits.get(ip);
        if (!e) {
            e = { count: 0, startedAt: now };
            hits.set(ip, e);
        }
        else if (now - e.startedAt > windowMs) {
            e.count = 0;
            e.startedAt = now;
        }
        if (e.count >= max) {
            const retryAfter = Math.ceil((e.startedAt + windowMs - now) / 1000);
            res.setHeader('Retry-After', retryAfter);
            const message = 'Admin API requests too frequent, try again later';
            sendJson(res, 429, { error: 'Too Many Requests', message, retryAfter });
            return true;
        }
        e.count++;
        res.setHeader('X-RateLimit-Limit', max);
        res.setHeader('X-RateLimit-Remaining', max - e.count);
        res.setHeader('X-RateLimit-Reset', Math.ceil((e.startedAt + windowMs) / 1000));
        return false;
    };
}

;// CONCATENATED MODULE: ./src/dev-server/chat.ts

function trialKeyOf(req) {
    const auth = req.headers.authorization;
    if (auth && auth.length > 7 && auth.slice(0, 7).toLowerCase() === 'bearer ')
        return auth.slice(7).trim();
    const x = req.headers['x-trial-key'];
    return typeof x === 'string' && x.trim() ? x.trim() : undefined;
}
/** The key's requests on `day` (server-local). */
function usedOn(s, day, key) {
    return s.store.getUsage.get(day, key)?.requests ?? 0;
}
/**
 * The charge of the daily-limit flavors that refuse at the limit without counting (v1, v1p, v1a),
 * so a refused key's count sits at its limit; `refuse` answers in the flavor's words.
 */
function chargeAtDailyLimit(refuse) {
    return (s, c, row, now) => {
        if (!row.is_active) {
            s.fail(c.res, 403, 'Trial key is inactive');
            return false;
        }
        const day = s.localDay(new Date(now));
        const limit = row.daily_limit ?? s.dailyLimit;
        const used = usedOn(s, day, row.key);
        if (used >= limit) {
            refuse(s, c, limit, used);
            return false;
        }
        s.store.addUsage.run(day, row.key, 1, now);
        return true;
    };
}
function chatCompletions(s, charge) {
    return (c) => {
        const key = trialKeyOf(c.req);
        if (!key)
            return s.fail(c.res, 401, 'Missing trial key in Authorization header');
        const row = s.getKey(key);
        if (!row)
            return s.fail(c.res, 401, 'Invalid trial key');
        const now = Date.now();
        if (!charge(s, c, row, now))
            return;
        const model = typeof c.body.model === 'string' ? c.body.model : 'dev-model';
        sendJson(c.res, 200, {
            id: 'chatcmpl-dev-' + now,
            object: 'chat.completion',
            created: Math.floor(now / 1000),
            model,
            choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }],
            usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        });
    };
}

;// CONCATENATED MODULE: ./src/dev-server/context.ts
/**
 * What the dev server's flavor route modules (./flavors/) see: the request at hand (`Ctx`), the
 * server they run in (`ServerContext`: store, server-local day, limits, error shape), and the shape
 * in which a flavor describes itself to the server core (`FlavorDef`).
 */

/** The path of the one parameterised route: /admin/keys/:key. */
const KEY_PARAM_ROUTE = '/admin/keys/:key';
/** A validation failure: answered 400 with the flavor's error shape. */
class BadRequest extends errors/* QuotaKeysError */.t {
}

;// CONCATENATED MODULE: ./src/dev-server/health.ts
/** The health routes (/healthz and each flavor's extra ones), answering in the mode the server is set to. */

/** The health body of v1, v01, v1p and v1a. */
function plainHealthBody(_s, ok, extra) {
    return ok ? { ok: true, ...extra } : { ok: false, error: 'database unavailable' };
}
function healthHandler(def, s, mode, extra) {
    return (c) => {
        const m = mode();
        if (m === 'hang')
            return; // never answers; close() destroys the socket
        const ok = m === 'ok';
        const status = m === 'error500' && !def.healthNever5xx ? 500 : 200;
        sendJson(c.res, status, def.healthBody(s, ok, ok && extra ? extra() : undefined));
    };
}

;// CONCATENATED MODULE: ./src/dev-server/keys.ts
/** Key formats and time formats of the quota-proxy flavors. */

// One random pool refilled 4 KiB at a time: key generation costs a slice, not a syscall.
const POOL_SIZE = 4096;
let pool = Buffer.alloc(0);
let pos = 0;
function take(n) {
    if (pos + n > pool.length) {
        pool = (0,external_node_crypto_.randomBytes)(POOL_SIZE);
        pos = 0;
    }
    const start = pos;
    pos += n;
    return start;
}
function randomHex(bytes) {
    const start = take(bytes);
    return pool.toString('hex', start, start + bytes);
}
const B36 = '0123456789abcdefghijklmnopqrstuvwxyz';
function randomBase36(len) {
    const start = take(len);
    let s = '';
    for (let i = 0; i < len; i++)
        s += B36[pool[start + i] % 36];
    return s;
}
/**
 * A new key in the flavor's format:
 * v1 `sk-<48 hex>`, v01 `trial_<36 hex>`, v1p `roc_<32 hex>`, v1a `trial_<32 hex>`, v10 `roc_<ms>-<9 base36>`.
 */
function newKey(flavor, nowMs) {
    switch (flavor) {
        case 'v1':
            return 'sk-' + randomHex(24);
        case 'v01':
            return 'trial_' + randomHex(18);
        case 'v1p':
            return 'roc_' + randomHex(16);
        case 'v1a':
            return 'trial_' + randomHex(16);
        case 'v10':
            return 'roc_' + nowMs + '-' + randomBase36(9);
    }
}
function pad2(n) {
    return n < 10 ? '0' + n : String(n);
}
/**
 * YYYY-MM-DD in the server's time zone, as the real servers compute usage days
 * (`getFullYear/getMonth/getDate`): the process's own zone, or `timeZone` (an IANA name) when given.
 */
function localDay(d = new Date(), timeZone) {
    if (timeZone)
        return dayFormat(timeZone).format(d);
    return d.getFullYear() + '-' + pad2(d.getMonth() + 1) + '-' + pad2(d.getDate());
}
const formats = new Map();
/** en-CA formats a date as YYYY-MM-DD. Throws RangeError on a zone that does not exist. */
function dayFormat(timeZone) {
    let f = formats.get(timeZone);
    if (!f) {
        f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
        formats.set(timeZone, f);
    }
    return f;
}
/** The server-local day `days` calendar days before `d`. */
function localDayMinus(days, d = new Date(), timeZone) {
    const today = localDay(d, timeZone);
    const [y, m, day] = [Number(today.slice(0, 4)), Number(today.slice(5, 7)), Number(today.slice(8, 10))];
    const x = new Date(Date.UTC(y, m - 1, day - days));
    return x.toISOString().slice(0, 10);
}
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
function isDay(s) {
    if (typeof s !== 'string' || !DAY_RE.test(s))
        return false;
    const d = new Date(s + 'T00:00:00Z');
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}
/** SQL datetime in UTC without zone, as SQLite's CURRENT_TIMESTAMP: `2026-11-26 09:50:31`. */
function sqlUtc(ms) {
    const iso = new Date(ms).toISOString();
    return iso.slice(0, 10) + ' ' + iso.slice(11, 19);
}
// ISO 8601 date or date-time (with optional fraction and zone).
const ISO_RE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
/** Normalised ISO string (toISOString) of an ISO 8601 input, or undefined when it is not one. */
function parseIso(s) {
    if (typeof s !== 'string' || !ISO_RE.test(s))
        return undefined;
    const t = Date.parse(s);
    return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

;// CONCATENATED MODULE: ./src/dev-server/params.ts
/** Reading request fields and query parameters the way the upstream servers do (400 on bad input). */

function labelOf(v) {
    if (v === undefined || v === null || v === '')
        return null;
    if (typeof v !== 'string')
        throw new BadRequest('label must be a string');
    return v;
}
/** A positive integer from a JSON number or a numeric string. */
function positiveInt(v, name) {
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
    if (!Number.isSafeInteger(n) || n < 1)
        throw new BadRequest(`${name} must be a positive integer`);
    return n;
}
/** A key's daily_limit from the body; missing \u2192 the server's default. */
function dailyLimitOf(v, serverDefault) {
    return v === undefined || v === null || v === '' ? serverDefault : positiveInt(v, 'daily_limit');
}
/** Query integer clamped into [min, max]; missing or unparsable \u2192 def (Express-style `parseInt(x) || def`). */
function clampInt(s, def, min, max) {
    if (s === null || s === '')
        return def;
    const n = Number.parseInt(s, 10);
    if (Number.isNaN(n))
        return def;
    return Math.min(Math.max(n, min), max);
}
/** Query integer that must lie in [min, max]; missing \u2192 def; otherwise 400. */
function strictInt(s, def, min, max, name) {
    if (s === null || s === '')
        return def;
    const n = /^\d+$/.test(s) ? Number(s) : NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) {
        throw new BadRequest(`${name} must be an integer between ${min} and ${max}`);
    }
    return n;
}

;// CONCATENATED MODULE: ./src/dev-server/flavors/v1.ts
/** v1 (quota-proxy/server-sqlite.js): server-wide daily limit, `{"error":{"message"}}` errors, /admin/healthz. */






function createKey(s, c) {
    const label = labelOf(c.body.label); // daily_limit, count: ignored (server-wide DAILY_REQ_LIMIT)
    const now = Date.now();
    const { key } = s.insertKey(label, now, null, 1000, null);
    sendJson(c.res, 200, { key, label, created_at: now });
}
function deleteKey(s, c) {
    if (s.store.deleteKey.run(c.param).changes === 0)
        return s.fail(c.res, 404, 'key not found');
    sendJson(c.res, 200, { deleted: true });
}
function usage(s, c) {
    const limit = clampInt(c.query.get('limit'), 50, 1, 1000);
    const offset = clampInt(c.query.get('offset'), 0, 0, Number.MAX_SAFE_INTEGER);
    const items = s.store.usagePage.all(limit, offset);
    const total = s.store.count(s.store.usageCount);
    sendJson(c.res, 200, { items, total, limit, offset, has_more: offset + items.length < total });
}
function v1_reset(s, c) {
    const { day, trial_key } = c.body;
    if (typeof trial_key !== 'string' || trial_key === '' || day === undefined || day === null || day === '') {
        return s.fail(c.res, 400, 'day and trial_key are required');
    }
    if (!isDay(day))
        return s.fail(c.res, 400, 'day must be YYYY-MM-DD');
    // As upstream: the row stays, at 0 requests, updated now; no row \u2192 404.
    if (s.store.zeroUsage.run(Date.now(), day, trial_key).changes === 0) {
        return s.fail(c.res, 404, 'Usage record not found');
    }
    sendJson(c.res, 200, { reset: true, day, trial_key });
}
function adminHealth(s, c) {
    sendJson(c.res, 200, {
        ok: true,
        service: 'quota-proxy-admin',
        ts: Date.now(),
        uptime_s: Math.floor((Date.now() - s.startedAt) / 1000),
    });
}
const v1 = {
    unauthorized: 'admin auth required',
    errorShape: 'object',
    adminTokenInQuery: false,
    defaultHealth: 'ok',
    perKeyDailyLimit: false,
    healthBody: plainHealthBody,
    chat: chargeAtDailyLimit((s, c, limit) => s.fail(c.res, 429, `Daily limit exceeded (${limit} requests). Reset at midnight UTC.`)),
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
        { method: 'POST', path: '/admin/usage/reset', body: true, handler: (c) => v1_reset(s, c) },
    ],
};

;// CONCATENATED MODULE: ./src/dev-server/flavors/v1a.ts
/**
 * v1a (quota-proxy/server-sqlite-admin.js): per-key daily_limit, `success` envelopes, usage grouped
 * by key over the last N UTC days; no delete and no reset route.
 */





function v1a_createKey(s, c) {
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
function listKeys(s, c) {
    const today = s.localDay();
    const query = c.query.get('active_only') === 'true' ? s.store.keysWithTodayActive : s.store.keysWithToday;
    const rows = query.all(today);
    for (const r of rows)
        r.remaining = Math.max(0, (r.daily_limit ?? s.dailyLimit) - r.today_requests);
    sendJson(c.res, 200, { success: true, keys: rows, count: rows.length });
}
function v1a_usage(s, c) {
    const days = strictInt(c.query.get('days'), 7, 1, 36500, 'days');
    const key = c.query.get('key');
    const since = localDayMinus(days, new Date(), 'UTC'); // upstream: SQLite date('now', '-N days'), UTC
    const rows = (key ? s.store.usageSinceKey.all(since, key) : s.store.usageSince.all(since));
    const byKey = new Map();
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
const v1a = {
    unauthorized: 'Unauthorized: Admin token required',
    errorShape: 'string',
    adminTokenInQuery: false,
    defaultHealth: 'ok',
    perKeyDailyLimit: true,
    healthBody: plainHealthBody,
    chat: chargeAtDailyLimit((s, c, limit, used) => s.fail(c.res, 429, 'Daily request limit exceeded', { limit, used, remaining: 0 })),
    routes: (s) => [
        { method: 'POST', path: '/admin/keys', body: true, handler: (c) => v1a_createKey(s, c) },
        { method: 'GET', path: '/admin/keys', handler: (c) => listKeys(s, c) },
        { method: 'GET', path: '/admin/usage', handler: (c) => v1a_usage(s, c) },
    ],
};

;// CONCATENATED MODULE: ./src/dev-server/flavors/v1p.ts
/** v1p (quota-proxy/server-pg.js): per-key daily_limit, a bare array of keys, reset of a whole day. */






function v1p_createKey(s, c) {
    const label = labelOf(c.body.label);
    const limit = dailyLimitOf(c.body.daily_limit, s.dailyLimit);
    const now = Date.now();
    const { key } = s.insertKey(label, now, limit, 1000, null);
    sendJson(c.res, 200, { key, label, created_at: now, daily_limit: limit });
}
function v1p_deleteKey(s, c) {
    if (s.store.deleteKey.run(c.param).changes === 0)
        return s.fail(c.res, 404, 'key not found');
    sendJson(c.res, 200, { ok: true });
}
function v1p_usage(s, c) {
    const q = c.query.get('day');
    const day = q === null || q === '' ? s.localDay() : q;
    if (!isDay(day))
        return s.fail(c.res, 400, 'day must be YYYY-MM-DD');
    const keys = s.store.usageDayAllKeys.all(day);
    let total = 0;
    for (const k of keys)
        total += k.requests;
    sendJson(c.res, 200, { day, total_keys: keys.length, total_requests: total, keys });
}
function v1p_reset(s, c) {
    // Resets EVERY key's usage for the day; any key/trial_key field is ignored, as upstream.
    const d = c.body.day;
    const day = d === undefined || d === null || d === '' ? s.localDay() : d;
    if (!isDay(day))
        return s.fail(c.res, 400, 'day must be YYYY-MM-DD');
    const deleted = Number(s.store.deleteUsageDay.run(day).changes);
    sendJson(c.res, 200, { ok: true, day, deleted });
}
const v1p = {
    unauthorized: 'Admin token required',
    errorShape: 'string',
    adminTokenInQuery: false,
    defaultHealth: 'ok',
    perKeyDailyLimit: true,
    healthBody: plainHealthBody,
    chat: chargeAtDailyLimit((s, c) => s.fail(c.res, 429, 'Daily quota exceeded')),
    routes: (s) => [
        { method: 'POST', path: '/admin/keys', body: true, handler: (c) => v1p_createKey(s, c) },
        { method: 'GET', path: '/admin/keys', handler: (c) => sendJson(c.res, 200, s.store.keysFullNewest.all()) },
        { method: 'DELETE', path: KEY_PARAM_ROUTE, handler: (c) => v1p_deleteKey(s, c) },
        { method: 'GET', path: '/admin/usage', handler: (c) => v1p_usage(s, c) },
        { method: 'POST', path: '/admin/usage/reset', body: true, handler: (c) => v1p_reset(s, c) },
    ],
};

;// CONCATENATED MODULE: ./src/dev-server/flavors/v01.ts
/**
 * v01 (quota-proxy/server.js, JSON-file mode): batches of up to 100 keys under one label, counts a
 * chat request before refusing it, resets one key's day to 0 through the query string.
 */






// As upstream's server.js: `count` clamped to 1..100 (`Number(count || 1)`; not a number makes
// no key at all), `label` stringified and the **same for every key** of the request (there is
// no per-key label), `prefix` starts each key.
function v01_createKey(s, c) {
    const b = c.body;
    const count = Math.min(100, Math.max(1, Number(b.count || 1)));
    const label = b.label ? String(b.label) || null : null;
    const prefix = (b.prefix ? String(b.prefix) : '') || 'trial_';
    const now = Date.now();
    const created = s.store.tx(() => {
        const out = [];
        for (let i = 0; i < count; i++) {
            const key = s.insertKey(label, now, null, 1000, null, prefix).key;
            out.push({ key, label, created_at: now });
        }
        return out;
    });
    if (count === 1)
        return sendJson(c.res, 200, { key: created[0].key, label, created_at: now });
    const n = Number.isNaN(count) ? null : count;
    sendJson(c.res, 200, { count: n, keys: created, summary: { total: n, label, prefix, created_at: now } });
}
function v01_listKeys(s, c) {
    const keys = s.store.keysOldest.all(); // a JSON file keeps insertion order
    sendJson(c.res, 200, { count: keys.length, keys, mode: 'file' });
}
function v01_deleteKey(s, c) {
    const deleted = s.store.deleteKey.run(c.param).changes > 0;
    sendJson(c.res, 200, { deleted, key: c.param });
}
function v01_usage(s, c) {
    const day = c.query.get('day');
    const key = c.query.get('key');
    if (day !== null && day !== '') {
        if (!isDay(day))
            return s.fail(c.res, 400, 'day must be YYYY-MM-DD');
        const items = key ? s.store.usageDayKey.all(day, key) : s.store.usageDay.all(day);
        return sendJson(c.res, 200, { day, mode: 'file', items });
    }
    const limit = clampInt(c.query.get('limit'), 100, 1, 500);
    const items = key ? s.store.usageRecentKey.all(key, limit) : s.store.usageRecent.all(limit);
    sendJson(c.res, 200, { mode: 'file', limit, items });
}
function v01_reset(s, c) {
    const key = c.query.get('key');
    if (!key)
        return s.fail(c.res, 400, 'key is required (query string: ?key=...)');
    const qd = c.query.get('day');
    const day = qd === null || qd === '' ? s.localDay() : qd;
    if (!isDay(day))
        return s.fail(c.res, 400, 'day must be YYYY-MM-DD');
    s.store.setUsageZero.run(day, key, Date.now()); // as upstream: a row at 0, made if missing
    sendJson(c.res, 200, { reset: true, key, day });
}
/** As upstream: v01 counts the request first and refuses past the limit (refusals count). */
const chat = (s, c, row, now) => {
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
const v01 = {
    unauthorized: 'admin auth required',
    errorShape: 'object',
    adminTokenInQuery: false,
    defaultHealth: 'ok',
    perKeyDailyLimit: false,
    healthBody: plainHealthBody,
    chat,
    routes: (s) => [
        { method: 'POST', path: '/admin/keys', body: true, handler: (c) => v01_createKey(s, c) },
        { method: 'GET', path: '/admin/keys', handler: (c) => v01_listKeys(s, c) },
        { method: 'DELETE', path: KEY_PARAM_ROUTE, handler: (c) => v01_deleteKey(s, c) },
        { method: 'GET', path: '/admin/usage', handler: (c) => v01_usage(s, c) },
        { method: 'POST', path: '/admin/usage/reset', body: true, handler: (c) => v01_reset(s, c) },
    ],
};

;// CONCATENATED MODULE: ./src/dev-server/flavors/v10.ts
/**
 * v10 (quota-proxy v1.0, Express + SQLite): keys with a total quota and an expiry, `success`
 * envelopes, a /gateway proxy route, 30 admin requests per 15 minutes, health that never answers.
 */




/** v10's upstream admin rate limit (middleware/rate-limit.js): 30 requests per 15 minutes per IP. */
const V10_RATE_LIMIT = Object.freeze({ max: 30, windowSeconds: 900 });
const isExpired = (expiresAt, now) => expiresAt !== null && Date.parse(expiresAt) <= now;
const statusOf = (r, now) => isExpired(r.expires_at, now) ? 'expired' : r.used_quota >= r.total_quota ? 'exhausted' : 'active';
function expiresFromBody(v) {
    if (v === undefined || v === null || v === '')
        return null;
    const iso = parseIso(v);
    if (iso === undefined)
        throw new BadRequest('Invalid expiresAt: expected an ISO 8601 date');
    return iso;
}
function healthBody(s, ok, extra) {
    return {
        ok,
        status: ok ? 'healthy' : 'unhealthy',
        timestamp: new Date().toISOString(),
        uptime: Math.floor((Date.now() - s.startedAt) / 1000),
        checks: { database: ok ? { ok: true } : { ok: false, error: 'database unavailable' } },
        ...extra,
    };
}
const v10_chat = (s, c, row, now) => {
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
function gateway(s, c) {
    const header = c.req.headers['x-api-key'];
    const key = (typeof header === 'string' && header) || c.query.get('api_key') || '';
    if (!key)
        return s.fail(c.res, 401, 'Missing API key');
    const row = s.getKey(key);
    const now = Date.now();
    if (!row || isExpired(row.expires_at, now))
        return s.fail(c.res, 403, 'Invalid or expired API key');
    if (row.used_quota >= row.total_quota)
        return s.fail(c.res, 429, 'Quota exceeded');
    s.store.addUsage.run(s.localDay(new Date(now)), key, 1, now);
    s.store.v10AddUsed.run(1, key);
    s.store.v10Response.run(0, key);
    const remainingQuota = row.total_quota - row.used_quota - 1;
    const data = { message: 'API request processed', responseTime: '0ms', remainingQuota };
    sendJson(c.res, 200, { success: true, data });
}
function v10_createKey(s, c) {
    const label = labelOf(c.body.label);
    const q = c.body.totalQuota;
    const totalQuota = q === undefined || q === null ? 1000 : positiveInt(q, 'totalQuota');
    const expiresAt = expiresFromBody(c.body.expiresAt);
    const { key, id } = s.insertKey(label, Date.now(), null, totalQuota, expiresAt);
    sendJson(c.res, 200, { success: true, key, label, totalQuota, expiresAt, id });
}
function v10_listKeys(s, c) {
    const limit = clampInt(c.query.get('limit'), 100, 1, 1000);
    const offset = clampInt(c.query.get('offset'), 0, 0, Number.MAX_SAFE_INTEGER);
    const activeOnly = c.query.get('activeOnly') === 'true';
    const now = Date.now();
    const nowIso = new Date(now).toISOString();
    const { store } = s;
    const page = activeOnly ? store.v10PageActive.all(nowIso, limit, offset) : store.v10Page.all(limit, offset);
    const total = activeOnly ? store.count(store.v10CountActive, nowIso) : store.count(store.countKeys);
    const keys = page.map((r) => ({
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
function v10_deleteKey(s, c) {
    const deleted = Number(s.store.deleteKey.run(c.param).changes);
    if (deleted === 0)
        return s.fail(c.res, 404, 'Key not found');
    sendJson(c.res, 200, { success: true, deleted, key: c.param, message: 'Key deleted' });
}
function updateKey(s, c) {
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
    const flags = [hasLabel ? 1 : 0, hasExpires ? 1 : 0, hasQuota ? 1 : 0];
    const r = s.store.v10Update.run(flags[0], label, flags[1], expiresAt, flags[2], totalQuota, c.param);
    if (r.changes === 0)
        return s.fail(c.res, 404, 'Key not found');
    const row = s.getKey(c.param);
    sendJson(c.res, 200, {
        success: true,
        updated: 1,
        key: row.key,
        label: row.label,
        totalQuota: row.total_quota,
        expiresAt: row.expires_at,
    });
}
function v10_usage(s, c) {
    const key = c.query.get('key');
    const days = strictInt(c.query.get('days'), 7, 1, 36500, 'days');
    const page = strictInt(c.query.get('page'), 1, 1, Number.MAX_SAFE_INTEGER, 'page');
    const limit = strictInt(c.query.get('limit'), 50, 1, 100, 'limit');
    // Upstream: usage_log rows newer than now \u2212 N\u00d724 h; emulated by day rows: the last N server days (today too).
    const since = s.localDayMinus(days);
    const offset = (page - 1) * limit;
    const { store } = s;
    const rows = key
        ? store.v10UsagePageKey.all(since, key, limit, offset)
        : store.v10UsagePage.all(since, limit, offset);
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
}
function resetUsage(s, c) {
    const key = c.body.key;
    if (key !== undefined && key !== null && key !== '') {
        if (typeof key !== 'string')
            return s.fail(c.res, 400, 'key must be a string');
        if (s.store.v10ResetOne.run(key).changes === 0)
            return s.fail(c.res, 404, 'Key not found');
        return sendJson(c.res, 200, { success: true, reset: 1, key, message: 'Usage reset' });
    }
    const n = Number(s.store.v10ResetAll.run().changes);
    sendJson(c.res, 200, { success: true, reset: n, message: 'Usage reset for all keys' });
}
function stats(s, c) {
    const nowIso = new Date().toISOString();
    const { store } = s;
    const t = store.v10Totals.get();
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
const v10 = {
    unauthorized: 'Invalid admin token',
    errorShape: 'string',
    adminTokenInQuery: true,
    // Upstream's /healthz and /status handlers never answer (a database wrapper drops their callback).
    defaultHealth: 'hang',
    defaultRateLimit: V10_RATE_LIMIT,
    perKeyDailyLimit: false,
    healthBody,
    healthNever5xx: true,
    chat: v10_chat,
    recordUsage: (s, key, n) => void s.store.v10AddUsed.run(n, key),
    routes: (s) => [
        {
            method: 'GET',
            path: '/status',
            public: true,
            handler: s.health(() => ({ service: 'quota-proxy', version: '1.0.0' })),
        },
        { method: 'POST', path: '/gateway', public: true, body: true, handler: (c) => gateway(s, c) },
        { method: 'POST', path: '/admin/keys', body: true, handler: (c) => v10_createKey(s, c) },
        { method: 'GET', path: '/admin/keys', handler: (c) => v10_listKeys(s, c) },
        { method: 'DELETE', path: KEY_PARAM_ROUTE, handler: (c) => v10_deleteKey(s, c) },
        { method: 'PUT', path: KEY_PARAM_ROUTE, body: true, handler: (c) => updateKey(s, c) },
        { method: 'GET', path: '/admin/usage', handler: (c) => v10_usage(s, c) },
        { method: 'POST', path: '/admin/reset-usage', body: true, handler: (c) => resetUsage(s, c) },
        { method: 'GET', path: '/admin/stats', handler: (c) => stats(s, c) },
    ],
};

;// CONCATENATED MODULE: ./src/dev-server/flavors/index.ts





const FLAVOR_DEFS = Object.freeze({ v1: v1, v01: v01, v1p: v1p, v1a: v1a, v10: v10 });

;// CONCATENATED MODULE: ./src/dev-server/router.ts
/**
 * The dev server's request handling, the same for every flavor: base path, the admin rate limit,
 * route lookup (Express's 404 page otherwise), the admin token, the JSON body, and 400/500 answers
 * in the flavor's error shape. The routes themselves come from the flavor module (./flavors/).
 */



const EMPTY_BODY = Object.freeze({});
const EMPTY_QUERY = new URLSearchParams();
const KEYS_PREFIX = KEY_PARAM_ROUTE.slice(0, -':key'.length);
function normaliseBasePath(p) {
    if (!p || p === '/')
        return '';
    let s = p.startsWith('/') ? p : '/' + p;
    while (s.length > 1 && s.endsWith('/'))
        s = s.slice(0, -1);
    return s;
}
function routeTable(routes) {
    const fixed = new Map(); // 'METHOD /path' \u2192 route
    const byKey = new Map(); // method \u2192 route for /admin/keys/:key
    for (const r of routes) {
        const route = { admin: !r.public, body: r.body ?? false, handler: r.handler };
        if (r.path === KEY_PARAM_ROUTE)
            byKey.set(r.method, route);
        else
            fixed.set(r.method + ' ' + r.path, route);
    }
    return { fixed, byKey };
}
/** The path below basePath, or undefined when the request is not under it. */
function stripBasePath(pathname, basePath) {
    if (!basePath)
        return pathname;
    // A reverse proxy mounted at basePath strips the prefix; anything else is not routed to us.
    if (pathname === basePath)
        return '/';
    if (pathname.startsWith(basePath) && pathname.charCodeAt(basePath.length) === 47 /* / */) {
        return pathname.slice(basePath.length);
    }
    return undefined;
}
/** /admin/keys/<one segment>: the path of the `:key` routes. */
const isKeyPath = (p) => p.startsWith(KEYS_PREFIX) && p.length > KEYS_PREFIX.length && p.indexOf('/', KEYS_PREFIX.length) < 0;
const isAdminPath = (p) => p.startsWith('/admin') && (p.length === 6 || p.charCodeAt(6) === 47);
/** Like express.json(): only JSON content types are parsed; other bodies read as {}. Answers a bad body itself. */
function readJsonBody(s, req, res, then) {
    readBody(req, MAX_BODY, (err, text) => {
        if (err)
            return s.fail(res, 413, 'request entity too large');
        const ct = req.headers['content-type'];
        if (text === '' || ct === undefined || !/json/i.test(ct))
            return then(EMPTY_BODY);
        let parsed;
        try {
            parsed = JSON.parse(text);
        }
        catch {
            return s.fail(res, 400, 'Invalid JSON body');
        }
        if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
            return s.fail(res, 400, 'JSON body must be an object');
        }
        then(parsed);
    });
}
function run(s, route, c) {
    try {
        route.handler(c);
    }
    catch (e) {
        if (c.res.headersSent)
            return;
        if (e instanceof BadRequest)
            return s.fail(c.res, 400, e.message);
        s.fail(c.res, 500, 'Internal server error', { details: (0,errors/* errorMessage */.g)(e) });
    }
}
/** The node:http request listener of a flavor's routes. */
function createRouter(o) {
    const { s, token } = o;
    const { fixed, byKey } = routeTable(o.routes);
    const isAdmin = (req, query) => {
        const auth = req.headers.authorization;
        if (auth && auth.length > 7 && auth.slice(0, 7).toLowerCase() === 'bearer ' && auth.slice(7).trim() === token) {
            return true;
        }
        const x = req.headers['x-admin-token'];
        if (typeof x === 'string' && x.trim() === token)
            return true;
        return o.adminTokenInQuery && query.get('admin_token') === token;
    };
    return (req, res) => {
        const url = req.url ?? '/';
        const method = req.method ?? 'GET';
        o.requests.push({ method, path: url });
        const qi = url.indexOf('?');
        const rawPath = qi < 0 ? url : url.slice(0, qi);
        const pathname = stripBasePath(rawPath, o.basePath);
        if (pathname === undefined)
            return sendExpress404(res, method, rawPath);
        if (o.rateLimiter && isAdminPath(pathname) && o.rateLimiter(req, res))
            return;
        const p = pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
        const lookup = method === 'HEAD' ? 'GET' : method;
        let route = fixed.get(lookup + ' ' + p);
        let param = '';
        if (route === undefined && isKeyPath(p)) {
            route = byKey.get(lookup);
            param = p.slice(KEYS_PREFIX.length);
        }
        if (route === undefined)
            return sendExpress404(res, method, pathname);
        const query = qi < 0 ? EMPTY_QUERY : new URLSearchParams(url.slice(qi + 1));
        if (route.admin && !isAdmin(req, query))
            return s.fail(res, 401, o.unauthorized);
        if (param) {
            try {
                param = decodeURIComponent(param);
            }
            catch {
                return s.fail(res, 400, `Failed to decode param '${param}'`);
            }
        }
        const r = route;
        if (!r.body)
            return run(s, r, { req, res, query, body: EMPTY_BODY, param });
        readJsonBody(s, req, res, (body) => run(s, r, { req, res, query, body, param }));
    };
}

// EXTERNAL MODULE: external "node:sqlite"
var external_node_sqlite_ = __webpack_require__(99);
;// CONCATENATED MODULE: ./src/dev-server/store.ts
/**
 * SQLite persistence of the dev server (node:sqlite, synchronous). One schema serves every
 * flavor: columns a flavor does not use keep their defaults. All statements are prepared once.
 */

const SCHEMA = `
CREATE TABLE IF NOT EXISTS keys (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  key TEXT NOT NULL UNIQUE,
  label TEXT,
  created_at INTEGER NOT NULL,
  daily_limit INTEGER,
  is_active INTEGER NOT NULL DEFAULT 1,
  total_quota INTEGER NOT NULL DEFAULT 1000,
  used_quota INTEGER NOT NULL DEFAULT 0,
  expires_at TEXT,
  response_count INTEGER NOT NULL DEFAULT 0,
  response_ms INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS keys_created ON keys(created_at, id);
CREATE TABLE IF NOT EXISTS usage (
  day TEXT NOT NULL,
  key TEXT NOT NULL,
  requests INTEGER NOT NULL DEFAULT 0,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (day, key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS usage_key ON usage(key, day);
`;
const withToday = 'SELECT k.key, k.label, k.created_at, k.daily_limit, k.is_active, COALESCE(u.requests, 0) AS today_requests ' +
    'FROM keys k LEFT JOIN usage u ON u.day = ? AND u.key = k.key';
const v01Cols = 'SELECT u.key, k.label, u.requests AS req_count, u.updated_at FROM usage u LEFT JOIN keys k ON k.key = u.key';
const v01Recent = 'SELECT u.day, u.key, k.label, u.requests AS req_count, u.updated_at FROM usage u LEFT JOIN keys k ON k.key = u.key';
const since = 'SELECT k.key, k.label, k.created_at, k.daily_limit, k.is_active, u.day, u.requests, u.updated_at ' +
    'FROM keys k JOIN usage u ON u.key = k.key WHERE u.day >= ?';
const active = '(expires_at IS NULL OR expires_at > ?) AND used_quota < total_quota';
const v10Cols = 'SELECT id, key, label, total_quota, used_quota, created_at, expires_at FROM keys';
const v10Usage = 'SELECT k.key, k.label, k.total_quota, k.used_quota, k.created_at, k.response_count, k.response_ms, ' +
    '(SELECT COALESCE(SUM(u.requests), 0) FROM usage u WHERE u.key = k.key AND u.day > ?) AS request_count FROM keys k';
/** Every statement of the store, prepared once per Store under the same name. */
const SQL = {
    insertKey: 'INSERT INTO keys (key, label, created_at, daily_limit, total_quota, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
    getKey: 'SELECT * FROM keys WHERE key = ?',
    deleteKey: 'DELETE FROM keys WHERE key = ?',
    countKeys: 'SELECT COUNT(*) AS n FROM keys',
    allKeysById: 'SELECT key, label, created_at, daily_limit FROM keys ORDER BY id',
    keysNewest: 'SELECT key, label, created_at FROM keys ORDER BY created_at DESC, id DESC',
    keysOldest: 'SELECT key, label, created_at FROM keys ORDER BY created_at, id',
    keysFullNewest: 'SELECT key, label, created_at, daily_limit, is_active FROM keys ORDER BY created_at DESC, id DESC',
    keysWithToday: withToday + ' ORDER BY k.created_at DESC, k.id DESC',
    keysWithTodayActive: withToday + ' WHERE k.is_active = 1 ORDER BY k.created_at DESC, k.id DESC',
    countActive: 'SELECT COUNT(*) AS n FROM keys WHERE is_active = 1',
    getUsage: 'SELECT requests FROM usage WHERE day = ? AND key = ?',
    addUsage: 'INSERT INTO usage (day, key, requests, updated_at) VALUES (?, ?, ?, ?) ' +
        'ON CONFLICT (day, key) DO UPDATE SET requests = requests + excluded.requests, updated_at = excluded.updated_at',
    deleteUsage: 'DELETE FROM usage WHERE day = ? AND key = ?',
    zeroUsage: 'UPDATE usage SET requests = 0, updated_at = ? WHERE day = ? AND key = ?',
    setUsageZero: 'INSERT INTO usage (day, key, requests, updated_at) VALUES (?, ?, 0, ?) ' +
        'ON CONFLICT (day, key) DO UPDATE SET requests = 0, updated_at = excluded.updated_at',
    deleteUsageDay: 'DELETE FROM usage WHERE day = ?',
    usagePage: 'SELECT u.day, u.key AS trial_key, k.label, u.requests, u.updated_at FROM usage u ' +
        'LEFT JOIN keys k ON k.key = u.key ORDER BY u.day DESC, u.updated_at DESC, u.key LIMIT ? OFFSET ?',
    usageCount: 'SELECT COUNT(*) AS n FROM usage',
    usageDay: v01Cols + ' WHERE u.day = ? ORDER BY u.updated_at DESC, u.key',
    usageDayKey: v01Cols + ' WHERE u.day = ? AND u.key = ?',
    usageRecent: v01Recent + ' ORDER BY u.day DESC, u.updated_at DESC, u.key LIMIT ?',
    usageRecentKey: v01Recent + ' WHERE u.key = ? ORDER BY u.day DESC LIMIT ?',
    usageDayAllKeys: 'SELECT k.key, k.label, k.created_at, k.daily_limit, COALESCE(u.requests, 0) AS requests, u.updated_at ' +
        'FROM keys k LEFT JOIN usage u ON u.day = ? AND u.key = k.key ORDER BY k.created_at DESC, k.id DESC',
    usageSince: since + ' ORDER BY k.created_at DESC, k.id DESC, u.day DESC',
    usageSinceKey: since + ' AND k.key = ? ORDER BY u.day DESC',
    v10Page: v10Cols + ' ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?',
    v10PageActive: v10Cols + ` WHERE ${active} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`,
    v10CountActive: `SELECT COUNT(*) AS n FROM keys WHERE ${active}`,
    v10CountExpired: 'SELECT COUNT(*) AS n FROM keys WHERE expires_at IS NOT NULL AND expires_at <= ?',
    v10Totals: 'SELECT COUNT(*) AS n, COALESCE(SUM(total_quota), 0) AS total_quota, COALESCE(SUM(used_quota), 0) AS used_quota, ' +
        'COALESCE(SUM(used_quota >= total_quota), 0) AS exhausted FROM keys',
    v10UsagePage: v10Usage + ' ORDER BY k.created_at DESC, k.id DESC LIMIT ? OFFSET ?',
    v10UsagePageKey: v10Usage + ' WHERE k.key = ? LIMIT ? OFFSET ?',
    v10UsageCountKey: 'SELECT COUNT(*) AS n FROM keys WHERE key = ?',
    v10AddUsed: 'UPDATE keys SET used_quota = used_quota + ? WHERE key = ?',
    v10Response: 'UPDATE keys SET response_count = response_count + 1, response_ms = response_ms + ? WHERE key = ?',
    v10ResetOne: 'UPDATE keys SET used_quota = 0 WHERE key = ?',
    v10ResetAll: 'UPDATE keys SET used_quota = 0',
    v10Update: 'UPDATE keys SET label = CASE WHEN ?1 THEN ?2 ELSE label END, ' +
        'expires_at = CASE WHEN ?3 THEN ?4 ELSE expires_at END, ' +
        'total_quota = CASE WHEN ?5 THEN ?6 ELSE total_quota END WHERE key = ?7',
    requestsOnDay: 'SELECT COALESCE(SUM(requests), 0) AS n FROM usage WHERE day = ?',
};
class Store {
    db;
    closed = false;
    // keys
    insertKey;
    getKey;
    deleteKey;
    countKeys;
    allKeysById;
    keysNewest; // key,label,created_at
    keysOldest;
    keysFullNewest; // + daily_limit,is_active
    keysWithToday; // v1a listing
    keysWithTodayActive;
    countActive; // is_active = 1
    // usage
    getUsage;
    addUsage;
    deleteUsage;
    zeroUsage; // v1 reset: the row stays, at 0
    setUsageZero; // v01 reset: a row at 0, made if missing
    deleteUsageDay;
    usagePage; // v1
    usageCount;
    usageDay; // v01 ?day=
    usageDayKey;
    usageRecent; // v01 without day
    usageRecentKey;
    usageDayAllKeys; // v1p
    usageSince; // v1a
    usageSinceKey;
    countActiveV1a;
    // v10
    v10Page;
    v10PageActive;
    v10CountActive;
    v10CountExpired;
    v10Totals;
    v10UsagePage;
    v10UsagePageKey;
    v10UsageCountKey;
    v10AddUsed;
    v10Response;
    v10ResetOne;
    v10ResetAll;
    v10Update;
    requestsOnDay;
    constructor(file, sync) {
        this.db = new external_node_sqlite_.DatabaseSync(file);
        const db = this.db;
        db.exec('PRAGMA busy_timeout = 5000');
        // A file: WAL; with durable writes, the rollback journal and a full sync per insert, as the real v1
        // runs (better-sqlite3's defaults, journal_mode=delete): its inserts cost here what they cost there.
        if (file !== ':memory:' && file !== '')
            db.exec(`PRAGMA journal_mode = ${sync ? 'DELETE' : 'WAL'}`);
        db.exec(sync ? 'PRAGMA synchronous = FULL' : 'PRAGMA synchronous = OFF');
        db.exec('PRAGMA temp_store = MEMORY');
        db.exec(SCHEMA);
        const p = (sql) => db.prepare(sql);
        this.insertKey = p(SQL.insertKey);
        this.getKey = p(SQL.getKey);
        this.deleteKey = p(SQL.deleteKey);
        this.countKeys = p(SQL.countKeys);
        this.allKeysById = p(SQL.allKeysById);
        this.keysNewest = p(SQL.keysNewest);
        this.keysOldest = p(SQL.keysOldest);
        this.keysFullNewest = p(SQL.keysFullNewest);
        this.keysWithToday = p(SQL.keysWithToday);
        this.keysWithTodayActive = p(SQL.keysWithTodayActive);
        this.countActive = p(SQL.countActive);
        this.getUsage = p(SQL.getUsage);
        this.addUsage = p(SQL.addUsage);
        this.deleteUsage = p(SQL.deleteUsage);
        this.zeroUsage = p(SQL.zeroUsage);
        this.setUsageZero = p(SQL.setUsageZero);
        this.deleteUsageDay = p(SQL.deleteUsageDay);
        this.usagePage = p(SQL.usagePage);
        this.usageCount = p(SQL.usageCount);
        this.usageDay = p(SQL.usageDay);
        this.usageDayKey = p(SQL.usageDayKey);
        this.usageRecent = p(SQL.usageRecent);
        this.usageRecentKey = p(SQL.usageRecentKey);
        this.usageDayAllKeys = p(SQL.usageDayAllKeys);
        this.usageSince = p(SQL.usageSince);
        this.usageSinceKey = p(SQL.usageSinceKey);
        this.v10Page = p(SQL.v10Page);
        this.v10PageActive = p(SQL.v10PageActive);
        this.v10CountActive = p(SQL.v10CountActive);
        this.v10CountExpired = p(SQL.v10CountExpired);
        this.v10Totals = p(SQL.v10Totals);
        this.v10UsagePage = p(SQL.v10UsagePage);
        this.v10UsagePageKey = p(SQL.v10UsagePageKey);
        this.v10UsageCountKey = p(SQL.v10UsageCountKey);
        this.v10AddUsed = p(SQL.v10AddUsed);
        this.v10Response = p(SQL.v10Response);
        this.v10ResetOne = p(SQL.v10ResetOne);
        this.v10ResetAll = p(SQL.v10ResetAll);
        this.v10Update = p(SQL.v10Update);
        this.requestsOnDay = p(SQL.requestsOnDay);
        this.countActiveV1a = this.countActive;
    }
    /** Runs fn inside BEGIN/COMMIT (ROLLBACK on throw). */
    tx(fn) {
        this.db.exec('BEGIN');
        try {
            const r = fn();
            this.db.exec('COMMIT');
            return r;
        }
        catch (e) {
            this.db.exec('ROLLBACK');
            throw e;
        }
    }
    count(stmt, ...params) {
        const row = stmt.get(...params);
        return row ? row.n : 0;
    }
    close() {
        if (this.closed)
            return;
        this.closed = true;
        this.db.close();
    }
}

// EXTERNAL MODULE: ./src/quota-proxy/types.ts
var types = __webpack_require__(5532);
;// CONCATENATED MODULE: ./src/dev-server/types.ts
/** Public types of the quota-proxy dev server (re-exported by ./index.ts). */
// The five flavors are the client's list (one definition): the dev server emulates each of them.

const HEALTH_MODES = Object.freeze(['ok', 'error500', 'okFalse', 'hang']);

;// CONCATENATED MODULE: ./src/dev-server/server.ts
/**
 * The quota-proxy dev server: one node:http server emulating one of the five flavors
 * (v1, v01, v1p, v1a, v10) described in the shared quota-proxy API notes, on SQLite.
 * This file resolves the options and owns the server's life; requests are handled by ./router.ts
 * over the routes of the flavor's module in ./flavors/.
 */












function resolveOptions(opts) {
    const flavor = opts.flavor ?? 'v1';
    if (!types/* FLAVORS */.W.includes(flavor)) {
        throw new Error(`unknown flavor ${String(flavor)}; expected one of ${types/* FLAVORS */.W.join(', ')}`);
    }
    const def = FLAVOR_DEFS[flavor];
    const dailyLimit = opts.dailyLimit ?? 200;
    if (!Number.isSafeInteger(dailyLimit) || dailyLimit < 1)
        throw new Error('dailyLimit must be a positive integer');
    const health = opts.health ?? def.defaultHealth;
    if (!HEALTH_MODES.includes(health))
        throw new Error(`unknown health mode ${String(health)}`);
    const rate = opts.rateLimit === undefined ? def.defaultRateLimit : opts.rateLimit || undefined;
    if (rate && (!Number.isSafeInteger(rate.max) || rate.max < 1 || !(rate.windowSeconds > 0))) {
        throw new Error('rateLimit needs max >= 1 and windowSeconds > 0');
    }
    const timeZone = opts.timeZone || undefined;
    if (timeZone) {
        try {
            localDay(new Date(), timeZone);
        }
        catch {
            throw new Error(`unknown time zone ${timeZone}; expected an IANA name such as UTC or Asia/Shanghai`);
        }
    }
    const port = opts.port ?? 0;
    if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new Error(`invalid port ${port}`);
    const token = opts.token ?? (0,external_node_crypto_.randomBytes)(16).toString('hex');
    if (token === '')
        throw new Error('token must not be empty');
    return { flavor, def, dailyLimit, health, rate, timeZone, port, basePath: normaliseBasePath(opts.basePath), token };
}
function isUniqueViolation(e) {
    return e instanceof Error && /UNIQUE constraint failed/.test(e.message);
}
/** The shared context of the flavor's routes. */
function serverContext(o, store, healthMode) {
    const { flavor, def, timeZone } = o;
    const errBody = (message, extra) => def.errorShape === 'object' ? { error: { message, ...extra } } : { error: message, ...extra };
    const s = {
        flavor,
        store,
        dailyLimit: o.dailyLimit,
        startedAt: Date.now(),
        /** The server-local day, as upstream computes it (getFullYear/getMonth/getDate in its zone). */
        localDay: (d = new Date()) => localDay(d, timeZone),
        localDayMinus: (days) => localDayMinus(days, new Date(), timeZone),
        fail: (res, status, message, extra) => sendJson(res, status, errBody(message, extra)),
        insertKey(label, createdAt, limit, totalQuota, expiresAt, prefix) {
            for (let attempt = 0;; attempt++) {
                const fresh = newKey(flavor, createdAt);
                const key = prefix === undefined ? fresh : prefix + fresh.slice('trial_'.length);
                try {
                    const r = store.insertKey.run(key, label, createdAt, limit, totalQuota, expiresAt);
                    return { key, id: Number(r.lastInsertRowid) };
                }
                catch (e) {
                    if (!isUniqueViolation(e) || attempt >= 10)
                        throw e;
                }
            }
        },
        getKey: (key) => store.getKey.get(key),
        health: (extra) => healthHandler(def, s, healthMode, extra),
    };
    return s;
}
async function listen(server, port) {
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen({ port, host: '127.0.0.1' }, () => {
            server.off('error', reject);
            resolve();
        });
    });
    return server.address().port;
}
async function startDevServer(opts = {}) {
    const o = resolveOptions(opts);
    const store = new Store(opts.db ?? ':memory:', opts.sync ?? false);
    let healthMode = o.health;
    const s = serverContext(o, store, () => healthMode);
    const requests = [];
    const routes = [
        { method: 'GET', path: '/healthz', public: true, handler: s.health() },
        { method: 'POST', path: '/v1/chat/completions', public: true, body: true, handler: chatCompletions(s, o.def.chat) },
        ...o.def.routes(s),
    ];
    const onRequest = createRouter({
        s,
        routes,
        unauthorized: o.def.unauthorized,
        adminTokenInQuery: o.def.adminTokenInQuery,
        token: o.token,
        basePath: o.basePath,
        rateLimiter: o.rate ? adminRateLimiter(o.rate) : undefined,
        requests,
    });
    const server = (0,external_node_http_.createServer)(onRequest);
    server.keepAliveTimeout = 5000;
    let port;
    try {
        port = await listen(server, o.port);
    }
    catch (e) {
        store.close();
        throw e;
    }
    const setHealth = (mode) => {
        if (!HEALTH_MODES.includes(mode))
            throw new Error(`unknown health mode ${String(mode)}`);
        healthMode = mode;
    };
    return devServerHandle(o, s, server, { url: `http://127.0.0.1:${port}${o.basePath}`, requests, setHealth });
}
/**
 * When a request counted on `day` was made: now for today, else this time of day on that day. A real
 * server only ever updates today's row, and clients learn the server's day from the rows' day beside
 * their update time; a past day's row stamped now would put the server in another zone.
 */
function stampWithin(day, localDay) {
    const now = Date.now();
    for (let back = 0; back <= 400; back++) {
        const at = now - back * 86_400_000;
        if (localDay(new Date(at)) === day)
            return at;
    }
    return now;
}
/** The DevServer the caller gets: its address, the test helpers over the store, close(). */
function devServerHandle(o, s, server, base) {
    const { store, localDay } = s;
    let closing;
    return {
        ...base,
        token: o.token,
        flavor: o.flavor,
        seedKeys(n, so = {}) {
            if (!Number.isSafeInteger(n) || n < 0)
                throw new Error('seedKeys: n must be a non-negative integer');
            const createdAt = so.createdAt ? so.createdAt.getTime() : Date.now();
            if (Number.isNaN(createdAt))
                throw new Error('seedKeys: invalid createdAt');
            const prefix = so.labelPrefix ?? 'seed-';
            const limit = so.dailyLimit ?? (o.def.perKeyDailyLimit ? o.dailyLimit : null);
            return store.tx(() => {
                const out = new Array(n);
                for (let i = 0; i < n; i++)
                    out[i] = s.insertKey(prefix + (i + 1), createdAt, limit, 1000, null).key;
                return out;
            });
        },
        recordUsage(key, n, day = localDay()) {
            if (!isDay(day))
                throw new Error(`recordUsage: day must be YYYY-MM-DD, got ${day}`);
            if (!Number.isSafeInteger(n))
                throw new Error('recordUsage: requests must be an integer');
            store.addUsage.run(day, key, n, stampWithin(day, localDay));
            o.def.recordUsage?.(s, key, n);
        },
        day: (at) => localDay(at),
        usageOf(key, day = localDay()) {
            return store.getUsage.get(day, key)?.requests ?? 0;
        },
        allKeys() {
            return store.allKeysById.all().map((r) => r.daily_limit === null
                ? { key: r.key, label: r.label, createdAt: new Date(r.created_at) }
                : { key: r.key, label: r.label, createdAt: new Date(r.created_at), dailyLimit: r.daily_limit });
        },
        close() {
            closing ??= new Promise((resolve) => {
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
}

;// CONCATENATED MODULE: ./src/dev-server/cli.ts
/** `quota-keys dev-server [...]`: runs the dev server until SIGINT/SIGTERM. */





const DEV_SERVER_USAGE = `Usage: quota-keys dev-server [options]

Runs a local quota-proxy-compatible server (SQLite via node:sqlite) on 127.0.0.1.

Options:
  --port N                port to listen on (default 8787; 0 = any free port)
  --flavor F              ${types/* FLAVORS */.W.join(' | ')} (default v1)
  --db FILE               SQLite database file (default :memory:)
  --token T               admin token (default: random, printed at start)
  --daily-limit N         server-wide daily request limit / default per-key limit
                          (default: env DAILY_REQ_LIMIT as upstream, else 200)
  --tz ZONE               time zone of the server's usage days, e.g. Pacific/Pago_Pago
                          (default: the process's own, i.e. TZ, as upstream)
  --base-path P           mount everything under a prefix, e.g. /qp
  --rate-limit MAX/SECS   admin rate limit per client IP, e.g. 30/900, or off
                          (default: 30/900 on v10, as upstream; off on the others)
  --health MODE           ${HEALTH_MODES.join(' | ')} (default hang on v10, as upstream; ok on the others)
  --sync                  durable writes as the real v1 makes them: disk syncs per insert
                          (rollback journal, PRAGMA synchronous=FULL)
  --seed-keys N           insert N keys at start
  --seed-age-days D       seeded keys were created D days ago (default 0)
  --seed-label-prefix P   label prefix of seeded keys (default seed-; labels P1, P2, ...)
  --seed-demo             insert the usage demo: 8 keys with 14 days of usage (growing, steady,
                          a spike, quiet, idle), for usage --days 14 and its dashboard
  -h, --help              show this help
`;
/** A bad flag: exit 2, like bad input to the tool. */
class UsageError extends errors/* QuotaKeysError */.t {
    constructor(message) {
        super(message, 2);
    }
}
/** The flags, as node:util parseArgs reads them; each value is checked by its own reader below. */
const FLAGS = {
    help: { type: 'boolean', short: 'h' },
    sync: { type: 'boolean' },
    'seed-demo': { type: 'boolean' },
    port: { type: 'string' },
    flavor: { type: 'string' },
    db: { type: 'string' },
    token: { type: 'string' },
    'daily-limit': { type: 'string' },
    tz: { type: 'string' },
    'base-path': { type: 'string' },
    'rate-limit': { type: 'string' },
    health: { type: 'string' },
    'seed-keys': { type: 'string' },
    'seed-age-days': { type: 'string' },
    'seed-label-prefix': { type: 'string' },
};
function intFlag(name, v, min, max = Number.MAX_SAFE_INTEGER) {
    if (!/^\d+$/.test(v))
        throw new UsageError(`--${name} expects an integer, got '${v}'`);
    const n = Number(v);
    if (n < min || n > max)
        throw new UsageError(`--${name} must be between ${min} and ${max}, got ${v}`);
    return n;
}
function oneOf(name, v, allowed) {
    if (!allowed.includes(v))
        throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, got '${v}'`);
    return v;
}
function nonEmpty(v, message) {
    if (v === '')
        throw new UsageError(message);
    return v;
}
function rateLimitFlag(v) {
    if (v === 'off')
        return false;
    const m = /^(\d+)\/(\d+)$/.exec(v);
    if (!m || Number(m[1]) < 1 || Number(m[2]) < 1) {
        throw new UsageError(`--rate-limit expects MAX/SECONDS like 30/900, or off, got '${v}'`);
    }
    return { max: Number(m[1]), windowSeconds: Number(m[2]) };
}
function seedAgeFlag(v) {
    const n = Number(v);
    if (v.trim() === '' || !Number.isFinite(n) || n < 0) {
        throw new UsageError(`--seed-age-days expects a number >= 0, got '${v}'`);
    }
    return n;
}
/** Applies one flag's value (checked) to `out`. */
function applyValue(out, name, v) {
    const o = out.opts;
    switch (name) {
        case 'port':
            o.port = intFlag(name, v, 0, 65535);
            break;
        case 'flavor':
            o.flavor = oneOf(name, v, types/* FLAVORS */.W);
            break;
        case 'db':
            o.db = nonEmpty(v, '--db needs a file name');
            break;
        case 'token':
            o.token = nonEmpty(v, '--token must not be empty');
            break;
        case 'daily-limit':
            o.dailyLimit = intFlag(name, v, 1);
            break;
        case 'tz':
            o.timeZone = nonEmpty(v, '--tz needs a zone name such as UTC or Asia/Shanghai');
            break;
        case 'base-path':
            o.basePath = v;
            break;
        case 'rate-limit':
            o.rateLimit = rateLimitFlag(v);
            break;
        case 'health':
            o.health = oneOf(name, v, HEALTH_MODES);
            break;
        case 'seed-keys':
            out.seedKeys = intFlag(name, v, 0, 10_000_000);
            break;
        case 'seed-age-days':
            out.seedAgeDays = seedAgeFlag(v);
            break;
        case 'seed-label-prefix':
            out.seedLabelPrefix = v;
            break;
    }
}
/**
 * parseArgs reads the arguments (non-strict, so that every refusal below is our own one-line
 * message); the tokens are then checked in order, so the first bad argument is the one reported.
 */
function parse(argv, env) {
    const args = argv[0] === 'dev-server' ? argv.slice(1) : argv;
    const out = { help: false, opts: { port: 8787 }, seedKeys: 0, seedAgeDays: 0, seedLabelPrefix: undefined };
    // Upstream reads its limit from DAILY_REQ_LIMIT; --daily-limit overrides it.
    if (env.DAILY_REQ_LIMIT)
        out.opts.dailyLimit = intFlag('daily-limit (DAILY_REQ_LIMIT)', env.DAILY_REQ_LIMIT, 1);
    const { tokens } = (0,external_node_util_.parseArgs)({ args, options: FLAGS, strict: false, allowPositionals: true, tokens: true });
    for (const t of tokens) {
        if (t.kind === 'option-terminator')
            throw new UsageError('unknown option --');
        if (t.kind === 'positional')
            throw new UsageError(`unexpected argument '${t.value}'`);
        if (!Object.hasOwn(FLAGS, t.name)) {
            const long = t.rawName.startsWith('--');
            throw new UsageError(long ? `unknown option ${t.rawName}` : `unexpected argument '${t.rawName}'`);
        }
        const name = t.name;
        if (FLAGS[name].type === 'boolean') {
            if (t.value !== undefined)
                throw new UsageError(`${t.rawName} takes no value`);
            if (name === 'help')
                out.help = true;
            else if (name === 'seed-demo')
                out.seedDemo = true;
            else
                out.opts.sync = true;
            continue;
        }
        if (t.value === undefined)
            throw new UsageError(`--${name} needs a value`);
        applyValue(out, name, t.value);
    }
    return out;
}
async function devServerMain(argv, io = {}) {
    const stdout = io.stdout ?? ((l) => void process.stdout.write(l + '\n'));
    const stderr = io.stderr ?? ((l) => void process.stderr.write(l + '\n'));
    let parsed;
    try {
        parsed = parse(argv, io.env ?? process.env);
    }
    catch (e) {
        if (e instanceof UsageError) {
            stderr(`quota-keys dev-server: ${e.message} (see --help)`);
            return e.exitCode;
        }
        throw e;
    }
    if (parsed.help) {
        stdout(DEV_SERVER_USAGE.trimEnd());
        return 0;
    }
    let server;
    try {
        server = await startDevServer(parsed.opts);
    }
    catch (e) {
        stderr(`quota-keys dev-server: ${(0,errors/* errorMessage */.g)(e)}`);
        return 1;
    }
    if (parsed.seedKeys > 0) {
        server.seedKeys(parsed.seedKeys, {
            createdAt: new Date(Date.now() - parsed.seedAgeDays * 86_400_000),
            ...(parsed.seedLabelPrefix !== undefined ? { labelPrefix: parsed.seedLabelPrefix } : {}),
        });
    }
    if (parsed.seedDemo)
        seedUsageDemo(server);
    stdout(`quota-proxy dev server (${server.flavor}) listening on ${server.url}`);
    if (parsed.opts.token === undefined)
        stdout(`admin token: ${server.token}`);
    const s = server;
    await new Promise((resolve) => {
        const stop = () => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            io.signal?.removeEventListener('abort', stop);
            resolve();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
        if (io.signal?.aborted)
            stop();
        else
            io.signal?.addEventListener('abort', stop);
    });
    await s.close();
    return 0;
}

;// CONCATENATED MODULE: ./src/dev-server/index.ts
/**
 * A local quota-proxy-compatible dev server that emulates the five server flavors
 * (v1, v01, v1p, v1a, v10) over HTTP on 127.0.0.1, persisting to SQLite (node:sqlite).
 * Used by tests (real sockets), by `npm start`, and by the benchmark.
 */






/***/ })

};
