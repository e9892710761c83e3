// A servers file (`--config`) that is wrong anywhere is refused before any request to any server:
// exit 2, one line naming the file and the line (and what is allowed). A token written into the
// file is refused without being echoed. The dev server counts the requests it got: none.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCliInProcess } from '../__fixtures__/cli-in-process.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';

let server: DevServer;
const dir = mkdtempSync(path.join(tmpdir(), 'config-bad-'));
beforeAll(async () => {
  server = await startDevServer({ flavor: 'v1' });
});
afterAll(() => server.close());

const entry = (name: string, more = '') => `  - name: ${name}\n    url: @URL@\n    token-env: GOOD_TOKEN\n${more}`;

const cases: Array<[string, string, RegExp, string[]?]> = [
  [
    'a token in the file',
    `servers:\n${entry('a')}  - name: b\n    url: @URL@\n    token: s3cr3t-in-the-file-0123\n`,
    /^error: Invalid input 'config': "servers\.yml:7" — "token": a token is never read from the file; set token-env/,
  ],
  [
    'an admin_token in the file',
    `servers:\n${entry('a', '    admin_token: s3cr3t-in-the-file-0123\n')}`,
    /"servers\.yml:5" — "admin_token": a token is never read from the file/,
  ],
  [
    'an unknown key',
    `servers:\n${entry('a', '    limt: 5\n')}`,
    /"servers\.yml:5" — unknown key "limt"; expected name, url/,
  ],
  ['an unknown top-level key', `servers:\n${entry('a')}defaults: {}\n`, /"servers\.yml:5" — unknown key "defaults"/],
  ['a duplicate name', `servers:\n${entry('a')}${entry('a')}`, /"servers\.yml:5" — server name "a" is used twice/],
  ['a bad name', `servers:\n${entry('a/b')}`, /"servers\.yml:2" — server name "a\/b": expected letters, digits/],
  [
    'a missing token variable',
    `servers:\n${entry('a')}  - name: b\n    url: @URL@\n    token-env: NOT_SET_ANYWHERE\n`,
    /"servers\.yml:5" — server "b": the environment variable NOT_SET_ANYWHERE \(token-env\) is unset/,
  ],
  [
    'a token variable holding a line break',
    `servers:\n${entry('a')}  - name: b\n    url: @URL@\n    token-env: BROKEN_TOKEN\n`,
    /servers\.yml:5, server "b": .*the token from env BROKEN_TOKEN contains a line break/,
  ],
  [
    'a bad URL',
    `servers:\n${entry('a')}  - name: b\n    url: ftp://example.com\n    token-env: GOOD_TOKEN\n`,
    /^error: servers\.yml:5, server "b": Invalid input 'url'.*expected an http:\/\/ or https:\/\/ URL/,
  ],
  [
    'a bad per-server input',
    `servers:\n${entry('a', '    tier: platinum\n')}`,
    /servers\.yml:2, server "a": Invalid input 'tier': "platinum" — expected one of trial, partner/,
  ],
  ['no servers', 'servers: []\n', /"servers\.yml" — servers: needs a list of servers/],
  ['not YAML', 'servers: [\n', /"servers\.yml:\d+" — not valid YAML/],
  [
    'an unknown server',
    `servers:\n${entry('a')}`,
    /Invalid input 'server': "nope" — expected a server of servers\.yml: a/,
    ['--server', 'nope'],
  ],
  ['url beside config', `servers:\n${entry('a')}`, /Invalid input 'url' — not with config/, ['--url', '@URL@']],
  [
    'server without config',
    '',
    /Invalid input 'server': "a" — server selects an entry of config/,
    ['--server', 'a', '--token', 'a-token-0123456789'],
  ],
];

test.each(cases)('%s: exit 2, one line, no request', async (_what, text, message, extra = []) => {
  const file = path.join(dir, 'servers.yml');
  writeFileSync(file, text.replaceAll('@URL@', server.url));
  const before = server.requests.length;
  const config = text ? ['--config', 'servers.yml'] : [];
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    const { code, stdout, stderr } = await runCliInProcess(
      ['batch', ...config, ...extra.map((a) => a.replace('@URL@', server.url))],
      {
        GOOD_TOKEN: server.token,
        BROKEN_TOKEN: 'first-half-0123\nsecond-half-4567',
      },
    );
    expect({ code, stdout, lines: stderr.trimEnd().split('\n').length }).toEqual({ code: 2, stdout: '', lines: 1 });
    expect(stderr).toMatch(message);
    expect(stderr).not.toContain('s3cr3t-in-the-file');
    expect(stderr).not.toContain(server.token);
    expect(stderr).not.toContain('first-half');
  } finally {
    process.chdir(cwd);
  }
  expect(server.requests.length).toBe(before);
});

test('notify-webhook that is not a URL is bad input, and is not echoed', async () => {
  const { code, stderr } = await runCliInProcess(
    ['health', '--url', server.url, '--notify-webhook', 'hooks.example/secret-path-0123456789'],
    {},
  );
  expect(code).toBe(2);
  expect(stderr).toMatch(/^error: Invalid input 'notify-webhook' — expected an https:\/\/ URL/);
  expect(stderr).not.toContain('secret-path');
});

test('notify-on outside failure, alert, always is bad input', async () => {
  const { code, stderr } = await runCliInProcess(
    ['health', '--url', server.url, '--notify-on', 'failure,sometimes'],
    {},
  );
  expect({ code, stderr }).toEqual({
    code: 2,
    stderr: `error: Invalid input 'notify-on': "sometimes" — expected one of failure, alert, always.\n`,
  });
});
