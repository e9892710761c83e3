// The batch a keys CSV records, for `batch --resume FILE`: its label stem and suffix (one
// invocation's: the labels the missing numbers get), its count (the `batch_count` column), and its
// keys. The file is untrusted input read before any request: a symlink, anything but a regular file,
// more than a batch's CSV can hold, or rows of more than one batch are refused with the reason.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { parseCsv, unprotectCell } from '../shared/csv-read.js';
import { namesOneInvocation, parseBatchLabel } from './labels.js';

/** 10,000 keys (the largest count) of a few hundred characters each, with room to spare. */
export const MAX_BATCH_FILE_BYTES = 8 * 1024 * 1024;
const MAX_COUNT = 10_000;

export interface BatchFile {
  /** Absolute path. */
  file: string;
  stem: string;
  /** The invocation's label suffix (`c…n…`, `r…a…i…n…`, `p…j…n…`). */
  suffix: string;
  /** The count the batch was asked for. */
  count: number;
  /** Its keys in file order, with the label each was created under. */
  rows: Array<{ label: string; key: string; createdAt: Date }>;
}

/** The file's bytes as text; a reason instead when it is not a regular file of a sensible size. */
function readRegularFile(file: string): string | { refusal: string } {
  let fd: number;
  try {
    // O_NOFOLLOW: a symlink is refused in the same step that opens the file.
    fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { refusal: 'there is no such file' };
    if (code === 'ELOOP') return { refusal: 'it is a symlink; give the file itself' };
    return { refusal: `it cannot be read (${code ?? 'error'})` };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { refusal: stat.isDirectory() ? 'it is a folder' : 'it is not a regular file' };
    if (stat.size > MAX_BATCH_FILE_BYTES)
      return { refusal: `it is larger than a batch's CSV can be (${stat.size} bytes)` };
    const bytes = Buffer.alloc(stat.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return bytes.subarray(0, read).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** The batch `file` records, or why it records none (a phrase after "expected a CSV that batch wrote: "). */
export function readBatchFile(file: string): BatchFile | { refusal: string } {
  const text = readRegularFile(file);
  if (typeof text !== 'string') return text;
  const [header, ...rows] = parseCsv(text) ?? [];
  const names = ['label', 'key', 'created_at', 'batch_count'];
  const columns = names.map((name) => header?.indexOf(name) ?? -1);
  const lacking = names.filter((_, i) => columns[i] === -1);
  if (!header || lacking.length > 0)
    return {
      refusal:
        `its header has no ${lacking.join(', ')} column (a CSV of something else, or of a version before ` +
        `batch --resume)`,
    };
  if (rows.length === 0) return { refusal: 'it holds no key' };
  let batch: BatchFile | undefined;
  const rowOf = new Map<string, number>();
  for (const [i, cells] of rows.entries()) {
    const line = i + 2;
    if (cells.length !== header.length)
      return { refusal: `line ${line} has ${cells.length} cells, not ${header.length}` };
    const [label, key, created, count] = columns.map((c) => unprotectCell(cells[c]!)) as [
      string,
      string,
      string,
      string,
    ];
    const parsed = parseBatchLabel(label);
    if (!parsed || !namesOneInvocation(parsed.suffix))
      return { refusal: `line ${line}'s label is no batch label of this version (<name>-<NNN>-<suffix>)` };
    if (!/^\d+$/.test(count) || Number(count) < 1 || Number(count) > MAX_COUNT)
      return { refusal: `line ${line}'s batch_count is not a count from 1 to ${MAX_COUNT}` };
    batch ??= { file, stem: parsed.stem, suffix: parsed.suffix, count: Number(count), rows: [] };
    if (parsed.stem !== batch.stem || parsed.suffix !== batch.suffix || Number(count) !== batch.count)
      return {
        refusal: `it holds keys of more than one batch (line 2: ${batch.rows[0]!.label}, line ${line}: ${label})`,
      };
    if (parsed.number > batch.count)
      return { refusal: `line ${line}'s number ${parsed.number} is beyond the batch's count ${batch.count}` };
    const when = new Date(created);
    if (!key || Number.isNaN(when.getTime())) return { refusal: `line ${line} has no key or no created_at` };
    if (rowOf.has(key)) return { refusal: `line ${line} repeats the key of line ${rowOf.get(key)}` };
    rowOf.set(key, line);
    batch.rows.push({ label, key, createdAt: when });
  }
  return batch!;
}
