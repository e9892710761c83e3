// The action's `json` output is the CLI's --json document: the run's counts and rows (keys
// shortened) on success, and a document with exit code 2 naming the input when an input is refused.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { runActionInProcess } from '../__fixtures__/fake-core.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';
import { shortenKey } from '../src/shared/redact.js';

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer({ flavor: 'v1p' });
});
afterAll(() => server.close());

test('generate: json says ok, the flavor and the one row with its key shortened', async () => {
  const { core } = await runActionInProcess({
    command: 'generate',
    name: 'json-output',
    limit: '70',
    url: server.url,
    'admin-token': server.token,
    'upload-artifact': 'false',
  });
  expect(core.failures).toEqual([]);
  const doc = JSON.parse(core.outputs.json!);
  const [row] = parse(readFileSync(core.outputs['csv-path']!), { columns: true }) as Array<{ key: string }>;
  expect(doc).toMatchObject({ command: 'generate', ok: true, exitCode: 0, flavor: 'v1p', counts: { created: 1 } });
  expect(doc.rows).toEqual([expect.objectContaining({ label: 'json-output', key: shortenKey(row!.key) })]);
  expect(doc.rows[0].daily_limit).toEqual({ value: 70, source: 'key' });
  expect(core.outputs.json).not.toContain(row!.key);
  expect(core.outputs.json).not.toContain(server.token);
});

test('a refused input: json with exit code 2 and the refusal, the step failed, no request sent', async () => {
  const before = server.requests.length;
  const { core } = await runActionInProcess({
    command: 'batch',
    count: '0',
    url: server.url,
    'admin-token': 'x'.repeat(20),
  });
  expect(core.failures).toHaveLength(1);
  const doc = JSON.parse(core.outputs.json!);
  expect(doc).toMatchObject({ command: 'batch', ok: false, exitCode: 2, exit: 'bad input' });
  expect(doc.failure).toMatch(/^Invalid input 'count'/);
  expect(server.requests.length).toBe(before);
});

test('a batch of 1,003 keys: json keeps the first 1,000 rows, counts the rest, stays far below 1 MB', async () => {
  const { core } = await runActionInProcess({
    command: 'batch',
    count: '1003',
    concurrency: '16',
    url: server.url,
    'admin-token': server.token,
    'upload-artifact': 'false',
  });
  expect(core.failures).toEqual([]);
  const doc = JSON.parse(core.outputs.json!);
  expect(doc.counts.created).toBe(1003);
  expect(doc.rows).toHaveLength(1000);
  expect(doc.rowsOmitted).toBe(3);
  expect(core.outputs.json!.length).toBeLessThan(512 * 1024);
});
