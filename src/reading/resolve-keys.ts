// Which keys reset and delete act on: the key given, or `name` resolved through the key list.
//
// `name` is first an exact label. When no label matches, it may be the key itself, or the
// shortened form our list prints (`sk-ab12…9f0e`, also with `...`): the old tool's rotation script
// feeds the first column of `list` into `delete --name`. A shortened key must match exactly one
// key; several labels matching is an error unless all-matching is set. When nothing matches but
// labels start with `name` (a batch's stem: its labels are `<stem>-<NNN>-<suffix>`), the error
// names them, and the command that acts on the one there is.

import type { QuotaProxy } from '../quota-proxy/client.js';
import type { FlavorAdapter, TrialKey } from '../quota-proxy/types.js';
import { QuotaKeysError } from '../shared/errors.js';
import { shortenKey } from '../shared/redact.js';
import { compareLabels, oneLine, shellQuote } from '../shared/text.js';

/** A refusal or a resolution that found nothing: one line for the user, nothing was changed. */
export class ResolveError extends QuotaKeysError {
  constructor(message: string) {
    super(message);
    this.name = 'ResolveError';
  }
}

/** An operation the server's flavor cannot do as asked: refused before anything was sent. */
export class Refusal extends QuotaKeysError {
  constructor(message: string) {
    super(message);
    this.name = 'Refusal';
  }
}

/** Throws the one-line refusal when the flavor cannot delete keys (delete, rotate). */
export function refuseWithoutDelete(adapter: FlavorAdapter, operation: string): void {
  if (!adapter.capabilities.delete) {
    throw new Refusal(
      `The ${adapter.flavor} quota-proxy flavor has no delete endpoint: ${operation} refused, nothing was ` +
        `deleted (remove keys on the server itself).`,
    );
  }
}

export interface KeyTarget {
  /** The key given with `key` ('' when none). */
  key: string;
  /** `name` as the user gave it ('' when none). */
  name: string;
  allMatching: boolean;
}

export type ResolvedBy = 'key' | 'label' | 'full key' | 'shortened key';

export interface Resolution {
  by: ResolvedBy;
  /** With `by: 'key'` only `key` is known (the list is not searched for it). */
  keys: Array<Pick<TrialKey, 'key'> & Partial<TrialKey>>;
}

export interface ResolveOptions {
  /** `reset` or `delete`, for messages. */
  operation: string;
  /** Called once as soon as the flavor is known, before anything is matched: throw to refuse. */
  onFlavor?: (adapter: FlavorAdapter) => void;
}

/** `prefix…suffix` (or `prefix...suffix`) of a shortened key, when `name` looks like one. */
function shortenedParts(name: string): { head: string; tail: string } | undefined {
  const match = /^([^…\s]+)(?:…|\.\.\.)([^…\s]+)$/.exec(name);
  return match ? { head: match[1]!, tail: match[2]! } : undefined;
}

const listOf = (keys: TrialKey[]) =>
  `${keys
    .slice(0, 3)
    .map((k) => shortenKey(k.key))
    .join(', ')}${keys.length > 3 ? ', …' : ''}`;

export async function resolveKeys(api: QuotaProxy, target: KeyTarget, options: ResolveOptions): Promise<Resolution> {
  let checked = false;
  const checkFlavor = () => {
    if (checked || !api.known) return;
    checked = true;
    options.onFlavor?.(api.known);
  };
  checkFlavor();

  if (target.key) {
    // The key is used as given; only the flavor is needed, which the first page of the list tells.
    if (!api.known) {
      for await (const page of api.listKeys()) {
        void page;
        break;
      }
    }
    checkFlavor();
    return { by: 'key', keys: [{ key: target.key }] };
  }

  const name = target.name;
  const short = shortenedParts(name);
  const byLabel: TrialKey[] = [];
  const byShortened: TrialKey[] = [];
  /** Keys per label that starts with `name`, for the error when nothing else matches. */
  const byPrefix = new Map<string, number>();
  let byFullKey: TrialKey | undefined;
  // Only matches are kept: the list itself streams past page by page.
  for await (const page of api.listKeys()) {
    checkFlavor();
    for (const key of page) {
      if (key.label === name) byLabel.push(key);
      else if (key.key === name) byFullKey = key;
      else if (
        short &&
        key.key.length > short.head.length + short.tail.length &&
        key.key.startsWith(short.head) &&
        key.key.endsWith(short.tail)
      )
        byShortened.push(key);
      else if (key.label?.startsWith(name)) byPrefix.set(key.label, (byPrefix.get(key.label) ?? 0) + 1);
    }
  }
  checkFlavor();

  if (byLabel.length > 1 && !target.allMatching) {
    throw new ResolveError(
      `${byLabel.length} keys are labelled "${name}" (${listOf(byLabel)}): nothing was changed; give the ` +
        `key itself (key, --key) or set all-matching: true (--all-matching) to ${options.operation} all of them.`,
    );
  }
  if (byLabel.length > 0) return { by: 'label', keys: byLabel };
  if (byFullKey) return { by: 'full key', keys: [byFullKey] };
  if (byShortened.length > 1) {
    throw new ResolveError(
      `"${name}" is the shortened form of ${byShortened.length} keys (${listOf(byShortened)}): nothing was ` +
        `changed; give the full key (key, --key).`,
    );
  }
  if (byShortened.length === 1) return { by: 'shortened key', keys: byShortened };
  if (byPrefix.size > 0) throw new ResolveError(prefixMessage(name, byPrefix, options.operation));
  throw new ResolveError(
    `No key is labelled "${name}", and it is not a key or a shortened key (as list prints them) of one: ` +
      `nothing was changed; check the label with list.`,
  );
}

/** A label from the server as the message shows it: on one line, at most 120 characters. */
const shownLabel = (label: string) => oneLine(label.replace(/\p{Cc}/gu, ' '), 120);

/** No key is labelled `name`, but these labels (with their key counts) start with it. */
function prefixMessage(name: string, labels: Map<string, number>, operation: string): string {
  const sorted = [...labels.keys()].sort(compareLabels);
  if (sorted.length > 1) {
    const first = sorted.slice(0, 3).map((l) => `"${shownLabel(l)}"`);
    return (
      `No key is labelled "${name}"; ${sorted.length} labels start with it (${first.join(', ')}` +
      `${sorted.length > 3 ? ', …' : ''}). Nothing was changed; give one whole label ` +
      `(quota-keys list --label-prefix ${shellQuote(name)} shows them all).`
    );
  }
  const label = sorted[0]!;
  const keys = labels.get(label)!;
  // A label that does not survive one line as it is gets no command: it would not name that label.
  const command =
    shownLabel(label) === label
      ? `: quota-keys ${operation} --name ${shellQuote(label)}${keys > 1 ? ' --all-matching' : ''}`
      : '';
  return (
    `No key is labelled "${name}", but one label starts with it: "${shownLabel(label)}". Nothing was ` +
    `changed; give the whole label to ${operation} ${keys > 1 ? `its ${keys} keys` : 'that key'}${command}`
  );
}
