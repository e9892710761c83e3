// The HTTP client against the dev server behind the fault proxy: which failures are retried, how
// long it waits, and what it says when it gives up. Counts come from the proxy's request log.

import { type Fault, type FaultProxy, type FaultRequest, startFaultProxy } from '../__fixtures__/fault-proxy.js';
import { type DevServer, startDevServer } from '../src/dev-server/index.js';
import { Cancellation } from '../src/shared/cancel.js';
import {
  BadAnswerError,
  CutOffAnswerError,
  HttpStatusError,
  NetworkError,
  RateLimitedError,
} from '../src/transport/errors.js';
import { HttpClient, type HttpClientOptions } from '../src/transport/http.js';
import { fullJitter, WaitBudget } from '../src/transport/retry.js';

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer({ flavor: 'v1' });
});
afterAll(() => server.close());

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((o) => o.close()));
});

/** A proxy whose n-th request (0-based) of `method` gets `faults[n]`. */
async function proxy(
  faults: Array<Fault | undefined>,
  method = 'GET',
  extra: { retryAfterSeconds?: number; delayMs?: number } = {},
): Promise<FaultProxy> {
  let n = 0;
  const p = await startFaultProxy({
    target: server.url,
    choose: (r: FaultRequest) => (r.method === method ? faults[n++] : undefined),
    ...extra,
  });
  open.push(p);
  return p;
}

function client(url: string, options: Partial<HttpClientOptions> = {}): HttpClient {
  const http = new HttpClient({
    baseUrl: new URL(url),
    token: server.token,
    timeoutMs: 1000,
    connections: 4,
    random: () => 0.5,
    ...options,
  });
  open.push(http);
  return http;
}

const sent = (p: FaultProxy, method: string) => p.records.filter((r) => r.method === method).length;
const caught = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
};

test('a GET answered 500, then 429 with Retry-After: 1, is retried and succeeds on the third attempt', async () => {
  const p = await proxy(['error500', 'rate-limit']);
  const http = client(p.url);
  const started = Date.now();
  const { body } = await http.json<{ keys: unknown[] }>('GET', '/admin/keys');
  expect(Array.isArray(body.keys)).toBe(true);
  expect(sent(p, 'GET')).toBe(3);
  expect(http.retriesMade).toBe(2);
  expect(Date.now() - started).toBeGreaterThanOrEqual(1000); // Retry-After honoured
});

test('a GET that keeps failing gives up after retries + 1 attempts with one line naming the status', async () => {
  const p = await proxy(['error500', 'error500', 'error500', 'error500', 'error500']);
  const error = await caught(client(p.url, { retries: 3 }).json('GET', '/admin/keys'));
  expect(error).toBeInstanceOf(HttpStatusError);
  expect(error.message).toMatch(
    /^GET http:\/\/127\.0\.0\.1:\d+\/admin\/keys answered 500: Internal server error \(4 attempts\)$/,
  );
  expect(sent(p, 'GET')).toBe(4);
});

test('a GET whose connection is reset, or whose answer is cut off, or that times out, is retried', async () => {
  const p = await proxy(['reset-before', 'truncate', 'delay'], 'GET', { delayMs: 2500 });
  const http = client(p.url);
  const { body } = await http.json<{ keys: unknown[] }>('GET', '/admin/keys');
  expect(Array.isArray(body.keys)).toBe(true);
  expect(sent(p, 'GET')).toBe(4);
});

test('a create (POST) answered 500 is not repeated: repeating it could make a second key', async () => {
  const p = await proxy(['error500'], 'POST');
  const error = await caught(client(p.url).json('POST', '/admin/keys', { body: { label: 'no-retry' } }));
  expect(error).toBeInstanceOf(HttpStatusError);
  expect(sent(p, 'POST')).toBe(1);
});

test('a create whose connection is reset is not repeated either (the caller reconciles)', async () => {
  const p = await proxy(['reset-after'], 'POST');
  const error = await caught(client(p.url).json('POST', '/admin/keys', { body: { label: 'reset-after-commit' } }));
  expect(error).toBeInstanceOf(NetworkError);
  expect((error as NetworkError).sent).toBe(true);
  expect(sent(p, 'POST')).toBe(1);
  expect(server.allKeys().filter((k) => k.label === 'reset-after-commit')).toHaveLength(1);
});

test(
  'a create refused with 429 is repeated after Retry-After: the rate limiter refused it before ' + 'anything was made',
  async () => {
    const p = await proxy(['rate-limit'], 'POST');
    const { body } = await client(p.url).json<{ key: string }>('POST', '/admin/keys', { body: { label: 'after-429' } });
    expect(
      server
        .allKeys()
        .filter((k) => k.label === 'after-429')
        .map((k) => k.key),
    ).toEqual([body.key]);
    expect(sent(p, 'POST')).toBe(2);
  },
);

