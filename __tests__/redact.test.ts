import { Redactor, redactUrl, shortenKey } from '../src/shared/redact.js';

const v1 = `sk-ab12${'0'.repeat(40)}9f0e`;

test('keys are shortened to prefix, 4 first and 4 last characters', () => {
  expect(shortenKey(v1)).toBe('sk-ab12…9f0e');
  expect(shortenKey(`roc_${'a'.repeat(28)}beef`)).toBe('roc_aaaa…beef');
  expect(shortenKey('roc_1764150000000-k3j9x0a2b')).toBe('roc_1764…0a2b');
  expect(shortenKey('short')).toBe('…rt');
});

test('URL credentials are redacted', () => {
  expect(redactUrl('https://admin:hunter2@qp.example/x')).toBe('https://***@qp.example/x');
  expect(redactUrl('http://localhost:8787/')).toBe('http://localhost:8787/');
});

test('the redactor hides tokens, registered keys, key-shaped strings and URL credentials', () => {
  const r = new Redactor();
  r.addSecret('super-secret-token');
  r.addKey('custom-key-format-1234567890');
  const out = r.redact(`token super-secret-token key ${v1} other custom-key-format-1234567890 url http://u:p@h/`);
  expect(out).not.toContain('super-secret-token');
  expect(out).not.toContain(v1);
  expect(out).not.toContain('custom-key-format-1234567890');
  expect(out).not.toContain('u:p@');
  expect(out).toContain('sk-ab12…9f0e');
});

test(
  'keys of any shape are shortened also URL-encoded, and a known shape inside a longer key does not ' + 'hide the rest',
  () => {
    const r = new Redactor();
    const odd = 'qk+0NO5Td+/jwM7YmAbCdEfGhIjKlMnOpLieLxmUN';
    const nested = `sk-${'a'.repeat(48)}.030f4a54234020c79258a8cb`;
    r.addKey(odd);
    r.addKey(nested);
    const out = r.redact(`DELETE /admin/keys/${encodeURIComponent(odd)} and ${odd} and /admin/keys/${nested}`);
    expect(out).not.toContain(encodeURIComponent(odd));
    expect(out).not.toContain(odd);
    expect(out).not.toContain('030f4a54234020c79258a8cb');
    expect(out).toContain(shortenKey(odd));
  },
);

test('a URL-encoded token is hidden too', () => {
  const r = new Redactor();
  r.addSecret('tok+en/with=chars');
  expect(r.redact(`?admin_token=${encodeURIComponent('tok+en/with=chars')}`)).toBe('?admin_token=***');
});

test(
  'any 8 characters of the token in a row are masked, in its escaped forms too; shorter pieces and ' +
    'other text stay',
  () => {
    const redactor = new Redactor();
    const token = 'Adm1n&Secret;Part"Two';
    redactor.addSecret(token);
    expect(redactor.redact(`answered 401: Bearer …&Secret;Part"Two`)).toBe('answered 401: Bearer …***');
    expect(redactor.redact(`token=${encodeURIComponent(token)}&x=1`)).toBe('token=***&x=1');
    expect(redactor.redact('&quot;Adm1n&amp;Secret;Part&quot;Two&quot;')).toBe('&quot;***&quot;');
    expect(redactor.redact('pieces: Adm1n&Se and cret;Par')).toBe('pieces: *** and ***');
    expect(redactor.redact('Adm1n&S (7 characters) stays')).toBe('Adm1n&S (7 characters) stays');
  },
);
