// `npm start`: the main job on the embedded default. Starts the bundled dev server on a free port,
// runs the bundled action as the GitHub runner would to issue a batch of 5 keys with a daily limit
// of 100, prints the log (annotations as plain `warning:` lines, so none is hidden), the job
// summary and the CSV path, and stops the server. The CSV and the audit log go to a folder of their
// own in the system's temp folder, never into the checkout (each run used to add a CSV to it). The
// dev server runs the v1p flavor: it keeps a daily limit per key, so the keys get the limit the demo
// asks for (v1, the dev server's default, applies one server-wide limit instead and ignores a
// per-key one).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runBundledAction, startDevServerProcess } from './lib/simulate-runner.js';

const LIMIT = '100';
const workspace = mkdtempSync(path.join(tmpdir(), 'quota-keys-demo-'));
const server = await startDevServerProcess(['--flavor', 'v1p']);
try {
  process.stdout.write(
    `Dev server (flavor v1p: per-key daily limits) at ${server.url}; issuing 5 keys with limit ${LIMIT}.\n\n`,
  );
  const result = await runBundledAction(
    { command: 'batch', count: '5', limit: LIMIT, url: server.url, 'admin-token': server.token },
    { workspace },
  );
  const log = result.stdout
    .split('\n')
    .map((line) => line.replace(/^::(warning|error|notice)[^:]*::/, '$1: '))
    .filter((line) => !line.startsWith('::'));
  process.stdout.write(log.join('\n'));
  process.stdout.write(`\n${result.summary}\n`);
  process.stdout.write(`CSV: ${result.outputs['csv-path'] ?? '(none)'}\n`);
  process.exitCode = result.code ?? 1;
} finally {
  await server.stop();
}
