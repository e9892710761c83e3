/** Public types of the quota-proxy dev server (re-exported by ./index.ts). */

// The five flavors are the client's list (one definition): the dev server emulates each of them.
export { FLAVORS, type Flavor } from '../quota-proxy/types.js';

import type { Flavor } from '../quota-proxy/types.js';

export type HealthMode = 'ok' | 'error500' | 'okFalse' | 'hang';

export const HEALTH_MODES: readonly HealthMode[] = Object.freeze(['ok', 'error500', 'okFalse', 'hang'] as const);

export interface DevServerOptions {
  /** 0 or undefined = a free port. */
  port?: number;
  /** Default 'v1'. */
  flavor?: Flavor;
  /** SQLite file; default ':memory:'. */
  db?: string;
  /** Admin token; default: random 32 hex chars. */
  token?: string;
  /**
   * The server's time zone (IANA name, e.g. 'Pacific/Pago_Pago') for its usage days, which upstream
   * counts in server-local time; default the process's own (TZ).
   */
  timeZone?: string;
  /** Server-wide DAILY_REQ_LIMIT (v1/v01) and the default per-key daily_limit (v1p/v1a); default 200. */
  dailyLimit?: number;
  /** Mount everything under a prefix, e.g. '/qp' (reverse proxy emulation); default ''. */
  basePath?: string;
  /**
   * Admin rate limit per client IP over /admin/*. Default: v10's upstream 30 requests per 900 s
   * (tests shorten the window); off on the other flavors. `false` turns it off on v10 too.
   */
  rateLimit?: { max: number; windowSeconds: number } | false;
  /**
   * Default 'ok', and 'hang' on v10 like its upstream, whose /healthz and /status handlers never
   * answer (a database wrapper drops their callback).
   */
  health?: HealthMode;
  /**
   * Durable writes as the real v1 makes them (the rollback journal and PRAGMA synchronous=FULL: disk syncs per insert);
   * default false (synchronous=OFF).
   */
  sync?: boolean;
}

export interface DevServer {
  /** e.g. http://127.0.0.1:PORT (+ basePath). */
  url: string;
  token: string;
  flavor: Flavor;
  /** Every request received (path incl. query, as sent, incl. basePath), in order. */
  requests: Array<{ method: string; path: string }>;
  setHealth(mode: HealthMode): void;
  /** Test/bench helper (not over HTTP): insert keys directly. createdAt defaults to now. Returns the keys. */
  seedKeys(n: number, opts?: { labelPrefix?: string; createdAt?: Date; dailyLimit?: number }): string[];
  /**
   * Test helper: add `requests` to a key's usage for `day` (YYYY-MM-DD server-local, default today):
   * past days too (multi-day usage), their rows stamped at an instant of that day (v10: its window
   * counts them by day; its used_quota grows by `requests` whatever the day).
   */
  recordUsage(key: string, requests: number, day?: string): void;
  /** The server-local day (YYYY-MM-DD in its time zone) at `at`, default now: the day usage is counted on. */
  day(at?: Date): string;
  /** Test helper: a key's requests on `day` (server-local, default today). */
  usageOf(key: string, day?: string): number;
  /** Test helper: all keys in the DB as {key,label,createdAt: Date, dailyLimit?: number}. */
  allKeys(): Array<{ key: string; label: string | null; createdAt: Date; dailyLimit?: number }>;
  /** Closes the server (destroying keep-alive sockets and hanging health requests) and the DB. */
  close(): Promise<void>;
}
