// The flow every platform shares: health first, then the command; the platform entries only turn
// inputs into Options and the returned report into outputs, summary, artifact and exit code.

import { runBatch } from './commands/batch.js';
import type { CommandContext, CommandRunner, RunReport } from './commands/contract.js';
import { runDelete } from './commands/delete.js';
import { runGenerate } from './commands/generate.js';
import { health } from './commands/health.js';
import { runList } from './commands/list.js';
import { runMonitor } from './commands/monitor.js';
import { runReset } from './commands/reset.js';
import { runRotate } from './commands/rotate.js';
import { runUsage } from './commands/usage.js';
import { type RunContext, runOrigin } from './config/context.js';
import type { Command, Options } from './config/options.js';
import { InputError } from './config/options.js';
import { plainHttpWarning } from './config/plain-http.js';
import { CREATES_FIRST, checkAdminToken, tlsAdvice } from './issuing/token-check.js';
import { writesKeysCsv } from './output/artifact.js';
import { AuditLog } from './output/audit.js';
import { CsvWriter } from './output/csv.js';
import { QuotaProxy } from './quota-proxy/client.js';
import { Cancellation, CancelledError } from './shared/cancel.js';
import type { Logger } from './shared/log.js';
import { type KnownWait, NO_PROGRESS, type Progress } from './shared/progress.js';
import { redactUrl } from './shared/redact.js';
import { HttpClient } from './transport/http.js';

/**
 * The CSV's private temp file, created before the first request: a path that cannot take it (name
 * too long, a folder that refuses files, /proc) is bad input, found before any key exists.
 */
function openCsvBeforeRequests(options: Options): CsvWriter | undefined {
  if (!writesKeysCsv(options)) return undefined;
  try {
    return new CsvWriter(options.output);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    throw new InputError(
      'output',
      options.output,
      `the CSV cannot be created there (${reason}); expected a writable folder and a file name the file system accepts`,
    );
  }
}

/** The audit log, opened (0600) before the first request: a path that cannot take it is bad input. */
function openAuditBeforeRequests(options: Options, context: RunContext, server: string, log: Logger) {
  if (!options.auditLog) return undefined;
  const { command, token } = options;
  const origin = context.origin ?? runOrigin(context.platform, {});
  try {
    return new AuditLog(options.auditLog, { command, server, origin, token }, (m) => log.warning(m));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new InputError('audit-log', options.auditLog, `the audit log cannot be written there (${reason})`);
  }
}

const RUNNERS: Partial<Record<Command, CommandRunner>> = {
  generate: runGenerate,
  batch: runBatch,
  reset: runReset,
  delete: runDelete,
  rotate: runRotate,
  list: runList,
  usage: runUsage,
  monitor: runMonitor,
};

/** The HTTP client and the quota-proxy API of one run, and the context every command receives. */
function commandContext(
  options: Options,
  context: RunContext,
  log: Logger,
  cancellation: Cancellation,
  progress: Progress,
): { ctx: CommandContext; auditLog?: AuditLog } {
  const server = redactUrl(options.url.href);
  // Before the CSV's temp file: a refused audit path must not leave one behind.
  const auditLog = openAuditBeforeRequests(options, context, server, log);
  const csv = openCsvBeforeRequests(options);
  const plainHttp = plainHttpWarning(options.url);
  if (plainHttp && options.token) log.warning(plainHttp);
  const http = new HttpClient({
    baseUrl: options.url,
    token: options.token,
    timeoutMs: options.timeoutMs,
    connections: options.concurrency,
    retries: options.retries,
    maxWaitMs: options.maxWaitMs,
    onRateLimit: options.onRateLimit,
    cancellation,
    log,
  });
  const api = new QuotaProxy(http, options.serverFlavor);
  progress.waitsFrom?.((remaining) => rateLimitWait(api, options, remaining));
  const summary: CommandContext['summary'] = { title: `quota-proxy ${options.command}`, facts: [['Server', server]] };
  if (auditLog) summary.facts.push(['Audit log', auditLog.file]);
  const audit = auditLog && ((event: Parameters<AuditLog['record']>[0]) => auditLog.record(event));
  return {
    ctx: { options, context, log, api, server, outputs: {}, summary, cancellation, csv, progress, audit },
    auditLog,
  };
}

/**
 * The wait the admin rate limit puts before `remaining` more items (one admin request each), as the
 * client will wait it (on-rate-limit wait, within max-wait-seconds): the progress's ETA counts it.
 */
