// Three timestamp forms occur: epoch milliseconds, SQL "YYYY-MM-DD HH:MM:SS" in UTC (v10), ISO 8601.

const SQL_DATETIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/;

/** Parses a server timestamp; a zone-less datetime is UTC (that is what the servers store). */
export function parseServerTime(value: unknown): Date | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) {
    // Seconds would be a date in 1970 when read as ms: nobody issues keys then.
    return new Date(value < 1e11 ? value * 1000 : value);
  }
  if (typeof value !== 'string') return undefined;
  if (/^\d+$/.test(value)) return parseServerTime(Number(value));
  const sql = SQL_DATETIME.exec(value);
  const date = new Date(sql ? `${sql[1]}T${sql[2]}Z` : value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
