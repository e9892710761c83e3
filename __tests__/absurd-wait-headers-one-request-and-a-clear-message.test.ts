// A 429 whose wait header is absurd — a Retry-After past any date, negative or not a number, an
// X-RateLimit-Reset thousands of years away — is a wait too long to take, or none we can read: the
// request is sent once, never again blindly (a create least of all), and the run fails in one line
// that says what the server asked and what to do; never "Invalid time value". On the old code a huge
// Retry-After ended in "error: Invalid time value", and the others were sent 4 times (backoff, as if
// no header had come; "-5" was even read as a date in 2001).
// The bundled CLI against a server of the test's own: healthy, its token check answered, and the
// request under test (the key list; a create) answered 429 with the header.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCliBundle } from '../__fixtures__/run-process.js';
import { type ScriptedServer, startScriptedServer } from '../__fixtures__/scripted-server.js';

const UNREADABLE = /answered 429 \(rate limited\); its Retry-After "(.*)" is no wait \(whole seconds or an HTTP date\)/;
const TOO_LONG = /answered 429 \(rate limited\); the server asks to wait more than a year/;
const RESET_TOO_LATE = /answered 429 \(rate limited\); its rate limit resets in more than a year \(X-RateLimit-Reset\)/;
const RUN_AGAIN = "run again once the server's rate limit has passed";
const CHECK = "no time to retry at: check the server's rate-limit settings and its clock";
const ADVICE = new RegExp(`; (${RUN_AGAIN}|${CHECK})\\.`);

const HEADERS: Array<[string, Record<string, string>, RegExp]> = [
  ['Retry-After: 1e20', { 'retry-after': '1e20' }, UNREADABLE],
  ['Retry-After: 99999999999999999999', { 'retry-after': '99999999999999999999' }, TOO_LONG],
  ['Retry-After: a date in the year 275760', { 'retry-after': 'Sat, 13 Sep 275760 00:00:01 GMT' }, TOO_LONG],
  ['Retry-After: -5', { 'retry-after': '-5' }, UNREADABLE],
  ['Retry-After: NaN garbage', { 'retry-after': 'NaN garbage' }, UNREADABLE],
  [
    'X-RateLimit-Reset: an epoch past any date, nothing remaining',
    { 'x-ratelimit-limit': '30', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '99999999999999999999' },
    RESET_TOO_LATE,
  ],
  [
    'X-RateLimit-Reset: an epoch in the year 5138, nothing remaining',
    { 'x-ratelimit-limit': '30', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '99999999999' },
    RESET_TOO_LATE,
  ],
];

let server: ScriptedServer | undefined;
afterEach(() => server?.close());

/** Healthy, the token check answered (v1's usage shape); the key list and every create answered 429. */
async function refusing(headers: Record<string, string>): Promise<ScriptedServer> {
  server = await startScriptedServer((r) => {
    if (r.path === '/healthz') return { body: { ok: true } };
    if (r.method === 'GET' && r.path === '/admin/usage') return { body: { items: [], has_more: false } };
    if (r.path === '/admin/keys') return { status: 429, headers, body: { error: 'Too Many Requests' } };
  });
  return server;
}

function oneErrorLine(stderr: string): string {
  expect(stderr).not.toMatch(/Invalid time value|\n\s+at /);
  const errors = stderr.split('\n').filter((line) => line.startsWith('error:'));
  expect(errors).toHaveLength(1);
  return errors[0]!;
}

test.each(HEADERS)(
  'list, the key list answered 429 with %s: one request, one clear line, exit 1',
  async (_, h, says) => {
    const s = await refusing(h);
    const { code, stderr } = await runCliBundle(['list', '-u', s.url, '-t', s.token, '--retries', '3']);
    expect(code).toBe(1);
    expect(s.requests.filter((r) => r.path === '/admin/keys')).toHaveLength(1);
    const line = oneErrorLine(stderr);
    expect(line).toMatch(says);
    expect(line).toMatch(ADVICE);
    const unreadable = UNREADABLE.exec(line)?.[1];
    if (unreadable !== undefined) expect(unreadable).toBe(h['retry-after']);
  },
);

test.each(HEADERS)(
  'batch, the create answered 429 with %s: sent once, no key, one clear line, exit 1',
  async (_, h, says) => {
    const s = await refusing(h);
    const cwd = mkdtempSync(path.join(tmpdir(), 'absurd-wait-'));
    const { code, stderr } = await runCliBundle(['batch', '-u', s.url, '-t', s.token, '-c', '3', '--retries', '3'], {
      cwd,
    });
    expect(code).toBe(1);
    expect(s.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    const line = oneErrorLine(stderr);
    expect(line).toMatch(/^error: 3 of 3 key\(s\) were not created \(first error: POST /);
    expect(line).toMatch(says);
    expect(line).toMatch(ADVICE);
    expect(readdirSync(cwd)).toEqual([]);
  },
);
