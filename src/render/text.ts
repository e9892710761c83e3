// The terminal (and a CI log reading the CLI): facts as `Label: value` lines, and tables as aligned
// columns in English. A listing's rows (list, usage, monitor) stream: the first rows fix the column
// widths and every later row is printed as it arrives, so 100,000 keys never wait in memory. Any
// other table shows its first and last rows (all of them when few), with a count between that says
// where the rest are. Each cell is redacted, then shown visibly escaped (one line, nothing hidden);
// the writer neutralises each line for the log (shared/neutralise.ts logLine).
import { factText } from '../report/facts.js';
import type { Report, RowSink } from '../report/report.js';
import { moreRows, peopleColumns, type TableSpec } from '../report/tables.js';
import { visible } from '../shared/neutralise.js';
import type { TableEnds } from './rows.js';

/** Rows read before the column widths are fixed; a later, longer cell makes its own row wider. */
const WIDTH_SAMPLE = 100;
/** No column is padded wider than this: one long label does not push every row off the screen. */
const MAX_WIDTH = 48;

// East Asian wide characters take two terminal columns (labels are often Chinese).
const WIDE = new RegExp(
  `[${[
    '\\u1100-\\u115f\\u2e80-\\u303e\\u3041-\\u33ff\\u3400-\\u4dbf\\u4e00-\\u9fff',
    '\\ua000-\\ua4cf\\uac00-\\ud7a3\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uff60\\uffe0-\\uffe6',
  ].join('')}]`,
  'g',
);

/** Terminal columns a string takes. */
export function displayWidth(text: string): number {
  return text.length + (text.match(WIDE)?.length ?? 0);
}

export type Redact = (text: string) => string;

/** `Label: value` per fact, each value redacted and visibly escaped. */
export function factLines(report: Report, redact: Redact): string[] {
  return report.facts.list().map((fact) => `${fact.label}: ${visible(redact(factText(fact.value)))}`);
}

/** Column widths: the widest cell of each column, within MAX_WIDTH. */
function widthsOf(rows: readonly string[][]): number[] {
  return rows[0]!.map((_, c) => Math.min(MAX_WIDTH, Math.max(...rows.map((r) => displayWidth(r[c] ?? '')))));
}

function aligned(cells: readonly string[], widths: readonly number[]): string {
  return cells
    .map((cell, c) => cell + ' '.repeat(Math.max(0, widths[c]! - displayWidth(cell))))
    .join('  ')
    .trimEnd();
}

const cellsOf = (spec: TableSpec<never>, row: unknown, redact: Redact) =>
  peopleColumns(spec).map((column) => visible(redact(column.text(row as never))));

/** A table's first and last rows as lines: the head, a rule, the rows, `… N more keys <where>` between. */
export function endsLines(ends: TableEnds, redact: Redact): string[] {
  const spec = ends.spec;
  if (!spec || ends.total === 0) return [];
  const { first, last, between } = ends.shown();
  const head = peopleColumns(spec).map((c) => c.head);
  const top = first.map((r) => cellsOf(spec, r, redact));
  const bottom = last.map((r) => cellsOf(spec, r, redact));
  const widths = widthsOf([head, ...top, ...bottom]);
  const lines = [
    aligned(head, widths),
    aligned(
      widths.map((w) => '-'.repeat(w)),
      widths,
    ),
  ];
  lines.push(...top.map((cells) => aligned(cells, widths)));
  if (between > 0) {
    lines.push(moreRows(spec, between));
    lines.push(...bottom.map((cells) => aligned(cells, widths)));
  }
  return lines;
}

/**
 * A listing on the terminal, as a row sink: `write` gets one line at a time (already one line:
 * cells are visibly escaped). After the first WIDTH_SAMPLE rows fix the widths, each row is written
 * as it comes; `finish` writes what is still held (a short listing). A listing has no order of its
 * own: its rows come as the server lists them (usage: busiest first).
 */
export class StreamedTable implements RowSink {
  private spec?: TableSpec<never>;
  private widths?: number[];
  private readonly sample: string[][] = [];

  constructor(
    private readonly write: (line: string) => void,
    private readonly redact: Redact,
  ) {}

  open(table: TableSpec<never>): void {
    this.spec = table;
  }

  row(row: unknown): void {
    const cells = cellsOf(this.spec!, row, this.redact);
    if (this.widths) {
      this.write(aligned(cells, this.widths));
      return;
    }
    this.sample.push(cells);
    if (this.sample.length >= WIDTH_SAMPLE) this.flush();
  }

  /** Writes the rows still held (and the head, when no row came yet: nothing at all). */
  finish(): void {
    this.flush();
  }

  private flush(): void {
    if (this.widths || !this.spec || this.sample.length === 0) return;
    const head = peopleColumns(this.spec).map((c) => c.head);
    this.widths = widthsOf([head, ...this.sample]);
    this.write(aligned(head, this.widths));
    this.write(
      aligned(
        this.widths.map((w) => '-'.repeat(w)),
        this.widths,
      ),
    );
    for (const cells of this.sample.splice(0)) this.write(aligned(cells, this.widths));
  }
}
