// One SIGINT exits 130 and one SIGTERM exits 143, in every phase a run goes through: the health check,
// the token check before the first create, the first create, later creates, a listing, a usage read,
// a delete, a wait for the server's rate limit, and the webhook after the run. On the old code a signal
// during the token check exited 1 (its abandoned request read as "Checking the admin token failed"),
// and one during the webhook killed the process outright (no exit code, no report).
// The bundled CLI as a process; the request of the phase is held (forwarded to the dev server, never
// answered), or a server of the test's own asks for a 60 s wait; the signal is sent once the phase is
// seen, exactly once. Each case has servers of its own, so the cases run at once.
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HeldRequests, until } from '../__fixtures__/held-requests.js';
import type { HostileRequest } from '../__fixtures__/hostile-server.js';
import { startCli } from '../__fixtures__/run-process.js';
import { type ScriptedServer, startScriptedServer } from '../__fixtures__/scripted-server.js';
import type { DevServer } from '../src/dev-server/index.js';

/** One case's servers: the held front of the dev server, and the scripted server or webhook its phase needs. */
class Setup {
  scripted?: ScriptedServer;
  hook?: Server;
  hookPosts = 0;
  private constructor(readonly held: HeldRequests) {}

  static async start(): Promise<Setup> {
    return new Setup(await HeldRequests.start());
  }

  get server(): DevServer {
    return this.held.server;
  }

  holding(which: (r: HostileRequest, posts: number) => boolean): Promise<string> {
    return this.held.holding(which);
  }

  /** A webhook receiver that takes the POST and never answers. */
  async silentHook(): Promise<string> {
    const hook = createServer((req) => {
      req.resume();
      req.on('end', () => (this.hookPosts += 1));
    });
    this.hook = hook;
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hooks/never-answers`;
  }

  async close(): Promise<void> {
    await this.scripted?.close();
    const { hook } = this;
    if (hook) {
      hook.closeAllConnections();
      await new Promise((resolve) => hook.close(resolve));
    }
    await this.held.close();
  }
}

const SLOW = ['--timeout-seconds', '60', '--retries', '3'];

interface Phase {
  /** The command line (the server's URL and token included). */
  start: (s: Setup) => Promise<string[]>;
  /** The phase has begun: its request is held, or the wait has started. */
  reached: (s: Setup) => boolean;
}

const held = (s: Setup) => s.held.held() > 0;

const PHASES: Record<string, Phase> = {
  'the health check': {
    start: async (s) => ['list', '-u', await s.holding((r) => r.path === '/healthz'), '-t', s.server.token],
    reached: held,
  },
  'the token check before the first create': {
    start: async (s) => [
      'batch',
      '-u',
      await s.holding((r) => r.path === '/admin/usage'),
      '-t',
      s.server.token,
      '-c',
      '3',
    ],
    reached: held,
  },
  'the first create': {
    start: async (s) => ['batch', '-u', await s.holding((r) => r.method === 'POST'), '-t', s.server.token, '-c', '3'],
    reached: held,
  },
  'later creates': {
    start: async (s) => {
      const url = await s.holding((r, posts) => r.method === 'POST' && posts > 2);
      return ['batch', '-u', url, '-t', s.server.token, '-c', '6', '--concurrency', '1'];
    },
    reached: held,
  },
  'a listing': {
    start: async (s) => ['list', '-u', await s.holding((r) => r.path === '/admin/keys'), '-t', s.server.token],
    reached: held,
  },
  'a usage read': {
    start: async (s) => ['usage', '-u', await s.holding((r) => r.path === '/admin/usage'), '-t', s.server.token],
    reached: held,
  },
  'a delete': {
    start: async (s) => {
      const [key] = s.server.seedKeys(1, { labelPrefix: 'doomed' });
      return ['delete', '-u', await s.holding((r) => r.method === 'DELETE'), '-t', s.server.token, '--key', key!];
    },
    reached: held,
  },
  'a wait for the rate limit': {
    start: async (s) => {
      s.scripted = await startScriptedServer((r) => {
        if (r.path === '/healthz') return { body: { ok: true } };
        if (r.path === '/admin/usage') return { body: { items: [], has_more: false } };
        if (r.path === '/admin/keys') return { status: 429, headers: { 'retry-after': '60' }, body: { error: 'slow' } };
      });
      return ['batch', '-u', s.scripted.url, '-t', s.scripted.token, '-c', '2', '--max-wait-seconds', '120'];
    },
    reached: (s) => s.scripted!.requests.some((r) => r.path === '/admin/keys'),
  },
  'the webhook after the run': {
    start: async (s) => {
      const hookUrl = await s.silentHook();
      return ['list', '-u', s.server.url, '-t', s.server.token, '--notify-webhook', hookUrl, '--notify-on', 'always'];
    },
    reached: (s) => s.hookPosts > 0,
  },
};

const CASES = Object.keys(PHASES).flatMap((phase) =>
  (
    [
      ['SIGINT', 130],
      ['SIGTERM', 143],
    ] as const
  ).map(([signal, code]) => [phase, signal, code] as const),
);

test.concurrent.each(CASES)(
  'one signal during %s: %s exits %i within 5 s',
  async (phase, signal, code) => {
    const { start, reached } = PHASES[phase]!;
    const setup = await Setup.start();
    try {
      const cwd = mkdtempSync(path.join(tmpdir(), 'signal-phase-'));
      const { child, done } = startCli([...(await start(setup)), ...SLOW], { cwd });
      await until(
        () => reached(setup),
        () => child,
      );
      const signalled = Date.now();
      child.kill(signal);
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const result = await done;
      clearTimeout(killer);
      expect({ code: result.code, stderr: result.stderr }).toMatchObject({ code });
      expect(Date.now() - signalled).toBeLessThan(5000);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await setup.close();
    }
  },
  30_000,
);
