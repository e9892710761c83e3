/** `quota-keys dev-server [...]`: runs the dev server until SIGINT/SIGTERM. */

import { type ParseArgsConfig, parseArgs } from 'node:util';
import { errorMessage, QuotaKeysError } from '../shared/errors.js';
import { seedUsageDemo } from './demo.js';
import { startDevServer } from './server.js';
import { type DevServerOptions, FLAVORS, type Flavor, HEALTH_MODES, type HealthMode } from './types.js';

export const DEV_SERVER_USAGE = `Usage: quota-keys dev-server [options]

Runs a local quota-proxy-compatible server (SQLite via node:sqlite) on 127.0.0.1.

Options:
  --port N                port to listen on (default 8787; 0 = any free port)
  --flavor F              ${FLAVORS.join(' | ')} (default v1)
  --db FILE               SQLite database file (default :memory:)
  --token T               admin token (default: random, printed at start)
  --daily-limit N         server-wide daily request limit / default per-key limit
                          (default: env DAILY_REQ_LIMIT as upstream, else 200)
  --tz ZONE               time zone of the server's usage days, e.g. Pacific/Pago_Pago
                          (default: the process's own, i.e. TZ, as upstream)
  --base-path P           mount everything under a prefix, e.g. /qp
  --rate-limit MAX/SECS   admin rate limit per client IP, e.g. 30/900, or off
                          (default: 30/900 on v10, as upstream; off on the others)
  --health MODE           ${HEALTH_MODES.join(' | ')} (default hang on v10, as upstream; ok on the others)
  --sync                  durable writes as the real v1 makes them: disk syncs per insert
                          (rollback journal, PRAGMA synchronous=FULL)
  --seed-keys N           insert N keys at start
  --seed-age-days D       seeded keys were created D days ago (default 0)
  --seed-label-prefix P   label prefix of seeded keys (default seed-; labels P1, P2, ...)
  --seed-demo             insert the usage demo: 8 keys with 14 days of usage (growing, steady,
                          a spike, quiet, idle), for usage --days 14 and its dashboard
  -h, --help              show this help
`;

export interface DevServerMainIo {
  stdout?: (line: string) => void;
  stderr?: (line: string) => void;
  /** Environment (DAILY_REQ_LIMIT); default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Stops the server like SIGINT would (tests). */
  signal?: AbortSignal;
}

/** A bad flag: exit 2, like bad input to the tool. */
class UsageError extends QuotaKeysError {
  constructor(message: string) {
    super(message, 2);
  }
}

