// What started this run (tag, manual form, schedule…) and how to name it uniquely.
import { statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nodeCrypto } from '../shared/builtins.js';

export type Trigger = 'tag' | 'dispatch' | 'schedule' | 'other';

export interface RunContext {
  platform: 'github' | 'gitlab' | 'cli';
  trigger: Trigger;
  tag?: string;
  /** Unique per run; with `attempt`, folded into batch labels. */
  runId: string;
  attempt: number;
  /**
   * Label suffix that makes this invocation's labels its own: unique across runs, attempts, jobs,
   * steps and processes (a per-process nonce), see ./labels.ts.
   */
  labelSuffix: string;
  /** GitHub: hash of job, step id and the invocation-id input; the same in every attempt of one step. */
  invocation?: string;
  /** Whether the invocation-id input was given (else two matrix legs share `invocation`). */
  invocationIdGiven?: boolean;
  /** Drawn per process: tells apart invocations that share everything else (matrix legs, two CLI calls). */
  nonce?: string;
  workspace: string;
  now: Date;
  /** GitHub: whether the repository is public, from the event payload; undefined when it does not say. */
  publicRepository?: boolean;
  /** What started the run, in words, for the job summary: the event and its tag, form inputs or cron. */
  triggerText?: string;
  /** Who runs it and the run's page: the audit log's lines and the webhook's message name them. */
  origin?: RunOrigin;
}

/** YYYYMMDD in the runner's local time zone, like `date +%Y%m%d` in the old tool. */
export function compactDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}`;
}

/** The label (generate) or label stem (batch) used when `name` is not given. */
export function defaultName(context: RunContext): string {
  switch (context.trigger) {
    case 'tag':
      return `release-${context.tag}`;
    case 'schedule':
      return `scheduled-${compactDate(context.now)}`;
    default:
      return `batch-${compactDate(context.now)}`;
  }
}

export interface GithubLike {
  eventName: string;
  ref?: string;
  runId: number;
  /** `inputs`: a workflow_dispatch form's values; `schedule`: the cron of a schedule event. */
  payload: { repository?: { [key: string]: unknown }; inputs?: { [key: string]: unknown }; schedule?: unknown };
}

/**
 * The trigger as a release manager reads it: `tag v1.4.0 (push)`, `workflow_dispatch form: count=3000,
 * name=…`, `schedule (cron 0 2 * * *)`, else the event and its ref.
 */
export function githubTriggerText(github: GithubLike, trigger: Trigger, tag: string | undefined): string {
  switch (trigger) {
    case 'tag':
      return `tag ${tag} (push)`;
    case 'dispatch': {
      const inputs = Object.entries(github.payload.inputs ?? {}).map(([name, value]) => {
        const text = typeof value === 'string' ? value : JSON.stringify(value);
        return `${name}=${text.length > 60 ? `${text.slice(0, 60)}…` : text}`;
      });
      return `workflow_dispatch form${inputs.length > 0 ? `: ${inputs.join(', ')}` : ' (no inputs)'}`;
    }
    case 'schedule':
      return `schedule${typeof github.payload.schedule === 'string' ? ` (cron ${github.payload.schedule})` : ''}`;
    default:
      return `${github.eventName || 'unknown event'}${github.ref ? ` (${github.ref})` : ''}`;
  }
}

/**
 * `digits` random hex digits. Math.random is seeded per process from the system's entropy; these
 * tell runs apart and are no secret, and node:crypto would cost every start 2–3 ms to load.
 */
function randomHex(digits: number): string {
  return Math.floor(Math.random() * 16 ** digits)
    .toString(16)
    .padStart(digits, '0');
}

/** A fresh per-process nonce: 6 hex characters. */
export function newNonce(): string {
  return randomHex(6);
}

/**
 * The step's invocation id, stable across re-run attempts: GITHUB_JOB (the job's id, shared by
 * matrix legs), GITHUB_ACTION (the step's id, or `__run_2`-style for steps without one) and the
 * invocation-id input, which a matrix passes to tell its legs apart.
 */
export function invocationId(env: NodeJS.ProcessEnv, invocationInput = ''): string {
  return nodeCrypto()
    .createHash('sha256')
    .update(`${env.GITHUB_JOB ?? ''}\n${env.GITHUB_ACTION ?? ''}\n${invocationInput}`)
    .digest('hex')
    .slice(0, 6);
}

export function githubContext(
  github: GithubLike,
  env: NodeJS.ProcessEnv,
  now = new Date(),
  invocationInput = '',
): RunContext {
  const ref = github.ref ?? '';
  const tag = ref.startsWith('refs/tags/') ? ref.slice('refs/tags/'.length) : undefined;
  const trigger: Trigger =
    github.eventName === 'push' && tag
      ? 'tag'
      : github.eventName === 'workflow_dispatch'
        ? 'dispatch'
        : github.eventName === 'schedule'
          ? 'schedule'
          : 'other';
  const runId = String(github.runId || env.GITHUB_RUN_ID || localRunId(now));
  const attempt = Number(env.GITHUB_RUN_ATTEMPT) || 1;
  const repo = github.payload.repository;
  const invocation = invocationId(env, invocationInput);
  const nonce = newNonce();
  return {
    platform: 'github',
    trigger,
    tag,
    runId,
    attempt,
    labelSuffix: `r${runId}a${attempt}i${invocation}n${nonce}`,
    invocation,
    invocationIdGiven: invocationInput !== '',
    nonce,
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    now,
    triggerText: githubTriggerText(github, trigger, tag),
    origin: runOrigin('github', { ...env, GITHUB_RUN_ID: runId, GITHUB_RUN_ATTEMPT: String(attempt) }),
    // Public unless the payload says otherwise; a repository object that says neither is unknown.
    publicRepository:
      repo && ('private' in repo || 'visibility' in repo)
        ? repo.private === false || repo.visibility === 'public'
        : undefined,
  };
}

/**
 * A GitLab CI job: GitLab sets GITLAB_CI=true; gitlab-ci-local sets GITLAB_CI=false but, like
 * GitLab, CI_JOB_ID, CI_PIPELINE_ID and CI_PROJECT_DIR (GitHub and terminals set none of them).
 */
export function isGitlabJob(env: NodeJS.ProcessEnv): boolean {
  return env.GITLAB_CI === 'true' || Boolean(env.CI_JOB_ID && env.CI_PIPELINE_ID && env.CI_PROJECT_DIR);
}

/**
 * The job's directory, where GitLab collects `artifacts:paths` and `reports:dotenv` from:
 * CI_PROJECT_DIR when it is a folder here. gitlab-ci-local's shell executor gives jobs that name
 * an image the container path (/builds/<group>/<project>) while it runs them elsewhere: then the
 * working directory, which is where it collects them, and a note that says so.
 */
export function gitlabJobDirectory(env: NodeJS.ProcessEnv, cwd = process.cwd()): { dir: string; note?: string } {
  const projectDir = env.CI_PROJECT_DIR;
  if (!projectDir)
    return {
      dir: cwd,
      note:
        `CI_PROJECT_DIR is not set: the CSV and the dotenv go to the working directory ${cwd}; ` +
        `artifacts are collected from the job's directory only.`,
    };
  let isDir = false;
  try {
    isDir = statSync(projectDir).isDirectory();
  } catch {
    isDir = false;
  }
  if (isDir) return { dir: path.resolve(projectDir) };
  return {
    dir: cwd,
    note:
      `CI_PROJECT_DIR (${projectDir}) is not a folder on this machine (gitlab-ci-local's shell ` +
      `executor?): the CSV and the dotenv go to the working directory ${cwd}.`,
  };
}

