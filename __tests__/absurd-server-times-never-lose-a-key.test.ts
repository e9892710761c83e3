// A server's timestamps are untrusted: a `created_at` or `updated_at` no calendar holds (1e20 ms, a
// negative one, a digit string past any date) or one at the very end of JavaScript's dates (the year
// 275760) is no time at all, never a crash. On the old code a batch whose creates answered such a
// `created_at` made its keys on the server, wrote no CSV and exited 0 saying "Created 3 of 3";
// `list` and `usage` ended in "error: Invalid time value".
// The bundled CLI against a v1-shaped server of the test's own.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { runCliBundle } from '../__fixtures__/run-process.js';
import { type ScriptedServer, startScriptedServer } from '../__fixtures__/scripted-server.js';

const ABSURD: unknown[] = [1e20, -1e20, '99999999999999999', 8_640_000_000_000_000, '+275760-09-13T00:00:00.000Z'];

let server: ScriptedServer | undefined;
afterEach(() => server?.close());

/** v1's shapes; every key's `created_at` and every usage row's `updated_at` is `when`. */
async function serverAnswering(when: unknown) {
  const keys: Array<{ key: string; label: string; created_at: unknown }> = [];
  server = await startScriptedServer((r) => {
    if (r.path === '/healthz') return { body: { ok: true } };
    if (r.path === '/admin/usage') {
      const items = keys.map((k) => ({ trial_key: k.key, label: k.label, requests: 3, day: '2026-12-07' }));
      return { body: { items: items.map((i) => ({ ...i, updated_at: when })), has_more: false } };
    }
    if (r.path === '/admin/keys' && r.method === 'POST') {
      const made = { key: `trial_${String(keys.length + 1).padStart(32, '7')}`, label: JSON.parse(r.body).label };
      keys.push({ ...made, created_at: when });
      return { body: keys.at(-1) };
    }
    if (r.path === '/admin/keys') return { body: { keys } };
  });
  return { server, keys };
}

const common = (s: ScriptedServer) => ['-u', s.url, '-t', s.token, '--server-flavor', 'v1'];

test.each(ABSURD)('batch, every create answering created_at %j: every key in the CSV, exit 0', async (when) => {
  const { server: s, keys } = await serverAnswering(when);
  const cwd = mkdtempSync(path.join(tmpdir(), 'absurd-time-'));
  const { code, stderr } = await runCliBundle(['batch', ...common(s), '-c', '3', '-o', 'keys.csv'], { cwd });
  expect(stderr).not.toMatch(/Invalid time value/);
  expect(keys).toHaveLength(3);
  expect(readdirSync(cwd)).toEqual(['keys.csv']);
  const rows = parse(readFileSync(path.join(cwd, 'keys.csv'), 'utf8'), { columns: true }) as Array<
    Record<string, string>
  >;
  expect(rows.map((r) => r.key).sort()).toEqual(keys.map((k) => k.key).sort());
  for (const row of rows) expect(row.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  expect(code).toBe(0);
});

test.each(ABSURD)('list and usage, created_at and updated_at %j: answered, exit 0', async (when) => {
  const { server: s, keys } = await serverAnswering(when);
  keys.push({ key: `trial_${'5'.repeat(32)}`, label: 'someone', created_at: when });
  for (const command of ['list', 'usage']) {
    const { code, stdout, stderr } = await runCliBundle([command, ...common(s)]);
    expect(stderr).not.toMatch(/Invalid time value|\n\s+at /);
    expect(stdout).toMatch(/someone/);
    expect(code).toBe(0);
  }
});
