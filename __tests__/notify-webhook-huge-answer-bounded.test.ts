// A webhook (or whatever answers for it: a proxy, a captive portal) that answers with a huge body is
// one warning quoting the answer's start, and costs the run no memory: only its first bytes are read.
// On the old code the whole answer was read as text: 800 MiB of it grew the process by 1.6 GB and
// ended in "Cannot create a string longer than…". A receiver of the test's own over a real socket
// counts what it could send: with the answer read whole that is all of it; read in part, the
// connection closes after a few socket buffers.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { captureLog } from '../__fixtures__/capture-log.js';
import { notifyAfterRun } from '../src/output/notify.js';
import { Report } from '../src/report/report.js';

const MIB = 1 << 20;
const ANSWER_MIB = 800;
let sent = 0;
const hook = createServer((req, res) => {
  req.resume();
  res.writeHead(500, { 'content-type': 'text/plain' });
  const chunk = Buffer.alloc(MIB, 'overloaded ');
  const more = () => {
    while (sent < ANSWER_MIB * MIB && !res.destroyed) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', more);
    }
    res.end();
  };
  more();
});
beforeAll(() => new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve)));
afterAll(() => {
  hook.closeAllConnections();
  return new Promise((resolve) => hook.close(resolve));
});

test('an 800 MiB error answer: a warning with its start, read no further than a few buffers', async () => {
  const url = new URL(`http://127.0.0.1:${(hook.address() as AddressInfo).port}/hooks/huge-answer-0123456789`);
  const { log, lines } = captureLog();
  const report = new Report('quota-proxy batch').fail('failed');
  await notifyAfterRun(
    { command: 'batch', notifyWebhook: url, notifyOn: ['failure'] },
    [{ name: 'a', url: 'http://quota.example', report }],
    undefined,
    log,
  );
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^warning: notify-webhook answered 500: (overloaded ){8,}…; the run's result stands\.$/);
  expect(sent).toBeLessThan(64 * MIB);
}, 30_000);
