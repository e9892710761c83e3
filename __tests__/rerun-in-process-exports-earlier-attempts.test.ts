// The re-run rule through the in-process action entry (the bundle tests in
// rerun-exports-*.test.ts check the same through dist/): a later attempt exports what earlier
// attempts made, creates only the missing numbers, skips an attempt two invocations shared, and
// a native batch's chunk label stands for the numbers after it.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { runActionInProcess } from '../__fixtures__/fake-core.js';
import { invocationId } from '../src/config/context.js';
import { startDevServer } from '../src/dev-server/index.js';
import type { DevServer } from '../src/dev-server/types.js';

const step = `i${invocationId({})}`;
const labelOf = (stem: string, n: string, run: string, a: number, nonce = 'a1b2c3') =>
  `${stem}-${n}-r${run}a${a}${step}n${nonce}`;
const withoutNonce = (label: string) => label.replace(/n[0-9a-f]{6}$/, '');

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer({ flavor: 'v1' });
});
afterAll(() => server.close());

const posts = () => server.requests.filter((r) => r.method === 'POST').length;
async function createLabelled(label: string) {
  const res = await fetch(`${server.url}/admin/keys`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ label }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { key: string }).key;
}
async function attempt(runId: number, n: number, inputs: Record<string, string> = {}) {
  const { core } = await runActionInProcess(
    {
      command: 'batch',
      count: '3',
      name: 'rerun',
      url: server.url,
      'admin-token': server.token,
      'upload-artifact': 'false',
      ...inputs,
    },
    { eventName: 'workflow_dispatch', runId, env: { GITHUB_RUN_ATTEMPT: String(n) } },
  );
  const csvPath = core.outputs['csv-path'];
  const rows = csvPath
    ? (parse(readFileSync(csvPath, 'utf8'), { columns: true }) as Array<Record<string, string>>)
    : [];
  return { core, rows };
}

test('attempt 2 re-exports attempt 1 without a create, masks the keys and says so in the summary', async () => {
  const first = await attempt(9600, 1);
  expect(first.core.failures).toEqual([]);
  const before = posts();
  const second = await attempt(9600, 2);
  expect(second.core.failures).toEqual([]);
  expect(posts()).toBe(before);
  expect(new Set(second.rows.map((r) => r.key))).toEqual(new Set(first.rows.map((r) => r.key)));
  expect(second.core.lines).toContain(
    'warning: Attempt 2 of run 9600: attempt 1 already issued 3 of these 3 key(s); exporting them again ' +
      'instead of issuing a second batch (force: true issues a new batch).',
  );
  expect(second.core.summaries[0]).toContain('Re-exported from an earlier attempt');
  for (const row of second.rows) {
    expect(second.core.masked).toContain(row.key);
    expect(second.core.shown()).not.toContain(row.key);
  }
});

test('the latest earlier attempt wins for a number, and the missing ones are created with this attempt', async () => {
  await createLabelled(labelOf('rerun', '001', '9700', 1));
  const newer = await createLabelled(labelOf('rerun', '001', '9700', 2));
  const third = await attempt(9700, 3);
  expect(third.core.failures).toEqual([]);
  expect(third.rows.map((r) => withoutNonce(r.label!)).sort()).toEqual(
    [labelOf('rerun', '001', '9700', 2), labelOf('rerun', '002', '9700', 3), labelOf('rerun', '003', '9700', 3)].map(
      withoutNonce,
    ),
  );
  expect(third.rows.find((r) => r.label!.startsWith('rerun-001'))!.key).toBe(newer);
  expect(third.core.lines.join('\n')).toContain('creating the 2 missing');
});

test(
  'an earlier attempt with two nonces (two invocations at once) is not exported; a warning names ' + 'invocation-id',
  async () => {
    await createLabelled(labelOf('rerun', '001', '9800', 1, 'aaaaaa'));
    await createLabelled(labelOf('rerun', '002', '9800', 1, 'bbbbbb'));
    const second = await attempt(9800, 2);
    expect(second.core.failures).toEqual([]);
    expect(second.rows.map((r) => withoutNonce(r.label!)).sort()).toEqual(
      ['001', '002', '003'].map((n) => withoutNonce(labelOf('rerun', n, '9800', 2))),
    );
    expect(second.core.lines.join('\n')).toContain('invocation-id');
  },
);
