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
  numericCollator ??= new Intl.Collator('en', { numeric: true });
  return numericCollator.compare(a, b);
}

/**
 * `12,345`: a count with thousands separators, as `toLocaleString('en-US')` writes it, without
 * loading ICU's number formatting (5–10 ms the first time, at every start that printed a count).
 */
export function thousands(count: number): string {
  const [whole, fraction] = String(Math.round(count * 1000) / 1000).split('.');
  return `${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
}
