// `batch --resume FILE` refuses, before any request, a FILE it cannot continue: missing, a folder, a
// symlink, not a keys CSV of quota-keys batch, keys of more than one batch; and flags that say
// another batch than FILE records (--count, --name, --output), another command, a servers file, or
// the action (a re-run of the job resumes there). Exit 2, one line naming the input, no request.
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCliBundle } from '../__fixtures__/run-process.js';
import { runBundledAction } from '../scripts/lib/simulate-runner.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';

let maker: DevServer;
let server: DevServer;
const cwd = mkdtempSync(path.join(tmpdir(), 'resume-bad-'));
const at = (name: string) => path.join(cwd, name);

beforeAll(async () => {
  maker = await startDevServer({ flavor: 'v1' });
  server = await startDevServer({ flavor: 'v1' });
  // Two real batches to resume (made on another server, so that `server` sees nothing).
  for (const [name, file] of [
    ['one', 'one.csv'],
    ['two', 'two.csv'],
  ]) {
    const made = await runCliBundle(['batch', '--count', '3', '--name', name!, '--output', at(file!)], {
      cwd,
      env: { ADMIN_TOKEN: maker.token, QUOTA_PROXY_URL: maker.url },
    });
    expect(made.code).toBe(0);
  }
  const [header, ...rows] = readFileSync(at('one.csv'), 'utf8').trimEnd().split('\r\n');
  const other = readFileSync(at('two.csv'), 'utf8').trimEnd().split('\r\n').slice(1);
  writeFileSync(at('both.csv'), `${[header, ...rows, ...other].join('\r\n')}\r\n`);
  writeFileSync(at('other.csv'), 'name,email\r\nann,ann@example.com\r\n');
  // Our columns without batch_count: a CSV of list --output, or of a version that did not record it.
  // (No cell of these rows holds a comma: v1 labels, keys, numbers and ISO dates.)
  const batchCountAt = header!.split(',').indexOf('batch_count');
  const without = (line: string) => line.split(',').toSpliced(batchCountAt, 1).join(',');
  writeFileSync(at('old.csv'), `${[header!, ...rows].map(without).join('\r\n')}\r\n`);
  writeFileSync(at('header-only.csv'), `${header}\r\n`);
  const handMade = header!
    .split(',')
    .map((column) => ({ label: 'hand-made', key: 'sk-0123456789abcdef', batch_count: '3' })[column] ?? '');
  writeFileSync(at('not-a-batch.csv'), `${header}\r\n${handMade.join(',')}\r\n`);
  symlinkSync(at('one.csv'), at('link.csv'));
  mkdirSync(at('folder.csv'));
});
afterAll(async () => {
  await maker.close();
  await server.close();
});

const cases: Array<[string, string, string[]]> = [
  ['a missing file', 'resume', ['batch', '--resume', 'missing.csv']],
  ['a folder', 'resume', ['batch', '--resume', 'folder.csv']],
  ['a symlink', 'resume', ['batch', '--resume', 'link.csv']],
  ['a CSV of something else', 'resume', ['batch', '--resume', 'other.csv']],
  ['a CSV without batch_count', 'resume', ['batch', '--resume', 'old.csv']],
  ['a CSV with no key', 'resume', ['batch', '--resume', 'header-only.csv']],
  ['a label that is no batch label', 'resume', ['batch', '--resume', 'not-a-batch.csv']],
  ['keys of two batches', 'resume', ['batch', '--resume', 'both.csv']],
  ['another count', 'count', ['batch', '--resume', 'one.csv', '--count', '5']],
  ['another name', 'name', ['batch', '--resume', 'one.csv', '--name', 'two']],
  ['another output', 'output', ['batch', '--resume', 'one.csv', '--output', 'elsewhere.csv']],
  ['another command', 'resume', ['list', '--resume', 'one.csv']],
  ['a servers file', 'resume', ['batch', '--resume', 'one.csv', '--config', 'servers.yml']],
];

test.each(cases)('%s: exit 2, one line naming %s, no request', async (_what, input, args) => {
  writeFileSync(at('servers.yml'), `- name: one\n  url: ${server.url}\n  token-env: ADMIN_TOKEN\n`);
  const url = args.includes('--config') ? [] : ['--url', server.url];
  const result = await runCliBundle([...args, ...url], { cwd, env: { ADMIN_TOKEN: server.token } });
  expect({ code: result.code, stderr: result.stderr }).toEqual({
    code: 2,
    stderr: expect.stringMatching(new RegExp(`^error: Invalid input '${input}'[^\n]*\n$`)),
  });
  expect(result.stderr).not.toMatch(/sk-[0-9a-f]{20}/);
  expect(server.requests).toEqual([]);
});

test('the same count, name and output as FILE are accepted', async () => {
  const result = await runCliBundle(
    ['batch', '--resume', 'one.csv', '--count', '3', '--name', 'one', '--output', 'one.csv', '--dry-run'],
    { cwd, env: { ADMIN_TOKEN: maker.token, QUOTA_PROXY_URL: maker.url } },
  );
  expect({ code: result.code, stderr: result.stderr }).toMatchObject({ code: 0 });
  expect(result.stdout).toMatch(/Would create: 0/);
});

test('the action has no resume input: a re-run of the job resumes; given anyway, it is refused', async () => {
  const result = await runBundledAction({
    command: 'batch',
    url: server.url,
    'admin-token': server.token,
    resume: 'one.csv',
  });
  expect(result.code).toBe(1);
  expect(result.stdout).toMatch(/::error::Invalid input 'resume'.*re-run/);
  expect(server.requests).toEqual([]);
});
