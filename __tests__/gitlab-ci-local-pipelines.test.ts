// The GitLab example (as docs/gitlab.md quotes it) and component (templates/quota-keys.yml) run by
// gitlab-ci-local in its shell executor, against the dev server: the CSV artifact, the dotenv report
// (read back by a later job), tags-only rules, and a failed health check that fails the job.
//
// gitlab-ci-local runs with its own predefined variables, as a user would run it: GITLAB_CI=false
// (GitLab sets true), and for jobs with an image CI_PROJECT_DIR is the container path
// /builds/<group>/<project> although --force-shell-executor runs them in .gitlab-ci-local/builds/<job>
// (with --shell-isolation, which hands artifacts over as GitLab does). quota-keys must still find
// the job, and put the CSV and dotenv where the artifacts are collected.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { gitlabProject, jobArtifacts, readJobDotenv, runGitlabCiLocal } from '../__fixtures__/gitlab-ci-local.js';
import { ROOT, startDevServerProcess } from '../scripts/lib/simulate-runner.js';
import { compactDate } from '../src/config/context.js';

type Server = { url: string; token: string; stop: () => Promise<void> };
let server: Server;
beforeAll(async () => {
  // v1p: per-key daily limits, so the CSV shows the limit the pipeline asked for.
  server = await startDevServerProcess(['--flavor', 'v1p']);
});
const temporary: string[] = [];
afterAll(async () => {
  await server.stop();
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** A project checkout as GitLab would clone it: the tool's gitlab/, dist/ and templates/, a pipeline, a remote. */
const project = (
  pipeline: string,
  parts = ['gitlab', 'templates', 'dist/cli', 'dist/cli.js', 'dist/package.json'],
): string => gitlabProject(pipeline, parts, temporary);

/** gitlab-ci-local with the dev server's URL and token as the project's CI/CD variables. */
const gitlabCiLocal = (dir: string, _job: string, variables: Record<string, string>, options = {}) =>
  runGitlabCiLocal(
    dir,
    { QUOTA_PROXY_URL: server.url, QUOTA_PROXY_ADMIN_TOKEN: server.token, ...variables },
    temporary,
    options,
  );

const artifacts = jobArtifacts;
const readDotenv = readJobDotenv;
function readCsv(file: string) {
  return parse(readFileSync(file), { columns: true }) as Array<Record<string, string>>;
}
function expectNoSecret(output: string, rows: Array<Record<string, string>>) {
  expect(output).not.toContain(server.token);
  for (const row of rows) expect(output).not.toContain(row.key);
}

const GITLAB_DOC = readFileSync(path.join(ROOT, 'docs/gitlab.md'), 'utf8');
/** The GitLab example, as a reader copies it: the yaml block after docs/gitlab.md's `examples/.gitlab-ci.yml` line. */
const EXAMPLE = GITLAB_DOC.slice(GITLAB_DOC.indexOf('`examples/.gitlab-ci.yml`')).match(/```yaml\n([\s\S]*?)```/)![1]!;

test('example, tag pipeline: 10 keys, limit 100, auto-release-<tag> labels, CSV artifact, dotenv read by ' +
  'a later job', async () => {
  const dir = project(EXAMPLE);
  const { code, output } = await gitlabCiLocal(dir, 'key-generation', { CI_COMMIT_TAG: 'v1.2.3' });
  expect(output).toMatch(/PASS\s+key-generation/);
  expect(code).toBe(0);

  const env = readDotenv(dir, 'key-generation');
  const pipelineId = env.QUOTA_KEYS_CSV!.match(/^keys-(\d+)\.csv$/)![1]!;
  expect(env).toEqual({
    QUOTA_KEYS_CSV: `keys-${pipelineId}.csv`,
    QUOTA_KEYS_CREATED: '10',
    QUOTA_KEYS_FAILED: '0',
    QUOTA_KEYS_HEALTHY: 'true',
    QUOTA_KEYS_FLAVOR: 'v1p',
  });
  const rows = readCsv(path.join(artifacts(dir, 'key-generation'), env.QUOTA_KEYS_CSV!));
  expect(rows).toHaveLength(10);
  expect(rows[0]!.label).toMatch(new RegExp(`^auto-release-v1\\.2\\.3-001-p${pipelineId}j\\d+n[0-9a-f]{6}$`));
  expect(rows.every((r) => r.daily_limit === '100')).toBe(true);
  // The audit log is collected beside the CSV: one `created` line per key, by fingerprint.
  const audit = readFileSync(path.join(artifacts(dir, 'key-generation'), 'quota-keys-audit.jsonl'), 'utf8');
  const lines = audit
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, string>);
  const sha12 = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 12);
  expect(lines.map((l) => l.fingerprint).sort()).toEqual(rows.map((r) => sha12(r.key!)).sort());
  expect(lines.every((l) => l.outcome === 'created' && l.command === 'batch')).toBe(true);
  expectNoSecret(audit, rows);
  expect(output).toContain(
    `key-generation created 10 key(s), 0 failed, into keys-${pipelineId}.csv (server flavor v1p)`,
  );
  // It says plainly that it took the job for a GitLab one, and where its files went.
  expect(output).toContain(
    'GitLab job (CI_JOB_ID, CI_PIPELINE_ID and CI_PROJECT_DIR are set; GITLAB_CI is "false", as under gitlab-ci-local)',
  );
  expect(output).toMatch(
    new RegExp(
      String.raw`CI_PROJECT_DIR \(\/builds\/acme\/trial-keys\) is not a folder on this` +
        ' machine .*: the CSV and the dotenv go to the working directory' +
        String.raw` .*\.gitlab-ci-local\/builds\/key-generation\.`,
    ),
  );
  expectNoSecret(output, rows);
}, 60_000);

