// Every attempt of a run watches the run's abort signal (src/transport/attempt-limits.ts). A
// listener of each attempt's own on that run-long signal chained the attempts together: Node's
// EventTarget leaves a removed listener pointing at the one added after it, so once a full
// collection promoted one attempt in flight, each later one was kept alive by the dead one before
// it (a rotation of 100,000 keys promoted 5 KB per DELETE and took ×13 the time of 10,000). The
// signal now carries one listener whatever the number of attempts, and an abort still abandons
// every attempt in flight, once each, in the order they started. Driven as undici drives the
// interceptor, through a dispatch that only keeps the handler.
import { getEventListeners } from 'node:events';
import type { Dispatcher } from 'undici';
import { AttemptAbandonedError, attemptLimits, LIMITS } from '../src/transport/attempt-limits.js';

/** Starts one attempt on `signal`; returns undici's side of it and what reached the handler above. */
function startAttempt(signal: AbortSignal, name: string, told: string[]) {
  let inner: Dispatcher.DispatchHandler | undefined;
  const dispatch = ((_opts: unknown, handler: Dispatcher.DispatchHandler) => {
    inner = handler;
    return true;
  }) as unknown as Dispatcher['dispatch'];
  const above: Dispatcher.DispatchHandler = {
    onResponseError: (_c, error) => told.push(`${name}: ${error instanceof AttemptAbandonedError}`),
    onResponseEnd: () => told.push(`${name}: ended`),
  };
  const limits = { deadlineMs: 60_000, maxAnswerBytes: 1024, signal };
  const opts = { origin: 'http://127.0.0.1:1', path: '/', method: 'GET', [LIMITS]: limits };
  attemptLimits()(dispatch)(opts as Dispatcher.DispatchOptions, above);
  const controller = { abort() {}, pause() {}, resume() {} } as unknown as Dispatcher.DispatchController;
  inner!.onRequestStart!(controller, {});
  return { end: () => inner!.onResponseEnd!(controller, {}) };
}

test('attempts in flight on one signal add one listener to it, not one each', () => {
  const run = new AbortController();
  const told: string[] = [];
  const attempts = Array.from({ length: 8 }, (_, i) => startAttempt(run.signal, `a${i}`, told));
  expect(getEventListeners(run.signal, 'abort')).toHaveLength(1);
  for (const attempt of attempts) attempt.end();
  for (let i = 0; i < 1000; i++) startAttempt(run.signal, `b${i}`, told).end();
  expect(getEventListeners(run.signal, 'abort').length).toBeLessThanOrEqual(1);
  expect(told.filter((line) => line.endsWith('ended'))).toHaveLength(1008);
});

test('an abort abandons each attempt still in flight once, in the order they started', () => {
  const run = new AbortController();
  const told: string[] = [];
  const attempts = ['a', 'b', 'c', 'd', 'e'].map((name) => startAttempt(run.signal, name, told));
  attempts[1]!.end();
  attempts[3]!.end();
  run.abort();
  run.abort();
  expect(told).toEqual(['b: ended', 'd: ended', 'a: true', 'c: true', 'e: true']);
  expect(getEventListeners(run.signal, 'abort')).toHaveLength(0);
});

test('attempts on different signals are abandoned by their own signal only', () => {
  const first = new AbortController();
  const second = new AbortController();
  const told: string[] = [];
  startAttempt(first.signal, 'first', told);
  startAttempt(second.signal, 'second', told);
  second.abort();
  expect(told).toEqual(['second: true']);
  first.abort();
  expect(told).toEqual(['second: true', 'first: true']);
});
