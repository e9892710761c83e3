// The dashboard reads the report model of a usage --days run: its period, its days, its facts and
// every row of its table (kept by a KeptRows sink: the dashboard lists every key). Keys are already
// shortened in the rows: no whole key ever reaches the renderer.
import { factText } from '../../report/facts.js';
import type { Report, RowSink } from '../../report/report.js';
import type { TableSpec, TrendRow } from '../../report/tables.js';
import type { DashboardKey, DashboardServer } from './data.js';

/** Labels are the server's: a hostile one could be megabytes. The table shows this much of each. */
const LABEL_CHARS = 120;

/** Every row of a usage --days table, for the dashboard (10,000 keys: a few MB). */
export class KeptRows implements RowSink {
  readonly rows: TrendRow[] = [];
  private trend = false;

  open(table: TableSpec<never>): void {
    this.trend = table.kind === 'trend';
  }

  row(row: unknown): void {
    if (this.trend) this.rows.push(row as TrendRow);
  }
}

export interface ServerWhere {
  name: string;
  /** Credentials redacted. */
  url: string;
}

const cut = (text: string) => (text.length > LABEL_CHARS ? `${text.slice(0, LABEL_CHARS - 1)}…` : text);

/** Every text the page shows goes through `redact` first: a label or a fact may hold the token or a whole key. */
type Redact = (text: string) => string;

function keyOf(row: TrendRow, redact: Redact): DashboardKey {
  const { limit } = row;
  return {
    // Redacted before it is cut: half a key is no longer recognised as one.
    label: cut(redact(row.label)),
    key: row.key,
    total: row.total,
    last: row.last,
    peak: row.peak,
    limit: limit.value,
    used: limit.kind === 'lifetime' ? limit.used : undefined,
    percent: row.percent,
    alert: row.alert,
    spike: row.spike,
    reachesIn: row.reachesIn,
    reachesOn: row.reaches && row.reaches !== 'reached' ? row.reaches : undefined,
    perDay: row.perDay,
  };
}

/** One server's section; undefined when the report holds no usage --days figures (a failed run). */
export function dashboardServer(
  report: Report,
  rows: readonly TrendRow[],
  where: ServerWhere,
  redact: Redact,
): DashboardServer | undefined {
  const period = report.period;
  if (!period) return undefined;
  const byDay = report.days ?? [];
  return {
    name: redact(where.name),
    url: redact(where.url),
    flavor: report.outputs.flavor ? redact(report.outputs.flavor) : undefined,
    days: period.days,
    calendar: period.calendar,
    dailyTotals: byDay.map((d) => d.requests),
    dailyKeysUsed: byDay.map((d) => d.keysUsed),
    limitKind: period.lifetime ? 'lifetime' : 'daily',
    threshold: period.threshold,
    forecastDays: period.forecastDays,
    spikeFactor: period.spikeFactor,
    spikeMinRequests: period.spikeMinRequests,
    keys: rows.map((row) => keyOf(row, redact)),
    method: report.facts.list().map((f): [string, string] => [f.label, redact(factText(f.value))]),
  };
}
