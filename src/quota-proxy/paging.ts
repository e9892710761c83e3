// Paged reads end, whatever the server says. A page that makes no progress (empty, yet saying more
// follow; the same page again; a next offset that goes back) stops the read at once; else the read
// stops at totals no real server reaches: the team benchmarks 100,000 keys, and v10, the one flavor
// that pages its key list, allows 30 admin requests per 15 minutes (about 150 in a run's longest wait).
// Each stop is one line naming what the server did (EndlessPagingError, a BadAnswerError).
import { nodeCrypto } from '../shared/builtins.js';
import { thousands } from '../shared/text.js';
import { BadAnswerError } from '../transport/errors.js';

/** Pages one read may take: v10's 100,000 keys are 1,000 pages of 100. */
export const PAGE_LIMIT = 5_000;
/** Keys one listing may hold: five times the 100,000 benchmarked. */
export const KEY_LIMIT = 500_000;
/** Usage rows one read may hold (v1 answers every day's rows it keeps: ten for each of 100,000 keys). */
export const ROW_LIMIT = 1_000_000;

/** A paged answer that does not end; `status` is the last page's (2xx). */
export class EndlessPagingError extends BadAnswerError {
  constructor(target: string, what: string) {
    super(200, target, '', `${target}: ${what}`);
    this.name = 'EndlessPagingError';
  }
}

const counted = thousands;
const NO_PROGRESS = "stopped: the server's paging makes no progress";

/** One paged read's count: `next` hands on the offset to ask next, or throws when the paging must stop. */
export class PageGuard {
  private pages = 0;
  private items = 0;
  /** A digest of each page's items, sorted: a repeated page is found whatever its order. */
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly target: string,
    /** 'key list' or 'usage', for messages. */
    private readonly what: string,
    private readonly itemLimit: number,
    private readonly itemName: string,
  ) {}

  /** After the page at `offset` holding `ids` (one per key or row), which says `next`. */
  next(offset: number, ids: readonly string[], next: number | undefined): number | undefined {
    this.pages += 1;
    this.items += ids.length;
    if (next === undefined) return undefined;
    const page = `the ${this.what}'s page ${this.pages} (offset ${offset})`;
    if (ids.length === 0) throw this.stop(`${page} holds nothing yet says more follow`, NO_PROGRESS);
    if (next <= offset) throw this.stop(`${page} says the next page starts at offset ${next}`, NO_PROGRESS);
    const digest = nodeCrypto()
      .createHash('sha256')
      .update([...ids].sort().join('\n'))
      .digest('base64');
    const earlier = this.seen.get(digest);
    if (earlier !== undefined) throw this.stop(`${page} repeats page ${earlier}`, NO_PROGRESS);
    this.seen.set(digest, this.pages);
    if (this.items >= this.itemLimit)
      throw this.stop(
        `the ${this.what} did not end after ${counted(this.items)} ${this.itemName} (${counted(this.pages)} pages) ` +
          'and still says more follow',
        `stopped at the ${counted(this.itemLimit)} ${this.itemName} one read may hold`,
      );
    if (this.pages >= PAGE_LIMIT)
      throw this.stop(
        `the ${this.what} did not end after ${counted(this.pages)} pages and still says more follow`,
        `stopped at the ${counted(PAGE_LIMIT)} pages one read may take`,
      );
    return next;
  }

  private stop(what: string, why: string): EndlessPagingError {
    return new EndlessPagingError(this.target, `${what}; ${why}`);
  }
}
