// Unit: batch labels made, taken apart and compared (src/config/labels.ts; the order is src/shared/text.ts).
import { batchLabels, batchStem, followsInBatch, namesOneInvocation, parseBatchLabel } from '../src/config/labels.js';
import { compareLabels } from '../src/shared/text.js';

const GITHUB = 'r123a2i0a1b2cn3d4e5f';
const GITLAB = 'p900j5nabc123';
const BY_HAND = 'cm4x1z2n0f0f0f';

describe('batchLabels', () => {
  test('three digits at least, wider when the count needs it', () => {
    expect(batchLabels('x', 2, 's')).toEqual(['x-001-s', 'x-002-s']);
    expect(batchLabels('x', 1000, 's').at(-1)).toBe('x-1000-s');
    expect(batchLabels('x', 1000, 's')[0]).toBe('x-0001-s');
    expect(batchLabels('x', 0, 's')).toEqual([]);
  });

  test('every label made is read back with its stem, number and suffix', () => {
    for (const suffix of [GITHUB, GITLAB, BY_HAND]) {
      const labels = batchLabels('auto-batch-20261126', 12, suffix);
      expect(labels.map((l) => parseBatchLabel(l)?.number)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
      expect(new Set(labels.map(batchStem))).toEqual(new Set(['auto-batch-20261126']));
    }
  });
});

describe('parseBatchLabel', () => {
  test('a GitHub suffix gives run, attempt, invocation and nonce', () => {
    expect(parseBatchLabel(`release-v1-007-${GITHUB}`)).toEqual({
      stem: 'release-v1',
      number: 7,
      suffix: GITHUB,
      run: '123',
      attempt: 2,
      invocation: '0a1b2c',
      nonce: '3d4e5f',
    });
  });

  test('an earlier version’s GitHub suffix (no invocation, no nonce) gives run and attempt only', () => {
    expect(parseBatchLabel('x-001-r9a1')).toEqual({ stem: 'x', number: 1, suffix: 'r9a1', run: '9', attempt: 1 });
  });

  test.each([GITLAB, 'p900j5', BY_HAND, 'abcdefghij'])('suffix %s is read, without run or attempt', (suffix) => {
    const parsed = parseBatchLabel(`stem-042-${suffix}`);
    expect(parsed).toEqual({ stem: 'stem', number: 42, suffix });
  });

  test('a stem may hold dashes, digits and any script; the number is the last group before the suffix', () => {
    expect(parseBatchLabel(`合作-伙伴-2026-11-003-${GITLAB}`)).toMatchObject({ stem: '合作-伙伴-2026-11', number: 3 });
    expect(parseBatchLabel(`a-001-002-${GITLAB}`)).toMatchObject({ stem: 'a-001', number: 2 });
  });

  test.each([
    'auto-acme-2024-q3',
    'partner-12345-bigcorp',
    'x-01-r1a1', // two digits
    `-001-${GITLAB}`, // no stem
    `x-001-${GITLAB}-tail`,
    `x-001-r1a1i0a1b2c`, // invocation without nonce
    `x-001-r1a1i0A1B2Cn3d4e5f`, // upper-case hex
    'x-001-',
    '',
    'x-001-c12n12345', // nonce too short
  ])('%p is no batch label', (label) => {
    expect(parseBatchLabel(label)).toBeUndefined();
    expect(batchStem(label)).toBeUndefined();
  });
});

describe('namesOneInvocation', () => {
  test.each([GITHUB, GITLAB, BY_HAND])('%s carries a nonce: one invocation', (suffix) => {
    expect(namesOneInvocation(suffix)).toBe(true);
  });
  test.each(['r9a1', 'p900j5', 'abcdefghij', 'r1a1i0a1b2c', `${GITLAB}x`, `x${GITLAB}`])(
    '%s is shared by a whole job (or no suffix of ours)',
    (suffix) => {
      expect(namesOneInvocation(suffix)).toBe(false);
    },
  );
});

describe('followsInBatch', () => {
  test('same stem, next number, same suffix', () => {
    expect(followsInBatch(`x-009-${GITLAB}`, `x-010-${GITLAB}`, GITLAB)).toBe(true);
    expect(followsInBatch(`x-0099-${GITLAB}`, `x-100-${GITLAB}`, GITLAB)).toBe(true);
  });
  test.each([
    [`x-009-${GITLAB}`, `x-011-${GITLAB}`], // a gap
    [`x-010-${GITLAB}`, `x-009-${GITLAB}`], // backwards
    [`x-009-${GITLAB}`, `y-010-${GITLAB}`], // another stem
    [`x-009-${GITLAB}`, `x-010-${BY_HAND}`], // another invocation
    ['x-009', 'x-010'], // no suffix
  ])('%s then %s: not consecutive', (a, b) => {
    expect(followsInBatch(a, b, GITLAB)).toBe(false);
  });
});

describe('compareLabels', () => {
  test('numbers compare as numbers, text as text', () => {
    expect(['x-10', 'x-9', 'x-100', 'a-1'].sort(compareLabels)).toEqual(['a-1', 'x-9', 'x-10', 'x-100']);
    expect(compareLabels('same', 'same')).toBe(0);
  });
});

describe('compareLabels answers as the numeric collator does, also where it skips it', () => {
  const collator = new Intl.Collator('en', { numeric: true });
  const sign = (n: number) => Math.sign(n);
  /** Seeded pseudo-random, mulberry32 (the same pairs every run). */
  let state = 12345;
  const next = (n: number) => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
  const alphabet = ['0', '1', '2', '9', '0', '5', '-', '_', '.', 'a', 'B', 'z', ' ', 'é', '\u0301', '٣', '１', 'ß'];
  const word = () => Array.from({ length: 1 + next(6) }, () => alphabet[next(alphabet.length)]).join('');

  test('20,000 pairs sharing a prefix, differing in digits, marks, case and length', () => {
    const wrong: string[] = [];
    let firstDifferenceInDigits = 0;
    for (let n = 0; n < 20_000; n++) {
      const prefix = `batch-2026${word()}`;
      const a = prefix + word();
      const b = next(4) === 0 ? a : prefix + word();
      let i = 0;
      while (i < a.length && a[i] === b[i]) i++;
      if (/[0-9]/.test(a[i] ?? '') && /[0-9]/.test(b[i] ?? '')) firstDifferenceInDigits++;
      if (sign(compareLabels(a, b)) !== sign(collator.compare(a, b))) wrong.push(JSON.stringify([a, b]));
    }
    expect(wrong).toEqual([]);
    // The pairs reach the shortcut's case often, not by chance.
    expect(firstDifferenceInDigits).toBeGreaterThan(1000);
  });

  test.each([
    ['batch-20261207-0041-x', 'batch-20261207-0042-x'],
    ['batch-20261207-0100-x', 'batch-20261207-0099-x'],
    ['x-01', 'x-10'],
    ['x-9', 'x-10'],
    ['x-0009', 'x-9'],
    ['x-1\u0301', 'x-2'],
    ['x-12a', 'x-13'],
    ['x-1', 'x-1'],
  ])('%s against %s', (a, b) => {
    expect(sign(compareLabels(a, b))).toBe(sign(collator.compare(a, b)));
    expect(sign(compareLabels(b, a))).toBe(sign(collator.compare(b, a)));
  });
});
