// Keys of a shape the redactor does not know are registered one by one (a server of its own kind
// may answer any shape). Redacting a line must not cost more with 20,000 of them than with one:
// every line is looked at once, not split by each key. Measured as a ratio within one process, so
// a slow or loaded machine moves both sides alike; the old way (a split per key) measured 506 times slower.
import { performance } from 'node:perf_hooks';
import { Redactor, shortenKey } from '../src/shared/redact.js';

const KEYS = 20_000;
const LINES = 400;
const oddKey = (i: number) => `qk.${String(i).padStart(6, '0')}.Zx9Qv${(i * 7919).toString(36)}Wm`;

/** Milliseconds to redact LINES lines, each naming one registered key and a secret's piece. */
function timeLines(redactor: Redactor, keys: number): { ms: number; out: string[] } {
  const started = performance.now();
  const out: string[] = [];
  for (let line = 0; line < LINES; line++) {
    const key = oddKey(line % keys);
    out.push(redactor.redact(`created ${key} for label team-${line}; DELETE /admin/keys/${encodeURIComponent(key)}`));
  }
  return { ms: performance.now() - started, out };
}

function redactorWith(keys: number): Redactor {
  const redactor = new Redactor();
  redactor.addSecret('the-admin-token-0123456789');
  for (let i = 0; i < keys; i++) redactor.addKey(oddKey(i));
  return redactor;
}

test('20,000 keys of an unknown shape cost a line about what one key costs, and each is still shortened', () => {
  const one = redactorWith(1);
  const many = redactorWith(KEYS);
  timeLines(one, 1); // warm both paths before timing
  timeLines(many, KEYS);
  const base = Math.min(timeLines(one, 1).ms, timeLines(one, 1).ms);
  const { ms, out } = timeLines(many, KEYS);
  for (const [line, text] of out.entries()) {
    const key = oddKey(line % KEYS);
    expect(text).not.toContain(key);
    expect(text).not.toContain(encodeURIComponent(key));
    expect(text).toContain(shortenKey(key));
  }
  // Generous: the old per-key split measured 506× here (a floor of 1 ms under the one-key time).
  expect(ms / Math.max(base, 1)).toBeLessThan(20);
});
