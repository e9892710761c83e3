// The shipped workflows fit together: every label stem an issuing one makes (computed by the code
// itself, parseOptions with the trigger's context, so defaults such as release-<tag> come from
// defaultName) starts with the label-prefix of a shipped rotation. Shipped: the action's workflows
// in .github/workflows, examples/.gitlab-ci.yml and the GitLab component example of docs/gitlab.md.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { compactDate, githubContext, gitlabContext, type RunContext } from '../src/config/context.js';
import { parseOptions } from '../src/config/options.js';
import { parseArgs } from '../src/platform/cli-args.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const GITLAB_DOC = readFileSync(path.join(ROOT, 'docs/gitlab.md'), 'utf8');
const NOW = new Date('2026-11-26T10:00:00Z');

type Trigger = 'tag' | 'dispatch' | 'schedule';
/** One step of a shipped workflow that runs quota-keys: its inputs (expressions still in) and triggers. */
interface ToolStep {
  where: string;
  platform: 'github' | 'gitlab';
  inputs: Record<string, string>;
  triggers: Trigger[];
}

/** What an expression (`${{ inputs.name }}`, `$[[ inputs.url ]]`) may stand for: left empty, or a user's text. */
const SAMPLES: Record<string, string[]> = { name: ['', 'partner-acme'], count: ['1'] };
const GIVEN: Record<string, string> = { url: 'https://quota.example.com', 'admin-token': 'token' };

function githubSteps(): ToolStep[] {
  const dir = path.join(ROOT, '.github/workflows');
  return readdirSync(dir).flatMap((file) => {
    const wf = parse(readFileSync(path.join(dir, file), 'utf8')) as {
      on: Record<string, { tags?: string[] } | null>;
      jobs: Record<string, { steps: Array<{ uses?: string; with?: Record<string, unknown> }> }>;
    };
    const triggers: Trigger[] = [];
    if (wf.on.push?.tags) triggers.push('tag');
    if ('workflow_dispatch' in wf.on) triggers.push('dispatch');
    if ('schedule' in wf.on) triggers.push('schedule');
    return Object.values(wf.jobs).flatMap((job) =>
      job.steps
        .filter((s) => s.uses === './' || /\/quota-keys@/.test(s.uses ?? ''))
        .map((s) => ({
          where: `.github/workflows/${file}`,
          platform: 'github' as const,
          inputs: Object.fromEntries(Object.entries(s.with ?? {}).map(([k, v]) => [k, String(v)])),
          triggers,
        })),
    );
  });
}

/** A command line's flags as inputs, the way the CLI reads them. */
function flagsAsInputs(argv: string[]): Record<string, string> {
  const parsed = parseArgs(argv);
  return { ...(parsed.command ? { command: parsed.command } : {}), ...Object.fromEntries(parsed.values) };
}

