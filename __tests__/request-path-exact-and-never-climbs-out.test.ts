// What goes into a request's target (src/transport/request-path.ts): a key is one percent-encoded
// segment, a dot segment is refused rather than normalised (a `..` cannot climb out of the base
// path), and the query is appended exactly. And which proxy a failed connection names
// (src/transport/proxy-note.ts). Pure functions: the scenario over sockets is keys-and-labels-url-encoded.
import { QuotaKeysError } from '../src/shared/errors.js';
import { proxyNote } from '../src/transport/proxy-note.js';
import { pathSegment, requestPath } from '../src/transport/request-path.js';

test('a key is one segment: /, ?, # and % cannot change the route', () => {
  expect(pathSegment('sk-a/b?c#d%e')).toBe('sk-a%2Fb%3Fc%23d%25e');
  expect(pathSegment('.hidden..key')).toBe('.hidden..key');
  for (const dots of ['', '.', '..', '....'])
    expect(() => pathSegment(dots)).toThrow(`refusing to put ${JSON.stringify(dots)} into a URL path: it is not a key`);
});

test('the target is the base path, the path and the query, exactly as given', () => {
  expect(requestPath('', '/admin/keys')).toBe('/admin/keys');
  expect(requestPath('/proxy/v1', '/admin/keys', { limit: 100, offset: 0, day: undefined, all: true })).toBe(
    '/proxy/v1/admin/keys?limit=100&offset=0&all=true',
  );
  expect(requestPath('', '/admin/usage?day=2026-11-26', { offset: 200 })).toBe(
    '/admin/usage?day=2026-11-26&offset=200',
  );
  expect(requestPath('', '/admin/keys', { label: 'a&b=c d' })).toBe('/admin/keys?label=a%26b%3Dc+d');
  expect(requestPath('', '//admin/keys')).toBe('//admin/keys');
});

test('a path with a dot segment, or not starting with /, is refused: one line, one of the tool’s errors', () => {
  for (const path of ['/admin/../healthz', '/admin/./keys', '/..', '/admin/keys/..?x=1']) {
    expect(() => requestPath('/base', path)).toThrow(`refusing a request path with a dot segment: ${path}`);
    expect(() => requestPath('/base', path)).toThrow(QuotaKeysError);
  }
  expect(() => requestPath('', 'admin/keys')).toThrow('request path must start with /: admin/keys');
  // A dot segment only in the query is no path.
  expect(requestPath('', '/admin/keys?name=..')).toBe('/admin/keys?name=..');
});

test('a failed connection names the proxy it went through, without credentials, unless NO_PROXY bypasses it', () => {
  const http = new URL('http://quota.example.com:8080/');
  const https = new URL('https://quota.example.com/');
  const env = { HTTP_PROXY: 'http://user:secret@proxy:3128', HTTPS_PROXY: 'http://tls-proxy:3128' };
  expect(proxyNote(http, {})).toBe('');
  expect(proxyNote(http, env)).not.toContain('secret');
  expect(proxyNote(http, env)).toMatch(/^ through the proxy http:\/\/\S*proxy:3128\/? \(HTTP_PROXY\)$/);
  expect(proxyNote(https, env)).toBe(' through the proxy http://tls-proxy:3128 (HTTPS_PROXY)');
  expect(proxyNote(https, { https_proxy: 'http://lower:1', HTTPS_PROXY: 'http://upper:1' })).toContain('(https_proxy)');
  for (const noProxy of ['quota.example.com', '.example.com', '*.example.com', 'example.com:8080', 'other, *'])
    expect(proxyNote(http, { ...env, NO_PROXY: noProxy })).toBe('');
  expect(proxyNote(http, { ...env, no_proxy: 'notexample.com' })).not.toBe('');
});
