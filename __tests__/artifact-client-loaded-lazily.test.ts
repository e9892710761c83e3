// @actions/artifact (with the Azure SDK, most of the bundle) and age-encryption are separate ncc
// chunks, imported only when a CSV is uploaded or encrypted. Proof: in a copy of dist/ whose two
// chunks throw when evaluated, health, list without output, usage, monitor and a batch that uploads
// nothing still run, while a batch that uploads (or encrypts) trips the wire.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { type ArtifactService, startArtifactService } from '../__fixtures__/artifact-service.js';
import { ROOT, runBundledAction, startDevServerProcess } from '../scripts/lib/simulate-runner.js';

const DIST = path.join(ROOT, 'dist');
const ARTIFACT_MARKER = 'FinalizeArtifact'; // the Twirp method: only in @actions/artifact
const AGE_MARKER = 'age-encryption.org/v1'; // the age header: only in age-encryption

/** The top-level chunks of the action bundle that contain `marker`. */
function chunksWith(marker: string): string[] {
  return readdirSync(DIST).filter(
    (name) => name.endsWith('.js') && readFileSync(path.join(DIST, name), 'utf8').includes(marker),
  );
}

type Server = { url: string; token: string; stop: () => Promise<void> };
let server: Server;
let service: ArtifactService;
let entry: string;
let copy: string;
beforeAll(async () => {
  server = await startDevServerProcess();
  service = await startArtifactService();
  copy = mkdtempSync(path.join(tmpdir(), 'dist-tripwire-'));
  cpSync(DIST, copy, { recursive: true });
  for (const [marker, tag] of [
    [ARTIFACT_MARKER, 'artifact'],
    [AGE_MARKER, 'age'],
  ] as const) {
    for (const chunk of chunksWith(marker))
      writeFileSync(path.join(copy, chunk), `throw new Error('tripwire: the ${tag} chunk ${chunk} was loaded');\n`);
  }
  entry = path.join(copy, 'index.js');
});
afterAll(async () => {
  await service.close();
  await server.stop();
  if (copy) rmSync(copy, { recursive: true, force: true });
});

test('ncc emits @actions/artifact and age-encryption as chunks of their own, outside index.js', () => {
  for (const marker of [ARTIFACT_MARKER, AGE_MARKER]) {
    const chunks = chunksWith(marker);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).not.toBe('index.js');
  }
});

const run = (inputs: Record<string, string>) =>
  runBundledAction(
    { url: server.url, 'admin-token': server.token, ...inputs },
    { eventName: 'schedule', runId: '600', env: service.env, entry },
  );

test('health runs without loading either chunk', async () => {
  const result = await run({ command: 'health' });
  expect(result.stdout + result.stderr).not.toContain('tripwire');
  expect(result.code).toBe(0);
  expect(result.outputs.healthy).toBe('true');
});

test.each<Record<string, string>>([
  { command: 'list' },
  { command: 'usage' },
  { command: 'monitor' },
  { command: 'batch', 'upload-artifact': 'false' },
])('%p never loads either chunk', async (inputs) => {
  const result = await run(inputs);
  expect(result.stdout + result.stderr).not.toContain('tripwire');
  expect(result.code).toBe(0);
});

test('control: a batch that uploads loads the artifact chunk (so the tripwire works)', async () => {
  const result = await run({ command: 'batch' });
  expect(result.code).toBe(1);
  expect(result.stdout).toMatch(
    /::error::Uploading the CSV as artifact .*tripwire: the artifact chunk \d+\.index\.js was loaded/,
  );
});

test('control: encrypt-to loads the age chunk', async () => {
  const recipient = await identityToRecipient(await generateIdentity());
  const result = await run({ command: 'batch', 'upload-artifact': 'false', 'encrypt-to': recipient });
  expect(result.code).toBe(1);
  expect(result.stdout).toMatch(
    /::error::Encrypting the CSV for encrypt-to failed \(tripwire: the age chunk \d+\.index\.js was loaded\)/,
  );
  // The outputs still say what was created.
  expect(result.outputs['created-count']).toBe('1');
});
