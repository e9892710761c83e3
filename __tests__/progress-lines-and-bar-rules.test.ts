// The progress renderer's rules on a clock of the test's own: a line every 10 % or 10 s, whichever
// is rarer; nothing for short work (< 50 items, or done within 2 s); a bar redrawn in place with
// count, rate and ETA; nothing at all when quiet.
import { createProgress, MIN_ITEMS, NO_PROGRESS, QUIET_MS } from '../src/shared/progress.js';

function clocked(tty: boolean) {
  let now = 0;
  const out: Array<{ at: number; text: string }> = [];
  const progress = createProgress({ tty, now: () => now, write: (text) => out.push({ at: now, text }) });
  /** `count` ticks, one every `everyMs`. */
  const run = (count: number, everyMs: number) => {
    for (let i = 0; i < count; i += 1) {
      now += everyMs;
      progress.tick();
    }
  };
  return { progress, out, run, advance: (ms: number) => (now += ms) };
}

const percentOf = (text: string) => Number(/\((\d+) %\)/.exec(text)![1]);

test('line mode: lines at least 10 s and 10 % apart, monotonic, then a last line saying done', () => {
  const { progress, out, run } = clocked(false);
  progress.start(1000, 'keys created');
  run(1000, 50); // 50 s in all: 10 % every 5 s, so the 10 s rule is the rarer one
  progress.done();
  const lines = out.slice(0, -1);
  expect(lines.length).toBeGreaterThanOrEqual(3);
  expect(lines.length).toBeLessThanOrEqual(5);
  for (let i = 1; i < lines.length; i += 1) {
    expect(lines[i]!.at - lines[i - 1]!.at).toBeGreaterThanOrEqual(10_000);
    expect(percentOf(lines[i]!.text) - percentOf(lines[i - 1]!.text)).toBeGreaterThanOrEqual(10);
  }
  expect(lines[0]!.text).toMatch(/^200\/1,000 keys created \(20 %\), 20\/s, ETA 40s$/);
  expect(out.at(-1)!.text).toBe('1,000/1,000 keys created (100 %), 20/s: done');
  expect(out.every(({ text }) => !text.includes('\r') && !text.includes('\n'))).toBe(true);
});

test('line mode: when 10 % takes longer than 10 s, a line per 10 %', () => {
  const { progress, out, run } = clocked(false);
  progress.start(100, 'keys deleted');
  run(100, 3000); // 30 s per 10 %
  progress.done();
  // 100 % once: the line saying done, no tick line before it repeating it.
  expect(out.map(({ text }) => percentOf(text))).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
});

test('short work shows nothing: fewer than 50 items however slow, or done within 2 s', () => {
  const few = clocked(false);
  few.progress.start(MIN_ITEMS - 1, 'keys created');
  few.run(MIN_ITEMS - 1, 5000);
  few.progress.done();
  expect(few.out).toEqual([]);
  const quick = clocked(true);
  quick.progress.start(3000, 'keys created');
  quick.run(3000, (QUIET_MS - 100) / 3000);
  quick.progress.done();
  expect(quick.out).toEqual([]);
});

test('an unknown total (list pages): a line every 10 s with count and rate, no percent', () => {
  const { progress, out, advance } = clocked(false);
  progress.start(0, 'keys listed');
  for (let page = 0; page < 10; page += 1) {
    advance(4000);
    progress.tick(500);
  }
  progress.done();
  expect(out.map(({ text }) => text)).toEqual([
    '1,500 keys listed, 125/s',
    '3,000 keys listed, 125/s',
    '4,500 keys listed, 125/s',
    '5,000 keys listed, 125/s: done',
  ]);
});

test('bar mode: redrawn in place with count, rate and ETA, at most every 100 ms; cleared when done', () => {
  const { progress, out, run } = clocked(true);
  progress.start(3000, 'keys created');
  run(3000, 5); // 15 s
  progress.done();
  const draws = out.slice(0, -1);
  expect(draws[0]!.at).toBeGreaterThanOrEqual(QUIET_MS);
  expect(draws.length).toBeGreaterThan(100);
  expect(draws.length).toBeLessThanOrEqual(15_000 / 100);
  for (const { text } of draws)
    expect(text).toMatch(/^\r\x1b\[K\[[#-]+\] [\d,]+\/3,000 keys created \(\d+ %\), 200\/s/);
  // 80 columns: the bar takes what the text leaves (31), 13 % of it filled.
  expect(draws[0]!.text).toBe(
    '\r\x1b[K[####---------------------------] 400/3,000 keys created (13 %), 200/s, ETA 13s',
  );
  expect(out.at(-1)!.text).toBe('\r\x1b[K');
});

test('quiet: nothing at all', () => {
  const written: string[] = [];
  const progress = createProgress({ quiet: true, tty: true, write: (t) => written.push(t) });
  expect(progress).toBe(NO_PROGRESS);
});
