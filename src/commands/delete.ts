// delete: removes the key given, or the key(s) `name` resolves to (see resolve-keys.ts).
// v1a has no delete endpoint: refused as soon as the flavor is known, before any DELETE.

import { compareLabels } from '../issuing/labels.js';
import type { FlavorAdapter, TrialKey } from '../quota-proxy/types.js';
import { Refusal, type Resolution, resolveKeys } from '../reading/resolve-keys.js';
import { forEachBounded } from '../shared/bounded.js';
import { shortenKey } from '../shared/redact.js';
import type { CommandContext, RunReport } from './contract.js';

/** Throws the one-line refusal when the flavor cannot delete keys. */
export function refuseWithoutDelete(adapter: FlavorAdapter, operation: string): void {
  if (!adapter.capabilities.delete) {
    throw new Refusal(
      `The ${adapter.flavor} quota-proxy flavor has no delete endpoint: ${operation} refused, nothing was ` +
        `deleted (remove keys on the server itself).`,
    );
  }
}

/** Keys named in the dry run's log line; the table has them all. */
const LOGGED_KEYS = 20;

export const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Step (dry-run): the keys resolved, each `would delete`; no DELETE is sent. A key given as such is
 * looked up in the key list (read-only), so a dry run fails where the delete would.
 */
async function wouldDelete(ctx: CommandContext, resolution: Resolution): Promise<RunReport> {
  const { api, log, outputs, summary } = ctx;
  let { keys } = resolution;
  if (resolution.by === 'key') {
    let found: TrialKey | undefined;
    try {
      for await (const page of api.listKeys()) found ??= page.find((k) => k.key === keys[0]!.key);
    } catch (error) {
      return { ok: false, failure: `Could not look the key up: ${errorText(error)}`, outputs, summary };
    }
    if (!found) return { ok: false, failure: `The server has no key ${shortenKey(keys[0]!.key)}.`, outputs, summary };
    keys = [found];
  }
  summary.facts.push(
    ['Dry run', 'yes: nothing was deleted (no DELETE was sent)'],
    ['Resolved by', resolution.by],
    ['Would delete', String(keys.length)],
  );
  summary.table = {
    head: ['Label', 'Key', 'Created (UTC)', 'Result'],
    rows: keys.map((k) => [k.label ?? '', shortenKey(k.key), k.createdAt?.toISOString() ?? '', 'would delete']),
  };
  const shown = keys.slice(0, LOGGED_KEYS).map((k) => shortenKey(k.key));
  log.info(`Dry run: would delete ${shown.join(', ')}${keys.length > LOGGED_KEYS ? ', …' : ''}.`);
  return { ok: true, outputs, summary };
}

export async function runDelete(ctx: CommandContext): Promise<RunReport> {
  const { options, api, log, outputs, summary } = ctx;
  if (options.key) log.secret(options.key, 'key');
  outputs['deleted-count'] = '0';
  let resolution: Resolution;
  try {
    resolution = await resolveKeys(
      api,
      { key: options.key, name: options.nameGiven, allMatching: options.allMatching },
      { operation: 'delete', onFlavor: (adapter) => refuseWithoutDelete(adapter, 'delete') },
    );
  } catch (error) {
    return { ok: false, failure: errorText(error), outputs, summary };
  }
  for (const key of resolution.keys) log.secret(key.key, 'key');
  if (resolution.by !== 'key')
    log.info(
      `"${options.nameGiven}" is ` +
        `${resolution.by === 'label' ? `the label of ${resolution.keys.length} key(s)` : `a ${resolution.by}`}.`,
    );
  if (options.dryRun) return await wouldDelete(ctx, resolution);

  let deleted = 0;
  const missing: string[] = [];
  const failures: string[] = [];
  const rows: string[][] = [];
  ctx.progress.start(resolution.keys.length, 'keys deleted');
  await forEachBounded(resolution.keys, options.concurrency, async (key) => {
    const short = shortenKey(key.key);
    let result: 'deleted' | 'not found' | 'failed';
    let reason: string | undefined;
    try {
      if (await api.deleteKey(key.key)) {
        deleted += 1;
        result = 'deleted';
        log.info(`Deleted ${short}${key.label ? ` (${key.label})` : ''}.`);
      } else {
        missing.push(short);
        result = 'not found';
      }
    } catch (error) {
      reason = errorText(error);
      failures.push(`${short}: ${reason}`);
      result = 'failed';
    }
    ctx.audit?.({ label: key.label, key: key.key, outcome: result, reason });
    rows.push([key.label ?? '', short, key.createdAt?.toISOString() ?? '', result]);
    ctx.progress.tick();
  });
  ctx.progress.done();

  outputs['deleted-count'] = String(deleted);
  summary.facts.push(['Resolved by', resolution.by], ['Deleted', String(deleted)]);
  // By label: deletes finish in any order.
  summary.table = {
    head: ['Label', 'Key', 'Created (UTC)', 'Result'],
    rows: rows.sort((a, b) => compareLabels(a[0]!, b[0]!)),
  };
  if (failures.length > 0) {
    return {
      ok: false,
      failure:
        `${failures.length} of ${resolution.keys.length} key(s) could not be deleted (first: ` +
        `${failures[0]}); ${deleted} deleted.`,
      outputs,
      summary,
    };
  }
  if (missing.length > 0) {
    return {
      ok: false,
      failure:
        `The server has no key ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''} ` +
        `(already deleted?); ${deleted} deleted.`,
      outputs,
      summary,
    };
  }
  return { ok: true, outputs, summary };
}
