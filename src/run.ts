// The flow every platform shares: health first, then the command; the platform entries only turn
// inputs into Options and the returned report into outputs, summary and exit code.
import type { RunContext } from './context.js';
import { CsvWriter, csvRow } from './csv.js';
import type { Logger } from './log.js';
import type { Options } from './options.js';
import { redactUrl, shortenKey } from './redact.js';
import { QuotaProxy } from './quota-proxy/client.js';
import { HttpClient } from './quota-proxy/http.js';
import type { TrialKey } from './quota-proxy/types.js';
import { health } from './commands/health.js';
import { generate } from './commands/generate.js';
import { batch } from './commands/batch.js';
import type { IssueResult } from './issue-keys.js';

export interface Summary {
  title: string;
  facts: Array<[string, string]>;
  table?: { head: string[]; rows: string[][] };
}

export interface RunReport {
  ok: boolean;
  /** One line saying what failed and what to do, when !ok. */
  failure?: string;
  outputs: Record<string, string>;
  summary: Summary;
  csvPath?: string;
}

export async function run(options: Options, context: RunContext, log: Logger): Promise<RunReport> {
  if (options.token) log.secret(options.token, 'token');
  const server = redactUrl(options.url.href);
  const http = new HttpClient({ baseUrl: options.url, token: options.token, timeoutMs: options.timeoutMs, connections: options.concurrency });
  const api = new QuotaProxy(http, options.serverFlavor);
  const outputs: Record<string, string> = {};
  const summary: Summary = { title: `quota-proxy ${options.command}`, facts: [['Server', server]] };
  try {
    if (!options.skipHealthCheck) {
      const result = await health(options, { api });
      outputs.healthy = String(result.healthy);
      summary.facts.push(['Healthy', result.healthy ? 'yes' : 'no']);
      if (!result.healthy) return { ok: false, failure: result.problem, outputs, summary };
      log.info(`${server}: healthy`);
    }
    if (options.command === 'health') {
      if (api.flavor) outputs.flavor = api.flavor;
      return { ok: true, outputs, summary };
    }
    return await issue(options, context, log, api, server, outputs, summary);
  } finally {
    if (api.flavor) {
      outputs.flavor = api.flavor;
      if (!summary.facts.some(([name]) => name === 'Flavor')) summary.facts.splice(1, 0, ['Flavor', api.flavor]);
    }
    await http.close();
  }
}

async function issue(
  options: Options,
  context: RunContext,
  log: Logger,
  api: QuotaProxy,
  server: string,
  outputs: Record<string, string>,
  summary: Summary,
): Promise<RunReport> {
  const csv = new CsvWriter(options.output);
  let warnedGlobalLimit = false;
  const sink = (key: TrialKey) => {
    const perKey = api.known?.capabilities.perKeyDailyLimit ?? false;
    if (!perKey && !warnedGlobalLimit) {
      warnedGlobalLimit = true;
      log.warning(
        `The ${api.flavor} server has no per-key daily limit: it applies its server-wide limit to every key; the CSV records server-daily-limit (${options.serverDailyLimit}).`,
      );
    }
    csv.write(csvRow(key, { dailyLimit: perKey ? options.limit : options.serverDailyLimit, server }));
  };
  let result: IssueResult;
  try {
    result =
      options.command === 'generate'
        ? await generate(options, { api, log, sink })
        : await batch(options, context.labelSuffix, { api, log, sink });
  } finally {
    // The CSV is written whatever happened: every key the server created must reach the user.
    await csv.close();
  }
  const created = result.created.length;
  const failed = result.requested - created;
  Object.assign(outputs, { 'csv-path': csv.path, 'created-count': String(created), 'failed-count': String(failed) });
  summary.facts.push(['Requested', String(result.requested)], ['Created', String(created)], ['Failed', String(failed)], ['CSV', csv.path]);
  const limitOf = (key: TrialKey) => String(key.dailyLimit ?? (api.known?.capabilities.perKeyDailyLimit ? options.limit : options.serverDailyLimit));
  summary.table = {
    head: ['Label', 'Key', 'Daily limit', 'Created (UTC)'],
    rows: result.created.map((k) => [k.label, shortenKey(k.key), limitOf(k), k.createdAt.toISOString()]),
  };
  log.info(`Created ${created} of ${result.requested} key(s); CSV: ${csv.path}`);
  for (const f of result.failures.slice(0, 5)) log.warning(`Not created: ${f.label}: ${f.error}`);
  if (result.failures.length > 5) log.warning(`… and ${result.failures.length - 5} more not created.`);
  if (failed === 0) return { ok: true, outputs, summary, csvPath: csv.path };
  const first = result.failures[0]?.error ?? 'unknown error';
  return {
    ok: false,
    failure: `${failed} of ${result.requested} key(s) were not created (first error: ${first}); the ${created} created are in ${csv.path}.`,
    outputs,
    summary,
    csvPath: csv.path,
  };
}
