// Many servers, one run: the command against each server of the servers file, `server-concurrency`
// at a time. One failing server fails the run but never stops the others: every server's report,
// CSV and counts are kept, and the combined report (outputs, a table of every server) says which.
import { encryptReportCsv } from '../output/encrypt.js';
import { KeptRows } from '../render/dashboard/from-report.js';
import type { DashboardPart } from '../render/dashboard/index.js';
import { TableEnds } from '../render/rows.js';
import { type OutputName, type Outputs, Report, type RowSink } from '../report/report.js';
import { serversTable } from '../report/tables.js';
import { run } from '../run.js';
import { forEachBounded } from '../shared/bounded.js';
import { Cancellation } from '../shared/cancel.js';
import { errorMessage } from '../shared/errors.js';
import type { Logger } from '../shared/log.js';
import { jsonText } from '../shared/neutralise.js';
import { createProgress, type Progress } from '../shared/progress.js';
import { redactUrl } from '../shared/redact.js';
import { oneLine } from '../shared/text.js';
import type { ServerRun } from './servers.js';

export interface ServerResult {
  name: string;
  /** Credentials redacted. */
  url: string;
  report: Report;
  /** The first and last rows of its table, for its section. */
  ends: TableEnds;
  /** usage --html: every row of its table, for the dashboard. */
  kept?: KeptRows;
}

export interface MultiReport {
  /**
   * The combined report: the single-server outputs summed over the servers and `results` (JSON,
   * one object per server), a row per server, failed when any server failed.
   */
  report: Report;
  results: ServerResult[];
}

type RunOne = typeof run;
/** A server's progress, told in its log lines (prefixed with its name: several may run at once). */
type ProgressOf = (write: (line: string) => void) => Progress;

export interface RunAllOptions {
  progressOf?: ProgressOf;
  runOne?: RunOne;
  /** Where the combined report's rows (one per server) go. */
  sinks?: readonly RowSink[];
}

/** Counted outputs, summed over the servers; the name `results` gives each. */
const COUNTS: ReadonlyArray<[OutputName, 'created' | 'failed' | 'listed' | 'deleted' | 'alerts']> = [
  ['created-count', 'created'],
  ['failed-count', 'failed'],
  ['listed-count', 'listed'],
  ['deleted-count', 'deleted'],
  ['alerts', 'alerts'],
];

/** Log lines of one server, prefixed with its name (servers may run at once). */
function serverLogger(log: Logger, name: string): Logger {
  return {
    info: (m) => log.info(`[${name}] ${m}`),
    warning: (m) => log.warning(`[${name}] ${m}`),
    debug: (m) => log.debug(`[${name}] ${m}`),
    secret: (value, kind) => log.secret(value, kind),
    redact: (text) => log.redact(text),
  };
}

function failedReport(url: string, title: string, failure: string, cancelled?: string): Report {
  const report = new Report(title).fail(failure);
  report.facts.set('server', url);
  report.cancelled = cancelled;
  return report;
}

/** Runs every server; never throws for one server's failure. */
export async function runAll(
  runs: readonly ServerRun[],
  concurrency: number,
  log: Logger,
  cancellation = new Cancellation(),
  { progressOf = (write) => createProgress({ write }), runOne = run, sinks = [] }: RunAllOptions = {},
): Promise<MultiReport> {
  // Every token is registered before the first request to any server.
  for (const { options } of runs) if (options.token) log.secret(options.token, 'token');
  const results: ServerResult[] = runs.map(({ name, options }) => ({
    name,
    url: redactUrl(options.url.href),
    report: failedReport(redactUrl(options.url.href), `quota-proxy ${options.command}`, 'not started'),
    ends: new TableEnds(),
    kept: options.html ? new KeptRows() : undefined,
  }));
  await forEachBounded(runs, concurrency, async ({ name, options, context }, i) => {
    const result = results[i]!;
    if (cancellation.requested) {
      const reason = cancellation.reason ?? 'cancelled';
      result.report = failedReport(result.url, result.report.title, `not started: ${reason}`, reason);
      return;
    }
    const serverLog = serverLogger(log, name);
    const serverSinks = [result.ends, ...(result.kept ? [result.kept] : [])];
    try {
      result.report = await runOne(options, context, serverLog, cancellation, progressOf(serverLog.info), serverSinks);
      // As a single run's CSV: encrypted at once, so no plaintext waits for the other servers.
      await encryptReportCsv(result.report, options.encryptTo, serverLog);
    } catch (error) {
      result.report.fail(errorMessage(error));
    }
    // In the log where it happened; the step's one error line (and annotation) names it with the others.
    if (!result.report.ok) log.info(`[${name}] failed: ${result.report.failure ?? 'failed'}`);
  });
  // Each server's report is its section: titled with its name, its failure said.
  for (const { name, report } of results) {
    report.title = `${report.title} — ${name}`;
    if (!report.ok) report.facts.set('failure', report.failure ?? 'failed');
  }
  const all = combine(runs[0]?.options.command ?? 'health', results, cancellation, sinks);
  const html = runs[0]?.options.html;
  if (html) {
    // With config, one dashboard of every server, a section each (a failed one says why).
    const { writeUsageDashboard } = await import('../render/dashboard/index.js');
    const parts: DashboardPart[] = results.map(({ name, url, report, kept }) => ({
      name,
      url,
      report,
      rows: kept?.rows ?? [],
    }));
    writeUsageDashboard(html, parts, all.report, log);
  }
  return all;
}

