// Creating many keys: bounded concurrency over one keep-alive pool, native batches where the
// flavor has them, every created key written to the CSV the moment it arrives. A create whose
// outcome is unknown is never simply repeated: the server's key list decides (./reconcile.ts).
// The first request goes alone: it tells the flavor (how many keys one request makes) and the
// admin rate limit, so a batch that cannot fit is announced before it is sent.
//
// One KeyIssuer per call of issueKeys: its ledger and stop reason are the state every step shares;
// the steps, in the order run() takes them: sendFirst (announceRateLimit, createAll of the first
// unit), createUntilSettled (reconcile, createAll, settleDuplicate), collect (./collect.ts).

import { followsInBatch } from '../config/labels.js';
import type { QuotaProxy } from '../quota-proxy/client.js';
import { isFatal } from '../quota-proxy/errors.js';
import type { CreateKeyRequest, TrialKey } from '../quota-proxy/types.js';
import { CancelledError } from '../shared/cancel.js';
import { errorMessage, QuotaKeysError } from '../shared/errors.js';
import type { Logger } from '../shared/log.js';
import { shortenKey } from '../shared/redact.js';
import { collectResult } from './collect.js';
import { emptyResult, type IssueResult, type IssueServices } from './issue-result.js';
import { announceRateLimit } from './rate-limit-announcement.js';
import {
  type BatchLedger,
  type CreateUnit,
  isAmbiguousCreateFailure,
  keysCarrying,
  reconcileAmbiguousCreates,
} from './reconcile.js';

/** A unit to send; `fresh` ones are sent for the first time, the others are created again after a listing. */
type Sendable = CreateUnit & { fresh: boolean };

/** Creates `requests` (see KeyIssuer) and says what became of each. */
export async function issueKeys(
  requests: CreateKeyRequest[],
  concurrency: number,
  services: IssueServices,
): Promise<IssueResult> {
  return new KeyIssuer(requests, concurrency, services).run();
}

export class KeyIssuer {
  private readonly result: IssueResult;
  private readonly ledger: BatchLedger = {
    members: new Map(),
    inCsv: new Map(),
    csvKeys: new Set(),
    uncertain: new Map(),
    failed: new Map(),
  };
  /** Why no further create is sent (a fatal error, a repeated key); undefined while creating goes on. */
  private stop: unknown;
  /** Labels with a key the server made that could not be written to the CSV, and why. */
  private readonly unwritten = new Map<string, string>();
  private readonly attemptsPerLabel: number;

  constructor(
    private readonly requests: CreateKeyRequest[],
    private readonly concurrency: number,
    private readonly services: IssueServices,
  ) {
    this.attemptsPerLabel = (services.retries ?? 3) + 1;
    this.result = emptyResult(requests.length);
  }

  async run(): Promise<IssueResult> {
    const queue = this.requests.length > 0 ? await this.sendFirst() : [];
    await this.createUntilSettled(queue);
    return this.collect();
  }

  private get api(): QuotaProxy {
    return this.services.api;
  }

  private get log(): Logger {
    return this.services.log;
  }

  private isOwn(label: string): boolean {
    const { ownSuffix } = this.services;
    return ownSuffix !== undefined && ownSuffix !== '' && label.endsWith(`-${ownSuffix}`);
  }

  private cancelled(): boolean {
    return this.services.cancellation?.requested === true;
  }

  private halted(): boolean {
    return this.stop !== undefined || this.cancelled();
  }

  private have(label: string): number {
    return this.ledger.inCsv.get(label)?.length ?? 0;
  }

  private asked(label: string): number {
    return this.ledger.members.get(label)?.length ?? 0;
  }

  private ownUncertain(): boolean {
    return [...this.ledger.uncertain.keys()].some((label) => this.isOwn(label));
  }