function gitlabSteps(): ToolStep[] {
  const example = parse(readFileSync(path.join(ROOT, 'examples/.gitlab-ci.yml'), 'utf8')) as Record<
    string,
    { script?: string[]; rules?: Array<{ if: string }> }
  >;
  const steps: ToolStep[] = Object.entries(example).flatMap(([job, spec]) =>
    (spec.script ?? [])
      .filter((line) => line.startsWith('sh gitlab/quota-keys.sh '))
      .map((line) => ({
        where: `examples/.gitlab-ci.yml ${job}`,
        platform: 'gitlab' as const,
        inputs: flagsAsInputs((line.slice('sh gitlab/quota-keys.sh '.length).match(/"[^"]*"|\S+/g) ?? []).map(unquote)),
        triggers: (spec.rules ?? []).flatMap((r) => (r.if.includes('CI_COMMIT_TAG') ? ['tag' as const] : [])),
      })),
  );
  // The component's example in docs/gitlab.md: each include is one job of templates/quota-keys.yml.
  const component = GITLAB_DOC.slice(GITLAB_DOC.indexOf('## CI/CD component')).match(/```yaml\n([\s\S]*?)```/)![1]!;
  const includes = (parse(component) as { include: Array<{ inputs: Record<string, unknown> }> }).include;
  for (const [i, { inputs }] of includes.entries()) {
    const args = String(inputs.args ?? '')
      .split(/\s+/)
      .filter(Boolean);
    const rules = (inputs.rules as Array<{ if: string }> | undefined)?.map((r) => r.if) ?? [
      '$CI_COMMIT_TAG',
      '$CI_PIPELINE_SOURCE == "web"',
      '$CI_PIPELINE_SOURCE == "schedule"',
    ];
    steps.push({
      where: `docs/gitlab.md component example, include ${i + 1}`,
      platform: 'gitlab',
      inputs: { command: String(inputs.command ?? 'batch'), name: String(inputs.name ?? ''), ...flagsAsInputs(args) },
      triggers: rules.map((r) =>
        r.includes('CI_COMMIT_TAG') ? 'tag' : r.includes('schedule') ? 'schedule' : 'dispatch',
      ),
    });
  }
  return steps;
}

const unquote = (word: string) => word.replace(/^"(.*)"$/, '$1');

function contextFor(platform: ToolStep['platform'], trigger: Trigger): RunContext {
  if (platform === 'gitlab')
    return gitlabContext(
      trigger === 'tag'
        ? { CI_COMMIT_TAG: 'v1.4.0', CI_PIPELINE_ID: '1', CI_JOB_ID: '2' }
        : { CI_PIPELINE_SOURCE: trigger === 'schedule' ? 'schedule' : 'web', CI_PIPELINE_ID: '1', CI_JOB_ID: '2' },
      NOW,
    );
  const event = { tag: 'push', dispatch: 'workflow_dispatch', schedule: 'schedule' }[trigger];
  return githubContext(
    { eventName: event, ref: trigger === 'tag' ? 'refs/tags/v1.4.0' : 'refs/heads/main', runId: 1, payload: {} },
    {},
    NOW,
  );
}

/** Every stem the step's keys may get: per trigger, per value its expressions may take. */
function stemsOf(step: ToolStep): string[] {
  const expression = /\$\{\{.*\}\}|\$\[\[.*\]\]/;
  const inputs = { ...step.inputs, ...GIVEN };
  const variants = Object.entries(inputs)
    .filter(([, value]) => expression.test(value))
    .reduce<Array<Record<string, string>>>(
      (all, [name]) => all.flatMap((v) => (SAMPLES[name] ?? ['']).map((sample) => ({ ...v, [name]: sample }))),
      [inputs],
    );
  return step.triggers.flatMap((trigger) =>
    variants.map((given) => parseOptions((n) => given[n] ?? '', {}, contextFor(step.platform, trigger)).name),
  );
}

const all = [...githubSteps(), ...gitlabSteps()];
const command = (step: ToolStep) => step.inputs.command ?? 'batch';
const issuing = all.filter((s) => ['batch', 'generate'].includes(command(s)));
const rotations = all.filter((s) => command(s) === 'rotate');

test('the shipped workflows are found: issuing ones on every platform, and rotations', () => {
  expect(issuing.map((s) => s.where)).toEqual(
    expect.arrayContaining([
      '.github/workflows/release-keys.yml',
      '.github/workflows/issue-keys.yml',
      '.github/workflows/servers-keys.yml',
      'examples/.gitlab-ci.yml key-generation',
      'docs/gitlab.md component example, include 1',
    ]),
  );
  expect(rotations.map((s) => s.where)).toEqual([
    '.github/workflows/rotate-keys.yml',
    'docs/gitlab.md component example, include 2',
  ]);
});

test('every stem an issuing workflow makes is matched by a shipped rotation’s label-prefix', () => {
  const prefixes = rotations.map((r) => r.inputs['label-prefix'] ?? '');
  expect(prefixes.every((p) => p !== '')).toBe(true);
  const unmatched = issuing.flatMap((step) =>
    stemsOf(step)
      .filter((stem) => !prefixes.some((prefix) => stem.startsWith(prefix)))
      .map((stem) => `${step.where}: ${stem}`),
  );
  expect(unmatched).toEqual([]);
  // The defaults are in there: the tag's release name, the dated batch, the name a user types.
  const stems = issuing.flatMap(stemsOf);
  expect(stems).toEqual(
    expect.arrayContaining(['auto-release-v1.4.0', `auto-batch-${compactDate(NOW)}`, 'auto-partner-acme']),
  );
});

test('the README says which keys the rotation rotates', () => {
  expect(README).toMatch(/\*\*Which keys the rotation rotates\.\*\* .*`label-prefix: auto-`/s);
});
