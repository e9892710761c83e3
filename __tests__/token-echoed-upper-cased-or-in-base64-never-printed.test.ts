// A hex admin token (`openssl rand -hex 16`) echoed by a server in upper case, or in Base64 (alone or
// as Basic `admin:<token>`, at any of the 3 alignments), was printed whole: the redactor knew only the
// forms of secretForms. No 8 characters in a row of any of these forms reach stdout or stderr.
import { startEchoTokenServer } from '../__fixtures__/echo-token-server.js';
import { runCliBundle } from '../__fixtures__/run-process.js';
import { base64Forms, Redactor, SECRET_PIECE } from '../src/shared/redact.js';

const TOKEN = '3f9a1c7e5b2d4f6a8c0e1b3d5f7a9c2e';

const b64 = (text: string) => Buffer.from(text).toString('base64');

const ECHOES: Record<string, (token: string) => string> = {
  'upper-cased': (t) => `credentials ${t.toUpperCase()} refused`,
  Base64: (t) => `credentials ${b64(t)} refused`,
  'Base64 of admin:token (shift 0)': (t) => `credentials ${b64(`adm:${t}`)} refused`,
  'Base64 of admin:token (shift 1)': (t) => `credentials ${b64(`admin:${t}`)} refused`,
  'Base64 of admin:token (shift 2)': (t) => `credentials ${b64(`ad:${t}`)} refused`,
  'URL-safe Base64': (t) => `credentials ${Buffer.from(`\u00ff\u00fe${t}`, 'latin1').toString('base64url')}`,
};

/** Every SECRET_PIECE characters in a row of the token, upper-cased or Base64, in lower case. */
const pieces = [TOKEN, TOKEN.toUpperCase(), ...base64Forms(TOKEN)].flatMap((form) =>
  Array.from({ length: form.length - SECRET_PIECE + 1 }, (_, i) => form.slice(i, i + SECRET_PIECE).toLowerCase()),
);

test('base64Forms: each alignment, the characters that depend on the token alone', () => {
  for (const prefix of ['', 'a', 'ab', 'abc:']) {
    const encoded = b64(`${prefix}${TOKEN}.`);
    expect(base64Forms(TOKEN).some((form) => encoded.includes(form))).toBe(true);
  }
});

test.each(Object.entries(ECHOES))('%s: the redactor masks it', (_name, echo) => {
  const redactor = new Redactor();
  redactor.addSecret(TOKEN);
  const out = redactor.redact(echo(TOKEN)).toLowerCase();
  expect(pieces.filter((piece) => out.includes(piece))).toEqual([]);
  expect(out).toContain('***');
});

test.concurrent.each(Object.entries(ECHOES))('%s: the CLI prints no piece of it', async (_name, echo) => {
  const server = await startEchoTokenServer({ status: 401, contentType: 'text/plain', body: echo });
  try {
    const result = await runCliBundle(['list', '--url', server.url, '--retries', '0'], {
      env: { QUOTA_KEYS_DEBUG: '1', ADMIN_TOKEN: TOKEN },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('answered 401: credentials');
    const printed = (result.stdout + result.stderr).toLowerCase();
    expect(pieces.filter((piece) => printed.includes(piece))).toEqual([]);
  } finally {
    await server.close();
  }
});
