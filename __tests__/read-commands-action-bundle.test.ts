// dist/index.js run as the GitHub runner runs it, for the read commands: usage's alerts become
// ::warning:: annotations, its chart lands in the job summary, fail-on-alert fails the step; list
// sets listed-count and csv-path; monitor sets alerts and listed-count. No key whole anywhere.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { runBundledAction } from '../scripts/lib/simulate-runner.js';
import { localDay } from '../src/config/values.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';
import { shortenKey } from '../src/shared/redact.js';

let server: DevServer;
let keys: string[];
beforeAll(async () => {
  server = await startDevServer({ flavor: 'v1a' });
  keys = server.seedKeys(4, { labelPrefix: 'ci-', dailyLimit: 50 });
  server.recordUsage(keys[0]!, 50); // 100 %
  server.recordUsage(keys[1]!, 40); // exactly 80 %
  server.recordUsage(keys[2]!, 39); // 78 %
});
afterAll(() => server.close());

/** Workflow commands escape %, CR and LF; the runner shows them decoded. */
const decoded = (stdout: string) => stdout.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const inputs = (more: Record<string, string>) => ({ url: server.url, 'admin-token': server.token, ...more });
const today = () => localDay(new Date());
/** `::add-mask::` hands the runner the secret to hide: it is not shown. */
const noKeys = (raw: string) => {
  const text = raw
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
  for (const key of keys) expect(text).not.toContain(key);
  expect(text).not.toContain(server.token);
};

test('usage: a ::warning:: per alerting key, output alerts, the chart in the job summary', async () => {
  const result = await runBundledAction(inputs({ command: 'usage' }));
  expect(result.code).toBe(0);
  expect(result.outputs).toMatchObject({ alerts: '2', flavor: 'v1a', healthy: 'true' });
  const warnings = decoded(result.stdout)
    .split('\n')
    .filter((l: string) => l.startsWith('::warning::'));
  expect(warnings).toHaveLength(2);
  expect(warnings[0]).toBe(
    `::warning::Key ${shortenKey(keys[0]!)} (ci-1) used 100% of its daily limit on ${today()} (50 of 50), ` +
      `at or above alert-threshold 80%.`,
  );
  expect(warnings[1]).toBe(
    `::warning::Key ${shortenKey(keys[1]!)} (ci-2) used 80% of its daily limit on ${today()} (40 of 50), at ` +
      `or above alert-threshold 80%.`,
  );
  expect(result.summary).toMatch(/```mermaid\n%%\{init: .*\}%%\nxychart-beta horizontal\n/);
  expect(result.summary).toContain('bar [100, 80, 78, 0]');
  expect(result.summary).toContain('| Label | Key | Requests | Daily limit | Percent |');
  // The terminal lines are for the CLI only.
  expect(result.summary + result.stdout).not.toContain('使用率');
  noKeys(result.stdout + result.stderr + result.summary + JSON.stringify(result.outputs));
});

test('usage with fail-on-alert fails the step with one line', async () => {
  const result = await runBundledAction(inputs({ command: 'usage', 'fail-on-alert': 'true' }));
  expect(result.code).toBe(1);
  expect(decoded(result.stdout)).toContain(
    '::error::2 key(s) at or above alert-threshold 80% (ci-1 100%, ci-2 80%) and fail-on-alert is set.',
  );
});

test('list with output: listed-count, csv-path and a CSV equal to the server', async () => {
  const result = await runBundledAction(inputs({ command: 'list', output: 'keys.csv', 'upload-artifact': 'false' }));
  expect(result.code).toBe(0);
  expect(result.outputs['listed-count']).toBe('4');
  const rows = parse(readFileSync(result.outputs['csv-path']!, 'utf8'), { columns: true }) as Array<
    Record<string, string>
  >;
  expect(new Set(rows.map((r) => r.key))).toEqual(new Set(server.allKeys().map((k) => k.key)));
  expect(rows.find((r) => r.key === keys[0])).toMatchObject({
    label: 'ci-1',
    daily_limit: '50',
    used_today: '50',
    status: 'active',
  });
  noKeys(result.stdout + result.stderr + result.summary);
});

test('monitor: alerts and listed-count for a scheduled run', async () => {
  const result = await runBundledAction(inputs({ command: 'monitor' }), { eventName: 'schedule' });
  expect(result.code).toBe(0);
  expect(result.outputs).toMatchObject({ alerts: '2', 'listed-count': '4' });
  expect(result.summary).toContain('- **Alerts:** 2');
});
