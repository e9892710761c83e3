// What the usage dashboard shows, as one plain data type (no class, no function): the renderer
// (./html.ts) reads nothing else. Keys are shortened and every text redacted before they get here;
// labels are otherwise as the server sent them (untrusted: the renderer escapes them). Built from a usage --days run by
// ./from-usage.ts; a run over several servers gives one DashboardServer each.

export interface DashboardData {
  /** When the figures were read (ISO 8601, UTC). */
  generatedAt: string;
  /** The quota-keys version that made the file. */
  version: string;
  servers: DashboardServer[];
}

export interface DashboardServer {
  /** The server's name (its entry in the servers file, else its host). */
  name: string;
  /** Its URL, credentials redacted. */
  url: string;
  flavor?: string;
  /** Set when this server's run failed: its section says so in place of figures. */
  failure?: string;
  /** The N server days, oldest first (window servers: the days the window of N×24 hours spans). */
  days: string[];
  /** Per-day figures exist (false: one rolling window of N×24 hours). */
  calendar: boolean;
  dailyTotals: number[];
  dailyKeysUsed: number[];
  /** What percents are of: each key's daily limit, or its lifetime quota. */
  limitKind: 'daily' | 'lifetime';
  /** Alert threshold, percent. */
  threshold: number;
  forecastDays: number;
  spikeFactor: number;
  spikeMinRequests: number;
  /** Busiest first. */
  keys: DashboardKey[];
  /** How the figures were read (the run's facts: the day and why, the percent basis, …). */
  method: Array<[string, string]>;
}

export interface DashboardKey {
  label: string;
  /** Shortened (`roc_e68a…3018`), never the whole key. */
  key: string;
  /** Requests over the N days. */
  total: number;
  /** Requests on the last day. */
  last: number;
  /** The busiest day's requests (calendar servers). */
  peak?: number;
  /** Daily limit, or the lifetime quota. */
  limit?: number;
  /** Lifetime quotas: the quota used. */
  used?: number;
  /** Percent of the limit on the last day (lifetime: of the quota used); undefined without a limit. */
  percent?: number;
  /** At or above the alert threshold. */
  alert: boolean;
  spike: boolean;
  /** Days after the last day until the limit is reached (0: reached); undefined: not at this rate. */
  reachesIn?: number;
  reachesOn?: string;
  /** Requests per day, oldest first (calendar servers). */
  perDay?: ArrayLike<number>;
}

/** The keys the forecast names: reaching their limit within forecastDays, soonest first. */
export function runningOut(server: DashboardServer): DashboardKey[] {
  return server.keys
    .filter((k) => k.reachesIn !== undefined && k.reachesIn <= server.forecastDays)
    .sort((a, b) => a.reachesIn! - b.reachesIn! || a.label.localeCompare(b.label));
}

/** Keys without a request in the N days. */
export const idleKeys = (server: DashboardServer) => server.keys.filter((k) => k.total === 0);

/** The sum of every server's requests per day, by day (servers may be on different days). */
export function totalsByDay(servers: readonly DashboardServer[]): Map<string, number> {
  const byDay = new Map<string, number>();
  for (const s of servers) {
    if (!s.calendar) continue;
    for (const [i, day] of s.days.entries()) byDay.set(day, (byDay.get(day) ?? 0) + (s.dailyTotals[i] ?? 0));
  }
  return new Map([...byDay].sort(([a], [b]) => a.localeCompare(b)));
}
