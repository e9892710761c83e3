// Re-running a workflow run (same run id, later attempt) does not issue a second batch by accident:
// the keys an earlier attempt made are exported again; only missing numbers are created; force:
// true issues a new batch. Runs the bundled action as the runner does.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { runBundledAction } from '../scripts/lib/simulate-runner.js';
import { invocationId } from '../src/config/context.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';

// The runner double sets no GITHUB_JOB or GITHUB_ACTION: the step's invocation id is that of empty ones.
const step = `i${invocationId({})}`;
/** The label attempt `a` of run `run` gives number `n`, whatever its nonce; `nonce` for keys made by hand. */
const labelOf = (stem: string, n: string, run: string, a: number, nonce = 'a1b2c3') =>
  `${stem}-${n}-r${run}a${a}${step}n${nonce}`;
const withoutNonce = (label: string) => label.replace(/n[0-9a-f]{6}$/, '');

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer({ flavor: 'v1' });
});
afterAll(() => server.close());

const posts = () => server.requests.filter((r) => r.method === 'POST').length;
const ofRun = (runId: string) =>
  server.allKeys().filter((k) => new RegExp(`-r${runId}a\\d+i[0-9a-f]{6}n[0-9a-f]{6}$`).test(k.label ?? ''));
const readCsv = (file: string) => parse(readFileSync(file, 'utf8'), { columns: true }) as Array<Record<string, string>>;

async function attempt(runId: string, n: number, inputs: Record<string, string> = {}) {
  const result = await runBundledAction(
    {
      command: 'batch',
      count: '5',
      name: 'rerun',
      url: server.url,
      'admin-token': server.token,
      'upload-artifact': 'false',
      ...inputs,
    },
    { eventName: 'workflow_dispatch', runId, attempt: String(n) },
  );
  const rows = result.outputs['csv-path'] ? readCsv(result.outputs['csv-path']) : [];
  return { ...result, rows };
}

async function createLabelled(label: string) {
  const res = await fetch(`${server.url}/admin/keys`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ label }),
  });
  expect(res.status).toBe(200);
}

test(
  'attempt 2 exports the keys of attempt 1 instead of creating; attempt 3 with force: true creates ' + 'a new batch',
  async () => {
    const first = await attempt('9100', 1);
    expect(first.code).toBe(0);
    expect(first.rows.map((r) => withoutNonce(r.label!)).sort()).toEqual(
      ['001', '002', '003', '004', '005'].map((n) => withoutNonce(labelOf('rerun', n, '9100', 1))),
    );

    const before = posts();
    const second = await attempt('9100', 2);
    expect(second.code).toBe(0);
    expect(posts()).toBe(before);
    expect(new Set(second.rows.map((r) => r.key))).toEqual(new Set(first.rows.map((r) => r.key)));
    expect(second.outputs).toMatchObject({ 'created-count': '5', 'failed-count': '0' });
    expect(second.stdout).toContain(
      '::warning::Attempt 2 of run 9100: attempt 1 already issued 5 of these 5 key(s); exporting them again ' +
        'instead of issuing a second batch (force: true issues a new batch).',
    );
    expect(second.summary).toContain('Re-exported from an earlier attempt');
    // Masked like new keys, and shown only shortened.
    const masks = second.stdout.split('\n').filter((l: string) => l.startsWith('::add-mask::'));
    expect(masks).toHaveLength(6);
    for (const row of second.rows) expect(second.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain(row.key);

    const third = await attempt('9100', 3, { force: 'true' });
    expect(third.code).toBe(0);
    expect(third.rows.map((r) => withoutNonce(r.label!)).sort()).toEqual(
      ['001', '002', '003', '004', '005'].map((n) => withoutNonce(labelOf('rerun', n, '9100', 3))),
    );
    expect(ofRun('9100')).toHaveLength(10);
  },
);

test('an attempt that made only some keys: the re-run exports those and creates just the missing numbers', async () => {
  for (const n of ['001', '002', '003']) await createLabelled(labelOf('rerun', n, '9200', 1));
  const second = await attempt('9200', 2);
  expect(second.code).toBe(0);
  expect(second.rows.map((r) => withoutNonce(r.label!)).sort()).toEqual(
    [
      labelOf('rerun', '001', '9200', 1),
      labelOf('rerun', '002', '9200', 1),
      labelOf('rerun', '003', '9200', 1),
      labelOf('rerun', '004', '9200', 2),
      labelOf('rerun', '005', '9200', 2),
    ].map(withoutNonce),
  );
  expect(ofRun('9200')).toHaveLength(5);
  expect(new Set(second.rows.map((r) => r.key))).toEqual(new Set(ofRun('9200').map((k) => k.key)));
  expect(second.stdout).toContain(
    'already issued 3 of these 5 key(s); exporting them again instead of issuing a second batch, and ' +
      'creating the 2 missing',
  );
});

test('without a name, a re-run on another day still finds the batch (batch-<date> of the first attempt)', async () => {
  for (const n of ['001', '002', '003', '004', '005']) await createLabelled(labelOf('batch-20200101', n, '9300', 1));
  const before = posts();
  const second = await attempt('9300', 2, { name: '' });
  expect(second.code).toBe(0);
  expect(posts()).toBe(before);
  expect(second.rows.map((r) => r.label).sort()).toEqual(
    ['001', '002', '003', '004', '005'].map((n) => labelOf('batch-20200101', n, '9300', 1)),
  );
});

test(
  'another batch of the same run (another name), and the first attempt itself, are not taken ' + 'for a re-run',
  async () => {
    for (const n of ['001', '002']) await createLabelled(labelOf('partner', n, '9400', 1));
    const second = await attempt('9400', 2, { name: 'trial', count: '2' });
    expect(second.code).toBe(0);
    expect(second.rows.map((r) => withoutNonce(r.label!)).sort()).toEqual(
      [labelOf('trial', '001', '9400', 2), labelOf('trial', '002', '9400', 2)].map(withoutNonce),
    );

    const before = server.requests.length;
    const first = await attempt('9500', 1, { count: '2' });
    expect(first.code).toBe(0);
    // health + the token check + 2 creates: no key list on a first attempt
    expect(server.requests.length - before).toBe(4);
  },
);
