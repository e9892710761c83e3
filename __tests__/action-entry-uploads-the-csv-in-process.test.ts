// The action entry run in-process (runAction with a fake core, as create-github-app-token tests
// its main): a batch's CSV is uploaded with the REAL @actions/artifact client to the artifact
// service double, and the outputs, summary and masks are what the runner would get. A failed
// upload fails the step but names where the keys are; the bundle tests cover the same through dist/.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'csv-parse/sync';
import { type ArtifactService, startArtifactService } from '../__fixtures__/artifact-service.js';
import { runActionInProcess } from '../__fixtures__/fake-core.js';
import { invocationId } from '../src/config/context.js';
import { startDevServer } from '../src/dev-server/index.js';
import type { DevServer } from '../src/dev-server/types.js';

let server: DevServer;
let service: ArtifactService;
const savedEnv = { ...process.env };
// The artifact client logs through its own @actions/core, to stdout: kept, to check it for secrets.
let clientOutput = '';
const stdoutWrite = process.stdout.write;
beforeAll(async () => {
  process.stdout.write = ((chunk: string | Uint8Array) => {
    clientOutput += String(chunk);
    return true;
  }) as typeof process.stdout.write;
  server = await startDevServer({ flavor: 'v1' });
  service = await startArtifactService();
  // The real client reads its service from process.env, as on a runner.
  Object.assign(process.env, service.env);
});
afterAll(async () => {
  process.stdout.write = stdoutWrite;
  for (const name of Object.keys(service.env)) if (savedEnv[name] === undefined) delete process.env[name];
  await service.close();
  await server.close();
});

test(
  'batch: the zip holds the CSV byte for byte; outputs, summary and token mask are set; the ' + 'step passes',
  async () => {
    const { core } = await runActionInProcess(
      { command: 'batch', count: '3', limit: '50', url: server.url, 'admin-token': server.token },
      { eventName: 'push', ref: 'refs/tags/v2.0.0', runId: 777, env: { ...service.env, GITHUB_RUN_ATTEMPT: '2' } },
    );
    expect(core.failures).toEqual([]);
    const csvPath = core.outputs['csv-path']!;
    const csv = readFileSync(csvPath);
    expect(parse(csv, { columns: true })).toHaveLength(3);

    const artifact = service.artifacts.find((a) => a.name === `trial-keys-777-${invocationId({})}`)!;
    expect(artifact.finalized).toBe(true);
    // The audit log rides beside the CSV (audit-log-every-write.test.ts checks its lines).
    expect([...artifact.files.keys()].sort()).toEqual([basename(csvPath), 'quota-keys-audit.jsonl'].sort());
    expect(artifact.files.get(basename(csvPath))!.equals(csv)).toBe(true);
    expect(core.outputs).toMatchObject({
      'artifact-id': String(artifact.id),
      'artifact-url': `https://github.com/octo/keys/actions/runs/777/artifacts/${artifact.id}`,
      'artifact-digest': createHash('sha256').update(artifact.zip).digest('hex'),
      'created-count': '3',
      healthy: 'true',
      flavor: 'v1',
    });
    expect(core.summaries).toHaveLength(1);
    expect(core.summaries[0]).toContain(`- **Artifact:** trial-keys-777-${invocationId({})} (kept 1 day)`);
    expect(core.summaries[0]).toContain(`/actions/runs/777/artifacts/${artifact.id}`);
    expect(core.lines.join('\n')).toContain(
      `as artifact trial-keys-777-${invocationId({})} (id ${artifact.id}, kept 1 day)`,
    );
    // Masked before anything could echo it, and never shown.
    expect(core.masked).toContain(server.token);
    expect(clientOutput).toContain(`Artifact trial-keys-777-${invocationId({})} successfully finalized`);
    for (const shown of [core.shown(), clientOutput]) {
      expect(shown).not.toContain(server.token);
      for (const row of parse(csv, { columns: true }) as Array<{ key: string }>) expect(shown).not.toContain(row.key);
    }
  },
);

test("retention-days above the repository's setting is capped to it", async () => {
  const { core } = await runActionInProcess(
    {
      command: 'generate',
      name: 'capped',
      'artifact-name': 'capped-key',
      'retention-days': '30',
      url: server.url,
      'admin-token': server.token,
    },
    { eventName: 'workflow_dispatch', runId: 783, env: { ...service.env, GITHUB_RETENTION_DAYS: '5' } },
  );
  expect(core.failures).toEqual([]);
  expect(core.summaries[0]).toContain('capped-key (kept 5 days)');
});

test('a refused upload fails the step, names the file the keys are in, and still sets the outputs', async () => {
  const refusing = await startArtifactService({ failCreate: true });
  try {
    Object.assign(process.env, refusing.env);
    const { core } = await runActionInProcess(
      {
        command: 'batch',
        count: '2',
        limit: '50',
        url: server.url,
        'admin-token': server.token,
        'artifact-name': 'refused',
      },
      { runId: 790, env: refusing.env },
    );
    const csvPath = core.outputs['csv-path']!;
    expect(existsSync(csvPath)).toBe(true);
    expect(parse(readFileSync(csvPath), { columns: true })).toHaveLength(2);
    expect(core.outputs['created-count']).toBe('2');
    expect(core.outputs['artifact-id']).toBeUndefined();
    expect(core.failures).toHaveLength(1);
    expect(core.failures[0]).toMatch(
      new RegExp(
        `^Uploading the CSV as artifact "refused" failed: .+\\. The keys are only on the runner, at ` +
          `${csvPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.$`,
      ),
    );
    expect(refusing.artifacts).toEqual([]);
  } finally {
    Object.assign(process.env, service.env);
    await refusing.close();
  }
});
