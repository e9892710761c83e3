// dist/index.js as the runner runs it: a child process with INPUT_* env, output and summary files.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { runBundledAction, startDevServerProcess } from '../scripts/lib/simulate-runner.js';
import { startDevServer } from '../src/dev-server/index.js';

type Server = { url: string; token: string; stop: () => Promise<void> };
let server: Server;
beforeAll(async () => {
  server = await startDevServerProcess();
});
afterAll(() => server.stop());

function expectNoSecrets(text: string, keys: string[]) {
  expect(text).not.toContain(server.token);
  for (const key of keys) expect(text).not.toContain(key);
}

test('tag push: a batch named release-<tag>, outputs, summary, CSV; no secret in stdout/stderr', async () => {
  const result = await runBundledAction(
    { command: 'batch', count: '4', limit: '50', url: server.url, 'admin-token': server.token },
    { eventName: 'push', ref: 'refs/tags/v1.4.0', runId: '555', attempt: '2' },
  );
  expect(result.code).toBe(0);
  expect(result.outputs).toMatchObject({ 'created-count': '4', 'failed-count': '0', healthy: 'true', flavor: 'v1' });
  const rows = parse(readFileSync(result.outputs['csv-path']!, 'utf8'), { columns: true }) as Array<
    Record<string, string>
  >;
  expect(rows.map((r) => r.label!.replace(/i[0-9a-f]{6}n[0-9a-f]{6}$/, '')).sort()).toEqual(
    ['001', '002', '003', '004'].map((n) => `release-v1.4.0-${n}-r555a2`),
  );
  expect(result.outputs['csv-path']).toMatch(/trial-keys-\d{8}-555\.csv$/);
  const keys = rows.map((r) => r.key!);
  // The token and every key are masked for the runner before anything else is printed…
  const masks = result.stdout
    .split('\n')
    .filter((l: string) => l.startsWith('::add-mask::'))
    .map((l: string) => l.slice('::add-mask::'.length));
  expect(masks).toHaveLength(1 + keys.length);
  expect(new Set(masks)).toEqual(new Set([server.token, ...keys]));
  // …and apart from those mask commands nothing shows them.
  const printed =
    result.stdout
      .split('\n')
      .filter((l: string) => !l.startsWith('::add-mask::'))
      .join('\n') + result.stderr;
  expectNoSecrets(printed, keys);
  expectNoSecrets(result.summary, keys);
  expect(result.summary).toMatch(/\| release-v1\.4\.0-001-r555a2i[0-9a-f]{6}n[0-9a-f]{6} \|/);
  expect(result.summary).toMatch(/\*\*Flavor:\*\* v1/);
  expect(Object.values(result.outputs).join('\n')).not.toContain(keys[0]);
});

test('workflow_dispatch: the form inputs arrive through with:', async () => {
  const result = await runBundledAction(
    { command: 'generate', name: 'vip-客户-001', limit: '5000', url: server.url, 'admin-token': server.token },
    { eventName: 'workflow_dispatch', runId: '556' },
  );
  expect(result.code).toBe(0);
  const rows = parse(readFileSync(result.outputs['csv-path']!, 'utf8'), { columns: true }) as Array<
    Record<string, string>
  >;
  expect(rows.map((r) => r.label)).toEqual(['vip-客户-001']);
  expectNoSecrets(result.stderr, [rows[0]!.key!]);
});

test('a failed health check fails the step with one line and healthy=false', async () => {
  const result = await runBundledAction(
    { command: 'batch', url: 'http://127.0.0.1:9', 'admin-token': 'x'.repeat(20) },
    { eventName: 'schedule' },
  );
  expect(result.code).toBe(1);
  expect(result.outputs.healthy).toBe('false');
  expect(result.stdout).toMatch(
    new RegExp(
      String.raw`^::error::Health check failed: GET http:\/\/127\.0\.0\.1:9\/healthz:` +
        String.raw` connection refused \(4 attempts\); check that quota-proxy is running`,
      'm',
    ),
  );
  expect(result.stdout.replace(/^::add-mask::.*$/m, '')).not.toContain('x'.repeat(20));
});

test('bad input fails before any request', async () => {
  const watched = await startDevServer();
  try {
    const result = await runBundledAction({
      command: 'batch',
      count: '1e9',
      url: watched.url,
      'admin-token': watched.token,
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '::error::Invalid input \'count\': "1e9" — expected a whole number from 1 to 10000.',
    );
    expect(watched.requests).toEqual([]);
  } finally {
    await watched.close();
  }
});
