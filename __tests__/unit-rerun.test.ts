// Unit: which keys of an earlier attempt a re-run exports (src/issuing/rerun.ts), over a listing in memory.
import type { RunContext } from '../src/config/context.js';
import { batchLabels } from '../src/config/labels.js';
import { findEarlierAttempts, isRerunOfBatch } from '../src/issuing/rerun.js';
import type { QuotaProxy } from '../src/quota-proxy/client.js';
import { adapterFor } from '../src/quota-proxy/detect.js';
import type { CreateKeyRequest, Flavor, TrialKey } from '../src/quota-proxy/types.js';

const INVOCATION = '0a1b2c';
const context = (attempt: number, nonce = 'aaaaaa'): RunContext => ({
  platform: 'github',
  trigger: 'other',
  runId: '77',
  attempt,
  labelSuffix: `r77a${attempt}i${INVOCATION}n${nonce}`,
  invocation: INVOCATION,
  nonce,
  workspace: '/ws',
  now: new Date(Date.UTC(2026, 10, 26)),
});
const requests = (stem: string, count: number, ctx: RunContext): CreateKeyRequest[] =>
  batchLabels(stem, count, ctx.labelSuffix).map((label) => ({ label, dailyLimit: 100 }));
let clock = 0;
const made = (name: string, label: string): TrialKey => ({ key: name, label, createdAt: new Date(++clock * 1000) });
const api = (keys: TrialKey[], flavor: Flavor = 'v1') =>
  ({
    known: adapterFor(flavor),
    async *listKeys() {
      yield keys.slice(0, 2);
      yield keys.slice(2);
    },
  }) as unknown as QuotaProxy;

describe('isRerunOfBatch', () => {
  const second = context(2);
  test('a GitHub attempt past the first whose every label is this invocation’s', () => {
    expect(isRerunOfBatch(second, requests('x', 3, second))).toBe(true);
  });
  test.each([
    ['a first attempt', context(1), requests('x', 3, context(1))],
    ['no request', second, []],
    ['a label given by hand', second, [{ label: 'my-key', dailyLimit: 1 }]],
    ['labels of another nonce', second, requests('x', 2, context(2, 'bbbbbb'))],
    ['labels of another attempt', second, requests('x', 2, context(3))],
    ['one label of another invocation', second, [...requests('x', 2, second), { label: 'x-003-r77a2', dailyLimit: 1 }]],
  ])('not for %s', (_what, ctx, reqs) => {
    expect(isRerunOfBatch(ctx, reqs)).toBe(false);
  });
  test('not on GitLab nor the command line, nor without an invocation', () => {
    expect(isRerunOfBatch({ ...second, platform: 'gitlab' }, requests('x', 1, second))).toBe(false);
    expect(isRerunOfBatch({ ...second, platform: 'cli' }, requests('x', 1, second))).toBe(false);
    expect(isRerunOfBatch({ ...second, invocation: undefined }, requests('x', 1, second))).toBe(false);
  });
});

describe('findEarlierAttempts', () => {
  const third = context(3, 'cccccc');
  const first = batchLabels('batch-20261126', 4, context(1, '111111').labelSuffix);
  const second = batchLabels('batch-20261126', 4, context(2, '222222').labelSuffix);

  test('exports what earlier attempts made (the latest per number); creates only the rest', async () => {
    const keys = [made('1a', first[0]!), made('1b', first[1]!), made('2b', second[1]!), made('2c', second[2]!)];
    const found = await findEarlierAttempts(api(keys), third, requests('batch-20261126', 4, third), true);
    expect(found.keys.map((k) => k.key)).toEqual(['1a', '2b', '2c']);
    expect(found.attempts).toEqual([1, 2]);
    expect(found.rest.map((r) => r.label)).toEqual([requests('batch-20261126', 4, third)[3]!.label]);
    expect(found.collided).toEqual([]);
    expect(found.surplus).toEqual([]);
  });

  test('an attempt whose labels carry two nonces was two invocations: none of it is exported', async () => {
    const other = batchLabels('batch-20261126', 4, context(1, '999999').labelSuffix);
    const keys = [made('1a', first[0]!), made('twin', other[1]!), made('2c', second[2]!)];
    const found = await findEarlierAttempts(api(keys), third, requests('batch-20261126', 4, third), true);
    expect(found.collided).toEqual([1]);
    expect(found.keys.map((k) => k.key)).toEqual(['2c']);
    expect(found.rest).toHaveLength(3);
  });

  test('a key someone else made later under an earlier attempt’s label is surplus, not exported', async () => {
    const keys = [made('own', first[0]!), made('copy', first[0]!)];
    const found = await findEarlierAttempts(api(keys), third, requests('batch-20261126', 4, third), true);
    expect(found.keys.map((k) => k.key)).toEqual(['own']);
    expect(found.surplus).toEqual([{ label: first[0], keys: [keys[1]], undecided: false }]);
  });

  test('later attempts, other runs, other invocations and other stems are left alone', async () => {
    const later = batchLabels('batch-20261126', 4, context(4, '444444').labelSuffix);
    const otherRun = batchLabels('batch-20261126', 4, 'r78a1i0a1b2cn111111');
    const otherStep = batchLabels('batch-20261126', 4, 'r77a1iffffffn111111');
    const otherStem = batchLabels('partner', 4, context(1, '111111').labelSuffix);
    const keys = [later[0]!, otherRun[0]!, otherStep[0]!, otherStem[0]!, 'hand-made'].map((l, i) => made(`k${i}`, l));
    const found = await findEarlierAttempts(api(keys), third, requests('batch-20261126', 4, third), true);
    expect(found.keys).toEqual([]);
    expect(found.rest).toHaveLength(4);
  });

  test('without a given name, yesterday’s default stem of the same trigger is the same batch', async () => {
    const yesterday = batchLabels('auto-batch-20261125', 2, context(1, '111111').labelSuffix);
    const scheduled = batchLabels('auto-scheduled-20261125', 2, context(1, '111111').labelSuffix);
    const keys = [made('y1', yesterday[0]!), made('s2', scheduled[1]!)];
    const ours = requests('auto-batch-20261126', 2, third);
    expect((await findEarlierAttempts(api(keys), third, ours, false)).keys.map((k) => k.key)).toEqual(['y1']);
    // A name given: only that stem.
    expect((await findEarlierAttempts(api(keys), third, ours, true)).keys).toEqual([]);
  });

  test('a v01 chunk label stands for the numbers after it', async () => {
    const chunk = batchLabels('x', 3, context(1, '111111').labelSuffix);
    const keys = [made('c1', chunk[0]!), made('c2', chunk[0]!), made('c3', chunk[0]!)];
    const found = await findEarlierAttempts(api(keys, 'v01'), third, requests('x', 3, third), true);
    expect(found.keys.map((k) => k.key)).toEqual(['c1', 'c2', 'c3']);
    expect(found.rest).toEqual([]);
    // The same keys on a flavor of one key per request: one number, two surplus.
    const single = await findEarlierAttempts(api(keys, 'v1'), third, requests('x', 3, third), true);
    expect(single.keys.map((k) => k.key)).toEqual(['c1']);
    expect(single.surplus[0]!.keys.map((k) => k.key)).toEqual(['c2', 'c3']);
  });
});
