// `batch --resume FILE`: completes the batch FILE records (./batch-file.ts) under its own labels.
// One listing of the server's keys decides, by ./batch-numbers.ts, which number has its key: FILE's
// keys first, then a key under one of the batch's labels that FILE lacks (a create whose answer was
// lost) is the batch's and goes into FILE, while one made after the batch's own is not and stays
// out, named. A key of FILE no longer on the server leaves its number missing. Only the missing
// numbers are created, with the same labels — never under a label that holds keys not the batch's,
// which the run's reconciliation would otherwise count as its own.

import type { BatchFile } from '../config/batch-file.js';
import { parseBatchLabel } from '../config/labels.js';
import { DEFAULT_LIMIT, type Options } from '../config/options.js';
import { DEFAULT_TIERS } from '../config/values.js';
import type { CreateKeyRequest, TrialKey } from '../quota-proxy/types.js';
import { errorMessage } from '../shared/errors.js';
import { shortenKey } from '../shared/redact.js';
import { shellQuote } from '../shared/text.js';
import { numberBatchKeys, surplusWarnings } from './batch-numbers.js';
import type { CarriedOver, IssueContext } from './issue-keys.js';

/** The server's keys under the batch's labels, by label; FILE's keys that are gone added as they were. */
async function batchKeysOnServer(ctx: IssueContext, batch: BatchFile) {
  const byLabel = new Map<string, TrialKey[]>();
  const listed = new Set<string>();
  for await (const page of ctx.api.listKeys()) {
    for (const key of page) {
      const label = parseBatchLabel(key.label);
      if (label?.stem !== batch.stem || label.suffix !== batch.suffix) continue;
      ctx.log.secret(key.key, 'key');
      listed.add(key.key);
      byLabel.set(key.label, [...(byLabel.get(key.label) ?? []), key]);
    }
  }
  const gone = batch.rows.filter((row) => !listed.has(row.key));
  for (const row of gone) byLabel.set(row.label, [...(byLabel.get(row.label) ?? []), row]);
  return { byLabel, listed, gone };
}

/** Step: FILE's keys still on the server and those its lost answers made, and the numbers left to create. */
export async function resumeBatch(
  ctx: IssueContext,
  batch: BatchFile,
  requests: CreateKeyRequest[],
): Promise<CarriedOver> {
  const { api, log } = ctx;
  for (const row of batch.rows) log.secret(row.key, 'key');
  let found: Awaited<ReturnType<typeof batchKeysOnServer>>;
  try {
    found = await batchKeysOnServer(ctx, batch);
  } catch (error) {
    const failure =
      `Could not check the keys of ${batch.file} on the server: ${errorMessage(error)}. Nothing was created and ` +
      `the file is unchanged; run again when the server answers.`;
    return { keys: [], rest: [], failure, fact: { name: 'kept_from_file' } };
  }
  const { byLabel, listed, gone } = found;
  // FILE's keys on the server first, in its order; its keys gone from the server after them.
  const known = new Map(batch.rows.map((row, i) => [row.key, listed.has(row.key) ? i : batch.rows.length + i]));
  const perRequest = api.known?.capabilities.maxKeysPerCreate ?? 1;
  const numbered = numberBatchKeys(byLabel, { perRequest, last: batch.count, known });
  const inFile = new Set(batch.rows.map((row) => row.key));
  const adopted = [...numbered.byNumber.values()].filter((key) => !inFile.has(key.key));
  const rest: CreateKeyRequest[] = [];
  const held: CarriedOver['held'] = [];
  for (const request of requests) {
    const key = numbered.byNumber.get(parseBatchLabel(request.label)!.number);
    if (key && listed.has(key.key)) continue;
    // A label holding keys that are not the batch's: creating under it would add to them.
    if (byLabel.get(request.label)?.some((k) => listed.has(k.key))) {
      held.push({ label: request.label, error: "not created again: its label holds keys that are not the batch's" });
    } else rest.push(request);
  }
  const surplus = numbered.surplus
    .map((s) => ({ ...s, keys: s.keys.filter((k) => !inFile.has(k.key)) }))
    .filter((s) => s.keys.length > 0);
  for (const line of surplusWarnings(surplus, `written to ${batch.file}`, ctx.server)) log.warning(line);
  explain(ctx, batch, { gone, adopted, rest });
  // Every key of FILE still on the server stays in it, in its order (also one beyond its label's numbers).
  const onServer = new Map([...byLabel.values()].flat().map((key) => [key.key, key]));
  const kept = batch.rows.filter((row) => listed.has(row.key)).map((row) => onServer.get(row.key)!);
  return {
    keys: [...kept, ...adopted],
    rest,
    held,
    adopted: adopted.length,
    fact: { name: 'kept_from_file', note: ` (${batch.file})` },
  };
}

function explain(
  ctx: IssueContext,
  batch: BatchFile,
  { gone, adopted, rest }: { gone: Array<{ key: string }>; adopted: TrialKey[]; rest: CreateKeyRequest[] },
): void {
  const { log } = ctx;
  const shown = (keys: Array<{ key: string }>) =>
    `${keys
      .slice(0, 5)
      .map((k) => shortenKey(k.key))
      .join(', ')}${keys.length > 5 ? ', …' : ''}`;
  if (gone.length > 0)
    log.warning(
      `${gone.length} key(s) of ${batch.file} are no longer on the server (${shown(gone)}): left out of it, and ` +
        `their numbers are created again under their labels.`,
    );
  if (adopted.length > 0)
    log.warning(
      `${adopted.length} key(s) under the batch's labels were on the server but not in ${batch.file} (a create ` +
        `whose answer was lost): ${shown(adopted)}; added to it.`,
    );
  log.info(
    `Resuming the batch ${batch.file} records (${batch.stem}-<NNN>-${batch.suffix}, ${batch.count} keys): ` +
      `creating the ${rest.length} missing.`,
  );
}

/**
 * The command that resumes this batch: `quota-keys batch --resume FILE --url …` with the flags that
 * shape its keys as given (the token is not repeated: from ADMIN_TOKEN, or a placeholder).
 */
export function resumeCommand(options: Options, server: string): string {
  const words = ['quota-keys batch --resume', shellQuote(options.output), '--url', shellQuote(server)];
  const { tier, tiers } = options;
  if (options.tokenSource === '--token') words.push("--token '<admin token>'");
  if (options.serverFlavor) words.push('--server-flavor', options.serverFlavor);
  if (tier) words.push('--tier', shellQuote(tier));
  if (tier && DEFAULT_TIERS[tier] !== tiers[tier])
    words.push('--tiers', shellQuote(JSON.stringify({ [tier]: tiers[tier] })));
  if (options.limit !== (tier ? tiers[tier] : DEFAULT_LIMIT)) words.push('--limit', String(options.limit));
  if (options.limitAsTotalQuota) words.push('--limit-as-total-quota');
  if (options.expiresInDays !== undefined) words.push('--expires-in-days', String(options.expiresInDays));
  if (options.serverDailyLimit !== undefined) words.push('--server-daily-limit', String(options.serverDailyLimit));
  if (options.skipHealthCheck) words.push('--skip-health-check');
  return words.join(' ');
}
