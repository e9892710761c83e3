// Error pages are shown by their first ~100 characters. A token or key cut in half by that limit
// would escape the redactor (it knows whole values only): the cut word is dropped, and Bearer
// values and key/token JSON fields are blanked before cutting.

import { logLine } from '../src/shared/neutralise.js';
import { snippetOf } from '../src/shared/redact.js';

test('a token echoed in an HTML error page is blanked, never cut in half', () => {
  const token = 'adm-Tok3n-XYZ-0123456789-secret';
  const page =
    `<html><body><h1>Internal error</h1><p>${'x'.repeat(30)} Bearer ${token}</p><p>more text ` +
    `after it</p></body></html>`;
  const shown = snippetOf(page);
  expect(shown).not.toMatch(/adm-Tok3n/);
  expect(shown.length).toBeLessThanOrEqual(101);
});

test('the word the 100-character cut falls in is dropped whole', () => {
  const key = `k${'Z'.repeat(60)}`;
  const shown = snippetOf(`${'a '.repeat(30)}${key} tail`);
  expect(shown).not.toContain('ZZZZ');
  expect(shown.endsWith('…')).toBe(true);
});

test('JSON key and token fields are blanked', () => {
  expect(snippetOf('{"error":"dup","key":"sk-secretvalue","admin_token":"t0k"}')).toBe(
    '{"error":"dup","key":"…","admin_token":"…"}',
  );
});

test('log lines stay one line: a label cannot start a workflow command line', () => {
  expect(logLine('Deleted k (auto-x\n::error title=pwn::INJECTED)')).toBe(
    'Deleted k (auto-x\\n::error title=pwn::INJECTED)',
  );
  expect(logLine('a\r## heading')).not.toMatch(/[\r\n]/);
});
