// What a failed attempt means (src/transport/errors.ts): classify reads undici's and Node's codes
// into a kind, one line of detail, and whether the server may have seen the request (a create is
// only repeated when it cannot have); the errors built from it name the deadline, the proxy and
// what to do. Pure functions: no server (the scenarios over sockets are in retry-*, proxy-*, https-*).
import { DeadlineError } from '../src/transport/attempt-limits.js';
import { brokenOffError, CutOffAnswerError, classify, NetworkError, networkErrorOf } from '../src/transport/errors.js';

const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code });
const target = 'POST http://127.0.0.1:1/admin/keys';

test.each([
  ['UND_ERR_CONNECT_TIMEOUT', 'timeout', 'timed out connecting', false],
  ['UND_ERR_PRX_CONN', 'network', 'the proxy closed the connection while opening the tunnel (CONNECT)', false],
  ['ECONNREFUSED', 'refused', 'connection refused', false],
  ['ENOTFOUND', 'dns', 'host name not found (DNS)', false],
  ['EAI_AGAIN', 'dns', 'host name not found (DNS)', false],
  ['ERR_SSL_WRONG_VERSION_NUMBER', 'plain-http', 'the port answers plain HTTP, not TLS', false],
  ['UND_ERR_HEADERS_TIMEOUT', 'timeout', 'timed out', true],
  ['UND_ERR_BODY_TIMEOUT', 'timeout', 'timed out', true],
  ['ETIMEDOUT', 'timeout', 'timed out', true],
  ['ECONNRESET', 'reset', 'connection reset by the server', true],
  ['UND_ERR_SOCKET', 'reset', 'connection reset by the server', true],
  ['EPIPE', 'reset', 'connection reset by the server', true],
  ['UND_ERR_CLOSED', 'reset', 'connection reset by the server', true],
  ['UND_ERR_ABORTED', 'network', 'abandoned (cancelled)', true],
  ['QK_ABANDONED', 'network', 'abandoned (cancelled)', true],
])('%s: %s, "%s", sent: %s', (code, kind, detail, sent) => {
  expect(classify(coded(code))).toEqual({ kind, detail, sent });
});

test('the code is also read from the cause (undici wraps Node errors), and names count as codes do', () => {
  expect(classify(Object.assign(new Error('fetch failed'), { cause: { code: 'ECONNREFUSED' } })).kind).toBe('refused');
  expect(classify(new DeadlineError(5000))).toEqual({ kind: 'timeout', detail: 'timed out', sent: true });
  expect(classify(Object.assign(new Error('aborted'), { name: 'AbortError' })).detail).toBe('abandoned (cancelled)');
});

test("OpenSSL's words for a plain-HTTP port are read without a code; anything else is one line, taken as sent", () => {
  const openssl = new Error('C0B7:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:\n');
  expect(classify(openssl)).toEqual({
    kind: 'plain-http',
    detail: 'the port answers plain HTTP, not TLS',
    sent: false,
  });
  expect(classify(new Error('something\n  odd happened\n'))).toEqual({
    kind: 'network',
    detail: 'something odd happened',
    sent: true,
  });
  expect(classify('a thrown string').detail).toBe('a thrown string');
});

test('networkErrorOf: a timeout after sending names the deadline; what was not sent names the proxy', () => {
  const proxy = ' through the proxy http://proxy:3128 (HTTP_PROXY)';
  const timedOut = networkErrorOf(coded('UND_ERR_HEADERS_TIMEOUT'), target, 4, 10_000, proxy);
  expect(timedOut).toBeInstanceOf(NetworkError);
  expect(timedOut.message).toBe(`${target}: timed out after 10 s (4 attempts)`);
  expect(timedOut).toMatchObject({ kind: 'timeout', sent: true, attempts: 4 });
  const refused = networkErrorOf(coded('ECONNREFUSED'), target, 1, 10_000, proxy);
  expect(refused.message).toBe(`${target}: connection refused${proxy}`);
  expect(refused.sent).toBe(false);
  const plain = networkErrorOf(coded('ERR_SSL_WRONG_VERSION_NUMBER'), target, 1, 10_000, '');
  expect(plain.message).toBe(
    `${target}: the port answers plain HTTP, not TLS: use http:// in url, or the server's TLS port`,
  );
});

test('brokenOffError: past the deadline a timeout, else a cut-off answer: bytes received of those announced', () => {
  const answer = { status: 200, headers: { 'content-length': '100' }, snippet: '{"keys":[', received: 9 };
  const late = brokenOffError({ ...answer, error: new DeadlineError(10_000) }, target, 1, 10_000);
  expect(late).toBeInstanceOf(NetworkError);
  expect(late.message).toBe(`${target}: timed out after 10 s (answer 200 still arriving after 9 bytes)`);
  const cut = brokenOffError(answer, target, 2, 10_000);
  expect(cut).toBeInstanceOf(CutOffAnswerError);
  expect(cut.message).toBe(
    `${target} answered 200 but the answer was cut off after 9 of 100 bytes (2 attempts): {"keys":[`,
  );
  const unannounced = brokenOffError({ ...answer, headers: {}, snippet: '' }, target, 1, 10_000);
  expect(unannounced.message).toBe(`${target} answered 200 but the answer was cut off after 9 bytes: (empty)`);
});
