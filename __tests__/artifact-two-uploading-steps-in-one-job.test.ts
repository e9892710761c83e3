// Two steps of one job upload with default inputs (a batch, then a list with output): each gets an
// artifact name of its own, trial-keys-<run id>-<step> (the step hash batch labels carry), so the
// second does not fail with "(409) Conflict: an artifact with this name already exists".
import { basename } from 'node:path';
import { devServerAndArtifactService } from '../__fixtures__/action-with-artifacts.js';
import { runBundledAction } from '../scripts/lib/simulate-runner.js';
import { invocationId } from '../src/config/context.js';

const services = devServerAndArtifactService();

test('a batch then a list with output, one job, default names: both upload, under names of their own', async () => {
  // As the runner names steps without an id: the action's slug, then `_2` for the second use.
  const job = { GITHUB_JOB: 'keys', ...services.service.env };
  const steps: Array<{ GITHUB_ACTION: string; inputs: Record<string, string> }> = [
    { GITHUB_ACTION: '__octo_quota-keys', inputs: { command: 'batch', count: '3' } },
    { GITHUB_ACTION: '__octo_quota-keys_2', inputs: { command: 'list', output: 'all-keys.csv' } },
  ];
  let workspace: string | undefined;
  const results = [];
  for (const { GITHUB_ACTION, inputs } of steps) {
    const result = await runBundledAction(
      { ...inputs, url: services.server.url, 'admin-token': services.server.token },
      { eventName: 'workflow_dispatch', runId: '5150', workspace, env: { ...job, GITHUB_ACTION } },
    );
    workspace = result.workspace;
    results.push(result);
  }
  for (const result of results) {
    expect(result.stdout).not.toMatch(/::error::/);
    expect(result.code).toBe(0);
  }
  const names = steps.map(({ GITHUB_ACTION }) => `trial-keys-5150-${invocationId({ ...job, GITHUB_ACTION })}`);
  expect(new Set(names).size).toBe(2);
  expect(results.map((r) => r.outputs['artifact-name'])).toEqual(names);
  expect(services.service.artifacts.filter((a) => a.name.startsWith('trial-keys-5150-')).map((a) => a.name)).toEqual(
    names,
  );
  // Each artifact holds its own step's CSV.
  results.forEach((result, i) => {
    const artifact = services.service.artifacts.find((a) => a.name === names[i])!;
    expect(artifact.files.has(basename(result.outputs['csv-path']!))).toBe(true);
  });
});
