// generate and batch with dry-run: what would be sent, nothing sent. The health check and the token
// check (read-only) have run; no create request goes out, no CSV is written, no audit line either.
// The admin rate limit is counted as the real run counts it (KeyIssuer's announceRateLimit): what
// fits the window now, the rest only when on-rate-limit is wait and max-wait-seconds covers the wait.

import type { Options } from '../config/options.js';
import type { QuotaProxy } from '../quota-proxy/client.js';
import type { CreateKeyRequest } from '../quota-proxy/types.js';
import type { Report } from '../report/report.js';
import { plannedTable } from '../report/tables.js';
import type { Logger } from '../shared/log.js';
import { isoSeconds, waitText } from '../transport/retry.js';

/** What a dry run needs of the run (a command's context satisfies it). */
export interface DryRunContext {
  options: Pick<Options, 'onRateLimit'>;
  api: QuotaProxy;
  log: Logger;
  report: Report;
}

/** How many of `keys` keys the real run would create under the admin rate limit, and why. */
function rateLimitOutcome(ctx: DryRunContext, keys: number): { creates: number; text: string } {
  const { api, options } = ctx;
  const perRequest = api.known?.capabilities.maxKeysPerCreate ?? 1;
  const requests = Math.ceil(keys / perRequest);
  const plan = api.rateLimitPlan(requests);
  if (!plan) return { creates: keys, text: 'none announced by the server so far' };
  const perWindow = plan.limit ? ` (${plan.limit} per window)` : '';
  const window = `${plan.available} request(s) left until ${isoSeconds(plan.resetAt)}${perWindow}`;
  if (plan.fits) return { creates: keys, text: `${window}: all ${requests} fit now` };
  const fit = Math.min(keys, plan.available * perRequest);
  const now = `${window}: ${plan.available} of ${requests} fit now; the other ${requests - plan.available}`;
  const left = api.waitBudgetLeft();
  const why =
    options.onRateLimit === 'fail'
      ? 'on-rate-limit is fail'
      : plan.waitMs > left
        ? `waiting ${waitText(plan.waitMs)} for the next window exceeds what max-wait-seconds leaves ` +
          `(${Math.floor(left / 1000)} s)`
        : undefined;
  if (why)
    return { creates: fit, text: `${now} would not be sent (${why}): run again after ${isoSeconds(plan.resetAt)}` };
  const windows = plan.limit ? Math.ceil((requests - plan.available) / plan.limit) : 1;
  const more = windows > 1 ? ` and ${windows - 1} more window(s) after it, each within max-wait-seconds` : '';
  return { creates: keys, text: `${now} after waiting ${waitText(plan.waitMs)} for the next window${more}` };
}

/** The report of a dry run: count, labels, limits, create requests and the rate-limit plan. */
export function wouldIssue(ctx: DryRunContext, requests: CreateKeyRequest[]): Report {
  const { api, log, report } = ctx;
  const perRequest = api.known?.capabilities.maxKeysPerCreate ?? 1;
  const sent = Math.ceil(requests.length / perRequest);
  const { creates, text: rateLimit } = rateLimitOutcome(ctx, requests.length);
  Object.assign(report.outputs, { 'csv-path': '', 'created-count': '0', 'failed-count': '0' });
  report.facts
    .set('dry_run', 'yes: nothing was created (no create request was sent, no CSV written)')
    .set('would_create', creates)
    .set('would_not_create', creates < requests.length ? requests.length - creates : undefined)
    .set('create_requests', `${sent}${perRequest > 1 ? ` (up to ${perRequest} keys each)` : ''}`)
    .set('rate_limit', rateLimit);
  const rest = creates === requests.length ? 'would be created too' : 'not shown (the counts above say which go)';
  const row = report.open(plannedTable(rest));
  for (const [i, r] of requests.entries())
    row({ ...r, result: i < creates ? 'would create' : 'would not be created (rate limit)' });
  const labels = requests.length > 1 ? `${requests[0]!.label} … ${requests.at(-1)!.label}` : requests[0]?.label;
  log.info(
    `Dry run: would create ${creates} of ${requests.length} key(s) in ${sent} request(s) (${labels}); rate limit: ` +
      `${rateLimit}.`,
  );
  return report;
}
