// list with output and rotate with replace write keys to a CSV too: dist/index.js uploads it like a
// batch's; list without output and a dry run upload nothing; in a public repository both are
// refused before any request.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
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
  // Three automatic keys made 40 days ago: due for rotation.
  server = await startDevServerProcess([
    '--flavor',
    'v1p',
    '--seed-keys',
    '3',
    '--seed-age-days',
    '40',
    '--seed-label-prefix',
    'auto-trial-',
  ]);
  proxy = await startRecordingProxy(server.url);
  service = await startArtifactService();
});
afterAll(async () => {
  await service.close();
  await proxy.close();
  await server.stop();
});

const run = (runId: string, inputs: Record<string, string>, payload: object = { repository: { private: true } }) =>
  runBundledAction(
    { url: proxy.url, 'admin-token': server.token, ...inputs },
    { eventName: 'schedule', runId, payload, env: service.env },
  );
const uploaded = (name: string) => service.artifacts.filter((a) => a.name === name);

test('list without output uploads nothing; list with output uploads its CSV', async () => {
  const bare = await run('300', { command: 'list' });
  expect(bare.code).toBe(0);
  expect(uploaded(`trial-keys-300-${STEP}`)).toEqual([]);

  const exported = await run('301', { command: 'list', output: 'all-keys.csv' });
  expect(exported.code).toBe(0);
  const [artifact] = uploaded(`trial-keys-301-${STEP}`);
  const csvPath = exported.outputs['csv-path']!;
  expect(basename(csvPath)).toBe('all-keys.csv');
  expect(artifact!.files.get('all-keys.csv')!.equals(readFileSync(csvPath))).toBe(true);
  expect(exported.outputs['artifact-id']).toBe(String(artifact!.id));
});

test('public repository: rotate with replace and list with output are refused before any request', async () => {
  const before = proxy.requests.length;
  const PUBLIC = { repository: { private: false } };
  for (const [runId, inputs] of [
    ['302', { command: 'rotate', 'older-than-days': '30', 'label-prefix': 'auto-', replace: 'true' }],
    ['303', { command: 'list', output: 'all-keys.csv' }],
  ] as const) {
    const result = await run(runId, inputs, PUBLIC);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error::Refusing to upload plaintext keys/m);
  }
  expect(proxy.requests.length).toBe(before);
});

test('rotate: a dry run uploads nothing; with replace the replacements CSV is uploaded', async () => {
  const dry = await run('304', {
    command: 'rotate',
    'older-than-days': '30',
    'label-prefix': 'auto-',
    replace: 'true',
    'dry-run': 'true',
  });
  expect(dry.code).toBe(0);
  expect(uploaded(`trial-keys-304-${STEP}`)).toEqual([]);

  const result = await run('305', {
    command: 'rotate',
    'older-than-days': '30',
    'label-prefix': 'auto-',
    replace: 'true',
  });
  expect(result.code).toBe(0);
  expect(result.outputs).toMatchObject({ 'deleted-count': '3', 'created-count': '3' });
  const [artifact] = uploaded(`trial-keys-305-${STEP}`);
  const csvPath = result.outputs['csv-path']!;
  const zipped = artifact!.files.get(basename(csvPath))!;
  expect(zipped.equals(readFileSync(csvPath))).toBe(true);
  expect(parse(zipped, { columns: true })).toHaveLength(3);
});
