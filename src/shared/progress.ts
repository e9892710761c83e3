// Progress of long work (batch, rotate, list over pages, delete of many keys), told on stderr or
// the log, never stdout: a live bar on a terminal, a plain line now and then in CI. Short work shows
// nothing: fewer than MIN_ITEMS items, or done within QUIET_MS. Lines carry counts, never a key.
// The ETA counts a wait it can foresee (the server's admin rate limit), which the rate cannot show.

import { thousands } from './text.js';

/** A wait ahead of the remaining items that is known before it happens: the admin rate limit's window. */
export interface KnownWait {
  /** Items that can go before the wait. */
  available: number;
  /** Milliseconds from now until the rest can go; undefined: the rest will not go (waiting is not allowed). */
  waitMs?: number;
  /** Items a window takes after that: more remaining than this needs further windows of unknown length. */
  perWindow?: number;
}

/** The known wait for `remaining` more items, or undefined when none stands in their way. */
export type WaitsFor = (remaining: number) => KnownWait | undefined;

/** What a command reports; the platform decides how (or whether) it is shown. */
export interface Progress {
  /** `total` items of `what` ("keys created"); 0 when the total is not known (list pages). */
  start(total: number, what: string): void;
  tick(n?: number): void;
  /** The work ended (finished, failed or cancelled): the bar is cleared, a last line said if any was. */
  done(): void;
  /** Where known waits come from (one admin request per item); the ETA counts them. */
  waitsFrom?(waits: WaitsFor): void;
}

/** Shows nothing: for --quiet, for tests, and when no platform asked for progress. */
export const NO_PROGRESS: Progress = { start() {}, tick() {}, done() {} };

/** Fewer items than this is short work: nothing shown. */
export const MIN_ITEMS = 50;
/** Nothing is shown before the work has run this long. */
export const QUIET_MS = 2000;
/** Line mode: a line once both 10 % more is done and this long has passed since the last one. */
export const LINE_EVERY_MS = 10_000;
const BAR_REDRAW_MS = 100;

export interface ProgressOptions {
  /** Where the text goes: a whole line (line mode), or raw text with \r (bar mode). */
  write: (text: string) => void;
  /** A terminal: a bar redrawn in place; else plain lines. */
  tty?: boolean;
  /** Terminal width for the bar (default 80). */
  columns?: () => number | undefined;
  /** --quiet: nothing at all. */
  quiet?: boolean;
  now?: () => number;
  /** Overrides of QUIET_MS and LINE_EVERY_MS (tests). */
  quietMs?: number;
  everyMs?: number;
}

export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  return m < 60
    ? `${m}m${String(s % 60).padStart(2, '0')}s`
    : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

interface State {
  total: number;
  what: string;
  count: number;
  startedAt: number;
  waits?: WaitsFor;
  /** Time spent in known waits so far: not work, so not in the rate. */
  waitedMs?: number;
  /** A known wait under way: from when until when. */
  waiting?: { from: number; until: number };
}

/** Milliseconds spent in known waits by `now`. */
function waited(state: State, now: number): number {
  const { waiting } = state;
  const current = waiting ? Math.max(0, Math.min(now, waiting.until) - waiting.from) : 0;
  return (state.waitedMs ?? 0) + current;
}

/** Notes a known wait starting now (the window has no room left), and closes one that has ended. */
function trackWait(state: State, now: number): void {
  if (state.waiting && now >= state.waiting.until) {
    state.waitedMs = waited(state, now);
    state.waiting = undefined;
  }
  const known = state.total > state.count ? state.waits?.(state.total - state.count) : undefined;
  if (!state.waiting && known?.available === 0 && known.waitMs)
    state.waiting = { from: now, until: now + known.waitMs };
}

/** ` ETA 13s`, counting a known wait: ` ETA 14m40s (a 14m30s rate-limit wait)`; `over` when more are ahead. */
function etaText(state: State, rate: number): string {
  const remaining = state.total - state.count;
  if (rate <= 0 || remaining <= 0) return '';
  const known = state.waits?.(remaining);
  if (!known || known.available >= remaining) return `, ETA ${formatDuration((remaining / rate) * 1000)}`;
  const first = (known.available / rate) * 1000;
  if (known.waitMs === undefined) return `, ETA ${formatDuration(first)} (the rest waits for a later run)`;
  const eta = Math.max(first, known.waitMs) + ((remaining - known.available) / rate) * 1000;
  const more = known.perWindow !== undefined && remaining - known.available > known.perWindow;
  return `, ETA ${more ? 'over ' : ''}${formatDuration(eta)} (a ${formatDuration(known.waitMs)} rate-limit wait)`;
}

