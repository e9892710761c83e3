// usage --days N: each key's requests over the last N server days, from what the flavor keeps
// (capability usageHistory), aggregated per key as the rows are read (no row is kept): daily totals,
// the day each key reaches its limit at its recent rate, idle keys, and spikes. rotate --idle-days
// asks the same history which keys were used.

import type { RunContext } from '../config/context.js';
import type { Options } from '../config/options.js';
import { localDay } from '../config/values.js';
import type { QuotaProxy } from '../quota-proxy/client.js';
import { MAX_COUNT } from '../quota-proxy/flavors/shape.js';
import type { KeyUsage, UsageReport } from './usage-report.js';

/** A lifetime quota's forecast further out than this is "not at this rate". */
const HORIZON_DAYS = 3650;
const DAY_MS = 86_400_000;

export interface KeyTrend {
  /** The last day's row: key, label, limit, percent, threshold alert. */
  usage: KeyUsage;
  /** Requests per server day, oldest first; undefined where the server keeps no calendar days (window). */
  perDay?: Uint32Array;
  /** Requests over the N days (window: the last N×24 hours). */
  total: number;
  /** Requests on the last day (window: the last 24 hours). */
  last: number;
  /** The busiest day's requests (window: undefined). */
  peak?: number;
  /** Mean requests per day over the days before the last (N ≥ 2). */
  meanBefore?: number;
  /** Days after the last day until the limit is reached (0: reached on it); undefined: not at this rate. */
  reachesIn?: number;
  reachesOn?: string;
  spike: boolean;
}

export interface TrendReport {
  /** The N server days, oldest first (the last is the report's day). */
  days: string[];
  /** Per-day figures exist (false: a rolling window of N×24 hours, v10). */
  calendar: boolean;
  dailyTotals: number[];
  dailyKeysUsed: number[];
  /** Busiest first: by requests over the N days, then by label. */
  keys: KeyTrend[];
  forecastDays: number;
  spikeFactor: number;
  spikeMinRequests: number;
  /** Keys reaching their limit within forecastDays, soonest first. */
  runningOut: KeyTrend[];
  /** Keys without a request in the N days. */
  idle: KeyTrend[];
  spikes: KeyTrend[];
  total: number;
}

/** The `n` days ending at `last` (YYYY-MM-DD), oldest first. */
export function daysEndingAt(last: string, n: number): string[] {
  const end = Date.parse(`${last}T00:00:00Z`);
  return Array.from({ length: n }, (_, i) => new Date(end - (n - 1 - i) * DAY_MS).toISOString().slice(0, 10));
}

function dayAfter(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * A daily limit is reached on a day whose requests reach it: the least-squares line through the N
 * days, followed forward no further than twice N days (a trend read off two weeks says nothing of
 * next year). 0: reached on the last day already; undefined: flat, falling, or further out.
 */
export function dailyForecast(perDay: ArrayLike<number>, limit: number): number | undefined {
  const n = perDay.length;
  if (n === 0) return undefined;
  if (perDay[n - 1]! >= limit) return 0;
  if (n < 2) return undefined;
  const meanX = (n - 1) / 2;
  let meanY = 0;
  for (let i = 0; i < n; i++) meanY += perDay[i]! / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (i - meanX) * (perDay[i]! - meanY);
    den += (i - meanX) ** 2;
  }
  const slope = num / den;
  if (!(slope > 0)) return undefined;
  const ahead = Math.max(1, Math.ceil(meanX + (limit - meanY) / slope - (n - 1)));
  return ahead <= 2 * n ? ahead : undefined;
}

/** A lifetime quota runs out at the mean rate of the window. 0: used up already. */
export function lifetimeForecast(used: number, quota: number, requests: number, days: number): number | undefined {
  if (used >= quota) return 0;
  if (requests <= 0) return undefined;
  const ahead = Math.ceil((quota - used) / (requests / days));
  return ahead <= HORIZON_DAYS ? ahead : undefined;
}

function forecastOf(t: KeyTrend, n: number): number | undefined {
  const { limit } = t.usage;
  if (limit.kind === 'daily')
    return limit.value === undefined || !t.perDay ? undefined : dailyForecast(t.perDay, limit.value);
  if (limit.value === undefined || limit.used === undefined) return undefined;
  return lifetimeForecast(limit.used, limit.value, t.total, n);
}

/** Keys per block of per-day counts: one buffer for many keys, allocated as keys with usage are met. */
const KEYS_PER_BLOCK = 1024;

/**
 * Reads the N days' usage of the report's keys: per day where the server keeps days, else its window.
 * Every key starts on one shared all-zero day array; a key gets its own (a view of a shared block)
 * only when a row of usage names it: 100,000 keys, most idle, are not 100,000 arrays (30 days: 12 MB).
 */
