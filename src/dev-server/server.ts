/**
 * The quota-proxy dev server: one node:http server emulating one of the five flavors
 * (v1, v01, v1p, v1a, v10) described in the shared quota-proxy API notes, on SQLite.
 * This file resolves the options and owns the server's life; requests are handled by ./router.ts
 * over the routes of the flavor's module in ./flavors/.
 */

import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { adminRateLimiter, type RateLimit } from './admin-rate-limit.js';
import { chatCompletions } from './chat.js';
import type { Body, FlavorDef, RouteDef, ServerContext } from './context.js';
import { FLAVOR_DEFS } from './flavors/index.js';
import { healthHandler } from './health.js';
import { sendJson } from './http.js';
import { localDay as dayIn, localDayMinus as dayMinusIn, isDay, newKey } from './keys.js';
import { createRouter, normaliseBasePath } from './router.js';
import { type KeyRow, Store } from './store.js';
import { type DevServer, type DevServerOptions, FLAVORS, type Flavor, HEALTH_MODES, type HealthMode } from './types.js';

export { V10_RATE_LIMIT } from './flavors/v10.js';

/** The options, checked, with each flavor's defaults applied. */
interface Resolved {
  flavor: Flavor;
  def: FlavorDef;
  dailyLimit: number;
  health: HealthMode;
  rate: RateLimit | undefined;
  timeZone: string | undefined;
  port: number;
  basePath: string;
  token: string;
}

function resolveOptions(opts: DevServerOptions): Resolved {
  const flavor: Flavor = opts.flavor ?? 'v1';
  if (!FLAVORS.includes(flavor)) {
    throw new Error(`unknown flavor ${String(flavor)}; expected one of ${FLAVORS.join(', ')}`);
  }
  const def = FLAVOR_DEFS[flavor];
  const dailyLimit = opts.dailyLimit ?? 200;
  if (!Number.isSafeInteger(dailyLimit) || dailyLimit < 1) throw new Error('dailyLimit must be a positive integer');
  const health: HealthMode = opts.health ?? def.defaultHealth;
  if (!HEALTH_MODES.includes(health)) throw new Error(`unknown health mode ${String(health)}`);
  const rate = opts.rateLimit === undefined ? def.defaultRateLimit : opts.rateLimit || undefined;
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
  const port = opts.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port ${port}`);
  const token = opts.token ?? randomBytes(16).toString('hex');
  if (token === '') throw new Error('token must not be empty');
  return { flavor, def, dailyLimit, health, rate, timeZone, port, basePath: normaliseBasePath(opts.basePath), token };
}

function isUniqueViolation(e: unknown): boolean {
  return e instanceof Error && /UNIQUE constraint failed/.test(e.message);
}

/** The shared context of the flavor's routes. */
function serverContext(o: Resolved, store: Store, healthMode: () => HealthMode): ServerContext {
  const { flavor, def, timeZone } = o;
  const errBody = (message: string, extra?: Body): Body =>
    def.errorShape === 'object' ? { error: { message, ...extra } } : { error: message, ...extra };
  const s: ServerContext = {
    flavor,
    store,
    dailyLimit: o.dailyLimit,
    startedAt: Date.now(),
    /** The server-local day, as upstream computes it (getFullYear/getMonth/getDate in its zone). */
    localDay: (d: Date = new Date()) => dayIn(d, timeZone),
    localDayMinus: (days) => dayMinusIn(days, new Date(), timeZone),
    fail: (res, status, message, extra) => sendJson(res, status, errBody(message, extra)),
    insertKey(label, createdAt, limit, totalQuota, expiresAt, prefix) {
      for (let attempt = 0; ; attempt++) {
        const fresh = newKey(flavor, createdAt);
        const key = prefix === undefined ? fresh : prefix + fresh.slice('trial_'.length);
        try {
          const r = store.insertKey.run(key, label, createdAt, limit, totalQuota, expiresAt);
          return { key, id: Number(r.lastInsertRowid) };
        } catch (e) {
          if (!isUniqueViolation(e) || attempt >= 10) throw e;
        }
      }
    },
    getKey: (key) => store.getKey.get(key) as KeyRow | undefined,
    health: (extra) => healthHandler(def, s, healthMode, extra),
  };
  return s;
}

async function listen(server: Server, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host: '127.0.0.1' }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

export async function startDevServer(opts: DevServerOptions = {}): Promise<DevServer> {
  const o = resolveOptions(opts);
  const store = new Store(opts.db ?? ':memory:', opts.sync ?? false);
  let healthMode = o.health;
  const s = serverContext(o, store, () => healthMode);
  const requests: Array<{ method: string; path: string }> = [];
  const routes: RouteDef[] = [
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
  const server = createServer(onRequest);
  server.keepAliveTimeout = 5000;
  let port: number;
  try {
    port = await listen(server, o.port);
  } catch (e) {
    store.close();
    throw e;
  }
  const setHealth = (mode: HealthMode): void => {
    if (!HEALTH_MODES.includes(mode)) throw new Error(`unknown health mode ${String(mode)}`);
    healthMode = mode;
  };
  return devServerHandle(o, s, server, { url: `http://127.0.0.1:${port}${o.basePath}`, requests, setHealth });
}

/**
 * When a request counted on `day` was made: now for today, else this time of day on that day. A real
 * server only ever updates today's row, and clients learn the server's day from the rows' day beside
 * their update time; a past day's row stamped now would put the server in another zone.
 */
function stampWithin(day: string, localDay: (d?: Date) => string): number {
  const now = Date.now();
  for (let back = 0; back <= 400; back++) {
    const at = now - back * 86_400_000;
    if (localDay(new Date(at)) === day) return at;
  }
  return now;
}

/** The DevServer the caller gets: its address, the test helpers over the store, close(). */
function devServerHandle(
  o: Resolved,
  s: ServerContext,
  server: Server,
  base: Pick<DevServer, 'url' | 'requests' | 'setHealth'>,
): DevServer {
  const { store, localDay } = s;
  let closing: Promise<void> | undefined;
  return {
    ...base,
    token: o.token,
    flavor: o.flavor,
    seedKeys(n, so = {}): string[] {
      if (!Number.isSafeInteger(n) || n < 0) throw new Error('seedKeys: n must be a non-negative integer');
      const createdAt = so.createdAt ? so.createdAt.getTime() : Date.now();
      if (Number.isNaN(createdAt)) throw new Error('seedKeys: invalid createdAt');
      const prefix = so.labelPrefix ?? 'seed-';
      const limit = so.dailyLimit ?? (o.def.perKeyDailyLimit ? o.dailyLimit : null);
      return store.tx(() => {
        const out = new Array<string>(n);
        for (let i = 0; i < n; i++) out[i] = s.insertKey(prefix + (i + 1), createdAt, limit, 1000, null).key;
        return out;
      });
    },
    recordUsage(key, n, day = localDay()): void {
      if (!isDay(day)) throw new Error(`recordUsage: day must be YYYY-MM-DD, got ${day}`);
      if (!Number.isSafeInteger(n)) throw new Error('recordUsage: requests must be an integer');
      store.addUsage.run(day, key, n, stampWithin(day, localDay));
      o.def.recordUsage?.(s, key, n);
    },
    day: (at?: Date): string => localDay(at),
    usageOf(key, day = localDay()): number {
      return (store.getUsage.get(day, key) as { requests: number } | undefined)?.requests ?? 0;
    },
    allKeys() {
      type Row = { key: string; label: string | null; created_at: number; daily_limit: number | null };
      return (store.allKeysById.all() as Row[]).map((r) =>
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
}
