// The CLI's main() in-process: the report goes to stdout (list lines alone, for scripts; facts to
// stderr), failures to stderr with exit 1, bad input exit 2 with the token masked, --dotenv and
// GitLab jobs get the outputs as a file also when the run failed, and the CSV is written where
// --output says. The bundle tests check the same through dist/cli.js.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { runCliInProcess } from '../__fixtures__/cli-in-process.js';
import { startDevServer } from '../src/dev-server/index.js';
import type { DevServer } from '../src/dev-server/types.js';
import { VERSION } from '../src/version.js';

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer({ flavor: 'v1' });
});
afterAll(() => server.close());

const dir = () => mkdtempSync(path.join(tmpdir(), 'cli-in-process-'));
const env = () => ({ QUOTA_PROXY_URL: server.url, ADMIN_TOKEN: server.token, TZ: process.env.TZ });

test('--version and --help print to stdout and exit 0', async () => {
  expect(await runCliInProcess(['--version'], {})).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  const help = await runCliInProcess(['--help'], {});
  expect(help.code).toBe(0);
  expect(help.stdout).toMatch(/^USAGE\n {2}quota-keys <command> \[flags\]$/m);
  expect(help.stderr).toBe('');
});

test(
  'no command: exit 2 with the usage and the commands on stderr; a token given as a stray word ' + 'is not echoed',
  async () => {
    const none = await runCliInProcess([], env());
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^Usage: quota-keys <command> \[flags\]/);
    expect(none.stderr).toMatch(/^Commands: .*generate/m);
    expect(none.stdout).toBe('');
    const stray = await runCliInProcess(['batch', '--token', server.token, server.token], {});
    expect(stray.code).toBe(2);
    expect(stray.stderr).not.toContain(server.token);
  },
);

test('generate: the summary on stdout, the CSV at --output, exit 0; no key or token shown', async () => {
  const output = path.join(dir(), 'keys.csv');
  const result = await runCliInProcess(['generate', '--name', 'in-process', '--output', output], env());
  expect(result.code).toBe(0);
  const rows = parse(readFileSync(output), { columns: true }) as Array<Record<string, string>>;
  expect(rows).toHaveLength(1);
  expect(result.stdout).toContain('Server: ');
  expect(result.stdout).toContain('Healthy: yes');
  for (const shown of [result.stdout, result.stderr]) {
    expect(shown).not.toContain(rows[0]!.key);
    expect(shown).not.toContain(server.token);
  }
});

test('list: only the key lines on stdout, the facts on stderr', async () => {
  const keys = server.seedKeys(2, { labelPrefix: 'listed-in-process' });
  const result = await runCliInProcess(['list', '--skip-health-check'], env());
  expect(result.code).toBe(0);
  const lines = result.stdout.trimEnd().split('\n');
  expect(lines.filter((l) => l.includes('listed-in-process'))).toHaveLength(2);
  for (const key of keys) expect(result.stdout).not.toContain(key);
  expect(result.stderr).toContain('Server: ');
  expect(result.stdout).not.toContain('Server: ');
});

test('an unhealthy server: the error on stderr, exit 1, and --dotenv still gets the outputs', async () => {
  server.setHealth('error500');
  try {
    const dotenv = path.join(dir(), 'out.env');
    const result = await runCliInProcess(['health', '--retries', '0', '--dotenv', dotenv], env());
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: .*500/m);
    expect(readFileSync(dotenv, 'utf8')).toContain('QUOTA_KEYS_HEALTHY=false');
  } finally {
    server.setHealth('ok');
  }
});

test(
  'a GitLab job: quota-keys.env in CI_PROJECT_DIR, and a note when GITLAB_CI is not "true" ' + '(gitlab-ci-local)',
  async () => {
    const job = dir();
    const gitlab = { ...env(), CI_PROJECT_DIR: job, CI_PIPELINE_ID: '4242', CI_JOB_ID: '99', GITLAB_CI: 'false' };
    const result = await runCliInProcess(['batch', '--count', '2', '--limit', '10'], gitlab);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      'GitLab job (CI_JOB_ID, CI_PIPELINE_ID and CI_PROJECT_DIR are set; GITLAB_CI is "false", as under ' +
        'gitlab-ci-local).',
    );
    const dotenv = readFileSync(path.join(job, 'quota-keys.env'), 'utf8');
    expect(dotenv).toContain('QUOTA_KEYS_CREATED=2');
    const csv = /^QUOTA_KEYS_CSV=(.*)$/m.exec(dotenv)![1]!;
    expect(existsSync(path.join(job, csv))).toBe(true);
  },
);

test('bad input with --dotenv: exit 2, and the dotenv file is still written', async () => {
  const dotenv = path.join(dir(), 'bad.env');
  const result = await runCliInProcess(['batch', '--count', 'many', '--dotenv', dotenv], env());
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/^error: Invalid input 'count': "many"/);
  expect(existsSync(dotenv)).toBe(true);
});
