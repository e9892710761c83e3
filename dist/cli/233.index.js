export const id = 233;
export const ids = [233];
export const modules = {

/***/ 34233:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEV_SERVER_USAGE: () => (/* reexport */ DEV_SERVER_USAGE),
  FLAVORS: () => (/* reexport */ FLAVORS),
  HEALTH_MODES: () => (/* reexport */ HEALTH_MODES),
  devServerMain: () => (/* reexport */ devServerMain),
  startDevServer: () => (/* reexport */ startDevServer)
});

;// CONCATENATED MODULE: ./src/dev-server/types.ts
/** Public types of the quota-proxy dev server (re-exported by ./index.ts). */
const FLAVORS = Object.freeze(['v1', 'v01', 'v1p', 'v1a', 'v10']);
const HEALTH_MODES = Object.freeze(['ok', 'error500', 'okFalse', 'hang']);

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
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
// encodeurl: keep already-encoded sequences and URL-legal characters, encode the rest.
function encodeUrl(s) {
    return s
        .replace(/(^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uD800-\uDBFF]([^\uDC00-\uDFFF]|$)/g, '$1\uFFFD$2')
        .replace(/(?:[^\x21\x25\x26-\x3B\x3D\x3F-\x5B\x5D\x5F\x61-\x7A\x7E]|%(?:[^0-9A-Fa-f]|[0-9A-Fa-f][^0-9A-Fa-f]|$))+/g, encodeURI);
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
        else
            (chunks ??= [first]).push(chunk);
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
function keys_localDay(d = new Date(), timeZone) {
    if (timeZone)
        return dayFormat(timeZone).format(d);
    return d.getFullYear() + '-' + pad2(d.getMonth() + 1) + '-' + pad2(d.getDate());
}
const formats = new Map();
/** en-CA formats a date as YYYY-MM-DD. Throws RangeError on a zone that does not exist. */
function dayFormat(timeZone) {
    let f = formats.get(timeZone);
    if (!f)
        formats.set(timeZone, (f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
    return f;
}
/** The server-local day `days` calendar days before `d`. */
function keys_localDayMinus(days, d = new Date(), timeZone) {
    const today = keys_localDay(d, timeZone);
    const x = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1, Number(today.slice(8, 10)) - days));
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

// EXTERNAL MODULE: external "node:sqlite"
var external_node_sqlite_ = __webpack_require__(80099);
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
        if (file !== ':memory:' && file !== '')
            db.exec('PRAGMA journal_mode = WAL');
        db.exec(sync ? 'PRAGMA synchronous = FULL' : 'PRAGMA synchronous = OFF');
        db.exec('PRAGMA temp_store = MEMORY');
        db.exec(SCHEMA);
        const p = (sql) => db.prepare(sql);
        this.insertKey = p('INSERT INTO keys (key, label, created_at, daily_limit, total_quota, expires_at) VALUES (?, ?, ?, ?, ?, ?)');
        this.getKey = p('SELECT * FROM keys WHERE key = ?');
        this.deleteKey = p('DELETE FROM keys WHERE key = ?');
        this.countKeys = p('SELECT COUNT(*) AS n FROM keys');
        this.allKeysById = p('SELECT key, label, created_at, daily_limit FROM keys ORDER BY id');
        this.keysNewest = p('SELECT key, label, created_at FROM keys ORDER BY created_at DESC, id DESC');
        this.keysOldest = p('SELECT key, label, created_at FROM keys ORDER BY created_at, id');
        this.keysFullNewest = p('SELECT key, label, created_at, daily_limit, is_active FROM keys ORDER BY created_at DESC, id DESC');
        const withToday = 'SELECT k.key, k.label, k.created_at, k.daily_limit, k.is_active, COALESCE(u.requests, 0) AS today_requests ' +
            'FROM keys k LEFT JOIN usage u ON u.day = ? AND u.key = k.key';
        this.keysWithToday = p(withToday + ' ORDER BY k.created_at DESC, k.id DESC');
        this.keysWithTodayActive = p(withToday + ' WHERE k.is_active = 1 ORDER BY k.created_at DESC, k.id DESC');
        this.countActive = p('SELECT COUNT(*) AS n FROM keys WHERE is_active = 1');
        this.getUsage = p('SELECT requests FROM usage WHERE day = ? AND key = ?');
        this.addUsage = p('INSERT INTO usage (day, key, requests, updated_at) VALUES (?, ?, ?, ?) ' +
            'ON CONFLICT (day, key) DO UPDATE SET requests = requests + excluded.requests, updated_at = excluded.updated_at');
        this.deleteUsage = p('DELETE FROM usage WHERE day = ? AND key = ?');
        this.zeroUsage = p('UPDATE usage SET requests = 0, updated_at = ? WHERE day = ? AND key = ?');
        this.setUsageZero = p('INSERT INTO usage (day, key, requests, updated_at) VALUES (?, ?, 0, ?) ON CONFLICT (day, key) DO UPDATE SET requests = 0, updated_at = excluded.updated_at');
        this.deleteUsageDay = p('DELETE FROM usage WHERE day = ?');
        this.usagePage = p('SELECT u.day, u.key AS trial_key, k.label, u.requests, u.updated_at FROM usage u ' +
            'LEFT JOIN keys k ON k.key = u.key ORDER BY u.day DESC, u.updated_at DESC, u.key LIMIT ? OFFSET ?');
        this.usageCount = p('SELECT COUNT(*) AS n FROM usage');
        const v01Cols = 'SELECT u.key, k.label, u.requests AS req_count, u.updated_at FROM usage u LEFT JOIN keys k ON k.key = u.key';
        this.usageDay = p(v01Cols + ' WHERE u.day = ? ORDER BY u.updated_at DESC, u.key');
        this.usageDayKey = p(v01Cols + ' WHERE u.day = ? AND u.key = ?');
        const v01Recent = 'SELECT u.day, u.key, k.label, u.requests AS req_count, u.updated_at FROM usage u LEFT JOIN keys k ON k.key = u.key';
        this.usageRecent = p(v01Recent + ' ORDER BY u.day DESC, u.updated_at DESC, u.key LIMIT ?');
        this.usageRecentKey = p(v01Recent + ' WHERE u.key = ? ORDER BY u.day DESC LIMIT ?');
        this.usageDayAllKeys = p('SELECT k.key, k.label, k.created_at, k.daily_limit, COALESCE(u.requests, 0) AS requests, u.updated_at ' +
            'FROM keys k LEFT JOIN usage u ON u.day = ? AND u.key = k.key ORDER BY k.created_at DESC, k.id DESC');
        const since = 'SELECT k.key, k.label, k.created_at, k.daily_limit, k.is_active, u.day, u.requests, u.updated_at ' +
            'FROM keys k JOIN usage u ON u.key = k.key WHERE u.day >= ?';
        this.usageSince = p(since + ' ORDER BY k.created_at DESC, k.id DESC, u.day DESC');
        this.usageSinceKey = p(since + ' AND k.key = ? ORDER BY u.day DESC');
        this.countActiveV1a = this.countActive;
        const active = '(expires_at IS NULL OR expires_at > ?) AND used_quota < total_quota';
        const v10Cols = 'SELECT id, key, label, total_quota, used_quota, created_at, expires_at FROM keys';
        this.v10Page = p(v10Cols + ' ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?');
        this.v10PageActive = p(v10Cols + ` WHERE ${active} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`);
        this.v10CountActive = p(`SELECT COUNT(*) AS n FROM keys WHERE ${active}`);
        this.v10CountExpired = p('SELECT COUNT(*) AS n FROM keys WHERE expires_at IS NOT NULL AND expires_at <= ?');
        this.v10Totals = p('SELECT COUNT(*) AS n, COALESCE(SUM(total_quota), 0) AS total_quota, COALESCE(SUM(used_quota), 0) AS used_quota, ' +
            'COALESCE(SUM(used_quota >= total_quota), 0) AS exhausted FROM keys');
        const v10Usage = 'SELECT k.key, k.label, k.total_quota, k.used_quota, k.created_at, k.response_count, k.response_ms, ' +
            '(SELECT COALESCE(SUM(u.requests), 0) FROM usage u WHERE u.key = k.key AND u.day >= ?) AS request_count FROM keys k';
        this.v10UsagePage = p(v10Usage + ' ORDER BY k.created_at DESC, k.id DESC LIMIT ? OFFSET ?');
        this.v10UsagePageKey = p(v10Usage + ' WHERE k.key = ? LIMIT ? OFFSET ?');
        this.v10UsageCountKey = p('SELECT COUNT(*) AS n FROM keys WHERE key = ?');
        this.v10AddUsed = p('UPDATE keys SET used_quota = used_quota + ? WHERE key = ?');
        this.v10Response = p('UPDATE keys SET response_count = response_count + 1, response_ms = response_ms + ? WHERE key = ?');
        this.v10ResetOne = p('UPDATE keys SET used_quota = 0 WHERE key = ?');
        this.v10ResetAll = p('UPDATE keys SET used_quota = 0');
        this.v10Update = p('UPDATE keys SET label = CASE WHEN ?1 THEN ?2 ELSE label END, expires_at = CASE WHEN ?3 THEN ?4 ELSE expires_at END, ' +
            'total_quota = CASE WHEN ?5 THEN ?6 ELSE total_quota END WHERE key = ?7');
        this.requestsOnDay = p('SELECT COALESCE(SUM(requests), 0) AS n FROM usage WHERE day = ?');
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

;// CONCATENATED MODULE: ./src/dev-server/server.ts
/**
 * The quota-proxy dev server: one node:http server emulating one of the five flavors
 * (v1, v01, v1p, v1a, v10) described in the shared quota-proxy API notes, on SQLite.
 */






/** Each flavor's 401 reason, word for word as upstream. */
const UNAUTHORIZED = {
    v1: 'admin auth required',
    v01: 'admin auth required',
    v1p: 'Admin token required',
    v1a: 'Unauthorized: Admin token required',
    v10: 'Invalid admin token',
};
/** A validation failure: answered 400 with the flavor's error shape. */
class BadRequest extends Error {
}
/** v10's upstream admin rate limit (middleware/rate-limit.js): 30 requests per 15 minutes per IP. */
const V10_RATE_LIMIT = Object.freeze({ max: 30, windowSeconds: 900 });
const EMPTY_BODY = Object.freeze({});
const EMPTY_QUERY = new URLSearchParams();
const KEYS_PREFIX = '/admin/keys/';
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
/** Query integer clamped into [min, max]; missing or unparsable → def (Express-style `parseInt(x) || def`). */
function clampInt(s, def, min, max) {
    if (s === null || s === '')
        return def;
    const n = Number.parseInt(s, 10);
    if (Number.isNaN(n))
        return def;
    return n < min ? min : n > max ? max : n;
}
/** Query integer that must lie in [min, max]; missing → def; otherwise 400. */
function strictInt(s, def, min, max, name) {
    if (s === null || s === '')
        return def;
    const n = /^\d+$/.test(s) ? Number(s) : NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max)
        throw new BadRequest(`${name} must be an integer between ${min} and ${max}`);
    return n;
}
function normaliseBasePath(p) {
    if (!p || p === '/')
        return '';
    let s = p.startsWith('/') ? p : '/' + p;
    while (s.length > 1 && s.endsWith('/'))
        s = s.slice(0, -1);
    return s;
}
function isUniqueViolation(e) {
    return e instanceof Error && /UNIQUE constraint failed/.test(e.message);
}
async function startDevServer(opts = {}) {
    const flavor = opts.flavor ?? 'v1';
    if (!FLAVORS.includes(flavor))
        throw new Error(`unknown flavor ${String(flavor)}; expected one of ${FLAVORS.join(', ')}`);
    const dailyLimit = opts.dailyLimit ?? 200;
    if (!Number.isSafeInteger(dailyLimit) || dailyLimit < 1)
        throw new Error('dailyLimit must be a positive integer');
    // v10's upstream defaults: /healthz and /status never answer; /admin allows 30 requests per 15 minutes.
    let healthMode = opts.health ?? (flavor === 'v10' ? 'hang' : 'ok');
    if (!HEALTH_MODES.includes(healthMode))
        throw new Error(`unknown health mode ${String(healthMode)}`);
    const rate = opts.rateLimit === undefined ? (flavor === 'v10' ? V10_RATE_LIMIT : undefined) : opts.rateLimit || undefined;
    if (rate && (!Number.isSafeInteger(rate.max) || rate.max < 1 || !(rate.windowSeconds > 0))) {
        throw new Error('rateLimit needs max >= 1 and windowSeconds > 0');
    }
    const timeZone = opts.timeZone || undefined;
    if (timeZone) {
        try {
            keys_localDay(new Date(), timeZone);
        }
        catch {
            throw new Error(`unknown time zone ${timeZone}; expected an IANA name such as UTC or Asia/Shanghai`);
        }
    }
    /** The server-local day, as upstream computes it (getFullYear/getMonth/getDate in its zone). */
    const localDay = (d = new Date()) => keys_localDay(d, timeZone);
    const localDayMinus = (days) => keys_localDayMinus(days, new Date(), timeZone);
    const port = opts.port ?? 0;
    if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new Error(`invalid port ${port}`);
    const basePath = normaliseBasePath(opts.basePath);
    const token = opts.token ?? (0,external_node_crypto_.randomBytes)(16).toString('hex');
    if (token === '')
        throw new Error('token must not be empty');
    const store = new Store(opts.db ?? ':memory:', opts.sync ?? false);
    const requests = [];
    const startedAt = Date.now();
    const jsonErrorObject = flavor === 'v1' || flavor === 'v01';
    const perKeyLimit = flavor === 'v1p' || flavor === 'v1a';
    /** The flavor's error body: `{"error":{"message"}}` (v1, v01) or `{"error":"..."}` (v1p, v1a, v10). */
    const errBody = (message, extra) => jsonErrorObject ? { error: { message, ...extra } } : { error: message, ...extra };
    const fail = (res, status, message, extra) => sendJson(res, status, errBody(message, extra));
    // ---------------------------------------------------------------- keys
    function insertKey(label, createdAt, limit, totalQuota, expiresAt, prefix) {
        for (let attempt = 0;; attempt++) {
            const key = prefix === undefined ? newKey(flavor, createdAt) : prefix + newKey(flavor, createdAt).slice('trial_'.length);
            try {
                const r = store.insertKey.run(key, label, createdAt, limit, totalQuota, expiresAt);
                return { key, id: Number(r.lastInsertRowid) };
            }
            catch (e) {
                if (!isUniqueViolation(e) || attempt >= 10)
                    throw e;
            }
        }
    }
    const getKey = (key) => store.getKey.get(key);
    // ---------------------------------------------------------------- health
    function healthBody(ok, extra) {
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
    function health(extra) {
        return (c) => {
            const mode = healthMode;
            if (mode === 'hang')
                return; // never answers; close() destroys the socket
            const ok = mode === 'ok';
            // v10 never answers 5xx on health: the verdict is the body's `ok`.
            const status = mode === 'error500' && flavor !== 'v10' ? 500 : 200;
            sendJson(c.res, status, healthBody(ok, ok && extra ? extra() : undefined));
        };
    }
    // ---------------------------------------------------------------- /v1/chat/completions
    function trialKeyOf(req) {
        const auth = req.headers.authorization;
        if (auth && auth.length > 7 && auth.slice(0, 7).toLowerCase() === 'bearer ')
            return auth.slice(7).trim();
        const x = req.headers['x-trial-key'];
        return typeof x === 'string' && x.trim() ? x.trim() : undefined;
    }
    function chatCompletions(c) {
        const key = trialKeyOf(c.req);
        if (!key)
            return fail(c.res, 401, 'Missing trial key in Authorization header');
        const row = getKey(key);
        if (!row)
            return fail(c.res, 401, 'Invalid trial key');
        const now = Date.now();
        const day = localDay(new Date(now));
        if (flavor === 'v10') {
            if (row.expires_at !== null && Date.parse(row.expires_at) <= now)
                return fail(c.res, 403, 'API key expired');
            if (row.used_quota >= row.total_quota) {
                return fail(c.res, 429, 'Quota exceeded', { total_quota: row.total_quota, used_quota: row.used_quota });
            }
        }
        else {
            if (!row.is_active)
                return fail(c.res, 403, 'Trial key is inactive');
            const limit = row.daily_limit ?? dailyLimit;
            const used = store.getUsage.get(day, key)?.requests ?? 0;
            // As upstream: v01 counts the request first and refuses past the limit (refusals count);
            // the others refuse at the limit without counting, so a refused key's count sits at its limit.
            if (flavor === 'v01') {
                store.addUsage.run(day, key, 1, now);
                if (used + 1 > limit)
                    return fail(c.res, 429, `Trial quota exceeded (daily requests>${limit}).`);
            }
            else if (used >= limit) {
                if (flavor === 'v1')
                    return fail(c.res, 429, `Daily limit exceeded (${limit} requests). Reset at midnight UTC.`);
                if (flavor === 'v1p')
                    return fail(c.res, 429, 'Daily quota exceeded');
                return fail(c.res, 429, 'Daily request limit exceeded', { limit, used, remaining: 0 });
            }
        }
        if (flavor !== 'v01')
            store.addUsage.run(day, key, 1, now);
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
        createKey(c) {
            const label = labelOf(c.body.label); // daily_limit, count: ignored (server-wide DAILY_REQ_LIMIT)
            const now = Date.now();
            const { key } = insertKey(label, now, null, 1000, null);
            sendJson(c.res, 200, { key, label, created_at: now });
        },
        listKeys(c) {
            sendJson(c.res, 200, { keys: store.keysNewest.all() });
        },
        deleteKey(c) {
            if (store.deleteKey.run(c.param).changes === 0)
                return fail(c.res, 404, 'key not found');
            sendJson(c.res, 200, { deleted: true });
        },
        usage(c) {
            const limit = clampInt(c.query.get('limit'), 50, 1, 1000);
            const offset = clampInt(c.query.get('offset'), 0, 0, Number.MAX_SAFE_INTEGER);
            const items = store.usagePage.all(limit, offset);
            const total = store.count(store.usageCount);
            sendJson(c.res, 200, { items, total, limit, offset, has_more: offset + items.length < total });
        },
        reset(c) {
            const { day, trial_key } = c.body;
            if (typeof trial_key !== 'string' || trial_key === '' || day === undefined || day === null || day === '') {
                return fail(c.res, 400, 'day and trial_key are required');
            }
            if (!isDay(day))
                return fail(c.res, 400, 'day must be YYYY-MM-DD');
            // As upstream: the row stays, at 0 requests, updated now; no row → 404.
            if (store.zeroUsage.run(Date.now(), day, trial_key).changes === 0)
                return fail(c.res, 404, 'Usage record not found');
            sendJson(c.res, 200, { reset: true, day, trial_key });
        },
        adminHealth(c) {
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
        createKey(c) {
            const b = c.body;
            const count = Math.min(100, Math.max(1, Number(b.count || 1)));
            const label = b.label ? String(b.label) || null : null;
            const prefix = (b.prefix ? String(b.prefix) : '') || 'trial_';
            const now = Date.now();
            const created = store.tx(() => {
                const out = [];
                for (let i = 0; i < count; i++) {
                    const key = insertKey(label, now, null, 1000, null, prefix).key;
                    out.push({ key, label, created_at: now });
                }
                return out;
            });
            if (count === 1)
                return sendJson(c.res, 200, { key: created[0].key, label, created_at: now });
            sendJson(c.res, 200, { count: Number.isNaN(count) ? null : count, keys: created, summary: { total: Number.isNaN(count) ? null : count, label, prefix, created_at: now } });
        },
        listKeys(c) {
            const keys = store.keysOldest.all(); // a JSON file keeps insertion order
            sendJson(c.res, 200, { count: keys.length, keys, mode: 'file' });
        },
        deleteKey(c) {
            const deleted = store.deleteKey.run(c.param).changes > 0;
            sendJson(c.res, 200, { deleted, key: c.param });
        },
        usage(c) {
            const day = c.query.get('day');
            const key = c.query.get('key');
            if (day !== null && day !== '') {
                if (!isDay(day))
                    return fail(c.res, 400, 'day must be YYYY-MM-DD');
                const items = key ? store.usageDayKey.all(day, key) : store.usageDay.all(day);
                return sendJson(c.res, 200, { day, mode: 'file', items });
            }
            const limit = clampInt(c.query.get('limit'), 100, 1, 500);
            const items = key ? store.usageRecentKey.all(key, limit) : store.usageRecent.all(limit);
            sendJson(c.res, 200, { mode: 'file', limit, items });
        },
        reset(c) {
            const key = c.query.get('key');
            if (!key)
                return fail(c.res, 400, 'key is required (query string: ?key=...)');
            const qd = c.query.get('day');
            const day = qd === null || qd === '' ? localDay() : qd;
            if (!isDay(day))
                return fail(c.res, 400, 'day must be YYYY-MM-DD');
            store.setUsageZero.run(day, key, Date.now()); // as upstream: a row at 0, made if missing
            sendJson(c.res, 200, { reset: true, key, day });
        },
    };
    // ---------------------------------------------------------------- v1p / v1a
    const limitFromBody = (v) => (v === undefined || v === null || v === '' ? dailyLimit : positiveInt(v, 'daily_limit'));
    const v1p = {
        createKey(c) {
            const label = labelOf(c.body.label);
            const limit = limitFromBody(c.body.daily_limit);
            const now = Date.now();
            const { key } = insertKey(label, now, limit, 1000, null);
            sendJson(c.res, 200, { key, label, created_at: now, daily_limit: limit });
        },
        listKeys(c) {
            sendJson(c.res, 200, store.keysFullNewest.all());
        },
        deleteKey(c) {
            if (store.deleteKey.run(c.param).changes === 0)
                return fail(c.res, 404, 'key not found');
            sendJson(c.res, 200, { ok: true });
        },
        usage(c) {
            const q = c.query.get('day');
            const day = q === null || q === '' ? localDay() : q;
            if (!isDay(day))
                return fail(c.res, 400, 'day must be YYYY-MM-DD');
            const keys = store.usageDayAllKeys.all(day);
            let total = 0;
            for (const k of keys)
                total += k.requests;
            sendJson(c.res, 200, { day, total_keys: keys.length, total_requests: total, keys });
        },
        reset(c) {
            // Resets EVERY key's usage for the day; any key/trial_key field is ignored, as upstream.
            const d = c.body.day;
            const day = d === undefined || d === null || d === '' ? localDay() : d;
            if (!isDay(day))
                return fail(c.res, 400, 'day must be YYYY-MM-DD');
            const deleted = Number(store.deleteUsageDay.run(day).changes);
            sendJson(c.res, 200, { ok: true, day, deleted });
        },
    };
    const v1a = {
        createKey(c) {
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
        listKeys(c) {
            const today = localDay();
            const rows = (c.query.get('active_only') === 'true' ? store.keysWithTodayActive : store.keysWithToday).all(today);
            for (const r of rows)
                r.remaining = Math.max(0, (r.daily_limit ?? dailyLimit) - r.today_requests);
            sendJson(c.res, 200, { success: true, keys: rows, count: rows.length });
        },
        usage(c) {
            const days = strictInt(c.query.get('days'), 7, 1, 36500, 'days');
            const key = c.query.get('key');
            const since = keys_localDayMinus(days, new Date(), 'UTC'); // upstream: SQLite date('now', '-N days'), UTC
            const rows = (key ? store.usageSinceKey.all(since, key) : store.usageSince.all(since));
            const byKey = new Map();
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
    const v10Status = (r, now) => r.expires_at !== null && Date.parse(r.expires_at) <= now ? 'expired' : r.used_quota >= r.total_quota ? 'exhausted' : 'active';
    const expiresFromBody = (v) => {
        if (v === undefined || v === null || v === '')
            return null;
        const iso = parseIso(v);
        if (iso === undefined)
            throw new BadRequest('Invalid expiresAt: expected an ISO 8601 date');
        return iso;
    };
    const v10 = {
        /** Upstream v10's proxy route: the key in x-api-key (or ?api_key=), looked up in the database. */
        gateway(c) {
            const header = c.req.headers['x-api-key'];
            const key = (typeof header === 'string' && header) || c.query.get('api_key') || '';
            if (!key)
                return fail(c.res, 401, 'Missing API key');
            const row = getKey(key);
            const now = Date.now();
            if (!row || (row.expires_at !== null && Date.parse(row.expires_at) <= now))
                return fail(c.res, 403, 'Invalid or expired API key');
            if (row.used_quota >= row.total_quota)
                return fail(c.res, 429, 'Quota exceeded');
            store.addUsage.run(localDay(new Date(now)), key, 1, now);
            store.v10AddUsed.run(1, key);
            store.v10Response.run(0, key);
            sendJson(c.res, 200, { success: true, data: { message: 'API request processed', responseTime: '0ms', remainingQuota: row.total_quota - row.used_quota - 1 } });
        },
        createKey(c) {
            const label = labelOf(c.body.label);
            const q = c.body.totalQuota;
            const totalQuota = q === undefined || q === null ? 1000 : positiveInt(q, 'totalQuota');
            const expiresAt = expiresFromBody(c.body.expiresAt);
            const { key, id } = insertKey(label, Date.now(), null, totalQuota, expiresAt);
            sendJson(c.res, 200, { success: true, key, label, totalQuota, expiresAt, id });
        },
        listKeys(c) {
            const limit = clampInt(c.query.get('limit'), 100, 1, 1000);
            const offset = clampInt(c.query.get('offset'), 0, 0, Number.MAX_SAFE_INTEGER);
            const activeOnly = c.query.get('activeOnly') === 'true';
            const now = Date.now();
            const nowIso = new Date(now).toISOString();
            const rows = (activeOnly ? store.v10PageActive.all(nowIso, limit, offset) : store.v10Page.all(limit, offset));
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
        deleteKey(c) {
            const deleted = Number(store.deleteKey.run(c.param).changes);
            if (deleted === 0)
                return fail(c.res, 404, 'Key not found');
            sendJson(c.res, 200, { success: true, deleted, key: c.param, message: 'Key deleted' });
        },
        updateKey(c) {
            const b = c.body;
            const hasLabel = 'label' in b;
            const hasExpires = 'expiresAt' in b;
            const hasQuota = 'totalQuota' in b && b.totalQuota !== undefined && b.totalQuota !== null;
            if (!hasLabel && !hasExpires && !hasQuota)
                return fail(c.res, 400, 'No fields to update (label, expiresAt, totalQuota)');
            const label = hasLabel ? labelOf(b.label) : null;
            const expiresAt = hasExpires ? expiresFromBody(b.expiresAt) : null;
            const totalQuota = hasQuota ? positiveInt(b.totalQuota, 'totalQuota') : 0;
            const r = store.v10Update.run(hasLabel ? 1 : 0, label, hasExpires ? 1 : 0, expiresAt, hasQuota ? 1 : 0, totalQuota, c.param);
            if (r.changes === 0)
                return fail(c.res, 404, 'Key not found');
            const row = getKey(c.param);
            sendJson(c.res, 200, {
                success: true,
                updated: 1,
                key: row.key,
                label: row.label,
                totalQuota: row.total_quota,
                expiresAt: row.expires_at,
            });
        },
        usage(c) {
            const key = c.query.get('key');
            const days = strictInt(c.query.get('days'), 7, 1, 36500, 'days');
            const page = strictInt(c.query.get('page'), 1, 1, Number.MAX_SAFE_INTEGER, 'page');
            const limit = strictInt(c.query.get('limit'), 50, 1, 100, 'limit');
            const since = localDayMinus(days);
            const offset = (page - 1) * limit;
            const rows = (key ? store.v10UsagePageKey.all(since, key, limit, offset) : store.v10UsagePage.all(since, limit, offset));
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
        resetUsage(c) {
            const key = c.body.key;
            if (key !== undefined && key !== null && key !== '') {
                if (typeof key !== 'string')
                    return fail(c.res, 400, 'key must be a string');
                if (store.v10ResetOne.run(key).changes === 0)
                    return fail(c.res, 404, 'Key not found');
                return sendJson(c.res, 200, { success: true, reset: 1, key, message: 'Usage reset' });
            }
            const n = Number(store.v10ResetAll.run().changes);
            sendJson(c.res, 200, { success: true, reset: n, message: 'Usage reset for all keys' });
        },
        stats(c) {
            const nowIso = new Date().toISOString();
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
                requests_today: store.count(store.requestsOnDay, localDay()),
            });
        },
    };
    // ---------------------------------------------------------------- routing table
    const staticRoutes = new Map();
    const paramRoutes = new Map(); // method → route for /admin/keys/:key
    const add = (method, path, handler, admin = true, body = false) => {
        staticRoutes.set(method + ' ' + path, { admin, body, handler });
    };
    const addParam = (method, handler, body = false) => {
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
    function isAdmin(req, query) {
        const auth = req.headers.authorization;
        if (auth && auth.length > 7 && auth.slice(0, 7).toLowerCase() === 'bearer ' && auth.slice(7).trim() === token)
            return true;
        const x = req.headers['x-admin-token'];
        if (typeof x === 'string' && x.trim() === token)
            return true;
        return flavor === 'v10' && query.get('admin_token') === token;
    }
    const hits = new Map();
    const windowMs = rate ? rate.windowSeconds * 1000 : 0;
    /**
     * Counts one /admin request of the client, as upstream v10's middleware does: a fixed window from
     * the client's first request, renewed once more than windowMs have passed; a refusal (429, with
     * Retry-After only) is not counted and carries no X-RateLimit-* headers.
     */
    function rateLimited(req, res) {
        const max = rate.max;
        const ip = req.socket.remoteAddress ?? '';
        const now = Date.now();
        let e = hits.get(ip);
        if (!e)
            hits.set(ip, (e = { count: 0, startedAt: now }));
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
    function run(route, c) {
        try {
            route.handler(c);
        }
        catch (e) {
            if (c.res.headersSent)
                return;
            if (e instanceof BadRequest)
                return fail(c.res, 400, e.message);
            fail(c.res, 500, 'Internal server error', { details: e instanceof Error ? e.message : String(e) });
        }
    }
    function onRequest(req, res) {
        const url = req.url ?? '/';
        const method = req.method ?? 'GET';
        requests.push({ method, path: url });
        const qi = url.indexOf('?');
        let pathname = qi < 0 ? url : url.slice(0, qi);
        if (basePath) {
            // A reverse proxy mounted at basePath strips the prefix; anything else is not routed to us.
            if (pathname === basePath)
                pathname = '/';
            else if (pathname.startsWith(basePath) && pathname.charCodeAt(basePath.length) === 47 /* / */) {
                pathname = pathname.slice(basePath.length);
            }
            else
                return sendExpress404(res, method, pathname);
        }
        if (rate && pathname.startsWith('/admin') && (pathname.length === 6 || pathname.charCodeAt(6) === 47)) {
            if (rateLimited(req, res))
                return;
        }
        const p = pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
        const lookup = method === 'HEAD' ? 'GET' : method;
        let route = staticRoutes.get(lookup + ' ' + p);
        let param = '';
        if (route === undefined && p.startsWith(KEYS_PREFIX) && p.length > KEYS_PREFIX.length && p.indexOf('/', KEYS_PREFIX.length) < 0) {
            route = paramRoutes.get(lookup);
            param = p.slice(KEYS_PREFIX.length);
        }
        if (route === undefined)
            return sendExpress404(res, method, pathname);
        const query = qi < 0 ? EMPTY_QUERY : new URLSearchParams(url.slice(qi + 1));
        if (route.admin && !isAdmin(req, query))
            return fail(res, 401, UNAUTHORIZED[flavor]);
        if (param) {
            try {
                param = decodeURIComponent(param);
            }
            catch {
                return fail(res, 400, `Failed to decode param '${param}'`);
            }
        }
        if (!route.body)
            return run(route, { req, res, query, body: EMPTY_BODY, param });
        const r = route;
        readBody(req, MAX_BODY, (err, text) => {
            if (err)
                return fail(res, 413, 'request entity too large');
            let body = EMPTY_BODY;
            // Like express.json(): only JSON content types are parsed; other bodies read as {}.
            const ct = req.headers['content-type'];
            if (text !== '' && ct !== undefined && /json/i.test(ct)) {
                let parsed;
                try {
                    parsed = JSON.parse(text);
                }
                catch {
                    return fail(res, 400, 'Invalid JSON body');
                }
                if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
                    return fail(res, 400, 'JSON body must be an object');
                }
                body = parsed;
            }
            run(r, { req, res, query, body, param });
        });
    }
    const server = (0,external_node_http_.createServer)(onRequest);
    server.keepAliveTimeout = 5000;
    try {
        await new Promise((resolve, reject) => {
            server.once('error', reject);
            server.listen({ port, host: '127.0.0.1' }, () => {
                server.off('error', reject);
                resolve();
            });
        });
    }
    catch (e) {
        store.close();
        throw e;
    }
    const actualPort = server.address().port;
    let closing;
    const dev = {
        url: `http://127.0.0.1:${actualPort}${basePath}`,
        token,
        flavor,
        requests,
        setHealth(mode) {
            if (!HEALTH_MODES.includes(mode))
                throw new Error(`unknown health mode ${String(mode)}`);
            healthMode = mode;
        },
        seedKeys(n, o = {}) {
            if (!Number.isSafeInteger(n) || n < 0)
                throw new Error('seedKeys: n must be a non-negative integer');
            const createdAt = o.createdAt ? o.createdAt.getTime() : Date.now();
            if (Number.isNaN(createdAt))
                throw new Error('seedKeys: invalid createdAt');
            const prefix = o.labelPrefix ?? 'seed-';
            const limit = o.dailyLimit ?? (perKeyLimit ? dailyLimit : null);
            return store.tx(() => {
                const out = new Array(n);
                for (let i = 0; i < n; i++)
                    out[i] = insertKey(prefix + (i + 1), createdAt, limit, 1000, null).key;
                return out;
            });
        },
        recordUsage(key, n, day = localDay()) {
            if (!isDay(day))
                throw new Error(`recordUsage: day must be YYYY-MM-DD, got ${day}`);
            if (!Number.isSafeInteger(n))
                throw new Error('recordUsage: requests must be an integer');
            store.addUsage.run(day, key, n, Date.now());
            if (flavor === 'v10')
                store.v10AddUsed.run(n, key);
        },
        day(at) {
            return localDay(at);
        },
        usageOf(key, day = localDay()) {
            return store.getUsage.get(day, key)?.requests ?? 0;
        },
        allKeys() {
            const rows = store.allKeysById.all();
            return rows.map((r) => r.daily_limit === null
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
    return dev;
}

;// CONCATENATED MODULE: ./src/dev-server/cli.ts
/** `quota-keys dev-server [...]`: runs the dev server until SIGINT/SIGTERM. */


const DEV_SERVER_USAGE = `Usage: quota-keys dev-server [options]

Runs a local quota-proxy-compatible server (SQLite via node:sqlite) on 127.0.0.1.

Options:
  --port N                port to listen on (default 8787; 0 = any free port)
  --flavor F              ${FLAVORS.join(' | ')} (default v1)
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
  --sync                  durable writes: a disk sync per insert (PRAGMA synchronous=FULL)
  --seed-keys N           insert N keys at start
  --seed-age-days D       seeded keys were created D days ago (default 0)
  --seed-label-prefix P   label prefix of seeded keys (default seed-; labels P1, P2, ...)
  -h, --help              show this help
`;
class UsageError extends Error {
}
const VALUE_FLAGS = new Set([
    'port',
    'flavor',
    'db',
    'token',
    'daily-limit',
    'tz',
    'base-path',
    'rate-limit',
    'health',
    'seed-keys',
    'seed-age-days',
    'seed-label-prefix',
]);
function intFlag(name, v, min, max = Number.MAX_SAFE_INTEGER) {
    if (!/^\d+$/.test(v))
        throw new UsageError(`--${name} expects an integer, got '${v}'`);
    const n = Number(v);
    if (n < min || n > max)
        throw new UsageError(`--${name} must be between ${min} and ${max}, got ${v}`);
    return n;
}
function parse(argv, env) {
    const args = argv[0] === 'dev-server' ? argv.slice(1) : argv;
    const out = { help: false, opts: { port: 8787 }, seedKeys: 0, seedAgeDays: 0, seedLabelPrefix: undefined };
    // Upstream reads its limit from DAILY_REQ_LIMIT; --daily-limit overrides it.
    if (env.DAILY_REQ_LIMIT)
        out.opts.dailyLimit = intFlag('daily-limit (DAILY_REQ_LIMIT)', env.DAILY_REQ_LIMIT, 1);
    for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (a === '-h' || a === '--help') {
            out.help = true;
            continue;
        }
        if (!a.startsWith('--'))
            throw new UsageError(`unexpected argument '${a}'`);
        const eq = a.indexOf('=');
        const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
        if (name === 'sync') {
            if (eq >= 0)
                throw new UsageError('--sync takes no value');
            out.opts.sync = true;
            continue;
        }
        if (!VALUE_FLAGS.has(name))
            throw new UsageError(`unknown option --${name}`);
        let v;
        if (eq >= 0)
            v = a.slice(eq + 1);
        else {
            const next = args[i + 1];
            if (next === undefined)
                throw new UsageError(`--${name} needs a value`);
            v = next;
            i++;
        }
        switch (name) {
            case 'port':
                out.opts.port = intFlag(name, v, 0, 65535);
                break;
            case 'flavor':
                if (!FLAVORS.includes(v))
                    throw new UsageError(`--flavor must be one of ${FLAVORS.join(', ')}, got '${v}'`);
                out.opts.flavor = v;
                break;
            case 'db':
                if (v === '')
                    throw new UsageError('--db needs a file name');
                out.opts.db = v;
                break;
            case 'token':
                if (v === '')
                    throw new UsageError('--token must not be empty');
                out.opts.token = v;
                break;
            case 'daily-limit':
                out.opts.dailyLimit = intFlag(name, v, 1);
                break;
            case 'tz':
                if (v === '')
                    throw new UsageError('--tz needs a zone name such as UTC or Asia/Shanghai');
                out.opts.timeZone = v;
                break;
            case 'base-path':
                out.opts.basePath = v;
                break;
            case 'rate-limit': {
                if (v === 'off') {
                    out.opts.rateLimit = false;
                    break;
                }
                const m = /^(\d+)\/(\d+)$/.exec(v);
                if (!m || Number(m[1]) < 1 || Number(m[2]) < 1)
                    throw new UsageError(`--rate-limit expects MAX/SECONDS like 30/900, or off, got '${v}'`);
                out.opts.rateLimit = { max: Number(m[1]), windowSeconds: Number(m[2]) };
                break;
            }
            case 'health':
                if (!HEALTH_MODES.includes(v))
                    throw new UsageError(`--health must be one of ${HEALTH_MODES.join(', ')}, got '${v}'`);
                out.opts.health = v;
                break;
            case 'seed-keys':
                out.seedKeys = intFlag(name, v, 0, 10_000_000);
                break;
            case 'seed-age-days': {
                const n = Number(v);
                if (v.trim() === '' || !Number.isFinite(n) || n < 0)
                    throw new UsageError(`--seed-age-days expects a number >= 0, got '${v}'`);
                out.seedAgeDays = n;
                break;
            }
            case 'seed-label-prefix':
                out.seedLabelPrefix = v;
                break;
        }
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
            return 2;
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
        stderr(`quota-keys dev-server: ${e instanceof Error ? e.message : String(e)}`);
        return 1;
    }
    if (parsed.seedKeys > 0) {
        server.seedKeys(parsed.seedKeys, {
            createdAt: new Date(Date.now() - parsed.seedAgeDays * 86_400_000),
            ...(parsed.seedLabelPrefix !== undefined ? { labelPrefix: parsed.seedLabelPrefix } : {}),
        });
    }
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
