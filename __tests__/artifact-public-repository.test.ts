// A public repository's artifacts can be downloaded by any signed-in GitHub user: plaintext keys are
// refused before a single request is sent, unless encrypt-to (uploads <csv>.age) or
// allow-public-artifact says otherwise.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { Decrypter, generateIdentity, identityToRecipient } from 'age-encryption';
import { parse } from 'csv-parse/sync';
import { type ArtifactService, startArtifactService } from '../__fixtures__/artifact-service.js';
import { type RecordingProxy, startRecordingProxy } from '../__fixtures__/recording-proxy.js';
import { runBundledAction, startDevServerProcess } from '../scripts/lib/simulate-runner.js';
import { invocationId } from '../src/config/context.js';

/** The default artifact name's step hash: the runner double sets no GITHUB_JOB or GITHUB_ACTION. */
const STEP = invocationId({});

type Server = { url: string; token: string; stop: () => Promise<void> };
let server: Server;
let proxy: RecordingProxy;
let service: ArtifactService;
beforeAll(async () => {
  server = await startDevServerProcess();
  proxy = await startRecordingProxy(server.url);
  service = await startArtifactService();
});
afterAll(async () => {
  await service.close();
  await proxy.close();
  await server.stop();
});
beforeEach(() => {
  proxy.requests.length = 0;
});

const PUBLIC = { repository: { full_name: 'octo/keys', private: false, visibility: 'public' } };
const event = (runId: string) => ({
  eventName: 'push',
  ref: 'refs/tags/v3.0.0',
  runId,
  payload: PUBLIC,
  env: service.env,
});
const inputs = (extra: Record<string, string> = {}) => ({
  command: 'batch',
  count: '2',
  url: proxy.url,
  'admin-token': server.token,
  ...extra,
});

test.each(['batch', 'generate'])(
  '%s in a public repository: refused before any request, nothing created or uploaded',
  async (command) => {
    const uploads = service.artifacts.length;
    const result = await runBundledAction(inputs({ command }), event('900'));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      new RegExp(
        '^::error::Refusing to upload plaintext keys as an artifact of a public' +
          String.raw` repository .*no key was created\. Set encrypt-to`,
        'm',
      ),
    );
    expect(proxy.requests).toEqual([]);
    expect(readdirSync(result.workspace)).toEqual([]);
    expect(service.artifacts.length).toBe(uploads);
  },
);

test('health in a public repository writes no CSV and runs', async () => {
  const result = await runBundledAction(inputs({ command: 'health' }), event('901'));
  expect(result.code).toBe(0);
  expect(proxy.requests).toEqual(['GET /healthz']);
});

test('upload-artifact: false in a public repository: keys created, nothing uploaded', async () => {
  const uploads = service.artifacts.length;
  const result = await runBundledAction(inputs({ 'upload-artifact': 'false' }), event('902'));
  expect(result.code).toBe(0);
  expect(result.outputs['created-count']).toBe('2');
  expect(service.artifacts.length).toBe(uploads);
});

test('allow-public-artifact: true uploads the plaintext CSV', async () => {
  const result = await runBundledAction(inputs({ 'allow-public-artifact': 'true' }), event('903'));
  expect(result.code).toBe(0);
  const csvPath = result.outputs['csv-path']!;
  const artifact = service.artifacts.find((a) => a.name === `trial-keys-903-${STEP}`)!;
  expect(artifact.files.get(basename(csvPath))!.equals(readFileSync(csvPath))).toBe(true);
});

test('encrypt-to: uploads <csv>.age that the identity decrypts; no plaintext left in the workspace', async () => {
  const identity = await generateIdentity();
  const other = await generateIdentity();
  const recipients = `${await identityToRecipient(identity)},\n${await identityToRecipient(other)}`;
  const result = await runBundledAction(inputs({ 'encrypt-to': recipients, name: 'press-kit' }), event('904'));
  expect(result.code).toBe(0);

  const agePath = result.outputs['csv-path']!;
  expect(agePath).toMatch(/^.*\/trial-keys-\d{8}-904\.csv\.age$/);
  // Beside it only the audit log, which holds fingerprints, never a key.
  expect(readdirSync(dirname(agePath)).sort()).toEqual([basename(agePath), 'quota-keys-audit.jsonl'].sort());
  expect(existsSync(agePath.replace(/\.age$/, ''))).toBe(false);
  expect(readFileSync(agePath).subarray(0, 21).toString()).toBe('age-encryption.org/v1');

  const artifact = service.artifacts.find((a) => a.name === `trial-keys-904-${STEP}`)!;
  expect([...artifact.files.keys()].sort()).toEqual([basename(agePath), 'quota-keys-audit.jsonl'].sort());
  const uploaded = artifact.files.get(basename(agePath))!;
  expect(uploaded.equals(readFileSync(agePath))).toBe(true);
  expect(result.summary).toContain('(kept 1 day, age-encrypted)');

  for (const id of [identity, other]) {
    const decrypter = new Decrypter();
    decrypter.addIdentity(id);
    const csv = await decrypter.decrypt(uploaded, 'text');
    const rows = parse(csv, { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => r.label!.replace(/i[0-9a-f]{6}n[0-9a-f]{6}$/, '')).sort()).toEqual([
      'press-kit-001-r904a1',
      'press-kit-002-r904a1',
    ]);
    expect(csv.startsWith('label,key,daily_limit,created_at')).toBe(true);
  }
  // A stranger's identity cannot read it.
  const stranger = new Decrypter();
  stranger.addIdentity(await generateIdentity());
  await expect(stranger.decrypt(uploaded)).rejects.toThrow();
});

test('a private repository uploads plaintext without asking', async () => {
  const result = await runBundledAction(inputs(), {
    ...event('905'),
    payload: { repository: { private: true, visibility: 'private' } },
  });
  expect(result.code).toBe(0);
  expect(result.outputs['artifact-id']).toMatch(/^\d+$/);
  expect(result.outputs['csv-path']).toMatch(/\.csv$/);
});

test('an event payload that does not name the repository counts as public: refused before any request', async () => {
  const result = await runBundledAction(inputs(), {
    eventName: 'schedule',
    runId: '909',
    payload: { schedule: '17 3 * * *' },
    env: service.env,
  });
  expect(result.code).toBe(1);
  expect(result.stdout).toMatch(
    new RegExp(
      '^::error::Refusing to upload plaintext keys as an artifact of a' +
        String.raw` repository that may be public \(the event payload does not say\).*no key` +
        ' was created',
      'm',
    ),
  );
  expect(proxy.requests).toEqual([]);
});

test(
  'a repository in the payload that says neither private nor visibility counts as public too: refused ' +
    'before any request',
  async () => {
    const payload = { repository: { full_name: 'octo/keys' } };
    const result = await runBundledAction(inputs(), { eventName: 'schedule', runId: '910', payload, env: service.env });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      new RegExp(
        '^::error::Refusing to upload plaintext keys as an artifact of a' +
          String.raw` repository that may be public \(the event payload does not say\).*no key` +
          ' was created',
        'm',
      ),
    );
    expect(proxy.requests).toEqual([]);
  },
);
