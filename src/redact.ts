// Keys and tokens never reach a log line whole. Everything printed goes through `Redactor.redact`.

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

export class Redactor {
  /** Each form a secret can be printed in (as is, URL-encoded), and what replaces it. */
  private readonly secrets = new Map<string, string>();
  private readonly keys = new Map<string, string>();

  /** A value replaced by *** wherever it appears (admin token), also URL-encoded. */
  addSecret(value: string | undefined): void {
    if (!value || value.length < 4) return;
    this.secrets.set(value, '***');
    this.secrets.set(encodeURIComponent(value), '***');
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
    for (const [secret, shown] of this.secrets) out = out.split(secret).join(shown);
    for (const [key, shown] of this.keys) out = out.split(key).join(shown);
    out = out.replace(URL_CREDENTIALS, '$1***@');
    return out.replace(KEY_PATTERN, (key) => shortenKey(key));
  }
}
