// Unit: which keys under one invocation's batch labels stand for which numbers (src/issuing/batch-numbers.ts).
import { numberBatchKeys, type SurplusKeys, surplusWarnings } from '../src/issuing/batch-numbers.js';
import type { TrialKey } from '../src/quota-proxy/types.js';

const SUFFIX = 'p900j5nabc123';
const label = (n: number) => `x-${String(n).padStart(3, '0')}-${SUFFIX}`;
const key = (name: string, n: number, second: number): TrialKey => ({
  key: name,
  label: label(n),
  createdAt: new Date(Date.UTC(2026, 10, 26, 9, 0, second)),
});
const byLabel = (...keys: TrialKey[]) => {
  const map = new Map<string, TrialKey[]>();
  for (const k of keys) map.set(k.label, [...(map.get(k.label) ?? []), k]);
  return map;
};
const numbers = (result: ReturnType<typeof numberBatchKeys>) =>
  Object.fromEntries([...result.byNumber].map(([n, k]) => [n, k.key]));

describe('numberBatchKeys', () => {
  test('one key per label: each label stands for its own number', () => {
    const result = numberBatchKeys(byLabel(key('a', 1, 1), key('b', 2, 2), key('c', 3, 3)), {
      perRequest: 1,
      last: 3,
    });
    expect(numbers(result)).toEqual({ 1: 'a', 2: 'b', 3: 'c' });
    expect(result.surplus).toEqual([]);
  });

  test('a later key under a label is surplus, never the batch’s', () => {
    const result = numberBatchKeys(byLabel(key('late', 1, 9), key('own', 1, 1)), { perRequest: 1, last: 1 });
    expect(numbers(result)).toEqual({ 1: 'own' });
    expect(result.surplus).toEqual([{ label: label(1), keys: [key('late', 1, 9)], undecided: false }]);
  });

  test('two keys of the same instant at the edge: neither is taken, the number counts as missing', () => {
    const result = numberBatchKeys(byLabel(key('p', 1, 5), key('q', 1, 5)), { perRequest: 1, last: 1 });
    expect(result.byNumber.size).toBe(0);
    expect(result.surplus).toEqual([{ label: label(1), keys: [key('p', 1, 5), key('q', 1, 5)], undecided: true }]);
  });

  test('a tie at the edge of a chunk drops only the tied keys; the older ones stay the batch’s', () => {
    const result = numberBatchKeys(byLabel(key('k1', 1, 1), key('k2', 1, 2), key('k3', 1, 3), key('k4', 1, 3)), {
      perRequest: 3,
      last: 10,
    });
    expect(numbers(result)).toEqual({ 1: 'k1', 2: 'k2' });
    expect(result.surplus[0]).toMatchObject({ undecided: true });
    expect(result.surplus[0]!.keys.map((k) => k.key)).toEqual(['k3', 'k4']);
  });

  test('a key the caller knows to be the batch’s wins a tie and comes first', () => {
    const known = new Map([['q', 0]]);
    const result = numberBatchKeys(byLabel(key('p', 1, 5), key('q', 1, 5)), { perRequest: 1, last: 1, known });
    expect(numbers(result)).toEqual({ 1: 'q' });
    expect(result.surplus).toEqual([{ label: label(1), keys: [key('p', 1, 5)], undecided: false }]);
  });

  test('a known key outranks an older unknown one', () => {
    const known = new Map([['csv', 0]]);
    const result = numberBatchKeys(byLabel(key('older', 1, 1), key('csv', 1, 7)), { perRequest: 1, last: 1, known });
    expect(numbers(result)).toEqual({ 1: 'csv' });
    expect(result.surplus[0]!.keys.map((k) => k.key)).toEqual(['older']);
  });

  test('a v01 chunk stands for N … N+k−1, never reaching the next label', () => {
    const keys = [1, 2, 3, 4].map((s) => key(`c${s}`, 1, s));
    const result = numberBatchKeys(byLabel(...keys, key('n4', 4, 10)), { perRequest: 100, last: 10 });
    expect(numbers(result)).toEqual({ 1: 'c1', 2: 'c2', 3: 'c3', 4: 'n4' });
    expect(result.surplus[0]!.keys.map((k) => k.key)).toEqual(['c4']);
  });

  test('a chunk never reaches past the batch’s last number nor beyond one request’s keys', () => {
    const keys = [1, 2, 3, 4, 5].map((s) => key(`c${s}`, 1, s));
    expect(numbers(numberBatchKeys(byLabel(...keys), { perRequest: 100, last: 3 }))).toEqual({
      1: 'c1',
      2: 'c2',
      3: 'c3',
    });
    expect(numbers(numberBatchKeys(byLabel(...keys), { perRequest: 2, last: 10 }))).toEqual({ 1: 'c1', 2: 'c2' });
  });

  test('labels past the batch’s last number belong to another batch size: ignored', () => {
    const result = numberBatchKeys(byLabel(key('a', 1, 1), key('b', 5, 1)), { perRequest: 1, last: 3 });
    expect(numbers(result)).toEqual({ 1: 'a' });
    expect(result.surplus).toEqual([]);
  });

  test('labels come in any order: numbers follow the labels, not the map', () => {
    const result = numberBatchKeys(byLabel(key('c', 3, 1), key('a', 1, 3), key('b', 2, 2)), {
      perRequest: 100,
      last: 3,
    });
    expect(numbers(result)).toEqual({ 1: 'a', 2: 'b', 3: 'c' });
  });
});

describe('surplusWarnings', () => {
  const keysOf = (n: number) =>
    Array.from({ length: n }, (_, i) => key(`sk-${String(i).padStart(2, '0')}${'a'.repeat(40)}beef`, 1, i));
  const surplus = (n: number, undecided = false): SurplusKeys => ({ label: label(1), keys: keysOf(n), undecided });

  test('one line per label: shortened keys (3 at most), the word given, how to look them up', () => {
    const [line] = surplusWarnings([surplus(4)], 'exported', 'http://qp:8787/');
    expect(line).toContain(`Label ${label(1)} holds 4 key(s) more than the batch made`);
    expect(line).toContain('sk-00aa…beef, sk-01aa…beef, sk-02aa…beef, …');
    expect(line).not.toContain('a'.repeat(40));
    expect(line).toContain('not exported');
    expect(line).toContain(`quota-keys list --url http://qp:8787/ --label-prefix ${label(1)}`);
  });

  test('undecided keys say which of them is the batch’s cannot be told', () => {
    const [line] = surplusWarnings([surplus(2, true)], 'taken', 's');
    expect(line).toContain('made in the same instant');
    expect(line).toContain('none is taken');
  });

  test('a label a shell would split is quoted in the command', () => {
    const [line] = surplusWarnings([{ label: "it's mine", keys: keysOf(1), undecided: false }], 'x', 's');
    expect(line).toContain(`--label-prefix 'it'\\''s mine'`);
  });

  test('a server address a shell would expand is quoted in the command', () => {
    const [line] = surplusWarnings([surplus(1)], 'x', 'http://qp:8787/$(touch x)/');
    expect(line).toContain(`quota-keys list --url 'http://qp:8787/$(touch x)/' --label-prefix ${label(1)}`);
  });

  test('five labels at most, then how many more', () => {
    const lines = surplusWarnings(
      Array.from({ length: 7 }, () => surplus(1)),
      'exported',
      's',
    );
    expect(lines).toHaveLength(6);
    expect(lines[5]).toBe("… and 2 more label(s) holding keys that are not the batch's.");
    expect(surplusWarnings([], 'exported', 's')).toEqual([]);
  });
});
