// Three timestamp forms occur: epoch milliseconds, SQL "YYYY-MM-DD HH:MM:SS" in UTC (v10), ISO 8601.

const SQL_DATETIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/;
/** The first instant of the year 10000: every later one (and any before 1970) is no time a server meant. */
const YEAR_10000 = Date.UTC(10_000, 0, 1);

/**
 * Parses a server timestamp; a zone-less datetime is UTC (that is what the servers store). A time outside
 * 1970–9999 is undefined, as for no time: past JavaScript's last date (1e20 ms) it is an invalid Date, which
 * every formatter throws on, and near it (the year 275760) a day's offset throws.
 */
export function parseServerTime(value: unknown): Date | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) {
    // Seconds would be a date in 1970 when read as ms: nobody issues keys then.
    return withinCalendar(new Date(value < 1e11 ? value * 1000 : value));
  }
  if (typeof value !== 'string') return undefined;
  if (/^\d+$/.test(value)) return parseServerTime(Number(value));
  const sql = SQL_DATETIME.exec(value);
  return withinCalendar(new Date(sql ? `${sql[1]}T${sql[2]}Z` : value));
}

function withinCalendar(date: Date): Date | undefined {
  const ms = date.getTime();
  return ms >= 0 && ms < YEAR_10000 ? date : undefined;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Every UTC offset in use (−12:00 … +14:00) is a whole number of quarter hours. */
const OFFSETS: number[] = Array.from(
  { length: (26 * HOUR) / (15 * MINUTE) + 1 },
  (_, i) => -12 * HOUR + i * 15 * MINUTE,
);

/** YYYY-MM-DD of `ms` at a UTC offset. */
export function dayAtOffset(ms: number, offsetMs: number): string {
  return new Date(ms + offsetMs).toISOString().slice(0, 10);
}

/**
 * A usage row as evidence of the server's zone: its local `day` at the moment `updatedAt` (it counted a request
 * then).
 */
export interface DayStamp {
  day: string;
  updatedAt: Date;
}

export interface ServerDay {
  /** The server's day now, or undefined when its rows tell nothing (no usage recorded). */
  day?: string;
  /** Other days the server may be on now (its midnight may have passed since its newest usage). */
  alternatives: string[];
  /** UTC offsets (ms) the rows allow, lowest and highest. */
  offsets?: [number, number];
  /** The newest stamp used, for the explanation. */
  newest?: DayStamp;
}

/**
 * The server's own day now, from its usage rows: upstream servers count days in *their* local time,
 * which no answer states. A row of day D updated at instant U means U fell on D at the server's offset,
 * which rules out every offset that would put U on another day. What is left gives the server's day
 * now (`serverNow`: our clock corrected by its Date header). Rows that contradict the newer ones (a
 * change of zone, daylight saving, a reset of an old day) are passed over. When the offsets left put
 * "now" on two days, the midnight after the newest usage may have passed; the newest day with usage
 * is chosen, since the later day has no usage at all yet, and the other is named.
 */
export function serverDayFromRows(stamps: DayStamp[], serverNow: number): ServerDay {
  const sorted = stamps
    .filter((s) => /^\d{4}-\d{2}-\d{2}$/.test(s.day) && !Number.isNaN(s.updatedAt.getTime()))
    .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
  let offsets = OFFSETS;
  for (const stamp of sorted.slice(0, 2000)) {
    const at = stamp.updatedAt.getTime();
    const fits = offsets.filter((o) => dayAtOffset(at, o) === stamp.day);
    if (fits.length > 0) offsets = fits;
  }
  const newest = sorted[0];
  if (!newest || offsets === OFFSETS) return { alternatives: [], newest };
  const days = [...new Set(offsets.map((o) => dayAtOffset(serverNow, o)))].sort();
  // biome-ignore lint/complexity/useMathMinMax: YYYY-MM-DD strings, compared as text
  const newestDay = sorted.reduce((max, s) => (s.day > max ? s.day : max), newest.day);
  const day = days.length === 1 ? days[0] : days.includes(newestDay) ? newestDay : days[0];
  return { day, alternatives: days.filter((d) => d !== day), offsets: [offsets[0]!, offsets.at(-1)!], newest };
}

/** `UTC+8`, `UTC−3:30`. */
export function offsetText(ms: number): string {
  const sign = ms < 0 ? '−' : '+';
  const minutes = Math.abs(ms) / MINUTE;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `UTC${sign}${h}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
}
