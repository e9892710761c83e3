// label-prefix on generate and batch puts their labels under it (the stem the rotation with the same
// label-prefix replaces): the default batch-<YYYYMMDD> becomes auto-batch-<YYYYMMDD>, a name already
// starting with it is kept. A re-run attempt on the next day still finds the earlier attempt's keys
// under the prefixed default stem (its date differs) and exports them instead of issuing again.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { captureLog } from '../__fixtures__/capture-log.js';
import { compactDate, githubContext } from '../src/config/context.js';
import { parseOptions } from '../src/config/options.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';
import { run } from '../src/run.js';

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer({ flavor: 'v1' });
});
afterAll(() => server.close());

async function step(inputs: Record<string, string>, attempt: number, now: Date) {
  const env = { GITHUB_RUN_ATTEMPT: String(attempt), GITHUB_WORKSPACE: mkdtempSync(path.join(tmpdir(), 'prefix-')) };
  const context = githubContext({ eventName: 'workflow_dispatch', runId: 9700, payload: {} }, env, now);
  const all: Record<string, string> = {
    url: server.url,
    'admin-token': server.token,
    'label-prefix': 'auto-',
    ...inputs,
  };
  const report = await run(
    parseOptions((n) => all[n] ?? '', env, context),
    context,
    captureLog().log,
  );
  const rows = report.csvPath
    ? (parse(readFileSync(report.csvPath, 'utf8'), { columns: true }) as Array<Record<string, string>>)
    : [];
  return { report, labels: rows.map((r) => r.label!).sort(), keys: rows.map((r) => r.key).sort() };
}

test('batch: auto-batch-<date> labels; the next day’s re-run exports them, creates nothing', async () => {
  const day1 = new Date('2026-11-26T12:00:00Z');
  const first = await step({ command: 'batch', count: '3' }, 1, day1);
  expect(first.report.ok).toBe(true);
  expect(first.labels.map((l) => l.replace(/-r9700a1i\w+$/, ''))).toEqual(
    ['001', '002', '003'].map((n) => `auto-batch-${compactDate(day1)}-${n}`),
  );
  const posts = server.requests.filter((r) => r.method === 'POST').length;
  const second = await step({ command: 'batch', count: '3' }, 2, new Date(day1.getTime() + 86_400_000));
  expect(second.report.ok).toBe(true);
  expect(server.requests.filter((r) => r.method === 'POST').length).toBe(posts);
  expect(second.keys).toEqual(first.keys);
});

test('generate: a name without the prefix gets it, one with it is kept as it is', async () => {
  const day = new Date('2026-11-27T12:00:00Z');
  expect((await step({ command: 'generate', name: 'acme' }, 1, day)).labels).toEqual(['auto-acme']);
  expect((await step({ command: 'generate', name: 'auto-globex' }, 1, day)).labels).toEqual(['auto-globex']);
});
