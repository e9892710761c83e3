// The bundles are ASCII (one-byte source strings for V8: a faster start, less memory), and writing
// them so changes nothing the code does: the escapes mean the same in strings, templates, regular
// expressions and identifiers, and the build refuses the two places where they would not.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { asciiOnly } from '../scripts/lib/ascii-only.js';
import { ROOT } from '../scripts/lib/simulate-runner.js';

const NON_ASCII = /[^\0-\x7f]/;

test('every script of dist/ is ASCII', () => {
  const scripts = ['dist', 'dist/cli'].flatMap((dir) =>
    readdirSync(path.join(ROOT, dir))
      .filter((file) => file.endsWith('.js'))
      .map((file) => path.join(dir, file)),
  );
  expect(scripts).toEqual(expect.arrayContaining(['dist/index.js', 'dist/cli/index.js', 'dist/cli.js']));
  const withNonAscii = scripts.filter((file) => NON_ASCII.test(readFileSync(path.join(ROOT, file), 'utf8')));
  expect(withNonAscii).toEqual([]);
  // And each still parses: a chunk loaded only at upload time once held a no-break space escaped in code.
  for (const file of scripts) execFileSync(process.execPath, ['--check', path.join(ROOT, file)]);
});

test('escaped code computes what the original computes', () => {
  const code = [
    "const café = 'é — → 中文 😀';",
    'const note = `${café} ✓ ${1 + 1}`;',
    "const astral = /^[😀-😎]$/u.test('😃');",
    "const wide = /[＝＋]/.test('x＋y');",
    '// a comment — with an arrow →',
    'return [café, note, astral, wide, café.length];',
  ].join('\n');
  const escaped = (asciiOnly({ 'a.js': code, 'b.js': 'return 1;' }) as Record<string, string>)['a.js'] ?? '';
  expect(escaped).toContain('\\u00e9');
  expect(NON_ASCII.test(escaped)).toBe(false);
  expect(new Function(escaped)()).toEqual(new Function(code)());
  expect(new Function(code)()).toEqual(['é — → 中文 😀', 'é — → 中文 😀 ✓ 2', true, true, 11]);
});

test('a no-break space between tokens becomes a space; in a literal it is escaped', () => {
  const code = "const a = null ||\u00a0{ x: 1 };\nreturn [a.x, '\u00a0é', `\u00a0${a.x}`, /\u00a0/.test('\u00a0')];";
  const escaped = (asciiOnly({ 'n.js': code }) as Record<string, string>)['n.js'] ?? '';
  expect(escaped).toContain('null || {');
  expect(NON_ASCII.test(escaped)).toBe(false);
  expect(new Function(escaped)()).toEqual(new Function(code)());
  expect(new Function(code)()).toEqual([1, '\u00a0é', '\u00a01', true]);
});

test('a file already ASCII is left as it is', () => {
  expect(asciiOnly({ 'b.js': 'return "\\u00e9";' })).toEqual({});
});

test('a tagged template with a non-ASCII character is refused: its raw text would change', () => {
  expect(() => asciiOnly({ 't.js': 'const s = String.raw`é`;' })).toThrow(/t\.js: a tagged template/);
  // Untagged, the same text is escaped.
  expect(asciiOnly({ 't.js': 'const s = `é`;' })).toEqual({ 't.js': 'const s = `\\u00e9`;' });
});

test('a line or paragraph separator is refused: it ends a line comment, its escape would not', () => {
  expect(() => asciiOnly({ 'c.js': '// é\u2028code();' })).toThrow(/c\.js: U\+2028 or U\+2029/);
});
