// The flow every platform shares: health first, then the command; the platform entries only turn
// inputs into Options and the returned report into outputs, summary, artifact and exit code.
import type { RunContext } from './context.js';
import type { Logger } from './log.js';
import type { Command, Options } from './options.js';
import { redactUrl } from './redact.js';
import { QuotaProxy } from './quota-proxy/client.js';
import { HttpClient } from './quota-proxy/http.js';
import { health } from './commands/health.js';
import { runGenerate } from './commands/generate.js';
import { runBatch } from './commands/batch.js';

export interface Summary {
  title: string;
  facts: Array<[string, string]>;
  table?: { head: string[]; rows: string[][] };
  /** Extra markdown (charts) for job summaries; terminals skip it. */
  markdown?: string;
}

export interface RunReport {
  ok: boolean;
  /** One line saying what failed and what to do, when !ok. */
  failure?: string;
  outputs: Record<string, string>;
  summary: Summary;
  /** The CSV this run wrote, if any (uploaded as an artifact by the GitHub entry). */
  csvPath?: string;
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
}

export type CommandRunner = (ctx: CommandContext) => Promise<RunReport>;

const RUNNERS: Partial<Record<Command, CommandRunner>> = {
  generate: runGenerate,
  batch: runBatch,
};

export async function run(options: Options, context: RunContext, log: Logger): Promise<RunReport> {
  if (options.token) log.secret(options.token, 'token');
  const server = redactUrl(options.url.href);
  const http = new HttpClient({ baseUrl: options.url, token: options.token, timeoutMs: options.timeoutMs, connections: options.concurrency });
  const api = new QuotaProxy(http, options.serverFlavor);
  const ctx: CommandContext = {
    options,
    context,
    log,
    api,
    server,
    outputs: {},
    summary: { title: `quota-proxy ${options.command}`, facts: [['Server', server]] },
  };
  try {
    if (!options.skipHealthCheck) {
      const result = await health(options, { api });
      ctx.outputs.healthy = String(result.healthy);
      ctx.summary.facts.push(['Healthy', result.healthy ? 'yes' : 'no']);
      if (!result.healthy) return { ok: false, failure: result.problem, outputs: ctx.outputs, summary: ctx.summary };
      log.info(`${server}: healthy`);
    }
    const runner = RUNNERS[options.command];
    if (!runner) return { ok: true, outputs: ctx.outputs, summary: ctx.summary };
    return await runner(ctx);
  } finally {
    if (api.flavor) {
      ctx.outputs.flavor = api.flavor;
      if (!ctx.summary.facts.some(([name]) => name === 'Flavor')) ctx.summary.facts.splice(1, 0, ['Flavor', api.flavor]);
    }
    await http.close();
  }
}
