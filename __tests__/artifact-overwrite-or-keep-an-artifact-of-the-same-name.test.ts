// Two steps given the same artifact-name: without overwrite-artifact the first one's artifact stays
// and the second uploads as <name>-2 (a warning says so, the step succeeds: its keys are handed over);
// with overwrite-artifact: true the existing artifact is deleted first, as actions/upload-artifact's
// overwrite does, and the upload takes the name.
import { basename } from 'node:path';
import { parse } from 'csv-parse/sync';
import { devServerAndArtifactService } from '../__fixtures__/action-with-artifacts.js';
import { runBundledAction } from '../scripts/lib/simulate-runner.js';

const services = devServerAndArtifactService();

async function generate(label: string, step: string, overwrite?: string) {
  return runBundledAction(
    {
      command: 'generate',
      name: label,
      'artifact-name': 'partner-keys',
      ...(overwrite ? { 'overwrite-artifact': overwrite } : {}),
      url: services.server.url,
      'admin-token': services.server.token,
    },
    {
      eventName: 'workflow_dispatch',
      runId: '6100',
      env: { GITHUB_JOB: 'keys', GITHUB_ACTION: step, ...services.service.env },
    },
  );
}
const labelsIn = (name: string, result: Awaited<ReturnType<typeof generate>>) =>
  (
    parse(services.service.artifacts.find((a) => a.name === name)!.files.get(basename(result.outputs['csv-path']!))!, {
      columns: true,
    }) as Array<Record<string, string>>
  ).map((r) => r.label);

test('overwrite-artifact false (default): the name is taken, the upload goes to <name>-2', async () => {
  const first = await generate('acme', 'one');
  expect(first.outputs['artifact-name']).toBe('partner-keys');
  const second = await generate('globex', 'two', 'false');
  expect(second.code).toBe(0);
  expect(second.outputs['artifact-name']).toBe('partner-keys-2');
  expect(second.stdout).toMatch(
    new RegExp(
      '^::warning::This run already has an artifact partner-keys .*uploaded as partner-keys-2 ' +
        String.raw`instead \(overwrite-artifact: true replaces it\)\.$`,
      'm',
    ),
  );
  expect(labelsIn('partner-keys', first)).toEqual(['acme']);
  expect(labelsIn('partner-keys-2', second)).toEqual(['globex']);

  // overwrite-artifact: true: the artifact of that name is deleted, the new one takes its name.
  const third = await generate('initech', 'three', 'true');
  expect(third.code).toBe(0);
  expect(third.stdout).not.toMatch(/::warning::This run already has/);
  expect(third.outputs['artifact-name']).toBe('partner-keys');
  expect(services.service.artifacts.filter((a) => a.name === 'partner-keys')).toHaveLength(1);
  expect(labelsIn('partner-keys', third)).toEqual(['initech']);
  expect(labelsIn('partner-keys-2', second)).toEqual(['globex']);
});
