// The one interface every server flavor is driven through. Quirks live in ./flavors/<flavor>.ts.

export const FLAVORS = ['v1', 'v01', 'v1p', 'v1a', 'v10'] as const;
export type Flavor = (typeof FLAVORS)[number];

export interface TrialKey {
  key: string;
  label: string;
  createdAt: Date;
  /** Per-key daily limit when the server has one (v1p, v1a). */
  dailyLimit?: number;
  expiresAt?: Date | null;
  usedToday?: number;
  status?: string;
  /** v10: lifetime quota. */
  totalQuota?: number;
  usedQuota?: number;
}

export interface CreateKeyRequest {
  label: string;
  dailyLimit: number;
  expiresAt?: Date;
  /** v10 only, when limit-as-total-quota is set. */
  totalQuota?: number;
}

export interface UsageRow {
  key: string;
  label: string;
  requests: number;
  /** Per-key daily limit when the server reports one. */
  dailyLimit?: number;
  /** v10: the key's lifetime quota and how much of it is used. */
  totalQuota?: number;
  usedQuota?: number;
  /** The server-local day the row counts, where the answer says (rows of several days). */
  day?: string;
  /** When the server last counted a request in this row (v1, v01, v1a, v1p). */
  updatedAt?: Date;
}

/** One usage answer page. */
export interface UsagePage {
  rows: UsageRow[];
  next?: number;
  /** The day the server says it answered for (v1p, asked without a day: its own today). */
  day?: string;
  /** The rows are only the newest ones, not every row of a day (v01's recent mode). */
  partial?: boolean;
}

export interface Capabilities {
  /** Keys one create request can make (v01's native batch: 100). */
  maxKeysPerCreate: number;
  perKeyDailyLimit: boolean;
  /** v10 can expire keys itself. */
  expiry: boolean;
  /** What a listed key carries beyond label, key, limit and creation (people's tables show only these). */
  listed?: { expires?: true; usedToday?: true; status?: true };
  delete: boolean;
  /** 'key': one key's usage; 'day-wide': only every key's usage for a day (v1p); 'none'. */
  reset: 'key' | 'day-wide' | 'none';
  /** v10: a key's limit is a lifetime `totalQuota`, not a daily limit. */
  lifetimeQuota?: boolean;
  /** The usage answer lists every key with its limit (v1p, v10), not only used ones: no key list needed. */
  usageListsEveryKey?: boolean;
  /**
   * How the server's own day ("today" in its time zone, which counts usage) is known when no day is
   * given: 'named' — asked without a day, it uses its today and its answer names it (v1p); 'rows' —
   * learned from its usage rows' day and update time (v1, v01, v1a). Absent: no calendar days (v10).
   */
  serverDay?: 'named' | 'rows';
  /** A reset sent without a day resets the server's own today, and its answer names the day (v01, v1p). */
  resetDefaultsToServerDay?: boolean;
  /**
   * The server-wide limit (v1, v01) is not reported; whether a refused request is still counted.
   * false (v1): counts stop at the limit, so keys refused today sit exactly at it.
   * true (v01): refusals are counted, so counts run past the limit and show nothing of it.
   */
  refusalsCounted?: boolean;
  /**
   * How usage of past days is read (usage --days, rotate --idle-days): 'rows' — the usage answer
   * asked for the oldest day holds every day's rows since, each with its day (v1: every row it
   * keeps; v1a: `days=`); 'per-day' — one query per day (v01, v1p); 'window' — no calendar days,
   * only each key's count over the last N×24 hours (v10, `usageWindowRequest`).
   */
  usageHistory: 'rows' | 'per-day' | 'window';
  /** The usage pages come newest day first (v1): paging stops at the first row older than asked. */
  usageNewestDayFirst?: boolean;
}

/** A page of keys; `next` is set when the server has more. */
export interface KeyPage {
  keys: TrialKey[];
  next?: number;
}

/**
 * The health check of a flavor whose own health routes cannot be trusted to answer (v10's /healthz
 * and /status never do): a request outside the admin API, so it costs none of an admin rate limit.
 */
export interface HealthProbe {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string>;
  /** Why the flavor's /healthz is not asked, for messages. */
  why: string;
  /** What the answer proves when it is this flavor's healthy answer (one clause); undefined otherwise. */
  judge(status: number, body: unknown): string | undefined;
  /** What a healthy answer looks like, for the message when another came. */
  expected: string;
}

export interface FlavorAdapter {
  readonly flavor: Flavor;
  readonly capabilities: Capabilities;
  /** Set when the default health path (/healthz) of this flavor may never answer. */
  readonly healthProbe?: HealthProbe;
  /** Body for POST /admin/keys making `requests.length` keys (≤ maxKeysPerCreate). */
  createBody(requests: CreateKeyRequest[]): Record<string, unknown>;
  /** Keys in a create answer. */
  parseCreated(body: unknown, requests: CreateKeyRequest[]): TrialKey[];
  /** Query for the listing page starting at `offset`. */
  listQuery(offset: number): Record<string, string | number | undefined>;
  parseListing(body: unknown, offset: number): KeyPage;
  /**
   * Request for one day's usage, the page starting at `offset`; `day` undefined: the server's own
   * today where it can answer so, else its recent rows (each with its day and update time).
   */
  usageRequest(
    day: string | undefined,
    offset: number,
  ): { path: string; query?: Record<string, string | number | undefined> };
  /** 'window' history: each key's requests over the last `days`×24 hours, the page at `offset`. */
  usageWindowRequest?(days: number, offset: number): { path: string; query?: Record<string, string | number> };
  /** Rows of the answer; rows of several days carry their `day` (the client keeps the day's). */
  parseUsage(body: unknown, day: string | undefined, offset: number): UsagePage;
  /**
   * Request resetting `key`'s usage for `day` (undefined: the server's today, resetDefaultsToServerDay), or everyone's
   * on day-wide flavors.
   */
  resetRequest(
    key: string,
    day: string | undefined,
  ): { method: string; path: string; query?: Record<string, string>; body?: unknown };
  /** The day a reset answer says it reset, where it says. */
  parseReset?(body: unknown): string | undefined;
}
