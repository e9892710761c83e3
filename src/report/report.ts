// What a command reports: typed facts by name, typed outputs, one table whose rows stream to the
// channels as they exist (a listing of 100,000 keys is never held as lines), alerts and charts as
// data, and the verdict. Commands and the domain fill it; one renderer per channel (src/render/)
// reads it, and the untrusted-text neutraliser of that channel sits in that renderer.
import type { Chart } from './charts.js';
import { Facts } from './facts.js';
import type { TableSpec } from './tables.js';

/** The step outputs (the action's `outputs:`, GitLab's dotenv), by name; action.yml is held against it. */
export const OUTPUTS = [
  'csv-path',
  'created-count',
  'failed-count',
  'healthy',
  'flavor',
  'listed-count',
  'alerts',
  'deleted-count',
  'artifact-name',
  'artifact-id',
  'artifact-url',
  'artifact-digest',
  'results',
  'html-path',
] as const;
export type OutputName = (typeof OUTPUTS)[number];
export type Outputs = Partial<Record<OutputName, string>>;

/** A key at or above alert-threshold, or spiking; keys shortened. */
export interface Alert {
  kind: 'threshold' | 'spike';
  label: string;
  key: string;
  percent?: number;
  threshold?: number;
}

/** One server day of usage --days: its requests and how many keys made them. */
export interface DayTotal {
  day: string;
  requests: number;
  keysUsed: number;
}

/** usage --days: the days the figures cover and the rules they were read by (the dashboard shows them). */
export interface Period {
  /** The N server days, oldest first (window servers: the days the window of N×24 hours spans). */
  days: string[];
  /** Per-day figures exist (false: one rolling window of N×24 hours, v10). */
  calendar: boolean;
  /** Limits are lifetime quotas (v10), not daily limits. */
  lifetime: boolean;
  threshold: number;
  forecastDays: number;
  spikeFactor: number;
  spikeMinRequests: number;
}

/** Where a table's rows go as they are reported: a renderer of one channel. */
export interface RowSink {
  /** The table's columns, once, before its first row; the report as it stands then (its facts so far). */
  open(table: TableSpec<never>, report: Report): void;
  row(row: unknown): void;
  /** Settles once the channel has taken what it was given (stdout read by a slow pipe); undefined: it has. */
  drained?(): Promise<void> | undefined;
}

/** Rows a command reports between two waits for its channels to take them (Report.drained). */
export const ROWS_BETWEEN_WAITS = 1000;

export class Report {
  readonly facts = new Facts();
  readonly outputs: Outputs = {};
  readonly alerts: Alert[] = [];
  readonly charts: Chart[] = [];
  /** usage --days on a server that keeps calendar days: each day's totals, oldest first. */
  days?: DayTotal[];
  period?: Period;
  ok = true;
  /** One line saying what failed and what to do, when !ok. */
  failure?: string;
  /** Set when SIGINT/SIGTERM stopped the run: the signal (exit 130/143). */
  cancelled?: string;
  /** The CSV this run wrote, if any (uploaded as an artifact by the GitHub entry). */
  csvPath?: string;
  /** The audit log, when this run appended to it (only then uploaded beside the CSV). */
  auditPath?: string;
  /**
   * A re-run's batch that exported every key its earlier attempts made again: its CSV holds all of
   * theirs, so its artifact may replace theirs (output/artifact.ts sameNameRule).
   */
  coversEarlierAttempts?: boolean;
  table?: TableSpec<never>;
  /** Rows reported so far. */
  rows = 0;

  constructor(
    public title: string,
    private readonly sinks: readonly RowSink[] = [],
  ) {}

  /** Starts the table; the function it returns reports one row, handed at once to every sink. */
  open<R>(table: TableSpec<R>): (row: R) => void {
    if (this.table) throw new Error(`a report has one table: ${this.table.kind} is open`);
    this.table = table as TableSpec<never>;
    for (const sink of this.sinks) sink.open(this.table, this);
    return (row) => {
      this.rows += 1;
      for (const sink of this.sinks) sink.row(row);
    };
  }

  /**
   * Settles once every channel has taken the rows so far: a command reporting many rows awaits it
   * now and then, so rows wait for a slow reader instead of piling up in memory.
   */
  async drained(): Promise<void> {
    await Promise.all(this.sinks.map((sink) => sink.drained?.()));
  }

  /** Before the `n`th row (from 0) of a long table: every ROWS_BETWEEN_WAITS rows, waits until drained. */
  async pace(n: number): Promise<void> {
    if (n % ROWS_BETWEEN_WAITS === ROWS_BETWEEN_WAITS - 1) await this.drained();
  }

  /** The run failed: why, and what to do. */
  fail(failure: string): this {
    this.ok = false;
    this.failure = failure;
    return this;
  }
}
