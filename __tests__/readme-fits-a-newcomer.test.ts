// The README is what a newcomer reads: at most 600 lines; the two commands that work on a fresh
// machine and the Node version it needs at the top; the three jobs, the inputs and outputs, the
// command line and its exit codes; everything else one link away in docs/.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../scripts/lib/simulate-runner.js';

const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const lines = README.trimEnd().split('\n');
const headings = lines.filter((l) => /^#{2,4} /.test(l)).map((l) => l.replace(/^#+ /, ''));

test('at most 600 lines', () => {
  expect(lines.length).toBeLessThanOrEqual(600);
});

test('it starts with the two commands: the title, then their block, nothing between', () => {
  const firstText = lines.slice(1).findIndex((l) => l.trim() !== '') + 1;
  expect(lines.slice(firstText, firstText + 4)).toEqual([
    '```sh',
    expect.stringMatching(/^npm ci && npm start +# /),
    expect.stringMatching(/^npm ci && npm test +# /),
    '```',
  ]);
});

test('the first 40 lines: npm ci && npm start, npm ci && npm test, and the Node version of package.json', () => {
  const top = lines.slice(0, 40).join('\n');
  expect(top).toContain('npm ci && npm start');
  expect(top).toContain('npm ci && npm test');
  const engines = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } })
    .engines.node;
  const [, major, minor] = engines.match(/^>=(\d+)\.(\d+)\.0$/)!;
  expect(top).toContain(`Node.js ${major}.${minor} or later`);
});

test('the three jobs, the inputs and outputs, the command line and its exit codes are in it', () => {
  expect(headings).toEqual(
    expect.arrayContaining(['On tags', 'By hand', 'On a schedule', 'Inputs', 'Outputs', 'Command line', 'Exit codes']),
  );
});

test('the reference parts are one link away in docs/', () => {
  for (const page of ['commands', 'gitlab', 'many-servers', 'packaging', 'development'])
    expect(README).toContain(`](docs/${page}.md)`);
});
