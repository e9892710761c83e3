// The npm package as a user gets it: `npm pack` the project, install the tarball with npm (a
// global install into a prefix, a project install, `npm exec` as npx does) with a cache of its own
// and --offline, so any dependency it asked for would fail the install, then run `quota-keys`.
// The tarball ships only what runs, and the bundle needs no runtime dependency.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Finished, startProcess } from '../__fixtures__/run-process.js';
import { ROOT, startDevServerProcess } from '../scripts/lib/simulate-runner.js';
import { VERSION } from '../src/version.js';

const work = mkdtempSync(path.join(tmpdir(), 'npm-package-'));
const cache = path.join(work, 'npm-cache');
/** npm as the test runner's npm script started it (npm test), else the one on PATH, under this Node. */
const npmCli =
  process.env.npm_execpath && /npm-cli\.js$/.test(process.env.npm_execpath) ? process.env.npm_execpath : undefined;
// Node 24 (this process) first on PATH: the package's bin runs `#!/usr/bin/env node`.
const PATH = `${path.dirname(process.execPath)}:${process.env.PATH}`;
const env = {
  PATH,
  HOME: work,
  npm_config_cache: cache,
  npm_config_update_notifier: 'false',
  npm_config_fund: 'false',
  npm_config_audit: 'false',
};

function npm(args: string[], cwd = work): Promise<Finished> {
  return (
    npmCli ? startProcess(process.execPath, [npmCli, ...args], { cwd, env }) : startProcess('npm', args, { cwd, env })
  ).done;
}

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

test('the tarball holds what runs and nothing else', () => {
  const files = packed.files.map((f) => f.path).sort();
  expect(packed.filename).toBe(`quota-keys-${VERSION}.tgz`);
  for (const file of files) {
    expect({
      file,
      shipped:
        /^(dist\/|templates\/|gitlab\/)/.test(file) ||
        ['action.yml', 'README.md', 'LICENSE', 'CHANGELOG.md', 'package.json'].includes(file),
    }).toEqual({ file, shipped: true });
  }
  expect(files).toEqual(
    expect.arrayContaining([
      'dist/cli.js',
      'dist/cli/index.js',
      'dist/index.js',
      'action.yml',
      'templates/quota-keys.yml',
      'gitlab/quota-keys.sh',
      'LICENSE',
      'README.md',
      'CHANGELOG.md',
    ]),
  );
  // The sources, the tests, the dev tools' configuration stay home.
  expect(
    files.filter(
      (f) =>
        /^(src|__tests__|__fixtures__|scripts|docs|examples|node_modules)\//.test(f) || /tsconfig|jest\.config/.test(f),
    ),
  ).toEqual([]);
  // A few MB of bundle, not the 216 MB a global install pulled with its dependencies.
  expect(packed.unpackedSize).toBeLessThan(20 * 1024 * 1024);
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
