// An artifact client that answers without an artifact id (the double cannot be made to, so a fake

// client stands in, injected the way src/index.ts injects the real one): the step fails and names
// the file the keys are still in; no artifact outputs point at nothing.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { runActionInProcess } from '../__fixtures__/fake-core.js';
import { invocationId } from '../src/config/context.js';
import { startDevServer } from '../src/dev-server/index.js';
import type { DevServer } from '../src/dev-server/types.js';

/** The default artifact name's step hash: the runner double sets no GITHUB_JOB or GITHUB_ACTION. */
const STEP = invocationId({});

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer({ flavor: 'v1' });
});
afterAll(() => server.close());

test('generate: an upload without an id fails the step and keeps the CSV on the runner', async () => {
  const calls: Array<{ name: string; files: string[]; retentionDays?: number }> = [];
  const { core } = await runActionInProcess(
    { command: 'generate', name: 'no-id', url: server.url, 'admin-token': server.token, 'retention-days': '3' },
    {
      eventName: 'workflow_dispatch',
      env: { ACTIONS_RUNTIME_TOKEN: 'runtime', ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/' },
      artifactClient: async () => ({
        uploadArtifact: async (name, files, _root, options) => {
          calls.push({ name, files, retentionDays: options?.retentionDays });
          return {};
        },
      }),
    },
  );
  const csvPath = core.outputs['csv-path']!;
  expect(existsSync(csvPath)).toBe(true);
  const audit = path.join(path.dirname(csvPath), 'quota-keys-audit.jsonl');
  expect(calls).toEqual([{ name: `trial-keys-1001-${STEP}`, files: [csvPath, audit], retentionDays: 3 }]);
  expect(core.failures).toEqual([
    `Uploading the CSV as artifact "trial-keys-1001-${STEP}" failed: the artifact service returned no artifact ` +
      `id. The keys are only on the runner, at ${csvPath}.`,
  ]);
  expect(core.outputs['artifact-id']).toBeUndefined();
  expect(core.outputs['created-count']).toBe('1');
});
