// Progress of long work (batch, rotate, list over pages, delete of many keys), told on stderr or
// the log, never stdout: a live bar on a terminal, a plain line now and then in CI. Short work shows
// nothing: fewer than MIN_ITEMS items, or done within QUIET_MS. Lines carry counts, never a key.

/** What a command reports; the platform decides how (or whether) it is shown. */
export interface Progress {
  /** `total` items of `what` ("keys created"); 0 when the total is not known (list pages). */
  start(total: number, what: string): void;
  tick(n?: number): void;
  /** The work ended (finished, failed or cancelled): the bar is cleared, a last line said if any was. */
  done(): void;
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

const thousands = (n: number) => n.toLocaleString('en-US');

interface State {
  total: number;
  what: string;
  count: number;
  startedAt: number;
}

/** `1,234/3,000 keys created (41 %), 135/s, ETA 13s`; without a total: `1,234 keys listed, 135/s`. */
export function progressText({ total, what, count, startedAt }: State, now: number): string {
  const seconds = Math.max(0.001, (now - startedAt) / 1000);
  const rate = count / seconds;
  const rateText = `${rate >= 10 ? Math.round(rate) : rate.toFixed(1)}/s`;
  if (total <= 0) return `${thousands(count)} ${what}, ${rateText}`;
  const percent = Math.floor((100 * Math.min(count, total)) / total);
  const eta = rate > 0 && count < total ? `, ETA ${formatDuration(((total - count) / rate) * 1000)}` : '';
  return `${thousands(count)}/${thousands(total)} ${what} (${percent} %), ${rateText}${eta}`;
}

/** The progress a platform shows: bar on a terminal, lines elsewhere, nothing when quiet. */
export function createProgress(options: ProgressOptions): Progress {
  if (options.quiet) return NO_PROGRESS;
  return options.tty ? barProgress(options) : lineProgress(options);
}

function lineProgress({ write, now = Date.now, quietMs = QUIET_MS, everyMs = LINE_EVERY_MS }: ProgressOptions) {
  let state: State | undefined;
  let lastAt = 0;
  let lastTenth = 0;
  let shown = false;
  return {
    start(total: number, what: string) {
      state = { total, what, count: 0, startedAt: now() };
      lastAt = state.startedAt;
      lastTenth = 0;
      shown = false;
    },
    tick(n = 1) {
      if (!state) return;
      state.count += n;
      const at = now();
      if (state.total > 0 && state.total < MIN_ITEMS) return;
      if (at - state.startedAt < quietMs || at - lastAt < everyMs) return;
      // Whichever is rarer: 10 % more done (when the total is known) and everyMs since the last line.
      const tenth = state.total > 0 ? Math.floor((10 * state.count) / state.total) : lastTenth + 1;
      if (tenth <= lastTenth) return;
      lastTenth = tenth;
      lastAt = at;
      shown = true;
      write(progressText(state, at));
    },
    done() {
      if (state && shown) write(`${progressText(state, now())}: done`);
      state = undefined;
    },
  };
}

function barProgress({ write, now = Date.now, quietMs = QUIET_MS, columns = () => 80 }: ProgressOptions) {
  let state: State | undefined;
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
      state = { total, what, count: 0, startedAt: now() };
      drawn = false;
    },
    tick(n = 1) {
      if (!state) return;
      state.count += n;
      const at = now();
      if (state.total > 0 && state.total < MIN_ITEMS) return;
      if (at - state.startedAt < quietMs || at - drawnAt < BAR_REDRAW_MS) return;
      draw(at);
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
