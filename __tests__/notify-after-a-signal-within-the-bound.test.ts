// One signal ends any command within 5 s, also with notify-webhook set and a webhook that never
// answers: a cancelled run is a failure, so it notifies, but the POST then gets NOTIFY_AFTER_SIGNAL_MS
// instead of NOTIFY_TIMEOUT_MS (on the old code the run ended 12.6 s after the signal: 2.5 s of
// grace, then the full 10 s for the webhook; the runner's SIGTERM 7.5 s after its SIGINT would have
// killed the step before its summary). The CLI in-process (the signal emitted on this process, where
// its handler listens), the dev server behind a front that holds creates after the third, and a
// webhook receiver that takes the POST and never answers, all over real sockets.
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCliInProcess } from '../__fixtures__/cli-in-process.js';
import { type HostileServer, startHostileServer } from '../__fixtures__/hostile-server.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';
import { NOTIFY_AFTER_SIGNAL_MS } from '../src/output/notify.js';

let server: DevServer;
let front: HostileServer;
const bodies: string[] = [];
const hook = createServer((req) => {
  let text = '';
  req.on('data', (chunk) => (text += chunk));
  req.on('end', () => bodies.push(text)); // and never an answer
});
let hookUrl: string;
beforeAll(async () => {
  server = await startDevServer({ flavor: 'v1' });
  let posts = 0;
  front = await startHostileServer({
    target: server.url,
    choose: (r) => {
      if (r.method === 'POST') posts += 1;
      return r.method === 'POST' && posts > 3 ? { kind: 'hold' } : undefined;
    },
  });
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hooks/never-answers-0123456789`;
});
afterAll(async () => {
  hook.closeAllConnections();
  await Promise.all([front.close(), server.close(), new Promise((resolve) => hook.close(resolve))]);
});

test('batch, SIGTERM while creates hang, a webhook that never answers: told, exit 143 within the bound', async () => {
  const csv = path.join(mkdtempSync(path.join(tmpdir(), 'notify-signal-')), 'keys.csv');
  const args = ['batch', '-u', front.url, '-t', server.token, '--count', '30', '--name', 'sig', '--output', csv];
  const running = runCliInProcess(
    [...args, '--timeout-seconds', '60', '--concurrency', '2', '--notify-webhook', hookUrl],
    {},
  );
  const started = Date.now();
  while (front.records.filter((r) => r.hostility === 'hold').length < 2) {
    if (Date.now() - started > 20_000) throw new Error('the creates were never held');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const signalled = Date.now();
  process.emit('SIGTERM', 'SIGTERM');
  const { code, stderr } = await running;
  const ms = Date.now() - signalled;
  expect(code).toBe(143);
  // The webhook got the failure, and was given up after the shorter bound.
  expect(bodies).toHaveLength(1);
  expect(JSON.parse(bodies[0]!)).toMatchObject({ ok: false, reason: 'failure', servers: [{ created: 3 }] });
  expect(stderr).toContain(
    `warning: notify-webhook could not be notified (no answer within ${NOTIFY_AFTER_SIGNAL_MS / 1000} s)`,
  );
  expect(ms).toBeLessThan(8000);
  expect(readFileSync(csv, 'utf8').trim().split('\n')).toHaveLength(4);
}, 30_000);
