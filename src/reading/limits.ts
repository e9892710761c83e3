// What usage rows reveal of a limit: the server-wide limit v1 and v01 do not report, read from where
// the counts stop; and the percent of a limit used. What a limit is: ../report/limit.ts.
import type { UsageRow } from '../quota-proxy/types.js';

/**
 * What the usage rows show of a server-wide limit nobody gave, where refused requests are not
 * counted (v1): no count can pass the limit, so the highest count is a floor; when two or more
 * rows stopped at that same count (of at least 10), keys were most likely refused there: it is
 * probably the limit. A coincidence remains possible, which the summary says.
 */
export interface LimitEvidence {
  atLeast: number;
  /** The count two or more rows stopped at: the limit, as far as the rows show. */
  reached?: number;
  rowsAtLimit: number;
}

/** The lowest count a tie is read as the limit from. */
const MIN_READ_LIMIT = 10;

export function limitEvidence(rows: UsageRow[]): LimitEvidence | undefined {
  let highest = 0;
  let count = 0;
  for (const row of rows) {
    if (row.requests > highest) {
      highest = row.requests;
      count = 1;
    } else if (row.requests === highest) count += 1;
  }
  if (highest === 0) return undefined;
  // Low counts tie by chance on a quiet server (every key used once): no limit is read from those.
  return {
    atLeast: highest,
    reached: count >= 2 && highest >= MIN_READ_LIMIT ? highest : undefined,
    rowsAtLimit: count,
  };
}

/**
 * Percent of the limit used, rounded down, so that the shown number and the alert rule agree:
 * floor(p) ≥ threshold exactly when p ≥ threshold (threshold is whole). Undefined without a limit.
 */
export function percentUsed(used: number | undefined, limit: number | undefined): number | undefined {
  if (used === undefined || limit === undefined || limit <= 0) return undefined;
  return Math.floor((used * 100) / limit);
}
