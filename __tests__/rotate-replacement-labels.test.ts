// Labels of rotate's replacements: batch labels keep their stem and are numbered afresh with this
// run's suffix, per stem and in order; every other label is kept.

import { replacementLabels } from '../src/commands/rotate.js';
import { batchStem } from '../src/config/labels.js';

test('batchStem recognises <stem>-<NNN>-<suffix> of every platform, and nothing else', () => {
  expect(batchStem('auto-20261001-007-r812a1')).toBe('auto-20261001');
  expect(batchStem('合作伙伴-202611-0012-p55j9')).toBe('合作伙伴-202611');
  expect(batchStem('batch-20261126-001-tp3uh51973')).toBe('batch-20261126');
  expect(batchStem('trial-user001-20261126')).toBeUndefined();
  expect(batchStem('用户A-试用密钥')).toBeUndefined();
  expect(batchStem('auto-01-r1a1')).toBeUndefined();
  // This version's suffixes: invocation id and nonce (GitHub), nonce (GitLab, by hand).
  expect(batchStem('auto-20261001-007-r812a1i0a1b2cn3d4e5f')).toBe('auto-20261001');
  expect(batchStem('auto-20261001-007-p55j9n3d4e5f')).toBe('auto-20261001');
  expect(batchStem('auto-20261001-007-ctp3uh5n3d4e5f')).toBe('auto-20261001');
  expect(batchStem('auto-20261001-007-r812a1i0a1b2c')).toBeUndefined();
});

test("replacements get this invocation's suffix, whatever the format of the old labels", () => {
  const suffix = 'r9a1iabcdefn012345';
  expect(replacementLabels(['s-001-r1a1', 's-002-r1a1i0a1b2cn3d4e5f', 's-003-p5j6n3d4e5f'], suffix)).toEqual([
    's-001-r9a1iabcdefn012345',
    's-002-r9a1iabcdefn012345',
    's-003-r9a1iabcdefn012345',
  ]);
});

test('renumbered per stem in order, other labels kept', () => {
  const old = ['auto-a-007-r1a1', 'vip-x', 'auto-b-001-r1a1', 'auto-a-009-r2a1', 'auto-a-010-r2a1'];
  expect(replacementLabels(old, 'r9a1')).toEqual([
    'auto-a-001-r9a1',
    'vip-x',
    'auto-b-001-r9a1',
    'auto-a-002-r9a1',
    'auto-a-003-r9a1',
  ]);
});

test('a stem with 1000 keys gets four-digit numbers, like batch', () => {
  const labels = replacementLabels(
    Array.from({ length: 1000 }, (_, i) => `s-${String(i + 1).padStart(3, '0')}-r1a1`),
    'r2a1',
  );
  expect(labels[0]).toBe('s-0001-r2a1');
  expect(labels[999]).toBe('s-1000-r2a1');
});

test('labels that are no batch labels stay, unless several due keys share one: then they are numbered', async () => {
  const { replacementLabels } = await import('../src/commands/rotate.js');
  const { batchStem } = await import('../src/config/labels.js');
  expect(batchStem('auto-acme-2024-q3')).toBeUndefined();
  expect(batchStem('auto-partner-12345-bigcorp')).toBeUndefined();
  expect(batchStem('auto-20261126-007-r42a1')).toBe('auto-20261126');
  expect(batchStem('auto-20261126-007-p9j12')).toBe('auto-20261126');
  expect(batchStem('auto-20261126-007-tp3wrxd42c')).toBe('auto-20261126');
  expect(replacementLabels(['auto-acme-2024-q3', 'auto-trial', 'auto-trial'], 'r9a1')).toEqual([
    'auto-acme-2024-q3',
    'auto-trial-001-r9a1',
    'auto-trial-002-r9a1',
  ]);
});
