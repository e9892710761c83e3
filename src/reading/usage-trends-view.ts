// How usage --days N is shown: Mermaid `xychart-beta` charts (daily totals; the busiest keys against
// their limit) and a daily table for the job summary, the per-key table, terminal lines, facts,
// and the per-day, per-key CSV.

import type { Summary } from '../commands/contract.js';
import { flat, usageLine } from '../output/seed-lines.js';
import { mermaidText } from '../shared/neutralise.js';
import { shortenKey } from '../shared/redact.js';
import { dailyLimitOf } from './limits.js';
import { CHART_INIT, type KeyUsage, type UsageReport } from './usage-report.js';
import type { KeyTrend, TrendReport } from './usage-trends.js';

const CHART_KEYS = 10;
/** Keys named in a fact before the rest is counted. */
const NAMED = 10;

const lifetime = (t: TrendReport) => t.keys[0]?.usage.limit.kind === 'lifetime';
const windowText = (t: TrendReport) =>
  t.calendar ? `${t.days.length} server days, ${t.days[0]} to ${t.days.at(-1)}` : `the last ${t.days.length}×24 h`;
const nameOf = (t: KeyTrend) => flat(t.usage.label) || shortenKey(t.usage.key);
const named = (keys: KeyTrend[], what: (t: KeyTrend) => string) =>
  keys
    .slice(0, NAMED)
    .map((t) => `${nameOf(t)} ${what(t)}`.trim())
    .join(', ') + (keys.length > NAMED ? `, … (${keys.length - NAMED} more)` : '');

/** Chart labels from key labels (never keys): shortened, told apart by a number when equal. */
function chartLabels(keys: KeyTrend[]): string[] {
  const names = keys.map((t) => mermaidText(t.usage.label, 20) || 'no label');
  return names.map((name, i) => (names.indexOf(name) !== names.lastIndexOf(name) ? `${name} (${i + 1})` : name));
}

const axisTop = (values: number[]) => Math.max(1, ...values.filter(Number.isFinite));

/** Line chart of the requests of each server day. */
export function dailyChart(t: TrendReport): string | undefined {
  if (!t.calendar || t.days.length < 2) return undefined;
  return [
    '```mermaid',
    CHART_INIT,
    'xychart-beta',
    `    title "Requests per server day, ${t.days[0]} to ${t.days.at(-1)}"`,
    `    x-axis [${t.days.map((d) => `"${d.slice(5)}"`).join(', ')}]`,
    `    y-axis "Requests" 0 --> ${axisTop(t.dailyTotals)}`,
    `    line [${t.dailyTotals.join(', ')}]`,
    '```',
  ].join('\n');
}

/** A key's busiest day as a percent of its daily limit (lifetime quotas: the quota used); undefined: no limit. */
function peakPercent(k: KeyTrend): number | undefined {
  const { limit } = k.usage;
  if (limit.kind === 'lifetime') return k.usage.percent;
  return limit.value ? Math.floor((k.peak! * 100) / limit.value) : undefined;
}

/**
 * Bar chart of the busiest keys against their limit: each one's busiest day as a percent of its
 * daily limit (lifetime quotas: the quota used), with the limit, 100 %, as a line — limits differ
 * per key, percents compare. Where a limit is unknown: the busiest day's requests, without a line.
 */
export function busiestAgainstLimitChart(t: TrendReport): string | undefined {
  const keys = t.keys.filter((k) => k.total > 0).slice(0, CHART_KEYS);
  if (keys.length === 0) return undefined;
  const quota = lifetime(t);
  const percents = keys.map(peakPercent);
  const known = percents.every((p) => p !== undefined);
  const bars = known ? (percents as number[]) : keys.map((k) => k.peak ?? k.total);
  // The period is the daily chart's title and a fact: this title stays short enough to be read whole.
  const title = quota
    ? 'Quota used by each key, % of its lifetime quota'
    : known
      ? 'Busiest day of each key, % of its daily limit'
      : 'Busiest day of each key, requests (limit unknown)';
  return [
    '```mermaid',
    CHART_INIT,
    'xychart-beta horizontal',
    `    title "${title}"`,
    `    x-axis [${chartLabels(keys)
      .map((n) => `"${n}"`)
      .join(', ')}]`,
    `    y-axis "${known ? '% of limit' : 'Requests'}" 0 --> ${known ? Math.max(100, ...bars) : axisTop(bars)}`,
    `    bar [${bars.join(', ')}]`,
    ...(known ? [`    line [${bars.map(() => 100).join(', ')}]`] : []),
    '```',
  ].join('\n');
}

/** The exact figures of each day, below the charts. */
function dailyTable(t: TrendReport): string | undefined {
  if (!t.calendar) return undefined;
  const rows = t.days.map((d, i) => `| ${d} | ${t.dailyTotals[i]} | ${t.dailyKeysUsed[i]} |`);
  return ['| Server day | Requests | Keys used |', '| --- | --- | --- |', ...rows].join('\n');
}

/** Charts and the daily table for the job summary (terminals skip it). */
export function trendMarkdown(t: TrendReport): string | undefined {
  const parts = [dailyChart(t), busiestAgainstLimitChart(t), dailyTable(t)].filter((p) => p !== undefined);
  return parts.length > 0 ? parts.join('\n\n') : undefined;
}

const reachText = (k: KeyTrend) => (k.reachesOn === undefined ? '' : k.reachesIn === 0 ? 'reached' : k.reachesOn);
const limitCell = (k: KeyTrend) =>
  k.usage.limit.kind === 'lifetime'
    ? `${k.usage.limit.used ?? '?'} / ${k.usage.limit.value ?? '?'}`
    : String(dailyLimitOf(k.usage.limit));
