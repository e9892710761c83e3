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

export function num(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

export function requireKey(item: Json, what: string): string {
  const key = item.key;
  if (typeof key !== 'string' || key === '') throw new ShapeError(`${what} has no "key"`);
  return key;
}
