// usage and monitor share this: each key's requests on a day against its limit, the alert rule,
// and what the report says of it (facts, the table's rows, the busiest chart, alerts, warnings).

import type { RunContext } from '../config/context.js';
import type { Options } from '../config/options.js';
import { localDay } from '../config/values.js';
import type { DayChoice, QuotaProxy } from '../quota-proxy/client.js';
import { offsetText } from '../quota-proxy/time.js';
import type { TrialKey } from '../quota-proxy/types.js';
import type { Chart } from '../report/charts.js';
import {
  type Limit,
  type LimitFields,
  limitOf,
  limitText,
  type ServerWideLimit,
  SharedLimits,
  serverWideLimit,
  UPSTREAM_DAILY_LIMIT,
  unknownLimitText,
} from '../report/limit.js';
import type { Report } from '../report/report.js';
import { usageTable } from '../report/tables.js';
import { QuotaKeysError } from '../shared/errors.js';
import type { Logger } from '../shared/log.js';
import { shortenKey } from '../shared/redact.js';
import { type LimitEvidence, limitEvidence, percentUsed } from './limits.js';

/** What reading usage needs of the run (a command's context satisfies it). */
export interface UsageContext {
  options: Pick<Options, 'labelPrefix' | 'day' | 'serverDailyLimit' | 'alertThreshold'>;
  api: QuotaProxy;
  context: Pick<RunContext, 'now'>;
}

/** What telling the usage needs: where the facts, rows and alerts go, the log, fail-on-alert. */
export interface UsageTelling {
  options: Pick<Options, 'failOnAlert' | 'labelPrefix' | 'serverDailyLimit'>;
  log: Logger;
  report: Report;
}

export interface KeyUsage {
  key: string;
  label: string;
  /** Requests on the day (lifetime-quota servers: over their last day, not a calendar day). */
  requests: number;
  limit: Limit;
  /** Percent of the daily limit (or of the lifetime quota), rounded down; undefined without a limit. */
  percent?: number;
  alert: boolean;
}

/**
 * A server-wide limit nobody gave (v1, v01 without server-daily-limit), and what stands in for it:
 * 'learned' — v1 rows stopped at one count (v1 never counts past its limit); 'assumed' — the upstream
 * default, where nothing contradicts it; 'unknown' — the rows show counts past the default.
 */
export interface UnknownLimit {
  flavor: string;
  refusalsCounted: boolean;
  evidence?: LimitEvidence;
  stand: 'learned' | 'assumed' | 'unknown';
  value?: number;
}

export type UsageBasis = 'per-key daily limit' | 'server-wide daily limit' | 'lifetime quota';

export interface UsageReport {
  day: string;
  totalRequests: number;
  activeKeys: number;
  totalKeys: number;
  alerts: number;
  threshold: number;
  basis: UsageBasis;
  /** Which day was reported and why. */
  dayChoice: DayChoice;
  /** Set when the server-wide limit is unknown (server-daily-limit not given on v1, v01). */
  unknownLimit?: UnknownLimit;
  /** Busiest first: by percent, then by requests. */
  rows: KeyUsage[];
  alertRows: KeyUsage[];
}

/** Warnings printed one per key before the rest is summed up in one line. */
const MAX_ALERT_WARNINGS = 20;
/** Rows kept for the summary table (the job summary shows 200; terminals print every key as a line). */
export const TABLE_ROWS = 200;
const CHART_KEYS = 10;

/** The server-wide limit percentages are of: given, learned from the rows, assumed, or unknown. */
function serverWideOf(given: number | undefined, unknown: UnknownLimit | undefined): ServerWideLimit {
  if (given !== undefined || !unknown) return serverWideLimit(given);
  if (unknown.stand === 'learned') return { kind: 'daily', value: unknown.value, source: 'learned' };
  if (unknown.stand === 'assumed') return serverWideLimit(undefined);
  return { kind: 'daily', value: undefined, source: 'assumed' };
}

/**
 * Reads usage with as few admin requests as the flavor allows (v10 allows 30 per 15 minutes):
 * - flavors whose usage answer lists every key with its limit (v1p, v10): only the usage pages, plus
 *   one key-list page first when the flavor is still unknown (that page tells it);
 * - the others answer usage only for keys that were used: the key list gives the rest, and labels
 *   and limits, then the usage of the day is joined onto it.
 */
