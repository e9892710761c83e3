// POST /admin/keys is not idempotent: after a create whose outcome is unknown (timeout, reset,
// 5xx, cut-off or unreadable answer) the server may or may not hold the key. Repeating the request
// blindly could make a second key under the same label; giving up could leave a key nobody has.
// So: list the server's keys, adopt a key that already carries the label, create again only if
// none does, and at the end check that the server holds exactly one key per label, all of them in
// the CSV.
import { CancelledError } from './cancel.js';
import type { QuotaProxy } from './quota-proxy/client.js';
import { HttpStatusError, NetworkError } from './quota-proxy/http.js';
import { UnsupportedOperationError, type CreateKeyRequest, type TrialKey } from './quota-proxy/types.js';

/** Whether a failed create may nevertheless have made the key(s). */
export function isAmbiguousCreateFailure(error: unknown): boolean {
  if (error instanceof CancelledError || error instanceof UnsupportedOperationError) return false;
  // Refused, DNS, connect timeout: the request never reached the server.
  if (error instanceof NetworkError) return error.sent;
  // 4xx (429 included) is a refusal; 5xx may come from a proxy after the server committed.
  if (error instanceof HttpStatusError) return error.status >= 500;
  // A 2xx that could not be read (cut off, HTML, no key in it), or anything unexpected: assume it may exist.
  return true;
}

/** A create whose outcome is unknown. */
export interface UncertainCreate {
  request: CreateKeyRequest;
  error: string;
  /** When the request was sent (our clock). */
  sentAt: number;
}

/** The server's keys carrying one of `labels`, by label, oldest first. */
export async function keysCarrying(api: QuotaProxy, labels: ReadonlySet<string>): Promise<Map<string, TrialKey[]>> {
  const byLabel = new Map<string, TrialKey[]>();
  for await (const page of api.listKeys()) {
    for (const key of page) {
      if (!labels.has(key.label)) continue;
      const keys = byLabel.get(key.label) ?? [];
      keys.push(key);
      byLabel.set(key.label, keys);
    }
  }
  for (const keys of byLabel.values()) keys.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  return byLabel;
}

/** Margin for the server clock (read from 1 s Date headers) when telling our key from older ones. */
export const CLOCK_MARGIN_MS = 5_000;

/**
 * Which listed keys can be this run's. Batch labels carry the run id and attempt, so every key
 * with one is ours. A label given by hand (generate) may be on older keys too: then only keys the
 * server created after our first request count, by the server's clock (Date header); without a
 * Date header none can be told apart and none is claimed.
 */
export function ownKeysFilter(labelsUnique: boolean, firstSentAt: number, serverClockOffsetMs: number | undefined): (key: TrialKey) => boolean {
  if (labelsUnique) return () => true;
  if (serverClockOffsetMs === undefined) return () => false;
  const since = firstSentAt + serverClockOffsetMs - CLOCK_MARGIN_MS;
  return (key) => key.createdAt.getTime() >= since;
}

/** Where each label of a batch stands. */
export interface BatchLedger {
  /** Labels whose key(s) are in the CSV. */
  inCsv: Map<string, TrialKey[]>;
  /** Labels whose create had an unknown outcome. */
  uncertain: Map<string, UncertainCreate>;
  /** Labels the server refused (not created, as far as we know). */
  failed: Map<string, string>;
}

export interface Reconciliation {
  /** Keys the server holds for labels not in the CSV yet: they go into it. */
  adopt: TrialKey[];
  /** Uncertain labels the server does not hold: to create again. */
  recreate: CreateKeyRequest[];
  /** Uncertain labels the server does not hold, when no attempt is left. */
  missing: UncertainCreate[];
  /** Second keys under one label (a create that committed after all): to delete, or keep in the CSV. */
  extras: TrialKey[];
}

/**
 * Compares the ledger with a listing of the server: every key of ours on the server ends up in
 * the CSV or in `extras`; every uncertain label either gets its key adopted or is created again.
 */
export function reconcileAmbiguousCreates(ledger: BatchLedger, onServer: Map<string, TrialKey[]>, isOwn: (key: TrialKey) => boolean, allowRecreate: boolean): Reconciliation {
  const result: Reconciliation = { adopt: [], recreate: [], missing: [], extras: [] };
  for (const [label, listed] of onServer) {
    const own = listed.filter(isOwn);
    if (own.length === 0) continue;
    const known = new Set((ledger.inCsv.get(label) ?? []).map((k) => k.key));
    const unknown = own.filter((k) => !known.has(k.key));
    if (unknown.length === 0) continue;
    if (known.size > 0) {
      result.extras.push(...unknown);
    } else {
      // The oldest is the one the first attempt made; any later one is a duplicate.
      result.adopt.push(unknown[0]!);
      result.extras.push(...unknown.slice(1));
    }
  }
  const adopted = new Set(result.adopt.map((k) => k.label));
  for (const [label, uncertain] of ledger.uncertain) {
    if (adopted.has(label) || ledger.inCsv.has(label)) continue;
    if (allowRecreate) result.recreate.push(uncertain.request);
    else result.missing.push(uncertain);
  }
  return result;
}
