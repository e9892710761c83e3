// v10 reports created_at as a zone-less SQL datetime in UTC. Rotation must delete the same keys
// whatever the runner's time zone: keys 4 hours either side of the 30-day line would flip if the
// datetime were read as local time in UTC+8 (Asia/Shanghai) or UTC-8 (America/Los_Angeles).
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DAY_MS, runCli } from '../__fixtures__/write-commands.js';
import { startDevServer } from '../src/dev-server/index.js';

const HOUR_MS = 3_600_000;

async function rotateIn(tz: string) {
  const server = await startDevServer({ flavor: 'v10' });
  try {
    const now = Date.now();
    server.seedKeys(2, { labelPrefix: 'auto-old-', createdAt: new Date(now - 31 * DAY_MS) });
    server.seedKeys(1, { labelPrefix: 'auto-just-older-', createdAt: new Date(now - 30 * DAY_MS - 4 * HOUR_MS) });
    server.seedKeys(1, { labelPrefix: 'auto-just-younger-', createdAt: new Date(now - 30 * DAY_MS + 4 * HOUR_MS) });
    server.seedKeys(1, { labelPrefix: 'auto-new-', createdAt: new Date(now - DAY_MS) });
    const before = server.allKeys().map((k) => k.label!);
    const cwd = mkdtempSync(path.join(tmpdir(), 'rotate-tz-'));
    const result = await runCli(
      ['rotate', '--older-than-days', '30', '--label-prefix', 'auto-', '--token', server.token, '--url', server.url],
      { cwd, env: { TZ: tz } },
    );
    const after = new Set(server.allKeys().map((k) => k.label!));
    return { result, deleted: before.filter((label) => !after.has(label)).sort() };
  } finally {
    await server.close();
  }
}

test('the same deletions with TZ=UTC, TZ=Asia/Shanghai and TZ=America/Los_Angeles', async () => {
  const expected = ['auto-just-older-1', 'auto-old-1', 'auto-old-2'];
  const zones = ['UTC', 'Asia/Shanghai', 'America/Los_Angeles'];
  // Each zone its own server and process: the three run at once.
  const runs = await Promise.all(zones.map(rotateIn));
  for (const [i, tz] of zones.entries()) {
    const { result, deleted } = runs[i]!;
    expect({ tz, code: result.code, deleted, stderr: result.code === 0 ? '' : result.stderr }).toEqual({
      tz,
      code: 0,
      deleted: expected,
      stderr: '',
    });
    expect(result.stdout).toMatch(/^Deleted: 3$/m);
  }
});

test('a child given TZ runs in that zone (else the test above would prove nothing)', () => {
  const offset = (tz: string) =>
    spawnSync(
      process.execPath,
      ['-e', 'process.stdout.write(String(new Date(Date.UTC(2026, 0, 15)).getTimezoneOffset()))'],
      { env: { TZ: tz } },
    ).stdout.toString();
  expect([offset('UTC'), offset('Asia/Shanghai'), offset('America/Los_Angeles')]).toEqual(['0', '-480', '480']);
});