/** The flags, as node:util parseArgs reads them; each value is checked by its own reader below. */
const FLAGS = {
  help: { type: 'boolean', short: 'h' },
  sync: { type: 'boolean' },
  'seed-demo': { type: 'boolean' },
  port: { type: 'string' },
  flavor: { type: 'string' },
  db: { type: 'string' },
  token: { type: 'string' },
  'daily-limit': { type: 'string' },
  tz: { type: 'string' },
  'base-path': { type: 'string' },
  'rate-limit': { type: 'string' },
  health: { type: 'string' },
  'seed-keys': { type: 'string' },
  'seed-age-days': { type: 'string' },
  'seed-label-prefix': { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

type FlagName = keyof typeof FLAGS;
type ValueFlag = { [K in FlagName]: (typeof FLAGS)[K]['type'] extends 'string' ? K : never }[FlagName];

function intFlag(name: string, v: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!/^\d+$/.test(v)) throw new UsageError(`--${name} expects an integer, got '${v}'`);
  const n = Number(v);
  if (n < min || n > max) throw new UsageError(`--${name} must be between ${min} and ${max}, got ${v}`);
  return n;
}

function oneOf<T extends string>(name: string, v: string, allowed: readonly T[]): T {
  if (!allowed.includes(v as T)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, got '${v}'`);
  return v as T;
}

function nonEmpty(v: string, message: string): string {
  if (v === '') throw new UsageError(message);
  return v;
}

function rateLimitFlag(v: string): DevServerOptions['rateLimit'] {
  if (v === 'off') return false;
  const m = /^(\d+)\/(\d+)$/.exec(v);
  if (!m || Number(m[1]) < 1 || Number(m[2]) < 1) {
    throw new UsageError(`--rate-limit expects MAX/SECONDS like 30/900, or off, got '${v}'`);
  }
  return { max: Number(m[1]), windowSeconds: Number(m[2]) };
}

function seedAgeFlag(v: string): number {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n < 0) {
    throw new UsageError(`--seed-age-days expects a number >= 0, got '${v}'`);
  }
  return n;
}

interface Parsed {
  help: boolean;
  opts: DevServerOptions;
  seedKeys: number;
  seedAgeDays: number;
  seedLabelPrefix: string | undefined;
  seedDemo?: boolean;
}

/** Applies one flag's value (checked) to `out`. */
function applyValue(out: Parsed, name: ValueFlag, v: string): void {
  const o = out.opts;
  switch (name) {
    case 'port':
      o.port = intFlag(name, v, 0, 65535);
      break;
    case 'flavor':
      o.flavor = oneOf<Flavor>(name, v, FLAVORS);
      break;
    case 'db':
      o.db = nonEmpty(v, '--db needs a file name');
      break;
    case 'token':
      o.token = nonEmpty(v, '--token must not be empty');
      break;
    case 'daily-limit':
      o.dailyLimit = intFlag(name, v, 1);
      break;
    case 'tz':
      o.timeZone = nonEmpty(v, '--tz needs a zone name such as UTC or Asia/Shanghai');
      break;
    case 'base-path':
      o.basePath = v;
      break;
    case 'rate-limit':
      o.rateLimit = rateLimitFlag(v);
      break;
    case 'health':
      o.health = oneOf<HealthMode>(name, v, HEALTH_MODES);
      break;
    case 'seed-keys':
      out.seedKeys = intFlag(name, v, 0, 10_000_000);
      break;
    case 'seed-age-days':
      out.seedAgeDays = seedAgeFlag(v);
      break;
    case 'seed-label-prefix':
      out.seedLabelPrefix = v;
      break;
  }
}

/**
 * parseArgs reads the arguments (non-strict, so that every refusal below is our own one-line
 * message); the tokens are then checked in order, so the first bad argument is the one reported.
 */
function parse(argv: string[], env: NodeJS.ProcessEnv): Parsed {
  const args = argv[0] === 'dev-server' ? argv.slice(1) : argv;
  const out: Parsed = { help: false, opts: { port: 8787 }, seedKeys: 0, seedAgeDays: 0, seedLabelPrefix: undefined };
  // Upstream reads its limit from DAILY_REQ_LIMIT; --daily-limit overrides it.
  if (env.DAILY_REQ_LIMIT) out.opts.dailyLimit = intFlag('daily-limit (DAILY_REQ_LIMIT)', env.DAILY_REQ_LIMIT, 1);
  const { tokens } = parseArgs({ args, options: FLAGS, strict: false, allowPositionals: true, tokens: true });
  for (const t of tokens) {
    if (t.kind === 'option-terminator') throw new UsageError('unknown option --');
    if (t.kind === 'positional') throw new UsageError(`unexpected argument '${t.value}'`);
    if (!Object.hasOwn(FLAGS, t.name)) {
      const long = t.rawName.startsWith('--');
      throw new UsageError(long ? `unknown option ${t.rawName}` : `unexpected argument '${t.rawName}'`);
    }
    const name = t.name as FlagName;
    if (FLAGS[name].type === 'boolean') {
      if (t.value !== undefined) throw new UsageError(`${t.rawName} takes no value`);
      if (name === 'help') out.help = true;
      else if (name === 'seed-demo') out.seedDemo = true;
      else out.opts.sync = true;
      continue;
    }
    if (t.value === undefined) throw new UsageError(`--${name} needs a value`);
    applyValue(out, name as ValueFlag, t.value);
  }
  return out;
}

export async function devServerMain(argv: string[], io: DevServerMainIo = {}): Promise<number> {
  const stdout = io.stdout ?? ((l: string) => void process.stdout.write(l + '\n'));
  const stderr = io.stderr ?? ((l: string) => void process.stderr.write(l + '\n'));
  let parsed: Parsed;
  try {
    parsed = parse(argv, io.env ?? process.env);
  } catch (e) {
    if (e instanceof UsageError) {
      stderr(`quota-keys dev-server: ${e.message} (see --help)`);
      return e.exitCode;
    }
    throw e;
  }
  if (parsed.help) {
    stdout(DEV_SERVER_USAGE.trimEnd());
    return 0;
  }

  let server: Awaited<ReturnType<typeof startDevServer>>;
  try {
    server = await startDevServer(parsed.opts);
  } catch (e) {
    stderr(`quota-keys dev-server: ${errorMessage(e)}`);
    return 1;
  }
  if (parsed.seedKeys > 0) {
    server.seedKeys(parsed.seedKeys, {
      createdAt: new Date(Date.now() - parsed.seedAgeDays * 86_400_000),
      ...(parsed.seedLabelPrefix !== undefined ? { labelPrefix: parsed.seedLabelPrefix } : {}),
    });
  }
  if (parsed.seedDemo) seedUsageDemo(server);
  stdout(`quota-proxy dev server (${server.flavor}) listening on ${server.url}`);
  if (parsed.opts.token === undefined) stdout(`admin token: ${server.token}`);

  const s = server;
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      io.signal?.removeEventListener('abort', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    if (io.signal?.aborted) stop();
    else io.signal?.addEventListener('abort', stop);
  });
  await s.close();
  return 0;
}
