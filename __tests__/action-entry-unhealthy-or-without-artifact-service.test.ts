// In-process action entry: an unhealthy server fails the step with healthy=false and the summary
// still written; without the artifact service (act, a plain shell) the CSV stays on the runner
// with a warning and the step passes; no GITHUB_STEP_SUMMARY, no summary.
import { existsSync } from 'node:fs';
import { runActionInProcess } from '../__fixtures__/fake-core.js';
import { startDevServer } from '../src/dev-server/index.js';
import type { DevServer } from '../src/dev-server/types.js';

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer({ flavor: 'v1' });
});
afterAll(() => server.close());

test('health against a server answering 500: the step fails, healthy=false, summary says so', async () => {
  server.setHealth('error500');
  try {
    const { core } = await runActionInProcess({
      command: 'health',
      url: server.url,
      'admin-token': server.token,
      retries: '0',
    });
    expect(core.outputs.healthy).toBe('false');
    expect(core.failures).toHaveLength(1);
    expect(core.failures[0]).toContain('500');
    expect(core.summaries).toHaveLength(1);
    expect(core.summaries[0]).toContain('- **Healthy:** no');
  } finally {
    server.setHealth('ok');
  }
});

test(
  'generate without the artifact service: a warning, the CSV on the runner, the step passes; no summary ' +
    'file, no summary',
  async () => {
    const { core } = await runActionInProcess(
      { command: 'generate', name: 'no-service', url: server.url, 'admin-token': server.token },
      { env: { GITHUB_STEP_SUMMARY: '' } },
    );
    expect(core.failures).toEqual([]);
    const csvPath = core.outputs['csv-path']!;
    expect(existsSync(csvPath)).toBe(true);
    expect(core.lines).toContain(
      `warning: No artifact service here (ACTIONS_RUNTIME_TOKEN or ACTIONS_RESULTS_URL unset): the CSV was ` +
        `not uploaded; it is at ${csvPath}.`,
    );
    expect(core.summaries).toEqual([]);
  },
);
