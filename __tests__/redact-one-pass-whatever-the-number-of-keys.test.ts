// Keys of a shape the redactor does not know are registered one by one (a server of its own kind
// may answer any shape). Redacting a line must not cost more with 20,000 of them than with one:
// every line is looked at once, not split by each key. Counted, not timed: every call of the string
// methods that search or cut text, made while the same lines are redacted with 1 and with 20,000
// keys registered; the old way (a split per key) made 20,000 calls a line.
import { Redactor, shortenKey } from '../src/shared/redact.js';

const KEYS = 20_000;
const LINES = 400;
const oddKey = (i: number) => `qk.${String(i).padStart(6, '0')}.Zx9Qv${(i * 7919).toString(36)}Wm`;
const COUNTED = [
  'split',
  'indexOf',
  'lastIndexOf',
  'includes',
  'startsWith',
  'endsWith',
  'replace',
  'replaceAll',
] as const;

/** Redacts LINES lines, each naming one registered key; counts the string method calls it made. */
function redactLines(redactor: Redactor, keys: number): { calls: number; out: string[] } {
  const originals = COUNTED.map((name) => [name, String.prototype[name]] as const);
  let calls = 0;
  for (const [name, original] of originals)
    Object.defineProperty(String.prototype, name, {
      configurable: true,
      writable: true,
      value(this: string, ...args: unknown[]) {
        calls += 1;
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      },
    });
  const out: string[] = [];
  try {
    for (let line = 0; line < LINES; line++) {
      const key = oddKey(line % keys);
      out.push(redactor.redact(`created ${key} for label team-${line}; DELETE /admin/keys/${encodeURIComponent(key)}`));
    }
  } finally {
    for (const [name, original] of originals)
      Object.defineProperty(String.prototype, name, { configurable: true, writable: true, value: original });
  }
  return { calls, out };
}

function redactorWith(keys: number): Redactor {
  const redactor = new Redactor();
  redactor.addSecret('the-admin-token-0123456789');
  for (let i = 0; i < keys; i++) redactor.addKey(oddKey(i));
  return redactor;
}

test('20,000 keys of an unknown shape cost a line what one key costs, and each is still shortened', () => {
  const one = redactLines(redactorWith(1), 1);
  const { calls, out } = redactLines(redactorWith(KEYS), KEYS);
  for (const [line, text] of out.entries()) {
    const key = oddKey(line % KEYS);
    expect(text).not.toContain(key);
    expect(text).not.toContain(encodeURIComponent(key));
    expect(text).toContain(shortenKey(key));
  }
  // The same lines, the same work, whatever the number of keys (a split per key: 20,000 a line).
  expect(calls).toBeLessThanOrEqual(one.calls * 2 + LINES);
});
