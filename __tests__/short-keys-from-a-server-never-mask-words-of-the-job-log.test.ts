// A server may answer any string as a key. Each was handed to the runner as `::add-mask::`, which
// GitHub applies to every later line of the job, every step: a server answering `a`, `200` or
// `created` as keys had every `a`, `200` or `created` of the job's log shown as `***`. Keys shorter
// than 16 characters or holding white space are no longer masks (src/shared/log.ts); a longer key
// still is, before anything mentions it, and the token always is. Every key stays in the CSV.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { startScriptedServer } from '../__fixtures__/scripted-server.js';
import { runBundledAction } from '../scripts/lib/simulate-runner.js';

const SHORT = ['a', '200', 'created', '***'];
const LONG = 'odd.key.0123456789';

test('the bundled action masks the token and the long key, never a short one', async () => {
  const keys = [...SHORT, LONG];
  let created = 0;
  const server = await startScriptedServer((req) => {
    if (req.path === '/healthz') return { body: { ok: true } };
    if (req.path === '/admin/usage') return { body: { items: [], total: 0, limit: 1, offset: 0, has_more: false } };
    if (req.method === 'POST' && req.path === '/admin/keys') {
      const { label } = JSON.parse(req.body) as { label: string };
      return { body: { key: keys[created++], label, created_at: Date.now() } };
    }
    return undefined;
  });
  try {
    const result = await runBundledAction(
      {
        command: 'batch',
        count: String(keys.length),
        url: server.url,
        'admin-token': server.token,
        retries: '0',
        'server-flavor': 'v1',
        'upload-artifact': 'false',
      },
      { env: { ACTIONS_STEP_DEBUG: 'true' } },
    );
    const masks = (result.stdout as string)
      .split('\n')
      .filter((line) => line.startsWith('::add-mask::'))
      .map((line) => line.slice('::add-mask::'.length));
    expect(created).toBe(keys.length);
    expect(masks).toEqual([server.token, LONG]);
    // All five are in the CSV all the same.
    const rows = parse(readFileSync(result.outputs['csv-path']!, 'utf8'), { columns: true }) as Array<{ key: string }>;
    expect(rows.map((row) => row.key).sort()).toEqual([...keys].sort());
  } finally {
    await server.close();
  }
});
