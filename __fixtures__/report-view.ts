// The report of a run as its channels show it, for tests: the facts as `[label, text]` pairs in
// their order, the table as its head and the text of every cell (every row, in the table's order),
// the old tool's lines (`--format legacy`), the job summary and the terminal's text. Pass `sinks`
// to run() (they keep every row), then `view(report)` after it.

import type { Command } from '../src/config/commands.js';
import { localDay } from '../src/config/values.js';
import { LegacyLines } from '../src/render/legacy.js';
import { summaryMarkdown } from '../src/render/markdown.js';
import { TableEnds } from '../src/render/rows.js';
import { endsLines, factLines } from '../src/render/text.js';
import { factText } from '../src/report/facts.js';
import type { Report, RowSink } from '../src/report/report.js';
import { peopleColumns, type TableSpec } from '../src/report/tables.js';

/** Every row of the table, kept. */
class KeepAll implements RowSink {
  spec?: TableSpec<never>;
  readonly rows: unknown[] = [];

  open(table: TableSpec<never>): void {
    this.spec = table;
  }

  row(row: unknown): void {
    this.rows.push(row);
  }
}

export interface SummaryView {
  title: string;
  facts: Array<[string, string]>;
  table?: { head: string[]; rows: string[][]; total: number };
  lines: string[];
  alerts: Report['alerts'];
}

export function reportChannels(command: Command) {
  const kept = new KeepAll();
  const ends = new TableEnds();
  const lines: string[] = [];
  const legacy = new LegacyLines(command, (line) => lines.push(line), localDay(new Date()));
  const sinks: RowSink[] = [kept, ends, legacy];
  const view = (report: Report): SummaryView => {
    legacy.finish(report);
    const spec = kept.spec;
    const rows = spec?.order ? [...kept.rows].sort(spec.order as (a: unknown, b: unknown) => number) : kept.rows;
    return {
      title: report.title,
      facts: report.facts.list().map((f) => [f.label, factText(f.value)]),
      table: spec && {
        head: peopleColumns(spec).map((c) => c.head),
        rows: rows.map((r) => peopleColumns(spec).map((c) => c.text(r as never))),
        total: rows.length,
      },
      lines,
      alerts: report.alerts,
    };
  };
  const markdown = (report: Report) => summaryMarkdown(report, ends);
  const terminal = (report: Report) => [...factLines(report, (t) => t), ...endsLines(ends, (t) => t)].join('\n');
  /** Every row reported, as they came. */
  const rows = () => kept.rows;
  return { sinks, view, markdown, terminal, rows };
}
