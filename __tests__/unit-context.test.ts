// Unit: what started a run and how its labels and names are made (src/config/context.ts), without a
// runner: GitHub's and GitLab's environments given as plain objects.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  cliContext,
  compactDate,
  defaultName,
  githubContext,
  githubTriggerText,
  gitlabContext,
  gitlabJobDirectory,
  invocationId,
  isGitlabJob,
  runOrigin,
} from '../src/config/context.js';
import { namesOneInvocation, parseBatchLabel } from '../src/config/labels.js';

const now = new Date(2026, 0, 5, 23, 59);
const push = { eventName: 'push', ref: 'refs/heads/main', runId: 42, payload: {} };

test('compactDate is the local date as YYYYMMDD', () => {
  expect(compactDate(now)).toBe('20260105');
  expect(compactDate(new Date(2026, 11, 31, 0, 0))).toBe('20261231');
});

describe('labels of each platform name one invocation and read back', () => {
  test.each([
    ['GitHub', githubContext(push, { GITHUB_RUN_ATTEMPT: '3', GITHUB_JOB: 'issue' }, now)],
    ['GitLab', gitlabContext({ CI_PIPELINE_ID: '900', CI_JOB_ID: '5' }, now)],
    ['the command line', cliContext({}, now)],
  ])('%s', (_platform, context) => {
    expect(namesOneInvocation(context.labelSuffix)).toBe(true);
    expect(parseBatchLabel(`x-001-${context.labelSuffix}`)?.suffix).toBe(context.labelSuffix);
    expect(context.nonce).toMatch(/^[0-9a-f]{6}$/);
  });

  test('the command line’s suffix starts with the time in base 36; two processes differ by their nonce', () => {
    const a = cliContext({}, now);
    const b = cliContext({}, now);
    expect(a.labelSuffix).toMatch(new RegExp(`^c${Math.floor(now.getTime() / 1000).toString(36)}n[0-9a-f]{6}$`));
    expect(a.labelSuffix).not.toBe(b.labelSuffix);
    expect(a.runId).not.toBe(b.runId);
  });
});

describe('invocationId', () => {
  test('the same job, step and input: the same id; any of them different: another', () => {
    const env = { GITHUB_JOB: 'issue', GITHUB_ACTION: 'keys' };
    expect(invocationId(env)).toMatch(/^[0-9a-f]{6}$/);
    expect(invocationId(env)).toBe(invocationId({ ...env }));
    expect(invocationId(env, 'leg-1')).not.toBe(invocationId(env, 'leg-2'));
    expect(invocationId({ ...env, GITHUB_ACTION: '__run_2' })).not.toBe(invocationId(env));
    expect(invocationId({ ...env, GITHUB_JOB: 'other' })).not.toBe(invocationId(env));
  });

  test('the context records whether invocation-id was given', () => {
    expect(githubContext(push, {}, now).invocationIdGiven).toBe(false);
    expect(githubContext(push, {}, now, 'leg').invocationIdGiven).toBe(true);
  });
});

describe('GitHub', () => {
  test.each([
    [{ ...push, ref: 'refs/tags/v1.4.0' }, 'tag', 'release-v1.4.0', 'tag v1.4.0 (push)'],
    [
      { ...push, eventName: 'schedule', payload: { schedule: '0 2 * * *' } },
      'schedule',
      'scheduled-20260105',
      'schedule (cron 0 2 * * *)',
    ],
    [{ ...push, eventName: 'schedule' }, 'schedule', 'scheduled-20260105', 'schedule'],
    [{ ...push, eventName: 'workflow_dispatch' }, 'dispatch', 'batch-20260105', 'workflow_dispatch form (no inputs)'],
    [push, 'other', 'batch-20260105', 'push (refs/heads/main)'],
    [{ ...push, eventName: 'release', ref: 'refs/tags/v2' }, 'other', 'batch-20260105', 'release (refs/tags/v2)'],
    [{ ...push, eventName: '', ref: '' }, 'other', 'batch-20260105', 'unknown event'],
  ])('%j: %s, named %s, shown as %s', (github, trigger, name, text) => {
    const context = githubContext(github, {}, now);
    expect(context.trigger).toBe(trigger);
    expect(defaultName(context)).toBe(name);
    expect(context.triggerText).toBe(text);
  });

  test('a dispatch form’s inputs are shown, long ones cut at 60 characters', () => {
    const text = githubTriggerText(
      {
        ...push,
        eventName: 'workflow_dispatch',
        payload: { inputs: { count: '3000', flag: true, note: 'n'.repeat(61), full: 'f'.repeat(60) } },
      },
      'dispatch',
      undefined,
    );
    expect(text).toBe(`workflow_dispatch form: count=3000, flag=true, note=${'n'.repeat(60)}…, full=${'f'.repeat(60)}`);
  });

  test('run id and attempt from the event and environment; the workspace from GITHUB_WORKSPACE', () => {
    const context = githubContext({ ...push, runId: 0 }, { GITHUB_RUN_ID: '77', GITHUB_WORKSPACE: '/w' }, now);
    expect(context).toMatchObject({ runId: '77', attempt: 1, workspace: '/w', platform: 'github' });
    expect(context.labelSuffix.startsWith('r77a1i')).toBe(true);
  });

  test('a repository object that says nothing of its visibility leaves it unknown', () => {
    expect(
      githubContext({ ...push, payload: { repository: { name: 'x' } } }, {}, now).publicRepository,
    ).toBeUndefined();
    expect(
      githubContext({ ...push, payload: { repository: { visibility: 'public' } } }, {}, now).publicRepository,
    ).toBe(true);
  });
});

