// The CLI's `monitor --watch SECONDS` loop, in-process with real monitor passes against the dev
// server: passes repeat until Ctrl-C; Ctrl-C during the wait stops at once, a second one quits.
import { EventEmitter } from 'node:events';
import { runRead } from '../__fixtures__/read-commands.js';
import { InputError } from '../src/config/options.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';
import { parseArgs } from '../src/platform/cli.js';
import { type WatchIo, watch, watchSeconds } from '../src/platform/watch.js';

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer({ flavor: 'v1p' });
  const [key] = server.seedKeys(3, { labelPrefix: 'w-', dailyLimit: 10 });
  server.recordUsage(key!, 9);
});
afterAll(() => server.close());

function io() {
  const said: string[] = [];
  const exits: number[] = [];
  const sink: WatchIo = {
    status: (m) => said.push(m),
    error: (m) => said.push(`error: ${m}`),
    exit: (code) => exits.push(code),
  };
  return { sink, said, exits };
}

test('passes repeat every SECONDS; Ctrl-C while waiting ends the loop at once with the last pass’s code', async () => {
  const signals = new EventEmitter();
  const { sink, said } = io();
  const passes: string[][] = [];
  let secondPassEnded = 0;
  const code = await watch(
    3,
    async () => {
      const { report, lines } = await runRead(server, { command: 'monitor' });
      passes.push(lines);
      if (passes.length === 2) {
        secondPassEnded = Date.now();
        setTimeout(() => signals.emit('SIGINT'), 50); // during the wait after pass 2
      }
      return report.ok ? 0 : 1;
    },
    sink,
    signals,
  );
  expect(code).toBe(0);
  expect(passes).toHaveLength(2);
  // The second 3 s wait was cut short by the signal (a wide margin: no timing test on a busy machine).
  expect(Date.now() - secondPassEnded).toBeLessThan(2_500);
  expect(passes[1]![1]).toContain('使用率: 90%');
  expect(said).toEqual(['watching every 3 s; Ctrl-C stops', 'stopping (Ctrl-C again to quit at once)']);
  expect(signals.listenerCount('SIGINT')).toBe(0);
});

test('a failing pass is reported and the watch goes on; a second Ctrl-C quits at once with 130', async () => {
  const signals = new EventEmitter();
  const { sink, said, exits } = io();
  let passes = 0;
  const code = await watch(
    1,
    async () => {
      passes += 1;
      if (passes === 1) throw new Error('GET http://127.0.0.1:9/admin/keys: connection refused');
      signals.emit('SIGINT');
      signals.emit('SIGINT');
      return 0;
    },
    sink,
    signals,
  );
  expect(passes).toBe(2);
  expect(code).toBe(0);
  expect(said).toContain('error: GET http://127.0.0.1:9/admin/keys: connection refused');
  expect(exits).toEqual([130]);
});

test('--watch is a flag of the command line only, for monitor, in whole seconds', () => {
  expect(parseArgs(['monitor', '--watch', '5']).watch).toBe('5');
  expect(parseArgs(['monitor', '--watch=2']).watch).toBe('2');
  expect(parseArgs(['monitor', '--watch', '5']).values.has('watch')).toBe(false);
  expect(watchSeconds('5', 'monitor')).toBe(5);
  expect(() => watchSeconds('5', 'list')).toThrow(InputError);
  expect(() => watchSeconds('0', 'monitor')).toThrow(/Invalid input 'watch'/);
  expect(() => watchSeconds('1.5', 'monitor')).toThrow(/whole number/);
  expect(() => parseArgs(['monitor', '--watch'])).toThrow(/--watch needs a number of seconds/);
});
