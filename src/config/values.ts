// One input value at a time: whole numbers, booleans, URLs, days, tiers, paths, names, age recipients.
// Each parser throws an InputError naming the input and what is allowed; src/config/options.ts puts them together.
import { parse as parseYaml } from 'yaml';
import { redactUrl } from '../shared/redact.js';
import { compactDate, type RunContext } from './context.js';
import { InputError } from './input-error.js';

/** The old tool's tiers and their daily limits. */
export const DEFAULT_TIERS: Readonly<Record<string, number>> = { trial: 50, partner: 500, internal: 1000, vip: 5000 };

export function parseWholeNumber(input: string, raw: string, min: number, max: number): number {
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new InputError(input, raw, `expected a whole number from ${min} to ${max}`);
  }
  return Number(raw);
}

export function parseBoolean(input: string, raw: string): boolean {
  if (/^(true|yes|on|1)$/i.test(raw)) return true;
  if (/^(false|no|off|0)$/i.test(raw)) return false;
  throw new InputError(input, raw, 'expected true or false');
}

export function oneOf<T extends string>(input: string, raw: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  throw new InputError(input, raw, `expected one of ${allowed.join(', ')}`);
}

export function parseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InputError(
      'url',
      raw.replace(/\/\/[^/@\s]*@/, '//***@'),
      'expected an http:// or https:// URL such as http://localhost:8787',
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InputError(
      'url',
      `${url.protocol}…`,
      'expected an http:// or https:// URL such as http://localhost:8787',
    );
  }
  // Port 0 means "any port" to a listener; no server answers on it, and every retry would fail alike.
  if (url.port === '0') throw new InputError('url', redactUrl(url.origin), 'expected a port from 1 to 65535');
  // The requests go to the URL's path: a query would be dropped without a word. Neither is echoed (a secret?).
  if (url.search || url.hash || /[?#]/.test(raw)) {
    throw new InputError(
      'url',
      redactUrl(`${url.origin}${url.pathname}`),
      'expected a URL without ?query or #fragment (requests go to its path; a query would not be sent)',
    );
  }
  return url;
}

/** YYYY-MM-DD in the runner's local time zone. */
export function localDay(date: Date): string {
  const d = compactDate(date);
  return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}`;
}

export function parseDay(raw: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!date || date.toISOString().slice(0, 10) !== raw)
    throw new InputError('day', raw, 'expected a date as YYYY-MM-DD, such as 2026-11-26');
  return raw;
}

export function parseFactor(raw: string): number {
  if (!/^\d+(\.\d+)?$/.test(raw) || Number(raw) < 1.1 || Number(raw) > 1000)
    throw new InputError('spike-factor', raw, 'expected a number from 1.1 to 1000, such as 3 or 2.5');
  return Number(raw);
}

export function parseTiers(raw: string): Record<string, number> {
  const tiers: Record<string, number> = { ...DEFAULT_TIERS };
  if (!raw) return tiers;
  let parsed: unknown;
  try {
    parsed = parseYaml(raw); // YAML is a superset of JSON
  } catch {
    parsed = undefined;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new InputError(
      'tiers',
      raw,
      'expected a JSON or YAML map of tier name to daily limit, such as {"trial":50,"gold":2000}',
    );
  }
  for (const [name, limit] of Object.entries(parsed)) {
    if (!/^[\w.-]+$/.test(name) || typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) {
      throw new InputError('tiers', raw, `tier "${name}" needs a whole daily limit of at least 1`);
    }
    tiers[name] = limit;
  }
  return tiers;
}

// An absolute path of RFC 3986 path characters, an optional query, no dot segments, no `//` start
// (a network-path reference), %-escapes well formed.
const HEALTH_PATH = /^\/(?!\/)[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*(\?[A-Za-z0-9\-._~!$&'()*+,;=:@%/?]*)?$/;

export function parseHealthPath(raw: string): string {
  const pathPart = raw.split('?')[0]!;
  const ok =
    raw.length <= 1000 &&
    HEALTH_PATH.test(raw) &&
    !/%(?![0-9A-Fa-f]{2})/.test(raw) &&
    !pathPart.split('/').some((segment) => segment === '.' || segment === '..');
  if (!ok)
    throw new InputError(
      'health-path',
      raw,
      'expected a URL path starting with / (letters, digits and - . _ ~ / %XX, an optional ?query, no . or ' +
        '.. segments), such as /healthz',
    );
  return raw;
}

/** The characters @actions/artifact refuses in a name, checked before any key exists. */
const ARTIFACT_NAME_FORBIDDEN = /["':<>|*?\r\n\\/]/;

export function parseArtifactName(raw: string, context: RunContext): string {
  if (raw && ARTIFACT_NAME_FORBIDDEN.test(raw)) {
    throw new InputError('artifact-name', raw, 'expected a name without " : < > | * ? \\ / or line breaks');
  }
  // Unique per step (the step hash of batch labels) and the same in every attempt of it.
  return raw || `trial-keys-${context.runId}-${context.invocation ?? context.attempt}`;
}

// bech32 (BIP 173), the encoding of age recipients: the checksum catches a mistyped character
// before any key exists (encrypting happens only after the run).
const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
function bech32Valid(text: string): boolean {
  const sep = text.lastIndexOf('1');
  const hrp = text.slice(0, sep);
  const data = [...text.slice(sep + 1)].map((c) => BECH32.indexOf(c));
  if (sep < 1 || data.length < 6 || data.includes(-1)) return false;
  const values = [
    ...[...hrp].map((c) => c.charCodeAt(0) >> 5),
    0,
    ...[...hrp].map((c) => c.charCodeAt(0) & 31),
    ...data,
  ];
  const GEN = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  let chk = 1;
  for (const v of values) {
    const top = chk >> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >> i) & 1) chk ^= GEN[i]!;
  }
  return chk === 1;
}

/** age recipients, comma or newline separated. */
export function parseRecipients(raw: string): string[] {
  const recipients = raw.split(/[\s,]+/).filter(Boolean);
  for (const recipient of recipients) {
    if (!/^age1[02-9ac-hj-np-z]{58}$/.test(recipient) || !bech32Valid(recipient))
      throw new InputError(
        'encrypt-to',
        recipient,
        'expected age recipients (age1… , 62 characters, as age-keygen prints them), comma or newline separated',
      );
  }
  return recipients;
}

export function parseInvocationId(raw: string): string {
  if (raw.length > 200 || /[\u0000-\u001f\u007f]/.test(raw)) {
    throw new InputError(
      'invocation-id',
      raw.slice(0, 40),
      'expected one line of at most 200 characters, such as the strategy.job-index or the matrix values',
    );
  }
  return raw;
}
