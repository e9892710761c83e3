// dist/cli.js as the seed guide's users run it: list (§3.3), monitor (§3.4), usage (§3.5), the cron
// script of §4.2 grepping `使用率`, and the rotation script of §5.2 parsing list's lines — the
// guide's own bash, run by bash, calling the drop-in examples/automate-trial-key-generation.sh (the
// old tool's name and lines: --format legacy) where the guide calls the old tool. Without the
// drop-in, the same commands print English tables. The dev server runs in this process; the CLI is
// a child process.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chat } from '../__fixtures__/read-commands.js';
import { startProcess } from '../__fixtures__/run-process.js';
import { ROOT } from '../scripts/lib/simulate-runner.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';
import { shortenKey } from '../src/shared/redact.js';

const CLI = path.join(ROOT, 'dist/cli.js');
const DROP_IN = path.join(ROOT, 'examples/automate-trial-key-generation.sh');
const cwd = mkdtempSync(path.join(tmpdir(), 'cli-read-'));
let server: DevServer;
let keys: string[];
/** Everything any CLI run printed, checked for full keys at the end. */
const printed: string[] = [];

beforeAll(async () => {
  server = await startDevServer({ flavor: 'v1' });
  keys = server.seedKeys(3, { labelPrefix: '用户-', createdAt: new Date('2026-01-15T08:09:10Z') });
  for (let i = 0; i < 20; i++) expect(await chat(server, keys[0]!)).toBe(200);
});
afterAll(async () => {
  const all = printed.join('\n');
  for (const key of server.allKeys()) expect(all).not.toContain(key.key);
  expect(all).not.toContain(server.token);
  await server.close();
});

const baseEnv = () => ({
  PATH: process.env.PATH!,
  HOME: process.env.HOME!,
  ...(process.env.TZ ? { TZ: process.env.TZ } : {}),
});

function start(command: string, args: string[], env: Record<string, string> = {}) {
  const run = startProcess(command, args, { cwd, env: { ...baseEnv(), ...env } });
  let stdout = '';
  run.child.stdout!.on('data', (d) => (stdout += d));
  const done = run.done.then((finished) => {
    printed.push(finished.stdout, finished.stderr);
    return finished;
  });
  return { child: run.child, done, stdout: () => stdout };
}
const cli = (args: string[], env: Record<string, string> = {}) => start(process.execPath, [CLI, ...args], env).done;
/** How the drop-in starts quota-keys here (installed, it is `quota-keys`). */
const QUOTA_KEYS = `${process.execPath} ${CLI}`;
/** The old tool's command line: the drop-in in its place. */
const old = (args: string[], env: Record<string, string> = {}) =>
  start('sh', [DROP_IN, ...args], { QUOTA_KEYS, ...env }).done;
/** The guide's scripts call the tool by path: here it is `$TOOL`, the drop-in. */
const bash = (script: string, env: Record<string, string> = {}) =>
  start('bash', ['-c', script], {
    TOOL: DROP_IN,
    QUOTA_KEYS,
    ADMIN_TOKEN: server.token,
    QUOTA_PROXY_URL: server.url,
    ...env,
  }).done;

test('§3.3 list --token (URL from QUOTA_PROXY_URL): one seed line per key on stdout, facts on stderr', async () => {
  const result = await old(['list', '--token', server.token], { QUOTA_PROXY_URL: server.url });
  expect(result.code).toBe(0);
  expect(result.stdout.trimEnd().split('\n').sort()).toEqual(
    // v1 does not report its DAILY_REQ_LIMIT and server-daily-limit is not given: the upstream 200, 假定 (assumed).
    keys
      .map((key, i) => `${shortenKey(key)} | 标签: 用户-${i + 1} | 创建: 2026-01-15 08:09:10 UTC | 限制: 200/日 (假定)`)
      .sort(),
  );
  expect(result.stderr).toMatch(/^Listed: 3$/m);
  expect(result.stderr).toMatch(/^Flavor: v1$/m);
});

test('§3.3 list --token --url', async () => {
  const result = await old(['list', '--token', server.token, '--url', server.url]);
  expect(result.code).toBe(0);
  expect(result.stdout.trimEnd().split('\n')).toHaveLength(3);
});

test('list without the drop-in: an English table of the fields v1 keys have; --format legacy: the lines', async () => {
  const result = await cli(['list', '--token', server.token, '--url', server.url]);
  expect(result.code).toBe(0);
  const [head, rule, ...rows] = result.stdout.trimEnd().split('\n');
  expect(head!.split(/ {2,}/)).toEqual(['Label', 'Key', 'Daily limit', 'Created (UTC)']);
  expect(rule).toMatch(/^[- ]+$/);
  expect(rows.map((r) => r.split(/ {2,}/)).sort()).toEqual(
    keys.map((key, i) => [`用户-${i + 1}`, shortenKey(key), '200 (assumed)', '2026-01-15 08:09:10']).sort(),
  );
  const legacy = await cli(['list', '--token', server.token, '--url', server.url, '--format', 'legacy']);
  expect(legacy.stdout.trimEnd().split('\n').sort()).toEqual(
    (await old(['list', '--token', server.token, '--url', server.url])).stdout.trimEnd().split('\n').sort(),
  );
  const bad = await cli(['list', '--token', server.token, '--url', server.url, '--format', 'csv']);
  expect(bad.code).toBe(2);
  expect(bad.stderr.trim()).toMatch(/^error: Invalid input 'format': "csv" — expected table or legacy/);
});

