// Creating many keys: bounded concurrency over one keep-alive pool, native batches where the
// flavor has them, every created key handed to the sink the moment it arrives.
import type { Logger } from './log.js';
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
    const done = new Set([...result.created.map((k) => k.label), ...result.failures.map((f) => f.label)]);
    for (const request of requests.slice(next)) if (!done.has(request.label)) result.failures.push({ label: request.label, error: `not attempted after: ${message}` });
  }
  return result;
}