function combinedOutputs(results: readonly ServerResult[]): Outputs {
  const outputs: Outputs = {};
  for (const [output] of COUNTS) {
    const given = results.filter((r) => r.report.outputs[output] !== undefined);
    if (given.length > 0) outputs[output] = String(given.reduce((n, r) => n + Number(r.report.outputs[output]), 0));
  }
  const healthy = results.map((r) => r.report.outputs.healthy);
  if (healthy.includes('false')) outputs.healthy = 'false';
  else if (healthy.every((h) => h === 'true')) outputs.healthy = 'true';
  const flavors = [...new Set(results.map((r) => r.report.outputs.flavor).filter(Boolean))];
  if (flavors.length > 0) outputs.flavor = flavors.join(',');
  // One CSV: its path, as without config; several: each server's is in `results`.
  const csvs = results.map((r) => r.report.outputs['csv-path']).filter(Boolean);
  if (csvs.length === 1) outputs['csv-path'] = csvs[0]!;
  outputs.results = jsonText(results.map(resultFields));
  return outputs;
}

/** One server in the `results` output. */
function resultFields({ name, url, report }: ServerResult): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    name,
    url,
    flavor: report.outputs.flavor ?? null,
    ok: report.ok,
    healthy: report.outputs.healthy === undefined ? null : report.outputs.healthy === 'true',
    failure: report.ok ? null : (report.failure ?? 'failed'),
  };
  for (const [output, field] of COUNTS)
    if (report.outputs[output] !== undefined) fields[field] = Number(report.outputs[output]);
  fields.csv = report.outputs['csv-path'] ?? null;
  return fields;
}

function combine(
  command: string,
  results: ServerResult[],
  cancellation: Cancellation,
  sinks: readonly RowSink[],
): MultiReport {
  const failed = results.filter((r) => !r.report.ok);
  const report = new Report(
    `quota-proxy ${command}: ${results.length} server${results.length === 1 ? '' : 's'}`,
    sinks,
  );
  report.facts
    .set('servers', results.map((r) => r.name).join(', '))
    .set('failed_servers', failed.length === 0 ? 'none' : failed.map((r) => r.name).join(', '));
  Object.assign(report.outputs, combinedOutputs(results));
  const row = report.open(serversTable());
  for (const { name, url, report: one } of results)
    row({
      server: name,
      url,
      flavor: one.outputs.flavor,
      healthy: one.outputs.healthy === undefined ? undefined : one.outputs.healthy === 'true',
      result: one.ok ? 'ok' : `failed: ${oneLine(one.failure ?? 'failed', 80)}`,
      counts: Object.fromEntries(
        COUNTS.filter(([output]) => one.outputs[output] !== undefined).map(([output, id]) => [
          id,
          Number(one.outputs[output]),
        ]),
      ),
    });
  if (failed.length > 0)
    report.fail(
      `${failed.length} of ${results.length} servers failed: ` +
        failed.map((r) => `${r.name}: ${r.report.failure ?? 'failed'}`).join(' '),
    );
  if (cancellation.requested) report.cancelled = cancellation.reason ?? 'cancelled';
  return { report, results };
}