function rateLimitWait(api: QuotaProxy, options: Options, remaining: number): KnownWait | undefined {
  const plan = api.rateLimitPlan(remaining);
  if (!plan || plan.fits) return undefined;
  const waits = options.onRateLimit === 'wait' && plan.waitMs <= api.waitBudgetLeft();
  return { available: plan.available, waitMs: waits ? plan.waitMs : undefined, perWindow: plan.limit };
}

/** The report of a run that a signal stopped (exit 130/143), keeping what the command reported. */
function cancelledReport(ctx: CommandContext, cancellation: Cancellation, report?: RunReport): RunReport {
  const reason = cancellation.reason ?? 'cancelled';
  return {
    outputs: ctx.outputs,
    summary: ctx.summary,
    ...report,
    ok: false,
    cancelled: reason,
    failure: report?.failure ?? `Cancelled (${reason}) before ${ctx.options.command} finished.`,
  };
}

/** Step: the health check; a report when the run must stop here, else undefined. */
async function checkHealth(ctx: CommandContext, cancellation: Cancellation): Promise<RunReport | undefined> {
  const result = await health(ctx.options, { api: ctx.api });
  ctx.outputs.healthy = String(result.healthy);
  ctx.summary.facts.push(['Healthy', result.healthy ? 'yes' : 'no']);
  if (result.healthy) {
    ctx.log.info(`${ctx.server}: healthy${result.note ? `: ${result.note}` : ''}`);
    return undefined;
  }
  const advice = result.failure === 'network' ? tlsAdvice(result.problem) : undefined;
  const failure = advice ? `${result.problem} ${advice}` : result.problem;
  const report: RunReport = { ok: false, failure, outputs: ctx.outputs, summary: ctx.summary };
  // A signal during the health check abandons it: that is a cancelled run (exit 130/143), not an unhealthy server.
  return cancellation.requested ? cancelledReport(ctx, cancellation, { ...report, failure: undefined }) : report;
}

/** Health, the token check before any create, then the command; the CSV and the client are closed whatever happens. */
export async function run(
  options: Options,
  context: RunContext,
  log: Logger,
  cancellation = new Cancellation(),
  progress: Progress = NO_PROGRESS,
): Promise<RunReport> {
  if (options.token) log.secret(options.token, 'token');
  const { ctx, auditLog } = commandContext(options, context, log, cancellation, progress);
  const report = await runSteps(ctx, cancellation, progress);
  // The artifact takes the audit log only when this run wrote to it, never a file that was merely there.
  if (auditLog && auditLog.lines > 0) report.auditPath = auditLog.file;
  return report;
}

/** The steps of `run`; the CSV and the client are closed whatever happens. */
async function runSteps(ctx: CommandContext, cancellation: Cancellation, progress: Progress): Promise<RunReport> {
  const { api, csv, options, log } = ctx;
  try {
    if (!options.skipHealthCheck) {
      const stop = await checkHealth(ctx, cancellation);
      if (stop) return stop;
    }
    // A wrong token is found before the first key is made, not by the creates.
    if (CREATES_FIRST.has(options.command) && !cancellation.requested) {
      const refusal = await checkAdminToken(api, options.tokenSource, (m) => log.warning(m));
      // Its request abandoned by a signal fails like an unreachable server: the run was cancelled.
      if (cancellation.requested) return cancelledReport(ctx, cancellation);
      if (refusal) return { ok: false, failure: refusal, outputs: ctx.outputs, summary: ctx.summary };
    }
    const runner = RUNNERS[options.command];
    const report = runner ? await runner(ctx) : { ok: true, outputs: ctx.outputs, summary: ctx.summary };
    return cancellation.requested ? cancelledReport(ctx, cancellation, runner ? report : undefined) : report;
  } catch (error) {
    // A request abandoned by the signal fails with its own error; the run was cancelled all the same.
    if (error instanceof CancelledError || cancellation.requested) return cancelledReport(ctx, cancellation);
    throw error;
  } finally {
    progress.done();
    // Opened up front but not used (a failure before the command wrote, nothing to replace): no file is left.
    if (csv && !csv.settled) await csv.discard();
    if (api.flavor) {
      ctx.outputs.flavor = api.flavor;
      if (!ctx.summary.facts.some(([name]) => name === 'Flavor'))
        ctx.summary.facts.splice(1, 0, ['Flavor', api.flavor]);
    }
    await api.close();
  }
}
