// `npm start`: the main job on the embedded default. Starts the bundled dev server on a free port,
// runs the bundled action as the GitHub runner would to issue a batch of 5 keys with a daily limit
// of 100, prints the log (annotations as plain `warning:` lines, so none is hidden), the job
// summary and the CSV path, writes the usage dashboard of the dev server's demo and prints its
// path, and stops the server. The CSV and the audit log go to a folder of their own in the system's
// temp folder, never into the checkout. The dev server runs the v1p flavor: it keeps a daily limit
// per key, so the keys get the limit the demo asks for (v1, the dev server's default, applies one
// server-wide limit instead and ignores a per-key one).
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, runBundledAction, startDevServerProcess } from './lib/simulate-runner.js';

const LIMIT = '100';
const workspace = mkdtempSync(path.join(tmpdir(), 'quota-keys-demo-'));
// --seed-demo: eight more keys with two weeks of usage, for the dashboard at the end.
const server = await startDevServerProcess(['--flavor', 'v1p', '--seed-demo']);
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
  // The usage dashboard of the demo's 14 days: one HTML file to open in a browser.
  const dashboard = path.join(workspace, 'usage-dashboard.html');
  const usage = ['usage', '--days', '14', '--html', dashboard, '--quiet', '--url', server.url];
  execFileSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), ...usage], {
    env: { ...process.env, ADMIN_TOKEN: server.token },
  });
  process.stdout.write(`Dashboard (usage of the demo's 14 days; open it in a browser): ${dashboard}\n`);
  process.exitCode = result.code ?? 1;
} finally {
  await server.stop();
}