/** `1,234/3,000 keys created (41 %), 135/s, ETA 13s`; without a total: `1,234 keys listed, 135/s`. */
export function progressText(state: State, now: number, final = false): string {
  const { total, what, count, startedAt } = state;
  // The rate of the work itself: a known wait is counted in the ETA, not spread over the rate.
  const seconds = Math.max(0.001, (now - startedAt - waited(state, now)) / 1000);
  const rate = count / seconds;
  const rateText = `${rate >= 10 ? Math.round(rate) : rate.toFixed(1)}/s`;
  if (total <= 0) return `${thousands(count)} ${what}, ${rateText}`;
  const percent = Math.floor((100 * Math.min(count, total)) / total);
  const eta = final ? '' : etaText(state, rate);
  return `${thousands(count)}/${thousands(total)} ${what} (${percent} %), ${rateText}${eta}`;
}

/** The progress a platform shows: bar on a terminal, lines elsewhere, nothing when quiet. */
export function createProgress(options: ProgressOptions): Progress {
  if (options.quiet) return NO_PROGRESS;
  return options.tty ? barProgress(options) : lineProgress(options);
}

/** Ticks `state` at `at`; true when a known wait of at least `longMs` starts with it. */
function tickState(state: State, n: number, at: number, longMs: number): boolean {
  state.count += n;
  const before = state.waiting;
  trackWait(state, at);
  return state.waiting !== undefined && state.waiting !== before && state.waiting.until - at >= longMs;
}

function lineProgress({ write, now = Date.now, quietMs = QUIET_MS, everyMs = LINE_EVERY_MS }: ProgressOptions) {
  let state: State | undefined;
  let waits: WaitsFor | undefined;
  let lastAt = 0;
  let lastTenth = 0;
  /** The count the last line showed: a last line with the same count would say it again. */
  let shownCount: number | undefined;
  return {
    start(total: number, what: string) {
      state = { total, what, count: 0, startedAt: now(), waits };
      lastAt = state.startedAt;
      lastTenth = 0;
      shownCount = undefined;
    },
    tick(n = 1) {
      if (!state) return;
      const at = now();
      const longWait = tickState(state, n, at, everyMs);
      if (state.total > 0 && (state.total < MIN_ITEMS || state.count >= state.total)) return; // done() says the end
      // Whichever is rarer: 10 % more done (when the total is known) and everyMs since the last line;
      // a long known wait starting now is said at once (nothing moves for a while).
      const tenth = state.total > 0 ? Math.floor((10 * state.count) / state.total) : lastTenth + 1;
      if (!longWait && (at - state.startedAt < quietMs || at - lastAt < everyMs || tenth <= lastTenth)) return;
      lastTenth = Math.max(lastTenth, tenth);
      lastAt = at;
      shownCount = state.count;
      write(progressText(state, at));
    },
    done() {
      if (state && shownCount !== undefined && shownCount !== state.count)
        write(`${progressText(state, now(), true)}: done`);
      state = undefined;
    },
    waitsFrom(given: WaitsFor) {
      waits = given;
      if (state) state.waits = given;
    },
  };
}

function barProgress({ write, now = Date.now, quietMs = QUIET_MS, columns = () => 80 }: ProgressOptions) {
  let state: State | undefined;
  let waits: WaitsFor | undefined;
  let drawnAt = 0;
  let drawn = false;
  const draw = (at: number) => {
    if (!state) return;
    const text = progressText(state, at);
    const width = Math.max(10, Math.min(40, (columns() ?? 80) - text.length - 4));
    const filled = state.total > 0 ? Math.round((width * Math.min(state.count, state.total)) / state.total) : 0;
    const bar = state.total > 0 ? `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ` : '';
    // \r and erase-line: redrawn in place.
    write(`\r\x1b[K${bar}${text}`);
    drawn = true;
    drawnAt = at;
  };
  return {
    start(total: number, what: string) {
      state = { total, what, count: 0, startedAt: now(), waits };
      drawn = false;
    },
    tick(n = 1) {
      if (!state) return;
      const at = now();
      const longWait = tickState(state, n, at, quietMs);
      if (state.total > 0 && state.total < MIN_ITEMS) return;
      if (!longWait && (at - state.startedAt < quietMs || at - drawnAt < BAR_REDRAW_MS)) return;
      draw(at);
    },
    waitsFrom(given: WaitsFor) {
      waits = given;
      if (state) state.waits = given;
    },
    done() {
      if (drawn) write('\r\x1b[K');
      drawn = false;
      state = undefined;
    },
    /** Clears the bar before another line is written to the same stream; the next tick redraws it. */
    clear() {
      if (drawn) write('\r\x1b[K');
      drawn = false;
      drawnAt = 0;
    },
  };
}

/** Clears a bar (if one is drawn) before other text goes to its stream. */
export function clearProgress(progress: Progress): void {
  (progress as Progress & { clear?: () => void }).clear?.();
}
