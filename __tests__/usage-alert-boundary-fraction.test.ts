// The alert rule at a fractional boundary: 159 of 200 is 79.5 % — shown as 79 % and no alert (the
// percent is rounded down, so what the line says and what alerts agree); 160 of 200 alerts.

import { runRead } from '../__fixtures__/read-commands.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer({ flavor: 'v1p' });
});
afterAll(() => server.close());

test('79.5 % is 79 % and no alert; 80 % alerts', async () => {
  const [below, at] = server.seedKeys(2, { labelPrefix: 'f-', dailyLimit: 200 });
  server.recordUsage(below!, 159);
  server.recordUsage(at!, 160);
  const { report, lines } = await runRead(server, { command: 'usage' });
  expect(lines[0]).toMatch(/标签: f-2 \| 请求: 160 \| 限制: 200\/日 \| 使用率: 80%$/);
  expect(lines[1]).toMatch(/标签: f-1 \| 请求: 159 \| 限制: 200\/日 \| 使用率: 79%$/);
  expect(report.outputs.alerts).toBe('1');
});