export async function collectUsage(ctx: UsageContext): Promise<UsageReport> {
  const { api, options } = ctx;
  const matches = (label: string) => label.startsWith(options.labelPrefix);
  const listed: TrialKey[] = [];
  if (!api.known?.capabilities.usageListsEveryKey) {
    for await (const page of api.listKeys()) {
      if (api.known?.capabilities.usageListsEveryKey) break; // the first page told the flavor: enough
      for (const key of page) if (matches(key.label)) listed.push(key);
    }
  }
  const adapter = api.known;
  if (!adapter) throw new QuotaKeysError('the server flavor is still unknown after listing the keys');
  const { rows: usage, day: dayChoice, everyRow } = await api.usage(options.day, localDay(ctx.context.now));
  const { capabilities } = adapter;
  const serverWide = !capabilities.perKeyDailyLimit && !capabilities.lifetimeQuota;
  let unknownLimit: UnknownLimit | undefined;
  if (serverWide && options.serverDailyLimit === undefined) {
    const refusalsCounted = capabilities.refusalsCounted !== false;
    // Only where refusals are not counted do the counts stop at the limit and show it.
    const evidence = refusalsCounted ? undefined : limitEvidence(everyRow);
    unknownLimit =
      evidence?.reached !== undefined
        ? { flavor: adapter.flavor, refusalsCounted, evidence, stand: 'learned', value: evidence.reached }
        : evidence && evidence.atLeast > UPSTREAM_DAILY_LIMIT
          ? { flavor: adapter.flavor, refusalsCounted, evidence, stand: 'unknown' }
          : { flavor: adapter.flavor, refusalsCounted, evidence, stand: 'assumed', value: UPSTREAM_DAILY_LIMIT };
  }
  const serverWideValue = serverWideOf(options.serverDailyLimit, unknownLimit);

  const limits = new SharedLimits();
  const row = (key: string, label: string, requests: number, fields: LimitFields): KeyUsage => {
    const limit = limits.of(limitOf(fields, capabilities, serverWideValue));
    const percent = limit.kind === 'daily' ? percentUsed(requests, limit.value) : percentUsed(limit.used, limit.value);
    return { key, label, requests, limit, percent, alert: percent !== undefined && percent >= options.alertThreshold };
  };
  let rows: KeyUsage[];
  if (adapter.capabilities.usageListsEveryKey) {
    rows = usage.filter((u) => matches(u.label)).map((u) => row(u.key, u.label, u.requests, u));
  } else {
    // Usage rows of keys that are no longer listed (deleted keys) are left out.
    const requests = new Map<string, number>();
    for (const u of usage) requests.set(u.key, (requests.get(u.key) ?? 0) + u.requests);
    rows = listed.map((k) => row(k.key, k.label, requests.get(k.key) ?? 0, k));
  }
  rows.sort(
    (a, b) => (b.percent ?? -1) - (a.percent ?? -1) || b.requests - a.requests || a.label.localeCompare(b.label),
  );

  const basis: UsageBasis = adapter.capabilities.lifetimeQuota
    ? 'lifetime quota'
    : adapter.capabilities.perKeyDailyLimit
      ? 'per-key daily limit'
      : 'server-wide daily limit';
  const alertRows = rows.filter((r) => r.alert);
  return {
    day: dayChoice.day ?? localDay(ctx.context.now),
    dayChoice,
    unknownLimit,
    threshold: options.alertThreshold,
    basis,
    rows,
    alertRows,
    alerts: alertRows.length,
    totalRequests: rows.reduce((sum, r) => sum + r.requests, 0),
    activeKeys: rows.filter((r) => r.requests > 0).length,
    totalKeys: rows.length,
  };
}

function basisText(report: UsageReport, serverDailyLimit: number | undefined): string {
  switch (report.basis) {
    case 'per-key daily limit':
      return "each key's daily limit";
    case 'server-wide daily limit':
      if (report.unknownLimit?.stand === 'unknown')
        return 'no percent: the server-wide daily limit is unknown (see Daily limit)';
      if (report.unknownLimit)
        return (
          `the server-wide daily limit, ${report.unknownLimit.value}, ` +
          `${
            report.unknownLimit.stand === 'learned'
              ? 'learned from ' + 'the usage rows'
              : 'assumed: the upstream default'
          } (see Daily limit)`
        );
      return `the server-wide daily limit, ${serverDailyLimit} (server-daily-limit; this server has no per-key limits)`;
    case 'lifetime quota':
      return (
        "each key's lifetime quota, used_quota / total_quota (this server has no daily limits; its " +
        'request counts cover its last day, not a calendar day)'
      );
  }
}

