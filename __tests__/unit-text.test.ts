// Unit: small text forms shared by messages (src/shared/text.ts).
import { oneLine, shellQuote } from '../src/shared/text.js';

describe('oneLine', () => {
  test('runs of white space become one space, trimmed', () => {
    expect(oneLine('  a\n\tb \r\n c  ', 100)).toBe('a b c');
  });
  test('cut at a word, with an ellipsis, never past max', () => {
    expect(oneLine('the quick brown fox', 12)).toBe('the quick …');
    expect(oneLine('the quick brown fox', 19)).toBe('the quick brown fox');
    expect(oneLine('abcdefghij', 5)).toBe('…');
    for (let max = 1; max < 30; max++)
      expect(oneLine('one two three four five six', max).length).toBeLessThanOrEqual(max + 1);
  });
  test('empty stays empty', () => {
    expect(oneLine(' \n ', 10)).toBe('');
  });
});

describe('shellQuote', () => {
  test.each(['auto-', 'x-001-p1j2nabc123', 'a@b', '100%', 'k=v', 'a:b,c', './dir/file', '+x'])(
    '%s is safe as it is',
    (word) => {
      expect(shellQuote(word)).toBe(word);
    },
  );
  test.each([
    ['two words', "'two words'"],
    ["it's", `'it'\\''s'`],
    ['$HOME', "'$HOME'"],
    ['`id`', "'`id`'"],
    ['a;rm -rf /', "'a;rm -rf /'"],
    ['', "''"],
    ['合作', "'合作'"],
    ['a\nb', "'a\nb'"],
  ])('%j is single-quoted', (word, quoted) => {
    expect(shellQuote(word)).toBe(quoted);
  });
});
