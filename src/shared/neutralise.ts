// Text from outside (labels, key strings, error bodies, health answers, server days, files, the
// environment) reaches a person or a machine only through one of these: one neutraliser per
// channel, applied where that channel's output is rendered or written, after redaction (the
// Redactor matches keys and tokens as they are, so it goes first). Each one is a pure function of
// the text: the same text is neutralised the same way wherever it comes from, and our own text
// passes through unchanged unless it carries what the channel would act on. docs/reliability.md
// ("Untrusted input") lists each channel and the test that holds it.

/**
 * What a reader cannot see, or what acts on a terminal or a log instead of being shown: C0 and C1
 * controls and DEL (line breaks, CR, ESC and its ANSI and GitLab section sequences), the soft
 * hyphen, bidirectional controls (U+061C, U+200E-F, U+202A-E, U+2066-9), zero-width and other
 * invisible format characters (U+200B-D, U+2060-4, U+FEFF, Hangul fillers, Mongolian vowel
 * separator), the line and paragraph separators, interlinear annotations, Unicode tags and variation
 * selectors (one after another they carry any bytes unseen, as tags do), but for the one selector
 * right after a visible character that asks for an emoji's text or colour form (`❤️`).
 */
const HIDDEN =
  String.raw`\x7f-\x9f\xad\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e` +
  String.raw`\u2060-\u206f\u3164\ufe00-\ufe0d\ufeff\uffa0\ufff0-\ufffb`;
// U+FE0E and U+FE0F where they select no visible character's form: first, or after a space or a selector.
const STRAY_AFTER = String.raw`^|[\s\ufe00-\ufe0f]`;
// U+034F (combining grapheme joiner) stands apart: in a class it would combine with its neighbour.
const INVISIBLE = new RegExp(
  String.raw`[\0-\x1f${HIDDEN}\u{e0000}-\u{e0fff}]|\u034f|(?<=${STRAY_AFTER}|[\u{e0100}-\u{e01ef}])[\ufe0e\ufe0f]`,
  'gu',
);

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeInvisible(char: string): string {
  const named = NAMED[char];
  if (named) return named;
  const code = char.codePointAt(0)!;
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
}

/**
 * The text with every invisible or acting character shown as an escape (`\n`, `\x1b`, `\u{202e}`):
 * one line, nothing hidden, nothing that moves the cursor, recolours or reorders what follows.
 */
export function visible(text: string): string {
  INVISIBLE.lastIndex = 0;
  return INVISIBLE.test(text) ? text.replace(INVISIBLE, escapeInvisible) : text;
}

// The GitHub runner reads a workflow command from a line that starts with `::` once leading white
// space is trimmed (.NET's TrimStart: every Unicode space), and from `##[` ANYWHERE in a line
// (actions/runner ActionCommand.TryParse, `IndexOf("##[")`), on stdout and stderr alike.
const COMMAND_START = /^([\s\u0085]*)::/u;
const OLD_COMMAND = /##\[/g;

/**
 * One line of the runner log, a GitLab job log or a terminal (stdout or stderr): shown as it is,
 * but no line break, CR, ESC or other control inside it, no `##[` anywhere (shown as `##\x5b`) and
 * no `::` at its start (shown as `\x3a:`), so no server text can start a workflow command (such as
 * `::add-mask::`, `::stop-commands::` or `##[stop-commands]`, which would show every later masked key),
 * forge an annotation, open a GitLab section or rewrite the terminal.
 */
export function logLine(text: string): string {
  let line = visible(text);
  if (line.includes('##[')) line = line.replace(OLD_COMMAND, '##\\x5b');
  return line.replace(COMMAND_START, '$1\\x3a:');
}

/** Every line of `text` (our own line breaks) through logLine. */
export function logLines(text: string): string {
  return text.split('\n').map(logLine).join('\n');
}

