// A usage count is a whole number from 0: a server answering `requests: -5`, `1.5`, `1e308` or five
// billion for a key (broken or hostile) gets no count from it, as for a count it left out; two rows
// of one day never add up past what the per-day counts hold. On the old code `-5` was shown as -5
// requests and -3 % of the limit, and over `--days` it wrapped to 4,294,967,291 requests: the key
// "reached" its limit and raised a spike alert; `1e308` made the day's total 1e+308 while the
// key's row said 0.
// The bundled CLI against a v1-shaped server of the test's own (`usage --json`, `usage --days 3 --json`).
import { runCliBundle } from '../__fixtures__/run-process.js';
import { type ScriptedServer, startScriptedServer } from '../__fixtures__/scripted-server.js';

const HOSTILE = 'trial_' + 'd'.repeat(32);
const HONEST = 'trial_' + 'e'.repeat(32);

let server: ScriptedServer | undefined;
afterEach(() => server?.close());

/** Two keys; the honest one counted 5 today, the hostile one `counts` (one row each) today. */
async function serverCounting(counts: unknown[]) {
  const day = new Date().toISOString().slice(0, 10);
  const row = (key: string, label: string, requests: unknown) => ({
    trial_key: key,
    label,
    requests,
    day,
    updated_at: Date.now(),
  });
  server = await startScriptedServer((r) => {
    if (r.path === '/healthz') return { body: { ok: true } };
    if (r.path === '/admin/keys')
      return { body: { keys: [HOSTILE, HONEST].map((key) => ({ key, label: key.slice(6, 7), created_at: 1 })) } };
    if (r.path === '/admin/usage') {
      const items = [...counts.map((c) => row(HOSTILE, 'd', c)), row(HONEST, 'e', 5)];
      return { body: { items, has_more: false } };
    }
  });
  return server;
}

interface Answer {
  rows: Array<Record<string, unknown>>;
  facts: Record<string, unknown>;
  counts: { alerts: number };
}

async function usage(s: ScriptedServer, extra: string[]): Promise<Answer> {
  const args = ['usage', '-u', s.url, '-t', s.token, '--server-flavor', 'v1', '--server-daily-limit', '200'];
  const { code, stdout } = await runCliBundle([...args, ...extra, '--json']);
  expect(code).toBe(0);
  return JSON.parse(stdout) as Answer;
}

test.each<[string, unknown[]]>([
  ['-5', [-5]],
  ['1.5', [1.5]],
  ['1e308', [1e308]],
  ['five billion', [5_000_000_000]],
  ['"-5" as text', ['-5']],
])('a count of %s: no count, no alert, totals agree', async (_, counts) => {
  const s = await serverCounting(counts);
  const today = await usage(s, []);
  const hostile = today.rows.find((r) => r.label === 'd')!;
  expect(hostile.requests).toBe(0);
  expect(today.facts.requests).toBe(5);
  expect(today.counts.alerts).toBe(0);
  const days = await usage(s, ['--days', '3']);
  expect(days.rows.find((r) => r.label === 'd')!.requests_period).toBe(0);
  expect(days.facts.requests_period).toBe(5);
  expect(days.counts.alerts).toBe(0);
});

test('two rows of one day, 4,000,000,000 each: the per-day count stops at 4,294,967,295, never wraps', async () => {
  const s = await serverCounting([4_000_000_000, 4_000_000_000]);
  const days = await usage(s, ['--days', '3']);
  expect(days.rows.find((r) => r.label === 'd')!.requests_period).toBe(0xffff_ffff);
});
