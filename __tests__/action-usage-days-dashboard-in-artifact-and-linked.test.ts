// The action (dist/index.js, as the runner runs it) with command usage and days: the dashboard is
// written in the workspace (usage-dashboard-<run id>.html unless `html` names a file), uploaded in
// the run's artifact (also from a public repository: it holds no key), linked from the job summary,
// and its path is output `html-path`. `html: none` and days 1 write none.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type ArtifactService, startArtifactService } from '../__fixtures__/artifact-service.js';
import { runBundledAction, startDevServerProcess } from '../scripts/lib/simulate-runner.js';

type Server = { url: string; token: string; stop: () => Promise<void> };
let server: Server;
let service: ArtifactService;
beforeAll(async () => {
  server = await startDevServerProcess(['--flavor', 'v1p', '--seed-demo']);
  service = await startArtifactService();
});
afterAll(async () => {
  await service.close();
  await server.stop();
});

const run = (runId: string, inputs: Record<string, string>, payload: object = { repository: { private: true } }) =>
  runBundledAction(
    { command: 'usage', url: server.url, 'admin-token': server.token, ...inputs },
    { eventName: 'schedule', runId, payload, env: service.env },
  );
const uploaded = (result: { outputs: Record<string, string> }) =>
  service.artifacts.filter((a) => a.name === result.outputs['artifact-name']);

test('usage with days 14: the dashboard in the artifact, linked first in the summary, html-path set', async () => {
  const result = await run('401', { days: '14' });
  expect(result.code).toBe(0);
  const file = result.outputs['html-path']!;
  expect(file).toBe(path.join(result.workspace, 'usage-dashboard-401.html'));
  const [artifact] = uploaded(result);
  expect(artifact!.files.get('usage-dashboard-401.html')!.equals(readFileSync(file))).toBe(true);
  const url = result.outputs['artifact-url']!;
  expect(url).toBe(`https://github.com/octo/keys/actions/runs/401/artifacts/${artifact!.id}`);
  // Right under the title, before the figures.
  expect(result.summary.split('\n').slice(0, 5)).toEqual([
    '## quota-proxy usage',
    '',
    `**📊 Dashboard:** usage-dashboard-401.html, in [the run's artifact](${url}) ` +
      '(unzip it and open the file in a browser)',
    '',
    '- **Trigger:** schedule',
  ]);
  expect(result.summary.split('\n')[5]).toMatch(/^- \*\*Requests:\*\* \d+$/);
  expect(result.summary).toContain('Download the dashboard:');
  expect(result.summary).toMatch(/^- \*\*Dashboard:\*\* usage-dashboard-401\.html \(\d+ KB\)$/m);
  expect(readFileSync(file, 'utf8')).toContain('<h1>Usage of quota-proxy keys</h1>');
});

test('a public repository uploads it too: the dashboard holds no key', async () => {
  const result = await run('402', { days: '7', html: 'site/index.html' }, { repository: { private: false } });
  expect(result.code).toBe(0);
  expect(result.outputs['html-path']).toBe(path.join(result.workspace, 'site', 'index.html'));
  expect([...uploaded(result)[0]!.files.keys()]).toEqual(['index.html']);
});

test('html: none, or days 1, writes no dashboard and uploads nothing', async () => {
  for (const [runId, inputs] of [
    ['403', { days: '14', html: 'none' }],
    ['404', {}],
  ] as const) {
    const result = await run(runId, inputs);
    expect(result.code).toBe(0);
    expect(result.outputs['html-path']).toBeUndefined();
    expect(service.artifacts.filter((a) => a.name.startsWith(`trial-keys-${runId}-`))).toEqual([]);
    expect(result.summary).not.toContain('Dashboard');
  }
});
