// The bundled action (dist/index.js, run as the runner runs it) issues batches of 100 through the
// fault proxy, one fault at a time at a 10 % rate (seeded: the same faults in the same order each
// run), then all faults mixed on other flavors. Whatever happened, the CSV holds exactly the
// server's keys for the batch's labels, one per label (per chunk on v01); outputs and exit code say so; and nothing
// printed shows the token or a key.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { FAULT_KINDS, FAULTS, type Fault, mulberry32, startFaultProxy } from '../__fixtures__/fault-proxy.js';
import { runBundledAction } from '../scripts/lib/simulate-runner.js';
import { type Flavor, startDevServer } from '../src/dev-server/index.js';

const RATE = 0.1;
const COUNT = 100;

/** The first seed from `from` that gives the `index`-th request a fault (the proxy draws twice per request). */
function seedHitting(from: number, index: number): number {
  for (let seed = from; ; seed++) {
    const random = mulberry32(seed);
    let hit = false;
    for (let i = 0; i <= index; i++) {
      hit = random() < RATE;
      random();
    }
    if (hit) return seed;
  }
}

interface Row {
  name: string;
  flavor: Flavor;
  faults: Fault[];
  seed: number;
}

const rows: Row[] = [
  ...FAULTS.map((fault, i) => ({
    name: fault,
    flavor: 'v1' as Flavor,
    faults: [fault],
    // hang-health can only hit the one health check (request 0): pick a seed where it does.
    seed: fault === 'hang-health' ? seedHitting(100, 0) : 11 + i,
  })),
  // Three requests (health, the first key, the other 99 in one native batch): hit the batch.
  { name: 'all faults, v01 (native batches of 100)', flavor: 'v01', faults: [...FAULTS], seed: seedHitting(21, 2) },
  { name: 'all faults, v1p', flavor: 'v1p', faults: [...FAULTS], seed: 22 },
  { name: 'all faults, v10 (paged key list)', flavor: 'v10', faults: [...FAULTS], seed: 23 },
];

test.concurrent.each(rows)(
  '$name at 10 %: CSV == server, one key per label, outputs right, no secret printed',
  async ({ name, flavor, faults, seed }) => {
    // v10 keeps its hanging /healthz; its admin limit (30 per 15 min) would stop 100 keys before any fault does.
    const server = await startDevServer({ flavor, ...(flavor === 'v10' ? { rateLimit: false as const } : {}) });
    const proxy = await startFaultProxy({
      target: server.url,
      faults,
      rate: RATE,
      seed,
      delayMs: 3000,
      retryAfterSeconds: 1,
    });
    try {
      const runId = String(7000 + rows.findIndex((r) => r.name === name));
      const result = await runBundledAction(
        {
          command: 'batch',
          count: String(COUNT),
          name: 'matrix',
          url: proxy.url,
          'admin-token': server.token,
          'timeout-seconds': '2',
          'upload-artifact': 'false',
          output: 'keys.csv',
        },
        { eventName: 'workflow_dispatch', runId },
      );
      const context = `${name}: exit ${result.code}\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-2000)}`;
      expect({ context, code: result.code }).toEqual({ context, code: 0 });
      expect(result.outputs).toMatchObject({
        'created-count': String(COUNT),
        'failed-count': '0',
        healthy: 'true',
        flavor,
      });

      const csv = parse(readFileSync(result.outputs['csv-path']!, 'utf8'), { columns: true }) as Array<
        Record<string, string>
      >;
      // Every key of the (fresh) server is in the CSV under the label the server stored: one per
      // number, or on v01 one per native batch (001 alone, which told the flavor, then 002–100).
      const onServer = server.allKeys();
      expect(new Set(csv.map((r) => r.key))).toEqual(new Set(onServer.map((k) => k.key)));
      expect(csv).toHaveLength(COUNT);
      for (const row of csv) {
        expect(row.label).toMatch(new RegExp(`^matrix-\\d{3}-r${runId}a1i[0-9a-f]{6}n[0-9a-f]{6}$`));
        expect(onServer.find((k) => k.key === row.key)?.label).toBe(row.label);
      }
      const perNumber = new Map<string, number>();
      for (const row of csv)
        perNumber.set(row.label!.split('-')[1]!, (perNumber.get(row.label!.split('-')[1]!) ?? 0) + 1);
      if (flavor === 'v01') expect(Object.fromEntries(perNumber)).toEqual({ '001': 1, '002': COUNT - 1 });
      else expect(perNumber.size).toBe(COUNT);

      // The row exercised its fault(s); a create that committed despite the error was adopted, not made twice.
      expect(proxy.injected()).toBeGreaterThan(0);
      const committedCreates = proxy.records.filter(
        (r) => r.method === 'POST' && r.fault && FAULT_KINDS[r.fault].forwards,
      ).length;
      if (committedCreates > 0) expect(result.stdout).toMatch(/key\(s\) were created after all/);

      const printed =
        result.stdout
          .split('\n')
          .filter((l: string) => !l.startsWith('::add-mask::'))
          .join('\n') +
        result.stderr +
        result.summary +
        JSON.stringify(result.outputs);
      expect(printed).not.toContain(server.token);
      for (const key of server.allKeys()) expect(printed).not.toContain(key.key);
    } finally {
      await proxy.close();
      await server.close();
    }
  },
  60_000,
);
