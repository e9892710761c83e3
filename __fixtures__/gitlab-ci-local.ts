// gitlab-ci-local as a user runs it: in a project folder that is a git checkout with a GitLab
// remote, with its own predefined variables (GITLAB_CI=false, CI_PROJECT_DIR of its own), the shell
// executor and, by default, --shell-isolation (artifacts handed over as GitLab does).
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from '../scripts/lib/simulate-runner.js';

const GITLAB_CI_LOCAL = path.join(ROOT, 'node_modules/gitlab-ci-local/dist/index.js');
const RSYNC_STAND_IN = path.join(ROOT, '__fixtures__/bin');

/** A project checkout as GitLab would clone it: `parts` of this repository, a pipeline, a remote. */
export function gitlabProject(pipeline: string, parts: string[], temporary: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'gcl-project-'));
  temporary.push(dir);
  for (const part of parts) {
    cpSync(path.join(ROOT, part), path.join(dir, part), { recursive: true });
  }
  writeFileSync(path.join(dir, '.gitlab-ci.yml'), pipeline);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('-c', 'user.name=test', '-c', 'user.email=test@example.com', 'commit', '-qm', 'pipeline');
  // gitlab-ci-local derives CI_PROJECT_PATH and friends from the remote, and the default branch from origin/HEAD.
  git('remote', 'add', 'origin', 'git@gitlab.example.com:acme/trial-keys.git');
  git('update-ref', 'refs/remotes/origin/main', 'HEAD');
  git('symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/main');
  return dir;
}

/** Runs the pipeline of `dir` with only these variables of its own (never GITLAB_CI nor CI_PROJECT_DIR). */
export async function runGitlabCiLocal(
  dir: string,
  variables: Record<string, string>,
  temporary: string[],
  { isolation = true } = {},
): Promise<{ code: number | null; output: string }> {
  for (const own of ['GITLAB_CI', 'CI_PROJECT_DIR'])
    if (own in variables) throw new Error(`${own} is gitlab-ci-local's`);
  const home = mkdtempSync(path.join(tmpdir(), 'gcl-home-'));
  temporary.push(home);
  const child = spawn(
    process.execPath,
    [
      GITLAB_CI_LOCAL,
      '--home',
      home,
      '--force-shell-executor',
      ...(isolation ? ['--shell-isolation'] : []),
      '--no-color',
      ...Object.entries(variables).flatMap(([k, v]) => ['--variable', `${k}=${v}`]),
    ],
    {
      cwd: dir, // (--cwd takes relative paths only)
      // Jobs run `node` from PATH: the Node.js running these tests first. gitlab-ci-local copies files
      // with rsync, which a fresh machine lacks: the tests bring a stand-in (__fixtures__/bin/rsync).
      env: {
        PATH: `${RSYNC_STAND_IN}:${path.dirname(process.execPath)}:${process.env.PATH}`,
        HOME: home,
        TZ: process.env.TZ,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, output };
}

/** Where gitlab-ci-local keeps a job's artifacts. */
export const jobArtifacts = (dir: string, job: string) => path.join(dir, '.gitlab-ci-local/artifacts', job);

/** A job's dotenv report (quota-keys.env), as the next job would get it. */
export function readJobDotenv(dir: string, job: string): Record<string, string> {
  const text = readFileSync(path.join(jobArtifacts(dir, job), '.gitlab-ci-reports/dotenv/quota-keys.env'), 'utf8');
  return Object.fromEntries(
    text
      .trimEnd()
      .split('\n')
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
}
