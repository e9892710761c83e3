// Unit: a long table's ends (src/render/rows.ts TableEnds), kept in bounded memory as rows arrive,
// are exactly the first and last rows of the whole table sorted, whatever the order of arrival: counting
// up (a batch's labels, where one comparison a row is made), down, shuffled, with ties, and short; and
// a table of 21 rows (two ends of 10 and one row between: it was shown as 20 rows, the middle one lost).
import { TableEnds } from '../src/render/rows.js';
import type { TableSpec } from '../src/report/tables.js';
import { compareLabels } from '../src/shared/text.js';

interface Row {
  label: string;
  n: number;
}

const byLabel = (a: Row, b: Row) => compareLabels(a.label, b.label);

/** A seeded shuffle (the same every run). */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function endsOf(rows: Row[], ends: number) {
  const table = new TableEnds(ends);
  let compared = 0;
  const order = (a: Row, b: Row) => {
    compared += 1;
    return byLabel(a, b);
  };
  table.open({ kind: 'issued', columns: [], order } as unknown as TableSpec<never>);
  for (const row of rows) table.row(row);
  return { ...table.shown(), compared };
}

/** What the ends must be: the whole table sorted (a stable sort: ties keep their order of arrival). */
function expected(rows: Row[], ends: number) {
  const sorted = [...rows].sort(byLabel);
  if (sorted.length <= 2 * ends) return { first: sorted, last: [], between: 0 };
  return { first: sorted.slice(0, ends), last: sorted.slice(-ends), between: sorted.length - 2 * ends };
}

const labels = (count: number, name = (i: number) => `batch-20261207-${String(i).padStart(4, '0')}-x`) =>
  Array.from({ length: count }, (_, i) => ({ label: name(i + 1), n: i }));

test.each([
  ['counting up', labels(3000)],
  ['counting down', labels(3000).reverse()],
  ['shuffled', shuffled(labels(3000), 7)],
  ['numbers compared as numbers', labels(500, (i) => `key-${i}`)],
  [
    'with ties',
    shuffled(
      labels(400, (i) => `tier-${i % 7}`),
      3,
    ),
  ],
  ['counting up with ties', labels(400, (i) => `tier-${Math.floor(i / 50)}`)],
  ['short', shuffled(labels(15), 5)],
  ['exactly 21', labels(21)],
  ['22', labels(22).reverse()],
])('%s: the ends are those of the sorted table', (_name, rows) => {
  const { first, last, between } = endsOf(rows, 10);
  const want = expected(rows, 10);
  expect({ first: first.map((r) => (r as Row).label), last: last.map((r) => (r as Row).label), between }).toEqual({
    first: want.first.map((r) => r.label),
    last: want.last.map((r) => r.label),
    between: want.between,
  });
});

test('rows arriving in order cost one comparison each once the head is full', () => {
  const rows = labels(3000);
  const { compared } = endsOf(rows, 10);
  // Two lists, one comparison each a row, was 2 × 3,000 and more.
  expect(compared).toBeLessThan(3000 + 100);
});

test.each([20, 21, 22])('rows as they come (no order), %i of them: none is lost', (count) => {
  const table = new TableEnds(10);
  table.open({ kind: 'keys', columns: [] } as unknown as TableSpec<never>);
  const rows = labels(count);
  for (const row of rows) table.row(row);
  const { first, last, between } = table.shown();
  expect(first.length + last.length + between).toBe(count);
  expect([...first, ...last].map((r) => (r as Row).n)).toEqual(
    count <= 20 ? rows.map((r) => r.n) : [...rows.slice(0, 10), ...rows.slice(-10)].map((r) => r.n),
  );
});
