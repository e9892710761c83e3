// A warning is said once per cause, in one line: a batch over v10's admin rate limit says which keys
// were not sent in one line (not one per key, then "… and 16 more"); a run over several servers
// says a server's failure in the step's one error, not again as a warning of its own.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCliInProcess } from '../__fixtures__/cli-in-process.js';
import { runWrite } from '../__fixtures__/write-commands.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';

let server: DevServer;
afterEach(() => server.close());

test('batch of 50 over v10’s 30 per 15 minutes: the 21 keys not sent are one line', async () => {
  server = await startDevServer({ flavor: 'v10', rateLimit: { max: 30, windowSeconds: 900 } });
  const { report, warnings } = await runWrite(server, { command: 'batch', count: '50', 'skip-health-check': 'true' });
  expect(report.outputs['failed-count']).toBe('21');
  const notCreated = warnings.filter((w) => w.includes('Not created') || w.includes('more not created'));
  expect(notCreated).toHaveLength(1);
  expect(notCreated[0]).toMatch(/^warning: Not created: 21 keys \(\S+-030-\S+ … \S+-050-\S+\): .*not sent: the admin/);
  expect(warnings.every((w) => !w.includes('\n'))).toBe(true);
});

test('config over two servers, one down: its failure is said in the error, not in a warning as well', async () => {
  server = await startDevServer({ flavor: 'v1' });
  // A port nothing listens on.
  const closed = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'said-once-'));
  const file = path.join(dir, 'servers.yml');
  writeFileSync(
    file,
    `servers:\n  - { name: up, url: "${server.url}", token-env: TOKEN }\n` +
      `  - { name: down, url: "http://127.0.0.1:${closed}", token-env: TOKEN }\n`,
  );
  const result = await runCliInProcess(['list', '--config', file, '--retries', '0'], { TOKEN: server.token });
  expect(result.code).toBe(1);
  const lines = result.stderr.split('\n');
  expect(lines.filter((l) => l.startsWith('error: ') && l.includes('down'))).toHaveLength(1);
  expect(lines.filter((l) => l.startsWith('warning: ') && l.includes('connection refused'))).toEqual([]);
});
