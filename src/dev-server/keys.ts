/** Key formats and time formats of the quota-proxy flavors. */
import { randomBytes } from 'node:crypto';
import type { Flavor } from './types.js';

// One random pool refilled 4 KiB at a time: key generation costs a slice, not a syscall.
const POOL_SIZE = 4096;
let pool: Buffer = Buffer.alloc(0);
let pos = 0;

function take(n: number): number {
  if (pos + n > pool.length) {
    pool = randomBytes(POOL_SIZE);
    pos = 0;
  }
  const start = pos;
  pos += n;
  return start;
}

export function randomHex(bytes: number): string {
  const start = take(bytes);
  return pool.toString('hex', start, start + bytes);
}

const B36 = '0123456789abcdefghijklmnopqrstuvwxyz';

export function randomBase36(len: number): string {
  const start = take(len);
  let s = '';
  for (let i = 0; i < len; i++) s += B36[pool[start + i]! % 36];
  return s;
}

/**
 * A new key in the flavor's format:
 * v1 `sk-<48 hex>`, v01 `trial_<36 hex>`, v1p `roc_<32 hex>`, v1a `trial_<32 hex>`, v10 `roc_<ms>-<9 base36>`.
 */
export function newKey(flavor: Flavor, nowMs: number): string {
  switch (flavor) {
    case 'v1':
      return 'sk-' + randomHex(24);
    case 'v01':
      return 'trial_' + randomHex(18);
    case 'v1p':
      return 'roc_' + randomHex(16);
    case 'v1a':
      return 'trial_' + randomHex(16);
    case 'v10':
      return 'roc_' + nowMs + '-' + randomBase36(9);
  }
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

/**
 * YYYY-MM-DD in the server's time zone, as the real servers compute usage days
 * (`getFullYear/getMonth/getDate`): the process's own zone, or `timeZone` (an IANA name) when given.
 */
export function localDay(d: Date = new Date(), timeZone?: string): string {
  if (timeZone) return dayFormat(timeZone).format(d);
  return d.getFullYear() + '-' + pad2(d.getMonth() + 1) + '-' + pad2(d.getDate());
}

const formats = new Map<string, Intl.DateTimeFormat>();
/** en-CA formats a date as YYYY-MM-DD. Throws RangeError on a zone that does not exist. */
function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formats.set(timeZone, f);
  }
  return f;
}

/** The server-local day `days` calendar days before `d`. */
export function localDayMinus(days: number, d: Date = new Date(), timeZone?: string): string {
  const today = localDay(d, timeZone);
  const [y, m, day] = [Number(today.slice(0, 4)), Number(today.slice(5, 7)), Number(today.slice(8, 10))];
  const x = new Date(Date.UTC(y, m - 1, day - days));
  return x.toISOString().slice(0, 10);
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
export function isDay(s: unknown): s is string {
  if (typeof s !== 'string' || !DAY_RE.test(s)) return false;
  const d = new Date(s + 'T00:00:00Z');
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

/** SQL datetime in UTC without zone, as SQLite's CURRENT_TIMESTAMP: `2026-11-26 09:50:31`. */
export function sqlUtc(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.slice(0, 10) + ' ' + iso.slice(11, 19);
}

// ISO 8601 date or date-time (with optional fraction and zone).
const ISO_RE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Normalised ISO string (toISOString) of an ISO 8601 input, or undefined when it is not one. */
export function parseIso(s: unknown): string | undefined {
  if (typeof s !== 'string' || !ISO_RE.test(s)) return undefined;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}
