// What the page's script gets (as JSON inside the file): compact, since 10,000 keys × 90 days must
// stay under 3 MB. Exact per-day figures for the daily totals and the busiest keys' chart; for every
// key's sparkline only its shape (one character a day, 0..63 of the key's own busiest day).

import { jsonText, visible } from '../../shared/neutralise.js';
import { type DashboardData, type DashboardKey, type DashboardServer, runningOut, totalsByDay } from './data.js';

/** Keys drawn in the chart of the keys nearest their limit. */
export const TOP_KEYS = 8;

/** A row's flags (bits). */
export const FLAG = { alert: 1, spike: 2, idle: 4, runningOut: 8 } as const;

/** One sparkline level a character: '0' is none, 'A'…'~' … (64 levels, all printable and JSON-safe). */
const LEVELS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';

/** label, key, total, last, peak, limit, used, percent, reachesOn, reachesIn, flags, spark */
export type PageRow = [
  string,
  string,
  number,
  number,
  number | null,
  number | null,
  number | null,
  number | null,
  string | null,
  number | null,
  number,
  string,
];

export interface PageServer {
  name: string;
  calendar: boolean;
  days: string[];
  totals: number[];
  keysUsed: number[];
  limitKind: 'daily' | 'lifetime';
  threshold: number;
  /** The keys nearest their limit: percent of it (else requests) per day, or over the window. */
  top: TopKeys;
  rows: PageRow[];
}

/**
 * The keys nearest their limit, each one's figures per day (calendar servers; one figure each on
 * window servers): percent of its daily limit, or of its lifetime quota used; requests where a
 * limit is unknown (then the busiest keys).
 */
export interface TopKeys {
  unit: 'percent' | 'requests';
  keys: Array<{ label: string; key: string; values: number[] }>;
}

export interface PageModel {
  servers: PageServer[];
  /** Several servers: every server's requests per day summed. */
  total?: { days: string[]; totals: number[] };
}

/** A key's days as levels of its own busiest day: any request shows (level 1 at least), none is 0. */
export function sparkOf(perDay: ArrayLike<number> | undefined): string {
  if (!perDay || perDay.length === 0) return '';
  let peak = 0;
  for (let i = 0; i < perDay.length; i++) peak = Math.max(peak, perDay[i]!);
  let spark = '';
  for (let i = 0; i < perDay.length; i++) {
    const v = perDay[i]!;
    spark += LEVELS[v === 0 ? 0 : Math.max(1, Math.round((v / peak) * (LEVELS.length - 1)))];
  }
  return spark;
}

const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

function pageServer(server: DashboardServer): PageServer {
  const soon = new Set(runningOut(server));
  const rows = server.keys.map((k): PageRow => {
    const flags =
      (k.alert ? FLAG.alert : 0) |
      (k.spike ? FLAG.spike : 0) |
      (k.total === 0 ? FLAG.idle : 0) |
      (soon.has(k) ? FLAG.runningOut : 0);
    return [
      visible(k.label),
      k.key,
      k.total,
      k.last,
      orNull(k.peak),
      orNull(k.limit),
      orNull(k.used),
      orNull(k.percent),
      orNull(k.reachesOn),
      orNull(k.reachesIn),
      flags,
      sparkOf(k.perDay),
    ];
  });
  return {
    name: visible(server.name),
    calendar: server.calendar,
    days: server.days,
    totals: server.dailyTotals,
    keysUsed: server.dailyKeysUsed,
    limitKind: server.limitKind,
    threshold: server.threshold,
    top: topKeys(server),
    rows,
  };
}

const tenth = (n: number) => Math.round(n * 10) / 10;

function topKeys(server: DashboardServer): TopKeys {
  const used = server.keys.filter((k) => k.total > 0 || (k.used ?? 0) > 0);
  const percents = used.length > 0 && used.every((k) => k.limit !== undefined && k.limit > 0);
  if (!percents) {
    const keys = used.slice(0, TOP_KEYS);
    const values = (k: DashboardKey) => (server.calendar && k.perDay ? Array.from(k.perDay) : [k.total]);
    return { unit: 'requests', keys: keys.map((k) => ({ label: visible(k.label), key: k.key, values: values(k) })) };
  }
  const lifetime = server.limitKind === 'lifetime';
  const share = (k: DashboardKey) => (lifetime ? (k.used ?? 0) : (k.peak ?? k.last)) / k.limit!;
  const keys = [...used].sort((a, b) => share(b) - share(a) || b.total - a.total).slice(0, TOP_KEYS);
  const values = (k: DashboardKey) =>
    lifetime || !server.calendar || !k.perDay
      ? [tenth((lifetime ? (k.used ?? 0) : k.last) * (100 / k.limit!))]
      : Array.from(k.perDay, (n) => tenth((n * 100) / k.limit!));
  return { unit: 'percent', keys: keys.map((k) => ({ label: visible(k.label), key: k.key, values: values(k) })) };
}

export function pageModel(data: DashboardData): PageModel {
  const servers = data.servers.map(pageServer);
  if (data.servers.length < 2) return { servers };
  const byDay = totalsByDay(data.servers);
  return { servers, total: { days: [...byDay.keys()], totals: [...byDay.values()] } };
}

/** JSON that cannot end the <script> element it sits in, nor open a comment or CDATA there. */
export function scriptJson(value: unknown): string {
  // The JSON channel's neutraliser, then what would end the <script> element or open a comment.
  return jsonText(value).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
