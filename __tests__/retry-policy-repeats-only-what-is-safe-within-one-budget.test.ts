// The retry policy's decisions (src/transport/retry-policy.ts), asked directly as the client's retry
// loop asks them: which failed attempt is tried again (a create only when the server cannot
// have acted), how long to wait (backoff or the server's word) out of one budget, when the server is
// taken for gone, and when an admin request may go under the rate limit. Jitter 0 makes every
// backoff 0 ms: no server, no real wait (the scenarios over sockets are retry-idempotent-requests).
import { Cancellation } from '../src/shared/cancel.js';
import { RateLimitedError } from '../src/transport/errors.js';
import { readRetryAfter } from '../src/transport/retry.js';
import { type Attempt, RetryPolicy, type RetryPolicyOptions } from '../src/transport/retry-policy.js';

const target = 'POST http://127.0.0.1:1/admin/keys';
const debug: string[] = [];
const policyOf = (options: Partial<RetryPolicyOptions> = {}) =>
  new RetryPolicy({
    retries: 3,
    timeoutMs: 1000,
    maxWaitMs: 10_000,
    random: () => 0,
    log: { debug: (line) => debug.push(line), info: () => undefined },
    ...options,
  });
const fresh = (): Attempt => ({ retries: 0, earlierMayHaveActed: false });
const status = (statusCode: number, headers: Record<string, string> = {}) => ({ statusCode, headers });
const network = (code: string) => Object.assign(new Error(code), { code });

/** What the policy tells the client: true when the attempt is tried again. */
function decide(
  policy: RetryPolicy,
  failed: Error | { statusCode: number; headers: Record<string, string> },
  attempt: Attempt,
  idempotent: boolean,
): Promise<boolean> {
  const request = { attempt, target, idempotent };
  if (!('statusCode' in failed)) return policy.retryFailure(failed, request);
  // As the client does: every answer's rate-limit headers are observed before anything is decided on it.
  if (attempt.ticket !== undefined) policy.rateLimit.observe(failed.headers, attempt.ticket);
  return policy.retryAnswer(failed.statusCode, failed.headers, request);
}

test('a server error is repeated for a read, never for a create: it may have made the key', async () => {
  const policy = policyOf();
  const read = fresh();
  expect(await decide(policy, status(503), read, true)).toBe(true);
  expect(read).toMatchObject({ retries: 1, earlierMayHaveActed: true });
  const create = fresh();
  expect(await decide(policy, status(500), create, false)).toBe(false);
  expect(create.retries).toBe(0);
  expect(await decide(policy, status(501), fresh(), true)).toBe(false);
  expect(policy.retriesMade).toBe(1);
});

test('a 429 is repeated even for a create (refused before anything was done), unless on-rate-limit: fail', async () => {
  const create = fresh();
  expect(await decide(policyOf(), status(429, { 'retry-after': '0' }), create, false)).toBe(true);
  expect(create).toMatchObject({ retries: 1, earlierMayHaveActed: false });
  expect(await decide(policyOf({ onRateLimit: 'fail' }), status(429), fresh(), false)).toBe(false);
});

