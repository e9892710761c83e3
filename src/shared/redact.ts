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

// The key shapes of every known flavor (v1 sk-, v01/v1a trial_, v1p roc_<hex>, v10 roc_<ms>-<base36>).
const KEY_PATTERN = /\b(?:sk-[0-9a-f]{24,}|trial_[0-9a-f]{24,}|roc_[0-9a-f]{24,}|roc_\d{10,}-[0-9a-z]{6,})\b/g;
const URL_CREDENTIALS = /\b(https?:\/\/)[^/@\s:]+(?::[^/@\s]*)?@/g;

const WHOLE_KEY = new RegExp(`^(?:${KEY_PATTERN.source})$`);

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

export class Redactor {
  /** Each form a secret can be printed in (as is, URL-encoded…), longest first. */
  private readonly secrets: string[] = [];
  /** Every SECRET_PIECE-character piece of every form of every secret. */
  private readonly pieces = new Set<string>();
  private readonly pieceStarts = new Set<string>();
  private readonly keys = new Map<string, string>();

  /**
   * A value replaced by *** wherever it appears (admin token), in any of its forms, and so is any 8-character piece of
   * it.
   */
  addSecret(value: string | undefined): void {
    if (!value || value.length < 4) return;
    for (const form of secretForms(value)) {
      if (!this.secrets.includes(form)) this.secrets.push(form);
      for (let i = 0; i + SECRET_PIECE <= form.length; i++) {
        this.pieces.add(form.slice(i, i + SECRET_PIECE));
        this.pieceStarts.add(form[i]!);
      }
    }
    this.secrets.sort((a, b) => b.length - a.length);
  }

  /** A key shown only shortened, whatever its shape, also URL-encoded (request paths carry it so). */
  addKey(key: string): void {
    // Keys of the known shapes are caught by the pattern; anything else (or more) is registered.
    if (!key || key.length < 8 || WHOLE_KEY.test(key)) return;
    this.keys.set(key, shortenKey(key));
    this.keys.set(encodeURIComponent(key), shortenKey(key));
  }

  redact(text: string): string {
    let out = text;
    for (const secret of this.secrets) if (out.includes(secret)) out = out.split(secret).join('***');
    if (this.pieces.size > 0) out = this.maskPieces(out);
    for (const [key, shown] of this.keys) out = out.split(key).join(shown);
    out = out.replace(URL_CREDENTIALS, '$1***@');
    return out.replace(KEY_PATTERN, (key) => shortenKey(key));
  }

  /** A server's answer for a message: redacted whole first, then cut short with credentials blanked (snippetOf). */
  snippet(text: string): string {
    return snippetOf(text, (t) => this.redact(t));
  }

  /** Replaces every run of characters covered by a piece of a secret with ***. */
  private maskPieces(text: string): string {
    let covered: Uint8Array | undefined;
    for (let i = 0; i + SECRET_PIECE <= text.length; i++) {
      if (!this.pieceStarts.has(text[i]!) || !this.pieces.has(text.slice(i, i + SECRET_PIECE))) continue;
      covered ??= new Uint8Array(text.length);
      covered.fill(1, i, i + SECRET_PIECE);
    }
    if (!covered) return text;
    let out = '';
    for (let i = 0; i < text.length; i++) {
      if (!covered[i]) out += text[i];
      else if (i === 0 || !covered[i - 1]) out += '***';
    }
    return out;
  }
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
  const flat = redact(text)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(SECRET_FIELDS, '$1"…$2')
    .replace(BEARER, blankCredential);
  return oneLine(flat, 100);
}
