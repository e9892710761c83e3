// Counts in progress lines, messages and table gaps read `12,345`, as toLocaleString('en-US') writes
// them, without ICU's number formatting (loading it cost 5–10 ms of a start).
import { thousands } from '../src/shared/text.js';

test('thousands writes every count as en-US does', () => {
  const counts = [0, 7, 999, 1000, 12_345, 100_000, 1_234_567, 987_654_321, -4321, 2.5, 1234.5678, 0.0004];
  for (let n = 1; n < 1e12; n = n * 7 + 3) counts.push(n);
  for (const n of counts) expect(thousands(n)).toBe(n.toLocaleString('en-US'));
});
