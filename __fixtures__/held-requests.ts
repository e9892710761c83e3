// A dev server of its own behind a hostile front that forwards the requests a test picks and then
// never answers them, for the signal tests: each test makes its own, so tests run at once (each one
// waits out the run's grace for a held request, 2.5 s, which is no work).
import type { ChildProcess } from 'node:child_process';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';
import { type HostileRequest, type HostileServer, startHostileServer } from './hostile-server.js';

export class HeldRequests {
  front?: HostileServer;
  private constructor(readonly server: DevServer) {}

  static async start(): Promise<HeldRequests> {
    return new HeldRequests(await startDevServer({ flavor: 'v1' }));
  }

  /** A front for the dev server that holds the requests `which` picks (counting POSTs as they come); its URL. */
  async holding(which: (r: HostileRequest, posts: number) => boolean): Promise<string> {
    let posts = 0;
    this.front = await startHostileServer({
      target: this.server.url,
      choose: (r) => {
        if (r.method === 'POST') posts += 1;
        return which(r, posts) ? { kind: 'hold' } : undefined;
      },
    });
    return this.front.url;
  }

  /** How many requests the front holds. */
  held(): number {
    return this.front?.records.filter((r) => r.hostility === 'hold').length ?? 0;
  }

  async close(): Promise<void> {
    await this.front?.close();
    await this.server.close();
  }
}

/** Waits until `condition` holds; throws when the process exits first or 20 s pass. */
export async function until(condition: () => boolean, child: () => ChildProcess | undefined): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    const exited = child()?.exitCode;
    if (exited !== null && exited !== undefined) throw new Error(`the process exited (${exited}) too early`);
    if (Date.now() - started > 20_000) throw new Error('the process never got there');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
