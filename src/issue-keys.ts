// Creating many keys: bounded concurrency over one keep-alive pool, native batches where the
// flavor has them, every created key written to the CSV the moment it arrives.
import { CsvWriter, csvRow } from './csv.js';
import type { Logger } from './log.js';
import type { CommandContext, RunReport } from './run.js';
import { shortenKey } from './redact.js';
import type { QuotaProxy } from './quota-proxy/client.js';
import { HttpStatusError } from './quota-proxy/http.js';
import { UnsupportedOperationError, type CreateKeyRequest, type TrialKey } from './quota-proxy/types.js';

export interface IssueServices {
  api: QuotaProxy;
  log: Logger;
  /** Receives each created key as soon as the server returned it. */
  sink: (key: TrialKey) => void;
}

export interface IssueResult {
  requested: number;
  created: TrialKey[];
  failures: Array<{ label: string; error: string }>;
}

/** Errors after which further requests would fail the same way (bad token, missing route…). */
function isFatal(error: unknown): boolean {
  if (error instanceof UnsupportedOperationError) return true;
  return error instanceof HttpStatusError && [400, 401, 403, 404, 405].includes(error.status);
}

export async function issueKeys(requests: CreateKeyRequest[], concurrency: number, services: IssueServices): Promise<IssueResult> {
  const { api, log, sink } = services;
  const result: IssueResult = { requested: requests.length, created: [], failures: [] };
  let stop: unknown;

  const create = async (chunk: CreateKeyRequest[]) => {
    try {
      const keys = await api.createKeys(chunk);
      for (const key of keys) {
        log.secret(key.key, 'key');
        result.created.push(key);
        sink(key);
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      for (const request of chunk) result.failures.push({ label: request.label, error: message });
      if (isFatal(error)) stop ??= error;
    }
  };

  let next = 0;
  // An unknown flavor is learnt from the first answer; only then is the batch size per request known.
  if (!api.known && requests.length > 0) {
    await create(requests.slice(0, 1));
    next = 1;
  }
  const perRequest = api.known?.capabilities.maxKeysPerCreate ?? 1;
  const worker = async () => {
    while (next < requests.length && stop === undefined) {
      const chunk = requests.slice(next, next + perRequest);
      next += chunk.length;
      await create(chunk);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, requests.length) }, worker));

  if (stop !== undefined) {
    const message = stop instanceof Error ? stop.message : String(stop);
    for (const request of requests.slice(next)) result.failures.push({ label: request.label, error: `not attempted after: ${message}` });
  }
  return result;
}

/** Issues `requests`, streams them into the CSV, and reports counts, outputs and the summary table. */
export async function issueToCsv(ctx: CommandContext, requests: CreateKeyRequest[], minSuccess = requests.length): Promise<RunReport & { result: IssueResult }> {
  const { options, api, log, server, outputs, summary } = ctx;
  const perKeyLimit = () => api.known?.capabilities.perKeyDailyLimit ?? false;
  const csv = new CsvWriter(options.output);
  let warnedGlobalLimit = false;
  const sink = (key: TrialKey) => {
    if (!perKeyLimit() && !warnedGlobalLimit) {
      warnedGlobalLimit = true;
      log.warning(
        `The ${api.flavor} server has no per-key daily limit: it applies its server-wide limit to every key; the CSV records server-daily-limit (${options.serverDailyLimit}).`,
      );
    }
    csv.write(csvRow(key, { dailyLimit: perKeyLimit() ? options.limit : options.serverDailyLimit, tier: options.tier, server }));
  };
  let result: IssueResult;
  try {
    result = await issueKeys(requests, options.concurrency, { api, log, sink });
  } finally {
    // The CSV is written whatever happened: every key the server created must reach the user.
    await csv.close();
  }
  const created = result.created.length;
  const failed = result.requested - created;
  Object.assign(outputs, { 'csv-path': csv.path, 'created-count': String(created), 'failed-count': String(failed) });
  summary.facts.push(['Requested', String(result.requested)], ['Created', String(created)], ['Failed', String(failed)], ['CSV', csv.path]);
  const limitOf = (key: TrialKey) => String(key.dailyLimit ?? (perKeyLimit() ? options.limit : options.serverDailyLimit));
  summary.table = {
    head: ['Label', 'Key', 'Daily limit', 'Created (UTC)'],
    rows: result.created.map((k) => [k.label, shortenKey(k.key), limitOf(k), k.createdAt.toISOString()]),
  };
  log.info(`Created ${created} of ${result.requested} key(s); CSV: ${csv.path}`);
  for (const f of result.failures.slice(0, 5)) log.warning(`Not created: ${f.label}: ${f.error}`);
  if (result.failures.length > 5) log.warning(`… and ${result.failures.length - 5} more not created.`);
  const report = { outputs, summary, csvPath: csv.path, result };
  if (created >= minSuccess) return { ok: true, ...report };
  const first = result.failures[0]?.error ?? 'unknown error';
  return {
    ok: false,
    failure: `${failed} of ${result.requested} key(s) were not created (first error: ${first}); the ${created} created are in ${csv.path}.`,
    ...report,
  };
}
