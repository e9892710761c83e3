// What a key's usage is measured against: its own daily limit (v1p, v1a), the server-wide daily
// limit (v1, v01 — they have no per-key limits), or a lifetime total quota (v10, no daily limits).
import type { Capabilities } from './quota-proxy/types.js';

export type Limit =
  /** `perKey` false: the server-wide limit (server-daily-limit), which the server applies to every key. */
  | { kind: 'daily'; value: number; perKey: boolean }
  /** `used` is the key's lifetime used quota; both are undefined when the server did not say. */
  | { kind: 'lifetime'; value?: number; used?: number };

export interface LimitFields {
  dailyLimit?: number;
  totalQuota?: number;
  usedQuota?: number;
}

export function limitOf(key: LimitFields, capabilities: Capabilities, serverDailyLimit: number): Limit {
  if (capabilities.lifetimeQuota) return { kind: 'lifetime', value: key.totalQuota, used: key.usedQuota };
  // A per-key server answering without a limit applies its default, which is the server-wide one.
  if (capabilities.perKeyDailyLimit && key.dailyLimit !== undefined) return { kind: 'daily', value: key.dailyLimit, perKey: true };
  return { kind: 'daily', value: serverDailyLimit, perKey: false };
}

/** The daily limit for the CSV's daily_limit column; none for lifetime quotas. */
export function dailyLimitOf(limit: Limit): number | undefined {
  return limit.kind === 'daily' ? limit.value : undefined;
}

/**
 * Percent of the limit used, rounded down, so that the shown number and the alert rule agree:
 * floor(p) ≥ threshold exactly when p ≥ threshold (threshold is whole). Undefined without a limit.
 */
export function percentUsed(used: number | undefined, limit: number | undefined): number | undefined {
  if (used === undefined || limit === undefined || limit <= 0) return undefined;
  return Math.floor((used * 100) / limit);
}
