// Unit: the neutralisers' exact output, case by case (src/shared/neutralise.ts). The properties over
// random strings and the runner's own reading are in neutralise-one-per-channel.test.ts.
import {
  chatText,
  dotenvValue,
  htmlText,
  jsonText,
  logLine,
  logLines,
  markdownText,
  mermaidText,
  visible,
} from '../src/shared/neutralise.js';

describe('visible', () => {
  test.each([
    ['\0', '\\x00'],
    ['\u007f', '\\x7f'],
    ['\u0085', '\\x85'],
    ['\u00ad', '\\xad'],
    ['\u061c', '\\u{61c}'],
    ['\u200e', '\\u{200e}'],
    ['\u2028', '\\u{2028}'],
    ['\u2066', '\\u{2066}'],
    ['\u034f', '\\u{34f}'],
    ['\u3164', '\\u{3164}'],
    ['\ufeff', '\\u{feff}'],
    ['\u{e0041}', '\\u{e0041}'],
    ['\u180e', '\\u{180e}'],
    ['\ufe01', '\\u{fe01}'],
  ])('%j is shown as %s', (char, shown) => {
    expect(visible(`a${char}b`)).toBe(`a${shown}b`);
  });

  test('variation selectors: hidden but for one right after a visible character (an emoji’s form)', () => {
    expect(visible('\ufe0f')).toBe('\\u{fe0f}');
    expect(visible('a\ufe0f\ufe0e')).toBe('a\ufe0f\\u{fe0e}');
    expect(visible('\u2764\ufe0f \ufe0f')).toBe('\u2764\ufe0f \\u{fe0f}');
    expect(visible('\u{e0101}\ufe0e')).toBe('\\u{e0101}\\u{fe0e}');
    expect(jsonText('\u2764\ufe0f\ufe0f\ufe01')).toBe('"\u2764\ufe0f\\ufe0f\\ufe01"');
  });

  test('what a reader sees stays: accents, scripts, emoji, joiners inside emoji are shown escaped', () => {
    expect(visible('e\u0301 ñ 合作 🙂 Ω')).toBe('e\u0301 ñ 合作 🙂 Ω');
    expect(visible('👩\u200d💻')).toBe('👩\\u{200d}💻');
  });

  test('the same text twice in a row gives the same answer (no regex state kept)', () => {
    expect(visible('x\ny')).toBe('x\\ny');
    expect(visible('x\ny')).toBe('x\\ny');
  });
});

describe('logLine and logLines', () => {
  test.each([
    ['::error::x', '\\x3a:error::x'],
    ['   ::warning::x', '   \\x3a:warning::x'],
    ['\u3000::notice::x', '\u3000\\x3a:notice::x'],
    ['\u0085::debug::x', '\\x85::debug::x'],
    ['##[group]x', '##\\x5bgroup]x'],
    ['a ##[error]b ##[warning]c', 'a ##\\x5berror]b ##\\x5bwarning]c'],
    ['a::b::c', 'a::b::c'],
    ['x\n::add-mask::y', 'x\\n::add-mask::y'],
    [':: x', '\\x3a: x'],
  ])('%j → %s', (text, line) => {
    expect(logLine(text)).toBe(line);
  });

  test('logLines keeps our own line breaks and neutralises each line', () => {
    expect(logLines('Created 1 key\n::add-mask::x\n  ##[stop-commands]y')).toBe(
      'Created 1 key\n\\x3a:add-mask::x\n  ##\\x5bstop-commands]y',
    );
  });
});

describe('markdownText', () => {
  test.each([
    ['plain text 123', 'plain text 123'],
    ['a|b', 'a\\|b'],
    ['**bold** _i_ ~~s~~', '\\*\\*bold\\*\\* \\_i\\_ \\~\\~s\\~\\~'],
    ['![img](x)', '\\!\\[img\\](x)'],
    ['`code`', '\\`code\\`'],
    ['&amp; <br>', '\\&amp; \\<br\\>'],
    ['$x$ @all', '\\$x\\$ \\@all'],
    ['back\\slash', 'back\\\\slash'],
    ['line\nbreak', 'line\\\\nbreak'],
  ])('%j → %s', (text, md) => {
    expect(markdownText(text)).toBe(md);
  });
});

describe('mermaidText', () => {
  test('safe signs stay; everything else becomes _; runs of spaces one; trimmed', () => {
    expect(mermaidText('key-01 (v1): 12.5/s + x')).toBe('key-01 (v1): 12.5/s + x');
    expect(mermaidText('"a"; `b` [c] {d} #e %%f <g>', 40)).toBe('_a__ _b_ _c_ _d_ _e __f _g_');
    expect(mermaidText('  a    b  ')).toBe('a b');
    expect(mermaidText('合作伙伴')).toBe('合作伙伴');
  });

  test('cut to max with an ellipsis', () => {
    expect(mermaidText('abcdefghij', 5)).toBe('abcd…');
    expect(mermaidText('abcde', 5)).toBe('abcde');
    expect(mermaidText('x'.repeat(30))).toHaveLength(24);
  });
});

describe('chatText', () => {
  test.each([
    ['@channel @Here @EVERYONE @all', '＠channel ＠Here ＠EVERYONE ＠all'],
    // Mattermost and Rocket.Chat ping a user on a plain `@name`; an address inside a word pings nobody.
    [
      '@allison (@bob) and mail@example.com, mail@all.example',
      '＠allison (＠bob) and mail@example.com, mail＠all.example',
    ],
    ['a & b < c > d', 'a &amp; b &lt; c &gt; d'],
    ['<@U123|bob>', '&lt;＠U123|bob&gt;'],
    // The chats that render Markdown: no link, no image (a `]` ends every form of either).
    ['[Re-run](https://e) ![](https://e/p.png)', '[Re-run］(https://e) ![］(https://e/p.png)'],
    ['line\nbreak', 'line\\nbreak'],
  ])('%j → %s', (text, chat) => {
    expect(chatText(text)).toBe(chat);
  });
});

describe('jsonText', () => {
  test('JSON.stringify’s text where nothing needs escaping', () => {
    const value = { a: 'plain 合作 🙂', n: [1, null, true] };
    expect(jsonText(value)).toBe(JSON.stringify(value));
  });

  test('invisible characters and the [ of ##[ as \\u escapes; tags as their two halves', () => {
    expect(jsonText('a\u202eb')).toBe('"a\\u202eb"');
    expect(jsonText('x##[error]')).toBe('"x##\\u005berror]"');
    expect(jsonText('t\u{e0041}')).toBe('"t\\udb40\\udc41"');
    expect(jsonText('\u034f\ufeff')).toBe('"\\u034f\\ufeff"');
    expect(jsonText('[##]')).toBe('"[##]"');
  });
});

describe('dotenvValue and htmlText', () => {
  test('dotenv: one line, trimmed, nothing invisible', () => {
    expect(dotenvValue('  v1 \n')).toBe('v1 \\n');
    expect(dotenvValue('a\u200bb')).toBe('a\\u{200b}b');
  });

  test('html: markup characters as entities, invisible ones escaped', () => {
    expect(htmlText(`<a href="x" onclick='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
    expect(htmlText('a\u202eb\nc')).toBe('a\\u{202e}b\\nc');
  });
});