/** Why this day: the server's own day is what its counts are kept by, not the runner's date. */
export function dayReason(choice: DayChoice): string {
  switch (choice.by) {
    case 'given':
      return 'given (day)';
    case 'server':
      return "the server's today, as its answer names it";
    case 'rows': {
      const [lo, hi] = choice.offsets ?? [0, 0];
      const zone = lo === hi ? offsetText(lo) : `${offsetText(lo)} to ${offsetText(hi)}`;
      const ago = choice.newest
        ? Math.max(0, Math.round((Date.now() - choice.newest.updatedAt.getTime()) / 60_000))
        : 0;
      const maybe =
        choice.alternatives.length > 0
          ? `; it may be ${choice.alternatives.join(' or ')} there already (no usage counted on it yet): ` +
            `set day to choose`
          : '';
      return (
        `the server's today, learned from its usage rows (their day beside their update time put the ` +
        `server at ${zone}; newest counted ${ago} min ago)${maybe}`
      );
    }
    case 'runner':
      return "the runner's date: the server has no usage counted, so its own day could not be learned";
    case 'none':
      return 'none (lifetime quotas)';
  }
}

/** The daily-limit fact where the server-wide limit is unknown, with what the usage rows show of it. */
export function unknownLimitFact(report: UsageReport): string | undefined {
  const unknown = report.unknownLimit;
  if (!unknown) return undefined;
  const evidence = unknown.evidence;
  let shows: string;
  if (unknown.refusalsCounted)
    shows = `none: the ${unknown.flavor} server counts refused requests too, so its counts do not show the limit`;
  else if (evidence?.reached !== undefined) {
    shows =
      `${evidence.rowsAtLimit} usage rows stopped at the same highest count, ${evidence.reached} (the ` +
      `${unknown.flavor} server never counts past its limit, so keys refused with 429 sit at it)`;
  } else if (evidence)
    shows =
      `it is at least ${evidence.atLeast}, the highest count (the ${unknown.flavor} server never ` +
      `counts past its limit)`;
  else shows = 'none yet: no usage counted';
  const stand =
    unknown.stand === 'learned'
      ? `percentages are of ${unknown.value}, which the rows show (unless those keys stopped there by chance)`
      : unknown.stand === 'assumed'
        ? `percentages are of ${unknown.value}, the upstream default, assumed until server-daily-limit says otherwise`
        : 'no percentages';
  // Led by the limit as every table shows it (`200 (assumed)`, `30 (learned)`, `unknown`), as list says it.
  const value = limitText(serverWideOf(undefined, unknown));
  return `${value}: ${unknownLimitText(unknown.flavor)}. Evidence: ${shows}; ${stand}.`;
}

/** The facts usage and monitor both report. */
export function setUsageFacts(target: Report, report: UsageReport, options: UsageTelling['options']): void {
  const day = report.basis !== 'lifetime quota';
  target.facts
    .set('day', day ? report.day : undefined)
    .set('day_chosen', day ? dayReason(report.dayChoice) : undefined)
    .set('daily_limit', unknownLimitFact(report))
    .set('label_prefix', options.labelPrefix || undefined)
    .set('keys', report.totalKeys)
    .set('requests', report.totalRequests)
    .set('keys_used', report.activeKeys)
    .set('percent_of', basisText(report, options.serverDailyLimit))
    .set('alert_threshold', `${report.threshold}%`)
    .set('alerts', report.alerts);
}

/** The usage table: `rows` (busiest first), each key shortened. */
export async function emitUsageRows(target: Report, report: UsageReport, rows: readonly KeyUsage[]): Promise<void> {
  const row = target.open(usageTable(report.basis === 'lifetime quota'));
  for (const [n, r] of rows.entries()) {
    await target.pace(n);
    row({ ...r, key: shortenKey(r.key) });
  }
}

/**
 * A bar chart of the busiest keys' percent of their limit, with the alert threshold as a line;
 * across, so that each key's label has a line of its own. A key without a label is named by its
 * key, shortened (the renderer makes either safe for its channel).
 */