async function readHistory(api: QuotaProxy, report: UsageReport, days: string[]): Promise<KeyTrend[]> {
  const calendar = api.known?.capabilities.usageHistory !== 'window';
  const trends = new Map<string, KeyTrend>();
  const unused = new Uint32Array(calendar ? days.length : 0);
  for (const usage of report.rows)
    trends.set(usage.key, {
      usage,
      perDay: calendar ? unused : undefined,
      total: 0,
      last: calendar ? 0 : usage.requests,
      spike: false,
    });
  if (calendar) {
    const index = new Map(days.map((d, i) => [d, i]));
    let block = new Uint32Array(0);
    let used = 0;
    await api.usageHistory(days, (row, day) => {
      const trend = trends.get(row.key);
      if (!trend) return;
      if (trend.perDay === unused) {
        if (used === KEYS_PER_BLOCK || block.length === 0) {
          block = new Uint32Array(KEYS_PER_BLOCK * days.length);
          used = 0;
        }
        trend.perDay = block.subarray(used * days.length, (used + 1) * days.length);
        used += 1;
      }
      const perDay = trend.perDay!;
      const i = index.get(day)!;
      perDay[i] = Math.min(MAX_COUNT, perDay[i]! + row.requests); // two rows of a day: no wrap past 2^32
    });
  } else {
    await api.usageWindow(days.length, (row) => {
      const trend = trends.get(row.key);
      if (trend) trend.total += row.requests;
    });
  }
  return [...trends.values()];
}

/** The trends of the report's keys over `options.days` server days ending at the report's day. */
/** What reading the N days needs of the run (a command's context satisfies it). */
export interface TrendContext {
  options: Pick<Options, 'days' | 'forecastDays' | 'spikeFactor' | 'spikeMinRequests'>;
  api: QuotaProxy;
}

export async function collectTrends(ctx: TrendContext, report: UsageReport): Promise<TrendReport> {
  const { options } = ctx;
  const n = options.days;
  const days = daysEndingAt(report.day, n);
  const keys = await readHistory(ctx.api, report, days);
  const calendar = keys.length === 0 ? ctx.api.known?.capabilities.usageHistory !== 'window' : !!keys[0]!.perDay;
  const dailyTotals = new Array<number>(n).fill(0);
  const dailyKeysUsed = new Array<number>(n).fill(0);
  for (const t of keys) {
    if (t.perDay) {
      t.perDay.forEach((requests, i) => {
        dailyTotals[i]! += requests;
        if (requests > 0) dailyKeysUsed[i]! += 1;
      });
      t.total = t.perDay.reduce((a, b) => a + b, 0);
      t.last = t.perDay[n - 1]!;
      t.peak = Math.max(...t.perDay);
    }
    if (n >= 2) {
      t.meanBefore = Math.max(0, t.total - t.last) / (n - 1);
      // A spike: the last day above spike-factor × the key's mean of the days before, and at least spike-min-requests.
      t.spike = t.last >= options.spikeMinRequests && t.last > options.spikeFactor * t.meanBefore;
    }
    t.reachesIn = forecastOf(t, n);
    if (t.reachesIn !== undefined) t.reachesOn = dayAfter(report.day, t.reachesIn);
  }
  keys.sort((a, b) => b.total - a.total || b.last - a.last || a.usage.label.localeCompare(b.usage.label));
  const byLabel = (a: KeyTrend, b: KeyTrend) => a.usage.label.localeCompare(b.usage.label);
  const runningOut = keys
    .filter((t) => t.reachesIn !== undefined && t.reachesIn <= options.forecastDays)
    .sort((a, b) => a.reachesIn! - b.reachesIn! || byLabel(a, b));
  return {
    days,
    calendar,
    dailyTotals,
    dailyKeysUsed,
    keys,
    forecastDays: options.forecastDays,
    spikeFactor: options.spikeFactor,
    spikeMinRequests: options.spikeMinRequests,
    runningOut,
    idle: keys.filter((t) => t.total === 0).sort(byLabel),
    spikes: keys.filter((t) => t.spike),
    total: keys.reduce((sum, t) => sum + t.total, 0),
  };
}

/**
 * rotate --idle-days: the keys without a request in the last `n` server days. Where the server's day
 * is uncertain (its midnight may have passed), the days it may be on count too: a key used on any of
 * them is kept.
 */
export async function idleKeys<T extends { key: string }>(
  ctx: { api: QuotaProxy; context: Pick<RunContext, 'now'> },
  keys: T[],
  n: number,
): Promise<T[]> {
  const { api } = ctx;
  if (keys.length === 0) return keys;
  const wanted = new Set(keys.map((k) => k.key));
  const used = new Set<string>();
  const mark = (row: { key: string; requests: number }) => {
    if (row.requests > 0 && wanted.has(row.key)) used.add(row.key);
  };
  if (api.known?.capabilities.usageHistory === 'window') await api.usageWindow(n, mark);
  else {
    const runnerDay = localDay(ctx.context.now);
    const choice = await api.serverDay(runnerDay);
    const last = choice.day ?? runnerDay;
    const later = choice.by === 'rows' ? choice.alternatives.filter((d) => d > last) : [];
    await api.usageHistory([...daysEndingAt(last, n), ...later], mark);
  }
  return keys.filter((k) => !used.has(k.key));
}
