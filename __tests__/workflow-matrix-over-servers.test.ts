// The shipped matrix workflow over the servers file (servers-keys.yml): its first job's own script,
// run by bash here, outputs exactly the names quota-keys reads from the file; the matrix runs the
// action once per name with config + server, each leg with its own invocation id and artifact, and
// every token-env of the file filled from a secret. actionlint and the declared inputs are checked
// for every workflow by workflows-lint.test.ts; docs/many-servers.md quotes this one as it is.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { startProcess } from '../__fixtures__/run-process.js';
import { readServersFile } from '../src/multi/servers.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const FILE = '.github/workflows/servers-keys.yml';
const text = readFileSync(path.join(ROOT, FILE), 'utf8');
type Step = { id?: string; run?: string; uses?: string; with?: Record<string, unknown>; env?: Record<string, string> };
type Job = { needs?: string; steps: Step[]; outputs?: Record<string, string>; env?: Record<string, string> };
const wf = parse(text) as { jobs: Record<string, Job & { strategy?: any }> };

test("the first job's script outputs the server names quota-keys reads from the file, as JSON", async () => {
  const list = wf.jobs.servers!.steps.find((s) => s.id === 'list')!;
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'gh-output-')), 'output');
  const { code, stderr } = await startProcess('bash', ['-e', '-c', list.run!], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_OUTPUT: out, ...list.env },
  }).done;
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  const names = JSON.parse(/^names=(.*)$/m.exec(readFileSync(out, 'utf8'))![1]!);
  const file = path.join(ROOT, list.env!.SERVERS!);
  expect(names).toEqual((await readServersFile(file)).map((s) => s.name));
  expect(names.length).toBeGreaterThan(1);
  expect(wf.jobs.servers!.outputs).toEqual({ names: '${{ steps.list.outputs.names }}' });
});

test('one leg per server: config + server from the matrix, its own invocation id, tokens from secrets', async () => {
  const keys = wf.jobs.keys!;
  expect(keys.needs).toBe('servers');
  expect(keys.strategy).toEqual({
    'fail-fast': false,
    matrix: { server: '${{ fromJSON(needs.servers.outputs.names) }}' },
  });
  const action = keys.steps.find((s) => s.uses === './')!;
  const config = wf.jobs.servers!.steps.find((s) => s.id === 'list')!.env!.SERVERS;
  expect(action.with).toMatchObject({
    config,
    server: '${{ matrix.server }}',
    'invocation-id': '${{ matrix.server }}',
  });
  // No artifact-name: with server set, each leg's default is trial-keys-<server>-<run id>-<step>.
  expect(action.with!['artifact-name']).toBeUndefined();
  for (const server of await readServersFile(path.join(ROOT, config!)))
    expect(action.env![server.tokenEnv]).toBe(`\${{ secrets.${server.tokenEnv} }}`);
});

test('docs/many-servers.md quotes it as it is', () => {
  expect(readFileSync(path.join(ROOT, 'docs/many-servers.md'), 'utf8')).toContain(`\`\`\`yaml\n${text}\`\`\``);
});
