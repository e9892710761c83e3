// One SIGINT exits 130 and one SIGTERM exits 143, in every phase a run goes through: the health check,
// the token check before the first create, the first create, later creates, a listing, a usage read,
// a delete, a wait for the server's rate limit, and the webhook after the run. On the old code a signal
// during the token check exited 1 (its abandoned request read as "Checking the admin token failed"),
// and one during the webhook killed the process outright (no exit code, no report).
// The bundled CLI as a process; the request of the phase is held (forwarded to the dev server, never
// answered), or a server of the test's own asks for a 60 s wait; the signal is sent once the phase is
// seen, exactly once.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type HostileRequest, type HostileServer, startHostileServer } from '../__fixtures__/hostile-server.js';
import { startCli } from '../__fixtures__/run-process.js';
import { type ScriptedServer, startScriptedServer } from '../__fixtures__/scripted-server.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';

let server: DevServer;
let front: HostileServer | undefined;
let scripted: ScriptedServer | undefined;
let hook: Server | undefined;
let hookPosts = 0;

beforeEach(async () => {
  server = await startDevServer({ flavor: 'v1' });
});
afterEach(async () => {
  await front?.close();
  await scripted?.close();
  if (hook) {
    hook.closeAllConnections();
    await new Promise((resolve) => hook!.close(resolve));
  }
  front = scripted = hook = undefined;
  hookPosts = 0;
  await server.close();
});

const SLOW = ['--timeout-seconds', '60', '--retries', '3'];

/** A front for the dev server that holds the requests `which` picks (counting POSTs as they come). */
async function holding(which: (r: HostileRequest, posts: number) => boolean): Promise<string> {
  let posts = 0;
  front = await startHostileServer({
    target: server.url,
    choose: (r) => {
      if (r.method === 'POST') posts += 1;
      return which(r, posts) ? { kind: 'hold' } : undefined;
    },
  });
  return front.url;
}
const held = () => front!.records.some((r) => r.hostility === 'hold');

/** A webhook receiver that takes the POST and never answers. */
async function silentHook(): Promise<string> {
  hook = createServer((req) => {
    req.resume();
    req.on('end', () => (hookPosts += 1));
  });
  await new Promise<void>((resolve) => hook!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hooks/never-answers`;
}

interface Phase {
  /** The command line (the server's URL and token included). */
  start: () => Promise<string[]>;
  /** The phase has begun: its request is held, or the wait has started. */
  reached: () => boolean;
}

const PHASES: Record<string, Phase> = {
  'the health check': {
    start: async () => ['list', '-u', await holding((r) => r.path === '/healthz'), '-t', server.token],
    reached: held,
  },
  'the token check before the first create': {
    start: async () => ['batch', '-u', await holding((r) => r.path === '/admin/usage'), '-t', server.token, '-c', '3'],
    reached: held,
  },
  'the first create': {
    start: async () => ['batch', '-u', await holding((r) => r.method === 'POST'), '-t', server.token, '-c', '3'],
    reached: held,
  },
  'later creates': {
    start: async () => {
      const url = await holding((r, posts) => r.method === 'POST' && posts > 2);
      return ['batch', '-u', url, '-t', server.token, '-c', '6', '--concurrency', '1'];
    },
    reached: held,
  },
  'a listing': {
    start: async () => ['list', '-u', await holding((r) => r.path === '/admin/keys'), '-t', server.token],
    reached: held,
  },
  'a usage read': {
    start: async () => ['usage', '-u', await holding((r) => r.path === '/admin/usage'), '-t', server.token],
    reached: held,
  },
  'a delete': {
    start: async () => {
      const [key] = server.seedKeys(1, { labelPrefix: 'doomed' });
      return ['delete', '-u', await holding((r) => r.method === 'DELETE'), '-t', server.token, '--key', key!];
    },
    reached: held,
  },
  'a wait for the rate limit': {
    start: async () => {
      scripted = await startScriptedServer((r) => {
        if (r.path === '/healthz') return { body: { ok: true } };
        if (r.path === '/admin/usage') return { body: { items: [], has_more: false } };
        if (r.path === '/admin/keys') return { status: 429, headers: { 'retry-after': '60' }, body: { error: 'slow' } };
      });
      return ['batch', '-u', scripted.url, '-t', scripted.token, '-c', '2', '--max-wait-seconds', '120'];
    },
    reached: () => scripted!.requests.some((r) => r.path === '/admin/keys'),
  },
  'the webhook after the run': {
    start: async () => {
      const hookUrl = await silentHook();
      return ['list', '-u', server.url, '-t', server.token, '--notify-webhook', hookUrl, '--notify-on', 'always'];
    },
    reached: () => hookPosts > 0,
  },
};

async function until(condition: () => boolean, child: ChildProcess) {
  const started = Date.now();
  while (!condition()) {
    if (child.exitCode !== null) throw new Error(`the process exited (${child.exitCode}) before the phase`);
    if (Date.now() - started > 20_000) throw new Error('the process never got to the phase');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const CASES = Object.keys(PHASES).flatMap((phase) =>
  (
    [
      ['SIGINT', 130],
      ['SIGTERM', 143],
    ] as const
  ).map(([signal, code]) => [phase, signal, code] as const),
);

test.each(CASES)(
  'one signal during %s: %s exits %i within 5 s',
  async (phase, signal, code) => {
    const { start, reached } = PHASES[phase]!;
    const cwd = mkdtempSync(path.join(tmpdir(), 'signal-phase-'));
    const { child, done } = startCli([...(await start()), ...SLOW], { cwd });
    await until(reached, child);
    const signalled = Date.now();
    child.kill(signal);
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    const result = await done;
    clearTimeout(killer);
    expect({ code: result.code, stderr: result.stderr }).toMatchObject({ code });
    expect(Date.now() - signalled).toBeLessThan(5000);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  },
  30_000,
);
