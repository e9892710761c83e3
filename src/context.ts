// What started this run (tag, manual form, schedule…) and how to name it uniquely.
import { randomBytes } from 'node:crypto';

export type Trigger = 'tag' | 'dispatch' | 'schedule' | 'other';

export interface RunContext {
  platform: 'github' | 'gitlab' | 'cli';
  trigger: Trigger;
  tag?: string;
  /** Unique per run; with `attempt`, folded into batch labels. */
  runId: string;
  attempt: number;
  /** Label suffix that makes this run's labels unique across runs and re-run attempts. */
  labelSuffix: string;
  workspace: string;
  now: Date;
  /** GitHub: whether the repository is public, from the event payload; undefined when it does not say. */
  publicRepository?: boolean;
}

/** YYYYMMDD in the runner's local time zone, like `date +%Y%m%d` in the seed tool. */
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
  payload: { repository?: { [key: string]: unknown } };
}

export function githubContext(github: GithubLike, env: NodeJS.ProcessEnv, now = new Date()): RunContext {
  const ref = github.ref ?? '';
  const tag = ref.startsWith('refs/tags/') ? ref.slice('refs/tags/'.length) : undefined;
  const trigger: Trigger =
    github.eventName === 'push' && tag ? 'tag'
    : github.eventName === 'workflow_dispatch' ? 'dispatch'
    : github.eventName === 'schedule' ? 'schedule'
    : 'other';
  const runId = String(github.runId || env.GITHUB_RUN_ID || localRunId(now));
  const attempt = Number(env.GITHUB_RUN_ATTEMPT) || 1;
  const repo = github.payload.repository;
  return {
    platform: 'github',
    trigger,
    tag,
    runId,
    attempt,
    labelSuffix: `r${runId}a${attempt}`,
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    now,
    publicRepository: repo ? repo.private === false || repo.visibility === 'public' : undefined,
  };
}

export function gitlabContext(env: NodeJS.ProcessEnv, now = new Date()): RunContext {
  const source = env.CI_PIPELINE_SOURCE ?? '';
  const tag = env.CI_COMMIT_TAG || undefined;
  const trigger: Trigger =
    tag ? 'tag'
    : source === 'web' || source === 'api' || source === 'trigger' ? 'dispatch'
    : source === 'schedule' ? 'schedule'
    : 'other';
  const runId = env.CI_PIPELINE_ID || localRunId(now);
  // A retried job keeps the pipeline id and gets a new job id.
  const job = env.CI_JOB_ID || '0';
  return {
    platform: 'gitlab',
    trigger,
    tag,
    runId,
    attempt: 1,
    labelSuffix: `p${runId}j${job}`,
    workspace: env.CI_PROJECT_DIR || process.cwd(),
    now,
  };
}

export function cliContext(env: NodeJS.ProcessEnv, now = new Date()): RunContext {
  const runId = localRunId(now);
  return { platform: 'cli', trigger: 'other', runId, attempt: 1, labelSuffix: runId, workspace: process.cwd(), now };
}

/** A short id for runs by hand: time-ordered, plus randomness so two runs in one second differ. */
function localRunId(now: Date): string {
  return `${Math.floor(now.getTime() / 1000).toString(36)}${randomBytes(2).toString('hex')}`;
}
