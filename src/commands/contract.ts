// The contract between the flow (../run.ts) and the commands: what a command receives. A command
// fills `report` (facts, outputs, its table's rows, alerts, charts) and returns it; the domain steps
// it calls take only what each needs (their own narrow types, which this context satisfies).
import type { RunContext } from '../config/context.js';
import type { Options } from '../config/options.js';
import type { Audit } from '../output/audit.js';
import type { CsvWriter } from '../output/csv.js';
import type { QuotaProxy } from '../quota-proxy/client.js';
import type { Report } from '../report/report.js';
import type { Cancellation } from '../shared/cancel.js';
import type { Logger } from '../shared/log.js';
import type { Progress } from '../shared/progress.js';

/** What a command gets: validated options, the API, where to log, and the report it fills. */
export interface CommandContext {
  options: Options;
  context: RunContext;
  log: Logger;
  api: QuotaProxy;
  /** The server URL for messages and the CSV (credentials redacted). */
  server: string;
  report: Report;
  /** Once cancelled (SIGINT/SIGTERM), start no new request; the HTTP client refuses them too. */
  cancellation?: Cancellation;
  /** The keys CSV, opened by run() before any request when the command writes one. */
  csv?: CsvWriter;
  /** Progress of long work (stderr or the log, never stdout); the platform renders it. */
  progress: Progress;
  /** Each write's outcome, for the audit log (../output/audit.ts); unset when there is none. */
  audit?: Audit;
}

export type CommandRunner = (ctx: CommandContext) => Promise<Report>;
