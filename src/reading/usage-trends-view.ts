// How usage --days N is reported: the charts (daily totals; the busiest keys against their limit)
// as data, each server day's totals, the per-key table's rows, the facts, the spike warnings, and
// the per-day, per-key CSV. Channels draw them (src/render/).

import type { Chart } from '../report/charts.js';
import type { Report } from '../report/report.js';
import { trendTable } from '../report/tables.js';
import { shortenKey } from '../shared/redact.js';
import type { UsageReport } from './usage-report.js';
import type { KeyTrend, TrendReport } from './usage-trends.js';

const CHART_KEYS = 10;
/** Keys named in a fact before the rest is counted. */
const NAMED = 10;

const lifetime = (t: TrendReport) => t.keys[0]?.usage.limit.kind === 'lifetime';
const windowText = (t: TrendReport) =>
  t.calendar ? `${t.days.length} server days, ${t.days[0]} to ${t.days.at(-1)}` : `the last ${t.days.length}×24 h`;
const nameOf = (t: KeyTrend) => t.usage.label || shortenKey(t.usage.key);
const named = (keys: KeyTrend[], what: (t: KeyTrend) => string) =>
  keys
    .slice(0, NAMED)
    .map((t) => `${nameOf(t)} ${what(t)}`.trim())
    .join(', ') + (keys.length > NAMED ? `, … (${keys.length - NAMED} more)` : '');

const axisTop = (values: number[]) => Math.max(1, ...values.filter(Number.isFinite));

/** Line chart of the requests of each server day. */
export function dailyChart(t: TrendReport): Chart | undefined {
  if (!t.calendar || t.days.length < 2) return undefined;
  return {
    title: `Requests per server day, ${t.days[0]} to ${t.days.at(-1)}`,
    x: t.days.map((d) => d.slice(5)),
    y: { label: 'Requests', max: axisTop(t.dailyTotals) },
    line: t.dailyTotals,
  };
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
export function busiestAgainstLimitChart(t: TrendReport): Chart | undefined {
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
  return {
    title,
    x: keys.map((k) => k.usage.label || 'no label'),
    y: { label: known ? '% of limit' : 'Requests', max: known ? Math.max(100, ...bars) : axisTop(bars) },
    bars,
    ...(known ? { line: bars.map(() => 100) } : {}),
    horizontal: true,
  };
}

/** The charts of the N days, and each server day's totals (the exact figures below them). */
export function reportTrendCharts(target: Report, t: TrendReport): void {
  for (const chart of [dailyChart(t), busiestAgainstLimitChart(t)]) if (chart) target.charts.push(chart);
  if (t.calendar)
    target.days = t.days.map((day, i) => ({ day, requests: t.dailyTotals[i]!, keysUsed: t.dailyKeysUsed[i]! }));
}

const reachText = (k: KeyTrend) => (k.reachesOn === undefined ? '' : k.reachesIn === 0 ? 'reached' : k.reachesOn);
const note = (k: KeyTrend) => [k.spike ? 'spike' : '', k.total === 0 ? 'idle' : ''].filter(Boolean).join(', ');

/** The per-key table: the N days' figures, busiest first, each key shortened. */
export async function emitTrendRows(target: Report, t: TrendReport): Promise<void> {
  const row = target.open(trendTable(t.days.length, lifetime(t)));
  for (const [n, k] of t.keys.entries()) {
    await target.pace(n);
    row({
      label: k.usage.label,
      key: shortenKey(k.usage.key),
      requests: k.usage.requests,
      percent: k.usage.percent,
      total: k.total,
      last: k.last,
      peak: k.peak,
      limit: k.usage.limit,
      reaches: reachText(k),
      reachesIn: k.reachesIn,
      note: note(k),
      alert: k.usage.alert,
      spike: k.spike,
      perDay: k.perDay,
    });
  }
}

/** What the N days show, as facts. */
export function setTrendFacts(target: Report, t: TrendReport, report: UsageReport): void {
  target.facts
    .set('period', t.calendar ? windowText(t) : `${windowText(t)} (this server keeps no per-day counts)`)
    .set('requests_period', t.total)
    .set(
      'forecast',
      t.runningOut.length === 0
        ? `no key reaches its ${lifetime(t) ? 'lifetime quota' : 'daily limit'} within ${t.forecastDays} ` +
            'day(s) at its recent rate'
        : `${t.runningOut.length} key(s) within ${t.forecastDays} day(s): ${named(t.runningOut, (k) => reachText(k))}`,
    )
    .set(
      'idle_keys',
      t.idle.length === 0 ? 'none' : `${t.idle.length}, rotation candidates: ${named(t.idle, () => '')}`,
    )
    .set(
      'spikes',
      t.days.length < 2
        ? 'need days of 2 or more'
        : `${t.spikes.length} (last day above ${t.spikeFactor}× the key's mean of the days before, ` +
            `and at least ${t.spikeMinRequests})`,
    );
  if (report.basis === 'server-wide daily limit' && report.unknownLimit?.stand === 'unknown')
    target.facts.set('forecast_note', 'no daily-limit forecast: the server-wide limit is unknown (server-daily-limit)');
}

/** The warning of one spike. */
export function spikeWarning(t: TrendReport, k: KeyTrend): string {
  const when = t.calendar ? `on ${t.days.at(-1)}` : 'in the last 24 h';
  const mean = Math.round((k.meanBefore ?? 0) * 10) / 10;
  return (
    `Key ${shortenKey(k.usage.key)} (${k.usage.label || 'no label'}) made ${k.last} request(s) ${when}, ` +
    `more than ${t.spikeFactor}× its mean of ${mean} per day over the ${t.days.length - 1} day(s) before: a spike.`
  );
}

export const TREND_CSV_COLUMNS = [
  'day',
  'label',
  'key_short',
  'requests',
  'daily_limit',
  'percent',
  'daily_limit_source',
] as const;

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
      daily_limit: limit.kind === 'daily' ? String(daily ?? 'unknown') : '',
      percent,
      // As the keys CSV: key, given, learned or assumed; unknown; empty for lifetime quotas.
      daily_limit_source: limit.kind === 'daily' ? (daily === undefined ? 'unknown' : limit.source) : '',
    };
  };
  if (!t.calendar) {
    for (const k of keys) yield cells(k, `${t.days[0]}..${t.days.at(-1)}`, k.total);
    return;
  }
  for (const [i, day] of t.days.entries()) for (const k of keys) yield cells(k, day, k.perDay![i]!);
}
