// The bundled action on v10 (30 admin requests a window): attempt 1 of a batch of 50 makes what fits
// and says to re-run the job after the window; attempt 2, after it, exports attempt 1's keys and
// creates only the missing numbers: 50 keys, numbers 001–050 once each, none twice on the server.
// (The window is shortened here.)
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { runBundledAction } from '../scripts/lib/simulate-runner.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';

let server: DevServer;
afterEach(() => server.close());

type Row = Record<string, string>;
const readCsv = (file: string) => parse(readFileSync(file, 'utf8'), { columns: true }) as Row[];
const LABEL = /^rr-(\d{3})-r8800a(\d)i[0-9a-f]{6}n[0-9a-f]{6}$/;
const posts = () => server.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/admin/keys')).length;

test('attempt 2 after the window finishes the batch attempt 1 left short by the rate limit', async () => {
  server = await startDevServer({ flavor: 'v10', rateLimit: { max: 30, windowSeconds: 4 } });
  const attempt = async (n: number) => {
    const result = await runBundledAction(
      {
        command: 'batch',
        count: '50',
        name: 'rr',
        url: server.url,
        'admin-token': server.token,
        'upload-artifact': 'false',
        'max-wait-seconds': '1',
        'skip-health-check': 'true',
      },
      { eventName: 'workflow_dispatch', runId: '8800', attempt: String(n) },
    );
    return { ...result, rows: result.outputs['csv-path'] ? readCsv(result.outputs['csv-path']) : [] };
  };
  const first = await attempt(1);
  expect(first.code).toBe(1);
  const fit = first.rows.length;
  expect(fit).toBeGreaterThan(20);
  expect(fit).toBeLessThan(50);
  expect(first.outputs).toMatchObject({ 'created-count': String(fit), 'failed-count': String(50 - fit) });
  expect(first.stdout).toMatch(/run again after \S+ by re-running this job/);
  expect(first.stdout.split('\n').find((l) => l.startsWith('::error::'))).toMatch(
    /Run again after \S+ by re-running this job, which creates only the missing keys\.$/,
  );

  await new Promise((resolve) => setTimeout(resolve, 4200));
  const before = posts();
  const second = await attempt(2);
  expect({ code: second.code, out: second.stdout }).toMatchObject({ code: 0 });
  expect(posts() - before).toBe(50 - fit);
  expect(second.outputs).toMatchObject({ 'created-count': '50', 'failed-count': '0' });
  const labels = second.rows.map((r) => LABEL.exec(r.label!)!);
  expect(labels.map((m) => m[1]).sort()).toEqual(Array.from({ length: 50 }, (_, i) => String(i + 1).padStart(3, '0')));
  expect(labels.filter((m) => m[2] === '1')).toHaveLength(fit);
  expect(second.rows.map((r) => r.key)).toEqual(expect.arrayContaining(first.rows.map((r) => r.key)));
  const onServer = server.allKeys().filter((k) => LABEL.test(k.label ?? ''));
  expect(onServer).toHaveLength(50);
  expect(new Set(onServer.map((k) => LABEL.exec(k.label!)![1])).size).toBe(50);
});