  /** Into the CSV under the label it was created under; false for a key the CSV already holds. */
  private accept(key: TrialKey, label: string): boolean {
    const { ledger } = this;
    this.log.secret(key.key, 'key');
    if (ledger.csvKeys.has(key.key)) return false;
    ledger.csvKeys.add(key.key);
    try {
      this.services.sink(key);
    } catch (error) {
      this.notWritten(label, key, error);
      return true;
    }
    ledger.inCsv.set(label, [...(ledger.inCsv.get(label) ?? []), key]);
    this.result.created.push(key);
    this.services.audit?.({ label, key: key.key, outcome: 'created' });
    return true;
  }

  /** A key the server made but the CSV could not take: its request fails, and no further key is created. */
  private notWritten(label: string, key: TrialKey, error: unknown): void {
    const shown = shortenKey(key.key);
    const message = `created on the server as ${shown} but not written to the CSV (${errorMessage(error)})`;
    this.unwritten.set(label, message);
    this.halt(label, message);
  }

  /** No further key is created, and the log says why, naming the label. */
  private halt(label: string, message: string): void {
    this.log.warning(`Label ${label}: ${message}; no further key is created.`);
    this.stop ??= new QuotaKeysError(message);
  }

  private enlist(unit: Sendable): void {
    if (unit.fresh)
      this.ledger.members.set(unit.label, [...(this.ledger.members.get(unit.label) ?? []), ...unit.requests]);
  }

  /**
   * Requests into create units: on a flavor with native batches, consecutive numbers of one of our
   * batches share a request (up to its maximum) and that request's label, the first one's; all
   * else goes one key per request under its own label.
   */
  private formUnits(queue: CreateKeyRequest[]): Sendable[] {
    const max = this.api.known?.capabilities.maxKeysPerCreate ?? 1;
    const { ownSuffix } = this.services;
    const units: Sendable[] = [];
    for (const request of queue) {
      const last = units.at(-1);
      if (
        last &&
        last.requests.length < max &&
        ownSuffix &&
        followsInBatch(last.requests.at(-1)!.label, request.label, ownSuffix)
      )
        last.requests.push(request);
      else units.push({ label: request.label, requests: [request], fresh: true });
    }
    return units;
  }

  /** Step: the first request goes alone, after the rate limit is announced if known; returns the rest to send. */
  private async sendFirst(): Promise<CreateKeyRequest[]> {
    const { api } = this;
    // Known before the first create when an admin request came first (a listing, a token check).
    const { announced, send } = this.announceRateLimit(this.requests);
    const sendable = this.requests.slice(0, send);
    // The first request goes alone: it tells the flavor (how many keys one request makes) and the
    // admin rate limit. With the flavor known (forced), it is a whole native batch.
    const [first] = this.formUnits(api.known ? sendable : sendable.slice(0, 1));
    if (first) await this.createAll([first], 1);
    const queue = sendable.slice(first?.requests.length ?? 0);
    if (this.halted()) {
      this.notAttempted(queue);
      return [];
    }
    return announced ? queue : queue.slice(0, this.announceRateLimit(queue).send);
  }

  /** Step: one create request for a unit; its keys go into the CSV, its failure into the ledger. */
  private async create(unit: Sendable): Promise<void> {
    const { label, requests: chunk } = unit;
    this.enlist(unit);
    try {
      const keys = await this.api.createKeys(chunk.map((request) => ({ ...request, label })));
      this.created(label, chunk.length, keys);
    } catch (error) {
      this.createFailed(label, error);
    }
  }

