// Small text forms shared by messages, summaries and notifications.

/** `text` on one line (runs of white space as one space), cut at a word to `max` characters and `…`. */
export function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max).replace(/\S+$/, '')}…` : flat;
}

/** A word a POSIX shell reads back as `text`: as it is when safe, else single-quoted. */
export function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

let numericCollator: Intl.Collator | undefined;

/**
 * Label order: `x-9` before `x-10` (numbers compared as numbers). One collator for the run:
 * `localeCompare` with a locale makes one per call, which cost a batch of 3,000 keys 40–60 ms.
 */
export function compareLabels(a: string, b: string): number {
  const decided = sameButOneNumber(a, b);
  if (decided !== 0) return decided;
  numericCollator ??= new Intl.Collator('en', { numeric: true });
  return numericCollator.compare(a, b);
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * The collator's answer without it (2–3 µs a call, a batch's labels make thousands) in the common case of
 * two labels that are the same ASCII text up to a run of digits of the same length in each, where they
 * first differ (`batch-…-0041-…` and `batch-…-0042-…`): that number decides at the first level, and numbers
 * of the same length compare as their digits do. 0 when that is not the case (the collator decides).
 */
function sameButOneNumber(a: string, b: string): number {
  const shorter = Math.min(a.length, b.length);
  let i = 0;
  for (; i < shorter; i++) {
    const c = a.charCodeAt(i);
    if (c !== b.charCodeAt(i)) break;
    if (c > 127) return 0;
  }
  if (i === shorter) return 0;
  const ca = a.charCodeAt(i);
  const cb = b.charCodeAt(i);
  if (!isDigit(ca) || !isDigit(cb)) return 0;
  let end = i + 1;
  while (end < shorter && isDigit(a.charCodeAt(end)) && isDigit(b.charCodeAt(end))) end++;
  if (!runEndsAt(a, end) || !runEndsAt(b, end)) return 0;
  return ca < cb ? -1 : 1;
}

/** The digits end at `at` (same length in both), and not before a mark that could join the last one. */
function runEndsAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return at >= text.length || (c <= 127 && !isDigit(c));
}

/**
 * `12,345`: a count with thousands separators, as `toLocaleString('en-US')` writes it, without
 * loading ICU's number formatting (5–10 ms the first time, at every start that printed a count).
 */
export function thousands(count: number): string {
  const [whole, fraction] = String(Math.round(count * 1000) / 1000).split('.');
  return `${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
}
