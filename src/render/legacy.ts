// `--format legacy`: the old tool's text lines, which its users' scripts parse: its rotation recipe
// cuts `list` lines at `|` and greps `创建: <date>`; its cron recipe greps `使用率: NN%` in `usage`.
// One line per key (list, usage, monitor), streamed as the rows come; a `|` in a label is shown as
// `¦` so the fields stay put (line breaks and control characters are the line writer's to escape).
// Keys are shortened, as everywhere.
import type { Command } from '../config/commands.js';
import type { FactName } from '../report/facts.js';
import type { Limit } from '../report/limit.js';
import type { Report, RowSink } from '../report/report.js';
import type { KeyRow, TableSpec, TrendRow, UsageRow } from '../report/tables.js';

/** The commands the old tool printed lines for; the others print as without --format legacy. */
export const LEGACY_COMMANDS: readonly Command[] = ['list', 'usage', 'monitor'];

const flat = (text: string) => text.replace(/\|/g, '¦');

/** `2026-11-26 09:50:31 UTC` */
function utcDateTime(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

const SOURCE = { assumed: ' (假定)', learned: ' (推断)', key: '', given: '' } as const;

/**
 * `200/日`; `200/日 (假定)` assumed, `30/日 (推断)` learned from the usage rows (as `200 (assumed)`
 * elsewhere); `未知/日` where nobody knows it; `1000 总额度` for a lifetime quota.
 */
function limitText(limit: Limit): string {
  if (limit.kind === 'lifetime') return `${limit.value ?? '?'} 总额度`;
  return limit.value === undefined ? '未知/日' : `${limit.value}/日${SOURCE[limit.source]}`;
}

/** `<key> | 标签: <label> | 创建: <YYYY-MM-DD HH:MM:SS UTC> | 限制: <limit>` */
export function listLine(row: KeyRow): string {
  return `${row.key} | 标签: ${flat(row.label)} | 创建: ${utcDateTime(row.createdAt)} | 限制: ${limitText(row.limit)}`;
}

/** `<key> | 标签: <label> | 请求: 160 | 限制: 200/日 | 使用率: 80%` (lifetime quotas add `已用: N`). */
export function usageLine(row: Pick<UsageRow, 'key' | 'label' | 'requests' | 'limit' | 'percent'>): string {
  const used = row.limit.kind === 'lifetime' ? ` | 已用: ${row.limit.used ?? '?'}` : '';
  const percent = row.percent === undefined ? '-' : `${row.percent}%`;
  return (
    `${row.key} | 标签: ${flat(row.label)} | 请求: ${row.requests} | 限制: ${limitText(row.limit)}${used} | ` +
    `使用率: ${percent}`
  );
}

/** usage --days: the day's usage line, then the N days after `使用率` (scripts still find its fields). */
function trendLine(row: TrendRow, days: number): string {
  const reach = row.reaches === '' ? '-' : row.reaches === 'reached' ? '已达' : row.reaches;
  return `${usageLine(row)} | ${days}天请求: ${row.total} | 达限: ${reach}`;
}

/**
 * `日期: 2026-11-26 | 总请求: 1234 | 活跃密钥: 5 | 总密钥: 20 | 告警: 1 (阈值 80%)`; the date is the
 * server's day, or where it keeps none (v10's lifetime quotas) the day of the run, as the old tool.
 */
function totalsLine(report: Report, today: string): string {
  const fact = (name: FactName) => report.facts.get(name) ?? '';
  return (
    `日期: ${fact('day') || today} | 总请求: ${fact('requests')} | 活跃密钥: ${fact('keys_used')} | 总密钥: ` +
    `${fact('keys')} | 告警: ${report.alerts.filter((a) => a.kind === 'threshold').length} (阈值 ` +
    `${fact('alert_threshold')})`
  );
}

/** The old tool's lines as a row sink: `write` gets each line; `finish` adds the totals. */
export class LegacyLines implements RowSink {
  private spec?: TableSpec<never>;

  constructor(
    private readonly command: Command,
    private readonly write: (line: string) => void,
    /** The run's local day (YYYY-MM-DD), for a server that keeps no days. */
    private readonly today: string,
  ) {}

  open(table: TableSpec<never>, report: Report): void {
    this.spec = table;
    // monitor opens with when it looked and the totals, then its busiest keys.
    if (this.command === 'monitor')
      this.write(`时间: ${report.facts.get('checked_at') ?? ''} | ${totalsLine(report, this.today)}`);
  }

  row(row: unknown): void {
    const kind = this.spec?.kind;
    if (kind === 'keys') this.write(listLine(row as KeyRow));
    else if (kind === 'usage') this.write(usageLine(row as UsageRow));
    else if (kind === 'trend') this.write(trendLine(row as TrendRow, this.spec?.days ?? 0));
  }

  /** After the run: usage's totals and its days (the report's, complete now). */
  finish(report: Report): void {
    if (this.command !== 'usage' || !this.spec) return;
    this.write(totalsLine(report, this.today));
    for (const day of report.days ?? [])
      this.write(`趋势: ${day.day} | 请求: ${day.requests} | 活跃密钥: ${day.keysUsed}`);
  }
}
