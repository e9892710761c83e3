/**
 * What the dev server's flavor route modules (./flavors/) see: the request at hand (`Ctx`), the
 * server they run in (`ServerContext`: store, server-local day, limits, error shape), and the shape
 * in which a flavor describes itself to the server core (`FlavorDef`).
 */

import type { IncomingMessage, ServerResponse } from 'node:http';
import { QuotaKeysError } from '../shared/errors.js';
import type { KeyRow, Store } from './store.js';
import type { Flavor, HealthMode } from './types.js';

export type Body = Record<string, unknown>;

/** One request, as a route handler sees it. */
export interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  query: URLSearchParams;
  body: Body;
  /** The URL-decoded `:key` path parameter ('' when the route has none). */
  param: string;
}

export type Handler = (c: Ctx) => void;

/** One route of a flavor. `path` may end in `/:key` (only `/admin/keys/:key` is routed). */
export interface RouteDef {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  handler: Handler;
  /** Answered without the admin token (health, the proxy routes). */
  public?: boolean;
  /** Reads (and JSON-parses) the request body first. */
  body?: boolean;
}

/** The path of the one parameterised route: /admin/keys/:key. */
export const KEY_PARAM_ROUTE = '/admin/keys/:key';

/** A validation failure: answered 400 with the flavor's error shape. */
export class BadRequest extends QuotaKeysError {}

/** The running server, shared by every route of its flavor. */
export interface ServerContext {
  readonly flavor: Flavor;
  readonly store: Store;
  /** Server-wide DAILY_REQ_LIMIT (v1, v01) and the default per-key daily_limit (v1p, v1a). */
  readonly dailyLimit: number;
  /** Date.now() when the server started (uptime). */
  readonly startedAt: number;
  /** The server-local day (YYYY-MM-DD in its time zone) at `d`, default now. */
  localDay(d?: Date): string;
  /** The server-local day `days` days before today. */
  localDayMinus(days: number): string;
  /** Answers `status` with the flavor's error body. */
  fail(res: ServerResponse, status: number, message: string, extra?: Body): void;
  /** Inserts a fresh key of the flavor's shape (retrying a key collision). */
  insertKey(
    label: string | null,
    createdAt: number,
    limit: number | null,
    totalQuota: number,
    expiresAt: string | null,
    prefix?: string,
  ): { key: string; id: number };
  getKey(key: string): KeyRow | undefined;
  /** A health route (its mode set by the server's options and setHealth); `extra` adds fields when ok. */
  health(extra?: () => Body): Handler;
}

/**
 * Decides whether a /v1/chat/completions request of `key` is served, and counts it. Answers the
 * refusal itself and returns false when it is not.
 */
export type ChatCharge = (s: ServerContext, c: Ctx, row: KeyRow, now: number) => boolean;

/** How one flavor differs: its routes and the quirks the server core applies for it. */
export interface FlavorDef {
  /** The 401 reason, word for word as upstream. */
  unauthorized: string;
  /** Error bodies: `{"error":{"message"}}` ('object') or `{"error":"..."}` ('string'). */
  errorShape: 'object' | 'string';
  /** The admin token is also accepted as `?admin_token=`. */
  adminTokenInQuery: boolean;
  /** Health when the options name none. */
  defaultHealth: HealthMode;
  /** The admin rate limit per client IP when the options name none. */
  defaultRateLimit?: Readonly<{ max: number; windowSeconds: number }>;
  /** Keys carry their own daily_limit (seeded keys get the server's default). */
  perKeyDailyLimit: boolean;
  /** The body of a health answer (`ok` false: the database is unavailable). */
  healthBody(s: ServerContext, ok: boolean, extra?: Body): Body;
  /** Health answers 200 even when unhealthy (mode error500): the verdict is the body's `ok`. */
  healthNever5xx?: boolean;
  chat: ChatCharge;
  /** Counts `n` requests of `key` beyond the usage table (v10's used_quota). */
  recordUsage?(s: ServerContext, key: string, n: number): void;
  routes(s: ServerContext): RouteDef[];
}