  private created(label: string, asked: number, keys: TrialKey[]): void {
    const { ledger } = this;
    const repeated = keys.filter((key) => !this.accept(key, label)).length;
    if (repeated > 0) {
      // A broken (or hostile) server or proxy: one key answered for several creates is one key.
      this.result.repeatedKeys += repeated;
      const message =
        `the server answered ${repeated} key(s) it had already given for another create (a ` +
        `broken server or proxy in between): counted once`;
      ledger.failed.set(label, message);
      ledger.uncertain.delete(label);
      this.halt(label, message);
    } else if (keys.length < asked) {
      // Asked n, answered fewer: the server may hold more than it said; the listing decides.
      ledger.uncertain.set(label, { label, error: `the server answered ${keys.length} key(s) for ${asked} asked` });
    } else {
      ledger.uncertain.delete(label);
      ledger.failed.delete(label);
      // More keys than asked: a broken (or hostile) server. They exist, so they are kept, but no further create is
      // sent, since each could multiply again (10,000 keys for each chunk of 100: a million).
      if (keys.length > asked)
        this.halt(label, `the server answered ${keys.length} key(s) for ${asked} asked (all are in the CSV)`);
    }
    const unwritten = this.unwritten.get(label);
    if (unwritten) ledger.failed.set(label, unwritten);
  }

  private createFailed(label: string, error: unknown): void {
    const { ledger } = this;
    const message = errorMessage(error);
    if (error instanceof CancelledError) {
      if (!ledger.uncertain.has(label)) ledger.failed.set(label, 'not attempted: cancelled');
    } else if (isAmbiguousCreateFailure(error)) {
      ledger.uncertain.set(label, { label, error: message });
    } else {
      ledger.failed.set(label, message);
      if (isFatal(error)) this.stop ??= error;
    }
  }

  private notAttempted(queue: CreateKeyRequest[]): void {
    const why = this.cancelled()
      ? 'not attempted: cancelled'
      : this.stop !== undefined
        ? `not attempted after: ${errorMessage(this.stop)}`
        : 'not attempted';
    for (const request of queue)
      if (!this.ledger.uncertain.has(request.label)) this.ledger.failed.set(request.label, why);
  }

