// Unit: reconciliation of creates whose outcome is unknown (src/issuing/reconcile.ts), without a server.

import {
  type BatchLedger,
  isAmbiguousCreateFailure,
  keysCarrying,
  reconcileAmbiguousCreates,
} from '../src/issuing/reconcile.js';
import type { QuotaProxy } from '../src/quota-proxy/client.js';
import { UnsupportedOperationError } from '../src/quota-proxy/errors.js';
import type { CreateKeyRequest, TrialKey } from '../src/quota-proxy/types.js';
import { CancelledError } from '../src/shared/cancel.js';
import { HttpStatusError, NetworkError } from '../src/transport/errors.js';

const at = (second: number) => new Date(Date.UTC(2026, 10, 26, 9, 0, second));
const key = (name: string, label: string, second = 0): TrialKey => ({ key: name, label, createdAt: at(second) });
const request = (label: string): CreateKeyRequest => ({ label, dailyLimit: 100 });

/** A ledger: `asked` requests per label, `inCsv` keys already written, `uncertain` labels. */
function ledger(
  asked: Record<string, number>,
  inCsv: TrialKey[] = [],
  uncertain: string[] = Object.keys(asked),
): BatchLedger {
  const members = new Map(Object.entries(asked).map(([l, n]) => [l, Array.from({ length: n }, () => request(l))]));
  const byLabel = new Map<string, TrialKey[]>();
  for (const k of inCsv) byLabel.set(k.label, [...(byLabel.get(k.label) ?? []), k]);
  return {
    members,
    inCsv: byLabel,
    csvKeys: new Set(inCsv.map((k) => k.key)),
    uncertain: new Map(uncertain.map((l) => [l, { label: l, error: `timeout of ${l}` }])),
    failed: new Map(),
  };
}
const server = (...keys: TrialKey[]) => {
  const byLabel = new Map<string, TrialKey[]>();
  for (const k of keys) byLabel.set(k.label, [...(byLabel.get(k.label) ?? []), k]);
  return byLabel;
};

describe('isAmbiguousCreateFailure', () => {
  const headers = {};
  test.each([
    ['a cancellation', new CancelledError('SIGTERM'), false],
    ['an unsupported operation', new UnsupportedOperationError('v1a', 'delete'), false],
    [
      'a refused connection (never sent)',
      new NetworkError('refused', 'POST /admin/keys', 'ECONNREFUSED', false),
      false,
    ],
    ['a reset after sending', new NetworkError('reset', 'POST /admin/keys', 'ECONNRESET', true), true],
    ['a 400', new HttpStatusError(400, 'POST /admin/keys', 'bad', headers), false],
    ['a 429', new HttpStatusError(429, 'POST /admin/keys', 'slow down', headers), false],
    ['a 499', new HttpStatusError(499, 'POST /admin/keys', '', headers), false],
    ['a 500', new HttpStatusError(500, 'POST /admin/keys', '', headers), true],
    ['a 502 from a proxy', new HttpStatusError(502, 'POST /admin/keys', '', headers), true],
    ['an unreadable 2xx', new SyntaxError('Unexpected token <'), true],
    ['a thrown string', 'something', true],
  ])('%s → %p', (_what, error, ambiguous) => {
    expect(isAmbiguousCreateFailure(error)).toBe(ambiguous);
  });
});

