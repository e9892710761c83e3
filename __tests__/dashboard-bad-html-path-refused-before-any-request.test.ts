// `--html` that cannot take the dashboard is bad input, refused before any request (exit 2, one line
// naming `html`): a folder, a FIFO, a device, a place no file can be created (also with --config), and
// any command but usage. The dev server counts the requests it got: none. Refused, nothing is left
// behind (the check creates a file there and removes it).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCliInProcess } from '../__fixtures__/cli-in-process.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';

let server: DevServer;
const dir = mkdtempSync(path.join(tmpdir(), 'html-bad-'));
beforeAll(async () => {
  server = await startDevServer({ flavor: 'v1p' });
  mkdirSync(path.join(dir, 'folder'));
  execFileSync('mkfifo', [path.join(dir, 'pipe.html')]);
});
afterAll(() => server.close());

const cases: Array<[string, string[], RegExp]> = [
  ['a folder', ['usage', '--html', 'folder'], /expected a file path for the dashboard, not a folder/],
  ['a path ending in /', ['usage', '--html', 'new/'], /not a folder/],
  ['a FIFO', ['usage', '--days', '7', '--html', 'pipe.html'], /is a FIFO \(named pipe\); the dashboard only ever/],
  ['a device', ['usage', '--html', '/dev/null'], /\/dev\/null is a device/],
  ['a folder that takes no file', ['usage', '--html', '/proc/usage.html'], /cannot be written there \(\w+ in \/proc\)/],
  ['below one', ['usage', '--html', '/proc/self/no/usage.html'], /cannot be written there/],
  ['another command', ['list', '--html', 'usage.html'], /only usage writes a dashboard, not list/],
  ['monitor', ['monitor', '--html', 'usage.html'], /only usage writes a dashboard, not monitor/],
];

test.each(cases)('%s: exit 2, one line naming html, no request', async (_name, args, message) => {
  const before = server.requests.length;
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    const { code, stdout, stderr } = await runCliInProcess([...args, '--url', server.url], {
      ADMIN_TOKEN: server.token,
    });
    expect({ code, stdout, lines: stderr.trimEnd().split('\n').length }).toEqual({ code: 2, stdout: '', lines: 1 });
    expect(stderr).toMatch(/^error: Invalid input 'html': /);
    expect(stderr).toMatch(message);
  } finally {
    process.chdir(cwd);
  }
  expect(server.requests.length).toBe(before);
  expect(readdirSync(dir).sort()).toEqual(['folder', 'pipe.html']);
});

test('with --config too: refused before any request to any server', async () => {
  const file = path.join(dir, 'servers.yml');
  writeFileSync(file, `servers:\n  - name: a\n    url: ${server.url}\n    token-env: TOKEN_A\n`);
  const before = server.requests.length;
  const { code, stderr } = await runCliInProcess(
    ['usage', '--days', '7', '--config', file, '--html', '/proc/all.html'],
    { TOKEN_A: server.token },
  );
  expect(code).toBe(2);
  expect(stderr).toMatch(/Invalid input 'html'.*cannot be written there/);
  expect(server.requests.length).toBe(before);
});
