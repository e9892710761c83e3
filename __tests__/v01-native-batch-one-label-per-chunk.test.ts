// v01 (upstream server.js) gives every key of a multi-key create the request's label. A batch uses
// that native batch (up to 100 keys a request) with a label of its own per chunk, reconciles a
// chunk by how many keys its label holds against how many were asked, and writes into the CSV the
// label the server stored; with the flavor detected or forced, and under faults.

import { type Fault, startFaultProxy } from '../__fixtures__/fault-proxy.js';
import { runWrite } from '../__fixtures__/write-commands.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';

let server: DevServer;
beforeEach(async () => {
  server = await startDevServer({ flavor: 'v01' });
});
afterEach(() => server.close());

const countBy = (labels: string[]) => {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return Object.fromEntries([...counts].sort());
};

function expectCsvIsTheServer(rows: Array<Record<string, string>>) {
  const onServer = server.allKeys();
  expect(new Set(rows.map((r) => r.key))).toEqual(new Set(onServer.map((k) => k.key)));
  for (const row of rows) expect(onServer.find((k) => k.key === row.key)?.label).toBe(row.label);
}

test(
  '--server-flavor v01, 201 keys: 3 creates (100, 100, 1), one label per chunk, the CSV holds what the ' +
    'server stored',
  async () => {
    const { report, rows, requests } = await runWrite(server, {
      command: 'batch',
      count: '201',
      name: 'chunk',
      'server-flavor': 'v01',
      'skip-health-check': 'true',
    });
    expect(report.ok).toBe(true);
    expect(report.outputs).toMatchObject({ 'created-count': '201', 'failed-count': '0' });
    expect(requests.filter((r) => r.startsWith('POST'))).toHaveLength(3);
    expect(countBy(rows.map((r) => r.label!))).toEqual({
      'chunk-001-test1': 100,
      'chunk-101-test1': 100,
      'chunk-201-test1': 1,
    });
    expectCsvIsTheServer(rows);
  },
);

test('detected flavor: the first create alone tells it, then native chunks (1, 100, 100)', async () => {
  const { report, rows, requests } = await runWrite(server, { command: 'batch', count: '201', name: 'auto' });
  expect(report.ok).toBe(true);
  expect(requests.filter((r) => r.startsWith('POST'))).toHaveLength(3);
  expect(countBy(rows.map((r) => r.label!))).toEqual({
    'auto-001-test1': 1,
    'auto-002-test1': 100,
    'auto-102-test1': 100,
  });
  expectCsvIsTheServer(rows);
});

test.each<[string, Fault, number]>([
  ['cut off after the server made them', 'truncate', 3],
  ['reset after the server made them', 'reset-after', 3],
  ['answered 500 by a proxy without reaching the server', 'error500', 4],
])(
  "a chunk of 100 %s is settled by counting its label's keys: every key in the CSV, none deleted",
  async (_, fault, creates) => {
    let posts = 0;
    const proxy = await startFaultProxy({
      target: server.url,
      choose: (r) => (r.method === 'POST' && ++posts === 2 ? fault : undefined),
    });
    try {
      const { report, rows, requests } = await runWrite(server, {
        url: proxy.url,
        command: 'batch',
        count: '201',
        name: 'faulty',
        'server-flavor': 'v01',
        'skip-health-check': 'true',
      });
      expect(report.ok).toBe(true);
      expect(rows).toHaveLength(201);
      // Creates sent (the proxy sees them all; the 500 never reached the server, so its chunk is sent again).
      expect(proxy.records.filter((r) => r.method === 'POST')).toHaveLength(creates);
      expect(requests.filter((r) => r.startsWith('DELETE'))).toEqual([]);
      expect(countBy(rows.map((r) => r.label!))).toEqual({
        'faulty-001-test1': 100,
        'faulty-101-test1': 100,
        'faulty-201-test1': 1,
      });
      expectCsvIsTheServer(rows);
    } finally {
      await proxy.close();
    }
  },
);

test(
  'a tenth of the requests answered 500 or reset after committing, 201 keys detected: all valid, ' + 'all in the CSV',
  async () => {
    const proxy = await startFaultProxy({
      target: server.url,
      faults: ['error500', 'reset-after'],
      rate: 0.1,
      seed: 5,
    });
    try {
      const { report, rows, requests } = await runWrite(server, {
        url: proxy.url,
        command: 'batch',
        count: '201',
        name: 'mixed',
        'skip-health-check': 'true',
        concurrency: '2',
      });
      expect(report.ok).toBe(true);
      expect(rows).toHaveLength(201);
      expect(requests.filter((r) => r.startsWith('DELETE'))).toEqual([]);
      expect(proxy.records.filter((r) => r.method === 'POST' && r.fault).length).toBeGreaterThan(0);
      expectCsvIsTheServer(rows);
    } finally {
      await proxy.close();
    }
  },
);
