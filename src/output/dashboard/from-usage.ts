// The adapter from a usage --days run (UsageReport + TrendReport) to the dashboard's plain data:
// every key shortened here, so no whole key ever reaches the renderer.
import type { UsageReport } from '../../reading/usage-report.js';
import type { TrendReport } from '../../reading/usage-trends.js';
import { shortenKey } from '../../shared/redact.js';
import type { DashboardKey, DashboardServer } from './data.js';

/** Labels are the server's: a hostile one could be megabytes. The table shows this much of each. */
const LABEL_CHARS = 120;

export interface ServerWhere {
  name: string;
  /** Credentials redacted. */
  url: string;
  flavor?: string;
  /** The run's facts (day chosen, percent basis, …), shown as how the figures were read. */
  facts: Array<[string, string]>;
}

const cut = (text: string) => (text.length > LABEL_CHARS ? `${text.slice(0, LABEL_CHARS - 1)}…` : text);

export function dashboardServer(report: UsageReport, trends: TrendReport, where: ServerWhere): DashboardServer {
  const keys = trends.keys.map((t): DashboardKey => {
    const { usage } = t;
    return {
      label: cut(usage.label),
      key: shortenKey(usage.key),
      total: t.total,
      last: t.last,
      peak: t.peak,
      limit: usage.limit.value,
      used: usage.limit.kind === 'lifetime' ? usage.limit.used : undefined,
      percent: usage.percent,
      alert: usage.alert,
      spike: t.spike,
      reachesIn: t.reachesIn,
      reachesOn: t.reachesOn,
      perDay: t.perDay,
    };
  });
  return {
    name: where.name,
    url: where.url,
    flavor: where.flavor,
    days: trends.days,
    calendar: trends.calendar,
    dailyTotals: trends.calendar ? trends.dailyTotals : [],
    dailyKeysUsed: trends.calendar ? trends.dailyKeysUsed : [],
    limitKind: report.basis === 'lifetime quota' ? 'lifetime' : 'daily',
    threshold: report.threshold,
    forecastDays: trends.forecastDays,
    spikeFactor: trends.spikeFactor,
    spikeMinRequests: trends.spikeMinRequests,
    keys,
    method: where.facts.map(([name, value]) => [name, value]),
  };
}
