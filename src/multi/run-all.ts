// Many servers, one run: the command against each server of the servers file, `server-concurrency`
// at a time. One failing server fails the run but never stops the others: every server's report,
// CSV and counts are kept, and the combined report (outputs, a table of every server) says which.
import type { RunReport, Summary } from '../commands/contract.js';
import { encryptReportCsv } from '../output/encrypt.js';
import { run } from '../run.js';
import { forEachBounded } from '../shared/bounded.js';
import { Cancellation } from '../shared/cancel.js';
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
  report: RunReport;
}

export interface MultiReport {
  ok: boolean;
  failure?: string;
  /** The single-server outputs summed over the servers, and `results` (JSON, one object per server). */
  outputs: Record<string, string>;
  /** The combined table, one row per server. */
  summary: Summary;
  results: ServerResult[];
  cancelled?: string;
}

type RunOne = typeof run;
/** A server's progress, told in its log lines (prefixed with its name: several may run at once). */
type ProgressOf = (write: (line: string) => void) => Progress;

/** Counted outputs, summed over the servers; the name `results` gives each. */
const COUNTS: ReadonlyArray<[string, string]> = [
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
  };
}

function failedReport(url: string, title: string, failure: string, cancelled?: string): RunReport {
  return { ok: false, failure, outputs: {}, summary: { title, facts: [['Server', url]] }, cancelled };
}

/** Runs every server; never throws for one server's failure. */
export async function runAll(
  runs: readonly ServerRun[],
  concurrency: number,
  log: Logger,
  cancellation = new Cancellation(),
  progressOf: ProgressOf = (write) => createProgress({ write }),
  runOne: RunOne = run,
): Promise<MultiReport> {
  // Every token is registered before the first request to any server.
  for (const { options } of runs) if (options.token) log.secret(options.token, 'token');
  const results: ServerResult[] = runs.map(({ name, options }) => ({
    name,
    url: redactUrl(options.url.href),
    report: failedReport(redactUrl(options.url.href), `quota-proxy ${options.command}`, 'not started'),
  }));
  await forEachBounded(runs, concurrency, async ({ name, options, context }, i) => {
    const result = results[i]!;
    if (cancellation.requested) {
      const reason = cancellation.reason ?? 'cancelled';
      result.report = failedReport(result.url, result.report.summary.title, `not started: ${reason}`, reason);
      return;
    }
    const serverLog = serverLogger(log, name);
    try {
      result.report = await runOne(options, context, serverLog, cancellation, progressOf(serverLog.info));
      // As a single run's CSV: encrypted at once, so no plaintext waits for the other servers.
      await encryptReportCsv(result.report, options.encryptTo, serverLog);
    } catch (error) {
      result.report.ok = false;
      result.report.failure = error instanceof Error ? error.message : String(error);
    }
    // In the log where it happened; the step's one error line (and annotation) names it with the others.
    if (!result.report.ok) log.info(`[${name}] failed: ${result.report.failure ?? 'failed'}`);
  });
  const all = combine(runs[0]?.options.command ?? 'health', results, cancellation);
  await serversDashboard(runs[0]?.options.html, all, log);
  return all;
}

/** usage --html with config: one dashboard of every server, a section each (a failed one says why). */
async function serversDashboard(file: string | undefined, all: MultiReport, log: Logger): Promise<void> {
  if (!file) return;
  const { failedServer, writeDashboard } = await import('../output/dashboard/index.js');
  const servers = all.results.map(({ name, url, report }) =>
    report.dashboard ? { ...report.dashboard, name } : failedServer(name, url, report.failure ?? 'failed'),
  );
  const bytes = writeDashboard(file, servers);
  all.outputs['html-path'] = file;
  all.summary.facts.push(['Dashboard', `${file} (${Math.ceil(bytes / 1024)} KB)`]);
  log.info(`Dashboard of ${servers.length} servers written to ${file}.`);
}

function combinedOutputs(results: readonly ServerResult[]): Record<string, string> {
  const outputs: Record<string, string> = {};
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

function combine(command: string, results: ServerResult[], cancellation: Cancellation): MultiReport {
  const failed = results.filter((r) => !r.report.ok);
  const head = ['Server', 'URL', 'Flavor', 'Healthy', 'Result', 'Created', 'Failed', 'Listed', 'Deleted', 'Alerts'];
  const rows = results.map(({ name, url, report }) => [
    name,
    url,
    report.outputs.flavor ?? '',
    report.outputs.healthy ?? '',
    report.ok ? 'ok' : `failed: ${oneLine(report.failure ?? 'failed', 80)}`,
    ...COUNTS.map(([output]) => report.outputs[output] ?? ''),
  ]);
  const summary: Summary = {
    title: `quota-proxy ${command}: ${results.length} server${results.length === 1 ? '' : 's'}`,
    facts: [
      ['Servers', results.map((r) => r.name).join(', ')],
      ['Failed', failed.length === 0 ? 'none' : failed.map((r) => r.name).join(', ')],
    ],
    table: { head, rows },
  };
  const failure =
    failed.length === 0
      ? undefined
      : `${failed.length} of ${results.length} servers failed: ` +
        failed.map((r) => `${r.name}: ${r.report.failure ?? 'failed'}`).join(' ');
  const cancelled = cancellation.requested ? (cancellation.reason ?? 'cancelled') : undefined;
  return { ok: failed.length === 0, failure, outputs: combinedOutputs(results), summary, results, cancelled };
}

/** One server's section of the summary: its own report, titled with its name, its failure said. */
export function serverSection({ name, report }: ServerResult): Summary {
  const facts: Array<[string, string]> = [...report.summary.facts];
  if (!report.ok) facts.push(['Failure', report.failure ?? 'failed']);
  return { ...report.summary, title: `${report.summary.title} — ${name}`, facts };
}
