// Every line of the code we write fits in 120 columns (issue 12): the formatter wraps code at 120,
// but not strings, comments or regexes, so this walks every TypeScript and JavaScript source file
// in git (the bundles in dist/ excepted) and names each line that is longer.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const MAX = 120;

test('no source line is longer than 120 characters', () => {
  const files = execFileSync('git', ['ls-files', '-z', '--', '*.ts', '*.js', '*.mjs', '*.cjs'], { encoding: 'utf8' })
    .split('\0')
    .filter((file) => file !== '' && !file.startsWith('dist/'));
  expect(files.length).toBeGreaterThan(100);
  const long: string[] = [];
  for (const file of files) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const width = [...line].length;
        if (width > MAX) long.push(`${file}:${i + 1} (${width})`);
      });
  }
  expect(long).toEqual([]);
});
