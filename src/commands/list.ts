// list: every key (optionally only labels starting with label-prefix), page by page as the server
// pages. Each key goes straight into the CSV (when output is set) and to the report's table, whose
// rows stream to the channels as they come: 100,000 keys are never held.
import { CsvWriter, csvRow } from '../output/csv.js';
import { limitOf, serverWideLimit, unknownLimitText } from '../report/limit.js';
import { type KeyRow, keysTable } from '../report/tables.js';
import { shortenKey } from '../shared/redact.js';
import type { CommandContext } from './contract.js';

export async function runList(ctx: CommandContext) {
  const { options, api, log, server, report } = ctx;
  // Opened by run() before the first request when output is given.
  const csv = ctx.csv ?? (options.outputGiven ? new CsvWriter(options.output) : undefined);
  const rest = csv ? 'in the CSV' : 'not shown (set output to get every key in a CSV)';
  // Opened at the first page, when the flavor (and so the fields its keys carry) is known.
  let row: ((r: KeyRow) => void) | undefined;
  const serverWide = serverWideLimit(options.serverDailyLimit);
  let seen = 0;
  let listed = 0;
  ctx.progress.start(0, 'keys listed');
  try {
    for await (const page of api.listKeys()) {
      await report.drained(); // a slow reader of stdout holds the listing back, not memory
      ctx.progress.tick(page.length);
      const capabilities = api.known!.capabilities; // a listed page means the flavor is known
      row ??= report.open(keysTable(rest, capabilities));
      for (const key of page) {
        seen += 1;
        if (!key.label.startsWith(options.labelPrefix)) continue;
        listed += 1;
        const limit = limitOf(key, capabilities, serverWide);
        if (csv && !csv.write(csvRow(key, { limit, server }))) await csv.drained();
        row!({ ...key, key: shortenKey(key.key), limit });
      }
    }
  } catch (error) {
    // Half a list is not a list: no CSV rather than one that silently misses keys.
    await csv?.discard();
    throw error;
  } finally {
    ctx.progress.done();
  }
  if (csv) await csv.close();
  row ??= report.open(keysTable(rest, api.known?.capabilities));
  report.outputs['listed-count'] = String(listed);
  report.facts
    .set('label_prefix', options.labelPrefix || undefined)
    .set('listed', options.labelPrefix ? `${listed} of ${seen}` : listed);
  const capabilities = api.known?.capabilities;
  if (capabilities && !capabilities.perKeyDailyLimit && !capabilities.lifetimeQuota && !options.serverDailyLimit)
    report.facts.set('daily_limit', `${serverWide.value} (assumed): ${unknownLimitText(api.known!.flavor)}`);
  if (capabilities?.lifetimeQuota)
    report.facts.set('limit', 'lifetime quota per key (used / total); this server has no daily limits');
  if (csv) {
    report.outputs['csv-path'] = csv.path;
    report.csvPath = csv.path;
    report.facts.set('csv', csv.path);
  }
  log.info(
    `Listed ${listed} key(s)${options.labelPrefix ? ` labelled ${options.labelPrefix}…, of ${seen}` : ''}` +
      `${csv ? `; CSV: ${csv.path}` : ''}`,
  );
  return report;
}
