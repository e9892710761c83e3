// A key of a known shape is shortened wherever a server's answer puts it: also right after an escape
// whose last character is a letter or digit (URL `%3D`/`%22`, JSON `\n`/`\u0022`) or upper-cased,
// where a word boundary missed it and the CLI printed it whole. A look-alike inside a word stays.
import { startEchoTokenServer } from '../__fixtures__/echo-token-server.js';
import { runCliBundle } from '../__fixtures__/run-process.js';
import { Redactor, shortenKey } from '../src/shared/redact.js';

const KEY = `sk-${'0123456789abcdef'.repeat(3)}`;

test.each([
  ['after %3D and before %22', `key%3D${KEY}%22`, `key%3D${shortenKey(KEY)}%22`],
  ['after a JSON \\n', `dup\\n${KEY}`, `dup\\n${shortenKey(KEY)}`],
  ['after a JSON \\u0022', `\\u0022${KEY}\\u0022`, `\\u0022${shortenKey(KEY)}\\u0022`],
  ['before an underscore', `${KEY}_old`, `${shortenKey(KEY)}_old`],
  ['upper-cased', `key ${KEY.toUpperCase()}`, `key ${shortenKey(KEY.toUpperCase())}`],
])('%s', (_name, text, shown) => {
  expect(new Redactor().redact(text)).toBe(shown);
});

test('a look-alike inside a word is no key', () => {
  const text = 'task-0123456789abcdef01234567 ask-0123456789abcdef01234567';
  expect(new Redactor().redact(text)).toBe(text);
});

test('delete: a server answering with the key after %3D does not get it printed whole', async () => {
  const server = await startEchoTokenServer({
    status: 500,
    contentType: 'text/plain',
    body: () => `could not delete key%3D${KEY}%22 (busy)`,
  });
  try {
    const result = await runCliBundle(
      ['delete', '--key', KEY, '--url', server.url, '--token', 'tok-admin-QwErTyUiOp', '--retries', '0'],
      {
        env: { QUOTA_KEYS_DEBUG: '1' },
      },
    );
    expect(result.code).toBe(1);
    // The answer reached the message (the test would prove nothing otherwise), with the key shortened.
    expect(result.stderr).toContain(`answered 500: could not delete key%3D${shortenKey(KEY)}%22`);
    expect(result.stdout + result.stderr).not.toContain(KEY.slice(3, 15));
  } finally {
    await server.close();
  }
});
