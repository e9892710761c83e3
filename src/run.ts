// The flow every platform shares: health first, then the command; the platform entries only turn
// inputs into Options and the returned report into outputs, summary, artifact and exit code.
import type { RunContext } from './context.js';
import type { Logger } from './log.js';
import type { Command, Options } from './options.js';
import { redactUrl } from './redact.js';
import { QuotaProxy } from './quota-proxy/client.js';
import { HttpClient } from './quota-proxy/http.js';
import { Cancellation, CancelledError } from './cancel.js';
import type { CommandContext, CommandRunner, RunReport } from './commands/contract.js';
import { plainHttpWarning } from './transport.js';
import { health } from './commands/health.js';
import { runGenerate } from './commands/generate.js';
import { runBatch } from './commands/batch.js';
import { runReset } from './commands/reset.js';
import { runDelete } from './commands/delete.js';
import { runRotate } from './commands/rotate.js';
import { runList } from './commands/list.js';
import { runUsage } from './commands/usage.js';
import { runMonitor } from './commands/monitor.js';

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

export async function run(options: Options, context: RunContext, log: Logger, cancellation = new Cancellation()): Promise<RunReport> {
  if (options.token) log.secret(options.token, 'token');
  const server = redactUrl(options.url.href);
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
  const ctx: CommandContext = {
    options,
    context,
    log,
    api,
    server,
    outputs: {},
    summary: { title: `quota-proxy ${options.command}`, facts: [['Server', server]] },
    cancellation,
  };
  const cancelledReport = (report?: RunReport): RunReport => ({
    outputs: ctx.outputs,
    summary: ctx.summary,
    ...report,
    ok: false,
    cancelled: cancellation.reason ?? 'cancelled',
    failure: report?.failure ?? `Cancelled (${cancellation.reason ?? 'cancelled'}) before ${options.command} finished.`,
  });
  try {
    if (!options.skipHealthCheck) {
      const result = await health(options, { api });
      ctx.outputs.healthy = String(result.healthy);
      ctx.summary.facts.push(['Healthy', result.healthy ? 'yes' : 'no']);
      if (!result.healthy) {
        const report: RunReport = { ok: false, failure: result.problem, outputs: ctx.outputs, summary: ctx.summary };
        // A signal during the health check abandons it: that is a cancelled run (exit 130/143), not an unhealthy server.
        return cancellation.requested ? cancelledReport({ ...report, failure: undefined }) : report;
      }
      log.info(`${server}: healthy${result.note ? `: ${result.note}` : ''}`);
    }
    const runner = RUNNERS[options.command];
    if (!runner) return cancellation.requested ? cancelledReport() : { ok: true, outputs: ctx.outputs, summary: ctx.summary };
    const report = await runner(ctx);
    return cancellation.requested ? cancelledReport(report) : report;
  } catch (error) {
    // A request abandoned by the signal fails with its own error; the run was cancelled all the same.
    if (error instanceof CancelledError || cancellation.requested) return cancelledReport();
    throw error;
  } finally {
    if (api.flavor) {
      ctx.outputs.flavor = api.flavor;
      if (!ctx.summary.facts.some(([name]) => name === 'Flavor')) ctx.summary.facts.splice(1, 0, ['Flavor', api.flavor]);
    }
    await http.close();
  }
}
