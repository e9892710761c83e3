// What the CLI prints of a run: the channels its report's rows stream to while it runs, and the
// rest at its end. Every line is redacted, then neutralised for the log (the terminal may be a CI
// log: shared/neutralise.ts logLine), on stdout the data, on stderr everything else:
// - --json: one JSON document on stdout (render/json.ts), rows written as they come;
// - --quiet: the error line only;
// - a listing (list, usage, monitor): its rows on stdout as they come, an English table, or with
//   `--format legacy` the old tool's lines (render/legacy.ts); the facts on stderr;
// - any other command: the facts, then the table's first and last rows, on stdout.
import { COMMAND_SPECS, type Command } from '../config/commands.js';
import { localDay } from '../config/values.js';
import { KeptRows } from '../render/dashboard/from-report.js';
import { type DocumentStatus, JsonStream } from '../render/json.js';
import { LegacyLines } from '../render/legacy.js';
import { TableEnds } from '../render/rows.js';
import { endsLines, factLines, StreamedTable } from '../render/text.js';
import type { Report, RowSink } from '../report/report.js';
import { drainedOf } from '../shared/drain.js';
import { logLine } from '../shared/neutralise.js';

export type Format = 'table' | 'legacy';

/** How the report is shown: the summary (default), one JSON document (--json), or errors only (--quiet). */
export interface OutputMode {
  json: boolean;
  quiet: boolean;
  format: Format;
}

interface Redactor {
  redact(text: string): string;
}

/** A line for stdout or stderr: redacted, then neutralised (one line, no workflow command). */
export const terminalLine = (text: string, redactor: Redactor) => logLine(redactor.redact(text));

/**
 * Stdout is written in pieces of up to 64 KiB, not a write a line: a listing of 100,000 keys made
 * 100,000 writes, a system call each on a pipe (15 % of its time, docs/performance.md). What is queued
 * goes out when a piece is full, on the next turn of the event loop, and before anything is written to
 * stderr (the two streams keep the order their lines were made in), a wait for stdout, or an exit.
 */
const STDOUT_PIECE = 64 * 1024;
let queued = '';
let flushScheduled = false;

/** Writes what stdout has queued. */
export function flushStdout(): void {
  if (queued === '') return;
  const text = queued;
  queued = '';
  process.stdout.write(text);
}

export function writeOut(text: string): void {
  queued += text;
  if (queued.length >= STDOUT_PIECE) flushStdout();
  else if (!flushScheduled) {
    flushScheduled = true;
    setImmediate(() => {
      flushScheduled = false;
      flushStdout();
    });
  }
}

/** Stderr writes waiting for stdout to write what it was given before them. */
let errWaiting = 0;

/**
 * Stderr, after everything given to stdout before it: on a log that reads both (CI), a line written to
 * stderr while stdout's writes waited for a slow reader came in the middle of the rows, even of a row.
 */
export function writeErr(text: string): void {
  flushStdout();
  if (errWaiting === 0 && process.stdout.writableLength === 0) {
    process.stderr.write(text);
    return;
  }
  errWaiting += 1;
  // Called once stdout has written what came before, in order: each waiting line after its own place.
  process.stdout.write('', () => {
    errWaiting -= 1;
    process.stderr.write(text);
  });
}

export const printOut = (line: string, redactor: Redactor) => writeOut(`${terminalLine(line, redactor)}\n`);
export const printErr = (line: string, redactor: Redactor) => writeErr(`${terminalLine(line, redactor)}\n`);

/**
 * Settles once stdout has taken what it was given: a pipe read slower than rows come (a pager, a
 * CI log) would otherwise queue every row in memory (100,000 rows of usage: 50 MB more).
 */
const stdoutTaken = () => {
  flushStdout();
  return drainedOf(process.stdout);
};

/** The CLI's channels for one run of `command`. */
export class CliOutput {
  readonly sinks: RowSink[] = [];
  private readonly json?: JsonStream;
  private readonly legacy?: LegacyLines;
  private readonly streamed?: StreamedTable;
  private readonly ends?: TableEnds;
  private readonly listing: boolean;
  /** usage --html: every row, for the dashboard written after the run. */
  kept?: KeptRows;

  constructor(
    command: Command | undefined,
    private readonly mode: OutputMode,
    private readonly redactor: Redactor,
  ) {
    const redact = (text: string) => redactor.redact(text);
    this.listing = command !== undefined && COMMAND_SPECS[command].listing;
    if (mode.json) this.json = new JsonStream(writeOut, redact);
    else if (mode.quiet) return;
    else if (this.listing && mode.format === 'legacy')
      this.legacy = new LegacyLines(command!, (line) => printOut(line, redactor), localDay(new Date()));
    else if (this.listing) this.streamed = new StreamedTable((line) => printOut(line, redactor), redact);
    else this.ends = new TableEnds();
    const sink = this.json ?? this.legacy ?? this.streamed ?? this.ends;
    if (sink) this.sinks.push(sink);
    if (sink && sink !== this.ends) this.sinks.push({ open() {}, row() {}, drained: stdoutTaken });
  }

  /** Keeps every row too (usage --html: the dashboard lists every key). */
  keepRows(): void {
    this.kept = new KeptRows();
    this.sinks.push(this.kept);
  }

  /** After the run (or a refused input: no report): the rest of what the mode shows, and the error line. */
  finish(report: Report | undefined, status: DocumentStatus): void {
    const redact = (text: string) => this.redactor.redact(text);
    if (this.json) this.json.finish(report, status);
    else if (report && !this.mode.quiet) {
      this.legacy?.finish(report);
      this.streamed?.finish();
      // A listing's rows are the data on stdout: its facts go to stderr; anyone else's to stdout.
      const print = this.listing ? printErr : printOut;
      for (const line of factLines(report, redact)) print(line, this.redactor);
      if (this.ends && this.ends.total > 0) {
        printOut('', this.redactor);
        for (const line of endsLines(this.ends, redact)) printOut(line, this.redactor);
      }
    }
    if (report?.ok === false) printErr(`error: ${report.failure ?? 'failed'}`, this.redactor);
    if (status.failure) printErr(`error: ${status.failure}`, this.redactor);
  }
}

/** One server's section of a run over many (--config): a heading, its facts, its table's ends. */
export function printSection(heading: string, report: Report, ends: TableEnds, redactor: Redactor): void {
  const redact = (text: string) => redactor.redact(text);
  printOut(heading, redactor);
  for (const line of factLines(report, redact)) printOut(line, redactor);
  const table = endsLines(ends, redact);
  if (table.length > 0) printOut('', redactor);
  for (const line of table) printOut(line, redactor);
}
