// An answer sent as chunks of one byte each (chunked transfer encoding: `1\r\n \r\n` without end) is
// held to the same memory as one sent in large chunks: the 16 MiB limit ends it, the process stays
// small. On the old code each decoded chunk was appended to one string, a rope of 16 million parts:
// 600 MB peak before the limit was reached. A whole answer in one-byte chunks still reads the same,
// a label of multi-byte characters split between chunks included.
// The CLI bundle runs with a test-only hook (--import) that prints the process's peak RSS at exit.
import net, { type AddressInfo, type Socket } from 'node:net';
import { CLI_BUNDLE, startProcess } from '../__fixtures__/run-process.js';

/** Prints the peak resident set size (VmHWM, kilobytes) on exit; nothing else. */
const PEAK_RSS_HOOK =
  'data:text/javascript,' +
  `process.on('exit',()=>{const s=process.getBuiltinModule('fs').readFileSync('/proc/self/status','utf8');` +
  `process.stderr.write('peak-rss-kb='+/VmHWM:\\s+(\\d+)/.exec(s)[1]+'\\n')})`;
/** As for answers in large chunks (huge-answers-refused-with-bounded-memory.test.ts); the old code took 600 MB. */
const RSS_LIMIT_KB = 256 * 1024;
const LABEL = 'équipe-数据-🔑';
const KEY = `trial_${'4'.repeat(32)}`;

const sockets = new Set<Socket>();
let server: net.Server | undefined;
afterEach(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => server?.close(resolve));
});

/** Healthy; the key list as one-byte chunks: `endless` spaces, or v1's key list. */
async function serveInOneByteChunks(endless: boolean): Promise<string> {
  server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    let head = '';
    socket.on('data', (data) => {
      head += data;
      if (!head.includes('\r\n\r\n')) return;
      const path = head.split(' ')[1];
      head = '';
      if (path === '/healthz') {
        socket.write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 11\r\n\r\n{"ok":true}');
        return;
      }
      socket.write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n');
      if (endless) {
        const pump = () => {
          while (!socket.destroyed && socket.write('1\r\n \r\n'.repeat(10_000)));
          if (!socket.destroyed) socket.once('drain', pump);
        };
        return pump();
      }
      const body = Buffer.from(JSON.stringify({ keys: [{ key: KEY, label: LABEL, created_at: 1_765_000_000_000 }] }));
      for (const byte of body) socket.write(`1\r\n${String.fromCharCode(byte)}\r\n`, 'latin1');
      socket.write('0\r\n\r\n');
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function list(url: string) {
  const args = [
    'list',
    '-u',
    url,
    '-t',
    'tok-0123456789',
    '--server-flavor',
    'v1',
    '--retries',
    '0',
    '--timeout-seconds',
    '40',
  ];
  const { child, done } = startProcess(process.execPath, ['--import', PEAK_RSS_HOOK, CLI_BUNDLE, ...args, '--json'], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
  });
  const killer = setTimeout(() => child.kill('SIGKILL'), 50_000);
  const result = await done;
  clearTimeout(killer);
  return { ...result, peakKb: Number(/peak-rss-kb=(\d+)/.exec(result.stderr)?.[1]) };
}

test('an endless answer of one-byte chunks: refused at 16 MiB in one line, peak RSS under 256 MiB', async () => {
  const result = await list(await serveInOneByteChunks(true));
  expect(result.stderr).toMatch(
    /^error: GET http:\/\/127\.0\.0\.1:\d+\/admin\/keys: the answer is larger than 16 MiB/m,
  );
  expect(result.code).toBe(1);
  expect(result.peakKb).toBeLessThan(RSS_LIMIT_KB);
}, 60_000);

test('a whole key list in one-byte chunks reads as sent, multi-byte label included', async () => {
  const result = await list(await serveInOneByteChunks(false));
  expect(result.code).toBe(0);
  expect(result.stdout).toContain(JSON.stringify(LABEL).slice(1, -1));
}, 60_000);