export function gitlabContext(env: NodeJS.ProcessEnv, now = new Date()): RunContext {
  const source = env.CI_PIPELINE_SOURCE ?? '';
  const tag = env.CI_COMMIT_TAG || undefined;
  const trigger: Trigger = tag
    ? 'tag'
    : source === 'web' || source === 'api' || source === 'trigger'
      ? 'dispatch'
      : source === 'schedule'
        ? 'schedule'
        : 'other';
  const runId = env.CI_PIPELINE_ID || localRunId(now);
  // A retried job keeps the pipeline id and gets a new job id.
  const job = env.CI_JOB_ID || '0';
  // Two CLI calls in one job share the job id: the nonce tells them apart.
  const nonce = newNonce();
  return {
    platform: 'gitlab',
    trigger,
    tag,
    runId,
    attempt: 1,
    labelSuffix: `p${runId}j${job}n${nonce}`,
    nonce,
    workspace: gitlabJobDirectory(env).dir,
    now,
    origin: runOrigin('gitlab', env),
  };
}

export function cliContext(env: NodeJS.ProcessEnv, now = new Date()): RunContext {
  const runId = localRunId(now);
  const nonce = newNonce();
  return {
    platform: 'cli',
    trigger: 'other',
    runId,
    attempt: 1,
    labelSuffix: `c${Math.floor(now.getTime() / 1000).toString(36)}n${nonce}`,
    nonce,
    workspace: process.cwd(),
    now,
    origin: runOrigin('cli', env),
  };
}

/** A short id for runs by hand: time-ordered, plus randomness so two runs in one second differ. */
function localRunId(now: Date): string {
  return `${Math.floor(now.getTime() / 1000).toString(36)}${randomHex(4)}`;
}

/** Who runs it and the page of the run (the audit log's lines, the webhook's message). */
export interface RunOrigin {
  actor: string;
  runUrl?: string;
}

/** GitHub: GITHUB_ACTOR and the run attempt's page; GitLab: GITLAB_USER_LOGIN and CI_JOB_URL; else user@host. */
export function runOrigin(platform: 'github' | 'gitlab' | 'cli', env: NodeJS.ProcessEnv): RunOrigin {
  if (platform === 'github') {
    const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
    const attempt = env.GITHUB_RUN_ATTEMPT ? `/attempts/${env.GITHUB_RUN_ATTEMPT}` : '';
    const runUrl =
      env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
        ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}${attempt}`
        : undefined;
    return { actor: env.GITHUB_ACTOR || 'unknown', runUrl };
  }
  if (platform === 'gitlab') return { actor: env.GITLAB_USER_LOGIN || 'unknown', runUrl: env.CI_JOB_URL || undefined };
  let user = env.USER || env.USERNAME || 'unknown';
  try {
    user = os.userInfo().username || user;
  } catch {
    // no passwd entry (a container's random uid): the environment's name
  }
  return { actor: `${user}@${os.hostname()}` };
}