  /** Step: every unit, at most `width` at a time, until done, stopped or cancelled. */
  private async createAll(units: Sendable[], width: number): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < units.length && !this.halted()) await this.create(units[next++]!);
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(width, units.length)) }, worker));
    for (const unit of units.slice(next)) {
      this.enlist(unit);
      this.notAttempted(unit.requests);
    }
  }

  /**
   * Step: says up front when `queue` does not fit the admin rate limit's window (./rate-limit-announcement.ts);
   * returns how many of it to send, the rest marked not requested here, so no request is sent that the server
   * would refuse.
   */
  private announceRateLimit(queue: CreateKeyRequest[]): { announced: boolean; send: number } {
    const { onRateLimit, runAgain } = this.services;
    const { announced, send, heldBack } = announceRateLimit(this.api, this.log, queue.length, {
      onRateLimit,
      runAgain,
    });
    if (heldBack) {
      for (const request of queue.slice(send)) this.ledger.failed.set(request.label, heldBack.refusal);
      this.result.heldBackUntil = heldBack.until;
    }
    return { announced, send };
  }

  /**
   * Step: creates `queue`, then, while creates of ours have an unknown outcome, lists the server's
   * keys and creates again what the listing did not find (at most attemptsPerLabel times a label).
   */
  private async createUntilSettled(queue: CreateKeyRequest[]): Promise<void> {
    let again: Sendable[] = [];
    let rounds = 0;
    let listed = false;
    let canList = true;
    let createdSinceListing = true;
    for (;;) {
      if (this.ownUncertain() && canList && !this.cancelled()) {
        rounds += 1;
        const recreate = await this.reconcile(rounds < this.attemptsPerLabel);
        if (recreate) {
          listed = true;
          createdSinceListing = false;
          again = recreate;
        } else {
          // The uncertain ones stay unresolved (reported); the others are independent of them.
          canList = false;
        }
      }
      const units = [...again, ...this.formUnits(queue)];
      again = [];
      queue = [];
      if (units.length === 0 || this.halted()) {
        for (const unit of units) this.notAttempted(unit.requests);
        break;
      }
      await this.createAll(units, this.concurrency);
      createdSinceListing = true;
    }
    // A create that timed out may still commit after the list said it was missing; once labels were
    // created again, one more look finds such a key too many.
    if (listed && canList && createdSinceListing && !this.cancelled() && !this.ownUncertain())
      await this.reconcile(false);
  }

  /**
   * Step: lists the server's keys under our labels and settles every uncertain one of ours; undefined when the list
   * could not be read.
   */
  private async reconcile(allowRecreate: boolean): Promise<Sendable[] | undefined> {
    const { api, log, ledger } = this;
    const own = new Map([...ledger.uncertain].filter(([label]) => this.isOwn(label)));
    if (own.size > 0) {
      log.warning(
        `${own.size} create(s) failed with an unknown outcome (first: ${[...own.values()][0]!.error}); ` +
          `listing the server's keys to see which exist.`,
      );
    }
    let onServer: Awaited<ReturnType<typeof keysCarrying>>;
    try {
      onServer = await keysCarrying(api, new Set([...ledger.members.keys()].filter((label) => this.isOwn(label))));
    } catch (error) {
      log.warning(`Could not list the server's keys to check: ${errorMessage(error)}`);
      return undefined;
    }
    const outcome = reconcileAmbiguousCreates({ ...ledger, uncertain: own }, onServer, allowRecreate);
    let adopted = 0;
    for (const key of outcome.adopt) if (this.accept(key, key.label)) adopted += 1;
    this.result.adopted += adopted;
    for (const label of own.keys()) if (this.have(label) >= this.asked(label)) ledger.uncertain.delete(label);
    for (const unit of outcome.recreate) ledger.uncertain.delete(unit.label);
    for (const missing of outcome.missing) {
      ledger.uncertain.delete(missing.label);
      ledger.failed.set(missing.label, `not created in ${this.attemptsPerLabel} attempts (last: ${missing.error})`);
    }
    for (const extra of outcome.extras) await this.settleDuplicate(extra);
    if (own.size > 0) {
      const again = outcome.recreate.reduce((n, unit) => n + unit.requests.length, 0);
      log.info(
        `Of ${own.size} unknown outcome(s): ${adopted} key(s) were created after all (now in the CSV), ` +
          `${again} to create again.`,
      );
    }
    return outcome.recreate.map((unit) => ({ ...unit, fresh: false }));
  }

  /**
   * Step: a key beyond those asked for under one of our labels: deleted where the flavor can, else
   * kept in the CSV so none is lost. It is never a key of the CSV (reconcileAmbiguousCreates leaves
   * those out), nor another invocation's (our labels carry our nonce).
   */
  private async settleDuplicate(extra: TrialKey): Promise<void> {
    const { api, log } = this;
    log.secret(extra.key, 'key');
    if (this.ledger.csvKeys.has(extra.key) || !this.isOwn(extra.label)) return;
    if (api.known?.capabilities.delete && !this.cancelled()) {
      try {
        await api.deleteKey(extra.key);
        this.result.duplicatesDeleted += 1;
        this.services.audit?.({ label: extra.label, key: extra.key, outcome: 'deleted', reason: 'a key too many' });
        log.warning(
          `Label ${extra.label} had a key too many, ${shortenKey(extra.key)} (a create that went through ` +
            `after all): deleted it.`,
        );
        return;
      } catch (error) {
        log.warning(
          `Could not delete the key too many ${shortenKey(extra.key)} of label ${extra.label}: ${errorMessage(error)}`,
        );
      }
    }
    this.accept(extra, extra.label);
    log.warning(
      `Label ${extra.label} has a key too many, ${shortenKey(extra.key)}, on the server; it is in the CSV too.`,
    );
  }

  /** Step: each request gets the next key of its label, in order, or the reason it has none (./collect.ts). */
  private collect(): IssueResult {
    this.result.cancelled = this.cancelled();
    return collectResult(this.requests, this.ledger, this.result, this.services.audit);
  }
}
