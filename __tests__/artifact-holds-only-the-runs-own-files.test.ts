// The artifact holds only the files this run wrote: an audit log that was already there (committed,
// say) and to which the run wrote nothing is not uploaded, nor a CSV path that is no longer the
// file the run wrote (a symbolic link put there since). The real @actions/artifact client against
// the artifact service double.
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ArtifactService, startArtifactService } from '../__fixtures__/artifact-service.js';
import { captureLog } from '../__fixtures__/capture-log.js';
import { runActionInProcess } from '../__fixtures__/fake-core.js';
import type { RunContext } from '../src/config/context.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';
import { deliverCsv } from '../src/output/artifact.js';
import { defaultArtifactClient } from '../src/platform/artifact-client.js';
import { Report } from '../src/report/report.js';

let server: DevServer;
let service: ArtifactService;
const savedEnv = { ...process.env };
const stdoutWrite = process.stdout.write;
beforeAll(async () => {
  // The artifact client logs through its own @actions/core, to stdout.
  process.stdout.write = (() => true) as typeof process.stdout.write;
  [server, service] = await Promise.all([startDevServer({ flavor: 'v1' }), startArtifactService()]);
  Object.assign(process.env, service.env);
});
afterAll(async () => {
  process.stdout.write = stdoutWrite;
  for (const name of Object.keys(service.env)) if (savedEnv[name] === undefined) delete process.env[name];
  await Promise.all([service.close(), server.close()]);
});

test('an audit log that was there, to which the run wrote nothing, is not uploaded', async () => {
  const workspace = mkdtempSync(path.join(tmpdir(), 'own-files-'));
  const committed = path.join(workspace, 'quota-keys-audit.jsonl');
  writeFileSync(committed, '{"committed":"a line of the repository, not of this run"}\n');
  // A wrong token: the token check stops the run before any write, so no audit line.
  const { core } = await runActionInProcess(
    { command: 'generate', name: 'none', url: server.url, 'admin-token': 'a-wrong-token-0123456789' },
    { env: { ...service.env, GITHUB_WORKSPACE: workspace } },
  );
  expect(core.failures).toEqual([expect.stringContaining('refused the admin token')]);
  expect(service.artifacts).toEqual([]);
  expect(readFileSync(committed, 'utf8')).toBe('{"committed":"a line of the repository, not of this run"}\n');
});

test('a CSV path that became a symbolic link is not uploaded: a warning says so', async () => {
  const outside = path.join(mkdtempSync(path.join(tmpdir(), 'own-outside-')), 'secret.txt');
  writeFileSync(outside, 'not the keys\n');
  const csvPath = path.join(mkdtempSync(path.join(tmpdir(), 'own-csv-')), 'keys.csv');
  symlinkSync(outside, csvPath);
  const { log, lines } = captureLog();
  const failure = await deliverCsv(
    Object.assign(new Report('generate'), { csvPath }),
    {
      command: 'generate',
      uploadArtifact: true,
      encryptTo: [],
      allowPublicArtifact: false,
      artifactName: 'keys',
      artifactNameGiven: true,
      overwriteArtifact: false,
      retentionDays: 1,
    },
    { publicRepository: false, runId: '1' } as RunContext,
    { ...process.env },
    log,
    defaultArtifactClient,
  );
  expect(failure).toBeUndefined();
  expect(service.artifacts).toEqual([]);
  expect(lines).toContain(
    `warning: ${csvPath} is no longer the file this run wrote (a symbolic link?): it is not uploaded.`,
  );
});
