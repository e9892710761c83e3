// A listing's rows go to stdout in pieces of up to 64 KiB, not a write a row (a system call each on
// a pipe: 15 % of a 100,000-key listing's time), and still in the order they were made, stdout and
// stderr together: the rows, then the facts on stderr, also when the reader is slower than the listing.
// The bundled CLI with stdout and stderr on one pipe, as a CI log reads it; its writes to stdout
// counted by a preload.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CLI_BUNDLE, startProcess } from '../__fixtures__/run-process.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';

const KEYS = 5000;
let server: DevServer;
let dir: string;
beforeAll(async () => {
  server = await startDevServer({ flavor: 'v1' });
  server.seedKeys(KEYS, { labelPrefix: 'row-' });
  dir = mkdtempSync(path.join(tmpdir(), 'stdout-pieces-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

test(`list of ${KEYS} keys: a few writes, the rows in order, then the facts`, async () => {
  const count = path.join(dir, 'writes');
  const preload = path.resolve(import.meta.dirname, '../__fixtures__/count-stdout-writes.js');
  // A reader slower than the listing (it starts a second late): the pipe fills and stdout's writes wait.
  const node = `"${process.execPath}" --import "${preload}" "${CLI_BUNDLE}"`;
  const cli = `${node} list --url "${server.url}" 2>&1 | { sleep 1; cat; }`;
  const { done } = startProcess('sh', ['-c', cli], {
    env: { PATH: process.env.PATH, ADMIN_TOKEN: server.token, COUNT_STDOUT_WRITES: count },
  });
  const { code, stdout } = await done;
  expect(code).toBe(0);
  const lines = stdout.trimEnd().split('\n');
  const rows = lines.filter((line) => line.startsWith('row-'));
  expect(rows).toHaveLength(KEYS);
  // In the order the listing made them: v1 lists newest first, the seeded keys oldest last.
  const numbers = rows.map((row) => Number(/^row-(\d+)/.exec(row)![1]));
  expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
  // Every row whole and the rows together; what went to stderr after them (`Listed 5000 key(s)`, the
  // facts) after them. Before, with the reader behind, stderr's lines came among the rows, even inside one.
  const first = lines.indexOf(rows[0]!);
  expect(lines.slice(first, first + KEYS)).toEqual(rows);
  expect(
    rows.every((row) =>
      /^row-\d+ +sk-[0-9a-f]{4}…[0-9a-f]{4} +200 \(assumed\) +\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(row),
    ),
  ).toBe(true);
  expect(lines.slice(first + KEYS)).toEqual(expect.arrayContaining(['Listed 5000 key(s)', 'Listed: 5000']));
  // 5,000 rows of about 60 characters: about 300 KB, so a handful of 64 KiB pieces (one a row before).
  expect(Number(readFileSync(count, 'utf8'))).toBeLessThan(20);
});
