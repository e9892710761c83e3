// What issueKeys (./key-issuer.ts) needs and what it answers: the services a batch uses and what became of
// each request.
import type { Audit } from '../output/audit.js';
import type { QuotaProxy } from '../quota-proxy/client.js';
import type { TrialKey } from '../quota-proxy/types.js';
import type { Cancellation } from '../shared/cancel.js';
import type { Logger } from '../shared/log.js';

export interface IssueServices {
  api: QuotaProxy;
  log: Logger;
  /** Receives each key for the CSV as soon as it is known (created, or found on the server). */
  sink: (key: TrialKey) => void;
  /** Once cancelled, no new request starts. */
  cancellation?: Cancellation;
  /**
   * Labels ending with `-<ownSuffix>` are this invocation's (../config/labels.ts): reconciliation may adopt,
   * create again or delete under them, and under no other label. Default: none is.
   */
  ownSuffix?: string;
  /** `retries`: reconciliation creates a label again at most this many times. Default 3. */
  retries?: number;
  onRateLimit?: 'wait' | 'fail';
  /** How to make what the rate limit held back, after "run again after <time>" (` with \`quota-keys …\``). */
  runAgain?: string;
  /** Each key created (as it arrives) and each create that failed or stayed unknown (at the end). */
  audit?: Audit;
}

export interface IssueResult {
  requested: number;
  /** Every key now in the CSV for these requests: created, found on the server, or re-exported. */
  created: TrialKey[];
  /** The requests without a key, with why. */
  failures: Array<{ label: string; error: string }>;
  /** The key each request got, by the request's label (a native batch's keys carry their chunk's label). */
  assigned: Map<string, TrialKey>;
  /** Keys found on the server after their create failed with an unknown outcome. */
  adopted: number;
  /** Keys an earlier attempt of this run made, exported again. */
  reexported: number;
  /**
   * Labels whose create had an unknown outcome that could not be checked (cancelled, listing failed, a label not
   * ours).
   */
  unresolved: string[];
  /** Keys beyond those asked for under one of our labels (a create that went through after all) that were deleted. */
  duplicatesDeleted: number;
  /** Keys the server answered again for another create: counted once, and an error. */
  repeatedKeys: number;
  /** When keys were held back for the admin rate limit: the time its window ends, to run again after. */
  heldBackUntil?: string;
  cancelled: boolean;
}

/** The result before the first request: nothing created, nothing failed. */
export function emptyResult(requested: number): IssueResult {
  return {
    requested,
    created: [],
    failures: [],
    assigned: new Map(),
    adopted: 0,
    reexported: 0,
    unresolved: [],
    duplicatesDeleted: 0,
    repeatedKeys: 0,
    cancelled: false,
  };
}
