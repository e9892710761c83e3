// What a key's usage is measured against, as every channel shows it: one value type and one text,
// so list, usage, monitor, the CSV and JSON say the same of the same key. A limit the server did
// not report is marked with where it came from.

import type { Capabilities } from '../quota-proxy/types.js';

export type LimitSource =
  /** The key's own, as the server reported it (v1p, v1a). */
  | 'key'
  /** server-daily-limit, as the user gave it (v1, v01 do not report theirs). */
  | 'given'
  /** Read from the usage rows: two or more keys stopped at the same count (v1 never counts past it). */
  | 'learned'
  /** The upstream default (200), assumed because nothing said otherwise. */
  | 'assumed';

export type Limit =
  /** `value` undefined: nobody knows it (the usage rows showed counts past the assumed default). */
  | { kind: 'daily'; value?: number; source: LimitSource }
  /** A lifetime quota (v10): `used` of `value`; undefined where the server did not say. */
  | { kind: 'lifetime'; value?: number; used?: number };

/** `200`, `200 (assumed)`, `150 (learned)`, `unknown`, or `15 / 1000` (a lifetime quota, used / total). */
export function limitText(limit: Limit): string {
  if (limit.kind === 'lifetime') return `${limit.used ?? '?'} / ${limit.value ?? '?'}`;
  if (limit.value === undefined) return 'unknown';
  return limit.source === 'assumed' || limit.source === 'learned'
    ? `${limit.value} (${limit.source})`
    : `${limit.value}`;
}

/** The daily limit as a number, where there is one (lifetime quotas have none). */
export function dailyValue(limit: Limit): number | undefined {
  return limit.kind === 'daily' ? limit.value : undefined;
}

export interface LimitFields {
  dailyLimit?: number;
  totalQuota?: number;
  usedQuota?: number;
}

/** DAILY_REQ_LIMIT when a v1/v01 server is started without one. */
export const UPSTREAM_DAILY_LIMIT = 200;

/**
 * The server-wide daily limit of a flavor without per-key limits (v1, v01), as far as it is known:
 * server-daily-limit when given, else the upstream default, assumed (usage may learn it from its
 * rows, ./usage-report.ts, or find it unknown).
 */
export type ServerWideLimit = Extract<Limit, { kind: 'daily' }>;

export const serverWideLimit = (given: number | undefined): ServerWideLimit =>
  given === undefined
    ? { kind: 'daily', value: UPSTREAM_DAILY_LIMIT, source: 'assumed' }
    : { kind: 'daily', value: given, source: 'given' };

/** The limit `key` is measured against on a server of these capabilities: every command says the same. */
export function limitOf(key: LimitFields, capabilities: Capabilities, serverWide: ServerWideLimit): Limit {
  if (capabilities.lifetimeQuota) return { kind: 'lifetime', value: key.totalQuota, used: key.usedQuota };
  // A per-key server answering without a limit applies its default, which is the server-wide one.
  if (capabilities.perKeyDailyLimit && key.dailyLimit !== undefined)
    return { kind: 'daily', value: key.dailyLimit, source: 'key' };
  return serverWide;
}

/** Distinct limits one SharedLimits keeps; any further one stays an object of its own. */
const MAX_SHARED_LIMITS = 1000;

/**
 * Equal limits as one object: usage holds a limit for every key (100,000 keys: 4.6 MB of limits, one
 * each), and most are alike (keys of one quota, idle). Limits are never changed once made.
 */
export class SharedLimits {
  private readonly made = new Map<string, Limit>();

  of(limit: Limit): Limit {
    const id = limit.kind === 'lifetime' ? `l ${limit.value} ${limit.used}` : `d ${limit.value} ${limit.source}`;
    const same = this.made.get(id);
    if (same) return same;
    if (this.made.size < MAX_SHARED_LIMITS) this.made.set(id, limit);
    return limit;
  }
}

/** How a server-wide limit nobody gave reads: what the server applies and what to set. */
export function unknownLimitText(flavor: string): string {
  return (
    `the ${flavor} server applies one server-wide DAILY_REQ_LIMIT to every key (upstream default 200) ` +
    `and its admin API does not report it; set server-daily-limit to that value`
  );
}
