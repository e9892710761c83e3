// list: every key (optionally only labels starting with label-prefix), page by page as the server
// pages. Each key goes straight into the CSV (when output is set) and into the old tool's text line;
// only the first rows of the summary table are kept, so 10,000+ keys are never held twice.
import { CsvWriter, csvRow } from '../output/csv.js';
import { listLine } from '../output/seed-lines.js';
import type { TrialKey } from '../quota-proxy/types.js';
import { dailyLimitOf, type Limit, limitOf, unknownLimitText } from '../reading/limits.js';
import { shortenKey } from '../shared/redact.js';
import type { CommandContext, RunReport } from './contract.js';

/** Rows kept for the summary table: the job summary shows 200; terminals get every key as a line. */
const TABLE_ROWS = 200;

function limitCell(limit: Limit): string {
  if (limit.kind === 'daily') return String(limit.value ?? 'unknown');
  return `${limit.used ?? '?'} / ${limit.value ?? '?'} total`;
}

function tableRow(key: TrialKey, limit: Limit): string[] {
  return [
    key.label,
    shortenKey(key.key),
    limitCell(limit),
    key.createdAt.toISOString(),
    key.expiresAt ? key.expiresAt.toISOString() : '',
    key.usedToday === undefined ? '' : String(key.usedToday),
    key.status ?? '',
  ];
}

export async function runList(ctx: CommandContext): Promise<RunReport> {
  const { options, api, log, server, outputs, summary } = ctx;
  // Opened by run() before the first request when output is given.
  const csv = ctx.csv ?? (options.outputGiven ? new CsvWriter(options.output) : undefined);
  const rows: string[][] = [];
  const lines: string[] = [];
  let seen = 0;
  let listed = 0;
  ctx.progress.start(0, 'keys listed');
  try {
    for await (const page of api.listKeys()) {
      ctx.progress.tick(page.length);
      const capabilities = api.known!.capabilities; // a listed page means the flavor is known
      for (const key of page) {
        seen += 1;
        if (!key.label.startsWith(options.labelPrefix)) continue;
        listed += 1;
        const limit = limitOf(key, capabilities, options.serverDailyLimit);
        if (csv && !csv.write(csvRow(key, { dailyLimit: dailyLimitOf(limit), server }))) await csv.drained();
        // Copied into one flat string: the template's pieces kept alive took twice the memory (100,000
        // lines: 40 MB against 20 MB).
        lines.push(Buffer.from(listLine(key, limit)).toString());
        if (rows.length < TABLE_ROWS) rows.push(tableRow(key, limit));
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

  outputs['listed-count'] = String(listed);
  if (options.labelPrefix) summary.facts.push(['Label prefix', options.labelPrefix]);
  summary.facts.push(['Listed', options.labelPrefix ? `${listed} of ${seen}` : String(listed)]);
  const capabilities = api.known?.capabilities;
  if (capabilities && !capabilities.perKeyDailyLimit && !capabilities.lifetimeQuota) {
    summary.facts.push([
      'Daily limit',
      options.serverDailyLimit === undefined
        ? unknownLimitText(api.known!.flavor)
        : `server-wide ${options.serverDailyLimit} (server-daily-limit; this server has no per-key limits)`,
    ]);
  }
  if (capabilities?.lifetimeQuota)
    summary.facts.push(['Limit', 'lifetime quota per key (used / total); this server has no daily limits']);
  if (csv) {
    outputs['csv-path'] = csv.path;
    summary.facts.push(['CSV', csv.path]);
  }
  if (listed > rows.length)
    summary.facts.push([
      'Table',
      `the first ${rows.length} of ${listed} keys${csv ? ' (all of them are in the CSV)' : ''}`,
    ]);
  summary.table = {
    head: ['Label', 'Key', 'Daily limit', 'Created (UTC)', 'Expires (UTC)', 'Used today', 'Status'],
    rows,
    total: listed,
    rest: csv ? 'in the CSV' : 'not shown (set output to get every key in a CSV)',
  };
  summary.lines = lines;
  log.info(
    `Listed ${listed} key(s)${options.labelPrefix ? ` labelled ${options.labelPrefix}…, of ${seen}` : ''}` +
      `${csv ? `; CSV: ${csv.path}` : ''}`,
  );
  return { ok: true, outputs, summary, csvPath: csv?.path };
}