const note = (k: KeyTrend) => [k.spike ? 'spike' : '', k.total === 0 ? 'idle' : ''].filter(Boolean).join(', ');

/** The per-key table: the N days' figures, busiest first. */
export function trendTable(t: TrendReport, rows: number): Summary['table'] {
  const n = t.days.length;
  const quota = lifetime(t);
  const head = quota
    ? ['Label', 'Key', `Requests (${n}×24 h)`, 'Last 24 h', 'Used / total quota', 'Quota runs out', 'Note']
    : ['Label', 'Key', `Requests (${n} days)`, 'Last day', 'Busiest day', 'Daily limit', 'Limit reached', 'Note'];
  return {
    head,
    rows: t.keys.slice(0, rows).map((k) => {
      const figures = quota ? [String(k.total), String(k.last)] : [String(k.total), String(k.last), String(k.peak)];
      return [k.usage.label, shortenKey(k.usage.key), ...figures, limitCell(k), reachText(k), note(k)];
    }),
  };
}

/**
 * The old tool's `使用率` line of each key, busiest first as ever, with the N days appended (after
 * `使用率`, so scripts that read its fields still find them): `| 14天请求: 455 | 达限: 2026-12-13`.
 */
export function trendUsageLines(t: TrendReport, rows: KeyUsage[]): string[] {
  const byKey = new Map(t.keys.map((k) => [k.usage.key, k]));
  return rows.map((row) => {
    const k = byKey.get(row.key);
    const reach = k && k.reachesOn !== undefined ? (k.reachesIn === 0 ? '已达' : k.reachesOn) : '-';
    // One flat string: the template's pieces (and usageLine's) kept alive took twice the memory.
    return Buffer.from(`${usageLine(row)} | ${t.days.length}天请求: ${k?.total ?? 0} | 达限: ${reach}`).toString();
  });
}

/** Terminal lines: one per day (`趋势: <day> | 请求: N | 活跃密钥: M`), where the server keeps days. */
export function dailyLines(t: TrendReport): string[] {
  if (!t.calendar) return [];
  return t.days.map((d, i) => `趋势: ${d} | 请求: ${t.dailyTotals[i]} | 活跃密钥: ${t.dailyKeysUsed[i]}`);
}

/** What the N days show, as summary facts. */
export function trendFacts(t: TrendReport, report: UsageReport): Array<[string, string]> {
  const facts: Array<[string, string]> = [
    ['Period', t.calendar ? windowText(t) : `${windowText(t)} (this server keeps no per-day counts)`],
    [`Requests (period)`, String(t.total)],
    [
      'Forecast',
      t.runningOut.length === 0
        ? `no key reaches its ${lifetime(t) ? 'lifetime quota' : 'daily limit'} within ${t.forecastDays} ` +
          'day(s) at its recent rate'
        : `${t.runningOut.length} key(s) within ${t.forecastDays} day(s): ${named(t.runningOut, (k) => reachText(k))}`,
    ],
    ['Idle keys', t.idle.length === 0 ? 'none' : `${t.idle.length}, rotation candidates: ${named(t.idle, () => '')}`],
    [
      'Spikes',
      t.days.length < 2
        ? 'need days of 2 or more'
        : `${t.spikes.length} (last day above ${t.spikeFactor}× the key's mean of the days before, ` +
          `and at least ${t.spikeMinRequests})`,
    ],
  ];
  if (report.basis === 'server-wide daily limit' && report.unknownLimit?.stand === 'unknown')
    facts.push(['Forecast note', 'no daily-limit forecast: the server-wide limit is unknown (server-daily-limit)']);
  return facts;
}

/** The warning of one spike. */
export function spikeWarning(t: TrendReport, k: KeyTrend): string {
  const when = t.calendar ? `on ${t.days.at(-1)}` : 'in the last 24 h';
  const mean = Math.round((k.meanBefore ?? 0) * 10) / 10;
  return (
    `Key ${shortenKey(k.usage.key)} (${flat(k.usage.label) || 'no label'}) made ${k.last} request(s) ${when}, ` +
    `more than ${t.spikeFactor}× its mean of ${mean} per day over the ${t.days.length - 1} day(s) before: a spike.`
  );
}

export const TREND_CSV_COLUMNS = ['day', 'label', 'key_short', 'requests', 'daily_limit', 'percent'] as const;

/**
 * The CSV rows, by day then label: every key on every day (0 where unused). Window servers (v10)
 * have one row per key for the whole window (`day` = first..last; percent of the lifetime quota).
 */
export function* trendCsvRows(t: TrendReport): Generator<Record<(typeof TREND_CSV_COLUMNS)[number], string>> {
  const keys = [...t.keys].sort(
    (a, b) => a.usage.label.localeCompare(b.usage.label) || a.usage.key.localeCompare(b.usage.key),
  );
  const cells = (k: KeyTrend, day: string, requests: number) => {
    const { limit } = k.usage;
    const daily = limit.kind === 'daily' ? limit.value : undefined;
    const percent =
      limit.kind === 'daily'
        ? daily === undefined
          ? ''
          : String(Math.floor((requests * 100) / daily))
        : k.usage.percent === undefined
          ? ''
          : String(k.usage.percent);
    return {
      day,
      label: k.usage.label,
      key_short: shortenKey(k.usage.key),
      requests: String(requests),
      daily_limit: String(daily ?? dailyLimitOf(limit) ?? ''),
      percent,
    };
  };
  if (!t.calendar) {
    for (const k of keys) yield cells(k, `${t.days[0]}..${t.days.at(-1)}`, k.total);
    return;
  }
  for (const [i, day] of t.days.entries()) for (const k of keys) yield cells(k, day, k.perDay![i]!);
}
