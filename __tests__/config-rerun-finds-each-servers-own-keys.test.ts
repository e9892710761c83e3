// Two entries of one servers file that point at the SAME server: each server's run has its own
// invocation id piece in its batch labels, so a re-run attempt of the step exports, per entry,
// exactly the keys that entry made in the earlier attempt, and creates none anew.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { runActionInProcess } from '../__fixtures__/fake-core.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer({ flavor: 'v1' });
});
afterAll(() => server.close());

const keysIn = (file: string) =>
  (parse(readFileSync(file), { columns: true }) as Array<{ key: string; label: string }>).map((r) => r.key).sort();

test('a re-run exports each entry its own keys, and creates none', async () => {
  const config = path.join(mkdtempSync(path.join(tmpdir(), 'config-rerun-')), 'servers.yml');
  writeFileSync(
    config,
    `servers:\n  - { name: one, url: "${server.url}", token-env: T }\n` +
      `  - { name: two, url: "${server.url}", token-env: T }\n`,
  );
  const step = { command: 'batch', count: '2', name: 'same', config, 'upload-artifact': 'false' };
  const env = { T: server.token, GITHUB_JOB: 'keys', GITHUB_ACTION: 'batch' };
  const first = await runActionInProcess(step, { runId: 9001, env: { ...env, GITHUB_RUN_ATTEMPT: '1' } });
  expect(first.core.failures).toEqual([]);
  const made = JSON.parse(first.core.outputs.results!) as Array<{ name: string; csv: string }>;
  const one = keysIn(made[0]!.csv);
  const two = keysIn(made[1]!.csv);
  expect(server.allKeys()).toHaveLength(4);
  expect(one.filter((k) => two.includes(k))).toEqual([]);

  const again = await runActionInProcess(step, { runId: 9001, env: { ...env, GITHUB_RUN_ATTEMPT: '2' } });
  expect(again.core.failures).toEqual([]);
  const exported = JSON.parse(again.core.outputs.results!) as Array<{ name: string; csv: string }>;
  expect(server.allKeys()).toHaveLength(4);
  expect(keysIn(exported[0]!.csv)).toEqual(one);
  expect(keysIn(exported[1]!.csv)).toEqual(two);
});
