// A dry run on v10 counts the admin rate limit (30 requests per 15 minutes) as the real run does,
// and says the same numbers: rotate --replace with 20 keys due rotates the 14 that fit (a create
// and a delete each, after the list page) and leaves 6 due; a batch of 50 creates the 29 that fit
// after the token check when the next window is beyond max-wait-seconds, and all of them when
// waiting for it is allowed. Each pair runs on two servers seeded alike, so the dry run's own reads
// do not use up the real run's window. A dry run never speaks of a CSV it did not write.
import { DAY_MS, runWrite } from '../__fixtures__/write-commands.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';

const servers: DevServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
async function v10(rateLimit: { max: number; windowSeconds: number }, due = 0) {
  const server = await startDevServer({ flavor: 'v10', rateLimit });
  servers.push(server);
  if (due > 0) server.seedKeys(due, { labelPrefix: 'auto-', createdAt: new Date(Date.now() - 40 * DAY_MS) });
  return server;
}
const fact = (report: { summary: { facts: Array<[string, string]> } }, name: string) =>
  report.summary.facts.find(([n]) => n === name)?.[1];

test('rotate --replace, 20 due, 30 a window: the dry run says 14 go, 6 stay due, as the real run does', async () => {
  const inputs = {
    command: 'rotate',
    'older-than-days': '30',
    'label-prefix': 'auto-',
    replace: 'true',
    'skip-health-check': 'true',
  };
  const dry = await runWrite(await v10({ max: 30, windowSeconds: 900 }, 20), { ...inputs, 'dry-run': 'true' });
  const real = await runWrite(await v10({ max: 30, windowSeconds: 900 }, 20), inputs);
  expect(real.report.outputs['deleted-count']).toBe('14');
  expect(fact(real.report, 'Left due (rate limit)')).toBe('6');
  expect(dry.report.ok).toBe(true);
  expect(fact(dry.report, 'Would delete')).toBe(real.report.outputs['deleted-count']);
  expect(fact(dry.report, 'Would stay due (rate limit)')).toBe(fact(real.report, 'Left due (rate limit)'));
  expect(dry.report.summary.table!.rows.filter((r) => r[3] === 'would delete')).toHaveLength(14);
});

test('batch of 50, next window past max-wait-seconds: the dry run says 29 made, 21 not, as the run does', async () => {
  const inputs = { command: 'batch', count: '50', 'skip-health-check': 'true' };
  const dry = await runWrite(await v10({ max: 30, windowSeconds: 900 }), { ...inputs, 'dry-run': 'true' });
  const real = await runWrite(await v10({ max: 30, windowSeconds: 900 }), inputs);
  expect(real.report.outputs).toMatchObject({ 'created-count': '29', 'failed-count': '21' });
  expect(fact(dry.report, 'Would create')).toBe(real.report.outputs['created-count']);
  expect(fact(dry.report, 'Would not create (rate limit)')).toBe(real.report.outputs['failed-count']);
});

test('batch of 40, a short window max-wait-seconds covers: the dry run says all 40, as the run makes', async () => {
  const window = { max: 30, windowSeconds: 3 };
  const inputs = { command: 'batch', count: '40', 'skip-health-check': 'true' };
  const dry = await runWrite(await v10(window), { ...inputs, 'dry-run': 'true' });
  const real = await runWrite(await v10(window), inputs);
  expect(real.report.outputs['created-count']).toBe('40');
  expect(fact(dry.report, 'Would create')).toBe('40');
  expect(fact(dry.report, 'Would not create (rate limit)')).toBeUndefined();
  expect(fact(dry.report, 'Rate limit')).toMatch(
    /29 of 40 fit now; the other 11 after waiting \d+ s for the next window/,
  );
});

test('a dry-run batch longer than the terminal table claims no CSV', async () => {
  const server = await startDevServer({ flavor: 'v1' });
  servers.push(server);
  const dry = await runWrite(server, { command: 'batch', count: '120', 'dry-run': 'true' });
  expect(dry.report.csvPath).toBeUndefined();
  expect(dry.shown).not.toMatch(/in the CSV/);
  expect(dry.shown).toContain('… 100 more keys would be created too');
});
