// dist/cli.js in a GitLab job (GITLAB_CI=true): names from CI_COMMIT_TAG / CI_PIPELINE_SOURCE,
// labels unique by pipeline and job id, outputs in quota-keys.env for `reports: dotenv`.

import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { runCliBundle } from '../__fixtures__/run-process.js';
import { startDevServerProcess } from '../scripts/lib/simulate-runner.js';
import { compactDate } from '../src/config/context.js';
import { dotenvName, dotenvPath, dotenvText } from '../src/platform/gitlab.js';

type Server = { url: string; token: string; stop: () => Promise<void> };
let server: Server;
beforeAll(async () => {
  server = await startDevServerProcess();
});
afterAll(() => server.stop());

async function cli(args: string[], env: Record<string, string>, cwd = mkdtempSync(path.join(tmpdir(), 'gitlab-job-'))) {
  return { ...(await runCliBundle(args, { cwd, env: { TZ: process.env.TZ, ...env } })), cwd };
}
/** Parses the file the way GitLab does, and checks it keeps GitLab's rules. */
function readDotenv(file: string): Record<string, string> {
  const text = readFileSync(file, 'utf8');
  expect(Buffer.byteLength(text)).toBeLessThan(5 * 1024);
  const lines = text.split('\n');
  expect(lines.pop()).toBe('');
  for (const line of lines) expect(line).toMatch(/^[A-Z][A-Z0-9_]*=[^\r\n"']*$/);
  return Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
}

const job = (cwd: string, extra: Record<string, string> = {}) => ({
  GITLAB_CI: 'true',
  CI_PROJECT_DIR: cwd,
  CI_PIPELINE_ID: '4242',
  CI_JOB_ID: '99',
  QUOTA_PROXY_URL: server.url,
  ADMIN_TOKEN: server.token,
  ...extra,
});

test('tag pipeline: release-<tag> labels, CSV in CI_PROJECT_DIR, quota-keys.env with the outputs', async () => {
  const cwd = mkdtempSync(path.join(tmpdir(), 'gitlab-job-'));
  const result = await cli(
    ['batch', '--count', '3', '--limit', '100'],
    job(cwd, { CI_COMMIT_TAG: 'v1.2.3', CI_PIPELINE_SOURCE: 'push' }),
    cwd,
  );
  expect(result.code).toBe(0);
  const env = readDotenv(path.join(cwd, 'quota-keys.env'));
  expect(env).toEqual({
    QUOTA_KEYS_CSV: `trial-keys-${compactDate(new Date())}-4242.csv`,
    QUOTA_KEYS_CREATED: '3',
    QUOTA_KEYS_FAILED: '0',
    QUOTA_KEYS_HEALTHY: 'true',
    QUOTA_KEYS_FLAVOR: 'v1',
  });
  const rows = parse(readFileSync(path.join(cwd, env.QUOTA_KEYS_CSV!)), { columns: true }) as Array<
    Record<string, string>
  >;
  expect(rows.map((r) => r.label!.replace(/n[0-9a-f]{6}$/, '')).sort()).toEqual(
    ['001', '002', '003'].map((n) => `release-v1.2.3-${n}-p4242j99`),
  );
  // v1: a server-wide limit it does not report: the upstream default, marked assumed.
  expect(rows.every((r) => r.daily_limit === '200' && r.daily_limit_source === 'assumed')).toBe(true);
  for (const row of rows) expect(result.stdout + result.stderr).not.toContain(row.key);
  expect(result.stdout + result.stderr).not.toContain(server.token);
});

test('schedule pipeline: scheduled-<YYYYMMDD> labels', async () => {
  const cwd = mkdtempSync(path.join(tmpdir(), 'gitlab-job-'));
  const result = await cli(['batch', '-c', '2'], job(cwd, { CI_PIPELINE_SOURCE: 'schedule' }), cwd);
  expect(result.code).toBe(0);
  const env = readDotenv(path.join(cwd, 'quota-keys.env'));
  const rows = parse(readFileSync(path.join(cwd, env.QUOTA_KEYS_CSV!)), { columns: true }) as Array<
    Record<string, string>
  >;
  expect(rows.map((r) => r.label!.replace(/n[0-9a-f]{6}$/, '')).sort()).toEqual([
    `scheduled-${compactDate(new Date())}-001-p4242j99`,
    `scheduled-${compactDate(new Date())}-002-p4242j99`,
  ]);
});

test('a failed health check: exit 1, QUOTA_KEYS_HEALTHY=false, nothing created', async () => {
  const cwd = mkdtempSync(path.join(tmpdir(), 'gitlab-job-'));
  const result = await cli(['batch', '--url', 'http://127.0.0.1:9'], job(cwd, { CI_PIPELINE_SOURCE: 'web' }), cwd);
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/error: Health check failed: .*connection refused/);
  expect(readDotenv(path.join(cwd, 'quota-keys.env'))).toEqual({
    QUOTA_KEYS_CSV: '',
    QUOTA_KEYS_CREATED: '',
    QUOTA_KEYS_FAILED: '',
    QUOTA_KEYS_HEALTHY: 'false',
    QUOTA_KEYS_FLAVOR: '',
  });
});

test('bad input in a GitLab job: exit 2, and the dotenv still exists for `when: always`', async () => {
  const cwd = mkdtempSync(path.join(tmpdir(), 'gitlab-job-'));
  const result = await cli(['batch', '--count', '0'], job(cwd), cwd);
  expect(result.code).toBe(2);
  expect(readDotenv(path.join(cwd, 'quota-keys.env')).QUOTA_KEYS_HEALTHY).toBe('');
});

test('--dotenv FILE outside GitLab writes there; without it no dotenv appears', async () => {
  const env = { QUOTA_PROXY_URL: server.url, ADMIN_TOKEN: server.token };
  const withFlag = await cli(['generate', '--name', 'x', '--dotenv', 'out/keys.env'], env);
  // The directory does not exist: a clean error, exit 1, no stack trace.
  expect(withFlag.code).toBe(1);
  expect(withFlag.stderr).toMatch(/^error: Could not write the dotenv file .*out\/keys\.env: ENOENT/m);
  expect(withFlag.stderr).not.toMatch(/\n\s+at /);

  const ok = await cli(['generate', '--name', 'x', '--dotenv=keys.env'], env);
  expect(ok.code).toBe(0);
  expect(readDotenv(path.join(ok.cwd, 'keys.env'))).toMatchObject({
    QUOTA_KEYS_CREATED: '1',
    QUOTA_KEYS_CSV: expect.stringMatching(/^trial-keys-\d{8}-\w+\.csv$/),
  });

  const plain = await cli(['generate', '--name', 'y'], env);
  expect(plain.code).toBe(0);
  expect(existsSync(path.join(plain.cwd, 'quota-keys.env'))).toBe(false);
});

test('--dotenv without a path is bad input', async () => {
  const result = await cli(['health', '--dotenv'], {});
  expect(result.code).toBe(2);
  expect(result.stderr).toBe("error: Invalid input 'dotenv' — --dotenv needs a file path, such as quota-keys.env.\n");
});

describe('dotenv names and text', () => {
  test.each([
    ['csv-path', 'QUOTA_KEYS_CSV'],
    ['created-count', 'QUOTA_KEYS_CREATED'],
    ['failed-count', 'QUOTA_KEYS_FAILED'],
    ['healthy', 'QUOTA_KEYS_HEALTHY'],
    ['flavor', 'QUOTA_KEYS_FLAVOR'],
    ['listed-count', 'QUOTA_KEYS_LISTED'],
    ['deleted-count', 'QUOTA_KEYS_DELETED'],
    ['alerts', 'QUOTA_KEYS_ALERTS'],
    ['artifact-id', 'QUOTA_KEYS_ARTIFACT_ID'],
  ])('%s → %s', (output, name) => {
    expect(dotenvName(output)).toBe(name);
  });

  test('values on one line; a CSV outside the directory stays absolute', () => {
    expect(dotenvText({ 'csv-path': '/elsewhere/k.csv', flavor: 'v1\nv2', alerts: '2' }, '/builds/p')).toBe(
      'QUOTA_KEYS_CSV=/elsewhere/k.csv\nQUOTA_KEYS_CREATED=\nQUOTA_KEYS_FAILED=\nQUOTA_KEYS_HEALTHY=\n' +
        // A line break inside a value is shown escaped, as in every channel (shared/neutralise.ts).
        'QUOTA_KEYS_FLAVOR=v1\\nv2\nQUOTA_KEYS_ALERTS=2\n',
    );
    expect(dotenvText({ 'csv-path': '/builds/p/out/k.csv' }, '/builds/p')).toMatch(/^QUOTA_KEYS_CSV=out\/k\.csv\n/);
  });

  test('where: the flag, else quota-keys.env in GitLab, else nowhere', () => {
    expect(dotenvPath('x.env', {}, '/w')).toBe('/w/x.env');
    expect(dotenvPath(undefined, { GITLAB_CI: 'true' }, '/w')).toBe('/w/quota-keys.env');
    expect(dotenvPath(undefined, { GITLAB_CI: 'false' }, '/w')).toBeUndefined();
  });
});
