// docs/performance.md is written by `npm run bench`: its measured table, then scripts/lib/bench-notes.md
// as it is. A note edited in the doc alone is lost at the next bench run (this happened to a round
// of before/after rows), so the doc must end with the notes file, byte for byte.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../scripts/lib/simulate-runner.js';

test('docs/performance.md ends with scripts/lib/bench-notes.md', () => {
  const doc = readFileSync(path.join(ROOT, 'docs/performance.md'), 'utf8');
  const notes = readFileSync(path.join(ROOT, 'scripts/lib/bench-notes.md'), 'utf8');
  expect(notes.length).toBeGreaterThan(1000);
  expect(doc.slice(-notes.length)).toBe(notes);
  expect(doc.startsWith('# Performance\n')).toBe(true);
});
