// `npm start` (scripts/start.js) is the README's first command: the demo must show what it asked
// for (5 keys, daily limit 100), and any warning of the run on screen rather than dropped. It writes
// its CSV outside the folder it runs in (the checkout) and says where; then the usage dashboard of
// the dev server's demo, its path printed.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { startProcess } from '../__fixtures__/run-process.js';
import { DEMO_KEYS } from '../src/dev-server/index.js';

const START = path.resolve(import.meta.dirname, '../scripts/start.js');
let cwd: string;
const temporary: string[] = [];
beforeAll(() => {
  cwd = mkdtempSync(path.join(tmpdir(), 'npm-start-'));
  temporary.push(cwd);
});
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

test('npm start issues 5 keys with the daily limit 100 it asked for, and says so on screen', async () => {
  const { done } = startProcess(process.execPath, [START], {
    cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
  });
  const result = await done;
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/issuing 5 keys with limit 100/);
  const rows = result.stdout.split('\n').filter((line) => /^\| batch-\d{8}-\d{3}-/.test(line));
  expect(rows).toHaveLength(5);
  for (const row of rows) expect(row.split('|').map((c) => c.trim())[3]).toBe('100');
  // No annotation line is left raw, and none is silently dropped.
  expect(result.stdout).not.toMatch(/^::/m);
  // Nothing is added where it runs (the checkout): the CSV is in a temp folder of its own, named on screen.
  expect(readdirSync(cwd)).toEqual([]);
  const csvPath = result.stdout.match(/^CSV: (\S+\.csv)$/m)![1]!;
  expect(path.dirname(csvPath)).toMatch(
    new RegExp(`^${tmpdir().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/quota-keys-demo-`),
  );
  temporary.push(path.dirname(csvPath));
  const csv = parse(readFileSync(csvPath, 'utf8'), { columns: true }) as Array<Record<string, string>>;
  expect(csv.map((r) => r.daily_limit)).toEqual(['100', '100', '100', '100', '100']);
  // Then the dashboard of the dev server's usage demo, its path on screen.
  const dashboard = /^Dashboard \(usage of the demo's 14 days; open it in a browser\): (\S+\.html)$/m.exec(
    result.stdout,
  );
  expect(dashboard).not.toBeNull();
  const html = readFileSync(dashboard![1]!, 'utf8');
  for (const [label] of DEMO_KEYS) expect(html).toContain(`${label}-1`);
  expect(html).toContain('<h1>Usage of quota-proxy keys</h1>');
});
