// The limits of one attempt (src/transport/attempt-limits.ts), an undici interceptor driven here as
// undici drives it, through a fake dispatch: a total deadline, a size limit (announced, then
// counted), and the run's abort signal. A failed attempt is told to the handler above once, and
// undici's request is aborted. No server: the scenarios over sockets are drip-fed-answers-*,
// huge-answers-* and one-signal-*.
import type { Dispatcher } from 'undici';
import {
  AnswerTooLargeError,
  AttemptAbandonedError,
  type AttemptLimits,
  attemptLimits,
  DeadlineError,
  formatBytes,
  LIMITS,
} from '../src/transport/attempt-limits.js';

type Controller = Dispatcher.DispatchController;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** undici's side: its controller records aborts. */
function undiciController() {
  const aborts: Error[] = [];
  const controller = {
    aborted: false,
    paused: false,
    reason: null,
    abort: (reason: Error) => aborts.push(reason),
    pause() {},
    resume() {},
  } as unknown as Controller;
  return { controller, aborts };
}

/** The handler above (the client's answer collector): records what reaches it, and the controller it was given. */
function handlerAbove() {
  const seen: { errors: Error[]; statuses: number[]; bytes: number; ended: boolean; controller?: Controller } = {
    errors: [],
    statuses: [],
    bytes: 0,
    ended: false,
  };
  const handler: Dispatcher.DispatchHandler = {
    onRequestStart: (controller) => Object.assign(seen, { controller }),
    onResponseStart: (_c, statusCode) => seen.statuses.push(statusCode),
    onResponseData: (_c, chunk) => (seen.bytes += chunk.length),
    onResponseEnd: () => (seen.ended = true),
    onResponseError: (_c, error) => seen.errors.push(error),
  };
  return { handler, seen };
}

/** Dispatches through the interceptor; returns the handler undici would be given. */
function dispatchWith(limits: Partial<AttemptLimits> | undefined, above: Dispatcher.DispatchHandler) {
  let given: Dispatcher.DispatchHandler | undefined;
  const dispatch = ((_opts: unknown, handler: Dispatcher.DispatchHandler) => {
    given = handler;
    return true;
  }) as unknown as Dispatcher['dispatch'];
  const full = limits && { deadlineMs: 1000, maxAnswerBytes: 1024, ...limits };
  const opts = { origin: 'http://127.0.0.1:1', path: '/', method: 'GET', ...(full ? { [LIMITS]: full } : {}) };
  attemptLimits()(dispatch)(opts as Dispatcher.DispatchOptions, above);
  return given!;
}

test('a request without limits passes through untouched', () => {
  const { handler } = handlerAbove();
  expect(dispatchWith(undefined, handler)).toBe(handler);
});

test('the deadline covers the attempt: told above once, undici aborted, what undici says later dropped', async () => {
  const { handler, seen } = handlerAbove();
  let deadlines = 0;
  const limited = dispatchWith({ deadlineMs: 30, onDeadline: () => (deadlines += 1) }, handler);
  const { controller, aborts } = undiciController();
  limited.onRequestStart!(controller, {});
  limited.onResponseStart!(controller, 200, {}, 'OK');
  limited.onResponseData!(controller, Buffer.from('{"keys":['));
  await pause(80);
  expect(seen.errors).toEqual([new DeadlineError(30)]);
  expect(seen.errors[0]).toMatchObject({ code: 'QK_DEADLINE', name: 'TimeoutError' });
  expect(aborts).toEqual([seen.errors[0]]);
  expect(deadlines).toBe(1);
  limited.onResponseData!(controller, Buffer.from('"more"'));
  limited.onResponseError!(controller, new Error('aborted'));
  expect(seen).toMatchObject({ bytes: 9, errors: [seen.errors[0]], ended: false });
});

test('an answer that ends in time is passed on whole, and no deadline follows it', async () => {
  const { handler, seen } = handlerAbove();
  const limited = dispatchWith({ deadlineMs: 30 }, handler);
  const { controller, aborts } = undiciController();
  limited.onRequestStart!(controller, {});
  limited.onResponseStart!(controller, 200, { 'content-length': '2' }, 'OK');
  limited.onResponseData!(controller, Buffer.from('{}'));
  limited.onResponseEnd!(controller, {});
  await pause(60);
  expect(seen).toMatchObject({ statuses: [200], bytes: 2, ended: true, errors: [] });
  expect(aborts).toEqual([]);
});

test('an answer larger than the limit is refused by its Content-Length, else when its bytes pass the limit', () => {
  const announced = handlerAbove();
  const big = dispatchWith({ maxAnswerBytes: 1024 }, announced.handler);
  const first = undiciController();
  big.onRequestStart!(first.controller, {});
  big.onResponseStart!(first.controller, 200, { 'content-length': '5000000' }, 'OK');
  expect(announced.seen.statuses).toEqual([]);
  expect(announced.seen.errors).toEqual([new AnswerTooLargeError(1024, 5_000_000)]);
  expect(announced.seen.errors[0]!.message).toBe('the answer is larger than 1024 bytes (Content-Length 4.8 MiB)');
  expect(first.aborts).toHaveLength(1);

  const counted = handlerAbove();
  const streaming = dispatchWith({ maxAnswerBytes: 1024 }, counted.handler);
  const second = undiciController();
  streaming.onRequestStart!(second.controller, {});
  streaming.onResponseStart!(second.controller, 200, {}, 'OK');
  streaming.onResponseData!(second.controller, Buffer.alloc(1000));
  streaming.onResponseData!(second.controller, Buffer.alloc(1000));
  expect(counted.seen).toMatchObject({ statuses: [200], bytes: 1000, errors: [new AnswerTooLargeError(1024)] });
});

test('the run’s abort signal ends the attempt, even one undici has not started yet', async () => {
  const abort = new AbortController();
  const { handler, seen } = handlerAbove();
  const limited = dispatchWith({ signal: abort.signal }, handler);
  abort.abort();
  expect(seen.errors).toEqual([new AttemptAbandonedError()]);
  expect(seen.errors[0]).toMatchObject({ code: 'QK_ABANDONED', name: 'AbortError' });
  // undici starts the request later: it is aborted at once, and the handler above hears nothing more.
  const { controller, aborts } = undiciController();
  limited.onRequestStart!(controller, {});
  expect(aborts).toEqual([seen.errors[0]]);
  expect(seen.controller).toBeUndefined();

  const already = handlerAbove();
  dispatchWith({ signal: AbortSignal.abort() }, already.handler);
  await pause(5);
  expect(already.seen.errors).toEqual([new AttemptAbandonedError()]);
});

test('sizes in messages: bytes below a MiB, MiB to one decimal above', () => {
  expect([1023, 1024 * 1024, 16 * 1024 * 1024, 300_000_000].map(formatBytes)).toEqual([
    '1023 bytes',
    '1 MiB',
    '16 MiB',
    '286.1 MiB',
  ]);
});