// Inline Markdown that acts in a table cell or after a list item's start (GitHub's GFM): escapes,
// code spans, emphasis, strikethrough, links and images, HTML and autolinks, entities, table
// pipes, mentions and math. Backslash-escaping an ASCII punctuation character shows it as itself.
const MARKDOWN_ACTIVE = /[\\`*_~[\]<>&|@$!]/g;

/**
 * Text inside the job summary's Markdown (a fact's value, a table cell, a failure line): shown
 * exactly as it is, one line, with no link, image, HTML, mention, emphasis, code or table cell of
 * its own.
 */
export function markdownText(text: string): string {
  return visible(text).replace(MARKDOWN_ACTIVE, (c) => `\\${c}`);
}

/**
 * Text inside a Mermaid chart's quoted string (a title, an axis label), shortened to `max`: only
 * letters, digits, spaces and `- _ . : / ( ) +`; anything else (a quote, backtick, bracket, comma,
 * `#` entity, `%%` directive, `;`, `<>`, a line break or an invisible character, any of which
 * could end the string, the list, the diagram or the fence around it) becomes `_`.
 */
export function mermaidText(text: string, max = 24): string {
  const clean = text
    .replace(/[^\p{L}\p{N} _.:/()+-]/gu, '_')
    .replace(/ +/g, ' ')
    .trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

// Plain-text mentions: the chats that take Slack's format (Mattermost, Rocket.Chat) ping a user on
// `@name` at a word's start and everyone on `@channel`-style words, even without Slack's `<!channel>`.
// An `@` inside a word (an e-mail address) pings nobody.
const MENTION = /(?<![\p{L}\p{N}_.+-])@(?=[\p{L}\p{N}_])|@(?=(?:channel|here|everyone|all)\b)/giu;

/**
 * Text of a chat notification (Slack's `text`, and the chats that take Slack's format): `&`, `<`
 * and `>` escaped as Slack asks, so that no server text can mention (`<!channel>`, `<@U…>`) or
 * disguise a link (`<https://…|Re-run>`); `]` shown full-width (`］`), so that the chats that render
 * Markdown make no link (`[Re-run](https://…)`) and no image (`![](https://…)`, loaded by every
 * reader) of it; a mention word (`@name`, `@channel`) shown with a full-width `＠`, so that no chat
 * pings anyone; one line.
 */
export function chatText(text: string): string {
  return visible(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/]/g, '］')
    .replace(MENTION, '＠');
}

/**
 * Invisible characters JSON.stringify leaves as they are (Unicode tags as their UTF-16 halves), and
 * the `[` of `##[` (a runner command when the JSON is printed).
 */
const JSON_UNSAFE = new RegExp(
  String.raw`[${HIDDEN}]|\u034f|[\udb40-\udb43][\udc00-\udfff]` +
    String.raw`|(?<=${STRAY_AFTER}|\udb40[\udd00-\uddef])[\ufe0e\ufe0f]|(?<=##)\[`,
  'g',
);

/**
 * A JSON document on one line, with the same value as JSON.stringify's, but every invisible
 * character and the `[` of `##[` written as `\uXXXX`: printed on stdout, in the runner log or a
 * GitHub output, it neither starts a workflow command nor hides anything from a reader.
 */
export function jsonText(value: unknown): string {
  // Code unit by code unit: a tag character is written as its two UTF-16 halves.
  const unicodeEscapes = (match: string) =>
    Array.from({ length: match.length }, (_, i) => `\\u${match.charCodeAt(i).toString(16).padStart(4, '0')}`).join('');
  return JSON.stringify(value).replace(JSON_UNSAFE, unicodeEscapes);
}

/** A value of a GitLab dotenv line: one line, nothing invisible (GitLab keeps every other character). */
export function dotenvValue(text: string): string {
  return visible(text).trim();
}

/** Text in HTML (element content or a quoted attribute): nothing it holds is markup, nothing is hidden. */
export function htmlText(text: string): string {
  return visible(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
