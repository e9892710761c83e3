// Each channel's neutraliser (src/shared/neutralise.ts) against the payloads its channel acts on,
// and against many seeded random strings built from the characters that matter: read back by the
// runner's own rules, no log line is a command; the JSON form keeps the value; no chat text can
// mention or link; no Markdown value is markup; no chart text leaves its string.
import { readAsRunner } from '../__fixtures__/runner-log.js';
import {
  chatText,
  dotenvValue,
  htmlText,
  jsonText,
  logLine,
  markdownText,
  mermaidText,
  visible,
} from '../src/shared/neutralise.js';

const PAYLOADS = [
  '::add-mask::x',
  '  ::error::x',
  '\u3000::warning::x',
  '\u00a0\u2003::notice::x',
  '\t::debug::x',
  'a##[stop-commands]tok',
  '###[group]g',
  '##[error]e',
  'x\n::set-output name=a::b',
  'x\r::add-mask::y',
  'x\r\n##[endgroup]',
  'x\u2028::error::y',
  '\u001b[31mred\u001b[0m',
  '\u001b[0Ksection_start:1:name\r\u001b[0K',
  '\u202eevil\u202c',
  'zero\u200bwidth\ufeff',
  '\u0085::error::next-line',
  '<img src=x onerror=alert(1)>',
  '[a](https://evil)',
  '<!channel> <@U1> <https://e|x>',
  '$x$ @team `c` *b* _i_ ~s~ |p|',
  'tag\u{e0041}\u{e0042}',
];

/** Seeded random strings of the characters that start commands, markup and escapes. */
function* randomStrings(count: number): Generator<string> {
  const alphabet = [...':#[] \t\n\r\u3000\u00a0\u0085\u2028\u001b\u202e\u200b<>&@|`*_~$!\\"\'ab'];
  let seed = 42;
  const next = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed;
  };
  for (let i = 0; i < count; i++) {
    const length = 1 + (next() % 24);
    yield Array.from({ length }, () => alphabet[next() % alphabet.length]).join('');
  }
}

const corpus = [...PAYLOADS, ...randomStrings(1500)];
const INVISIBLE_RAW =
  /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]|[\u{e0000}-\u{e0fff}]/u;

test('visible: every control, bidi and zero-width character escaped; other text as it is; idempotent', () => {
  expect(visible('a\nb\r\tc\u001b[0m')).toBe('a\\nb\\r\\tc\\x1b[0m');
  expect(visible('\u202eevil\u200b')).toBe('\\u{202e}evil\\u{200b}');
  expect(visible('合作伙伴-001 café 🙂')).toBe('合作伙伴-001 café 🙂');
  for (const text of corpus) {
    expect(visible(text)).not.toMatch(INVISIBLE_RAW);
    expect(visible(visible(text))).toBe(visible(text));
  }
});

test('logLine: read by the runner, no line of it is a command; one line; our own text unchanged', () => {
  expect(logLine('Created 5 of 5 key(s); CSV: /tmp/keys.csv')).toBe('Created 5 of 5 key(s); CSV: /tmp/keys.csv');
  expect(logLine('::add-mask::x')).toBe('\\x3a:add-mask::x');
  expect(logLine('a##[stop-commands]tok')).toBe('a##\\x5bstop-commands]tok');
  for (const text of corpus) {
    const line = logLine(text);
    expect(line).not.toMatch(/[\r\n]/);
    const reading = readAsRunner(line);
    expect({ text, commands: reading.commands }).toEqual({ text, commands: [] });
    // As the tail of one of our lines, and as a line's start, alike.
    expect(readAsRunner(logLine(`Key sk-…1234 (${text})`)).commands).toEqual([]);
  }
});

test('jsonText: the same value as JSON.stringify, no `##[` and nothing invisible in its text', () => {
  for (const text of corpus) {
    const value = { label: text, rows: [text], n: 1 };
    const json = jsonText(value);
    expect(JSON.parse(json)).toEqual(value);
    expect(json).not.toContain('##[');
    expect(json).not.toMatch(INVISIBLE_RAW);
    expect(readAsRunner(json).commands).toEqual([]);
  }
});

test('markdownText: no active Markdown character left unescaped; one line', () => {
  expect(markdownText('[a](https://evil) <b> @team')).toBe('\\[a\\](https://evil) \\<b\\> \\@team');
  for (const text of corpus) {
    const md = markdownText(text);
    expect(md).not.toMatch(/[\r\n]/);
    expect(md.replace(/\\[\\`*_~[\]<>&|@$!]/g, '')).not.toMatch(/[\\`*_~[\]<>&|@$!]/);
  }
});

test('mermaidText: letters, digits and a few safe signs only, within its length', () => {
  for (const text of corpus) {
    const chart = mermaidText(text, 20);
    expect(chart).toMatch(/^[\p{L}\p{N} _.:/()+…-]*$/u);
    expect(chart.length).toBeLessThanOrEqual(20);
  }
});

test('chatText: no mention, no link markup, no broadcast word; one line', () => {
  expect(chatText('<!channel> & <https://e|Re-run> @here')).toBe(
    '&lt;!channel&gt; &amp; &lt;https://e|Re-run&gt; ＠here',
  );
  for (const text of corpus) {
    const chat = chatText(text);
    expect(chat).not.toMatch(/[<>\r\n]/);
    expect(chat).not.toMatch(/&(?!amp;|lt;|gt;)/);
    expect(chat).not.toMatch(/@(channel|here|everyone|all)\b/i);
  }
});

test('htmlText and dotenvValue: no markup, one line, nothing invisible', () => {
  for (const text of corpus) {
    expect(htmlText(text)).not.toMatch(/[<>"']/);
    expect(htmlText(text)).not.toMatch(INVISIBLE_RAW);
    expect(dotenvValue(text)).not.toMatch(/[\r\n]/);
    expect(dotenvValue(text)).not.toMatch(INVISIBLE_RAW);
  }
});
