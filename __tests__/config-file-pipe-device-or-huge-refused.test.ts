// A servers file (`--config`) that is a FIFO, a device or far too big is bad input at once: reading a
// FIFO blocks the process for good (no signal handler runs while it waits), /dev/zero never ends,
// and 100 MB of comments took seconds and half a gigabyte. The FIFO and /dev/zero run the CLI bundle
// in a child process: a blocked process can only be seen (and killed) from outside.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCliInProcess } from '../__fixtures__/cli-in-process.js';
import { startCli } from '../__fixtures__/run-process.js';
import { MAX_SERVERS_FILE_BYTES } from '../src/multi/servers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'config-not-regular-'));
const env = { A_TOKEN: 'a-token-0123456789abcdef' };

/** The bundle's exit code and stderr, or code null when it had to be killed after `boundMs`. */
async function cliWithin(args: string[], boundMs: number) {
  const { child, done } = startCli(args, { cwd: dir, env });
  const kill = setTimeout(() => child.kill('SIGKILL'), boundMs);
  try {
    return await done;
  } finally {
    clearTimeout(kill);
  }
}

test('a FIFO as the servers file: exit 2 naming it, not a process blocked for good', async () => {
  execFileSync('mkfifo', [path.join(dir, 'servers.yml')]);
  const { code, stderr } = await cliWithin(['health', '--config', 'servers.yml'], 10_000);
  expect({ code, stderr }).toEqual({
    code: 2,
    stderr:
      `error: Invalid input 'config': "servers.yml" — the servers file must be a regular file ` +
      '(not a pipe or a device).\n',
  });
}, 20_000);

test('/dev/zero as the servers file: exit 2, not a read that never ends', async () => {
  const { code, stderr } = await cliWithin(['health', '--config', '/dev/zero'], 10_000);
  expect(code).toBe(2);
  expect(stderr).toMatch(/^error: Invalid input 'config': "\S*dev\/zero" — the servers file must be a regular file/);
}, 20_000);

test('a servers file over 1 MiB is refused before it is read, naming the bound', async () => {
  const file = path.join(dir, 'big.yml');
  const entry = '  - {name: a, url: "http://127.0.0.1:1", token-env: A_TOKEN}\n';
  writeFileSync(file, `servers:\n${entry}${'# padding\n'.repeat(MAX_SERVERS_FILE_BYTES / 10)}`);
  const { code, stdout, stderr } = await runCliInProcess(['health', '--config', file], env);
  expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
  expect(stderr).toBe(
    `error: Invalid input 'config': "${path.relative(process.cwd(), file)}" — ` +
      'the servers file must be at most 1 MiB.\n',
  );
});
