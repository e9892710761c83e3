// Reading back a keys CSV this tool wrote (`batch --resume`): RFC 4180 as ./csv.ts writes it — rows
// ending in CRLF (LF and CR taken too), a cell quoted when it holds a comma, a quote or a line break,
// quotes inside doubled — and the `'` csv.ts puts before a formula character taken off again.

/** The rows of `text`, each a list of cells; undefined when it is not well-formed CSV. */
export function parseCsv(text: string): string[][] | undefined {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const plainEnd = /[,\r\n]/g;
  while (i < text.length) {
    let cell = '';
    if (text[i] === '"') {
      for (i += 1; ; ) {
        const quote = text.indexOf('"', i);
        if (quote < 0) return undefined; // a quote left open
        cell += text.slice(i, quote);
        i = quote + 1;
        if (text[i] !== '"') break;
        cell += '"';
        i += 1;
      }
    } else {
      plainEnd.lastIndex = i;
      const end = plainEnd.exec(text)?.index ?? text.length;
      cell = text.slice(i, end);
      if (cell.includes('"')) return undefined;
      i = end;
    }
    row.push(cell);
    if (text[i] === ',') {
      i += 1;
      if (i === text.length) row.push('');
      else continue;
    } else if (i < text.length) {
      if (text[i] !== '\r' && text[i] !== '\n') return undefined; // text after a closing quote
      i += text.startsWith('\r\n', i) ? 2 : 1;
    }
    rows.push(row);
    row = [];
  }
  return rows;
}

/** A cell as it was before ./csv.ts protected it from spreadsheets (`'=…` → `=…`). */
export function unprotectCell(cell: string): string {
  return /^'[=+\-@\t\r\n]/.test(cell) ? cell.slice(1) : cell;
}
