// Keys and tokens never reach a log line whole. Everything printed goes through `Redactor.redact`;
// a server's answer shown in a message goes through `snippetOf`, which also blanks what looks like
// a credential (JSON key and token fields, the word after Bearer/Basic/token) and cuts it short.

import { oneLine } from './text.js';

/** `sk-ab12…9f0e`: the key's prefix and first 4 characters, an ellipsis, the last 4. */
export function shortenKey(key: string): string {
  const prefix = /^[A-Za-z]+[-_]/.exec(key)?.[0] ?? '';
  const rest = key.slice(prefix.length);
  if (rest.length <= 12) return `${prefix}…${rest.slice(-2)}`;
  return `${prefix}${rest.slice(0, 4)}…${rest.slice(-4)}`;
}

/** The URL without user:password (they are never printed). Unparsable input is returned unchanged. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.username && !parsed.password) return url;
    parsed.username = '***';
    parsed.password = '';
    return parsed.href;
  } catch {
    return url.replace(/\/\/[^/@\s]*@/, '//***@');
  }
}

// The key shapes of every known flavor (v1 sk-, v01/v1a trial_, v1p roc_<hex>, v10 roc_<ms>-<base36>), in
// either case. A key starts a word, or follows an escape a server writes its answers in (JSON `\n`, `\u0022`,
// URL `%22`, `%3D`), whose last character is a letter or digit: `\b` missed the key there and printed it whole.
// It may end anywhere: a key followed by a letter is still the key (`task-…`, a key inside a word, stays).
const KEY_START = String.raw`(?<=^|[^0-9A-Za-z]|\\[bfnrt]|\\u[0-9A-Fa-f]{4}|%[0-9A-Fa-f]{2})`;
const KEY_PATTERN = new RegExp(
  `${KEY_START}(?:sk-[0-9a-f]{24,}|trial_[0-9a-f]{24,}|roc_[0-9a-f]{24,}|roc_\\d{10,}-[0-9a-z]{6,})`,
  'gi',
);
// Of any scheme, in any case: a server's error page may hold its own DATABASE_URL (postgres://user:pass@…).
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)[^/@\s:]*(?::[^/@\s]*)?@/gi;

const WHOLE_KEY = new RegExp(`^(?:${KEY_PATTERN.source})$`, 'i');

/** Every 8 characters in a row of a token count as the token: a piece of it is never printed. */
export const SECRET_PIECE = 8;

