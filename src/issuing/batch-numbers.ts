// Which keys under one invocation's batch labels are the batch's, number by number. A re-run
// attempt (./rerun.ts) and `batch --resume` (./resume.ts) read the server's keys by label, and a
// label is only text: anyone with the admin token can create a key under one of ours.
//
// The rule: a label at number N stands for as many numbers as the batch made under it — one,
// except for a v01 chunk (one request of up to 100 keys, all under its first label), which stands
// for N … N + k − 1 but never reaches the next label of the same invocation, past the batch's end,
// or beyond one request's keys. The batch made its keys first (nobody can copy a label before it
// exists), so the oldest keys under a label are the batch's and any later one is not: it is left
// out, named, and left alone. When the last key the label can hold and the next one share their
// creation time, which of them is the batch's cannot be told: none of those is taken, and their
// numbers count as missing. Keys the caller knows to be the batch's (a resumed CSV's) come first.

import { parseBatchLabel } from '../config/labels.js';
import type { TrialKey } from '../quota-proxy/types.js';
import { shortenKey } from '../shared/redact.js';
import { shellQuote } from '../shared/text.js';

/** Keys under a label beyond those the batch made there: not the batch's (or not known to be), untouched. */
export interface SurplusKeys {
  label: string;
  keys: TrialKey[];
  /** The oldest of them were made in the same instant as the batch's own: none of those was taken. */
  undecided: boolean;
}

export interface NumberedKeys {
  /** The key standing for each number. */
  byNumber: Map<number, TrialKey>;
  surplus: SurplusKeys[];
}

export interface NumberingRules {
  /** Keys one create request makes at most (the flavor's native batch, else 1). */
  perRequest: number;
  /** The batch's last number. */
  last: number;
  /** Keys known to be the batch's, in their order, first under their label (a resumed CSV's). */
  known?: ReadonlyMap<string, number>;
}

const created = (key: TrialKey) => key.createdAt.getTime();

/** Numbers the keys of one invocation's batch labels (`byLabel`: label → its keys on the server). */
export function numberBatchKeys(byLabel: ReadonlyMap<string, TrialKey[]>, rules: NumberingRules): NumberedKeys {
  const starts = [...byLabel.keys()]
    .map((label) => ({ label, first: parseBatchLabel(label)!.number }))
    .sort((a, b) => a.first - b.first);
  const result: NumberedKeys = { byNumber: new Map(), surplus: [] };
  starts.forEach(({ label, first }, i) => {
    if (first > rules.last) return; // another batch size: not numbers of this one
    const next = starts[i + 1]?.first ?? Number.POSITIVE_INFINITY;
    const room = Math.min(rules.perRequest, next - first, rules.last - first + 1);
    const { ours, surplus } = takeOldest(byLabel.get(label)!, room, rules.known);
    for (const [n, key] of ours.entries()) result.byNumber.set(first + n, key);
    if (surplus.keys.length > 0) result.surplus.push({ label, ...surplus });
  });
  return result;
}

/** The first `room` keys of a label: known ones first, then the oldest; a tie at the edge takes none of the tied. */
function takeOldest(
  keys: readonly TrialKey[],
  room: number,
  known: ReadonlyMap<string, number> = new Map(),
): { ours: TrialKey[]; surplus: Omit<SurplusKeys, 'label'> } {
  const rank = (key: TrialKey) => known.get(key.key) ?? Number.POSITIVE_INFINITY;
  const ordered = [...keys].sort((a, b) => (rank(a) === rank(b) ? created(a) - created(b) : rank(a) - rank(b)));
  let ours = ordered.slice(0, room);
  const beyond = ordered.slice(room);
  const edge = ours.at(-1);
  const undecided =
    edge !== undefined && !known.has(edge.key) && beyond.length > 0 && created(beyond[0]!) === created(edge);
  if (undecided) ours = ours.filter((key) => known.has(key.key) || created(key) !== created(edge));
  return { ours, surplus: { keys: ordered.filter((key) => !ours.includes(key)), undecided } };
}

/** The command that lists a label's keys, every part quoted as a shell needs (a server's address is text too). */
export function lookUpCommand(server: string, label: string): string {
  return `quota-keys list --url ${shellQuote(server)} --label-prefix ${shellQuote(label)}`;
}

/**
 * One warning line per label holding keys that are not the batch's (at most 5, then how many more):
 * the keys shortened, that they were not `taken` ("exported"), and how to look them up.
 */
export function surplusWarnings(surplus: readonly SurplusKeys[], taken: string, server: string): string[] {
  const lines = surplus.slice(0, 5).map(({ label, keys, undecided }) => {
    const shown = `${keys
      .slice(0, 3)
      .map((key) => shortenKey(key.key))
      .join(', ')}${keys.length > 3 ? ', …' : ''}`;
    const look = `look them up with \`${lookUpCommand(server, label)}\``;
    return undecided
      ? `Label ${label} holds ${keys.length} keys made in the same instant (${shown}): which of them is the ` +
          `batch's cannot be told, so none is ${taken}, its number counts as missing, and they are left on the ` +
          `server untouched (${look}).`
      : `Label ${label} holds ${keys.length} key(s) more than the batch made under it (${shown}), made after ` +
          `the batch's own: not this invocation's, not ${taken}, left on the server untouched (${look}).`;
  });
  if (surplus.length > 5)
    lines.push(`… and ${surplus.length - 5} more label(s) holding keys that are not the batch's.`);
  return lines;
}
