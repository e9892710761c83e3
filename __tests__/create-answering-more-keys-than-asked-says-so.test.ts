// A v01 native batch create that answers more keys than it was asked for (10,000 for 5: a broken or
// hostile server) loses none of them: every key it answered is in the CSV, since it exists on the
// server, a warning says how many were answered for how many asked, and no further create is sent,
// since each could multiply again. On the old code the run ended "Created 10000 of 5 key(s)" with
// exit 0 and no word of why, and `-c 10000` went on through all 100 chunks: a million keys, 733 MB.
// The bundled CLI against a v01-shaped server of the test's own.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { runCliBundle } from '../__fixtures__/run-process.js';
import { type ScriptedServer, startScriptedServer } from '../__fixtures__/scripted-server.js';

const ANSWERED = 10_000;
let server: ScriptedServer | undefined;
afterEach(() => server?.close());

async function batch(count: string) {
  const keys: Array<{ key: string; label: string; created_at: number }> = [];
  server = await startScriptedServer((r) => {
    if (r.path === '/healthz') return { body: { ok: true } };
    if (r.path === '/admin/usage') return { body: { items: [], has_more: false } };
    if (r.path === '/admin/keys' && r.method === 'POST') {
      const label = JSON.parse(r.body).label as string;
      const made = Array.from({ length: ANSWERED }, (_, i) => ({
        key: `trial_k${String(keys.length + i).padStart(31, '0')}`,
        label,
        created_at: 1_765_000_000_000,
      }));
      keys.push(...made);
      return { body: { count: ANSWERED, keys: made, summary: { total: ANSWERED, label } } };
    }
    if (r.path === '/admin/keys') return { body: { keys } };
  });
  const cwd = mkdtempSync(path.join(tmpdir(), 'more-than-asked-'));
  const args = ['batch', '-u', server.url, '-t', server.token, '--server-flavor', 'v01', '-o', 'k.csv'];
  const result = await runCliBundle([...args, '-c', count, '--concurrency', '1'], { cwd });
  const rows = parse(readFileSync(path.join(cwd, 'k.csv'), 'utf8'), { columns: true }) as Array<{ key: string }>;
  expect(new Set(rows.map((r) => r.key))).toEqual(new Set(keys.map((k) => k.key)));
  expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  return result;
}

const WARNING = (asked: number) =>
  new RegExp(
    `^warning: Label batch-\\S+-001-\\S+: the server answered ${ANSWERED} key\\(s\\) for ${asked} asked ` +
      '\\(all are in the CSV\\); no further key is created\\.$',
    'm',
  );

test(`batch -c 5 on v01, the create answering ${ANSWERED} keys: all in the CSV, a warning`, async () => {
  const { code, stderr } = await batch('5');
  expect(stderr).toMatch(WARNING(5));
  expect(code).toBe(0);
}, 60_000);

test(`batch -c 250 on v01, its first chunk answered ${ANSWERED} keys: no second create, the step fails`, async () => {
  const { code, stderr } = await batch('250');
  expect(stderr).toMatch(WARNING(100));
  const why = 'not attempted after: the server answered 10000 key\\(s\\) for 100 asked';
  expect(stderr).toMatch(new RegExp(`^error: 150 of 250 key\\(s\\) were not created \\(first error: ${why}`, 'm'));
  expect(code).toBe(1);
}, 60_000);
