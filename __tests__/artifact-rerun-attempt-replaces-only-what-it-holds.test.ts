// A re-run attempt of a step uploads under the same default name as the attempt before it (a job's
// re-run is the same workflow run, whose artifact names are unique). A batch re-run exports the
// earlier attempt's keys again, so its CSV holds the whole batch: its artifact replaces the earlier
// one. A generate re-run makes a new key: the earlier artifact holds a key the new CSV does not, so it
// stays, and the new one is uploaded as <name>-2, with a warning saying so.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'csv-parse/sync';
import { devServerAndArtifactService } from '../__fixtures__/action-with-artifacts.js';
import { startRecordingProxy } from '../__fixtures__/recording-proxy.js';
import { runBundledAction } from '../scripts/lib/simulate-runner.js';
import { invocationId } from '../src/config/context.js';

const services = devServerAndArtifactService();

const STEP = { GITHUB_JOB: 'keys', GITHUB_ACTION: 'issue' };
const named = (name: string) => services.service.artifacts.filter((a) => a.name === name);
const rowsOf = (zipped: Buffer) => parse(zipped, { columns: true }) as Array<Record<string, string>>;

test('a batch re-run replaces the earlier attempt’s artifact: one artifact, the whole batch', async () => {
  const name = `trial-keys-6001-${invocationId(STEP)}`;
  const proxy = await startRecordingProxy(services.server.url, { createsBeforeRefusing: 2 });
  let first: Awaited<ReturnType<typeof runBundledAction>>;
  try {
    first = await runBundledAction(
      { command: 'batch', count: '5', concurrency: '1', url: proxy.url, 'admin-token': services.server.token },
      { eventName: 'workflow_dispatch', runId: '6001', attempt: '1', env: { ...STEP, ...services.service.env } },
    );
  } finally {
    await proxy.close();
  }
  expect(first.code).toBe(1);
  expect(first.outputs['artifact-name']).toBe(name);
  expect(rowsOf(named(name)[0]!.files.get(basename(first.outputs['csv-path']!))!)).toHaveLength(2);

  // "Re-run failed jobs": a new runner (workspace) and job run, the same step.
  const second = await runBundledAction(
    { command: 'batch', count: '5', url: services.server.url, 'admin-token': services.server.token },
    {
      eventName: 'workflow_dispatch',
      runId: '6001',
      attempt: '2',
      env: { ...STEP, ...services.service.anotherJobRun() },
    },
  );
  expect(second.stdout).not.toMatch(/::error::/);
  expect(second.code).toBe(0);
  expect(second.outputs['artifact-name']).toBe(name);
  expect(second.stdout).toContain(`Replaced the earlier attempt's artifact ${name}`);
  const [artifact, ...more] = named(name);
  expect(more).toEqual([]);
  expect(services.service.artifacts.filter((a) => a.name.startsWith(`${name}-`))).toEqual([]);
  const csv = readFileSync(second.outputs['csv-path']!);
  expect(artifact!.files.get(basename(second.outputs['csv-path']!))!.equals(csv)).toBe(true);
  const rows = rowsOf(csv);
  expect(rows).toHaveLength(5);
  // Attempt 1's two keys are in it, exported again.
  expect(rows.filter((r) => /-r6001a1i/.test(r.label!))).toHaveLength(2);
});

test('a generate re-run keeps the earlier artifact (its key is not in the new CSV): uploads <name>-2', async () => {
  const name = `trial-keys-6002-${invocationId(STEP)}`;
  const inputs = {
    command: 'generate',
    name: 'one-key',
    url: services.server.url,
    'admin-token': services.server.token,
  };
  const first = await runBundledAction(inputs, {
    eventName: 'workflow_dispatch',
    runId: '6002',
    attempt: '1',
    env: { ...STEP, ...services.service.env },
  });
  expect(first.code).toBe(0);
  const second = await runBundledAction(inputs, {
    eventName: 'workflow_dispatch',
    runId: '6002',
    attempt: '2',
    env: { ...STEP, ...services.service.anotherJobRun() },
  });
  expect(second.code).toBe(0);
  expect(second.outputs['artifact-name']).toBe(`${name}-2`);
  expect(second.stdout).toMatch(
    new RegExp(`^::warning::This run already has an artifact ${name} .*: uploaded as ${name}-2 instead`, 'm'),
  );
  expect(second.summary).toContain(`-n ${name}-2`);
  // Both keys are handed over: each in its own attempt's artifact.
  const keyOf = (result: typeof first, artifactName: string) =>
    rowsOf(named(artifactName)[0]!.files.get(basename(result.outputs['csv-path']!))!)[0]!.key;
  expect(keyOf(first, name)).not.toBe(keyOf(second, `${name}-2`));
});
