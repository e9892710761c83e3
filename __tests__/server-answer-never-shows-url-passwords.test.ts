// URL credentials in a server's answer were blanked only after `http://` or `https://` in lower case:
// a 500 page holding the server's own DATABASE_URL (`postgres://app:<password>@db`) or a mirror's
// `HTTPS://ops:<password>@…` reached the CLI's error line whole. Credentials of any scheme, in any
// case, are now blanked.
import { startEchoTokenServer } from '../__fixtures__/echo-token-server.js';
import { runCliBundle } from '../__fixtures__/run-process.js';
import { Redactor } from '../src/shared/redact.js';

const PAGE = 'db down: postgres://app:db-pass-0042@db:5432/quota; mirror HTTPS://ops:ops-pass-77@mirror.example';

test('the redactor blanks credentials of any scheme, in any case', () => {
  expect(new Redactor().redact(PAGE)).toBe('db down: postgres://***@db:5432/quota; mirror HTTPS://***@mirror.example');
  expect(new Redactor().redact('mongodb+srv://u:p@c.example, redis://:pw@cache')).toBe(
    'mongodb+srv://***@c.example, redis://***@cache',
  );
});

test('list: a 500 page with URL passwords shows neither', async () => {
  const server = await startEchoTokenServer({ status: 500, contentType: 'text/plain', body: () => PAGE });
  try {
    const result = await runCliBundle(['list', '--url', server.url, '--retries', '0'], {
      env: { QUOTA_KEYS_DEBUG: '1', ADMIN_TOKEN: 'tok-admin-QwErTyUiOp' },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('answered 500: db down: postgres://***@db:5432/quota');
    expect(result.stdout + result.stderr).not.toMatch(/db-pass-0042|ops-pass-77/);
  } finally {
    await server.close();
  }
});
