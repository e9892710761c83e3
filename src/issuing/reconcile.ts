// POST /admin/keys is not idempotent: after a create whose outcome is unknown the server may or
// may not hold the key(s). Repeating the request blindly could make a second key; giving up could
// leave a key nobody has. So: list the server's keys, adopt what carries the create's label, create
// again only what is missing, and at the end check that the server holds exactly as many keys per
// label as were asked, all of them in the CSV.
//
// Only labels of this invocation are ever looked at: they carry its per-process nonce
// (./labels.ts), so no other run, job, step or process can have made a key under one. A label
// given by hand (generate, a kept label in rotate) is never adopted, created again or deleted.

import type { QuotaProxy } from '../quota-proxy/client.js';
import { UnsupportedOperationError } from '../quota-proxy/errors.js';
import type { CreateKeyRequest, TrialKey } from '../quota-proxy/types.js';
import { CancelledError } from '../shared/cancel.js';
import { HttpStatusError, NetworkError } from '../transport/errors.js';

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

/**
 * One create request: the keys of `requests`, all under `label` (a native batch gives every key of
 * one request the request's label; elsewhere a unit is one request of one key).
 */
export interface CreateUnit {
  label: string;
  requests: CreateKeyRequest[];
}

/** A create whose outcome is unknown. */
export interface UncertainCreate {
  label: string;
  error: string;
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

/** Where each create label stands. */
export interface BatchLedger {
  /** Every request ever sent under a label, in order: how many keys the label should hold. */
  members: Map<string, CreateKeyRequest[]>;
  /** Keys in the CSV, by the label they were created under. */
  inCsv: Map<string, TrialKey[]>;
  /** Every key in the CSV: never adopted twice, never deleted. */
  csvKeys: Set<string>;
  /** Labels whose create had an unknown outcome. */
  uncertain: Map<string, UncertainCreate>;
  /** Labels the server refused, and requests never sent, with why. */
  failed: Map<string, string>;
}

export interface Reconciliation {
  /** Keys the server holds for labels that lack keys in the CSV: they go into it. */
  adopt: TrialKey[];
  /** Uncertain labels still short of keys: what to create again. */
  recreate: CreateUnit[];
  /** Uncertain labels still short of keys, when no attempt is left. */
  missing: UncertainCreate[];
  /** Keys beyond what a label was asked for (a create that committed after all): to delete, or keep in the CSV. */
  extras: TrialKey[];
}

/**
 * Compares the ledger with a listing of the server's keys under our own labels: each label ends
 * with as many keys in the CSV as were asked for it, any more are `extras`, and an uncertain label
 * still short is created again (the missing count, under the same label). A key already in the CSV
 * is neither adopted nor an extra: whatever its label, the run that wrote it never deletes it.
 */
export function reconcileAmbiguousCreates(
  ledger: BatchLedger,
  onServer: Map<string, TrialKey[]>,
  allowRecreate: boolean,
): Reconciliation {
  const result: Reconciliation = { adopt: [], recreate: [], missing: [], extras: [] };
  const have = (label: string) =>
    (ledger.inCsv.get(label)?.length ?? 0) + result.adopt.filter((k) => k.label === label).length;
  for (const [label, listed] of onServer) {
    const asked = ledger.members.get(label)?.length ?? 0;
    const unknown = listed.filter((k) => !ledger.csvKeys.has(k.key));
    // The oldest are the ones the first attempt made; any later one is a duplicate.
    const wanted = Math.max(0, asked - have(label));
    result.adopt.push(...unknown.slice(0, wanted));
    result.extras.push(...unknown.slice(wanted));
  }
  for (const [label, uncertain] of ledger.uncertain) {
    const members = ledger.members.get(label) ?? [];
    const short = members.slice(have(label));
    if (short.length === 0) continue;
    if (allowRecreate) result.recreate.push({ label, requests: short });
    else result.missing.push(uncertain);
  }
  return result;
}
