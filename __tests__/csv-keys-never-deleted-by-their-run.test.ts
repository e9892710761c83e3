// A key written to the CSV is never deleted by the run that wrote it, under any fault, on every
// flavor that can delete: every DELETE the run sends is recorded by the fault proxy, and none may
// name a key of its CSV; at the end every key of the CSV is still on the server. Each case has its
// own server and proxy (in-process runs share nothing): the cases run at once.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { captureLog } from '../__fixtures__/capture-log.js';
import { type Fault, startFaultProxy } from '../__fixtures__/fault-proxy.js';
import { cliContext } from '../src/config/context.js';
import { parseOptions } from '../src/config/options.js';
import { type Flavor, startDevServer } from '../src/dev-server/index.js';
import { run } from '../src/run.js';

const FAULTS: Fault[] = ['reset-after', 'truncate', 'html502', 'delay', 'error500', 'reset-before'];

const workspace = mkdtempSync(path.join(tmpdir(), 'never-deleted-'));

// Every `period`-th create gets the next fault of FAULTS, starting at `offset`; v01 sends few creates (100 keys each).
test.concurrent.each<[Flavor, string, number, number]>([
  ['v1', '', 5, 0],
  ['v1', '', 4, 3],
  ['v01', '', 2, 0],
  ['v01', '', 2, 1],
  ['v01', 'v01', 2, 0],
  ['v01', 'v01', 2, 2],
  ['v1p', '', 5, 1],
  ['v10', '', 5, 2],
])(
  '%s (server-flavor "%s", every %d-th create faulted from fault %d): no DELETE names a key of the CSV, and ' +
    'every CSV key stays on the server',
  async (flavor, forced, period, offset) => {
    const server = await startDevServer({ flavor });
    let creates = 0;
    const proxy = await startFaultProxy({
      target: server.url,
      delayMs: 1500,
      choose: (r) => {
        if (r.method !== 'POST') return undefined;
        creates += 1;
        return creates % period === 0 ? FAULTS[(offset + creates / period) % FAULTS.length] : undefined;
      },
    });
    const seed = `${forced || 'detected'}-${period}-${offset}`;
    try {
      const context = { ...cliContext({}), workspace };
      const all: Record<string, string> = {
        url: proxy.url,
        'admin-token': server.token,
        command: 'batch',
        name: 'kept',
        count: '230',
        concurrency: '4',
        'timeout-seconds': '1',
        'skip-health-check': 'true',
        'server-flavor': forced,
        'max-wait-seconds': '60',
        output: `${flavor}-${seed}.csv`,
      };
      const report = await run(
        parseOptions((n) => all[n] ?? '', {}, context),
        context,
        captureLog().log,
      );
      const rows = parse(readFileSync(report.csvPath!, 'utf8'), { columns: true }) as Array<Record<string, string>>;
      const inCsv = new Set(rows.map((r) => r.key!));
      expect(proxy.injected()).toBeGreaterThan(0);
      const deleted = proxy.records
        .filter((r) => r.method === 'DELETE')
        .map((r) => decodeURIComponent(r.path.split('/').pop()!));
      expect(deleted.filter((key) => inCsv.has(key))).toEqual([]);
      const onServer = new Set(server.allKeys().map((k) => k.key));
      expect([...inCsv].filter((key) => !onServer.has(key))).toEqual([]);
      expect(Number(report.outputs['created-count'])).toBe(rows.length);
    } finally {
      await proxy.close();
      await server.close();
    }
  },
  60_000,
);