test('what never reached the server is repeated for anything; an unknown outcome only for a read', async () => {
  const policy = policyOf();
  for (const code of ['ECONNREFUSED', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_PRX_CONN']) {
    const create = fresh();
    expect(await decide(policy, network(code), create, false)).toBe(true);
    expect(create.earlierMayHaveActed).toBe(false);
  }
  for (const code of ['ECONNRESET', 'UND_ERR_SOCKET', 'QK_DEADLINE', 'UND_ERR_HEADERS_TIMEOUT']) {
    expect(await decide(policy, network(code), fresh(), false)).toBe(false);
    const read = fresh();
    expect(await decide(policy, network(code), read, true)).toBe(true);
    expect(read.earlierMayHaveActed).toBe(true);
  }
  expect(await decide(policy, network('ERR_SOMETHING_ELSE'), fresh(), true)).toBe(false);
});

test('no retry past `retries`, nor after cancelling', async () => {
  expect(await decide(policyOf(), status(503), { ...fresh(), retries: 3 }, true)).toBe(false);
  const cancellation = new Cancellation();
  cancellation.cancel('SIGINT');
  expect(await decide(policyOf({ cancellation }), status(503), fresh(), true)).toBe(false);
});

test("the server's Retry-After is the wait; one longer than the budget leaves is refused, and said", async () => {
  const policy = policyOf();
  const attempt = fresh();
  expect(await decide(policy, status(503, { 'retry-after': '60' }), attempt, true)).toBe(false);
  expect(attempt.refused).toEqual({ waitMs: 60_000, serverAsked: true, by: 'Retry-After' });
  expect(debug.at(-1)).toMatch(
    /answered 503; not retried: waiting 60 s exceeds what max-wait-seconds leaves \(10 s\)$/,
  );
  expect(policy.budget.used).toBe(0);
});

test('a 429 without Retry-After waits for the window X-RateLimit-Reset names: past the budget, refused', async () => {
  const policy = policyOf();
  const attempt = { ...fresh(), ticket: policy.rateLimit.count() };
  const reset = String(Math.ceil(Date.now() / 1000) + 300);
  const headers = { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset };
  expect(await decide(policy, status(429, headers), attempt, false)).toBe(false);
  expect(attempt.refused).toMatchObject({ serverAsked: true, by: 'X-RateLimit-Reset' });
  const error = policy.rateLimitedError(target, { headers, retries: 0, refused: attempt.refused });
  expect(error).toBeInstanceOf(RateLimitedError);
  expect(error.message).toMatch(/^POST \S+: answered 429 \(rate limited\); its rate limit resets in \d+ s /);
});

test('a 429 whose Retry-After is no wait is not repeated blindly; the message quotes it (printable, cut)', async () => {
  const policy = policyOf();
  const attempt = fresh();
  const garbage = `soon\u001b[31m${'x'.repeat(60)}`;
  expect(await decide(policy, status(429, { 'retry-after': garbage }), attempt, false)).toBe(false);
  const error = policy.rateLimitedError(target, { headers: {}, retries: 0, refused: attempt.refused });
  expect(error.message).toContain(`its Retry-After "soon?[31m${'x'.repeat(31)}…" is no wait`);
  expect(error.message).toContain("run again once the server's rate limit has passed");
});

test('the server is taken for gone after retries + 1 timeouts and longer than the run could wait for it', async () => {
  const policy = policyOf({ retries: 1, timeoutMs: 1, maxWaitMs: 0 });
  policy.timedOut();
  await new Promise((resolve) => setTimeout(resolve, 5));
  expect(policy.stalled()).toBe(false);
  // undici's connect timeout counts like our deadline.
  expect(await decide(policy, network('UND_ERR_CONNECT_TIMEOUT'), fresh(), true)).toBe(false);
  expect(policy.stalled()).toBe(true);
  expect(policy.stalledError(target).message).toMatch(
    /: not sent: no complete answer for \d+ s \(2 attempts timed out/,
  );
  policy.answered();
  expect(policy.stalled()).toBe(false);
});

test('an admin request waits for room under the rate limit, or fails at once naming why', async () => {
  const usedUp = (policy: RetryPolicy) => {
    const ticket = policy.rateLimit.count();
    policy.rateLimit.observe({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '900' }, ticket);
    policy.rateLimit.release(ticket);
    return policy;
  };
  expect(typeof (await policyOf().paceForRateLimit(target))).toBe('number');
  // With room the ticket comes at once, not as a promise; without, ticketFor is the same wait.
  expect(typeof policyOf().ticketFor(target)).toBe('number');
  await expect(usedUp(policyOf({ onRateLimit: 'fail' })).ticketFor(target)).rejects.toThrow(/on-rate-limit is fail/);
  await expect(usedUp(policyOf({ onRateLimit: 'fail' })).paceForRateLimit(target)).rejects.toThrow(
    /: not sent: the admin rate limit is used up; on-rate-limit is fail; retry after \d{4}-/,
  );
  await expect(usedUp(policyOf()).paceForRateLimit(target)).rejects.toThrow(
    /waiting 900 s for the next window exceeds what max-wait-seconds leaves \(10 s\)/,
  );
});

test('Retry-After: seconds, an HTTP date, a date past any Date, or unreadable', () => {
  const now = Date.parse('2026-11-26T09:00:00Z');
  expect(readRetryAfter(undefined)).toBeUndefined();
  expect(readRetryAfter(' 1.5 ')).toEqual({ ms: 1500 });
  expect(readRetryAfter('Thu, 26 Nov 2026 09:00:42 GMT', now)).toEqual({ ms: 42_000 });
  expect(readRetryAfter('Thu, 26 Nov 2026 08:00:00 GMT', now)).toEqual({ ms: 0 });
  expect(readRetryAfter('Fri, 31 Dec 275760 23:59:59 GMT', now)).toEqual({ ms: Number.POSITIVE_INFINITY });
  expect(readRetryAfter(['-5'])).toEqual({ unreadable: '-5' });
});