test('example without --shell-isolation (the job runs in the project folder itself): CSV and dotenv there, ' +
  'collected as artifacts', async () => {
  const dir = project(EXAMPLE);
  const { code, output } = await gitlabCiLocal(
    dir,
    'key-generation',
    { CI_COMMIT_TAG: 'v1.2.4' },
    { isolation: false },
  );
  expect(output).toMatch(/PASS\s+key-generation/);
  expect(code).toBe(0);
  const env = readDotenv(dir, 'key-generation');
  expect(env).toMatchObject({ QUOTA_KEYS_CREATED: '10', QUOTA_KEYS_CSV: expect.stringMatching(/^keys-\d+\.csv$/) });
  expect(readCsv(path.join(artifacts(dir, 'key-generation'), env.QUOTA_KEYS_CSV!))).toHaveLength(10);
  expect(output).toContain(`key-generation created 10 key(s), 0 failed, into ${env.QUOTA_KEYS_CSV}`);
  expect(output).toMatch(
    new RegExp(`the CSV and the dotenv go to the working directory ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.`),
  );
}, 60_000);

test('example, schedule pipeline: tags only, so nothing runs', async () => {
  const dir = project(EXAMPLE);
  const { code, output } = await gitlabCiLocal(dir, 'key-generation', { CI_PIPELINE_SOURCE: 'schedule' });
  expect(code).toBe(0);
  expect(output).toContain('pipeline finished');
  expect(output).not.toContain('starting');
  expect(existsSync(artifacts(dir, 'key-generation'))).toBe(false);
}, 60_000);

// The job runs the bundle in the checkout; the published package with the default tool:
// published-package-runs-with-npx-and-the-gitlab-component.test.ts.
const componentPipeline = (inputs: Record<string, unknown>) =>
  `include:\n  - local: templates/quota-keys.yml\n    inputs:\n${Object.entries({ tool: 'node dist/cli.js', ...inputs })
    .map(([k, v]) => `      ${k}: ${JSON.stringify(v)}\n`)
    .join('')}stages: [keys]\n`;

