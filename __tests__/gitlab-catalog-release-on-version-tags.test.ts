// The GitLab side's .gitlab-ci.yml, run by gitlab-ci-local (shell executor, its own predefined
// variables): on a release tag vX.Y.Z it checks the version (scripts/check-release.js, as the GitHub
// release does) and then runs the job whose `release:` publishes the component to the CI/CD catalog,
// with the CHANGELOG section as notes. A tag of another version fails the check and releases
// nothing; the moving major tag and branch pipelines run no job.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { gitlabProject, jobArtifacts, runGitlabCiLocal } from '../__fixtures__/gitlab-ci-local.js';
import { ROOT } from '../scripts/lib/simulate-runner.js';
import { VERSION } from '../src/version.js';

const PIPELINE = readFileSync(path.join(ROOT, '.gitlab-ci.yml'), 'utf8');
/** What the jobs read: the version's places and what the README, docs and workflows tell users. */
const PARTS = [
  'scripts/check-release.js',
  'package.json',
  'src/version.ts',
  'templates',
  'CHANGELOG.md',
  'README.md',
  'docs',
  '.github/workflows',
];
const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

test(`tag v${VERSION}: the version is checked, then the release job runs with the CHANGELOG notes`, async () => {
  const dir = gitlabProject(PIPELINE, PARTS, temporary);
  const { code, output } = await runGitlabCiLocal(dir, { CI_COMMIT_TAG: `v${VERSION}` }, temporary);
  expect(output).toMatch(/PASS\s+check-version/);
  expect(output).toMatch(/PASS\s+create-release/);
  expect(code).toBe(0);
  expect(output).toContain(`Releasing quota-keys v${VERSION} to the CI/CD catalog`);
  const notes = readFileSync(path.join(jobArtifacts(dir, 'check-version'), 'release-notes.md'), 'utf8');
  expect(notes.trim().length).toBeGreaterThan(20);
  expect(readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8')).toContain(notes.trim());
}, 90_000);

test('a tag of another version fails the check, and nothing is released', async () => {
  const dir = gitlabProject(PIPELINE, PARTS, temporary);
  const { code, output } = await runGitlabCiLocal(dir, { CI_COMMIT_TAG: 'v98.7.6' }, temporary);
  expect(output).toMatch(/FAIL\s+check-version/);
  expect(output).toContain('check-release: package.json has version');
  expect(output).not.toMatch(/PASS\s+create-release/);
  expect(code).not.toBe(0);
}, 90_000);

test.each([
  ['the moving major tag', { CI_COMMIT_TAG: `v${VERSION.split('.')[0]}` }],
  ['a branch pipeline', {}],
])(
  '%s: no job runs',
  async (_name, variables) => {
    const dir = gitlabProject(PIPELINE, PARTS, temporary);
    const { code, output } = await runGitlabCiLocal(dir, variables, temporary);
    expect(code).toBe(0);
    expect(output).not.toContain('starting');
    expect(existsSync(jobArtifacts(dir, 'check-version'))).toBe(false);
  },
  90_000,
);

test('the release job is what GitLab publishes to the catalog: release keyword with the tag, after the check', () => {
  const pipeline = parse(PIPELINE) as Record<string, any>;
  expect(pipeline['create-release']).toMatchObject({
    needs: ['check-version'],
    release: { tag_name: '$CI_COMMIT_TAG', description: 'release-notes.md' },
  });
  expect(pipeline['create-release'].image).toMatch(/^registry\.gitlab\.com\/gitlab-org\/(cli|release-cli)(:|$)/);
  // Only full versions: the catalog takes semantic versions, and the major tag moves.
  for (const job of ['check-version', 'create-release'])
    expect(pipeline[job].rules).toEqual([{ if: '$CI_COMMIT_TAG =~ /^v\\d+\\.\\d+\\.\\d+$/' }]);
});
