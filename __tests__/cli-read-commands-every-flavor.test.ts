// The seed guide's read-side command lines (§3.3 list, §3.4 monitor, §3.5 usage, the §4.2 cron's
// grep and the §5.2 loop's parsing) through dist/cli.js with --format legacy (the old tool's lines),
// on every flavor.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { chat } from '../__fixtures__/read-commands.js';
import { ROOT } from '../scripts/lib/simulate-runner.js';
import { type DevServer, FLAVORS, startDevServer } from '../src/dev-server/index.js';
import { shortenKey } from '../src/shared/redact.js';

const CLI = path.join(ROOT, 'dist/cli.js');

describe.each(FLAVORS.map((f) => [f]))('%s', (flavor) => {
  let server: DevServer;
  let keys: string[];
  beforeAll(async () => {
    server = await startDevServer({ flavor, dailyLimit: 20 });
    keys = server.seedKeys(2, { labelPrefix: 'seed-', createdAt: new Date('2026-01-15T08:09:10Z') });
    // 17 requests: 85 % of a daily limit of 20 (v1p/v1a per key, v1/v01 server-wide via
    // server-daily-limit below); v10 counts them against its lifetime quota instead.
    for (let i = 0; i < 17; i++) expect(await chat(server, keys[0]!)).toBe(200);
  });
  afterAll(() => server.close());

  const cli = (command: string, ...args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
      execFile(
        process.execPath,
        [CLI, command, '--format', 'legacy', '--token', server.token, '--server-daily-limit', '20', ...args],
        { env: { PATH: process.env.PATH, QUOTA_PROXY_URL: server.url } },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
      ),
    );
  const noSecrets = (text: string) => {
    for (const key of keys) expect(text).not.toContain(key);
    expect(text).not.toContain(server.token);
  };

  test('§3.3 list and the §5.2 fields: shortened key | 标签 | 创建 | 限制, one line per key', async () => {
    const result = await cli('list');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    keys.forEach((key, i) => {
      const line = lines.find((l) => l.startsWith(`${shortenKey(key)} | `));
      expect(line?.split(' | ').slice(0, 3)).toEqual([
        shortenKey(key),
        `标签: seed-${i + 1}`,
        '创建: 2026-01-15 08:09:10 UTC',
      ]);
    });
    noSecrets(result.stdout + result.stderr);
  });

  test('§3.5 usage: 使用率 per key and the totals line; the §4.2 grep finds the busy key', async () => {
    const result = await cli('usage');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    const busy = lines.find((l) => l.startsWith(shortenKey(keys[0]!)))!;
    expect(busy).toMatch(/使用率: \d+%$/);
    // Per calendar day on four flavors; v10 counts a lifetime quota (1000 by default): 17 of it.
    expect(busy).toContain(flavor === 'v10' ? '使用率: 1%' : '使用率: 85%');
    expect(/使用率: [8-9][0-9]%|使用率: 100%/.test(result.stdout)).toBe(flavor !== 'v10');
    expect(lines[2]).toMatch(
      /^日期: \d{4}-\d\d-\d\d \| 总请求: 17 \| 活跃密钥: 1 \| 总密钥: 2 \| 告警: [01] \(阈值 80%\)$/,
    );
    noSecrets(result.stdout + result.stderr);
  });

  test('§3.4 monitor: one pass with totals first', async () => {
    const result = await cli('monitor');
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toMatch(/^时间: .* \| 总请求: 17 \| 活跃密钥: 1 \| 总密钥: 2 \| /);
    expect(result.stderr).toMatch(new RegExp(`^Flavor: ${flavor}$`, 'm'));
    noSecrets(result.stdout + result.stderr);
  });
});