test('component, schedule pipeline: scheduled-<YYYYMMDD> labels, the tier limit, CSV artifact and dotenv', async () => {
  const dir = project(componentPipeline({ stage: 'keys', count: 3, args: '--tier partner' }));
  const { code, output } = await gitlabCiLocal(dir, 'quota-keys', { CI_PIPELINE_SOURCE: 'schedule' });
  expect(output).toMatch(/PASS\s+quota-keys/);
  expect(code).toBe(0);
  const env = readDotenv(dir, 'quota-keys');
  const day = compactDate(new Date());
  expect(env).toMatchObject({
    QUOTA_KEYS_CREATED: '3',
    QUOTA_KEYS_FAILED: '0',
    QUOTA_KEYS_HEALTHY: 'true',
    QUOTA_KEYS_FLAVOR: 'v1p',
  });
  expect(env.QUOTA_KEYS_CSV).toMatch(new RegExp(`^trial-keys-${day}-\\d+\\.csv$`));
  const rows = readCsv(path.join(artifacts(dir, 'quota-keys'), env.QUOTA_KEYS_CSV!));
  expect(rows.map((r) => r.label!).sort()).toEqual(
    [1, 2, 3].map((n) => expect.stringMatching(new RegExp(`^scheduled-${day}-00${n}-p\\d+j\\d+n[0-9a-f]{6}$`))),
  );
  expect(rows.every((r) => r.daily_limit === '500' && r.tier === 'partner')).toBe(true);
  expectNoSecret(output, rows);
}, 60_000);

test('component with a server that is down: the job fails, the dotenv says healthy=false', async () => {
  const dir = project(componentPipeline({ stage: 'keys', url: 'http://127.0.0.1:9', args: '--retries 0' }));
  const { code, output } = await gitlabCiLocal(dir, 'quota-keys', { CI_COMMIT_TAG: 'v9.9.9' });
  expect(output).toMatch(/FAIL\s+quota-keys/);
  expect(output).toMatch(/error: Health check failed: GET http:\/\/127\.0\.0\.1:9\/healthz: connection refused/);
  expect(code).not.toBe(0);
  expect(readDotenv(dir, 'quota-keys')).toMatchObject({ QUOTA_KEYS_HEALTHY: 'false', QUOTA_KEYS_CREATED: '' });
}, 60_000);

