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
