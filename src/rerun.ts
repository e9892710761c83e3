// Re-running a workflow run (same run id, a later attempt) must not issue a second batch by
// accident. Batch labels end in `-r<run id>a<attempt>`, so the keys an earlier attempt of this run
// made can be found by label: they are exported again, and only the numbers no attempt made are
// created (with this attempt's suffix). `force: true` skips this and issues a new batch.
import type { RunContext } from './context.js';
import type { QuotaProxy } from './quota-proxy/client.js';
import type { CreateKeyRequest, TrialKey } from './quota-proxy/types.js';

const BATCH_LABEL = /^(.+)-(\d{3,})-r([^-]+)a(\d+)$/;

export interface EarlierAttempts {
  /** One key per batch number, from the latest attempt that made it. */
  keys: TrialKey[];
  /** The attempts they come from. */
  attempts: number[];
  /** Requests for the numbers no earlier attempt made. */
  rest: CreateKeyRequest[];
}

/**
 * Whether this run is a re-run whose earlier attempts may have issued this batch: a GitHub run
 * past its first attempt, with labels `<name>-<NNN>-r<run id>a<attempt>`.
 */
export function isRerunOfBatch(context: RunContext, requests: readonly CreateKeyRequest[]): boolean {
  if (context.platform !== 'github' || context.attempt <= 1) return false;
  if (context.labelSuffix !== `r${context.runId}a${context.attempt}`) return false;
  return requests.length > 0 && requests.every((r) => r.label.endsWith(`-${context.labelSuffix}`) && BATCH_LABEL.test(r.label));
}

/**
 * Does a stem of an earlier attempt name this batch? The same stem, or, when `name` was not given,
 * the default for the same trigger on another day (`batch-<date>`, `scheduled-<date>`): a re-run
 * the next day computes another date.
 */
function sameBatchStem(stem: string, ours: string, nameGiven: boolean): boolean {
  if (stem === ours) return true;
  if (nameGiven) return false;
  const dated = /^(batch|scheduled)-\d{8}$/;
  return dated.test(stem) && dated.test(ours) && stem.split('-')[0] === ours.split('-')[0];
}

/** Lists the server's keys and picks those an earlier attempt of this run made for `requests`. */
export async function findEarlierAttempts(api: QuotaProxy, context: RunContext, requests: readonly CreateKeyRequest[], nameGiven: boolean): Promise<EarlierAttempts> {
  const byNumber = new Map<string, CreateKeyRequest>();
  let stem = '';
  for (const request of requests) {
    const match = BATCH_LABEL.exec(request.label)!;
    stem = match[1]!;
    byNumber.set(match[2]!, request);
  }
  const found = new Map<string, { key: TrialKey; attempt: number }>();
  for await (const page of api.listKeys()) {
    for (const key of page) {
      const match = BATCH_LABEL.exec(key.label);
      if (!match || match[3] !== context.runId) continue;
      const attempt = Number(match[4]);
      if (attempt >= context.attempt || !byNumber.has(match[2]!) || !sameBatchStem(match[1]!, stem, nameGiven)) continue;
      const seen = found.get(match[2]!);
      // The latest attempt wins (an earlier `force: true` re-issued them); within one, the oldest key.
      if (!seen || attempt > seen.attempt || (attempt === seen.attempt && key.createdAt < seen.key.createdAt)) found.set(match[2]!, { key, attempt });
    }
  }
  const keys: TrialKey[] = [];
  const rest: CreateKeyRequest[] = [];
  for (const [number, request] of byNumber) {
    const hit = found.get(number);
    if (hit) keys.push(hit.key);
    else rest.push(request);
  }
  return { keys, attempts: [...new Set([...found.values()].map((f) => f.attempt))].sort((a, b) => a - b), rest };
}
