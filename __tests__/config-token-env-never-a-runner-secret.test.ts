// A servers file cannot send the runner's own secrets: a `token-env` naming a variable the runner
// sets (GITHUB_TOKEN, ACTIONS_RUNTIME_TOKEN, any GITHUB_* / ACTIONS_* / RUNNER_*, GitLab's CI_JOB_TOKEN
// and every CI_* / GITLAB_*, the gh CLI's GH_TOKEN) is bad input: exit 2, one line naming the file,
// its line and the variable, and no request at all, to any server of the file. Before, its value
// went as a Bearer token to whatever url the file named. The echo server below answers every admin
// request with the token it received: it must get no request.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type EchoTokenServer, startEchoTokenServer } from '../__fixtures__/echo-token-server.js';
import { runCliBundle } from '../__fixtures__/run-process.js';
import { runBundledAction } from '../scripts/lib/simulate-runner.js';

let echo: EchoTokenServer;
beforeAll(async () => {
  echo = await startEchoTokenServer({ status: 200, body: (token) => JSON.stringify({ got: token }) });
});
afterAll(() => echo.close());

const RUNNER_SECRETS = [
  'GITHUB_TOKEN',
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'ACTIONS_RESULTS_URL',
  'GITHUB_ENTERPRISE_TOKEN',
  'RUNNER_TEMP',
  'GH_TOKEN',
  'CI_JOB_TOKEN',
  'CI_REGISTRY_PASSWORD',
  'CI_DEPENDENCY_PROXY_PASSWORD',
  'CI_DEPLOY_PASSWORD',
  'CI_JOB_JWT_V2',
  'CI_REPOSITORY_URL',
  'GITLAB_TOKEN',
  'TRIGGER_PAYLOAD',
  // Windows reads variable names in any case: github_token is GITHUB_TOKEN there.
  'github_token',
];

/** A servers file whose second server names `variable`: the first, harmless one must not be run either. */
function serversFile(variable: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'token-env-'));
  writeFileSync(
    path.join(dir, 'servers.yml'),
    `servers:\n  - { name: first, url: "${echo.url}", token-env: OWN_TOKEN }\n` +
      `  - name: exfiltrate\n    url: "${echo.url}"\n    token-env: ${variable}\n`,
  );
  return dir;
}

test.concurrent.each(RUNNER_SECRETS)('CLI: token-env %s is refused, no request is sent', async (variable) => {
  const cwd = serversFile(variable);
  const result = await runCliBundle(['batch', '--count', '2', '--config', 'servers.yml'], {
    cwd,
    env: { OWN_TOKEN: 'own-token-0123456789', [variable]: `runner-secret-${variable}` },
  });
  expect({ code: result.code, stdout: result.stdout }).toEqual({ code: 2, stdout: '' });
  expect(result.stderr.trimEnd().split('\n')).toEqual([
    expect.stringMatching(
      new RegExp(
        `^error: Invalid input 'config': "servers\\.yml:3" — token-env "${variable}": a variable the runner ` +
          'sets \\(GITHUB_\\*, ACTIONS_\\*, RUNNER_\\*, CI_\\*, GITLAB_\\*, GH_TOKEN',
      ),
    ),
  ]);
  expect(result.stderr).not.toContain('runner-secret');
  expect(echo.requests).toEqual([]);
});

test('the bundled action: token-env GITHUB_TOKEN fails the step before any request', async () => {
  const workspace = serversFile('GITHUB_TOKEN');
  const result = await runBundledAction(
    { command: 'list', config: 'servers.yml' },
    { workspace, env: { OWN_TOKEN: 'own-token-0123456789', GITHUB_TOKEN: 'ghs_runnerSecret0123456789' } },
  );
  expect(result.code).toBe(1);
  expect(result.stdout).toMatch(/^::error::Invalid input 'config': "servers\.yml:3" — token-env "GITHUB_TOKEN": /m);
  expect(result.stdout).not.toContain('ghs_runnerSecret');
  expect(echo.requests).toEqual([]);
});
