// The flow every platform shares: health first, then the command; the platform entries only turn
// inputs into Options and the returned report into outputs, summary, artifact and exit code.

import type { CommandContext } from './commands/contract.js';
import { RUNNERS } from './commands/index.js';
import { COMMAND_SPECS } from './config/commands.js';
import { type RunContext, runOrigin } from './config/context.js';
import type { Options } from './config/options.js';
import { InputError } from './config/options.js';
import { plainHttpWarning } from './config/plain-http.js';
import { checkAdminToken, tlsAdvice } from './issuing/token-check.js';
import { AuditLog } from './output/audit.js';
import { CsvWriter } from './output/csv.js';
import { QuotaProxy } from './quota-proxy/client.js';
import { Report, type RowSink } from './report/report.js';
import { Cancellation, CancelledError } from './shared/cancel.js';
import { errorMessage } from './shared/errors.js';
import type { Logger } from './shared/log.js';
import { type KnownWait, NO_PROGRESS, type Progress } from './shared/progress.js';
import { redactUrl } from './shared/redact.js';
import { HttpClient } from './transport/http.js';

/**
 * The CSV's private temp file, created before the first request: a path that cannot take it (name
 * too long, a folder that refuses files, /proc) is bad input, found before any key exists.
 */
function openCsvBeforeRequests(options: Options): CsvWriter | undefined {
  if (!COMMAND_SPECS[options.command].keysCsv(options)) return undefined;
  try {
    return new CsvWriter(options.output);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? errorMessage(error);
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
    const reason = (error as NodeJS.ErrnoException).code ?? errorMessage(error);
    throw new InputError('audit-log', options.auditLog, `the audit log cannot be written there (${reason})`);
  }
}

/** The HTTP client and the quota-proxy API of one run, and the context every command receives. */
function commandContext(
  options: Options,
  context: RunContext,
  log: Logger,
  cancellation: Cancellation,
  progress: Progress,
  sinks: readonly RowSink[],
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
  const report = new Report(`quota-proxy ${options.command}`, sinks);
  report.facts.set('server', server).set('audit_log', auditLog?.file);
  const audit = auditLog && ((event: Parameters<AuditLog['record']>[0]) => auditLog.record(event));
  return { ctx: { options, context, log, api, server, report, cancellation, csv, progress, audit }, auditLog };
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

/** The run was stopped by a signal (exit 130/143): what the command reported stands, marked so. */
function cancelled(ctx: CommandContext, cancellation: Cancellation, keepFailure = true) {
  const reason = cancellation.reason ?? 'cancelled';
  const { report } = ctx;
  report.cancelled = reason;
  report.fail((keepFailure && report.failure) || `Cancelled (${reason}) before ${ctx.options.command} finished.`);
  return report;
}

/** Step: the health check; true when the run must stop here. */
async function checkHealth(ctx: CommandContext, cancellation: Cancellation): Promise<boolean> {
  const result = await ctx.api.health(ctx.options.healthPath);
  ctx.report.outputs.healthy = String(result.healthy);
  ctx.report.facts.set('healthy', result.healthy);
  if (result.healthy) {
    ctx.log.info(`${ctx.server}: healthy${result.note ? `: ${result.note}` : ''}`);
    return false;
  }
  // A signal during the health check abandons it: that is a cancelled run (exit 130/143), not an unhealthy server.
  if (cancellation.requested) {
    cancelled(ctx, cancellation, false);
    return true;
  }
  const advice = result.failure === 'network' ? tlsAdvice(result.problem) : undefined;
  ctx.report.fail(advice ? `${result.problem} ${advice}` : result.problem);
  return true;
}

/**
 * Health, the token check before any create, then the command; the CSV and the client are closed
 * whatever happens. `sinks` are the channels the report's rows stream to as they are reported.
 */
export async function run(
  options: Options,
  context: RunContext,
  log: Logger,
  cancellation = new Cancellation(),
  progress: Progress = NO_PROGRESS,
  sinks: readonly RowSink[] = [],
): Promise<Report> {
  if (options.token) log.secret(options.token, 'token');
  const { ctx, auditLog } = commandContext(options, context, log, cancellation, progress, sinks);
  const report = await runSteps(ctx, cancellation, progress);
  // The artifact takes the audit log only when this run wrote to it, never a file that was merely there.
  if (auditLog && auditLog.lines > 0) report.auditPath = auditLog.file;
  return report;
}

/** The steps of `run`; the CSV and the client are closed whatever happens. */
async function runSteps(ctx: CommandContext, cancellation: Cancellation, progress: Progress): Promise<Report> {
  const { api, csv, options, log, report } = ctx;
  try {
    if (!options.skipHealthCheck && (await checkHealth(ctx, cancellation))) return report;
    // A wrong token is found before the first key is made, not by the creates.
    if (COMMAND_SPECS[options.command].createsFirst && !cancellation.requested) {
      const refusal = await checkAdminToken(api, options.tokenSource, (m) => log.warning(m));
      // Its request abandoned by a signal fails like an unreachable server: the run was cancelled.
      if (cancellation.requested) return cancelled(ctx, cancellation, false);
      if (refusal) return report.fail(refusal);
    }
    await RUNNERS[options.command](ctx);
    return cancellation.requested ? cancelled(ctx, cancellation) : report;
  } catch (error) {
    // A request abandoned by the signal fails with its own error; the run was cancelled all the same.
    if (error instanceof CancelledError || cancellation.requested) return cancelled(ctx, cancellation, false);
    throw error;
  } finally {
    progress.done();
    // Opened up front but not used (a failure before the command wrote, nothing to replace): no file is left.
    if (csv && !csv.settled) await csv.discard();
    if (api.flavor) {
      report.outputs.flavor = api.flavor;
      report.facts.set('flavor', api.flavor);
    }
    await api.close();
  }
}
