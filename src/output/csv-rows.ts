// How the CSV's rows are written: csv-stringify, RFC 4180 with CRLF. A cell with a comma, a quote or
// a line break is quoted (a bare LF or CR too: a reader takes it as a new row, and a label `x\n=cmd`
// would start one with a formula). Every cell may come from people or a server, the key too: all are
// formula-protected, by our rule (csv-stringify's `escape_formulas` leaves a leading LF alone).
// ./csv.ts imports this module when a writer is opened, so a command that writes no CSV never loads it.
import { stringify } from 'csv-stringify/sync';

/** OWASP CSV injection: a cell a spreadsheet would run as a formula gets a leading quote. */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r\n]/.test(value) ? `'${value}` : value;
}

/**
 * Rows of `columns` (arrays of cells in that order) as CSV text, each row ended by CRLF; the header
 * first when `header` (alone when there is no row). csv-stringify's sync API, a group of rows a call:
 * a row at a time through its stream cost more CPU in stream machinery (docs/performance.md).
 */
export function csvText(rows: readonly string[][], columns: readonly string[], header: boolean): string {
  return stringify(rows as string[][], {
    columns: [...columns],
    header,
    record_delimiter: '\r\n',
    // Off by default once record_delimiter is given: a bare LF or CR would go unquoted.
    quote_record_delimiter: true,
    cast: { string: neutraliseFormula },
  });
}
