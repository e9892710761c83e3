// v10 allows 30 admin requests per 15 minutes: usage and monitor spend only what they need. Its
// usage answer pages every key with its lifetime quota, so the key list is asked only to learn an
// unknown flavor (one page), and never when the flavor is known.

import { adminRequests, runRead } from '../__fixtures__/read-commands.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';

let server: DevServer;
let keys: string[];
beforeAll(async () => {
  // As deployed: rate limited, and /healthz never answers (so runs skip the health check).
  server = await startDevServer({ flavor: 'v10', rateLimit: { max: 30, windowSeconds: 900 }, health: 'hang' });
  keys = server.seedKeys(250, { labelPrefix: 'trial-' });
  server.recordUsage(keys[7]!, 900);
});
afterAll(() => server.close());

const usagePages = [
  'GET /admin/usage?days=1&page=1&limit=100',
  'GET /admin/usage?days=1&page=2&limit=100',
  'GET /admin/usage?days=1&page=3&limit=100',
];

test('unknown flavor: one key-list page, then the usage pages (4 of the 30 requests for 250 keys)', async () => {
  const from = server.requests.length;
  const { report, lines } = await runRead(server, { command: 'usage', 'skip-health-check': 'true' });
  expect(report.ok).toBe(true);
  expect(adminRequests(server, from)).toEqual(['GET /admin/keys?limit=100&offset=0', ...usagePages]);
  expect(report.outputs).toMatchObject({ flavor: 'v10', alerts: '1' });
  expect(lines).toHaveLength(251);
  expect(lines[0]).toMatch(/\| 标签: trial-8 \| 请求: 900 \| 限制: 1000 总额度 \| 已用: 900 \| 使用率: 90%$/);
  expect(report.summary.facts).toContainEqual([
    'Percent of',
    expect.stringContaining('lifetime quota, used_quota / total_quota'),
  ]);
});

test('server-flavor v10: the usage pages only', async () => {
  const from = server.requests.length;
  const { report } = await runRead(server, { command: 'monitor', 'skip-health-check': 'true', 'server-flavor': 'v10' });
  expect(report.ok).toBe(true);
  expect(adminRequests(server, from)).toEqual(usagePages);
  expect(report.outputs).toMatchObject({ 'listed-count': '250', alerts: '1' });
});
