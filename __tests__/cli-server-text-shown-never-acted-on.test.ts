// The CLI prints labels in its tables and lines (list, usage, monitor), on stdout and stderr, which
// may be a `run:` step's log on GitHub, a GitLab job log or a terminal. Read by the runner's own
// rules (__fixtures__/runner-log.ts), nothing the CLI prints is a workflow command; no ESC, CR or
// bidi control reaches the output raw; --json keeps every label's value exactly while its text holds
// no `##[` and nothing invisible; the GitLab dotenv stays one line per output.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HOSTILE_LABELS } from '../__fixtures__/hostile-labels.js';
import { runCliBundle } from '../__fixtures__/run-process.js';
import { readAsRunner } from '../__fixtures__/runner-log.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer({ flavor: 'v1p' });
  for (const label of HOSTILE_LABELS) {
    const [key] = server.seedKeys(1, { labelPrefix: `${label}-` });
    server.recordUsage(key!, 190);
  }
});
afterAll(() => server.close());

const env = () => ({ QUOTA_PROXY_URL: server.url, ADMIN_TOKEN: server.token, TZ: process.env.TZ });
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200b-\u200f]/;

function expectInert(output: string): void {
  const reading = readAsRunner(output);
  expect(reading.commands).toEqual([]);
  expect(output).not.toMatch(RAW);
  expect(output).not.toContain('##[');
  expect(output.split('\n').some((line) => /^[\s\u3000]*::/.test(line))).toBe(false);
}

test.each(
  (['table', 'legacy'] as const).flatMap((format) =>
    (
      [
        ['list', []],
        ['usage', ['--alert-threshold', '50']],
        ['usage', ['--days', '3']],
        ['monitor', []],
      ] as Array<[string, string[]]>
    ).map(([command, args]) => [command, [...args, '--format', format]] as [string, string[]]),
  ),
)('%s %j: the labels are shown escaped, and nothing is a command', async (command, args) => {
  const result = await runCliBundle([command, ...args], { env: env() });
  expect(result.code).toBe(0);
  expectInert(result.stdout + result.stderr);
  // One key, one line (a table row, or an old tool's line): a label's line break is shown, never obeyed.
  const keyLines = result.stdout.split('\n').filter((line) => /(^| {2})roc_/.test(line));
  expect(keyLines).toHaveLength(HOSTILE_LABELS.length);
  // Shown, not dropped: the escaped forms are there for a reader.
  expect(result.stdout + result.stderr).toContain('x##\\x5bstop-commands]pwn');
  expect(result.stdout + result.stderr).toContain('\\u{202e}FORGED-bidi');
});

test('list --json: every label has its exact value, the text has no `##[` and nothing invisible', async () => {
  const result = await runCliBundle(['list', '--json'], { env: env() });
  expect(result.code).toBe(0);
  expectInert(result.stdout);
  const document = JSON.parse(result.stdout);
  const labels = new Set(document.rows.map((row: { label: string }) => row.label));
  for (const label of HOSTILE_LABELS) expect(labels.has(`${label}-1`)).toBe(true);
});

test('a GitLab job: the log is inert and the dotenv holds one line per output', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gitlab-hostile-'));
  const servers = path.join(dir, 'servers.yml');
  // A server's name is the servers file's text: it reaches the dotenv through `results`.
  writeFileSync(servers, `servers:\n  - { name: "ok-1", url: "${server.url}", token-env: ADMIN_TOKEN }\n`);
  const gitlab = { CI_JOB_ID: '7', CI_PIPELINE_ID: '9', CI_PROJECT_DIR: dir, GITLAB_CI: 'true' };
  const result = await runCliBundle(['list', '--config', servers], { cwd: dir, env: { ...env(), ...gitlab } });
  expect(result.code).toBe(0);
  expectInert(result.stdout + result.stderr);
  const dotenv = readFileSync(path.join(dir, 'quota-keys.env'), 'utf8');
  for (const line of dotenv.trimEnd().split('\n')) expect(line).toMatch(/^QUOTA_KEYS_[A-Z0-9_]+=[^\r\n]*$/);
  expect(dotenv).not.toMatch(RAW);
});