describe('reconcileAmbiguousCreates', () => {
  test('a label whose key the server made is adopted, nothing created again', () => {
    const result = reconcileAmbiguousCreates(ledger({ a: 1 }), server(key('k1', 'a')), true);
    expect(result).toEqual({ adopt: [key('k1', 'a')], recreate: [], missing: [], extras: [] });
  });

  test('a label the server has no key for is created again, or named missing without attempts left', () => {
    const again = reconcileAmbiguousCreates(ledger({ a: 1 }), new Map(), true);
    expect(again.recreate).toEqual([{ label: 'a', requests: [request('a')] }]);
    expect(again.missing).toEqual([]);
    const last = reconcileAmbiguousCreates(ledger({ a: 1 }), new Map(), false);
    expect(last.recreate).toEqual([]);
    expect(last.missing).toEqual([{ label: 'a', error: 'timeout of a' }]);
  });

  test('the oldest keys are adopted, later ones are extras, whatever order the server lists them in', () => {
    const listed = server(key('late', 'a', 9), key('first', 'a', 1), key('second', 'a', 5));
    // keysCarrying sorts oldest first; reconcile trusts that order: give it sorted.
    for (const keys of listed.values()) keys.sort((x, y) => x.createdAt.getTime() - y.createdAt.getTime());
    const result = reconcileAmbiguousCreates(ledger({ a: 2 }), listed, true);
    expect(result.adopt.map((k) => k.key)).toEqual(['first', 'second']);
    expect(result.extras.map((k) => k.key)).toEqual(['late']);
    expect(result.recreate).toEqual([]);
  });

  test('a key already in the CSV is never adopted nor an extra, and counts toward the label', () => {
    const written = key('mine', 'a', 1);
    const result = reconcileAmbiguousCreates(ledger({ a: 2 }, [written]), server(written, key('k2', 'a', 2)), true);
    expect(result.adopt.map((k) => k.key)).toEqual(['k2']);
    expect(result.extras).toEqual([]);
    expect(result.recreate).toEqual([]);
  });

  test('a label already complete in the CSV makes every other key under it an extra', () => {
    const written = key('mine', 'a', 1);
    const result = reconcileAmbiguousCreates(
      ledger({ a: 1 }, [written]),
      server(written, key('dup1', 'a', 2), key('dup2', 'a', 3)),
      true,
    );
    expect(result.adopt).toEqual([]);
    expect(result.extras.map((k) => k.key)).toEqual(['dup1', 'dup2']);
  });

  test('a native batch label short of keys creates again only the missing requests', () => {
    const result = reconcileAmbiguousCreates(
      ledger({ chunk: 5 }),
      server(key('k1', 'chunk'), key('k2', 'chunk')),
      true,
    );
    expect(result.adopt).toHaveLength(2);
    expect(result.recreate).toEqual([{ label: 'chunk', requests: Array.from({ length: 3 }, () => request('chunk')) }]);
  });

  test('a label that was not uncertain is adopted from but never created again', () => {
    const result = reconcileAmbiguousCreates(ledger({ a: 2, b: 1 }, [], ['b']), server(key('k1', 'a')), true);
    expect(result.adopt.map((k) => k.key)).toEqual(['k1']);
    expect(result.recreate).toEqual([{ label: 'b', requests: [request('b')] }]);
  });

  test('keys under a label nobody asked for are extras (the ledger decides, not the listing)', () => {
    const result = reconcileAmbiguousCreates(ledger({}), server(key('stray', 'x')), true);
    expect(result).toEqual({ adopt: [], recreate: [], missing: [], extras: [key('stray', 'x')] });
  });

  test('several labels at once: each one settled on its own', () => {
    const result = reconcileAmbiguousCreates(
      ledger({ a: 1, b: 1, c: 1 }, [key('c-csv', 'c')], ['a', 'b']),
      server(key('a1', 'a'), key('a2', 'a', 4), key('c-csv', 'c')),
      false,
    );
    expect(result.adopt.map((k) => k.key)).toEqual(['a1']);
    expect(result.extras.map((k) => k.key)).toEqual(['a2']);
    expect(result.missing.map((m) => m.label)).toEqual(['b']);
  });

  test('an empty ledger and an empty server settle to nothing', () => {
    expect(reconcileAmbiguousCreates(ledger({}), new Map(), true)).toEqual({
      adopt: [],
      recreate: [],
      missing: [],
      extras: [],
    });
  });
});

describe('keysCarrying', () => {
  const api = (pages: TrialKey[][]) =>
    ({
      async *listKeys() {
        for (const page of pages) yield page;
      },
    }) as unknown as QuotaProxy;

  test('keeps only the asked labels, across pages, oldest first within each', async () => {
    const found = await keysCarrying(
      api([
        [key('a-late', 'a', 30), key('other', 'zzz', 1)],
        [key('b1', 'b', 2), key('a-early', 'a', 3), key('a-middle', 'a', 10)],
      ]),
      new Set(['a', 'b']),
    );
    expect([...found.keys()].sort()).toEqual(['a', 'b']);
    expect(found.get('a')!.map((k) => k.key)).toEqual(['a-early', 'a-middle', 'a-late']);
    expect(found.get('b')!.map((k) => k.key)).toEqual(['b1']);
  });

  test('no label asked: nothing kept', async () => {
    expect((await keysCarrying(api([[key('k', 'a')]]), new Set())).size).toBe(0);
  });
});