test('§5.2 the rotation script reads key and creation date from every list line', async () => {
  // The guide's loop, verbatim but for the tool's path and an echo in place of its age check.
  const result = await bash(`
KEYS=$($TOOL list --token "$ADMIN_TOKEN" --url "$QUOTA_PROXY_URL")
echo "$KEYS" | while read -r key_info; do
    key=$(echo "$key_info" | cut -d'|' -f1 | xargs)
    created=$(echo "$key_info" | grep -o '创建: [^|]*' | cut -d' ' -f2)
    echo "$key $created"
done`);
  expect(result.code).toBe(0);
  expect(result.stdout.trimEnd().split('\n').sort()).toEqual(keys.map((key) => `${shortenKey(key)} 2026-01-15`).sort());
});

test('§3.5 usage --token: 使用率 per key and the totals', async () => {
  const result = await old(['usage', '--token', server.token, '--url', server.url]);
  expect(result.code).toBe(0);
  const lines = result.stdout.trimEnd().split('\n');
  expect(lines[0]).toBe(`${shortenKey(keys[0]!)} | 标签: 用户-1 | 请求: 20 | 限制: 200/日 (假定) | 使用率: 10%`);
  expect(lines).toHaveLength(4);
  expect(lines[3]).toMatch(/^日期: \d{4}-\d\d-\d\d \| 总请求: 20 \| 活跃密钥: 1 \| 总密钥: 3 \| 告警: 0 \(阈值 80%\)$/);
  expect(result.stderr).toMatch(/^Percent of: the server-wide daily limit, 200/m);
});

test('§4.2 the cron script warns when usage shows a key at 80% or more, and only then', async () => {
  const log = path.join(cwd, 'monitor.log');
  writeFileSync(log, '');
  // monitor-usage-cron.sh of the guide, but for the server URL, log file and tool path.
  const cron = `
set -euo pipefail
ALERT_THRESHOLD=80
LOG_FILE="${log}"
STATS=$($TOOL usage \\
  --token "$ADMIN_TOKEN" \\
  --url "$QUOTA_PROXY_URL" 2>/dev/null || echo "监控失败")
echo "$(date): $STATS" >> "$LOG_FILE"
if echo "$STATS" | grep -q "使用率: [8-9][0-9]%\\|使用率: 100%"; then
    echo "$(date): 警告：发现高使用率密钥" >> "$LOG_FILE"
fi`;
  expect((await bash(cron)).code).toBe(0);
  expect(readFileSync(log, 'utf8')).toContain('使用率: 10%');
  expect(readFileSync(log, 'utf8')).not.toContain('警告');

  server.recordUsage(keys[1]!, 170); // 85 % of 200
  expect((await bash(cron)).code).toBe(0);
  const text = readFileSync(log, 'utf8');
  expect(text).toContain('使用率: 85%');
  expect(text).toContain('警告：发现高使用率密钥');
});

test(
  'usage --fail-on-alert: exit 3 (an alert, told apart from a failure), a warning per alerting key, ' +
    'one error line',
  async () => {
    const result = await cli(['usage', '--token', server.token, '--url', server.url, '--fail-on-alert']);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`warning: Key ${shortenKey(keys[1]!)} (用户-2) used 85% of its daily limit`);
    expect(result.stderr).toMatch(
      /^error: 1 key\(s\) at or above alert-threshold 80% \(用户-2 85%\) and fail-on-alert is set\.$/m,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  },
);

test('§3.4 monitor --token: one pass, totals first, then the busiest keys', async () => {
  const result = await old(['monitor', '--token', server.token], { QUOTA_PROXY_URL: server.url });
  expect(result.code).toBe(0);
  const lines = result.stdout.trimEnd().split('\n');
  expect(lines[0]).toMatch(/^时间: .* \| 总请求: 190 \| 活跃密钥: 2 \| 总密钥: 3 \| 告警: 1 \(阈值 80%\)$/);
  expect(lines[1]).toContain('使用率: 85%');
  expect(result.stderr).toMatch(/^Healthy: yes$/m);
});

test('§3.4 monitor --watch 1: passes repeat until Ctrl-C, which stops cleanly with exit 0', async () => {
  const run = start('sh', [DROP_IN, 'monitor', '--token', server.token, '--url', server.url, '--watch', '1'], {
    QUOTA_KEYS,
  });
  const started = Date.now();
  while ((run.stdout().match(/^时间: /gm) ?? []).length < 2) {
    if (Date.now() - started > 10_000) throw new Error(`no second pass: ${run.stdout()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  run.child.kill('SIGINT');
  const result = await run.done;
  expect(result.code).toBe(0);
  expect(result.stderr).toContain('watching every 1 s; Ctrl-C stops');
  expect(result.stderr).toContain('stopping');
  expect(result.stderr).not.toMatch(/error|\n\s+at /);
});

test('--watch belongs to monitor only: exit 2 with one line', async () => {
  const result = await cli(['list', '--token', server.token, '--url', server.url, '--watch', '5']);
  expect(result.code).toBe(2);
  expect(result.stderr.trim()).toMatch(/^error: Invalid input 'watch': "5" — only monitor repeats/);
});
