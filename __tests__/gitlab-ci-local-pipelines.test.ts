// The GitLab example (examples/.gitlab-ci.yml) and component (templates/quota-keys.yml) run by
// gitlab-ci-local in its shell executor, against the dev server: the CSV artifact, the dotenv report
// (read back by a later job), tags-only rules, and a failed health check that fails the job.
//
// gitlab-ci-local is not GitLab in two ways that matter here, both put right with --variable:
// it sets GITLAB_CI=false (GitLab sets true), and for jobs with an image it sets CI_PROJECT_DIR to
// the container path /builds/<group>/<project> even when --force-shell-executor runs them in
// .gitlab-ci-local/builds/<job> (with --shell-isolation, which hands artifacts over as GitLab does).
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { compactDate } from '../src/context.js';
import { ROOT, startDevServerProcess } from '../scripts/lib/simulate-runner.js';

const GITLAB_CI_LOCAL = path.join(ROOT, 'node_modules/gitlab-ci-local/dist/index.js');
const RSYNC_STAND_IN = path.join(ROOT, '__fixtures__/bin');

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
function project(pipeline: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'gcl-project-'));
  temporary.push(dir);
  for (const part of ['gitlab', 'templates', 'dist/cli', 'dist/cli.js', 'dist/package.json']) {
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

async function gitlabCiLocal(dir: string, job: string, variables: Record<string, string>) {
  const all: Record<string, string> = {
    GITLAB_CI: 'true',
    CI_PROJECT_DIR: path.join(dir, '.gitlab-ci-local/builds', job),
    QUOTA_PROXY_URL: server.url,
    QUOTA_PROXY_ADMIN_TOKEN: server.token,
    ...variables,
  };
  const home = mkdtempSync(path.join(tmpdir(), 'gcl-home-'));
  temporary.push(home);
  const child = spawn(
    process.execPath,
    [GITLAB_CI_LOCAL, '--home', home, '--force-shell-executor', '--shell-isolation', '--no-color', ...Object.entries(all).flatMap(([k, v]) => ['--variable', `${k}=${v}`])],
    {
      cwd: dir, // (--cwd takes relative paths only)
      // Jobs run `node` from PATH: the Node.js running these tests first. gitlab-ci-local copies files
      // with rsync, which a fresh machine lacks: the tests bring a stand-in (__fixtures__/bin/rsync).
      env: { PATH: `${RSYNC_STAND_IN}:${path.dirname(process.execPath)}:${process.env.PATH}`, HOME: home, TZ: process.env.TZ, GCL_IGNORE_PREDEFINED_VARS: Object.keys(all).join(',') },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, output };
}

const artifacts = (dir: string, job: string) => path.join(dir, '.gitlab-ci-local/artifacts', job);
function readDotenv(dir: string, job: string): Record<string, string> {
  const text = readFileSync(path.join(artifacts(dir, job), '.gitlab-ci-reports/dotenv/quota-keys.env'), 'utf8');
  return Object.fromEntries(text.trimEnd().split('\n').map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
}
function readCsv(file: string) {
  return parse(readFileSync(file), { columns: true }) as Array<Record<string, string>>;
}
function expectNoSecret(output: string, rows: Array<Record<string, string>>) {
  expect(output).not.toContain(server.token);
  for (const row of rows) expect(output).not.toContain(row.key);
}

const EXAMPLE = readFileSync(path.join(ROOT, 'examples/.gitlab-ci.yml'), 'utf8');

test('example, tag pipeline: 10 keys, limit 100, release-<tag> labels, CSV artifact, dotenv read by a later job', async () => {
  const dir = project(EXAMPLE);
  const { code, output } = await gitlabCiLocal(dir, 'key-generation', { CI_COMMIT_TAG: 'v1.2.3' });
  expect(output).toMatch(/PASS\s+key-generation/);
  expect(code).toBe(0);

  const env = readDotenv(dir, 'key-generation');
  const pipelineId = env.QUOTA_KEYS_CSV!.match(/^keys-(\d+)\.csv$/)![1]!;
  expect(env).toEqual({ QUOTA_KEYS_CSV: `keys-${pipelineId}.csv`, QUOTA_KEYS_CREATED: '10', QUOTA_KEYS_FAILED: '0', QUOTA_KEYS_HEALTHY: 'true', QUOTA_KEYS_FLAVOR: 'v1p' });
  const rows = readCsv(path.join(artifacts(dir, 'key-generation'), env.QUOTA_KEYS_CSV!));
  expect(rows).toHaveLength(10);
  expect(rows[0]!.label).toMatch(new RegExp(`^release-v1\\.2\\.3-001-p${pipelineId}j\\d+$`));
  expect(rows.every((r) => r.daily_limit === '100')).toBe(true);
  expect(output).toContain(`key-generation created 10 key(s), 0 failed, into keys-${pipelineId}.csv (server flavor v1p)`);
  expectNoSecret(output, rows);
}, 60_000);

test('example, schedule pipeline: tags only, so nothing runs', async () => {
  const dir = project(EXAMPLE);
  const { code, output } = await gitlabCiLocal(dir, 'key-generation', { CI_PIPELINE_SOURCE: 'schedule' });
  expect(code).toBe(0);
  expect(output).toContain('pipeline finished');
  expect(output).not.toContain('starting');
  expect(existsSync(artifacts(dir, 'key-generation'))).toBe(false);
}, 60_000);

const componentPipeline = (inputs: Record<string, string | number>) =>
  `include:\n  - local: templates/quota-keys.yml\n    inputs:\n${Object.entries(inputs)
    .map(([k, v]) => `      ${k}: ${JSON.stringify(v)}\n`)
    .join('')}stages: [keys]\n`;

test('component, schedule pipeline: scheduled-<YYYYMMDD> labels, the tier limit, CSV artifact and dotenv', async () => {
  const dir = project(componentPipeline({ stage: 'keys', count: 3, args: '--tier partner' }));
  const { code, output } = await gitlabCiLocal(dir, 'quota-keys', { CI_PIPELINE_SOURCE: 'schedule' });
  expect(output).toMatch(/PASS\s+quota-keys/);
  expect(code).toBe(0);
  const env = readDotenv(dir, 'quota-keys');
  const day = compactDate(new Date());
  expect(env).toMatchObject({ QUOTA_KEYS_CREATED: '3', QUOTA_KEYS_FAILED: '0', QUOTA_KEYS_HEALTHY: 'true', QUOTA_KEYS_FLAVOR: 'v1p' });
  expect(env.QUOTA_KEYS_CSV).toMatch(new RegExp(`^trial-keys-${day}-\\d+\\.csv$`));
  const rows = readCsv(path.join(artifacts(dir, 'quota-keys'), env.QUOTA_KEYS_CSV!));
  expect(rows.map((r) => r.label!).sort()).toEqual([1, 2, 3].map((n) => expect.stringMatching(new RegExp(`^scheduled-${day}-00${n}-p\\d+j\\d+$`))));
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
    artifacts: { paths: ['keys-*.csv'], expire_in: '1 day', when: 'always', reports: { dotenv: 'quota-keys.env' } },
  });
  expect(example['key-generation'].script.join('\n')).toMatch(/batch --count 10 --limit 100 --output "keys-\$CI_PIPELINE_ID\.csv"/);

  const [spec, job] = readFileSync(path.join(ROOT, 'templates/quota-keys.yml'), 'utf8').split(/^---$/m).map((doc) => parseYaml(doc) as Record<string, any>);
  const inputs = spec!.spec.inputs as Record<string, { default?: unknown }>;
  for (const name of ['command', 'url', 'count', 'limit', 'name', 'stage', 'image', 'expire_in']) expect(inputs).toHaveProperty(name);
  expect(inputs.image!.default).toBe('node:24-alpine');
  expect(inputs.expire_in!.default).toBe('1 day');
  expect(job!['quota-keys']).toMatchObject({
    artifacts: { when: 'always', expire_in: '$[[ inputs.expire_in ]]', reports: { dotenv: 'quota-keys.env' } },
    rules: [{ if: '$CI_COMMIT_TAG' }, { if: '$CI_PIPELINE_SOURCE == "web"' }, { if: '$CI_PIPELINE_SOURCE == "schedule"' }],
  });
  expect(job!['quota-keys'].artifacts.paths).toContain('trial-keys-*.csv');
  // The README quotes the example as it is.
  expect(readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toContain(`\`\`\`yaml\n${EXAMPLE}\`\`\``);
});
