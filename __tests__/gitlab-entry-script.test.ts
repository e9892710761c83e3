// gitlab/quota-keys.sh under a POSIX sh (dash here, busybox ash in node:*-alpine): checks node,
// finds dist/cli.js relative to itself, passes arguments, environment and exit code through.

import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startProcess } from '../__fixtures__/run-process.js';
import { ROOT, startDevServerProcess } from '../scripts/lib/simulate-runner.js';

const SCRIPT = path.join(ROOT, 'gitlab/quota-keys.sh');

const sh = (
  script: string,
  args: string[],
  env: Record<string, string>,
  cwd = mkdtempSync(path.join(tmpdir(), 'entry-')),
) => startProcess('/bin/sh', [script, ...args], { cwd, env }).done;

/** A PATH holding only `dirname` and, if given, a `node`: proves what the script finds. */
function pathWith(node?: string): string {
  const bin = mkdtempSync(path.join(tmpdir(), 'bin-'));
  symlinkSync('/usr/bin/dirname', path.join(bin, 'dirname'));
  if (node) {
    writeFileSync(path.join(bin, 'node'), node);
    chmodSync(path.join(bin, 'node'), 0o755);
  }
  return bin;
}

const NODE_DIR = path.dirname(process.execPath);
const withNode = { PATH: `${NODE_DIR}:/usr/bin:/bin`, HOME: process.env.HOME ?? '/tmp' };

test('runs dist/cli.js from any working directory and passes its arguments through', async () => {
  const result = await sh(SCRIPT, ['help', 'flags'], withNode);
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/^GLOBAL FLAGS$/m);
  expect(result.stdout).toContain('--dotenv FILE');
});

test('passes the exit code through: 2 for bad input, 1 for a failed health check', async () => {
  const bad = await sh(SCRIPT, ['batch', '--count', 'lots', '--token', 't'], withNode);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toBe('error: Invalid input \'count\': "lots" — expected a whole number from 1 to 10000.\n');
  const down = await sh(SCRIPT, ['health', '--url', 'http://127.0.0.1:9', '--retries', '0'], withNode);
  expect(down.code).toBe(1);
});

test('takes the token from the CI/CD variable QUOTA_PROXY_ADMIN_TOKEN when ADMIN_TOKEN is unset', async () => {
  const server = await startDevServerProcess();
  try {
    const result = await sh(SCRIPT, ['generate', '--name', 'gitlab-entry', '--url', server.url], {
      ...withNode,
      QUOTA_PROXY_ADMIN_TOKEN: server.token,
    });
    expect(result.stderr).not.toContain('admin-token');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Created: 1');
    expect(result.stdout + result.stderr).not.toContain(server.token);
  } finally {
    await server.stop();
  }
});

test('Node.js older than 22.19: exit 1 with what to use instead', async () => {
  for (const [short, full] of [
    ['18', 'v18.20.4'],
    ['20.20', 'v20.20.2'],
    ['22.18', 'v22.18.0'],
  ]) {
    const old = pathWith(`#!/bin/sh\nif [ "$1" = "-p" ]; then echo ${short}; else echo ${full}; fi\n`);
    const result = await sh(SCRIPT, ['health'], { PATH: old });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `quota-keys: Node.js 22.19 or later is needed, this is ${full}. Use an image such as node:24-alpine.\n`,
    );
  }
});

test('no node at all: exit 1 with what to use instead', async () => {
  const result = await sh(SCRIPT, ['health'], { PATH: pathWith() });
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(
    /^quota-keys: node was not found on PATH\. Run the job in an image with Node\.js 22\.19 or later/,
  );
});

test('without dist/ beside gitlab/: exit 1 naming the missing file', async () => {
  const copy = mkdtempSync(path.join(tmpdir(), 'no-dist-'));
  mkdirSync(path.join(copy, 'gitlab'));
  copyFileSync(SCRIPT, path.join(copy, 'gitlab/quota-keys.sh'));
  const result = await sh(path.join(copy, 'gitlab/quota-keys.sh'), ['health'], withNode);
  expect(result.code).toBe(1);
  expect(result.stderr).toBe(
    `quota-keys: ${path.join(copy, 'dist/cli.js')} is missing: keep dist/ next to gitlab/ (as in the ` +
      `quota-keys repository).\n`,
  );
});
