// Unit: redaction (src/shared/redact.ts) beyond redact.test.ts: every flavor's key shape, the forms
// a token is echoed in, and server answers cut to snippets with credentials blanked.
import { Redactor, SECRET_PIECE, secretForms, shortenKey, snippetOf } from '../src/shared/redact.js';

const KEYS = {
  v1: `sk-${'0123456789abcdef'.repeat(3)}`,
  v01: `trial_${'a'.repeat(36)}`,
  v1a: `trial_${'b'.repeat(32)}`,
  v1p: `roc_${'c'.repeat(32)}`,
  v10: 'roc_1764150000000-k3j9x0a2b',
};

describe('every flavor’s keys are shortened by a fresh redactor', () => {
  test.each(Object.entries(KEYS))('%s', (_flavor, key) => {
    const out = new Redactor().redact(`made ${key}, and "${key}" again`);
    expect(out).not.toContain(key);
    expect(out).toBe(`made ${shortenKey(key)}, and "${shortenKey(key)}" again`);
  });

  test('look-alikes that are no key of ours stay', () => {
    const text = 'sk-short trial_xyz roc_123-ab sk_live_abc task-0123456789abcdef01234567';
    expect(new Redactor().redact(text)).toBe(text);
  });
});

describe('secretForms', () => {
  test('as is, URL-, form-, JSON- and HTML-escaped, longest first, no repeats', () => {
    const forms = secretForms('a b&"<\'>');
    expect(forms).toEqual(
      expect.arrayContaining([
        'a b&"<\'>',
        "a%20b%26%22%3C'%3E",
        "a+b%26%22%3C'%3E",
        'a b&\\"<\'>',
        'a b&amp;&quot;&lt;&#39;&gt;',
        'a b&amp;&quot;&lt;&#x27;&gt;',
      ]),
    );
    expect(new Set(forms).size).toBe(forms.length);
    expect(forms.map((f) => f.length)).toEqual([...forms.map((f) => f.length)].sort((x, y) => y - x));
    expect(secretForms('plain')).toEqual(['plain']);
  });
});

describe('Redactor', () => {
  test('a token shorter than 4 characters is not a secret (it would mask ordinary words)', () => {
    const redactor = new Redactor();
    redactor.addSecret('abc');
    redactor.addSecret(undefined);
    redactor.addSecret('');
    expect(redactor.redact('abc abcdef')).toBe('abc abcdef');
  });

  test(`a token of ${SECRET_PIECE} characters or fewer is masked whole, in JSON and form encoding`, () => {
    const redactor = new Redactor();
    redactor.addSecret('p@ss "w');
    expect(redactor.redact('{"token":"p@ss \\"w"} p%40ss+%22w p@ss "w')).toBe('{"token":"***"} *** ***');
  });

  test('overlapping pieces of a long token are masked as one run', () => {
    const redactor = new Redactor();
    redactor.addSecret('0123456789abcdefghij');
    expect(redactor.redact('x 23456789abcd y 9abcdefghi z')).toBe('x *** y *** z');
  });

  test('a key short or of a known shape is not registered; others are, URL-encoded too', () => {
    const redactor = new Redactor();
    redactor.addKey('short');
    redactor.addKey(KEYS.v1);
    redactor.addKey('my/own+key=1234567890');
    expect(redactor.redact('short')).toBe('short');
    expect(redactor.redact(`/admin/keys/${encodeURIComponent('my/own+key=1234567890')}`)).toBe(
      `/admin/keys/${shortenKey('my/own+key=1234567890')}`,
    );
  });

  test('URL credentials are hidden wherever they appear', () => {
    expect(new Redactor().redact('proxy http://user:pa55@proxy:3128 and https://tok@h/x')).toBe(
      'proxy http://***@proxy:3128 and https://***@h/x',
    );
  });
});

describe('snippetOf and Redactor.snippet', () => {
  test('JSON key and token fields are blanked', () => {
    expect(snippetOf('{"key":"abc","trial_key":"def","admin_token":"ghi","apiKey":"jkl","label":"ok"}')).toBe(
      '{"key":"…","trial_key":"…","admin_token":"…","apiKey":"…","label":"ok"}',
    );
  });

  test('the word after Bearer, Basic or token is blanked; a plain reason after "token" stays', () => {
    expect(snippetOf('Authorization: Bearer s3cr3t&x;y next')).toBe('Authorization: Bearer … next');
    expect(snippetOf('Basic dXNlcjpwYXNz')).toBe('Basic …');
    expect(snippetOf('token=abc123')).toBe('token=…');
    expect(snippetOf('Admin token required')).toBe('Admin token required');
    expect(snippetOf('token is invalid.')).toBe('token is invalid.');
    for (const reason of ['missing', 'expired!', 'Required', 'mismatch'])
      expect(snippetOf(`Admin token ${reason}`)).toBe(`Admin token ${reason}`);
    expect(snippetOf('token hunter2')).toBe('token …');
  });

  test('one line of about 100 characters, cut at a word so no half key is left', () => {
    const key = KEYS.v1;
    const text = `${'word '.repeat(18)}${key} tail`;
    const snippet = new Redactor().snippet(text);
    expect(snippet).not.toMatch(/[\r\n]/);
    expect(snippet.length).toBeLessThanOrEqual(101);
    expect(snippet).not.toContain(key.slice(0, 12));
    expect(snippetOf('a\n\nb')).toBe('a b');
  });

  test('the token is redacted before the cut', () => {
    const redactor = new Redactor();
    const token = 'T0ken-Of-The-Admin-0123456789';
    redactor.addSecret(token);
    const snippet = redactor.snippet(`${'x'.repeat(85)} ${token}`);
    expect(snippet).not.toContain(token.slice(0, SECRET_PIECE));
  });
});
