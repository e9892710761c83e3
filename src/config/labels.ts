// Batch labels: `<name>-<NNN>-<suffix>`, zero-padded so they sort. The suffix names one invocation
// (GitHub r<run>a<attempt>i<invocation>n<nonce>, GitLab p<pipeline>j<job>n<nonce>, by hand
// c<time>n<nonce>): the nonce is drawn per process, so within one attempt no other invocation can
// make one of our labels, and reconciliation may adopt or delete what carries them (./context.ts).

export function batchLabels(name: string, count: number, suffix: string): string[] {
  const width = Math.max(3, String(count).length);
  return Array.from({ length: count }, (_, i) => `${name}-${String(i + 1).padStart(width, '0')}-${suffix}`);
}

/** A batch label taken apart. `run`, `attempt`, `invocation` and `nonce` are set for GitHub suffixes. */
export interface BatchLabel {
  stem: string;
  number: number;
  suffix: string;
  run?: string;
  attempt?: number;
  /** Short hash of job, step id and invocation-id; absent in labels of versions before it. */
  invocation?: string;
  nonce?: string;
}

// One pattern for every reader (rotate's stems, re-run export). The last two GitHub/GitLab/by-hand
// forms without `n<nonce>` are the labels of earlier versions, still recognised when reading keys.
const INVOCATION_FORMS = [
  String.raw`r(\d+)a(\d+)(?:i([0-9a-f]{6})n([0-9a-f]{6}))?`, // GitHub: run, attempt, step, nonce
  String.raw`p\d+j\d+(?:n[0-9a-f]{6})?`, // GitLab: pipeline, job, nonce
  'c[0-9a-z]+n[0-9a-f]{6}', // by hand: time, nonce
  '[0-9a-z]{10}', // earliest versions
];
const BATCH_LABEL = new RegExp(String.raw`^(.+)-(\d{3,})-(${INVOCATION_FORMS.map((f) => `(?:${f})`).join('|')})$`);

export function parseBatchLabel(label: string): BatchLabel | undefined {
  const m = BATCH_LABEL.exec(label);
  if (!m) return undefined;
  return {
    stem: m[1]!,
    number: Number(m[2]),
    suffix: m[3]!,
    ...(m[4] !== undefined ? { run: m[4], attempt: Number(m[5]) } : {}),
    ...(m[6] !== undefined ? { invocation: m[6], nonce: m[7] } : {}),
  };
}

/**
 * Whether a batch label's suffix is one this version makes: it ends with a per-process nonce, so no
 * other invocation makes keys under it (the earlier forms without one are shared by a whole job).
 */
export function namesOneInvocation(suffix: string): boolean {
  return /^(?:r\d+a\d+i[0-9a-f]{6}|p\d+j\d+|c[0-9a-z]+)n[0-9a-f]{6}$/.test(suffix);
}

/**
 * The stem of a batch label (`<stem>-<NNN>-<suffix>`), or undefined when the label is not one.
 * The suffix must be one this tool makes, so `auto-acme-2024-q3` or `partner-12345-bigcorp` are no batch labels.
 */
export function batchStem(label: string): string | undefined {
  return parseBatchLabel(label)?.stem;
}

/**
 * Whether `next` is the batch label right after `previous` in one batch of the invocation whose
 * labels end with `-<suffix>` (same stem, next number). A native batch (v01) gives all its keys
 * one label, that of its first request; a chunk of consecutive numbers lets that label say which
 * numbers its keys stand for (N … N + keys − 1).
 */
export function followsInBatch(previous: string, next: string, suffix: string): boolean {
  const numbered = (label: string) =>
    label.endsWith(`-${suffix}`) ? /^(.+)-(\d{3,})$/.exec(label.slice(0, -suffix.length - 1)) : null;
  const a = numbered(previous);
  const b = numbered(next);
  return a !== null && b !== null && a[1] === b[1] && Number(b[2]) === Number(a[2]) + 1;
}
