import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cliContext, type RunContext } from '../src/config/context.js';
import { InputError, parseOptions } from '../src/config/options.js';

const context: RunContext = {
  ...cliContext({}),
  runId: 'run1',
  workspace: '/ws',
  now: new Date(2026, 10, 26, 9, 0, 0),
};
const parse = (inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}) =>
  parseOptions((name) => inputs[name] ?? '', env, context);
const refuse = (inputs: Record<string, string>, input: string) => {
  let error: unknown;
  try {
    parse({ 'admin-token': 'tok', ...inputs });
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(InputError);
  const message = (error as Error).message;
  expect(message).toContain(`'${input}'`);
  expect(message).not.toContain('\n');
  return message;
};

test('defaults: batch of 1, limit 100, env fallbacks, output in the workspace', () => {
  const options = parse({}, { ADMIN_TOKEN: 'from-env', QUOTA_PROXY_URL: 'https://qp.example/prefix/' });
  expect(options).toMatchObject({
    command: 'batch',
    count: 1,
    limit: 100,
    concurrency: 4,
    timeoutMs: 10_000,
    healthPath: '/healthz',
    skipHealthCheck: false,
    token: 'from-env',
    name: 'batch-20261126',
  });
  expect(options.url.href).toBe('https://qp.example/prefix/');
  expect(options.output).toBe('/ws/trial-keys-20261126-run1.csv');
  expect(parse({ 'admin-token': 'tok' }).url.href).toBe('http://localhost:8787/');
});

test('inputs win over the environment', () => {
  const options = parse(
    { 'admin-token': 'input', url: 'http://127.0.0.1:9/' },
    { ADMIN_TOKEN: 'env', QUOTA_PROXY_URL: 'http://other/' },
  );
  expect(options.token).toBe('input');
  expect(options.url.host).toBe('127.0.0.1:9');
});

test.each(['0', '-1', 'abc', '1e9', '10001', '1.5', ''.padEnd(3, ' ') + 'x'])('count %p is refused', (count) => {
  expect(refuse({ count }, 'count')).toMatch(/whole number from 1 to 10000/);
});

test.each(['-5', '2.5', 'lots'])('limit %p is refused', (limit) => {
  refuse({ limit }, 'limit');
});

test.each(['ftp://host', 'not a url', 'localhost:8787', 'file:///etc/passwd'])('url %p is refused', (url) => {
  expect(refuse({ url }, 'url')).toMatch(/http:\/\/ or https:\/\//);
});

test('credentials in a refused url are not repeated', () => {
  expect(refuse({ url: 'ftp://user:hunter2@host' }, 'url')).not.toContain('hunter2');
});

test('concurrency 0 and 65 are refused', () => {
  refuse({ concurrency: '0' }, 'concurrency');
  refuse({ concurrency: '65' }, 'concurrency');
});

test('a token with a line break is refused without being shown', () => {
  const message = refuse({ 'admin-token': 'abc\ndef' }, 'admin-token');
  expect(message).not.toContain('abc');
});

test('an unknown command lists the allowed ones', () => {
  expect(refuse({ command: 'explode' }, 'command')).toContain(
    'health, generate, batch, list, usage, monitor, reset, delete, rotate',
  );
});

test('the admin token is required except for health', () => {
  expect(() => parse({ command: 'batch' })).toThrow(/'admin-token'.*required for batch/);
  expect(parse({ command: 'health' }).token).toBeUndefined();
});

test('timeout, health path, booleans and flavor are checked', () => {
  refuse({ 'timeout-seconds': '0' }, 'timeout-seconds');
  refuse({ 'health-path': 'healthz' }, 'health-path');
  refuse({ 'skip-health-check': 'maybe' }, 'skip-health-check');
  refuse({ 'server-flavor': 'v2' }, 'server-flavor');
  expect(
    parse({ 'admin-token': 't', 'timeout-seconds': '0.5', 'skip-health-check': 'TRUE', 'server-flavor': 'v10' }),
  ).toMatchObject({ timeoutMs: 500, skipHealthCheck: true, serverFlavor: 'v10' });
});

test('tiers: the built-in map, overridden and extended by tiers (JSON or YAML); an explicit limit wins', () => {
  expect(parse({ 'admin-token': 't', tier: 'vip' }).limit).toBe(5000);
  expect(parse({ 'admin-token': 't', tier: 'partner' })).toMatchObject({ limit: 500, tier: 'partner' });
  expect(parse({ 'admin-token': 't', tiers: '{"trial":75,"gold":2000}', tier: 'gold' }).limit).toBe(2000);
  expect(parse({ 'admin-token': 't', tiers: '{"trial":75,"gold":2000}', tier: 'trial' }).limit).toBe(75);
  expect(parse({ 'admin-token': 't', tiers: 'gold: 2000\nsilver: 800', tier: 'silver' }).limit).toBe(800);
  expect(parse({ 'admin-token': 't', tier: 'vip', limit: '42' }).limit).toBe(42);
  expect(parse({ 'admin-token': 't' }).limit).toBe(100);
  expect(refuse({ tier: 'gold' }, 'tier')).toContain('trial, partner, internal, vip');
});

test('alert-threshold 0 and 101 are refused', () => {
  refuse({ 'alert-threshold': '0' }, 'alert-threshold');
  refuse({ 'alert-threshold': '101' }, 'alert-threshold');
});

test('encrypt-to: real age recipients pass, a mistyped character fails its bech32 checksum', async () => {
  const { generateIdentity, identityToRecipient } = await import('age-encryption');
  const recipient = await identityToRecipient(await generateIdentity());
  expect(parse({ 'admin-token': 't', 'encrypt-to': `${recipient}\n` }).encryptTo).toEqual([recipient]);
  const last = recipient.at(-1) === 'q' ? 'p' : 'q';
  expect(refuse({ 'encrypt-to': `${recipient.slice(0, -1)}${last}` }, 'encrypt-to')).toContain('age1');
});

test('artifact-name with characters the artifact service refuses is refused up front', () => {
  for (const name of ['keys/2026', 'a:b', 'x|y']) refuse({ 'artifact-name': name }, 'artifact-name');
  expect(parse({ 'admin-token': 't', 'artifact-name': 'keys-2026' }).artifactName).toBe('keys-2026');
});

test('output must name a file; the default never replaces a CSV already there', () => {
  const workspace = mkdtempSync(path.join(tmpdir(), 'out-'));
  const here = { ...context, workspace };
  const at = (inputs: Record<string, string>) =>
    parseOptions((n) => ({ 'admin-token': 't', ...inputs })[n] ?? '', {}, here).output;
  expect(() => at({ output: '.' })).toThrow(/Invalid input 'output'.*not a folder/);
  expect(() => at({ output: 'sub/' })).toThrow(/Invalid input 'output'/);
  const first = at({});
  expect(first).toBe(path.join(workspace, 'trial-keys-20261126-run1.csv'));
  writeFileSync(first, 'keys');
  expect(at({})).toBe(path.join(workspace, 'trial-keys-20261126-run1-2.csv'));
});

test('a timeout that would round to none, and inherited property names as tiers, are refused', () => {
  refuse({ 'timeout-seconds': '0.0004' }, 'timeout-seconds');
  for (const tier of ['constructor', 'toString', '__proto__']) refuse({ tier }, 'tier');
});

test('invocation-id: one line of at most 200 characters, else refused naming the input', () => {
  expect(parse({ 'admin-token': 'tok', 'invocation-id': '{"os":"ubuntu","node":24}' }).invocationId).toBe(
    '{"os":"ubuntu","node":24}',
  );
  expect(parse({ 'admin-token': 'tok' }).invocationId).toBe('');
  expect(refuse({ 'invocation-id': 'two\nlines' }, 'invocation-id')).toContain('one line of at most 200 characters');
  refuse({ 'invocation-id': 'x'.repeat(201) }, 'invocation-id');
});
