// Batch labels: `<name>-<NNN>-<run suffix>`, zero-padded so they sort, unique across runs and attempts.

export function batchLabels(name: string, count: number, suffix: string): string[] {
  const width = Math.max(3, String(count).length);
  return Array.from({ length: count }, (_, i) => `${name}-${String(i + 1).padStart(width, '0')}-${suffix}`);
}

/** The stem of a batch label (`<stem>-<NNN>-<run suffix>`), or undefined when the label is not one. */
export function batchStem(label: string): string | undefined {
  return /^(.+)-\d{3,}-[A-Za-z0-9]+$/.exec(label)?.[1];
}
