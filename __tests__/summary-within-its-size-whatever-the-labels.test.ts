// GitHub takes a step's job summary only up to 1 MiB: above that it drops the whole of it
// ("$GITHUB_STEP_SUMMARY upload aborted, supports content up to a size of 1024k"), the failure
// lines and what to do included. Labels are the server's text, of any length; the summary shows
// the first and last 10 rows of a table. A server whose labels are 60,000 characters long must
// not decide whether the summary is shown: the bundled action, as the runner runs it, lists them.
import { runBundledAction } from '../scripts/lib/simulate-runner.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';

const SUMMARY_MAX_BYTES = 1024 * 1024;

let server: DevServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

// Before: a summary of 2.4 MB for 25 such keys, which GitHub would have dropped whole.
test('list of keys with 60,000-character labels: the summary stays within 1 MiB and shows every row', async () => {
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
});
