// The text lines of the old tool (the bash script quota-keys replaces), which its users' scripts
// parse: its rotation script cuts `list` lines at `|` and greps `创建: <date>`; its cron job greps
// `使用率: NN%` in `usage`. Keys appear only shortened; labels are flattened so that one key stays
// one line and a `|` in a label cannot shift the fields.
import type { Limit } from '../reading/limits.js';
import { shortenKey } from '../shared/redact.js';

/**
 * A label in a line: `|` as `¦`, so the fields stay put. Line breaks and other control characters
 * are left to the line's channel, which shows them escaped (one key, one line: shared/neutralise.ts).
 */
export function flat(text: string): string {
  return text.replace(/\|/g, '¦');
}

/** `2026-11-26 09:50:31 UTC` */
export function utcDateTime(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/** `200/日`, `未知/日` for a server-wide limit nobody gave, or `1000 总额度` for a lifetime quota. */
export function limitText(limit: Limit): string {
  if (limit.kind === 'daily') return `${limit.value ?? '未知'}/日`;
  return `${limit.value ?? '?'} 总额度`;
}

/** `<shortened key> | 标签: <label> | 创建: <YYYY-MM-DD HH:MM:SS UTC> | 限制: <limit>/日` */
export function listLine(key: { key: string; label: string; createdAt: Date }, limit: Limit): string {
  return (
    `${shortenKey(key.key)} | 标签: ${flat(key.label)} | 创建: ${utcDateTime(key.createdAt)} | 限制: ` +
    `${limitText(limit)}`
  );
}

export interface UsageLineRow {
  key: string;
  label: string;
  requests: number;
  limit: Limit;
  percent?: number;
}

/** `<shortened key> | 标签: <label> | 请求: 160 | 限制: 200/日 | 使用率: 80%` (lifetime quotas add `已用: N`). */
export function usageLine(row: UsageLineRow): string {
  const used = row.limit.kind === 'lifetime' ? ` | 已用: ${row.limit.used ?? '?'}` : '';
  const percent = row.percent === undefined ? '-' : `${row.percent}%`;
  return (
    `${shortenKey(row.key)} | 标签: ${flat(row.label)} | 请求: ${row.requests} | 限制: ` +
    `${limitText(row.limit)}${used} | 使用率: ${percent}`
  );
}

export interface UsageTotals {
  day: string;
  totalRequests: number;
  activeKeys: number;
  totalKeys: number;
  alerts: number;
  threshold: number;
}

/** `日期: 2026-11-26 | 总请求: 1234 | 活跃密钥: 5 | 总密钥: 20 | 告警: 1 (阈值 80%)` */
export function totalsLine(totals: UsageTotals): string {
  return (
    `日期: ${totals.day} | 总请求: ${totals.totalRequests} | 活跃密钥: ${totals.activeKeys} | 总密钥: ` +
    `${totals.totalKeys} | 告警: ${totals.alerts} (阈值 ${totals.threshold}%)`
  );
}