test('with on-rate-limit: fail a 429 is not waited for', async () => {
  const p = await proxy(['rate-limit'], 'GET');
  const error = await caught(client(p.url, { onRateLimit: 'fail' }).json('GET', '/admin/keys'));
  expect(error).toBeInstanceOf(RateLimitedError);
  expect(error.message).toMatch(/answered 429 \(rate limited\); on-rate-limit is fail; retry after \d{4}-\d\d-\d\dT/);
  expect(sent(p, 'GET')).toBe(1);
});

test('a Retry-After longer than max-wait-seconds leaves stops at once and says when to retry', async () => {
  const p = await proxy(['rate-limit'], 'GET', { retryAfterSeconds: 900 });
  const started = Date.now();
  const error = await caught(client(p.url, { maxWaitMs: 5000 }).json('GET', '/admin/keys'));
  expect(Date.now() - started).toBeLessThan(4000);
  expect(error).toBeInstanceOf(RateLimitedError);
  const retryAt = (error as RateLimitedError).retryAt.getTime();
  expect(retryAt).toBeGreaterThan(Date.now() + 890_000);
  expect(error.message).toMatch(
    new RegExp(
      String.raw`the server asks to wait 900 s, more than max-wait-seconds leaves \(5 s\);` +
        String.raw` retry after \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\.$`,
    ),
  );
  expect(error.message).not.toContain('\n');
  expect(sent(p, 'GET')).toBe(1);
});

test('an HTML 502 page is reported in one line: status and the first ~100 characters', async () => {
  const p = await proxy(['html502'], 'GET');
  const error = await caught(client(p.url, { retries: 0 }).json('GET', '/admin/keys'));
  expect(error).toBeInstanceOf(HttpStatusError);
  expect(error.message).toMatch(/answered 502: <html> <head><title>502 Bad Gateway<\/title><\/head> <body>/);
  expect(error.message).not.toContain('\n');
  expect(error.message.length).toBeLessThan(200);
});

test('a create answer cut off mid-body: status, bytes received and a snippet without the half key', async () => {
  const p = await proxy(['truncate'], 'POST');
  const error = await caught(client(p.url).json('POST', '/admin/keys', { body: { label: 'cut-off' } }));
  expect(error).toBeInstanceOf(CutOffAnswerError);
  expect(error).toBeInstanceOf(BadAnswerError);
  const [key] = server.allKeys().filter((k) => k.label === 'cut-off');
  expect(error.message).toMatch(
    new RegExp(
      String.raw`^POST http:\/\/127\.0\.0\.1:\d+\/admin\/keys answered 200 but the answer` +
        String.raw` was cut off after \d+ of \d+ bytes: \{"key":"…`,
    ),
  );
  // Not even the part of the key that arrived.
  expect(error.message).not.toContain(key!.key.slice(0, 12));
  expect(sent(p, 'POST')).toBe(1);
});

test('cancelling stops the retries: no attempt starts after it', async () => {
  const p = await proxy(Array(20).fill('error500'));
  const cancellation = new Cancellation();
  const http = client(p.url, { retries: 10, random: () => 0.99, cancellation });
  setTimeout(() => cancellation.cancel('SIGTERM'), 300);
  const started = Date.now();
  const error = await caught(http.json('GET', '/admin/keys'));
  expect(error).toBeInstanceOf(HttpStatusError);
  expect(Date.now() - started).toBeLessThan(3000);
  const attempts = sent(p, 'GET');
  expect(attempts).toBeLessThan(4);
  await new Promise((r) => setTimeout(r, 600));
  expect(sent(p, 'GET')).toBe(attempts);
  await expect(http.json('GET', '/admin/keys')).rejects.toThrow(/cancelled \(SIGTERM\)/);
  expect(sent(p, 'GET')).toBe(attempts);
});

test('full jitter stays below base·2^retry; the wait budget counts overlapping waits once', () => {
  // Uniform below a ceiling that doubles per retry (0.5 s, 1 s, 2 s, …) up to 30 s.
  expect([0, 1, 2, 3, 10].map((retry) => fullJitter(retry, () => 0.5))).toEqual([250, 500, 1000, 2000, 15_000]);
  expect(fullJitter(2, () => 0)).toBe(0);
  expect(fullJitter(0, () => 0.999)).toBeLessThan(500);
  expect(fullJitter(3, () => 0.999)).toBeLessThan(4000);
  expect(fullJitter(30, () => 0.999)).toBeLessThan(30_000);
  const budget = new WaitBudget(10_000);
  expect(budget.reserve(8000, 0)).toBe(true);
  // Four requests waiting out the same window spend it once.
  expect(budget.reserve(8000, 100)).toBe(true);
  expect(budget.reserve(8000, 200)).toBe(true);
  expect(budget.used).toBe(8200);
  expect(budget.reserve(5000, 8200)).toBe(false);
  expect(budget.left(8200)).toBe(1800);
});
