// Re-running a workflow run (same run id, a later attempt) must not issue a second batch by
// accident. Batch labels end in `-r<run id>a<attempt>i<invocation>n<nonce>` (./labels.ts), so the
// keys an earlier attempt of this same step made can be found by label: they are exported again,
// and only the numbers no attempt made are created (with this attempt's suffix). Which key under a
// label stands for which number, and which is not the attempt's at all (someone else made it under
// the same label), is ./batch-numbers.ts's rule. `force: true` skips this and issues a new batch.
//
// The invocation id is the same in every attempt of one step, but matrix legs share it unless the
// workflow passes invocation-id. An earlier attempt whose keys carry two nonces for our invocation
// id was two invocations at once: which keys were ours cannot be told, so none of that attempt is
// exported (a warning names invocation-id) and the other invocation's keys are left alone.
import type { RunContext } from '../config/context.js';
import { parseBatchLabel } from '../config/labels.js';
import type { QuotaProxy } from '../quota-proxy/client.js';
import type { CreateKeyRequest, TrialKey } from '../quota-proxy/types.js';
import { numberBatchKeys, type SurplusKeys } from './batch-numbers.js';

export interface EarlierAttempts {
  /** The keys of the numbers an earlier attempt made, from the latest attempt that made each. */
  keys: TrialKey[];
  /** The attempts they come from. */
  attempts: number[];
  /** Requests for the numbers no earlier attempt made. */
  rest: CreateKeyRequest[];
  /** Earlier attempts left out because two invocations shared this step's labels in them. */
  collided: number[];
  /** Keys under an earlier attempt's labels that are not that attempt's (someone else's): not exported. */
  surplus: SurplusKeys[];
}

/**
 * Whether this run is a re-run whose earlier attempts may have issued this batch: a GitHub run
 * past its first attempt, with labels of this invocation.
 */
export function isRerunOfBatch(context: RunContext, requests: readonly CreateKeyRequest[]): boolean {
  if (context.platform !== 'github' || context.attempt <= 1 || !context.invocation) return false;
  return (
    requests.length > 0 &&
    requests.every((r) => {
      const label = parseBatchLabel(r.label);
      return (
        label?.run === context.runId &&
        label.attempt === context.attempt &&
        label.invocation === context.invocation &&
        label.nonce === context.nonce
      );
    })
  );
}

/**
 * Does a stem of an earlier attempt name this batch? The same stem, or, when `name` was not given,
 * the default for the same trigger on another day (`batch-<date>`, `scheduled-<date>`, after any
 * label-prefix): a re-run the next day computes another date.
 */
function sameBatchStem(stem: string, ours: string, nameGiven: boolean): boolean {
  if (stem === ours) return true;
  if (nameGiven) return false;
  const dated = /^(.*(?:^|-)(?:batch|scheduled)-)\d{8}$/;
  const [theirs, mine] = [dated.exec(stem), dated.exec(ours)];
  return Boolean(theirs && mine && theirs[1] === mine[1]);
}

/** Lists the server's keys and picks those an earlier attempt of this step made for `requests`. */
export async function findEarlierAttempts(
  api: QuotaProxy,
  context: RunContext,
  requests: readonly CreateKeyRequest[],
  nameGiven: boolean,
): Promise<EarlierAttempts> {
  const byNumber = new Map<number, CreateKeyRequest>();
  let stem = '';
  for (const request of requests) {
    const label = parseBatchLabel(request.label)!;
    stem = label.stem;
    byNumber.set(label.number, request);
  }
  // attempt → label → keys; attempt → nonces seen.
  const groups = new Map<number, Map<string, TrialKey[]>>();
  const nonces = new Map<number, Set<string>>();
  for await (const page of api.listKeys()) {
    for (const key of page) {
      const label = parseBatchLabel(key.label);
      if (
        !label ||
        label.run !== context.runId ||
        label.invocation !== context.invocation ||
        label.attempt === undefined
      )
        continue;
      if (label.attempt >= context.attempt || !sameBatchStem(label.stem, stem, nameGiven)) continue;
      nonces.set(label.attempt, (nonces.get(label.attempt) ?? new Set()).add(label.nonce!));
      const ofAttempt = groups.get(label.attempt) ?? new Map<string, TrialKey[]>();
      ofAttempt.set(key.label, [...(ofAttempt.get(key.label) ?? []), key]);
      groups.set(label.attempt, ofAttempt);
    }
  }
  const collided = [...nonces]
    .filter(([, seen]) => seen.size > 1)
    .map(([attempt]) => attempt)
    .sort((a, b) => a - b);
  // The latest attempt wins (an earlier `force: true` re-issued them); within one, ./batch-numbers.ts
  // says which key stands for which number, and which keys under its labels are not its own.
  const rules = { perRequest: api.known?.capabilities.maxKeysPerCreate ?? 1, last: Math.max(...byNumber.keys()) };
  const found = new Map<number, { key: TrialKey; attempt: number }>();
  const surplus: SurplusKeys[] = [];
  for (const [attempt, labels] of groups) {
    if (collided.includes(attempt)) continue;
    const numbered = numberBatchKeys(labels, rules);
    surplus.push(...numbered.surplus);
    for (const [number, key] of numbered.byNumber) {
      const seen = found.get(number);
      if (byNumber.has(number) && (!seen || attempt > seen.attempt)) found.set(number, { key, attempt });
    }
  }
  const keys: TrialKey[] = [];
  const rest: CreateKeyRequest[] = [];
  for (const [number, request] of byNumber) {
    const hit = found.get(number);
    if (hit) keys.push(hit.key);
    else rest.push(request);
  }
  return {
    keys,
    attempts: [...new Set([...found.values()].map((f) => f.attempt))].sort((a, b) => a - b),
    rest,
    collided,
    surplus,
  };
}
