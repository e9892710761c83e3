// rotate over 10,000+ keys on v10, whose list comes in pages of 100 by offset: every due key is
// deleted (none skipped by pages shifting under the deletions), none of the young ones, with
// bounded concurrency.

import { DAY_MS, runWrite } from '../__fixtures__/write-commands.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';
import { forEachBounded } from '../src/shared/bounded.js';

let server: DevServer;
beforeAll(async () => {
  // Paging and scale, not the admin rate limit (30 per 15 min upstream), which 10,000 keys exceed.
  server = await startDevServer({ flavor: 'v10', rateLimit: false });
});
afterAll(() => server.close());

test('10,000 due keys among 10,300: all deleted, the 300 young kept, the list read once page by page', async () => {
  const now = Date.now();
  const young = server.seedKeys(150, { labelPrefix: 'auto-new-', createdAt: new Date(now - 2 * DAY_MS) });
  server.seedKeys(10_000, { labelPrefix: 'auto-old-', createdAt: new Date(now - 45 * DAY_MS) });
  young.push(...server.seedKeys(150, { labelPrefix: 'auto-new2-', createdAt: new Date(now - DAY_MS) }));
  const started = performance.now();
  const { report, requests, markdown } = await runWrite(server, {
    command: 'rotate',
    'older-than-days': '30',
    'label-prefix': 'auto-',
    concurrency: '16',
  });
  const seconds = (performance.now() - started) / 1000;
  expect(report.ok).toBe(true);
  expect(report.outputs['deleted-count']).toBe('10000');
  expect(new Set(server.allKeys().map((k) => k.key))).toEqual(new Set(young));
  expect(requests.filter((r) => r.startsWith('GET /admin/keys'))).toHaveLength(103);
  expect(requests.filter((r) => r.startsWith('DELETE '))).toHaveLength(10_000);
  // Every deletion is reported as it happens; the job summary keeps its first and last 10.
  expect(report.summary.table!.rows).toHaveLength(10_000);
  expect(markdown.split('\n').filter((line) => line.startsWith('| '))).toHaveLength(2 + 20 + 1);
  process.stderr.write(`rotate: 10,300 listed, 10,000 deleted in ${seconds.toFixed(2)} s\n`);
}, 120_000);

test('forEachBounded never has more than `concurrency` calls in flight, and visits every item once', async () => {
  let inFlight = 0;
  let most = 0;
  const seen: number[] = [];
  await forEachBounded(
    Array.from({ length: 50 }, (_, i) => i),
    4,
    async (item) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, item % 3));
      seen.push(item);
      inFlight -= 1;
    },
  );
  expect(most).toBe(4);
  expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
});
