// The CSV's temp file is created before the first request: an `output` the file system refuses (a
// name too long, a folder that takes no files such as /proc) is bad input found before any key
// exists — not keys created and then lost with no CSV.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCliBundle } from '../__fixtures__/run-process.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer({ flavor: 'v1' });
});
afterAll(() => server.close());

test.each([
  ['a file name longer than the file system allows', `${'k'.repeat(260)}.csv`],
  ['a folder that takes no files (/proc)', '/proc/quota-keys-test.csv'],
  ['a file name that is itself too long with the temp suffix', `${'k'.repeat(250)}.csv`],
])('%s: exit 2 naming output, no request, no key', async (_what, output) => {
  const cwd = mkdtempSync(path.join(tmpdir(), 'csv-early-'));
  for (const command of [
    ['batch', '--count', '3'],
    ['generate', '--name', 'early'],
  ]) {
    const before = server.requests.length;
    const keys = server.allKeys().length;
    const result = await runCliBundle([...command, '--url', server.url, '--token', server.token, '--output', output], {
      cwd,
    });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^error: Invalid input 'output'.* — the CSV cannot be created there \(E[A-Z]+\)/),
    ]);
    expect(server.requests.length).toBe(before);
    expect(server.allKeys()).toHaveLength(keys);
    expect(readdirSync(cwd)).toEqual([]);
  }
});

test('rotate with replace opens its CSV before deleting anything', async () => {
  server.seedKeys(2, { labelPrefix: 'old-', createdAt: new Date(Date.now() - 40 * 86_400_000) });
  const keys = server.allKeys().length;
  const before = server.requests.length;
  const result = await runCliBundle(
    [
      'rotate',
      '--url',
      server.url,
      '--token',
      server.token,
      '--label-prefix',
      'old-',
      '--older-than-days',
      '30',
      '--replace',
      '--output',
      `${'r'.repeat(260)}.csv`,
    ],
    {
      cwd: mkdtempSync(path.join(tmpdir(), 'csv-early-')),
    },
  );
  expect(result.code).toBe(2);
  expect(server.requests.length).toBe(before);
  expect(server.allKeys()).toHaveLength(keys);
});
