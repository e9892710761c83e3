// With config, each server's long work reports its progress as a single-server run does, in that
// server's log lines (`[name] 6/60 keys created (10 %)…`), so lines of servers running at once are
// told apart. On the old code a config run showed no progress at all, however long its batch ran.
// Two dev servers over real sockets, both thresholds at 0: a line at every 10 %.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { captureLog } from '../__fixtures__/capture-log.js';
import { cliContext } from '../src/config/context.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';
import { runAll } from '../src/multi/run-all.js';
import { serverRuns } from '../src/multi/servers.js';
import { createProgress } from '../src/shared/progress.js';

let alpha: DevServer;
let beta: DevServer;
beforeAll(async () => {
  [alpha, beta] = await Promise.all([startDevServer({ flavor: 'v1' }), startDevServer({ flavor: 'v1p' })]);
});
afterAll(() => Promise.all([alpha.close(), beta.close()]));

test('a batch of 60 keys on two servers at once: each server tells its own progress, a line per 10 %', async () => {
  const workspace = mkdtempSync(path.join(tmpdir(), 'config-progress-'));
  const config = path.join(workspace, 'servers.yml');
  writeFileSync(
    config,
    `servers:\n  - { name: alpha, url: "${alpha.url}", token-env: A_TOKEN }\n` +
      `  - { name: beta, url: "${beta.url}", token-env: B_TOKEN }\n`,
  );
  const context = { ...cliContext({}), workspace };
  const inputs: Record<string, string> = { command: 'batch', count: '60', name: 'many', config };
  const env = { A_TOKEN: alpha.token, B_TOKEN: beta.token };
  const runs = await serverRuns(
    (n) => inputs[n] ?? '',
    env,
    context,
    () => false,
  );
  const { log, lines } = captureLog();
  const progressOf = (write: (line: string) => void) => createProgress({ write, quietMs: 0, everyMs: 0 });
  const all = await runAll(runs, 2, log, undefined, { progressOf });
  expect(all.report.ok).toBe(true);
  const tenths = Array.from({ length: 10 }, (_, i) => `${(i + 1) * 6}/60 keys created (${(i + 1) * 10} %)`);
  for (const name of ['alpha', 'beta']) {
    const own = lines
      .filter((l) => l.startsWith(`info: [${name}] `) && l.includes('keys created ('))
      .map((l) => l.slice(`info: [${name}] `.length).replace(/, [\d.]+\/s.*$/, ''));
    expect(own).toEqual(tenths); // 100 % once: the done line, not a tick line too
  }
  for (const key of [...alpha.allKeys(), ...beta.allKeys()]) expect(lines.join('\n')).not.toContain(key.key);
});
