// The contract between the flow (../run.ts) and the commands: what a command receives and what it
// returns. Its own module, so that commands never import the flow that imports them.
import type { RunContext } from '../config/context.js';
import type { Options } from '../config/options.js';
import type { Audit } from '../output/audit.js';
import type { CsvWriter } from '../output/csv.js';
import type { DashboardServer } from '../output/dashboard/data.js';
import type { QuotaProxy } from '../quota-proxy/client.js';
import type { Cancellation } from '../shared/cancel.js';
import type { Logger } from '../shared/log.js';
import type { Progress } from '../shared/progress.js';

export interface Summary {
  title: string;
  facts: Array<[string, string]>;
  /**
   * `total`: the rows of the full table, when `rows` keeps only the first of them (list, rotate, usage);
   * `rest`: where the rows a long table leaves out are (`in the CSV`), for the job summary's
   * `… 980 more keys in the CSV`; default `not shown`.
   */
  table?: { head: string[]; rows: string[][]; total?: number; rest?: string };
  /** Extra markdown (charts) for job summaries; terminals skip it. */
  markdown?: string;
  /**
   * One line per item in the old tool's text form, which scripts parse (list, usage, monitor):
   * terminals print these on stdout in place of the table (the facts then go to stderr); job
   * summaries skip them.
   */
  lines?: string[];
  /** Each alert raised (key shortened), for --json and the action's `json` output. */
  alerts?: Array<Record<string, string | number>>;
}

export interface RunReport {
  ok: boolean;
  /** One line saying what failed and what to do, when !ok. */
  failure?: string;
  outputs: Record<string, string>;
  summary: Summary;
  /** The CSV this run wrote, if any (uploaded as an artifact by the GitHub entry). */
  csvPath?: string;
  /** The audit log, when this run appended to it (only then uploaded beside the CSV). */
  auditPath?: string;
  /** usage --html: this server's part of the dashboard (a run over several servers writes one file of all). */
  dashboard?: DashboardServer;
  /**
   * A re-run's batch that exported every key its earlier attempts made again: its CSV holds all of
   * theirs, so its artifact may replace theirs (../output/artifact.ts sameNameRule).
   */
  coversEarlierAttempts?: boolean;
  /** Set when SIGINT/SIGTERM stopped the run: the signal (the CLI exits 130/143). */
  cancelled?: string;
}

/** What a command gets: validated options, the API, where to log, and the report being built. */
export interface CommandContext {
  options: Options;
  context: RunContext;
  log: Logger;
  api: QuotaProxy;
  /** The server URL for messages and the CSV (credentials redacted). */
  server: string;
  outputs: Record<string, string>;
  summary: Summary;
  /** Once cancelled (SIGINT/SIGTERM), start no new request; the HTTP client refuses them too. */
  cancellation?: Cancellation;
  /** The keys CSV, opened by run() before any request when the command writes one. */
  csv?: CsvWriter;
  /** Progress of long work (stderr or the log, never stdout); the platform renders it. */
  progress: Progress;
  /** Each write's outcome, for the audit log (../output/audit.ts); unset when there is none. */
  audit?: Audit;
}

export type CommandRunner = (ctx: CommandContext) => Promise<RunReport>;
