// A batch that must wait for the admin rate limit's next window (v10; the window is shortened to 12 s
// here): the progress says so when the wait begins, and its ETA counts the wait, so it names the time
// the batch really ends, not what the rate of the first keys would suggest (a few seconds for a
// quarter-hour's wait). The line is written at once, as nothing moves during the wait.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { captureLog } from '../__fixtures__/capture-log.js';
import { cliContext } from '../src/config/context.js';
import { parseOptions } from '../src/config/options.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';
import { run } from '../src/run.js';
import { createProgress } from '../src/shared/progress.js';

let server: DevServer;
afterAll(() => server.close());

/** Seconds of an ETA as formatDuration writes it: `12s`, `1m05s`. */
function seconds(text: string): number {
  const m = /^(?:(\d+)m)?(\d+)s$/.exec(text)!;
  return Number(m[1] ?? 0) * 60 + Number(m[2]);
}

test('batch of 55 on 30 per 12 s: the line at the wait names it, and its ETA is when the batch ends', async () => {
  server = await startDevServer({ flavor: 'v10', rateLimit: { max: 30, windowSeconds: 12 } });
  const context = { ...cliContext({}), workspace: mkdtempSync(path.join(tmpdir(), 'eta-')) };
  const inputs: Record<string, string> = {
    command: 'batch',
    count: '55',
    url: server.url,
    'skip-health-check': 'true',
  };
  const options = parseOptions((n) => inputs[n] ?? '', { ADMIN_TOKEN: server.token }, context);
  const lines: Array<{ at: number; text: string }> = [];
  // The CI defaults, but for the 2 s of quiet at the start (the first window takes well under that).
  const progress = createProgress({ write: (text) => lines.push({ at: Date.now(), text }), quietMs: 0 });
  const report = await run(options, context, captureLog().log, undefined, progress);
  const ended = Date.now();
  expect(report.outputs['created-count']).toBe('55');

  // The token check took one request of the window: at most 29 keys, then the wait (said when the
  // last requests the window has room for are in flight).
  const etaAtWait = /^(\d+)\/55 keys created .*, ETA (\S+) \(a (\S+) rate-limit wait\)$/;
  const atWait = lines.find(({ text }) => etaAtWait.test(text));
  expect(atWait).toBeDefined();
  const [, count, eta, wait] = etaAtWait.exec(atWait!.text)!;
  expect(Number(count)).toBeLessThanOrEqual(29);
  expect(seconds(wait!)).toBeGreaterThanOrEqual(9);
  expect(Math.abs(atWait!.at + seconds(eta!) * 1000 - ended)).toBeLessThan(3000);
  // And the last line says done, once.
  expect(lines.at(-1)!.text).toMatch(/^55\/55 keys created \(100 %\), .*: done$/);
  expect(lines.filter(({ text }) => text.startsWith('55/55'))).toHaveLength(1);
});