/** The forms a token is echoed in by servers and proxies: as is, URL-, form-, JSON- and HTML-escaped. */
export function secretForms(value: string): string[] {
  const html = value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
  const forms = [
    value,
    encodeURIComponent(value),
    encodeURIComponent(value).replace(/%20/g, '+'),
    encodeURI(value),
    JSON.stringify(value).slice(1, -1),
    html,
    html.replace(/&#39;/g, '&#x27;'),
  ];
  return [...new Set(forms)].sort((a, b) => b.length - a.length);
}

/**
 * The token inside Base64 (a Basic header, a server that encodes what it echoes), standard and URL-safe:
 * for each of the 3 places it may start in a group of 3 bytes, the characters that depend on the token
 * alone (not on the bytes around it); a token shorter than a piece has none long enough to be told apart.
 */
export function base64Forms(value: string): string[] {
  const forms: string[] = [];
  const bytes = Buffer.from(value, 'utf8');
  for (let shift = 0; shift < 3; shift++) {
    const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64');
    // Leading characters share a group with the bytes before; the last group holds bytes after, or padding.
    const whole = Math.floor((shift + bytes.length) / 3) * 4;
    const inner = encoded.slice(shift === 0 ? 0 : 4, whole);
    if (inner.length >= SECRET_PIECE) forms.push(inner, inner.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return [...new Set(forms)];
}

/**
 * Strings of at least `head` characters, found in one left-to-right pass whatever their number: a
 * position is looked up by its first two characters (a bit each, most text stops there), then by
 * its first `head` characters, then by each length the index holds (a handful: keys of one server
 * share one or two). Registering 100,000 keys costs a line no more than registering one.
 */
class StringIndex<V> {
  private readonly values = new Map<string, V>();
  private readonly heads = new Set<string>();
  /** The distinct lengths, longest first (the longest match at a position wins). */
  private lengths: number[] = [];
  private readonly pairs = new Uint8Array(1 << 16);

  constructor(private readonly head: number) {}

  get size(): number {
    return this.values.size;
  }

  add(text: string, value: V): void {
    if (text.length < this.head || this.values.has(text)) return;
    this.values.set(text, value);
    this.heads.add(text.slice(0, this.head));
    this.pairs[pairOf(text, 0)] = 1;
    if (!this.lengths.includes(text.length)) this.lengths = [...this.lengths, text.length].sort((a, b) => b - a);
  }

  /** The longest string of the index at `at` in `text`: its length (0: none) and value. */
  match(text: string, at: number): { length: number; value?: V } {
    if (at + this.head > text.length || !this.pairs[pairOf(text, at)]) return NONE;
    if (!this.heads.has(text.slice(at, at + this.head))) return NONE;
    for (const length of this.lengths) {
      if (at + length > text.length) continue;
      const value = this.values.get(text.slice(at, at + length));
      if (value !== undefined) return { length, value };
    }
    return NONE;
  }
}

const NONE = { length: 0 } as const;
const pairOf = (text: string, at: number) => ((text.charCodeAt(at) * 31) ^ text.charCodeAt(at + 1)) & 0xffff;

/**
 * The shortest key registered, here and with the runner's masks: a server may answer any string as a
 * key, and `a`, `200` or `created` masked would hide that word in every later line of the job.
 */
export const SHORTEST_KEY = 8;

/** The shortest secret registered (4 characters); a secret of 8 or more is masked by its pieces. */
const SHORTEST_SECRET = 4;

export class Redactor {
  /**
   * What is masked with ***: every SECRET_PIECE-character piece of every form of every secret, and
   * the whole forms shorter than a piece.
   */
  private readonly masked = new StringIndex<true>(SHORTEST_SECRET);
  /** Keys of a shape KEY_PATTERN does not know, as is and URL-encoded, each with its shortened form. */
  private readonly keys = new StringIndex<string>(8);

  /**
   * A value replaced by *** wherever it appears (admin token), in any of its forms, and so is any 8-character piece of
   * it.
   */
  addSecret(value: string | undefined): void {
    if (!value || value.length < SHORTEST_SECRET) return;
    for (const form of [...secretForms(value), ...base64Forms(value)]) {
      // Compared in lower case: a server or proxy that upper-cases what it echoes prints a hex token whole.
      const lower = form.toLowerCase();
      if (lower.length < SECRET_PIECE) this.masked.add(lower, true);
      for (let i = 0; i + SECRET_PIECE <= lower.length; i++) this.masked.add(lower.slice(i, i + SECRET_PIECE), true);
    }
  }

  /** A key shown only shortened, whatever its shape, also URL-encoded (request paths carry it so). */
  addKey(key: string): void {
    // Keys of the known shapes are caught by the pattern; anything else (or more) is registered.
    if (!key || key.length < SHORTEST_KEY || WHOLE_KEY.test(key)) return;
    this.keys.add(key, shortenKey(key));
    this.keys.add(encodeURIComponent(key), shortenKey(key));
  }

  /** Secrets masked first (a key never uncovers a piece of the token), then keys, URL credentials, known key shapes. */
  redact(text: string): string {
    let out = this.masked.size > 0 ? this.mask(text) : text;
    if (this.keys.size > 0) out = this.shortenKeys(out);
    out = out.replace(URL_CREDENTIALS, '$1***@');
    return out.replace(KEY_PATTERN, (key) => shortenKey(key));
  }

  /** A server's answer for a message: redacted whole first, then cut short with credentials blanked (snippetOf). */
  snippet(text: string): string {
    return snippetOf(text, (t) => this.redact(t));
  }

  /** Every run of characters covered by a secret or a piece of one becomes one ***. */
  private mask(text: string): string {
    const lower = lowerInPlace(text);
    let out = '';
    let coveredTo = -1; // the masked run so far ends here: text before it is in out, or masked
    for (let i = 0; i < text.length; i++) {
      const { length } = this.masked.match(lower, i);
      if (length === 0) continue;
      if (i > coveredTo) out += `${text.slice(Math.max(coveredTo, 0), i)}***`;
      coveredTo = Math.max(coveredTo, i + length);
    }
    return coveredTo < 0 ? text : out + text.slice(coveredTo);
  }

  /** Every registered key, the longest at each position, replaced by its shortened form. */
  private shortenKeys(text: string): string {
    let out = '';
    let kept = 0;
    for (let i = 0; i < text.length; ) {
      const { length, value } = this.keys.match(text, i);
      if (length === 0) {
        i += 1;
        continue;
      }
      out += text.slice(kept, i) + value;
      i += length;
      kept = i;
    }
    return kept === 0 ? text : out + text.slice(kept);
  }
}

/** The text in lower case, each character where it was (a few characters' lower case is longer: not those). */
function lowerInPlace(text: string): string {
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : text.replace(/[A-Z]+/g, (upper) => upper.toLowerCase());
}

const JSON_ESCAPE = /\\u([0-9a-fA-F]{4})/g;

/**
 * `\u0073k-…` read as `sk-…`: a body that is not JSON whole (cut off, or JSON inside text) is shown as
 * written, and a key or the token written with JSON escapes was known to the redactor by no form.
 */
function unescapeJson(text: string): string {
  if (!text.includes('\\u')) return text;
  return text.replace(JSON_ESCAPE, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

const SECRET_FIELDS = /("(?:trial_key|key|keys|token|admin_token|api_?key)"\s*:\s*)"[^"]*("|$)/gi;

// Up to the next blank, quote or tag: `&` and `;` do not end a credential (a token may hold them).
const BEARER = /\b(Bearer|Basic|token)(\s*[:=]?\s*)([^\s"'<>]+)/gi;

/** Words that follow "token" in the servers' reasons; anything else after it is blanked. */
const REASON_WORDS = new RegExp(
  `^(${[
    ...['required', 'missing', 'invalid', 'expired', 'needed', 'incorrect', 'wrong', 'mismatch', 'provided'],
    ...['is', 'was', 'not', 'must', 'header', 'format', 'error'],
  ].join('|')})[.!]?$`,
  'i',
);

/**
 * A credential after Bearer/Basic/token is blanked; a plain word after "token" (a server's reason,
 * "Admin token required") is not one and stays, so that the message is read whole.
 */
function blankCredential(match: string, word: string, separator: string, value: string): string {
  const plainWord = /^token$/i.test(word) && !/[:=]/.test(separator) && REASON_WORDS.test(value);
  return plainWord ? match : `${word}${separator}…`;
}

/**
 * First ~100 characters of a body, on one line, with key and token values blanked. `redact` (the
 * run's token redactor) goes over the whole body first, before anything cuts the token apart.
 * The word the cut falls in is dropped whole: half a token or half a key is not shortened by the
 * redactor, which only knows whole ones.
 */
export function snippetOf(text: string, redact: (text: string) => string = (t) => t): string {
  const flat = redact(unescapeJson(text))
    .replace(/\s+/g, ' ')
    .trim()
    .replace(SECRET_FIELDS, '$1"…$2')
    .replace(BEARER, blankCredential);
  return oneLine(flat, 100);
}
