// list on v10, which pages its key list by 100: every page is asked for once, in order, and
// 10,000+ keys come out whole — CSV equal to the server, one line each, nothing held twice.

import { adminRequests, runRead } from '../__fixtures__/read-commands.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';
import { shortenKey } from '../src/shared/redact.js';

let server: DevServer;
beforeAll(async () => {
  // Paging and scale, not the admin rate limit (30 per 15 min upstream), which 10,000 keys exceed.
  server = await startDevServer({ flavor: 'v10', rateLimit: false });
});
afterAll(() => server.close());

test('250 keys: three pages (offset 0, 100, 200) and every key once', async () => {
  server.seedKeys(150, { labelPrefix: 'auto-' });
  server.seedKeys(100, { labelPrefix: 'hand-' });
  const from = server.requests.length;
  const { report, csvRows, lines } = await runRead(server, {
    command: 'list',
    output: 'keys.csv',
    'skip-health-check': 'true',
  });
  expect(report.ok).toBe(true);
  expect(adminRequests(server, from)).toEqual([
    'GET /admin/keys?limit=100&offset=0',
    'GET /admin/keys?limit=100&offset=100',
    'GET /admin/keys?limit=100&offset=200',
  ]);
  const keys = server.allKeys();
  expect(report.outputs['listed-count']).toBe('250');
  expect(csvRows.map((r) => r.key).sort()).toEqual(keys.map((k) => k.key).sort());
  expect(new Set(lines.map((l) => l.split(' | ')[0]))).toEqual(new Set(keys.map((k) => shortenKey(k.key))));
});

test('label-prefix over pages: only the matching keys of every page', async () => {
  const { report, csvRows } = await runRead(server, {
    command: 'list',
    'label-prefix': 'hand-',
    output: 'hand.csv',
    'skip-health-check': 'true',
  });
  expect(report.outputs['listed-count']).toBe('100');
  expect(csvRows.map((r) => r.key).sort()).toEqual(
    server
      .allKeys()
      .filter((k) => k.label!.startsWith('hand-'))
      .map((k) => k.key)
      .sort(),
  );
});

test('10,250 keys: 103 pages, the CSV has every key and the summary table the first and last 10', async () => {
  server.seedKeys(10_000, { labelPrefix: 'bulk-' });
  const from = server.requests.length;
  const { report, csvRows, lines, shown, markdown } = await runRead(server, {
    command: 'list',
    output: 'bulk.csv',
    'skip-health-check': 'true',
  });
  expect(report.ok).toBe(true);
  expect(adminRequests(server, from)).toHaveLength(103);
  const keys = server.allKeys();
  expect(keys).toHaveLength(10_250);
  expect(report.outputs['listed-count']).toBe('10250');
  expect(csvRows).toHaveLength(10_250);
  expect(new Set(csvRows.map((r) => r.key))).toEqual(new Set(keys.map((k) => k.key)));
  expect(lines).toHaveLength(10_250);
  // The rows stream through: the summary keeps the first and last 10 (in the server's order), not 10,250.
  const table = markdown.split('\n').filter((line) => line.startsWith('| '));
  expect(table).toHaveLength(2 + 20 + 1);
  expect(table[0]).toBe('| Label | Key | Used / total quota | Created (UTC) | Expires (UTC) | Status |');
  expect(table[12]).toBe('| … 10,230 more keys in the CSV |  |  |  |  |  |');
  for (const key of keys.slice(0, 50)) expect(shown).not.toContain(key.key);
  expect(shown).not.toMatch(/roc_\d{13}-[0-9a-z]{9}/);
});
