// All input parsing in one place. Bad input → InputError, one line naming the input and what is
// allowed, thrown before any request is sent.
import path from 'node:path';
import { compactDate, defaultName, type RunContext } from './context.js';
import { FLAVORS, type Flavor } from './quota-proxy/types.js';

export const COMMANDS = ['health', 'generate', 'batch'] as const;
export type Command = (typeof COMMANDS)[number];

export class InputError extends Error {
  constructor(input: string, value: string, allowed: string) {
    super(`Invalid input '${input}'${value === '' ? '' : `: ${JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value)}`} — ${allowed}.`);
    this.name = 'InputError';
  }
}

export interface Options {
  command: Command;
  url: URL;
  token?: string;
  count: number;
  limit: number;
  serverDailyLimit: number;
  name: string;
  output: string;
  concurrency: number;
  timeoutMs: number;
  healthPath: string;
  skipHealthCheck: boolean;
  serverFlavor?: Flavor;
}

/** Reads one raw input: '' when unset (the @actions/core convention). */
export type RawInputs = (name: string) => string;

export function parseWholeNumber(input: string, raw: string, min: number, max: number): number {
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new InputError(input, raw, `expected a whole number from ${min} to ${max}`);
  }
  return Number(raw);
}

export function parseBoolean(input: string, raw: string): boolean {
  if (/^(true|yes|on|1)$/i.test(raw)) return true;
  if (/^(false|no|off|0)$/i.test(raw)) return false;
  throw new InputError(input, raw, 'expected true or false');
}

function oneOf<T extends string>(input: string, raw: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  throw new InputError(input, raw, `expected one of ${allowed.join(', ')}`);
}

export function parseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InputError('url', raw.replace(/\/\/[^/@\s]*@/, '//***@'), 'expected an http:// or https:// URL such as http://localhost:8787');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InputError('url', `${url.protocol}…`, 'expected an http:// or https:// URL such as http://localhost:8787');
  }
  return url;
}

export function parseOptions(input: RawInputs, env: NodeJS.ProcessEnv, context: RunContext): Options {
  const get = (name: string) => input(name).trim();
  const command = oneOf('command', get('command') || 'batch', COMMANDS);
  const url = parseUrl(get('url') || env.QUOTA_PROXY_URL?.trim() || 'http://localhost:8787');

  // Tokens are not trimmed of inner characters: a newline inside one is a pasting mistake.
  const token = input('admin-token').replace(/^[ \t]+|[ \t\r\n]+$/g, '') || env.ADMIN_TOKEN?.replace(/[\r\n]+$/, '') || undefined;
  if (token !== undefined && /[\r\n\0]/.test(token)) {
    throw new InputError('admin-token', '', 'the token contains a line break or NUL; paste it again as one line');
  }
  if (token === undefined && command !== 'health') {
    throw new InputError('admin-token', '', `required for ${command}: set admin-token (--token) or the ADMIN_TOKEN environment variable`);
  }

  const count = parseWholeNumber('count', get('count') || '1', 1, 10_000);
  const limit = parseWholeNumber('limit', get('limit') || '100', 1, 100_000_000);
  const serverDailyLimit = parseWholeNumber('server-daily-limit', get('server-daily-limit') || '200', 1, 100_000_000);
  const concurrency = parseWholeNumber('concurrency', get('concurrency') || '4', 1, 64);

  const timeoutRaw = get('timeout-seconds') || '10';
  const timeout = Number(timeoutRaw);
  if (!/^\d+(\.\d+)?$/.test(timeoutRaw) || timeout <= 0 || timeout > 600) {
    throw new InputError('timeout-seconds', timeoutRaw, 'expected a number of seconds above 0 and at most 600');
  }

  const healthPath = get('health-path') || '/healthz';
  if (!healthPath.startsWith('/') || /\s/.test(healthPath)) {
    throw new InputError('health-path', healthPath, 'expected a path starting with /, such as /healthz');
  }

  const name = get('name') || defaultName(context);
  if (/[\r\n\0]/.test(name) || name.length > 200) {
    throw new InputError('name', name, 'expected one line of at most 200 characters');
  }

  const output = path.resolve(context.workspace, get('output') || `trial-keys-${compactDate(context.now)}-${context.runId}.csv`);
  const flavorRaw = get('server-flavor');

  return {
    command,
    url,
    token,
    count,
    limit,
    serverDailyLimit,
    name,
    output,
    concurrency,
    timeoutMs: Math.round(timeout * 1000),
    healthPath,
    skipHealthCheck: parseBoolean('skip-health-check', get('skip-health-check') || 'false'),
    serverFlavor: flavorRaw ? oneOf('server-flavor', flavorRaw, FLAVORS) : undefined,
  };
}
