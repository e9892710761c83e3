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

export class Redactor {
  private readonly secrets = new Set<string>();
  private readonly keys = new Set<string>();

  /** A value replaced by *** wherever it appears (admin token). */
  addSecret(value: string | undefined): void {
    if (value && value.length >= 4) this.secrets.add(value);
  }

  /** A key shown only shortened, whatever its shape. */
  addKey(key: string): void {
    if (key && !KEY_PATTERN.test(key)) this.keys.add(key);
    KEY_PATTERN.lastIndex = 0;
  }

  redact(text: string): string {
    let out = text;
    for (const secret of this.secrets) out = out.split(secret).join('***');
    for (const key of this.keys) out = out.split(key).join(shortenKey(key));
    out = out.replace(URL_CREDENTIALS, '$1***@');
    return out.replace(KEY_PATTERN, (key) => shortenKey(key));
  }
}
