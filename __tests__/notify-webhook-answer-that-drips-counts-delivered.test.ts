// A webhook that answered 2xx has the notification: its body is not waited for. A receiver that
// answers 200 and then drips its body forever ends no later than one that answers at once, and the
// run says it notified (no warning). Before, the body was read and the run waited the whole bound
// (NOTIFY_TIMEOUT_MS), then warned that the webhook could not be notified. An error status still
// shows the start of its body, read within the bound.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runCliBundle } from '../__fixtures__/run-process.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';

let server: DevServer;
let receiver: Server;
let hookUrl: string;
let status = 200;
const drips = new Set<NodeJS.Timeout>();
beforeAll(async () => {
  server = await startDevServer({ flavor: 'v1' });
  receiver = createServer((req, res: ServerResponse) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.write(status === 200 ? 'o' : 'receiver trouble: ');
      const drip = setInterval(() => res.write('.'), 200);
      drips.add(drip);
      res.on('close', () => clearInterval(drip));
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/drip-secret-0123456789`;
});
afterAll(async () => {
  for (const drip of drips) clearInterval(drip);
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
  await server.close();
});

const health = () =>
  runCliBundle(['health', '--url', server.url, '--notify-on', 'always', '--notify-webhook', hookUrl]);

test('200 and a body that never ends: delivered, the run ends at once, no warning', async () => {
  status = 200;
  const started = Date.now();
  const result = await health();
  expect(Date.now() - started).toBeLessThan(4000);
  expect(result.code).toBe(0);
  expect(result.stderr).toContain('Notified notify-webhook (always).');
  expect(result.stderr).not.toContain('warning');
});

test('500 and a body that never ends: a warning with its start, within the bound', async () => {
  status = 500;
  const started = Date.now();
  const result = await health();
  expect(Date.now() - started).toBeLessThan(6000);
  expect(result.code).toBe(0);
  expect(result.stderr).toMatch(
    /warning: notify-webhook answered 500: receiver trouble: \.*; the run's result stands\./,
  );
}, 20_000);
