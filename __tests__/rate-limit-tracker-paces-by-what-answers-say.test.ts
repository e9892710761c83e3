// The admin rate limit as the answers state it (src/transport/rate-limit.ts): requests go freely
// until an answer carries X-RateLimit-*; then the lowest `remaining` of the window, minus requests
// sent after the one it answered, decides; once the window has passed the server counts afresh.
// The clock is passed in: no server, no wait (the scenarios over sockets are rate-limit-*).
import { RateLimitTracker } from '../src/transport/rate-limit.js';

const NOW = 1_800_000_000_000;
const RESET = NOW / 1000 + 60; // epoch seconds, a minute on
const headers = (remaining: number, reset: number = RESET, limit = 30) => ({
  'x-ratelimit-limit': String(limit),
  'x-ratelimit-remaining': String(remaining),
  'x-ratelimit-reset': String(reset),
});
const ticketOf = (turn: { ticket: number } | { waitMs: number }) => {
  if (!('ticket' in turn)) throw new Error(`expected a ticket, got a wait of ${turn.waitMs} ms`);
  return turn.ticket;
};

test('before any answer with the headers, every request may go and nothing is planned', () => {
  const tracker = new RateLimitTracker();
  for (let i = 0; i < 100; i++) ticketOf(tracker.acquire(NOW));
  expect(tracker.known).toBe(false);
  expect(tracker.window(NOW)).toBeUndefined();
  expect(tracker.plan(1000, NOW)).toBeUndefined();
  tracker.observe({ 'content-type': 'application/json' }, 0, NOW);
  expect(tracker.known).toBe(false);
});

test('requests sent after the answered one count against what it said remained', () => {
  const tracker = new RateLimitTracker();
  const first = ticketOf(tracker.acquire(NOW));
  const second = ticketOf(tracker.acquire(NOW));
  tracker.observe(headers(2), first, NOW);
  // 2 remained after the first (its answer is still arriving: it is counted); the second is on its way: 1 left.
  expect(tracker.window(NOW)).toEqual({ limit: 30, available: 1, resetAt: new Date(RESET * 1000) });
  tracker.release(first);
  const third = ticketOf(tracker.acquire(NOW));
  expect(tracker.acquire(NOW)).toEqual({ waitMs: 60_000 });
  tracker.observe(headers(1), second, NOW);
  tracker.release(second);
  expect(tracker.plan(1, NOW)).toMatchObject({ available: 0, fits: false, needed: 1, waitMs: 60_000 });
  tracker.release(third);
});

test('a later answer of the same window never raises the count; a later window starts afresh', () => {
  const tracker = new RateLimitTracker();
  const [a, b] = [tracker.count(), tracker.count()];
  tracker.observe(headers(5), a, NOW);
  tracker.release(a);
  tracker.observe(headers(9), b, NOW);
  tracker.release(b);
  expect(tracker.window(NOW)?.available).toBe(5);
  const [c, d] = [tracker.count(), tracker.count()];
  tracker.observe(headers(29, RESET + 900), c, NOW);
  tracker.release(c);
  // d is still on its way: not counted in the 29 yet.
  expect(tracker.window(NOW)).toMatchObject({ available: 28, resetAt: new Date((RESET + 900) * 1000) });
  tracker.release(d);
  expect(tracker.window(NOW)?.available).toBe(29);
});

test('once the window has passed, the limit is available again until an answer says otherwise', () => {
  const tracker = new RateLimitTracker();
  const ticket = ticketOf(tracker.acquire(NOW));
  tracker.observe(headers(0), ticket, NOW);
  tracker.release(ticket);
  expect(tracker.acquire(NOW)).toEqual({ waitMs: 60_000 });
  const later = NOW + 61_000;
  expect(tracker.window(later)?.available).toBe(30);
  // A late answer of the window that passed tells nothing.
  tracker.observe(headers(0), 0, later);
  expect(tracker.window(later)?.available).toBe(30);
  ticketOf(tracker.acquire(later));
});

test('X-RateLimit-Reset in seconds from now (IETF draft) or absent (a minute), and junk ignored', () => {
  const delta = new RateLimitTracker();
  delta.observe({ 'x-ratelimit-remaining': '3', 'x-ratelimit-reset': '120' }, delta.count(), NOW);
  expect(delta.plan(5, NOW)).toMatchObject({ limit: undefined, waitMs: 120_000, fits: false });
  const absent = new RateLimitTracker();
  absent.observe({ 'x-ratelimit-remaining': '3' }, absent.count(), NOW);
  expect(absent.plan(1, NOW)).toMatchObject({ waitMs: 60_000 });
  const junk = new RateLimitTracker();
  junk.observe({ 'x-ratelimit-remaining': '-1' }, junk.count(), NOW);
  junk.observe({ 'x-ratelimit-remaining': ['1e3'] }, junk.count(), NOW);
  expect(junk.known).toBe(false);
});

test('a reset past any date is still a wait, not an Invalid Date turned into nothing', () => {
  const tracker = new RateLimitTracker();
  tracker.observe(headers(0, 9e15), tracker.count(), NOW);
  const plan = tracker.plan(1, NOW)!;
  expect(plan.fits).toBe(false);
  expect(plan.waitMs).toBeGreaterThan(365 * 86_400_000);
});
