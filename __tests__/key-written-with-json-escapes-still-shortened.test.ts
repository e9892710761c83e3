// A server's answer that is not JSON whole (cut off, or JSON inside text) is shown as written. A key
// or the token written in it with JSON escapes (`\u0073k-…`, every character `\u00XX`) was known to
// the redactor by no form, and the CLI printed the key whole but for its first letter, or the token
// escaped. Snippets now read `\uXXXX` escapes as the characters they stand for before redacting.
import { startEchoTokenServer } from '../__fixtures__/echo-token-server.js';
import { runCliBundle } from '../__fixtures__/run-process.js';
import { Redactor, shortenKey } from '../src/shared/redact.js';

const KEY = `sk-${'0123456789abcdef'.repeat(3)}`;
const TOKEN = 'tok-admin-QwErTyUiOp';
const escapeAll = (text: string) =>
  [...text].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');

test('Redactor.snippet reads the escapes before it redacts', () => {
  const redactor = new Redactor();
  redactor.addSecret(TOKEN);
  expect(redactor.snippet(`{"error":"dup \\u0073${KEY.slice(1)}`)).toBe(`{"error":"dup ${shortenKey(KEY)}`);
  expect(redactor.snippet(`bad ${escapeAll(TOKEN)} x`)).toBe('bad *** x');
});

test('list: a cut-off 500 answer with the key and the token JSON-escaped shows neither', async () => {
  const server = await startEchoTokenServer({
    status: 500,
    body: () => `{"error":"conflict with \\u0073${KEY.slice(1)} for ${escapeAll(TOKEN)}`,
  });
  try {
    const result = await runCliBundle(['list', '--url', server.url, '--retries', '0'], {
      env: { QUOTA_KEYS_DEBUG: '1', ADMIN_TOKEN: TOKEN },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`conflict with ${shortenKey(KEY)} for ***`);
    const printed = result.stdout + result.stderr;
    expect(printed).not.toContain(KEY.slice(1, 13));
    expect(printed).not.toContain(escapeAll(TOKEN).slice(0, 48));
  } finally {
    await server.close();
  }
});
