// `node scripts/check-release.js X.Y.Z [--notes]`: before a release, checks that the version is
// the same everywhere it is written (package.json, src/version.ts, the GitLab component's default
// `tool`, a CHANGELOG.md section, and what the README, docs/ and the workflows tell users to write:
// `uses: OWNER/quota-keys@vX` with the major tag the release moves, the component `@vX.Y.Z`,
// `npx quota-keys@X.Y.Z`), one line per mismatch, exit 1 on any. With GITHUB_REPOSITORY set (the
// release workflow), package.json's repository, homepage and bugs must name that repository: npm
// refuses a provenance statement from another one. With --notes it prints that CHANGELOG section
// (the GitHub release's notes). Used by .github/workflows/release.yml and the GitLab release job.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const read = (file) => readFileSync(path.join(root, file), 'utf8');
const [raw = '', flag] = process.argv.slice(2);
const version = raw.replace(/^v/, '');
const escaped = version.replace(/[.+]/g, '\\$&');

if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version)) {
  process.stderr.write(`check-release: "${raw}" is not a version X.Y.Z (such as 1.2.0)\n`);
  process.exit(2);
}

const changelog = read('CHANGELOG.md');
const section = changelog.match(new RegExp(`^## \\[${escaped}\\][^\\n]*\\n([\\s\\S]*?)(?=^## |(?![\\s\\S]))`, 'm'));
const problems = [];
const manifest = JSON.parse(read('package.json'));
if (manifest.version !== version) problems.push(`package.json has version ${manifest.version}, not ${version}`);
const constant = read('src/version.ts').match(/VERSION = '([^']*)'/)?.[1];
if (constant !== version) problems.push(`src/version.ts has VERSION ${constant}, not ${version}`);
const tool = read('templates/quota-keys.yml').match(/^\s+default: (npx --yes quota-keys@\S+)$/m)?.[1];
if (tool !== `npx --yes quota-keys@${version}`)
  problems.push(
    `templates/quota-keys.yml: the tool input's default is ${tool ?? 'missing'}, not npx --yes quota-keys@${version}`,
  );
if (!section) problems.push(`CHANGELOG.md has no "## [${version}]" section`);
else if (!section[1].trim()) problems.push(`CHANGELOG.md: the "## [${version}]" section is empty`);

problems.push(...referenceProblems(), ...repositoryProblems(process.env.GITHUB_REPOSITORY));

/** What users are told to write, in the README, docs/ and the workflows: each reference with this version's tag. */
function referenceProblems() {
  const major = `v${version.split('.')[0]}`;
  const kinds = [
    // The action by its major tag (`@v0`, not a full version nor a placeholder like `@vX`).
    { pattern: /[\w.-]+\/quota-keys@(v\d+)(?![\w.])/g, want: major, what: `the major tag of ${version}` },
    { pattern: /\/quota-keys\/quota-keys@(v?\d[\w.-]*)/g, want: `v${version}`, what: 'the GitLab component tag' },
    { pattern: /(?<![\w/.-])quota-keys@(\d[\w.-]*)/g, want: version, what: 'the npm version' },
  ];
  const files = [
    'README.md',
    ...readdirSync(path.join(root, 'docs')).map((f) => `docs/${f}`),
    ...readdirSync(path.join(root, '.github/workflows')).map((f) => `.github/workflows/${f}`),
  ].filter((f) => /\.(md|ya?ml)$/.test(f));
  const found = [];
  for (const file of files) {
    const lines = read(file).split('\n');
    for (const { pattern, want, what } of kinds) {
      const wrong = new Map();
      lines.forEach((line, i) => {
        for (const [, ref] of line.matchAll(pattern))
          if (ref !== want) wrong.set(ref, [...(wrong.get(ref) ?? []), i + 1]);
      });
      for (const [ref, at] of wrong)
        found.push(`${file} (line${at.length > 1 ? 's' : ''} ${at.join(', ')}) says @${ref}, not @${want}, ${what}`);
    }
  }
  return found;
}

/** npm's provenance check: the package must name the repository the workflow runs in. */
function repositoryProblems(repository) {
  if (!repository) return [];
  const fields = { repository: manifest.repository?.url, homepage: manifest.homepage, bugs: manifest.bugs?.url };
  return Object.entries(fields)
    .filter(([, url]) => !String(url).toLowerCase().includes(`github.com/${repository.toLowerCase()}`))
    .map(([field, url]) => `package.json's ${field} is ${url}, not of github.com/${repository}`);
}

if (problems.length > 0) {
  for (const problem of problems) process.stderr.write(`check-release: ${problem}\n`);
  process.exit(1);
}
if (flag === '--notes') process.stdout.write(`${section[1].trim()}\n`);
else process.stderr.write(`check-release: ${version} is written the same everywhere\n`);
