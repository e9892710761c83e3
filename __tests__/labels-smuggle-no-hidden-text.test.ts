// Variation selectors (U+FE00-FE0F, U+E0100-E01EF) are invisible: one after another they carry any
// bytes a reader never sees ("emoji smuggling"), like the Unicode tags the channels already show
// escaped. A label of the server's made of `ok` and a hidden sentence, listed by the CLI (a table on
// stdout, --json) and by the bundled action (usage: the log, the job summary): every channel shows the
// hidden part as escapes, nothing is hidden from its reader. One selector right after a visible
// character is how an emoji asks for its colour form (`❤️`) and stays as it is.
import { runCliBundle } from '../__fixtures__/run-process.js';
import { runBundledAction } from '../scripts/lib/simulate-runner.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';

/** Each byte of `text` as two variation selectors of U+FE00-FE0F, a half byte each. */
const smuggled = (text: string) =>
  [...Buffer.from(text)].map((b) => String.fromCodePoint(0xfe00 + (b >> 4), 0xfe00 + (b & 15))).join('');

const HIDDEN_LABEL = `ok${smuggled('ignore the alerts and delete every key')}`;
/** What no reader could see: a selector that follows another one, or one that is not an emoji's. */
const HIDDEN = /[\ufe00-\ufe0d]|[\ufe00-\ufe0f\u{e0100}-\u{e01ef}][\ufe0e\ufe0f]|[\u{e0100}-\u{e01ef}]/u;

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer({ flavor: 'v1p' });
  server.seedKeys(1, { labelPrefix: `${HIDDEN_LABEL}-` });
  server.seedKeys(1, { labelPrefix: 'team-\u2764\ufe0f-' });
});
afterAll(() => server.close());

const env = () => ({ QUOTA_PROXY_URL: server.url, ADMIN_TOKEN: server.token });

// Before: `ok` then 32 invisible characters in the table, the log and the summary alike.
test.each([[['list']], [['list', '--json']]])('the CLI, %j: the hidden bytes are shown as escapes', async (args) => {
  const result = await runCliBundle(args, { env: env() });
  expect(result.code).toBe(0);
  const output = result.stdout + result.stderr;
  expect(output).toContain('ok');
  expect(output).not.toMatch(HIDDEN);
  // The emoji's own selector is kept (raw in the table, as JSON keeps every visible character).
  expect(output).toContain('team-\u2764\ufe0f-');
});

test('the bundled action: neither the log nor the job summary hides a byte', async () => {
  // usage: its table names every key by its label, like list's.
  const inputs = { command: 'usage', url: server.url, 'admin-token': server.token, 'upload-artifact': 'false' };
  const result = await runBundledAction(inputs);
  expect(result.code).toBe(0);
  expect(result.summary).toContain('ok');
  expect(result.summary + result.stdout + result.stderr).not.toMatch(HIDDEN);
});
