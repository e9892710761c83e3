// usage and monitor share this: each key's requests on a day against its limit, the alert rule,
// and how the result is shown (table, Mermaid chart, the old tool's `使用率` lines, warnings).

import type { CommandContext, RunReport } from '../commands/contract.js';
import { localDay } from '../config/options.js';
import { flat, type UsageTotals, usageLine } from '../output/seed-lines.js';
import type { DayChoice } from '../quota-proxy/client.js';
import { offsetText } from '../quota-proxy/time.js';
import type { TrialKey } from '../quota-proxy/types.js';
import type { Logger } from '../shared/log.js';
import { mermaidText } from '../shared/neutralise.js';
import { shortenKey } from '../shared/redact.js';
import {
  type Limit,
  type LimitEvidence,
  type LimitFields,
  limitEvidence,
  limitOf,
  percentUsed,
  UPSTREAM_DAILY_LIMIT,
  unknownLimitText,
} from './limits.js';

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

export interface UsageReport extends UsageTotals {
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

/**
 * Reads usage with as few admin requests as the flavor allows (v10 allows 30 per 15 minutes):
 * - flavors whose usage answer lists every key with its limit (v1p, v10): only the usage pages, plus
 *   one key-list page first when the flavor is still unknown (that page tells it);
 * - the others answer usage only for keys that were used: the key list gives the rest, and labels
 *   and limits, then the usage of the day is joined onto it.
 */
export async function collectUsage(ctx: CommandContext): Promise<UsageReport> {
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
  if (!adapter) throw new Error('the server flavor is still unknown after listing the keys');
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
  const serverDailyLimit = options.serverDailyLimit ?? unknownLimit?.value;

  const row = (key: string, label: string, requests: number, fields: LimitFields): KeyUsage => {
    const limit = limitOf(fields, capabilities, serverDailyLimit);
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
export function unknownLimitFact(report: UsageReport): [string, string] | undefined {
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
  return ['Daily limit', `${unknownLimitText(unknown.flavor)}. Evidence: ${shows}; ${stand}.`];
}

/** The facts usage and monitor both report. */
export function usageFacts(report: UsageReport, ctx: CommandContext): Array<[string, string]> {
  const { options } = ctx;
  const facts: Array<[string, string]> = [];
  if (report.basis !== 'lifetime quota') facts.push(['Day', report.day], ['Day chosen', dayReason(report.dayChoice)]);
  const limitFact = unknownLimitFact(report);
  if (limitFact) facts.push(limitFact);
  if (options.labelPrefix) facts.push(['Label prefix', options.labelPrefix]);
  facts.push(
    ['Keys', String(report.totalKeys)],
    [report.basis === 'lifetime quota' ? 'Requests (last day)' : 'Requests', String(report.totalRequests)],
    ['Keys used', String(report.activeKeys)],
    ['Percent of', basisText(report, options.serverDailyLimit)],
    ['Alert threshold', `${report.threshold}%`],
    ['Alerts', String(report.alerts)],
  );
  return facts;
}

const percentCell = (r: KeyUsage) => (r.percent === undefined ? '-' : `${r.percent}%`);

export function usageTable(rows: KeyUsage[], basis: UsageBasis): { head: string[]; rows: string[][] } {
  if (basis === 'lifetime quota') {
    return {
      head: ['Label', 'Key', 'Requests (last day)', 'Used / total quota', 'Percent'],
      rows: rows.map((r) => [
        r.label,
        shortenKey(r.key),
        String(r.requests),
        r.limit.kind === 'lifetime' ? `${r.limit.used ?? '?'} / ${r.limit.value ?? '?'}` : '',
        percentCell(r),
      ]),
    };
  }
  return {
    head: ['Label', 'Key', 'Requests', 'Daily limit', 'Percent'],
    rows: rows.map((r) => [
      r.label,
      shortenKey(r.key),
      String(r.requests),
      String(r.limit.value ?? 'unknown'),
      percentCell(r),
    ]),
  };
}

/**
 * The first lines of every chart: colours that stand out in GitHub's light and dark themes alike
 * (Mermaid's own first colour is a pale lavender, barely seen on white): blue plots, then red, on the
 * page's own background.
 */
export const CHART_INIT =
  '%%{init: {"themeVariables": {"xyChart": ' +
  '{"backgroundColor": "transparent", "plotColorPalette": "#1f6feb, #d1242f"}}}}%%';

/**
 * A Mermaid `xychart-beta` bar chart of the busiest keys' percent, with the alert threshold as a
 * line; horizontal, so that each key's label has a line of its own.
 */
export function busiestChart(report: UsageReport, top = CHART_KEYS): string | undefined {
  const rows = report.rows.filter((r) => r.percent !== undefined).slice(0, top);
  if (rows.length === 0) return undefined;
  // Key strings are server text as much as labels: shortened, then made Mermaid-safe like them.
  const names = rows.map((r) => mermaidText(r.label) || mermaidText(shortenKey(r.key)));
  // Keys sharing a label are told apart by the end of their key.
  const named = names.map((name, i) =>
    names.indexOf(name) !== names.lastIndexOf(name) ? `${name} …${mermaidText(rows[i]!.key.slice(-4))}` : name,
  );
  const of = report.basis === 'lifetime quota' ? 'lifetime quota' : 'daily limit';
  const max = Math.max(100, ...rows.map((r) => r.percent!));
  return [
    '```mermaid',
    CHART_INIT,
    'xychart-beta horizontal',
    `    title "Busiest keys${report.basis === 'lifetime quota' ? '' : ` on ${report.day}`}, % of ${of}"`,
    `    x-axis [${named.map((n) => `"${n}"`).join(', ')}]`,
    `    y-axis "% of ${of}" 0 --> ${max}`,
    `    bar [${rows.map((r) => r.percent).join(', ')}]`,
    `    line [${rows.map(() => report.threshold).join(', ')}]`,
    '```',
  ].join('\n');
}

/** The old tool's per-key `使用率` lines, busiest first. */
export function usageLines(rows: KeyUsage[]): string[] {
  // One flat string each: the template's pieces kept alive took twice the memory.
  return rows.map((r) => Buffer.from(usageLine(r)).toString());
}

function warnAlerts(log: Logger, report: UsageReport): void {
  const when = report.basis === 'lifetime quota' ? 'of its lifetime quota' : `of its daily limit on ${report.day}`;
  for (const r of report.alertRows.slice(0, MAX_ALERT_WARNINGS)) {
    const used = r.limit.kind === 'lifetime' ? r.limit.used : r.requests;
    log.warning(
      `Key ${shortenKey(r.key)} (${flat(r.label) || 'no label'}) used ${r.percent}% ${when} (${used} of ` +
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
  keys: ReadonlySet<string>;
  /** One per spike, in order. */
  warnings: string[];
  /** `label spike`, for the failure line. */
  names: string[];
}

/**
 * The alert rule's outcome: output `alerts` (keys at the threshold or spiking, each once), a warning
 * per alert, and failure with fail-on-alert.
 */
export function finishWithAlerts(ctx: CommandContext, report: UsageReport, spikes?: SpikeAlerts): RunReport {
  const { options, log, outputs, summary } = ctx;
  const atThreshold = new Set(spikes ? report.alertRows.map((r) => r.key) : []);
  const spiking = spikes ? [...spikes.keys].filter((k) => !atThreshold.has(k)).length : 0;
  const alerts = report.alerts + spiking;
  outputs.alerts = String(alerts);
  summary.alerts = report.alertRows.map((r) => ({
    kind: 'threshold',
    label: r.label,
    key: shortenKey(r.key),
    percent: r.percent ?? '',
    threshold: report.threshold,
  }));
  for (const key of spikes?.keys ?? []) summary.alerts.push({ kind: 'spike', key: shortenKey(key) });
  const when = report.basis === 'lifetime quota' ? 'over the last day' : `on ${report.day}`;
  if (report.basis !== 'lifetime quota') log.info(`Day ${report.day}: ${dayReason(report.dayChoice)}.`);
  log.info(
    `${report.totalRequests} request(s) ${when} by ${report.activeKeys} of ${report.totalKeys} key(s); ` +
      `${report.alerts} at or above ${report.threshold}%.`,
  );
  const limitFact = unknownLimitFact(report);
  if (limitFact) log.warning(`Daily limit ${limitFact[1]}`);
  warnAlerts(log, report);
  for (const warning of spikes?.warnings.slice(0, MAX_ALERT_WARNINGS) ?? []) log.warning(warning);
  if ((spikes?.warnings.length ?? 0) > MAX_ALERT_WARNINGS)
    log.warning(`… and ${spikes!.warnings.length - MAX_ALERT_WARNINGS} more spikes.`);
  if (alerts > 0 && options.failOnAlert) {
    const named = [
      ...report.alertRows.slice(0, 3).map((r) => `${flat(r.label) || shortenKey(r.key)} ${r.percent}%`),
      ...(spikes?.names.slice(0, 3) ?? []),
    ];
    const what = `at or above alert-threshold ${report.threshold}%${spikes ? ' or spiking' : ''}`;
    const list = `${named.slice(0, 3).join(', ')}${alerts > 3 ? ', …' : ''}`;
    return {
      ok: false,
      failure: `${alerts} key(s) ${what} (${list}) and fail-on-alert is set.`,
      outputs,
      summary,
    };
  }
  return { ok: true, outputs, summary };
}
