// With config, a job summary that cannot be written (a full disk) is a warning, as without config:
// the step's result is the servers' (a run where every server succeeded still passes), the failure
// line still names the failed server, and the notification is still sent. Two dev servers and a
// webhook receiver of the test's own over real sockets; only the summary file's write fails.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fakeCore } from '../__fixtures__/fake-core.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';
import { runAction } from '../src/platform/github.js';

let alpha: DevServer;
let beta: DevServer;
const posts: Array<Record<string, unknown>> = [];
const hook = createServer((req, res) => {
  let text = '';
  req.on('data', (chunk) => (text += chunk));
  req.on('end', () => {
    posts.push(JSON.parse(text));
    res.end('ok');
  });
});
let hookUrl: string;
beforeAll(async () => {
  [alpha, beta] = await Promise.all([startDevServer({ flavor: 'v1' }), startDevServer({ flavor: 'v1a' })]);
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hooks/summary-test-0123456789`;
});
afterEach(() => posts.splice(0));
afterAll(async () => {
  hook.closeAllConnections();
  await Promise.all([alpha.close(), beta.close(), new Promise((resolve) => hook.close(resolve))]);
});

async function runWithFullDisk(betaToken: string) {
  const workspace = mkdtempSync(path.join(tmpdir(), 'config-summary-full-'));
  const config = path.join(workspace, 'servers.yml');
  writeFileSync(
    config,
    `servers:\n  - { name: alpha, url: "${alpha.url}", token-env: A_TOKEN }\n` +
      `  - { name: beta, url: "${beta.url}", token-env: B_TOKEN }\n`,
  );
  const core = fakeCore({ command: 'batch', count: '1', config, 'notify-webhook': hookUrl, 'notify-on': 'always' });
  core.summary = {
    addRaw: () => ({
      write: async () => {
        throw new Error('ENOSPC: no space left on device, write');
      },
    }),
  };
  const env = {
    GITHUB_ACTIONS: 'true',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_REPOSITORY: 'octo/keys',
    GITHUB_WORKSPACE: workspace,
    GITHUB_STEP_SUMMARY: path.join(workspace, 'summary.md'),
    A_TOKEN: alpha.token,
    B_TOKEN: betaToken,
  };
  const github = {
    eventName: 'push',
    ref: 'refs/heads/main',
    runId: 77,
    payload: { repository: { full_name: 'octo/keys', private: true } },
  };
  await runAction({ core, github, env });
  return core;
}

test('one server failed: the failure names it, the summary trouble is a warning, the webhook is told', async () => {
  const core = await runWithFullDisk('a-wrong-token-for-beta');
  expect(core.failures).toHaveLength(1);
  expect(core.failures[0]).toMatch(/^1 of 2 servers failed: beta: The server refused the admin token/);
  expect(core.lines).toContainEqual(expect.stringMatching(/^warning: Could not write the job summary: ENOSPC/));
  expect(posts).toHaveLength(1);
  expect(posts[0]).toMatchObject({
    ok: false,
    servers: [
      { name: 'alpha', ok: true },
      { name: 'beta', ok: false },
    ],
  });
});

test('every server succeeded: the step passes despite the summary, and the webhook is told', async () => {
  const core = await runWithFullDisk(beta.token);
  expect(core.failures).toEqual([]);
  expect(core.outputs['created-count']).toBe('2');
  expect(posts).toHaveLength(1);
  expect(posts[0]).toMatchObject({ ok: true, reason: 'always' });
});
