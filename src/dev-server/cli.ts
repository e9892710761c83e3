/** `quota-keys dev-server [...]`: runs the dev server until SIGINT/SIGTERM. */
import { startDevServer } from './server.js';
import { FLAVORS, HEALTH_MODES, type DevServerOptions, type Flavor, type HealthMode } from './types.js';

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
  --sync                  durable writes: a disk sync per insert (PRAGMA synchronous=FULL)
  --seed-keys N           insert N keys at start
  --seed-age-days D       seeded keys were created D days ago (default 0)
  --seed-label-prefix P   label prefix of seeded keys (default seed-; labels P1, P2, ...)
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

class UsageError extends Error {}

const VALUE_FLAGS = new Set([
  'port',
  'flavor',
  'db',
  'token',
  'daily-limit',
  'tz',
  'base-path',
  'rate-limit',
  'health',
  'seed-keys',
  'seed-age-days',
  'seed-label-prefix',
]);

function intFlag(name: string, v: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!/^\d+$/.test(v)) throw new UsageError(`--${name} expects an integer, got '${v}'`);
  const n = Number(v);
  if (n < min || n > max) throw new UsageError(`--${name} must be between ${min} and ${max}, got ${v}`);
  return n;
}

interface Parsed {
  help: boolean;
  opts: DevServerOptions;
  seedKeys: number;
  seedAgeDays: number;
  seedLabelPrefix: string | undefined;
}

function parse(argv: string[], env: NodeJS.ProcessEnv): Parsed {
  const args = argv[0] === 'dev-server' ? argv.slice(1) : argv;
  const out: Parsed = { help: false, opts: { port: 8787 }, seedKeys: 0, seedAgeDays: 0, seedLabelPrefix: undefined };
  // Upstream reads its limit from DAILY_REQ_LIMIT; --daily-limit overrides it.
  if (env.DAILY_REQ_LIMIT) out.opts.dailyLimit = intFlag('daily-limit (DAILY_REQ_LIMIT)', env.DAILY_REQ_LIMIT, 1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-h' || a === '--help') {
      out.help = true;
      continue;
    }
    if (!a.startsWith('--')) throw new UsageError(`unexpected argument '${a}'`);
    const eq = a.indexOf('=');
    const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
    if (name === 'sync') {
      if (eq >= 0) throw new UsageError('--sync takes no value');
      out.opts.sync = true;
      continue;
    }
    if (!VALUE_FLAGS.has(name)) throw new UsageError(`unknown option --${name}`);
    let v: string;
    if (eq >= 0) v = a.slice(eq + 1);
    else {
      const next = args[i + 1];
      if (next === undefined) throw new UsageError(`--${name} needs a value`);
      v = next;
      i++;
    }
    switch (name) {
      case 'port':
        out.opts.port = intFlag(name, v, 0, 65535);
        break;
      case 'flavor':
        if (!FLAVORS.includes(v as Flavor)) throw new UsageError(`--flavor must be one of ${FLAVORS.join(', ')}, got '${v}'`);
        out.opts.flavor = v as Flavor;
        break;
      case 'db':
        if (v === '') throw new UsageError('--db needs a file name');
        out.opts.db = v;
        break;
      case 'token':
        if (v === '') throw new UsageError('--token must not be empty');
        out.opts.token = v;
        break;
      case 'daily-limit':
        out.opts.dailyLimit = intFlag(name, v, 1);
        break;
      case 'tz':
        if (v === '') throw new UsageError('--tz needs a zone name such as UTC or Asia/Shanghai');
        out.opts.timeZone = v;
        break;
      case 'base-path':
        out.opts.basePath = v;
        break;
      case 'rate-limit': {
        if (v === 'off') {
          out.opts.rateLimit = false;
          break;
        }
        const m = /^(\d+)\/(\d+)$/.exec(v);
        if (!m || Number(m[1]) < 1 || Number(m[2]) < 1) throw new UsageError(`--rate-limit expects MAX/SECONDS like 30/900, or off, got '${v}'`);
        out.opts.rateLimit = { max: Number(m[1]), windowSeconds: Number(m[2]) };
        break;
      }
      case 'health':
        if (!HEALTH_MODES.includes(v as HealthMode)) throw new UsageError(`--health must be one of ${HEALTH_MODES.join(', ')}, got '${v}'`);
        out.opts.health = v as HealthMode;
        break;
      case 'seed-keys':
        out.seedKeys = intFlag(name, v, 0, 10_000_000);
        break;
      case 'seed-age-days': {
        const n = Number(v);
        if (v.trim() === '' || !Number.isFinite(n) || n < 0) throw new UsageError(`--seed-age-days expects a number >= 0, got '${v}'`);
        out.seedAgeDays = n;
        break;
      }
      case 'seed-label-prefix':
        out.seedLabelPrefix = v;
        break;
    }
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
      return 2;
    }
    throw e;
  }
  if (parsed.help) {
    stdout(DEV_SERVER_USAGE.trimEnd());
    return 0;
  }

  let server;
  try {
    server = await startDevServer(parsed.opts);
  } catch (e) {
    stderr(`quota-keys dev-server: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  if (parsed.seedKeys > 0) {
    server.seedKeys(parsed.seedKeys, {
      createdAt: new Date(Date.now() - parsed.seedAgeDays * 86_400_000),
      ...(parsed.seedLabelPrefix !== undefined ? { labelPrefix: parsed.seedLabelPrefix } : {}),
    });
  }
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
