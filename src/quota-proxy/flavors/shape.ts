// Small readers for answers of unknown shape: a wrong shape is an error naming what was missing.

import { QuotaKeysError } from '../../shared/errors.js';

export type Json = Record<string, unknown>;

export class ShapeError extends QuotaKeysError {
  constructor(what: string) {
    super(`unexpected answer: ${what}`);
    this.name = 'ShapeError';
  }
}

export function asObject(value: unknown, what: string): Json {
  if (value && typeof value === 'object' && !Array.isArray(value)) return value as Json;
  throw new ShapeError(`${what} is not a JSON object`);
}

export function asArray(value: unknown, what: string): unknown[] {
  if (Array.isArray(value)) return value;
  throw new ShapeError(`${what} is not a list`);
}

export function str(value: unknown): string {
  return typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
}

/**
 * A server-local day as the answers give it, YYYY-MM-DD (a real date), or '' when absent. Anything
 * else is an unexpected answer: a day is shown in titles, tables and charts, so it must be a day.
 */
export function dayOf(value: unknown, what: string): string {
  const text = str(value);
  if (text === '') return '';
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : undefined;
  if (parsed && !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text) return text;
  throw new ShapeError(`${what} is not a day as YYYY-MM-DD`);
}

/**
 * A count, a limit or a quota: a whole number from 0 to 2^32 − 1, else undefined, as when absent. A negative or
 * fractional count was shown as such (a percentage of −3) and wrapped in the per-day counts (−5 became
 * 4,294,967,291, an alert); no key is asked four billion requests a day.
 */
export function num(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isInteger(n) && n >= 0 && n <= MAX_COUNT ? n : undefined;
}

/** The largest count the per-day arrays (Uint32Array) hold. */
export const MAX_COUNT = 0xffff_ffff;

export function requireKey(item: Json, what: string): string {
  const key = item.key;
  if (typeof key !== 'string' || key === '') throw new ShapeError(`${what} has no "key"`);
  return key;
}
