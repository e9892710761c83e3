// The run report as GitHub job-summary markdown.
import type { Summary } from '../commands/contract.js';

const MAX_ROWS = 200;

const escapeCell = (text: string) =>
  text.replace(/[|\\`*_<>[\]]/g, (c) => `\\${c}`).replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');

export function summaryMarkdown(summary: Summary): string {
  const lines = [`## ${summary.title}`, ''];
  for (const [name, value] of summary.facts) lines.push(`- **${name}:** ${escapeCell(value)}`);
  // Charts go above the table, which may be long.
  if (summary.markdown) lines.push('', summary.markdown);
  if (summary.table && summary.table.rows.length > 0) {
    const { head, rows } = summary.table;
    lines.push('', `| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`);
    for (const row of rows.slice(0, MAX_ROWS)) lines.push(`| ${row.map(escapeCell).join(' | ')} |`);
    if (rows.length > MAX_ROWS)
      lines.push('', `… and ${rows.length - MAX_ROWS} more rows (all of them are in the CSV).`);
  }
  return `${lines.join('\n')}\n`;
}
