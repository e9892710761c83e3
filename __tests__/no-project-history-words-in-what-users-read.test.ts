// What a user reads speaks of the product, not of how the project came about: no "seed tool", "seed
// guide", "Seed §5.3" or "on the old code" in the README, action.yml, the templates, the GitLab
// script, docs/, examples/, the changelog, nor anywhere in src/ (messages, help, and the comments
// next to them). The bash script quota-keys replaces is "the old tool"; seeding a dev database with
// keys (`dev-server --seed-keys`) is a product word and stays.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

const FORBIDDEN: RegExp[] = [
  /\bseed[- ](tool|guide|script|flags?|recipe|doc)/i,
  /\bthe seed\b/i,
  /\bseed's\b/i,
  /\bSeed\b/,
  /§/,
  /\bon the old code\b/i,
];

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(path.join(root, file)).isDirectory() ? filesUnder(file) : [file];
  });
}

const read = [
  'README.md',
  'CHANGELOG.md',
  'action.yml',
  'package.json',
  'Dockerfile',
  ...['templates', 'gitlab', 'docs', 'examples', 'src'].flatMap(filesUnder).filter((f) => !f.endsWith('.png')),
];

test('the files a user reads are all there', () => {
  expect(read).toEqual(expect.arrayContaining(['templates/quota-keys.yml', 'examples/.gitlab-ci.yml']));
  expect(read.filter((f) => f.startsWith('src/')).length).toBeGreaterThan(50);
});

test.each(read.map((f) => [f]))('%s: no words of the project history', (file) => {
  const text = readFileSync(path.join(root, file), 'utf8');
  const found = text
    .split('\n')
    .flatMap((line, i) => (FORBIDDEN.some((word) => word.test(line)) ? [`${file}:${i + 1}: ${line.trim()}`] : []));
  expect(found).toEqual([]);
});

test('seeding a dev database is not history', () => {
  for (const allowed of ['--seed-keys N', 'seeded keys', 'seedKeys(3)', 'the same seed gives the same faults'])
    expect(FORBIDDEN.filter((word) => word.test(allowed))).toEqual([]);
  for (const history of ["the seed tool's monitor", 'Seed §5.3', 'seed guide', 'On the old code each ran'])
    expect(FORBIDDEN.filter((word) => word.test(history)).length).toBeGreaterThan(0);
});
