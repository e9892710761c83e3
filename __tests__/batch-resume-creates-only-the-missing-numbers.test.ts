// `batch --count 50` on v10 makes what fits its admin rate limit (30 requests a window) and names the
// exact command that finishes it: `quota-keys batch --resume FILE`. Run after the window, that
// command creates only the missing numbers, under the same labels, and leaves FILE holding the whole
// batch: 50 keys numbered 001–050, no number twice on the server. (Windows are shortened here.)
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { runCliBundle } from '../__fixtures__/run-process.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';

let server: DevServer;
afterEach(() => server.close());

type Row = Record<string, string>;
const readCsv = (file: string) => parse(readFileSync(file, 'utf8'), { columns: true }) as Row[];
const LABEL = /^rl-(\d{3})-(c[0-9a-z]+n[0-9a-f]{6})$/;
const posts = () => server.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/admin/keys')).length;

test(
  'v10: the first run makes what fits and names `quota-keys batch --resume FILE`; that command, after the ' +
    'window, makes exactly the missing numbers and FILE holds all 50, 001–050',
  async () => {
    server = await startDevServer({ flavor: 'v10', rateLimit: { max: 30, windowSeconds: 4 } });
    const cwd = mkdtempSync(path.join(tmpdir(), 'resume-v10-'));
    const file = path.join(cwd, 'keys.csv');
    const env = { ADMIN_TOKEN: server.token, QUOTA_PROXY_URL: server.url };
    const first = await runCliBundle(
      ['batch', '--count', '50', '--name', 'rl', '--output', file, '--max-wait-seconds', '1', '--skip-health-check'],
      { cwd, env },
    );
    expect(first.code).toBe(1);
    const made = readCsv(file);
    const fit = made.length;
    expect(fit).toBeGreaterThan(20);
    expect(fit).toBeLessThan(50);
    const advice = `quota-keys batch --resume ${file} --url ${server.url}/ --skip-health-check`;
    expect(first.stderr).toContain(`(run again after `);
    expect(first.stderr).toContain(`with \`${advice}\``);
    expect(first.stderr.split('\n').find((l) => l.startsWith('error: '))).toContain(advice);
    const suffix = LABEL.exec(made[0]!.label!)![2];

    await new Promise((resolve) => setTimeout(resolve, 4200));
    const before = posts();
    const resumed = await runCliBundle(advice.split(' ').slice(1), { cwd, env });
    expect({ code: resumed.code, stderr: resumed.stderr }).toMatchObject({ code: 0 });
    expect(posts() - before).toBe(50 - fit);

    const rows = readCsv(file);
    expect(rows).toHaveLength(50);
    const numbers = rows
      .map((r) => LABEL.exec(r.label!)!)
      .map((m) => {
        expect(m[2]).toBe(suffix);
        return m[1];
      });
    expect(numbers.sort()).toEqual(Array.from({ length: 50 }, (_, i) => String(i + 1).padStart(3, '0')));
    expect(rows.map((r) => r.key)).toEqual(expect.arrayContaining(made.map((r) => r.key)));
    const onServer = server.allKeys().filter((k) => LABEL.test(k.label ?? ''));
    expect(onServer).toHaveLength(50);
    expect(new Set(onServer.map((k) => k.label)).size).toBe(50);
    expect(new Set(onServer.map((k) => k.key))).toEqual(new Set(rows.map((r) => r.key)));
    expect(resumed.stdout).toMatch(/Created: 50/);
  },
);