export function busiestChart(report: UsageReport, top = CHART_KEYS): Chart | undefined {
  const rows = report.rows.filter((r) => r.percent !== undefined).slice(0, top);
  if (rows.length === 0) return undefined;
  const of = report.basis === 'lifetime quota' ? 'lifetime quota' : 'daily limit';
  return {
    title: `Busiest keys${report.basis === 'lifetime quota' ? '' : ` on ${report.day}`}, % of ${of}`,
    x: rows.map((r) => r.label || shortenKey(r.key)),
    y: { label: `% of ${of}`, max: Math.max(100, ...rows.map((r) => r.percent!)) },
    bars: rows.map((r) => r.percent!),
    line: rows.map(() => report.threshold),
    horizontal: true,
  };
}

function warnAlerts(log: Logger, report: UsageReport): void {
  const when = report.basis === 'lifetime quota' ? 'of its lifetime quota' : `of its daily limit on ${report.day}`;
  for (const r of report.alertRows.slice(0, MAX_ALERT_WARNINGS)) {
    const used = r.limit.kind === 'lifetime' ? r.limit.used : r.requests;
    log.warning(
      `Key ${shortenKey(r.key)} (${r.label || 'no label'}) used ${r.percent}% ${when} (${used} of ` +
        `${r.limit.value}), at or above alert-threshold ${report.threshold}%.`,
    );
  }
  if (report.alertRows.length > MAX_ALERT_WARNINGS) {
    log.warning(
      `… and ${report.alertRows.length - MAX_ALERT_WARNINGS} more keys at or above alert-threshold ` +
        `${report.threshold}%.`,
    );
  }
}

/** Spikes (usage --days): alerts beside the threshold's, each with its warning. */
export interface SpikeAlerts {
  /** Each spiking key (whole: it is matched against the threshold's) and its label. */
  keys: ReadonlyMap<string, string>;
  /** One per spike, in order. */
  warnings: string[];
  /** `label spike`, for the failure line. */
  names: string[];
}

/**
 * The alert rule's outcome: output `alerts` (keys at the threshold or spiking, each once), a warning
 * per alert, and failure with fail-on-alert.
 */
export function finishWithAlerts(ctx: UsageTelling, report: UsageReport, spikes?: SpikeAlerts): Report {
  const { options, log, report: target } = ctx;
  const atThreshold = new Set(spikes ? report.alertRows.map((r) => r.key) : []);
  const spiking = spikes ? [...spikes.keys.keys()].filter((k) => !atThreshold.has(k)).length : 0;
  const alerts = report.alerts + spiking;
  target.outputs.alerts = String(alerts);
  for (const r of report.alertRows)
    target.alerts.push({
      kind: 'threshold',
      label: r.label,
      key: shortenKey(r.key),
      percent: r.percent,
      threshold: report.threshold,
    });
  for (const [key, label] of spikes?.keys ?? []) target.alerts.push({ kind: 'spike', label, key: shortenKey(key) });
  const when = report.basis === 'lifetime quota' ? 'over the last day' : `on ${report.day}`;
  if (report.basis !== 'lifetime quota') log.info(`Day ${report.day}: ${dayReason(report.dayChoice)}.`);
  log.info(
    `${report.totalRequests} request(s) ${when} by ${report.activeKeys} of ${report.totalKeys} key(s); ` +
      `${report.alerts} at or above ${report.threshold}%.`,
  );
  // The one thing to do, in one line; the evidence is the Daily limit fact's.
  if (report.unknownLimit)
    log.warning(
      `Daily limit ${limitText(serverWideOf(undefined, report.unknownLimit))}: the ${report.unknownLimit.flavor} ` +
        `server does not report its DAILY_REQ_LIMIT; set server-daily-limit to it (see Daily limit).`,
    );
  warnAlerts(log, report);
  for (const warning of spikes?.warnings.slice(0, MAX_ALERT_WARNINGS) ?? []) log.warning(warning);
  if ((spikes?.warnings.length ?? 0) > MAX_ALERT_WARNINGS)
    log.warning(`… and ${spikes!.warnings.length - MAX_ALERT_WARNINGS} more spikes.`);
  if (alerts > 0 && options.failOnAlert) {
    const named = [
      ...report.alertRows.slice(0, 3).map((r) => `${r.label || shortenKey(r.key)} ${r.percent}%`),
      ...(spikes?.names.slice(0, 3) ?? []),
    ];
    const what = `at or above alert-threshold ${report.threshold}%${spikes ? ' or spiking' : ''}`;
    const list = `${named.slice(0, 3).join(', ')}${alerts > 3 ? ', …' : ''}`;
    return target.fail(`${alerts} key(s) ${what} (${list}) and fail-on-alert is set.`);
  }
  return target;
}
