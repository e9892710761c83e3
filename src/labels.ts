// Batch labels: `<name>-<NNN>-<run suffix>`, zero-padded so they sort, unique across runs and attempts.

export function batchLabels(name: string, count: number, suffix: string): string[] {
  const width = Math.max(3, String(count).length);
  return Array.from({ length: count }, (_, i) => `${name}-${String(i + 1).padStart(width, '0')}-${suffix}`);
}

/**
 * The stem of a batch label (`<stem>-<NNN>-<run suffix>`), or undefined when the label is not one.
 * The suffix must be one this tool makes (GitHub r<run>a<attempt>, GitLab p<pipeline>j<job>, by
 * hand 10 base-36 characters), so `auto-acme-2024-q3` or `partner-12345-bigcorp` are no batch labels.
 */
export function batchStem(label: string): string | undefined {
  return /^(.+)-\d{3,}-(?:r\d+a\d+|p\d+j\d+|[0-9a-z]{10})$/.exec(label)?.[1];
}
