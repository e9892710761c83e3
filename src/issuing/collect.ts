// The last step of a batch (./key-issuer.ts): what became of each request, read from the batch's
// ledger: the next key of its label, in order, or the reason it has none; each failure of a request
// that was sent goes to the audit.
import type { Audit } from '../output/audit.js';
import type { CreateKeyRequest } from '../quota-proxy/types.js';
import type { IssueResult } from './issue-result.js';
import type { BatchLedger } from './reconcile.js';

export function collectResult(
  requests: readonly CreateKeyRequest[],
  ledger: BatchLedger,
  result: IssueResult,
  audit: Audit | undefined,
): IssueResult {
  const place = new Map<string, { label: string; index: number }>();
  for (const [label, members] of ledger.members)
    for (const [index, request] of members.entries()) place.set(request.label, { label, index });
  for (const [label, uncertain] of ledger.uncertain) {
    const have = ledger.inCsv.get(label)?.length ?? 0;
    if (have < (ledger.members.get(label)?.length ?? 0)) result.unresolved.push(uncertain.label);
  }
  for (const request of requests) {
    const at = place.get(request.label);
    const key = at ? ledger.inCsv.get(at.label)?.[at.index] : undefined;
    if (key) {
      result.assigned.set(request.label, key);
      continue;
    }
    const uncertain = at ? ledger.uncertain.get(at.label) : undefined;
    const error = uncertain
      ? `unknown whether the server created it (${uncertain.error})`
      : ((at && ledger.failed.get(at.label)) ?? ledger.failed.get(request.label) ?? 'not attempted');
    result.failures.push({ label: request.label, error });
    // Only what was sent: a request never attempted (or held back by the rate limit) changed nothing.
    if (!error.startsWith('not attempted') && !error.includes(': not sent: '))
      audit?.({ label: request.label, outcome: uncertain ? 'unknown' : 'failed', reason: error });
  }
  return result;
}
