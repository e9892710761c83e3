// Every bad input of every command is refused by dist/cli.js before any request: exit 2, one line
// naming the input, and the server (the dev server, logging every request) sees nothing. Each
// input check runs for every command, so each bad value is tried with some command (round robin)
// and every command gets several; command-specific requirements are tried with their command.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCliBundle } from '../__fixtures__/run-process.js';
import { runBundledAction } from '../scripts/lib/simulate-runner.js';
import { COMMANDS } from '../src/config/options.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer({ flavor: 'v1' });
});
afterAll(() => server.close());

const cwd = mkdtempSync(path.join(tmpdir(), 'bad-input-'));

/** [input named in the message, flags] */
const general: Array<[string, string[]]> = [
  ['count', ['--count', '0']],
  ['count', ['--count', '10001']],
  ['count', ['-c', 'abc']],
  ['limit', ['--limit', '-1']],
  ['limit', ['-l', '1.5']],
  ['server-daily-limit', ['--server-daily-limit', '0']],
  ['concurrency', ['--concurrency', '0']],
  ['concurrency', ['--concurrency', '65']],
  ['timeout-seconds', ['--timeout-seconds', '0']],
  ['timeout-seconds', ['--timeout-seconds', '601']],
  ['health-path', ['--health-path', 'healthz']],
  ['name', ['--name', 'two\nlines']],
  ['invocation-id', ['--invocation-id', 'two\nlines']],
  ['name', ['-n', 'x'.repeat(201)]],
  ['label-prefix', ['--label-prefix', 'a\nb']],
  ['url', ['--url', 'ftp://host']],
  ['url', ['-u', 'not a url']],
  ['url', ['--url', 'http://qp.example.com', '--require-https']],
  ['admin-token', ['--token', 'abc\ndef']],
  ['server-flavor', ['--server-flavor', 'v2']],
  ['day', ['--day', '2026-02-30']],
  ['alert-threshold', ['--alert-threshold', '101']],
  ['fail-on-alert', ['--fail-on-alert=maybe']],
  ['skip-health-check', ['--skip-health-check=perhaps']],
  ['tier', ['--tier', 'gold']],
  ['tiers', ['--tiers', '{"gold": 0}']],
  ['expires-in-days', ['--expires-in-days', '0']],
  ['retention-days', ['--retention-days', '91']],
  ['encrypt-to', ['--encrypt-to', 'age1notakey']],
  ['upload-artifact', ['--upload-artifact=later']],
  ['retries', ['--retries', '11']],
  ['max-wait-seconds', ['--max-wait-seconds', '3601']],
  ['on-rate-limit', ['--on-rate-limit', 'sometimes']],
  ['min-success', ['--count', '5', '--min-success', '6']],
  ['force', ['--force=x']],
  ['require-https', ['--require-https=sure']],
  ['older-than-days', ['--older-than-days', 'x']],
  ['all-matching', ['--all-matching=2']],
  ['days', ['--days', '0']],
  ['days', ['--days', '91']],
  ['days', ['--days', '7.5']],
  ['forecast-days', ['--forecast-days', '0']],
  ['forecast-days', ['--forecast-days', 'soon']],
  ['idle-days', ['--idle-days', '91']],
  ['spike-factor', ['--spike-factor', '1']],
  ['spike-min-requests', ['--spike-min-requests', '0']],
];

const specific: Array<[string, string, string[]]> = [
  ['reset', 'key', []],
  ['delete', 'key', []],
  ['rotate', 'older-than-days', ['--label-prefix', 'auto-']],
  ['rotate', 'label-prefix', ['--older-than-days', '30']],
  ['rotate', 'idle-days', ['--label-prefix', 'auto-', '--idle-days', '0']],
  ['usage', 'days', ['--days', '-1']],
  ['explode', 'command', []],
  ['batch', '--nope', ['--nope', '1']],
  ['batch', 'count', ['--count']],
  ['batch', 'watch', ['--watch', '5']],
];

/** What each command needs anyway, so the bad value is the one refused. */
const needs: Record<string, string[]> = {
  reset: ['--key', 'sk-x'],
  delete: ['--key', 'sk-x'],
  rotate: ['--older-than-days', '30', '--label-prefix', 'auto-'],
};

const cases = [
  ...general.map(([input, flags], i) => {
    const command = COMMANDS[i % COMMANDS.length]!;
    return { command, input, flags: [...(needs[command] ?? []), ...flags] };
  }),
  ...specific.map(([command, input, flags]) => ({ command, input, flags })),
];

test('every command gets bad input, and every check is tried', () => {
  expect(new Set(cases.map((c) => c.command))).toEqual(new Set([...COMMANDS, 'explode']));
});

const cli = (args: string[]) => runCliBundle(args, { cwd, env: { ADMIN_TOKEN: server.token } });

test.concurrent.each(cases)(
  '$command with bad $input: exit 2, one line naming it, no request',
  async ({ command, input, flags }) => {
    const before = server.requests.length;
    const result = await cli([command, '--url', server.url, ...flags]);
    expect({ code: result.code, stderr: result.stderr }).toEqual({
      code: 2,
      stderr: expect.stringMatching(new RegExp(`^error: Invalid input '${input.replace(/[-]/g, '\\-')}'[^\n]*\n$`)),
    });
    expect(result.stdout).toBe('');
    expect(result.stderr).not.toContain(server.token);
    // Requests of other cases may arrive meanwhile only if some case sent one: none may.
    expect(server.requests.slice(before)).toEqual([]);
  },
);

test('after all of them, the server has seen no request at all', () => {
  expect(server.requests).toEqual([]);
});

test(
  'the action refuses the same way: require-https with http:// to another host, before the ' + 'health check',
  async () => {
    const result = await runBundledAction({
      command: 'batch',
      url: 'http://qp.example.com:8787',
      'admin-token': server.token,
      'require-https': 'true',
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '::error::Invalid input \'url\': "http://qp.example.com:8787/" — require-https is true: expected ' +
        'https://, or http:// to a loopback host such as 127.0.0.1.',
    );
    expect(server.requests).toEqual([]);
  },
);

// Refused argument lists are echoed in their error: the token given on the command line must not be.
test.each([
  [['batch', '--count', '--token', 'argv-secret-token-1234']],
  [['batch', '--name', '--token', 'argv-secret-token-1234']],
  [['health', '-targv-secret-token-1234']],
  [['health', '--admin_token=argv-secret-token-1234']],
  [['batch', 'argv-secret-token-1234']],
])('a refused argument list %j never prints the token given in it', async (args) => {
  const result = await cli([...args, '--url', server.url]);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/^error: Invalid input/);
  expect(result.stdout + result.stderr).not.toContain('argv-secret-token-1234');
});