test('the example and the component declare what the issue asks', () => {
  const example = parseYaml(EXAMPLE) as Record<string, any>;
  expect(example.stages).toEqual(['test', 'deploy', 'key-management']);
  expect(example['key-generation']).toMatchObject({
    stage: 'key-management',
    rules: [{ if: '$CI_COMMIT_TAG' }],
    artifacts: {
      paths: ['keys-*.csv', 'quota-keys-audit.jsonl'],
      expire_in: '1 day',
      when: 'always',
      reports: { dotenv: 'quota-keys.env' },
    },
  });
  expect(example['key-generation'].script.join('\n')).toMatch(
    /batch --count 10 --limit 100 --output "keys-\$CI_PIPELINE_ID\.csv"/,
  );

  const [spec, job] = readFileSync(path.join(ROOT, 'templates/quota-keys.yml'), 'utf8')
    .split(/^---$/m)
    .map((doc) => parseYaml(doc) as Record<string, any>);
  const inputs = spec!.spec.inputs as Record<string, { default?: unknown; type?: string }>;
  for (const name of [
    'job-name',
    'stage',
    'rules',
    'image',
    'tool',
    'command',
    'url',
    'count',
    'limit',
    'name',
    'args',
    'expire_in',
  ])
    expect(inputs).toHaveProperty(name);
  // Every input has a default: `include: component` with no inputs at all is a working job.
  for (const [name, input] of Object.entries(inputs))
    expect({ name, hasDefault: 'default' in input }).toEqual({ name, hasDefault: true });
  expect(inputs['job-name']!.default).toBe('quota-keys');
  expect(inputs.image!.default).toBe('node:24-alpine');
  expect(inputs.expire_in!.default).toBe('1 day');
  expect(inputs.rules).toMatchObject({
    type: 'array',
    default: [
      { if: '$CI_COMMIT_TAG' },
      { if: '$CI_PIPELINE_SOURCE == "web"' },
      { if: '$CI_PIPELINE_SOURCE == "schedule"' },
    ],
  });
  // No submodule: the published tool, at this package's version (the release workflow checks it too).
  const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  expect(inputs.tool!.default).toBe(`npx --yes quota-keys@${version}`);
  expect(JSON.stringify(job)).not.toMatch(/gitlab\/quota-keys\.sh|submodule/);
  expect(job!['$[[ inputs.job-name ]]']).toMatchObject({
    stage: '$[[ inputs.stage ]]',
    image: '$[[ inputs.image ]]',
    rules: '$[[ inputs.rules ]]',
    artifacts: { when: 'always', expire_in: '$[[ inputs.expire_in ]]', reports: { dotenv: 'quota-keys.env' } },
  });
  expect(job!['$[[ inputs.job-name ]]'].artifacts.paths).toContain('trial-keys-*.csv');
  // docs/gitlab.md's component section: one table row per input, and an example that uses only real
  // inputs of this version.
  const section = GITLAB_DOC.slice(
    GITLAB_DOC.indexOf('## CI/CD component: quota-keys'),
    GITLAB_DOC.indexOf('## In a checkout that carries the tool'),
  );
  const rows = [...section.matchAll(/^\| `([\w-]+)` \|/gm)].map((m) => m[1]);
  expect(rows.sort()).toEqual(Object.keys(inputs).sort());
  const includes = (
    parseYaml(section.match(/```yaml\n([\s\S]*?)```/)![1]!) as {
      include: Array<{ component: string; inputs: Record<string, unknown> }>;
    }
  ).include;
  expect(includes.length).toBeGreaterThan(0);
  for (const include of includes) {
    // The tag the release workflow makes (vX.Y.Z), on the GitLab side of the repository.
    expect(include.component).toBe(`$CI_SERVER_FQDN/OWNER/quota-keys/quota-keys@v${version}`);
    for (const name of Object.keys(include.inputs))
      expect({ name, declared: name in inputs }).toEqual({ name, declared: true });
  }
  // examples/.gitlab-ci.yml is the README's example, as it is.
  expect(readFileSync(path.join(ROOT, 'examples/.gitlab-ci.yml'), 'utf8')).toBe(EXAMPLE);
});

test('component with its own job name, stage and rules: runs on a branch pipeline only as asked', async () => {
  const pipeline = componentPipeline({
    'job-name': 'nightly-keys',
    stage: 'keys',
    count: 2,
    rules: [{ if: '$CI_COMMIT_BRANCH == "main"' }],
  });
  const dir = project(pipeline);
  const { code, output } = await gitlabCiLocal(dir, 'nightly-keys', {});
  expect(output).toMatch(/PASS\s+nightly-keys/);
  expect(code).toBe(0);
  const env = readDotenv(dir, 'nightly-keys');
  expect(env).toMatchObject({ QUOTA_KEYS_CREATED: '2', QUOTA_KEYS_HEALTHY: 'true' });
  expect(readCsv(path.join(artifacts(dir, 'nightly-keys'), env.QUOTA_KEYS_CSV!))).toHaveLength(2);

  // A tag pipeline is not a main-branch one: the default rules would run it, these do not.
  const tagged = project(pipeline);
  const skipped = await gitlabCiLocal(tagged, 'nightly-keys', { CI_COMMIT_TAG: 'v1.0.0', CI_COMMIT_BRANCH: '' });
  expect(skipped.code).toBe(0);
  expect(skipped.output).not.toContain('starting');
  expect(existsSync(artifacts(tagged, 'nightly-keys'))).toBe(false);
}, 90_000);
