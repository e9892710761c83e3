// No file is written through a symbolic link the run did not make: a link at the audit log's
// default path (committed to the repository, say) once had the outside file chmod-ed to 0600,
// appended to and uploaded. A link at the path of the audit log, the CSV (output, usage --output)
// or the dotenv, or a linked folder of the workspace on the way to one, is bad input naming it,
// before any request; the outside file keeps its content and its mode.
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
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
afterEach(() => {
  expect(proxy.requests).toEqual([]);
  expect(server.allKeys()).toEqual([]);
});

const CONTENT = "outside the workspace: not the run's to touch\n";

/** A workspace, and a folder outside it holding secret.txt (0644). */
function setUp() {
  const workspace = mkdtempSync(path.join(tmpdir(), 'link-ws-'));
  const outside = mkdtempSync(path.join(tmpdir(), 'link-outside-'));
  const secret = path.join(outside, 'secret.txt');
  writeFileSync(secret, CONTENT);
  chmodSync(secret, 0o644);
  const untouched = () => {
    expect(readFileSync(secret, 'utf8')).toBe(CONTENT);
    expect(statSync(secret).mode & 0o777).toBe(0o644);
    expect(readdirSync(outside)).toEqual(['secret.txt']);
  };
  return { workspace, outside, secret, untouched };
}

const LINK = 'is a symbolic link, and the run writes no file through a link it did not make';

test('the action: a link at the default audit log path is refused, the outside file untouched', async () => {
  const { workspace, secret, untouched } = setUp();
  symlinkSync(secret, path.join(workspace, 'quota-keys-audit.jsonl'));
  const result = await runBundledAction(
    { command: 'generate', name: 'linked', url: proxy.url, 'admin-token': server.token },
    { workspace },
  );
  expect(result.code).toBe(1);
  expect(result.stdout).toContain(
    `::error::Invalid input 'audit-log': "quota-keys-audit.jsonl" — ` +
      `${path.join(workspace, 'quota-keys-audit.jsonl')} ${LINK}; remove it, or set audit-log to another path ` +
      '(or none).',
  );
  untouched();
});

test.each([
  ['a link at output', 'keys.csv', 'keys.csv', 'secret'],
  ['a linked folder of the workspace on the way to output', 'out/keys.csv', 'out', 'outside'],
] as const)('the action, %s: refused naming output', async (_what, output, link, target) => {
  const files = setUp();
  symlinkSync(files[target], path.join(files.workspace, link));
  const result = await runBundledAction(
    { command: 'batch', count: '2', output, url: proxy.url, 'admin-token': server.token },
    { workspace: files.workspace },
  );
  expect(result.code).toBe(1);
  expect(result.stdout).toContain(
    `::error::Invalid input 'output': "${output}" — ${path.join(files.workspace, link)} ${LINK}`,
  );
  files.untouched();
});

test('CLI in a GitLab job: a link at the default dotenv is refused, exit 2, one line', async () => {
  const { workspace, secret, untouched } = setUp();
  symlinkSync(secret, path.join(workspace, 'quota-keys.env'));
  mkdirSync(path.join(workspace, 'sub'));
  const result = await runCliBundle(['batch', '--count', '2', '--url', proxy.url], {
    cwd: path.join(workspace, 'sub'),
    env: {
      ADMIN_TOKEN: server.token,
      GITLAB_CI: 'true',
      CI_PROJECT_DIR: workspace,
      CI_PIPELINE_ID: '7',
      CI_JOB_ID: '8',
    },
  });
  expect(result.code).toBe(2);
  expect(result.stderr.trimEnd().split('\n')).toEqual([
    `error: Invalid input 'dotenv': "quota-keys.env" — ${path.join(workspace, 'quota-keys.env')} ${LINK}; remove ` +
      'it or give another path.',
  ]);
  untouched();
});

test.each([
  ['usage --output', ['usage', '--output', 'usage.csv'], 'usage.csv', 'output'],
  ['--audit-log', ['reset', '--key', 'sk-x', '--audit-log', 'audit.jsonl'], 'audit.jsonl', 'audit-log'],
  ['list --output', ['list', '--output', 'list.csv'], 'list.csv', 'output'],
])('CLI %s at a link: exit 2, one line', async (_what, args, file, input) => {
  const { workspace, secret, untouched } = setUp();
  symlinkSync(secret, path.join(workspace, file));
  const result = await runCliBundle([...args, '--url', proxy.url], {
    cwd: workspace,
    env: { ADMIN_TOKEN: server.token },
  });
  expect(result.code).toBe(2);
  expect(result.stderr.trimEnd().split('\n')).toEqual([
    `error: Invalid input '${input}': "${file}" — ${path.join(workspace, file)} ${LINK}; remove it or give ` +
      'another path.',
  ]);
  untouched();
});
