// Installable as the README says, end to end against a registry the test starts (verdaccio on
// 127.0.0.1, no uplinks, so nothing comes from anywhere else): `npm publish` as the release workflow
// runs it, then `npx --yes quota-keys@<version> --help` from a clean folder with an empty npm cache,
// then the GitLab component's job with its default tool (`npx --yes quota-keys@<version> batch …`),
// run by gitlab-ci-local in a project that holds nothing of quota-keys but the component, against
// the dev server.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { gitlabProject, jobArtifacts, readJobDotenv, runGitlabCiLocal } from '../__fixtures__/gitlab-ci-local.js';
import { npm, npx } from '../__fixtures__/npm-cli.js';
import { type Registry, startVerdaccio } from '../__fixtures__/verdaccio.js';
import { ROOT, startDevServerProcess } from '../scripts/lib/simulate-runner.js';
import { VERSION } from '../src/version.js';

const work = mkdtempSync(path.join(tmpdir(), 'published-'));
const temporary: string[] = [work];
let registry: Registry;
let server: { url: string; token: string; stop: () => Promise<void> };
beforeAll(async () => {
  [registry, server] = await Promise.all([startVerdaccio(), startDevServerProcess(['--flavor', 'v1p'])]);
}, 60_000);
afterAll(async () => {
  await Promise.all([registry?.stop(), server?.stop()]);
  for (const dir of [...temporary, registry?.dir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A fresh HOME and npm cache: nothing installed or cached before. */
function cleanNpm(): NodeJS.ProcessEnv {
  const home = mkdtempSync(path.join(work, 'home-'));
  return {
    HOME: home,
    npm_config_cache: path.join(home, 'npm-cache'),
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
}

test('npm publish of the checkout, as the release workflow runs it, puts this version in the registry', async () => {
  const publish = await npm(['publish', '--access', 'public'], ROOT, {
    ...cleanNpm(),
    npm_config_userconfig: registry.userconfig,
  });
  expect({ code: publish.code, stderr: publish.stderr }).toMatchObject({ code: 0 });
  expect(publish.stdout).toContain(`+ quota-keys@${VERSION}`);
  const packument = (await (await fetch(`${registry.url}quota-keys`)).json()) as Record<string, any>;
  expect(packument['dist-tags']).toEqual({ latest: VERSION });
  // The command, and nothing to install beside it.
  expect(packument.versions[VERSION].bin).toEqual({ 'quota-keys': 'dist/cli.js' });
  expect(packument.versions[VERSION].dependencies).toBeUndefined();
}, 120_000);

test('npx --yes quota-keys@<version> --help, from a clean folder with an empty npm cache', async () => {
  const folder = mkdtempSync(path.join(work, 'npx-'));
  const help = await npx(['--yes', `quota-keys@${VERSION}`, '--help'], folder, {
    ...cleanNpm(),
    npm_config_registry: registry.url,
  });
  expect({ code: help.code, stderr: help.stderr }).toMatchObject({ code: 0 });
  expect(help.stdout).toMatch(/^USAGE\n {2}quota-keys <command>/m);
  for (const command of ['batch', 'list', 'rotate']) expect(help.stdout).toContain(command);
}, 120_000);

test('the GitLab component with its default tool: npx installs the published version in the job, which ' +
  'issues keys', async () => {
  // Only the pipeline and the component file (include: local stands for include: component).
  const dir = gitlabProject(
    'include:\n  - local: templates/quota-keys.yml\n    inputs:\n      stage: keys\n      count: 2\nstages: [keys]\n',
    ['templates'],
    temporary,
  );
  const { code, output } = await runGitlabCiLocal(
    dir,
    {
      QUOTA_PROXY_URL: server.url,
      QUOTA_PROXY_ADMIN_TOKEN: server.token,
      CI_COMMIT_TAG: 'v5.0.0',
      npm_config_registry: registry.url,
      npm_config_update_notifier: 'false',
    },
    temporary,
  );
  expect(output).toMatch(/PASS\s+quota-keys/);
  expect(code).toBe(0);
  expect(output).toContain(`npx --yes quota-keys@${VERSION} "batch"`);
  const env = readJobDotenv(dir, 'quota-keys');
  expect(env).toMatchObject({ QUOTA_KEYS_CREATED: '2', QUOTA_KEYS_HEALTHY: 'true', QUOTA_KEYS_FLAVOR: 'v1p' });
  const rows = parse(readFileSync(path.join(jobArtifacts(dir, 'quota-keys'), env.QUOTA_KEYS_CSV!)), {
    columns: true,
  }) as Array<Record<string, string>>;
  expect(rows.map((r) => r.label).sort()).toEqual([
    expect.stringMatching(/^release-v5\.0\.0-001-p\d+j\d+n[0-9a-f]{6}$/),
    expect.stringMatching(/^release-v5\.0\.0-002-p\d+j\d+n[0-9a-f]{6}$/),
  ]);
  expect(output).not.toContain(server.token);
  for (const row of rows) expect(output).not.toContain(row.key);
}, 180_000);
