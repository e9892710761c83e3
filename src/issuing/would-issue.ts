// generate and batch with dry-run: what would be sent, nothing sent. The health check and the token
// check (read-only) have run; no create request goes out, no CSV is written, no audit line either.

import type { CommandContext, RunReport } from '../commands/contract.js';
import { isoSeconds } from '../quota-proxy/retry.js';
import type { CreateKeyRequest } from '../quota-proxy/types.js';

/** Rows of the summary table; the counts cover every request. */
const TABLE_ROWS = 200;

/** The admin rate limit as it stands after the read-only requests, against the creates needed. */
function rateLimitText(ctx: CommandContext, requests: number): string {
  const { api, options } = ctx;
  const plan = api.rateLimitPlan(requests);
  if (!plan) return 'none announced by the server so far';
  const perWindow = plan.limit ? ` (${plan.limit} per window)` : '';
  const window = `${plan.available} request(s) left until ${isoSeconds(plan.resetAt)}${perWindow}`;
  if (plan.fits) return `${window}: all ${requests} fit now`;
  const windows = plan.limit ? Math.ceil((requests - plan.available) / plan.limit) : 1;
  const then =
    options.onRateLimit === 'fail'
      ? 'on-rate-limit is fail: only those would be sent'
      : `the rest would wait for ${windows} more window(s) within max-wait-seconds, else not be sent`;
  return `${window}: ${plan.available} of ${requests} fit now; ${then}`;
}

/** The report of a dry run: count, labels, limits, create requests and the rate-limit plan. */
export function wouldIssue(ctx: CommandContext, requests: CreateKeyRequest[]): RunReport {
  const { api, log, outputs, summary } = ctx;
  const perRequest = api.known?.capabilities.maxKeysPerCreate ?? 1;
  const sent = Math.ceil(requests.length / perRequest);
  const rateLimit = rateLimitText(ctx, sent);
  Object.assign(outputs, { 'csv-path': '', 'created-count': '0', 'failed-count': '0' });
  summary.facts.push(
    ['Dry run', 'yes: nothing was created (no create request was sent, no CSV written)'],
    ['Would create', String(requests.length)],
    ['Create requests', `${sent}${perRequest > 1 ? ` (up to ${perRequest} keys each)` : ''}`],
    ['Rate limit', rateLimit],
  );
  summary.table = {
    head: ['Label', 'Daily limit', 'Expires (UTC)', 'Result'],
    rows: requests
      .slice(0, TABLE_ROWS)
      .map((r) => [r.label, String(r.dailyLimit), r.expiresAt?.toISOString() ?? '', 'would create']),
    // Only the first rows are kept: the job summary then shows no misleading "last" rows.
    total: requests.length,
    rest: 'would be created too',
  };
  if (requests.length > TABLE_ROWS) summary.facts.push(['Table', `the first ${TABLE_ROWS} of ${requests.length} keys`]);
  const labels = requests.length > 1 ? `${requests[0]!.label} … ${requests.at(-1)!.label}` : requests[0]?.label;
  log.info(
    `Dry run: would create ${requests.length} key(s) in ${sent} request(s) (${labels}); rate limit: ${rateLimit}.`,
  );
  return { ok: true, outputs, summary };
}
