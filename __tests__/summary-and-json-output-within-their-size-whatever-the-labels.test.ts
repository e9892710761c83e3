// GitHub takes a step's job summary only up to 1 MiB: above that it drops the whole of it
// ("$GITHUB_STEP_SUMMARY upload aborted, supports content up to a size of 1024k"), the failure
// lines and what to do included. Labels are the server's text, of any length; the summary shows
// the first and last 10 rows of a table. A server whose labels are 60,000 characters long must
// not decide whether the summary is shown: the bundled action, as the runner runs it, lists them.
// Nor whether the `json` output can be read: a job's outputs hold 1 MB in all, and the output keeps
// up to 1,000 rows (a workflow's fromJSON of a larger one fails).
import { runBundledAction } from '../scripts/lib/simulate-runner.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';

const SUMMARY_MAX_BYTES = 1024 * 1024;
const OUTPUTS_MAX_BYTES = 1_000_000;

let server: DevServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

// Before: a summary of 1.2 MB for 25 such keys, which GitHub would have dropped whole, and a json output of 1.5 MB.
test('list of keys with 60,000-character labels: the summary and the json output stay within 1 MB', async () => {
  server = await startDevServer({ flavor: 'v1p' });
  server.seedKeys(25, { labelPrefix: `${'x'.repeat(60_000)}-` });
  const result = await runBundledAction({
    command: 'list',
    url: server.url,
    'admin-token': server.token,
    'upload-artifact': 'false',
  });
  expect(result.code).toBe(0);
  const size = Buffer.byteLength(result.summary, 'utf8');
  expect(size).toBeLessThanOrEqual(SUMMARY_MAX_BYTES);
  // Still the report: its heading, and a row for each of the first and last 10 keys (cut, not dropped).
  expect(result.summary).toMatch(/^## /m);
  expect(result.summary.split('\n').filter((line) => line.startsWith('| xxxx'))).toHaveLength(20);
  // The json output: within its size, whole JSON, and saying how many rows it leaves out.
  const json = result.outputs.json!;
  expect(Buffer.byteLength(json, 'utf8')).toBeLessThanOrEqual(OUTPUTS_MAX_BYTES);
  const document = JSON.parse(json) as { rowCount: number; rows: unknown[]; rowsOmitted?: number };
  expect(document.rowCount).toBe(25);
  expect(document.rows.length).toBeGreaterThan(0);
  expect(document.rows.length + (document.rowsOmitted ?? 0)).toBe(25);
});
