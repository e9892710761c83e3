// Small readers for answers of unknown shape: a wrong shape is an error naming what was missing.

export type Json = Record<string, unknown>;

export class ShapeError extends Error {
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
