// delete: removes the key given, or the key(s) `name` resolves to (see resolve-keys.ts).
// v1a has no delete endpoint: refused as soon as the flavor is known, before any DELETE.

import type { TrialKey } from '../quota-proxy/types.js';
import { type Resolution, refuseWithoutDelete, resolveKeys } from '../reading/resolve-keys.js';
import { outcomeTable } from '../report/tables.js';
import { forEachBounded } from '../shared/bounded.js';
import { errorMessage } from '../shared/errors.js';
import { shortenKey } from '../shared/redact.js';
import type { CommandContext } from './contract.js';

/** Keys named in the dry run's log line; the table has them all. */
const LOGGED_KEYS = 20;

/**
 * Step (dry-run): the keys resolved, each `would delete`; no DELETE is sent. A key given as such is
 * looked up in the key list (read-only), so a dry run fails where the delete would.
 */
async function wouldDelete(ctx: CommandContext, resolution: Resolution) {
  const { api, log, report } = ctx;
  let { keys } = resolution;
  if (resolution.by === 'key') {
    let found: TrialKey | undefined;
    try {
      for await (const page of api.listKeys()) found ??= page.find((k) => k.key === keys[0]!.key);
    } catch (error) {
      return report.fail(`Could not look the key up: ${errorMessage(error)}`);
    }
    if (!found) return report.fail(`The server has no key ${shortenKey(keys[0]!.key)}.`);
    keys = [found];
  }
  report.facts
    .set('dry_run', 'yes: nothing was deleted (no DELETE was sent)')
    .set('resolved_by', resolution.by)
    .set('would_delete', keys.length);
  const row = report.open(outcomeTable({ created: true, replacement: false }));
  for (const k of keys)
    row({ label: k.label ?? '', key: shortenKey(k.key), createdAt: k.createdAt, result: 'would delete' });
  const shown = keys.slice(0, LOGGED_KEYS).map((k) => shortenKey(k.key));
  log.info(`Dry run: would delete ${shown.join(', ')}${keys.length > LOGGED_KEYS ? ', …' : ''}.`);
  return report;
}

export async function runDelete(ctx: CommandContext) {
  const { options, api, log, report } = ctx;
  if (options.key) log.secret(options.key, 'key');
  report.outputs['deleted-count'] = '0';
  let resolution: Resolution;
  try {
    resolution = await resolveKeys(
      api,
      { key: options.key, name: options.nameGiven, allMatching: options.allMatching },
      { operation: 'delete', onFlavor: (adapter) => refuseWithoutDelete(adapter, 'delete') },
    );
  } catch (error) {
    return report.fail(errorMessage(error));
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
  const row = report.open(outcomeTable({ created: true, replacement: false }));
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
      reason = errorMessage(error);
      failures.push(`${short}: ${reason}`);
      result = 'failed';
    }
    ctx.audit?.({ label: key.label, key: key.key, outcome: result, reason });
    row({ label: key.label ?? '', key: short, createdAt: key.createdAt, result });
    ctx.progress.tick();
  });
  ctx.progress.done();

  report.outputs['deleted-count'] = String(deleted);
  report.facts.set('resolved_by', resolution.by).set('deleted', deleted);
  if (failures.length > 0)
    return report.fail(
      `${failures.length} of ${resolution.keys.length} key(s) could not be deleted (first: ` +
        `${failures[0]}); ${deleted} deleted.`,
    );
  if (missing.length > 0)
    return report.fail(
      `The server has no key ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''} ` +
        `(already deleted?); ${deleted} deleted.`,
    );
  return report;
}
