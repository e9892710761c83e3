import { defaultName, githubContext, gitlabContext } from '../src/config/context.js';
import { batchLabels } from '../src/config/labels.js';

const now = new Date(2026, 10, 26, 23, 30);

test('batch labels are zero-padded, in order, and carry the run suffix', () => {
  expect(batchLabels('合作伙伴-202611', 3, 'r42a1')).toEqual([
    '合作伙伴-202611-001-r42a1',
    '合作伙伴-202611-002-r42a1',
    '合作伙伴-202611-003-r42a1',
  ]);
  const many = batchLabels('x', 10_000, 's');
  expect(many[0]).toBe('x-00001-s');
  expect(many.at(-1)).toBe('x-10000-s');
  expect(new Set(many).size).toBe(10_000);
});

test('a re-run attempt of the same GitHub run labels differently', () => {
  const first = githubContext(
    { eventName: 'push', ref: 'refs/tags/v1.2.0', runId: 77, payload: {} },
    { GITHUB_RUN_ATTEMPT: '1' },
    now,
  );
  const second = githubContext(
    { eventName: 'push', ref: 'refs/tags/v1.2.0', runId: 77, payload: {} },
    { GITHUB_RUN_ATTEMPT: '2' },
    now,
  );
  expect(first.labelSuffix).toMatch(/^r77a1i[0-9a-f]{6}n[0-9a-f]{6}$/);
  expect(second.labelSuffix).toMatch(/^r77a2i[0-9a-f]{6}n[0-9a-f]{6}$/);
  // The same step in every attempt: the same invocation id; the nonce is each process's own.
  expect(second.invocation).toBe(first.invocation);
  expect(second.nonce).not.toBe(first.nonce);
  expect(defaultName(first)).toBe('release-v1.2.0');
});

test.each([
  ['schedule', 'refs/heads/main', 'scheduled-20261126'],
  ['workflow_dispatch', 'refs/heads/main', 'batch-20261126'],
  ['push', 'refs/heads/main', 'batch-20261126'],
])('GitHub %s defaults the name to %s', (eventName, ref, name) => {
  expect(defaultName(githubContext({ eventName, ref, runId: 1, payload: {} }, {}, now))).toBe(name);
});

test('public repositories are recognised from the event payload', () => {
  expect(
    githubContext({ eventName: 'push', ref: '', runId: 1, payload: { repository: { private: false } } }, {}, now)
      .publicRepository,
  ).toBe(true);
  expect(
    githubContext(
      { eventName: 'push', ref: '', runId: 1, payload: { repository: { private: true, visibility: 'private' } } },
      {},
      now,
    ).publicRepository,
  ).toBe(false);
});

test('GitLab tags, schedules and retried jobs', () => {
  const tag = gitlabContext(
    { CI_COMMIT_TAG: 'v2.0.0', CI_PIPELINE_SOURCE: 'push', CI_PIPELINE_ID: '900', CI_JOB_ID: '5' },
    now,
  );
  expect(defaultName(tag)).toBe('release-v2.0.0');
  expect(tag.labelSuffix).toMatch(/^p900j5n[0-9a-f]{6}$/);
  // Two CLI calls in one GitLab job: the same job id, labels of their own.
  expect(gitlabContext({ CI_PIPELINE_ID: '900', CI_JOB_ID: '5' }, now).labelSuffix).not.toBe(tag.labelSuffix);
  expect(defaultName(gitlabContext({ CI_PIPELINE_SOURCE: 'schedule', CI_PIPELINE_ID: '901' }, now))).toBe(
    'scheduled-20261126',
  );
  expect(gitlabContext({ CI_PIPELINE_SOURCE: 'web', CI_PIPELINE_ID: '902' }, now).trigger).toBe('dispatch');
});
