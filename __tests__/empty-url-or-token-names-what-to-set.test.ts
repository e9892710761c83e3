// An empty `url` (an unset vars.QUOTA_PROXY_URL) fails the step naming the input and the variable to
// set, before any request: the action no longer tries http://localhost:8787 and reports "connection
// refused". An empty admin-token names the input and the secret, not the CLI's --token. A GitLab job
// (the CLI in CI) says the same in its own words; only the CLI on a machine keeps the old tool's
// default server, http://localhost:8787.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startRecordingProxy } from '../__fixtures__/recording-proxy.js';
import { runCliBundle } from '../__fixtures__/run-process.js';
import { runBundledAction, startDevServerProcess } from '../scripts/lib/simulate-runner.js';

let server: { url: string; token: string; stop: () => Promise<void> };
beforeAll(async () => {
  server = await startDevServerProcess();
});
afterAll(() => server.stop());

const errors = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('::error::'));

test('action, url empty (vars.QUOTA_PROXY_URL unset): one line naming url and the variable', async () => {
  // As `url: ${{ vars.QUOTA_PROXY_URL }}` passes it when the variable is unset.
  const result = await runBundledAction({ command: 'batch', url: '', 'admin-token': server.token });
  expect(result.code).not.toBe(0);
  expect(errors(result.stdout)).toEqual([
    "::error::Invalid input 'url' — it is empty: set the repository variable QUOTA_PROXY_URL (url: " +
      "${{ vars.QUOTA_PROXY_URL }} is empty while it is unset), or give url the server's address, such as " +
      'https://quota.example.com.',
  ]);
  expect(result.stdout).not.toMatch(/localhost:8787|connection refused|healthy/);
  expect(result.outputs.healthy ?? '').toBe('');
});

test('action, admin-token empty (secret unset): names admin-token and the secret, no request sent', async () => {
  const proxy = await startRecordingProxy(server.url);
  try {
    const result = await runBundledAction({ command: 'batch', url: proxy.url, 'admin-token': '' });
    expect(result.code).not.toBe(0);
    expect(errors(result.stdout)).toEqual([
      "::error::Invalid input 'admin-token' — required for batch: it is empty: set the repository secret " +
        'QUOTA_PROXY_ADMIN_TOKEN and pass it as admin-token: ${{ secrets.QUOTA_PROXY_ADMIN_TOKEN }} (an unset ' +
        'secret is empty).',
    ]);
    expect(result.stdout).not.toContain('--token');
    expect(proxy.requests).toEqual([]);
  } finally {
    await proxy.close();
  }
});

test('GitLab job without QUOTA_PROXY_URL: names the CI/CD variable; the CLI alone keeps localhost:8787', async () => {
  const cwd = mkdtempSync(path.join(tmpdir(), 'empty-url-'));
  const job = { GITLAB_CI: 'true', CI_PROJECT_DIR: cwd, CI_PIPELINE_ID: '7', CI_JOB_ID: '8' };
  const gitlab = await runCliBundle(['batch', '--url', ''], { cwd, env: { ...job, ADMIN_TOKEN: server.token } });
  expect(gitlab.code).toBe(2);
  expect(gitlab.stderr).toContain(
    "Invalid input 'url' — it is empty: set the CI/CD variable QUOTA_PROXY_URL, or the component's url input",
  );
  const noToken = await runCliBundle(['batch', '--url', server.url], { cwd, env: job });
  expect(noToken.code).toBe(2);
  expect(noToken.stderr).toContain('required for batch: it is empty: set the CI/CD variable QUOTA_PROXY_ADMIN_TOKEN');
  // By hand: the old tool's default server (nothing listens there in this test: a health failure, exit 1).
  const byHand = await runCliBundle(['health', '--timeout-seconds', '1', '--retries', '0'], { cwd });
  expect(byHand.stderr).toContain('http://localhost:8787/');
});
