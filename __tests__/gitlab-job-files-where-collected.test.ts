// A GitLab job is found by what GitLab and gitlab-ci-local both set (CI_JOB_ID, CI_PIPELINE_ID,
// CI_PROJECT_DIR), not by GITLAB_CI alone (gitlab-ci-local sets it to "false"); the CSV and the
// dotenv go to the job's directory, where artifacts are collected, QUOTA_KEYS_CSV is relative to
// it, and the CLI says so plainly when a file cannot be collected. Keys files written in the
// repository root are ignored by git.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCliBundle } from '../__fixtures__/run-process.js';
import { ROOT, startDevServerProcess } from '../scripts/lib/simulate-runner.js';
import { gitlabJobDirectory, isGitlabJob } from '../src/config/context.js';

let server: { url: string; token: string; stop: () => Promise<void> };
const temporary: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gitlab-files-'));
  temporary.push(dir);
  return dir;
};
beforeAll(async () => {
  server = await startDevServerProcess();
});
afterAll(async () => {
  await server.stop();
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

const readDotenv = (file: string) =>
  Object.fromEntries(
    readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
/** The variables gitlab-ci-local gives a job that names an image, run by its shell executor. */
const gitlabCiLocal = (extra: Record<string, string> = {}) => ({
  GITLAB_CI: 'false',
  CI: 'true',
  CI_JOB_ID: '7',
  CI_PIPELINE_ID: '1001',
  CI_PROJECT_DIR: '/builds/acme/trial-keys-does-not-exist',
  CI_SERVER_URL: 'https://gitlab.example.com',
  QUOTA_PROXY_URL: server.url,
  ADMIN_TOKEN: server.token,
  TZ: process.env.TZ,
  ...extra,
});

test('what is a GitLab job', () => {
  expect(isGitlabJob({ GITLAB_CI: 'true' })).toBe(true);
  expect(
    isGitlabJob({ GITLAB_CI: 'false', CI_JOB_ID: '7', CI_PIPELINE_ID: '1001', CI_PROJECT_DIR: '/builds/a/b' }),
  ).toBe(true);
  expect(isGitlabJob({ GITLAB_CI: 'false' })).toBe(false);
  expect(isGitlabJob({ CI_JOB_ID: '7' })).toBe(false);
  expect(isGitlabJob({ GITHUB_ACTIONS: 'true', CI: 'true', GITHUB_RUN_ID: '5' })).toBe(false);
  expect(isGitlabJob({})).toBe(false);
});

test("the job's directory: CI_PROJECT_DIR when it is a folder here, else the working directory with a note", () => {
  const project = tempDir();
  expect(gitlabJobDirectory({ CI_PROJECT_DIR: project }, '/elsewhere')).toEqual({ dir: project });
  const missing = gitlabJobDirectory({ CI_PROJECT_DIR: '/builds/acme/nope' }, project);
  expect(missing.dir).toBe(project);
  expect(missing.note).toMatch(/CI_PROJECT_DIR \(\/builds\/acme\/nope\) is not a folder on this machine/);
  expect(gitlabJobDirectory({}, project)).toMatchObject({
    dir: project,
    note: expect.stringMatching(/CI_PROJECT_DIR is not set/),
  });
});

test(
  "gitlab-ci-local's variables (GITLAB_CI=false, CI_PROJECT_DIR of the container): CSV and " +
    'quota-keys.env in the working directory, and it says so',
  async () => {
    const cwd = tempDir();
    const result = await runCliBundle(['batch', '--count', '2'], {
      cwd,
      env: gitlabCiLocal({ CI_COMMIT_TAG: 'v3.0.0' }),
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      'GitLab job (CI_JOB_ID, CI_PIPELINE_ID and CI_PROJECT_DIR are set; GITLAB_CI is "false", as under ' +
        'gitlab-ci-local).',
    );
    expect(result.stderr).toContain(
      `CI_PROJECT_DIR (/builds/acme/trial-keys-does-not-exist) is not a folder on this machine ` +
        `(gitlab-ci-local's shell executor?): the CSV and the dotenv go to the working directory ${cwd}.`,
    );
    const env = readDotenv(path.join(cwd, 'quota-keys.env'));
    expect(env).toMatchObject({
      QUOTA_KEYS_CREATED: '2',
      QUOTA_KEYS_CSV: expect.stringMatching(/^trial-keys-\d{8}-1001\.csv$/),
    });
    expect(existsSync(path.join(cwd, env.QUOTA_KEYS_CSV!))).toBe(true);
    // GitLab's names and labels, not the command line's.
    expect(readFileSync(path.join(cwd, env.QUOTA_KEYS_CSV!), 'utf8')).toMatch(/release-v3\.0\.0-001-p1001j7/);
  },
);

test(
  'a job that cd-ed into a subfolder: both files in CI_PROJECT_DIR, QUOTA_KEYS_CSV relative to it (as ' +
    'the README says)',
  async () => {
    const project = tempDir();
    const sub = path.join(project, 'tools', 'keys');
    mkdirSync(sub, { recursive: true });
    const result = await runCliBundle(['batch', '--count', '1', '--output', 'out/keys.csv'], {
      cwd: sub,
      env: gitlabCiLocal({ GITLAB_CI: 'true', CI_PROJECT_DIR: project }),
    });
    expect(result.stderr).not.toMatch(/GITLAB_CI is|not a folder|outside the job/);
    expect(result.code).toBe(0);
    expect(readdirSync(sub)).toEqual([]);
    const env = readDotenv(path.join(project, 'quota-keys.env'));
    expect(env.QUOTA_KEYS_CSV).toBe('out/keys.csv');
    expect(existsSync(path.join(project, 'out/keys.csv'))).toBe(true);
  },
);

test(
  'a CSV outside the job directory: the keys are written, and a warning says GitLab will not ' + 'collect them',
  async () => {
    const project = tempDir();
    const elsewhere = path.join(tempDir(), 'keys.csv');
    const result = await runCliBundle(['generate', '--name', 'outside', '--output', elsewhere], {
      cwd: project,
      env: gitlabCiLocal({ GITLAB_CI: 'true', CI_PROJECT_DIR: project }),
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      `warning: the CSV ${elsewhere} is outside the job's directory ${project}: GitLab collects artifacts ` +
        `only from inside it, so it will not be in the job's artifacts. Give a path inside it.`,
    );
    expect(existsSync(elsewhere)).toBe(true);
    expect(readDotenv(path.join(project, 'quota-keys.env')).QUOTA_KEYS_CSV).toBe(elsewhere);
  },
);

test('a failed run whose dotenv cannot be written says so, next to the failure', async () => {
  const project = tempDir();
  const result = await runCliBundle(
    ['batch', '--url', 'http://127.0.0.1:9', '--retries', '0', '--dotenv', 'missing/dir/q.env'],
    {
      cwd: project,
      env: gitlabCiLocal({ GITLAB_CI: 'true', CI_PROJECT_DIR: project }),
    },
  );
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/^error: Health check failed/m);
  expect(result.stderr).toContain(
    `error: Could not write the dotenv file ${path.join(project, 'missing/dir/q.env')}: ENOENT`,
  );
});

test('keys files in the repository root are ignored by git', () => {
  const names = [
    'trial-keys-20261129-abc123.csv',
    'trial-keys-20261129-abc123-2.csv',
    'trial-keys-20261129-abc123.csv.age',
    'keys-1001.csv',
    'quota-keys.env',
    '.gitlab-ci-local/artifacts/job/keys-1.csv',
  ];
  const ignored = execFileSync('git', ['check-ignore', '--no-index', ...names], { cwd: ROOT, encoding: 'utf8' })
    .trim()
    .split('\n');
  expect(ignored).toEqual(names);
});
