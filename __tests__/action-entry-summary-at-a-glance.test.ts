// In-process action entry: the job summary a release manager reads. What started the run (tag,
// dispatch form, schedule), rows sorted by label, the CSV relative to the workspace, the artifact
// with a ready `gh run download`; and on every failure (health, wrong token, rate limit, bad input)
// a summary that says why and what to do, never none.
import path from 'node:path';
import { type ArtifactService, startArtifactService } from '../__fixtures__/artifact-service.js';
import { runActionInProcess } from '../__fixtures__/fake-core.js';
import { invocationId } from '../src/config/context.js';
import { startDevServer } from '../src/dev-server/index.js';
import type { DevServer } from '../src/dev-server/types.js';

/** The default artifact name's step hash: the runner double sets no GITHUB_JOB or GITHUB_ACTION. */
const STEP = invocationId({});

let server: DevServer;
let service: ArtifactService;
const savedEnv = { ...process.env };
const stdoutWrite = process.stdout.write;
beforeAll(async () => {
  // The real artifact client logs through its own @actions/core to stdout: kept out of the test output.
  process.stdout.write = (() => true) as typeof process.stdout.write;
  server = await startDevServer({ flavor: 'v1' });
  service = await startArtifactService();
  Object.assign(process.env, service.env);
});
afterAll(async () => {
  process.stdout.write = stdoutWrite;
  for (const name of Object.keys(service.env)) if (savedEnv[name] === undefined) delete process.env[name];
  await service.close();
  await server.close();
});

/** The table's first cells (labels), in the order the summary shows them. */
const tableLabels = (markdown: string) =>
  markdown
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| Label |') && !l.startsWith('| --- |'))
    .map((l) => l.slice(2, l.indexOf(' |')).replace(/\\/g, ''));

test('tag push: trigger, rows by label, CSV relative to the workspace, artifact and gh run download', async () => {
  const { core, workspace } = await runActionInProcess(
    { command: 'batch', name: 'rel', count: '12', concurrency: '8', url: server.url, 'admin-token': server.token },
    { eventName: 'push', ref: 'refs/tags/v3.1.0', runId: 888, env: service.env },
  );
  expect(core.failures).toEqual([]);
  const [summary] = core.summaries;
  expect(summary).toContain('- **Trigger:** tag v3.1.0 (push)');
  const csv = path.relative(workspace, core.outputs['csv-path']!);
  expect(csv).not.toMatch(/^(\/|\.\.)/);
  expect(summary).toContain(`- **CSV:** ${csv.replace(/_/g, '\\_')}\n`);
  expect(summary).toContain(`- **Artifact:** trial-keys-888-${STEP} (kept 1 day)`);
  expect(summary).toContain(`\`\`\`sh\ngh run download 888 -n trial-keys-888-${STEP} -R octo/keys\n\`\`\``);
  const labels = tableLabels(summary!);
  expect(labels).toHaveLength(12);
  expect(labels.map((l) => l.slice(0, 'rel-001'.length))).toEqual(
    Array.from({ length: 12 }, (_, i) => `rel-${String(i + 1).padStart(3, '0')}`),
  );
  expect(summary).not.toContain('❌');
});

test('workflow_dispatch: the form inputs; schedule: the cron', async () => {
  const dispatch = await runActionInProcess(
    { command: 'generate', name: 'vip', 'upload-artifact': 'false', url: server.url, 'admin-token': server.token },
    { eventName: 'workflow_dispatch', payload: { inputs: { count: '1', customer: 'acme|corp' } } },
  );
  expect(dispatch.core.summaries[0]).toContain(
    '- **Trigger:** workflow\\_dispatch form: count=1, customer=acme\\|corp',
  );
  const scheduled = await runActionInProcess(
    { command: 'list', url: server.url, 'admin-token': server.token },
    { eventName: 'schedule', payload: { schedule: '0 2 * * 1' } },
  );
  expect(scheduled.core.failures).toEqual([]);
  expect(scheduled.core.summaries[0]).toContain('- **Trigger:** schedule (cron 0 2 \\* \\* 1)');
});

test('bad input: the summary names the input and what to do; nothing sent', async () => {
  const before = server.requests.length;
  const { core } = await runActionInProcess({
    command: 'batch',
    count: 'lots',
    url: server.url,
    'admin-token': server.token,
  });
  expect(server.requests.length).toBe(before);
  expect(core.failures).toHaveLength(1);
  expect(core.summaries).toHaveLength(1);
  expect(core.summaries[0]).toMatch(/^## quota-proxy batch\n\n\*\*❌ Failed:\*\* Invalid input 'count': "lots"/);
  expect(core.summaries[0]).toContain("**What to do:** Fix that input (the step's `with:`");
  expect(core.summaries[0]).toContain('- **Trigger:** push (refs/heads/main)');
});

test('unhealthy server and wrong token: the summary says why and what to check', async () => {
  const unhealthy = await runActionInProcess({
    command: 'batch',
    url: 'http://127.0.0.1:9',
    'admin-token': server.token,
    retries: '0',
  });
  expect(unhealthy.core.summaries[0]).toMatch(
    /\*\*❌ Failed:\*\* Health check failed: GET http:\/\/127\.0\.0\.1:9\/healthz: connection refused.*check that/,
  );
  expect(unhealthy.core.summaries[0]).toContain('- **Healthy:** no');
  const wrong = await runActionInProcess({ command: 'batch', url: server.url, 'admin-token': 'Zq7-wrong-9Kp' });
  expect(wrong.core.summaries[0]).toMatch(
    /\*\*❌ Failed:\*\* The server refused the admin token from input admin-token .*the server's ADMIN\\_TOKEN/,
  );
  expect(wrong.core.shown()).not.toContain('Zq7-wrong-9Kp');
});

test('rate limit: the summary says what was created, where, and when to retry', async () => {
  const limited = await startDevServer({ flavor: 'v10', health: 'ok', rateLimit: { max: 12, windowSeconds: 900 } });
  try {
    const { core, workspace } = await runActionInProcess({
      command: 'batch',
      name: 'rl',
      count: '20',
      'on-rate-limit': 'fail',
      'upload-artifact': 'false',
      url: limited.url,
      'admin-token': limited.token,
    });
    const [summary] = core.summaries;
    expect(summary).toMatch(/\*\*❌ Failed:\*\* \d+ of 20 key\(s\) were not created \(first error: .*rate limit/);
    expect(summary).toMatch(/retry after \d{4}-\d\d-\d\dT/);
    const created = Number(core.outputs['created-count']);
    expect(created).toBeGreaterThan(0);
    expect(summary).toContain(`- **Created:** ${created}`);
    expect(summary).toContain('- **Artifact:** none (upload-artifact: false): the CSV stays on the runner');
    expect(summary).toContain(`- **CSV:** ${path.relative(workspace, core.outputs['csv-path']!).replace(/_/g, '\\_')}`);
  } finally {
    await limited.close();
  }
});

test('list of 230 keys: the first and last 10 as the server lists them, and how many between', async () => {
  server.seedKeys(230, { labelPrefix: 'many-' });
  const { core } = await runActionInProcess({
    command: 'list',
    'label-prefix': 'many-',
    url: server.url,
    'admin-token': server.token,
  });
  expect(core.failures).toEqual([]);
  const [summary] = core.summaries;
  expect(tableLabels(summary!)).toEqual([
    // The dev server lists the newest first.
    ...Array.from({ length: 10 }, (_, i) => `many-${230 - i}`),
    '… 210 more keys not shown (set output to get every key in a CSV)',
    ...Array.from({ length: 10 }, (_, i) => `many-${10 - i}`),
  ]);
});
