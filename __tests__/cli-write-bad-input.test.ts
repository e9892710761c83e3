// Bad input to reset, delete, rotate and the tier inputs, through dist/cli.js: exit 2, one line
// naming the input and what is allowed, and not one request reaches the server (not even health).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../__fixtures__/write-commands.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer({ flavor: 'v1' });
});
afterAll(() => server.close());
const cwd = mkdtempSync(path.join(tmpdir(), 'cli-bad-'));

test.each([
  [
    'rotate without older-than-days',
    ['rotate', '--label-prefix', 'auto-'],
    "Invalid input 'older-than-days' — required for rotate (unless idle-days is set): " +
      'a whole number of days, such as 30.',
  ],
  [
    'rotate with a negative older-than-days',
    ['rotate', '--older-than-days', '-1', '--label-prefix', 'auto-'],
    'Invalid input \'older-than-days\': "-1" — expected a whole number from 0 to 36500.',
  ],
  [
    'rotate with a fractional older-than-days',
    ['rotate', '--older-than-days', '2.5', '--label-prefix', 'auto-'],
    'Invalid input \'older-than-days\': "2.5" — expected a whole number from 0 to 36500.',
  ],
  [
    'rotate without label-prefix or all-labels',
    ['rotate', '--older-than-days', '30'],
    "Invalid input 'label-prefix' — rotate needs label-prefix (such as auto-) so hand-issued keys are safe, " +
      'or all-labels: true.',
  ],
  [
    'an unknown tier',
    ['generate', '--name', 'x', '--tier', 'gold'],
    'Invalid input \'tier\': "gold" — expected one of trial, partner, internal, vip (or add it with tiers).',
  ],
  [
    'unparsable tiers',
    ['generate', '--tiers', '{"gold": ', '--tier', 'gold'],
    'Invalid input \'tiers\': "{\\"gold\\":" — expected a JSON or YAML map of tier name to daily limit, ' +
      'such as {"trial":50,"gold":2000}.',
  ],
  [
    'tiers with a limit below 1',
    ['batch', '--tiers', '{"gold": -5}'],
    'Invalid input \'tiers\': "{\\"gold\\": -5}" — tier "gold" needs a whole daily limit of at least 1.',
  ],
  [
    'delete with neither key nor name',
    ['delete'],
    "Invalid input 'key' — delete needs the key (key, --key) or its label (name, --name).",
  ],
  [
    'reset with neither key nor name',
    ['reset', '--day', '2026-11-26'],
    "Invalid input 'key' — reset needs the key (key, --key) or its label (name, --name).",
  ],
  [
    'reset with a day that does not exist',
    ['reset', '--name', 'x', '--day', '2026-02-30'],
    'Invalid input \'day\': "2026-02-30" — expected a date as YYYY-MM-DD, such as 2026-11-26.',
  ],
  [
    'reset with a day not as YYYY-MM-DD',
    ['reset', '--name', 'x', '--day', '26.11.2026'],
    'Invalid input \'day\': "26.11.2026" — expected a date as YYYY-MM-DD, such as 2026-11-26.',
  ],
])('%s: exit 2, one line, no request at all', async (_, args, message) => {
  const before = server.requests.length;
  const result = await runCli([...args, '--token', server.token, '--url', server.url], { cwd });
  expect(result).toMatchObject({ code: 2 });
  expect(result.stderr).toBe(`error: ${message}\n`);
  expect(server.requests.length).toBe(before);
});

test('an unknown tier: the message lists the tiers added with tiers too', async () => {
  const result = await runCli(
    [
      'generate',
      '--name',
      'x',
      '--tiers',
      'gold: 2000',
      '--tier',
      'platinum',
      '--token',
      server.token,
      '--url',
      server.url,
    ],
    { cwd },
  );
  expect(result).toMatchObject({ code: 2 });
  expect(result.stderr).toBe(
    'error: Invalid input \'tier\': "platinum" — expected one of trial, partner, internal, vip, gold (or ' +
      'add it with tiers).\n',
  );
});
