// The npm package as a user gets it: `npm pack` the project, install the tarball with npm (a
// global install into a prefix, a project install, `npm exec` as npx does) with a cache of its own
// and --offline, so any dependency it asked for would fail the install, then run `quota-keys`.
// The tarball ships only what the CLI and the GitLab component run (the action is used from the
// repository, `uses:`, and its bundle stays out), within 8 MB unpacked, and every command runs
// from it: no chunk the CLI loads is missing.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { NODE_FIRST_PATH, npm as runNpm } from '../__fixtures__/npm-cli.js';
import { type Finished, startProcess } from '../__fixtures__/run-process.js';
import { ROOT, startDevServerProcess } from '../scripts/lib/simulate-runner.js';
import { COMMANDS } from '../src/config/commands.js';
import { VERSION } from '../src/version.js';

const work = mkdtempSync(path.join(tmpdir(), 'npm-package-'));
const cache = path.join(work, 'npm-cache');
// Node 24 (this process) first on PATH: the package's bin runs `#!/usr/bin/env node`.
const PATH = NODE_FIRST_PATH;
const env = {
  HOME: work,
  npm_config_cache: cache,
  npm_config_update_notifier: 'false',
  npm_config_fund: 'false',
  npm_config_audit: 'false',
};

const npm = (args: string[], cwd = work): Promise<Finished> => runNpm(args, cwd, env);

type Packed = { filename: string; files: Array<{ path: string }>; size: number; unpackedSize: number };
let packed: Packed;
let tarball: string;
let server: { url: string; token: string; stop: () => Promise<void> };

beforeAll(async () => {
  const result = await npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work, ROOT]);
  expect(result).toMatchObject({ code: 0 });
  packed = (JSON.parse(result.stdout) as Packed[])[0]!;
  tarball = path.join(work, packed.filename);
  server = await startDevServerProcess();
}, 120_000);
afterAll(async () => {
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

test('the tarball holds what the CLI and the component run, and nothing else, within 8 MB', () => {
  const files = packed.files.map((f) => f.path).sort();
  expect(packed.filename).toBe(`quota-keys-${VERSION}.tgz`);
  for (const file of files) {
    expect({
      file,
      shipped:
        /^(dist\/cli\/|templates\/|gitlab\/)/.test(file) ||
        ['dist/cli.js', 'dist/package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'package.json'].includes(file),
    }).toEqual({ file, shipped: true });
  }
  expect(files).toEqual(
    expect.arrayContaining([
      'dist/cli.js',
      'dist/cli/index.js',
      'templates/quota-keys.yml',
      'gitlab/quota-keys.sh',
      'LICENSE',
      'README.md',
      'CHANGELOG.md',
    ]),
  );
  // The sources, the tests, the dev tools' configuration, and the action (used from the repository) stay home.
  expect(
    files.filter(
      (f) =>
        /^(src|__tests__|__fixtures__|scripts|docs|examples|node_modules)\//.test(f) ||
        /tsconfig|jest\.config/.test(f) ||
        f === 'action.yml' ||
        f === 'dist/index.js',
    ),
  ).toEqual([]);
  // 17.4 MB before: both bundles, each with the Azure SDK of @actions/artifact, which the CLI never uses.
  expect(packed.unpackedSize).toBeLessThanOrEqual(8 * 1000 * 1000);
});

test('a global install from the tarball pulls no dependency and runs: --version, health', async () => {
  const prefix = path.join(work, 'global');
  const install = await npm(['install', '--global', '--prefix', prefix, '--offline', '--ignore-scripts', tarball]);
  expect(install.stderr).not.toMatch(/ERR!/);
  expect(install.code).toBe(0);
  expect(install.stdout).toMatch(/added 1 package\b/);
  expect(readdirSync(path.join(prefix, 'lib/node_modules'))).toEqual(['quota-keys']);
  expect(readdirSync(path.join(prefix, 'lib/node_modules/quota-keys'))).not.toContain('node_modules');

  const bin = path.join(prefix, 'bin/quota-keys');
  const version = await startProcess(bin, ['--version'], { env: { PATH, HOME: work } }).done;
  expect(version).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  const health = await startProcess(bin, ['health', '--url', server.url], { env: { PATH, HOME: work } }).done;
  expect(health.code).toBe(0);
  expect(health.stdout).toMatch(/^Healthy: yes$/m);
}, 120_000);

test('npx from the tarball (npm exec --package), and a project that depends on it, need nothing else', async () => {
  const project = mkdtempSync(path.join(work, 'project-'));
  writeFileSync(
    path.join(project, 'package.json'),
    JSON.stringify({ name: 'uses-quota-keys', version: '1.0.0', private: true }),
  );
  const install = await npm(['install', '--offline', '--ignore-scripts', tarball], project);
  expect(install.code).toBe(0);
  expect(install.stdout).toMatch(/added 1 package\b/);
  expect(readdirSync(path.join(project, 'node_modules')).filter((d) => !d.startsWith('.'))).toEqual(['quota-keys']);

  const npx = await npm(
    ['exec', '--offline', '--yes', `--package=${tarball}`, '--', 'quota-keys', 'health', '--url', server.url],
    mkdtempSync(path.join(work, 'npx-')),
  );
  expect(npx.code).toBe(0);
  expect(npx.stdout).toMatch(/^Healthy: yes$/m);
}, 120_000);

test('every command runs from the installed package (each chunk it loads is there)', async () => {
  const prefix = path.join(work, 'every-command');
  const install = await npm(['install', '--global', '--prefix', prefix, '--offline', '--ignore-scripts', tarball]);
  expect(install.code).toBe(0);
  const bin = path.join(prefix, 'bin/quota-keys');
  const cwd = mkdtempSync(path.join(work, 'commands-'));
  const recipient = await identityToRecipient(await generateIdentity());
  const run = (args: string[]) =>
    startProcess(bin, [...args, '--url', server.url], { cwd, env: { PATH, HOME: work, ADMIN_TOKEN: server.token } })
      .done;
  const runs: Record<string, string[]> = {
    health: [],
    generate: ['--name', 'from-npm', '--limit', '10'],
    batch: ['--count', '2', '--name', 'npm-batch', '--encrypt-to', recipient],
    list: ['--output', 'all.csv'],
    usage: ['--days', '3'],
    monitor: [],
    reset: ['--name', 'from-npm'],
    delete: ['--name', 'from-npm'],
    rotate: ['--older-than-days', '1', '--label-prefix', 'npm-', '--dry-run'],
  };
  expect(Object.keys(runs).sort()).toEqual([...COMMANDS].sort());
  for (const [command, args] of Object.entries(runs)) {
    const result = await run([command, ...args]);
    expect({ command, code: result.code, stderr: result.stderr }).toMatchObject({ command, code: 0 });
  }
  const help = await startProcess(bin, ['dev-server', '--help'], { cwd, env: { PATH, HOME: work } }).done;
  expect(help.code).toBe(0);
}, 120_000);
