// A file name the artifact uploader refuses (" : < > | * ? CR LF, as @actions/artifact's
// validateFilePath: NTFS cannot hold them) is bad input before any request: output, audit-log and
// the dotenv. Before, the action made the keys, then the upload failed and they were stranded on an
// ephemeral runner. What counts is the path inside the artifact (under the deepest folder of the
// CSV and the audit log): a folder above it may hold such characters. A recording proxy in front of
// the dev server sees every request: none.
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type RecordingProxy, startRecordingProxy } from '../__fixtures__/recording-proxy.js';
import { runCliBundle } from '../__fixtures__/run-process.js';
import { runBundledAction } from '../scripts/lib/simulate-runner.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';

let server: DevServer;
let proxy: RecordingProxy;
beforeAll(async () => {
  server = await startDevServer({ flavor: 'v1' });
  proxy = await startRecordingProxy(server.url);
});
afterAll(async () => {
  await proxy.close();
  await server.close();
});

const REFUSED = /— expected a path without " : < > \| \* \? or line breaks where the artifact holds it/;

const actionCases: Array<[string, Record<string, string>, string]> = [
  ['output with a colon', { output: 'keys:1.csv' }, 'output'],
  ['output with a line break', { output: 'keys\n1.csv' }, 'output'],
  ['output with a carriage return', { output: 'keys\r1.csv' }, 'output'],
  ['audit-log with a vertical bar', { 'audit-log': 'audit|1.jsonl' }, 'audit-log'],
  [
    'output in a folder with a ? that the artifact holds',
    { output: 'out?/keys.csv', 'audit-log': 'a.jsonl' },
    'output',
  ],
  ['both refused: output is named first', { output: 'k*s/keys.csv', 'audit-log': 'a<b.jsonl' }, 'output'],
];

test.each(actionCases)('the bundled action, %s: the step fails naming it, no request', async (_what, inputs, input) => {
  const result = await runBundledAction({
    command: 'batch',
    count: '2',
    url: proxy.url,
    'admin-token': server.token,
    ...inputs,
  });
  expect(result.code).toBe(1);
  expect(result.stdout).toMatch(new RegExp(`^::error::Invalid input '${input}': [^\\n]*${REFUSED.source}`, 'm'));
  expect(proxy.requests).toEqual([]);
  expect(server.allKeys()).toEqual([]);
});

test('CLI --output with a quote: exit 2, one line, no request', async () => {
  const cwd = mkdtempSync(path.join(tmpdir(), 'refused-name-'));
  const result = await runCliBundle(['batch', '--count', '2', '--url', proxy.url, '--output', 'keys"x.csv'], {
    cwd,
    env: { ADMIN_TOKEN: server.token },
  });
  expect({ code: result.code, stdout: result.stdout }).toEqual({ code: 2, stdout: '' });
  expect(result.stderr.trimEnd().split('\n')).toEqual([
    expect.stringMatching(new RegExp(`^error: Invalid input 'output': "keys\\\\"x.csv" ${REFUSED.source}`)),
  ]);
  expect(proxy.requests).toEqual([]);
});

test('CLI in a GitLab job, --dotenv with a *: exit 2, one line, no request, no dotenv written', async () => {
  const cwd = mkdtempSync(path.join(tmpdir(), 'refused-dotenv-'));
  const result = await runCliBundle(['batch', '--count', '2', '--url', proxy.url, '--dotenv', 'out*.env'], {
    cwd,
    env: { ADMIN_TOKEN: server.token, GITLAB_CI: 'true', CI_PROJECT_DIR: cwd, CI_PIPELINE_ID: '7', CI_JOB_ID: '8' },
  });
  expect(result.code).toBe(2);
  expect(result.stderr.trimEnd().split('\n')).toEqual([
    `error: Invalid input 'dotenv': "out*.env" — expected a file name without " : < > | * ? or line breaks.`,
  ]);
  expect(readdirSync(cwd)).toEqual([]);
  expect(proxy.requests).toEqual([]);
});

// Last: it sends requests, which every test above asserts there are none of.
test('a folder above the artifact may hold a colon: the run goes on and writes the CSV there', async () => {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'colon-')), 'run:1');
  mkdirSync(dir);
  const result = await runCliBundle(
    ['generate', '--url', proxy.url, '--name', 'colon-folder', '--output', path.join(dir, 'keys.csv')],
    { env: { ADMIN_TOKEN: server.token } },
  );
  expect(result.code).toBe(0);
  expect(server.allKeys().map((k) => k.label)).toEqual(['colon-folder']);
});
