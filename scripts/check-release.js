// `node scripts/check-release.js X.Y.Z [--notes]`: before a release, checks that the version is
// the same everywhere it is written (package.json, src/version.ts, the GitLab component's default
// `tool`, a CHANGELOG.md section), one line per mismatch, exit 1 on any. With --notes it prints
// that CHANGELOG section (the GitHub release's notes). Used by .github/workflows/release.yml.
import { readFileSync } from 'node:fs';
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
const pkg = JSON.parse(read('package.json')).version;
if (pkg !== version) problems.push(`package.json has version ${pkg}, not ${version}`);
const constant = read('src/version.ts').match(/VERSION = '([^']*)'/)?.[1];
if (constant !== version) problems.push(`src/version.ts has VERSION ${constant}, not ${version}`);
const tool = read('templates/quota-keys.yml').match(/^\s+default: (npx --yes quota-keys@\S+)$/m)?.[1];
if (tool !== `npx --yes quota-keys@${version}`)
  problems.push(
    `templates/quota-keys.yml: the tool input's default is ${tool ?? 'missing'}, not npx --yes quota-keys@${version}`,
  );
if (!section) problems.push(`CHANGELOG.md has no "## [${version}]" section`);
else if (!section[1].trim()) problems.push(`CHANGELOG.md: the "## [${version}]" section is empty`);

if (problems.length > 0) {
  for (const problem of problems) process.stderr.write(`check-release: ${problem}\n`);
  process.exit(1);
}
if (flag === '--notes') process.stdout.write(`${section[1].trim()}\n`);
else process.stderr.write(`check-release: ${version} is written the same everywhere\n`);
