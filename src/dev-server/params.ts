/** Reading request fields and query parameters the way the upstream servers do (400 on bad input). */
import { BadRequest } from './context.js';

export function labelOf(v: unknown): string | null {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v !== 'string') throw new BadRequest('label must be a string');
  return v;
}

/** A positive integer from a JSON number or a numeric string. */
export function positiveInt(v: unknown, name: string): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new BadRequest(`${name} must be a positive integer`);
  return n;
}

/** A key's daily_limit from the body; missing → the server's default. */
export function dailyLimitOf(v: unknown, serverDefault: number): number {
  return v === undefined || v === null || v === '' ? serverDefault : positiveInt(v, 'daily_limit');
}

/** Query integer clamped into [min, max]; missing or unparsable → def (Express-style `parseInt(x) || def`). */
export function clampInt(s: string | null, def: number, min: number, max: number): number {
  if (s === null || s === '') return def;
  const n = Number.parseInt(s, 10);
  if (Number.isNaN(n)) return def;
  return Math.min(Math.max(n, min), max);
}

/** Query integer that must lie in [min, max]; missing → def; otherwise 400. */
export function strictInt(s: string | null, def: number, min: number, max: number, name: string): number {
  if (s === null || s === '') return def;
  const n = /^\d+$/.test(s) ? Number(s) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new BadRequest(`${name} must be an integer between ${min} and ${max}`);
  }
  return n;
}
