// Every long command reports its progress, not batch alone: delete of many keys, rotate (its list,
// replacements and deletes) and list over pages. With both thresholds at 0 a line is written at
// every 10 % (or every page when the total is unknown), so what each command ticks is exact.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { captureLog } from '../__fixtures__/capture-log.js';
import { cliContext } from '../src/config/context.js';
import { parseOptions } from '../src/config/options.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';
import { run } from '../src/run.js';
import { createProgress } from '../src/shared/progress.js';

let server: DevServer;
afterEach(() => server.close());

async function runWithProgress(inputs: Record<string, string>) {
  const context = { ...cliContext({}), workspace: mkdtempSync(path.join(tmpdir(), 'progress-steps-')) };
  const options = parseOptions(
    (n) => ({ url: server.url, ...inputs })[n] ?? '',
    { ADMIN_TOKEN: server.token },
    context,
  );
  const lines: string[] = [];
  const progress = createProgress({ write: (line) => lines.push(line), quietMs: 0, everyMs: 0 });
  const report = await run(options, context, captureLog().log, undefined, progress);
  return { report, lines };
}

// The last line (100 %) once: the done line says it, no tick line before it repeats it.
const tenths = (what: string, total: number) =>
  Array.from({ length: 10 }, (_, i) => `${((i + 1) * total) / 10}/${total} ${what} (${(i + 1) * 10} %)`);
const withoutRate = (lines: string[]) => lines.map((l) => l.replace(/, [\d.]+\/s.*$/, ''));

test('delete --all-matching of 60 keys: a line per 10 % of the deletes', async () => {
  server = await startDevServer({ flavor: 'v1' });
  // 60 keys labelled gone-1.
  for (let i = 0; i < 60; i += 1) server.seedKeys(1, { labelPrefix: 'gone-' });
  const { report, lines } = await runWithProgress({ command: 'delete', name: 'gone-1', 'all-matching': 'true' });
  expect(report.ok).toBe(true);
  expect(report.outputs['deleted-count']).toBe('60');
  expect(withoutRate(lines)).toEqual(tenths('keys deleted', 60));
});

test('rotate with replace of 50 keys: the listing, then the replacements, then the deletes', async () => {
  server = await startDevServer({ flavor: 'v1p' });
  server.seedKeys(50, { labelPrefix: 'old-', createdAt: new Date(Date.now() - 40 * 86_400_000) });
  const { report, lines } = await runWithProgress({
    command: 'rotate',
    'label-prefix': 'old-',
    'older-than-days': '30',
    replace: 'true',
  });
  expect(report.ok).toBe(true);
  const shown = withoutRate(lines);
  expect(shown).toEqual(['50 keys listed', ...tenths('keys created', 50), ...tenths('keys deleted', 50)]);
});

test('list over pages (v10: 100 a page): a line per page, counts only', async () => {
  server = await startDevServer({ flavor: 'v10', health: 'ok', rateLimit: false });
  server.seedKeys(250);
  const { report, lines } = await runWithProgress({ command: 'list' });
  expect(report.ok).toBe(true);
  expect(withoutRate(lines)).toEqual(['100 keys listed', '200 keys listed', '250 keys listed']);
});
