// Row sinks every channel shares: the first and last rows of a table in its order, kept in bounded
// memory whatever the number of rows (the job summary and the terminal show a long table's ends,
// with a count between); and the first N rows (the action's `json` output).
import type { RowSink } from '../report/report.js';
import type { TableSpec } from '../report/tables.js';

/** Rows shown at each end of a long table. */
export const TABLE_ENDS = 10;

/**
 * Keeps the first and last `ends` rows of a table in its order (arrival, or the table's `order`),
 * and counts the rest: O(ends) memory. With an order, the `ends` smallest and largest are kept as
 * rows arrive (insertion into two short sorted lists).
 */
export class TableEnds implements RowSink {
  spec?: TableSpec<never>;
  head: unknown[] = [];
  tail: unknown[] = [];
  total = 0;

  constructor(private readonly ends = TABLE_ENDS) {}

  open(table: TableSpec<never>): void {
    this.spec = table;
  }

  row(row: unknown): void {
    this.total += 1;
    const order = this.spec?.order as ((a: unknown, b: unknown) => number) | undefined;
    if (!order) {
      if (this.head.length < this.ends) this.head.push(row);
      else {
        this.tail.push(row);
        if (this.tail.length > this.ends) this.tail.shift();
      }
      return;
    }
    // A row no smaller than the largest yet (a batch's labels count up) goes at the tail's end, and a full
    // head keeps its rows (none is larger than the tail's last): one comparison, not one a list.
    const largest = this.tail.at(-1);
    if (largest !== undefined && this.head.length >= this.ends && order(largest, row) <= 0) {
      this.tail.push(row);
      if (this.tail.length > this.ends) this.tail.shift();
      return;
    }
    insertSorted(this.head, row, order, this.ends, 'smallest');
    insertSorted(this.tail, row, order, this.ends, 'largest');
  }

  /** The rows to show: all of them when they fit, else the first and last `ends` and how many are between. */
  shown(): { first: unknown[]; last: unknown[]; between: number } {
    if (this.total <= 2 * this.ends) {
      // Few rows: every row is in one of the lists; the ordered case may hold a row in both. (One more
      // and the middle row is in neither: it is counted between.)
      const all = this.spec?.order ? unique([...this.head, ...this.tail]) : [...this.head, ...this.tail];
      return { first: all, last: [], between: 0 };
    }
    return { first: this.head, last: this.tail, between: this.total - this.head.length - this.tail.length };
  }
}

function insertSorted<R>(list: R[], row: R, order: (a: R, b: R) => number, max: number, keep: 'smallest' | 'largest') {
  let i = list.length;
  while (i > 0 && order(list[i - 1]!, row) > 0) i -= 1;
  list.splice(i, 0, row);
  if (list.length > max) {
    if (keep === 'smallest') list.pop();
    else list.shift();
  }
}

function unique<R>(rows: R[]): R[] {
  return [...new Set(rows)];
}

/** The first `max` rows, and how many more came. */
export class FirstRows implements RowSink {
  spec?: TableSpec<never>;
  readonly rows: unknown[] = [];
  omitted = 0;

  constructor(private readonly max: number) {}

  open(table: TableSpec<never>): void {
    this.spec = table;
  }

  row(row: unknown): void {
    if (this.rows.length < this.max) this.rows.push(row);
    else this.omitted += 1;
  }
}