describe('GitLab', () => {
  test.each([
    [{ CI_COMMIT_TAG: 'v3' }, 'tag'],
    [{ CI_PIPELINE_SOURCE: 'web' }, 'dispatch'],
    [{ CI_PIPELINE_SOURCE: 'api' }, 'dispatch'],
    [{ CI_PIPELINE_SOURCE: 'trigger' }, 'dispatch'],
    [{ CI_PIPELINE_SOURCE: 'schedule' }, 'schedule'],
    [{ CI_PIPELINE_SOURCE: 'merge_request_event' }, 'other'],
    [{}, 'other'],
  ])('%j is a %s', (env, trigger) => {
    expect(gitlabContext(env, now).trigger).toBe(trigger);
  });

  test('a GitLab job: GITLAB_CI=true, or gitlab-ci-local’s three variables', () => {
    expect(isGitlabJob({ GITLAB_CI: 'true' })).toBe(true);
    expect(isGitlabJob({ GITLAB_CI: 'false', CI_JOB_ID: '1', CI_PIPELINE_ID: '2', CI_PROJECT_DIR: '/p' })).toBe(true);
    expect(isGitlabJob({ CI_JOB_ID: '1', CI_PIPELINE_ID: '2' })).toBe(false);
    expect(isGitlabJob({ GITHUB_ACTIONS: 'true', CI: 'true' })).toBe(false);
  });

  test('the job’s directory: CI_PROJECT_DIR when it is a folder here, else the working directory with a note', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'unit-context-'));
    expect(gitlabJobDirectory({ CI_PROJECT_DIR: dir }, '/cwd')).toEqual({ dir });
    const missing = gitlabJobDirectory({ CI_PROJECT_DIR: '/builds/group/project' }, '/cwd');
    expect(missing.dir).toBe('/cwd');
    expect(missing.note).toContain('CI_PROJECT_DIR (/builds/group/project) is not a folder on this machine');
    expect(gitlabJobDirectory({}, '/cwd').note).toContain('CI_PROJECT_DIR is not set');
  });
});

describe('runOrigin', () => {
  test('GitHub: the actor and the run attempt’s page', () => {
    expect(
      runOrigin('github', {
        GITHUB_ACTOR: 'octo',
        GITHUB_SERVER_URL: 'https://ghe.example/',
        GITHUB_REPOSITORY: 'o/r',
        GITHUB_RUN_ID: '9',
        GITHUB_RUN_ATTEMPT: '2',
      }),
    ).toEqual({ actor: 'octo', runUrl: 'https://ghe.example/o/r/actions/runs/9/attempts/2' });
    expect(runOrigin('github', {})).toEqual({ actor: 'unknown', runUrl: undefined });
  });

  test('GitLab: the user and the job’s page; the command line: user@host', () => {
    expect(runOrigin('gitlab', { GITLAB_USER_LOGIN: 'dev', CI_JOB_URL: 'https://gl/j/1' })).toEqual({
      actor: 'dev',
      runUrl: 'https://gl/j/1',
    });
    expect(runOrigin('cli', {}).actor).toMatch(/^[^@]+@[^@]+$/);
  });
});
