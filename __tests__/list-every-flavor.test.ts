// list against each of the five flavors: every key, the label-prefix filter, the CSV equal to what
// the server holds, the seed tool's text lines (§5.2 parses them) and no full key anywhere.
import { readdirSync } from 'node:fs';
import { runRead } from '../__fixtures__/read-commands.js';
import { type DevServer, FLAVORS, type Flavor, startDevServer } from '../src/dev-server/index.js';
import { shortenKey } from '../src/shared/redact.js';

const CREATED = new Date('2026-01-15T08:09:10.000Z');
/** What `限制:` says per flavor: server-daily-limit where the server has no per-key limit. */
const LIMIT_TEXT: Record<Flavor, string> = {
  v1: '300/日',
  v01: '300/日',
  v1p: '50/日',
  v1a: '50/日',
  v10: '1000 总额度',
};

describe.each(FLAVORS.map((f) => [f]))('list on %s', (flavor) => {
  let server: DevServer;
  beforeAll(async () => {
    // v10's upstream /healthz never answers, so each run would wait 2 s before its probe: that path is
    // health-v10-upstream-defaults.test.ts's; here the health check answers at once.
    server = await startDevServer({ flavor, health: 'ok' });
    server.seedKeys(3, {
      labelPrefix: 'auto-',
      createdAt: CREATED,
      dailyLimit: flavor === 'v1p' || flavor === 'v1a' ? 50 : undefined,
    });
    server.seedKeys(2, {
      labelPrefix: 'manual-',
      createdAt: CREATED,
      dailyLimit: flavor === 'v1p' || flavor === 'v1a' ? 50 : undefined,
    });
  });
  afterAll(() => server.close());

  test('every key: CSV equal to the server, one seed line per key, listed-count', async () => {
    const { report, csvRows, lines, shown } = await runRead(server, {
      command: 'list',
      output: 'all.csv',
      'server-daily-limit': '300',
    });
    expect(report.ok).toBe(true);
    const keys = server.allKeys();
    expect(keys).toHaveLength(5);
    expect(report.outputs).toMatchObject({ 'listed-count': '5', flavor });
    expect(report.outputs['csv-path']).toBe(report.csvPath);
    expect(new Set(csvRows.map((r) => r.key))).toEqual(new Set(keys.map((k) => k.key)));
    expect(csvRows).toHaveLength(5);
    for (const row of csvRows) {
      const key = keys.find((k) => k.key === row.key)!;
      expect(row.label).toBe(key.label);
      expect(row.created_at).toBe(CREATED.toISOString());
      expect(row.daily_limit).toBe(flavor === 'v10' ? '' : LIMIT_TEXT[flavor].replace('/日', ''));
    }
    expect(lines).toHaveLength(5);
    for (const key of keys) {
      expect(lines).toContain(
        `${shortenKey(key.key)} | 标签: ${key.label} | 创建: 2026-01-15 08:09:10 UTC | 限制: ${LIMIT_TEXT[flavor]}`,
      );
      expect(shown).not.toContain(key.key);
    }
    expect(shown).not.toContain(server.token);
    expect(report.summary.table!.rows).toHaveLength(5);
  });

  test('label-prefix lists only the matching keys, and writes only those to the CSV', async () => {
    const { report, csvRows, lines } = await runRead(server, {
      command: 'list',
      'label-prefix': 'auto-',
      output: 'auto.csv',
    });
    expect(report.ok).toBe(true);
    const auto = server.allKeys().filter((k) => k.label!.startsWith('auto-'));
    expect(report.outputs['listed-count']).toBe('3');
    expect(new Set(csvRows.map((r) => r.key))).toEqual(new Set(auto.map((k) => k.key)));
    expect(lines.map((l) => l.split(' | ')[1])).toEqual(
      expect.arrayContaining(['标签: auto-1', '标签: auto-2', '标签: auto-3']),
    );
    expect(lines).toHaveLength(3);
    expect(report.summary.facts).toContainEqual(['Listed', '3 of 5']);
  });

  test('without output no CSV is written', async () => {
    const { report, workspace } = await runRead(server, { command: 'list' });
    expect(report.ok).toBe(true);
    expect(report.csvPath).toBeUndefined();
    expect(report.outputs['csv-path']).toBeUndefined();
    expect(readdirSync(workspace)).toEqual([]);
  });
});
