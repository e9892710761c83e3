// In-process action entry, a 1,000-key batch: no key reaches the log, outputs or summary in full;
// the runner gets the token and every key as a mask, each once (the runner never echoes
// `::add-mask::`, so they do not fill the log: docs/reliability.md, "Masking"), and the log has a
// handful of lines; the summary table shows the first and last 10 rows by label with the count between.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { runActionInProcess } from '../__fixtures__/fake-core.js';
import { startDevServer } from '../src/dev-server/index.js';
import type { DevServer } from '../src/dev-server/types.js';

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer({ flavor: 'v1p' });
});
afterAll(() => server.close());

test('1,000 keys: none shown in full, 1,001 masks, 10 + 10 table rows with "… 980 more keys in the CSV"', async () => {
  const { core } = await runActionInProcess(
    {
      command: 'batch',
      name: 'big',
      count: '1000',
      concurrency: '16',
      'upload-artifact': 'false',
      url: server.url,
      'admin-token': server.token,
    },
    { eventName: 'schedule', payload: { schedule: '0 3 * * *' } },
  );
  expect(core.failures).toEqual([]);
  expect(core.outputs['created-count']).toBe('1000');
  const rows = parse(readFileSync(core.outputs['csv-path']!, 'utf8'), { columns: true }) as Array<{ key: string }>;
  expect(rows).toHaveLength(1000);

  // Every line, output, summary and failure the step showed: no key in full, no token.
  const shown = core.shown();
  for (const { key } of rows) expect(shown).not.toContain(key);
  expect(shown).not.toContain(server.token);
  // The masks: the token first, then every key of the CSV, each exactly once (a later step that prints
  // the CSV shows *** for every key).
  expect(core.masked).toHaveLength(1 + 1000);
  expect(core.masked[0]).toBe(server.token);
  expect(new Set(core.masked.slice(1))).toEqual(new Set(rows.map((r) => r.key)));

  // The whole log: a handful of lines (health, the count and CSV), not one per key.
  expect(core.lines.length).toBeLessThan(10);
  const [summary] = core.summaries;
  const tableRows = summary!.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Label |'));
  expect(tableRows.slice(1).map((l) => l.slice(2, l.indexOf(' |')).slice(0, 'big-0001'.length))).toEqual([
    ...Array.from({ length: 10 }, (_, i) => `big-${String(i + 1).padStart(4, '0')}`),
    '… 980 mo',
    ...Array.from({ length: 10 }, (_, i) => `big-${String(991 + i).padStart(4, '0')}`),
  ]);
  expect(summary).toContain('| … 980 more keys in the CSV |  |  |  |');
  expect(summary).toContain('- **Trigger:** schedule (cron 0 3 \\* \\* \\*)');
});
