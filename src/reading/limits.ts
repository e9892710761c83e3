// What a key's usage is measured against: its own daily limit (v1p, v1a), the server-wide daily
// limit (v1, v01 — they have no per-key limits), or a lifetime total quota (v10, no daily limits).
// v1 and v01 never report their server-wide limit (DAILY_REQ_LIMIT): it is known only when the user
// gives server-daily-limit, else it is unknown, said so, and never replaced by a guess.
import type { Capabilities, UsageRow } from '../quota-proxy/types.js';

export type Limit =
  /** `perKey` false: the server-wide limit (server-daily-limit); `value` undefined when nobody said it. */
  | { kind: 'daily'; value?: number; perKey: boolean }
  /** `used` is the key's lifetime used quota; both are undefined when the server did not say. */
  | { kind: 'lifetime'; value?: number; used?: number };

export interface LimitFields {
  dailyLimit?: number;
  totalQuota?: number;
  usedQuota?: number;
}

/** DAILY_REQ_LIMIT when a v1/v01 server is started without one. */
export const UPSTREAM_DAILY_LIMIT = 200;

/** The CSV's daily_limit where the server applies a limit it does not report. */
export const UNKNOWN_LIMIT = 'unknown';

export function limitOf(key: LimitFields, capabilities: Capabilities, serverDailyLimit: number | undefined): Limit {
  if (capabilities.lifetimeQuota) return { kind: 'lifetime', value: key.totalQuota, used: key.usedQuota };
  // A per-key server answering without a limit applies its default, which is the server-wide one.
  if (capabilities.perKeyDailyLimit && key.dailyLimit !== undefined)
    return { kind: 'daily', value: key.dailyLimit, perKey: true };
  return { kind: 'daily', value: serverDailyLimit, perKey: false };
}

/** The CSV's daily_limit: the number, `unknown` for a server-wide limit nobody gave, none for lifetime quotas. */
export function dailyLimitOf(limit: Limit): number | string | undefined {
  if (limit.kind !== 'daily') return undefined;
  return limit.value ?? UNKNOWN_LIMIT;
}

/** How a server-wide limit nobody gave reads: what the server applies and what to set. */
export function unknownLimitText(flavor: string): string {
  return (
    `unknown: the ${flavor} server applies one server-wide DAILY_REQ_LIMIT to every key (upstream ` +
    `default 200) and its admin API does not report it; set server-daily-limit to that value`
  );
}

/**
 * What the usage rows show of a server-wide limit nobody gave, where refused requests are not
 * counted (v1): no count can pass the limit, so the highest count is a floor; when two or more
 * rows stopped at that same count (of at least 10), keys were most likely refused there: it is
 * probably the limit. A coincidence remains possible, which the summary says.
 */
export interface LimitEvidence {
  atLeast: number;
  /** The count two or more rows stopped at: the limit, as far as the rows show. */
  reached?: number;
  rowsAtLimit: number;
}

/** The lowest count a tie is read as the limit from. */
const MIN_READ_LIMIT = 10;

export function limitEvidence(rows: UsageRow[]): LimitEvidence | undefined {
  let highest = 0;
  let count = 0;
  for (const row of rows) {
    if (row.requests > highest) {
      highest = row.requests;
      count = 1;
    } else if (row.requests === highest) count += 1;
  }
  if (highest === 0) return undefined;
  // Low counts tie by chance on a quiet server (every key used once): no limit is read from those.
  return {
    atLeast: highest,
    reached: count >= 2 && highest >= MIN_READ_LIMIT ? highest : undefined,
    rowsAtLimit: count,
  };
}

/**
 * Percent of the limit used, rounded down, so that the shown number and the alert rule agree:
 * floor(p) ≥ threshold exactly when p ≥ threshold (threshold is whole). Undefined without a limit.
 */
export function percentUsed(used: number | undefined, limit: number | undefined): number | undefined {
  if (used === undefined || limit === undefined || limit <= 0) return undefined;
  return Math.floor((used * 100) / limit);
}
