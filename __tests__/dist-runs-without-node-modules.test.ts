// The runner downloads the action's repository and nothing else: the bundles must run from a
// checkout without node_modules (here: only action.yml, package.json and dist/ copied elsewhere).
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const checkout = mkdtempSync(path.join(tmpdir(), 'checkout-'));
for (const item of ['action.yml', 'package.json', 'dist'])
  cpSync(path.join(ROOT, item), path.join(checkout, item), { recursive: true });

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer();
});
afterAll(() => server.close());

const bare = { PATH: process.env.PATH, HOME: process.env.HOME };

/** Runs node on a file of the copied checkout; asynchronous, since the dev server lives in this process. */
function node(file: string, args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number; stderr: string }>((resolve) =>
    execFile(process.execPath, [path.join(checkout, file), ...args], { cwd: checkout, env }, (error, _stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stderr }),
    ),
  );
}

test('dist/cli.js issues keys with nothing installed', async () => {
  const result = await node(
    'dist/cli.js',
    ['batch', '-c', '3', '-u', server.url, '-t', server.token, '-o', 'k.csv'],
    bare,
  );
  expect(result).toEqual({ code: 0, stderr: expect.stringContaining('Created 3 of 3') });
  expect(readFileSync(path.join(checkout, 'k.csv'), 'utf8').split('\r\n').filter(Boolean)).toHaveLength(4);
});

test('dist/cli.js writes the usage dashboard with nothing installed: the chart library is inside dist/', async () => {
  const result = await node(
    'dist/cli.js',
    ['usage', '--days', '3', '-u', server.url, '-t', server.token, '--html', 'u.html'],
    bare,
  );
  expect(result).toEqual({ code: 0, stderr: expect.stringContaining('Dashboard written to') });
  const html = readFileSync(path.join(checkout, 'u.html'), 'utf8');
  expect(html).toContain('uPlot (v1.6.32)');
  expect(html).toContain('Permission is hereby granted');
});

test('dist/index.js runs as the action with nothing installed', async () => {
  const output = path.join(checkout, 'github-output');
  const event = path.join(checkout, 'event.json');
  writeFileSync(output, '');
  writeFileSync(event, '{}');
  const env = {
    ...bare,
    INPUT_COMMAND: 'health',
    INPUT_URL: server.url,
    GITHUB_OUTPUT: output,
    GITHUB_EVENT_PATH: event,
    GITHUB_EVENT_NAME: 'push',
  };
  const result = await node('dist/index.js', [], env);
  expect(result.code).toBe(0);
  expect(readFileSync(output, 'utf8')).toMatch(/^healthy<<.*\ntrue\n/m);
});
