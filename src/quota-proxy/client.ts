// The quota-proxy admin API behind one interface. The flavor is forced, or detected from answers
// the run needs anyway (health body, first listing, first creation): never an extra request.

import { QuotaKeysError } from '../shared/errors.js';
import { snippetOf } from '../shared/redact.js';
import { HttpStatusError } from '../transport/errors.js';
import type { HttpClient } from '../transport/http.js';
import type { RateLimitPlan } from '../transport/rate-limit.js';
import { pathSegment } from '../transport/request-path.js';
import { adapterFor, flavorFromCreated, flavorFromListing } from './detect.js';
import { UnsupportedOperationError } from './errors.js';
import { HealthCheck, type HealthResult } from './health-check.js';
import { type KeysInParts, keysInParts, readListing, SplitListing } from './listing-text.js';
import { KEY_LIMIT, PageGuard, ROW_LIMIT } from './paging.js';
import { type ServerDay, serverDayFromRows } from './time.js';
import type { CreateKeyRequest, Flavor, FlavorAdapter, TrialKey, UsagePage, UsageRow } from './types.js';

export { DEFAULT_HEALTH_PATH, HEALTH_PATIENCE_MS, type HealthResult } from './health-check.js';

/** Which day a usage or reset applied to, and how that day was chosen. */
export type DayChoice =
  | { by: 'given'; day: string }
  /** The server answered for its own today and named it (v1p; v01 and v1p resets). */
  | { by: 'server'; day: string }
  /** Learned from the server's usage rows (their day beside their update time). */
  | ({ by: 'rows'; day: string } & ServerDay)
  /** The server showed nothing of its day (no usage recorded): the runner's date. */
  | { by: 'runner'; day: string }
  /** Lifetime quotas: no calendar day applies (v10). */
  | { by: 'none'; day?: undefined };

export interface UsageOfDay {
  /** The rows of the day. */
  rows: UsageRow[];
  day: DayChoice;
  /** Every row the answers held, of any day (v1: every day's; evidence of the server's limit). */
  everyRow: UsageRow[];
}

/** What tells a page's usage rows apart: a key's row of a day. */
const rowIds = (page: UsagePage) => page.rows.map((r) => `${r.key} ${r.day ?? ''}`);

/** The rows of `day` (rows that carry no day are the day's: the server answered for it). */
function ofDay(rows: UsageRow[], day: string): UsageRow[] {
  return rows.filter((r) => r.day === undefined || r.day === day);
}

export class QuotaProxy {
  private adapter?: FlavorAdapter;
  private detecting?: Promise<unknown>;

  constructor(
    readonly http: HttpClient,
    flavor?: Flavor,
  ) {
    if (flavor) this.adapter = adapterFor(flavor);
  }

  get flavor(): Flavor | undefined {
    return this.adapter?.flavor;
  }

  /** The adapter, once known. Operations that must not guess (reset) call this after a listing. */
  get known(): FlavorAdapter | undefined {
    return this.adapter;
  }

  /**
   * Whether `adminRequests` more admin requests fit the server's admin rate limit now, and if not,
   * how many do and when the window resets. Undefined until an /admin answer has stated the limit.
   */
  rateLimitPlan(adminRequests: number): RateLimitPlan | undefined {
    return this.http.rateLimit.plan(adminRequests);
  }

  /** Milliseconds of max-wait-seconds still available to a wait starting now. */
  waitBudgetLeft(): number {
    return this.http.budget.left();
  }

  /** Requests sent again so far (after a failure that allowed it). */
  get retriesMade(): number {
    return this.http.retriesMade;
  }

  /** Ends the run's connections (the client's keep-alive pool). */
  async close(): Promise<void> {
    await this.http.close();
  }

  /** `METHOD url` as messages name a request to this server (never with a secret). */
  describe(method: string, path: string): string {
    return this.http.describe(method, path);
  }

  /** The health check of `path` (./health-check.ts); its answers may tell the flavor. */
  health(path: string): Promise<HealthResult> {
    return new HealthCheck(this.http, this.adapter, (flavor) => this.learn(flavor)).run(path);
  }

  private learn(flavor: Flavor | undefined): void {
    if (flavor && !this.adapter) this.adapter = adapterFor(flavor);
  }

  /**
   * One small authenticated read, to learn whether the admin token is accepted before anything is
   * created: `/admin/usage` exists on every flavor and `limit=1` keeps it small where the server
   * pages (v1, v01, v10). Throws what the request throws (HttpStatusError 401/403 for a bad token).
   * Its answer is not used to detect the flavor: the first create does that.
   */
  async checkAdminToken(): Promise<void> {
    await this.http.json('GET', '/admin/usage', { query: { limit: 1, days: 1 } });
  }

  /** Creates keys; the first call on an unknown flavor detects it (later calls wait for that). */
  async createKeys(requests: CreateKeyRequest[]): Promise<TrialKey[]> {
    if (!this.adapter && this.detecting) await this.detecting.catch(() => undefined);
    if (this.adapter) {
      const { body } = await this.http.json('POST', '/admin/keys', { body: this.adapter.createBody(requests) });
      return this.adapter.parseCreated(body, requests);
    }
    const [request] = requests;
    if (!request || requests.length !== 1)
      throw new QuotaKeysError('the first creation on an unknown flavor makes one key');
    // One body every flavor accepts: each reads its own fields and ignores the rest, so v10's
    // expiresAt/totalQuota ride along on the request that tells us whether the server is v10.
    const firstBody = {
      label: request.label,
      daily_limit: request.dailyLimit,
      ...(request.expiresAt ? { expiresAt: request.expiresAt.toISOString() } : {}),
      ...(request.totalQuota !== undefined ? { totalQuota: request.totalQuota } : {}),
    };
    const created = this.http.json('POST', '/admin/keys', { body: firstBody });
    this.detecting = created;
    const { body } = await created;
    const flavor = flavorFromCreated(body);
    if (!flavor)
      throw new QuotaKeysError(
        `cannot tell the quota-proxy flavor from its answer: ${snippetOf(JSON.stringify(body))}`,
      );
    this.learn(flavor);
    return adapterFor(flavor).parseCreated(body, requests);
  }

  /** Every key, page by page; a listing that never ends is stopped (PageGuard). */
  async *listKeys(): AsyncGenerator<TrialKey[]> {
    const guard = new PageGuard(this.http.describe('GET', '/admin/keys'), 'key list', KEY_LIMIT, 'keys');
    let offset: number | undefined = 0;
    while (offset !== undefined) {
      // Only the keys of a part stay while the caller reads them: the answer's body is gone.
      const page = await this.keyPage(offset);
      let handed = 0;
      for (const part of page.parts) {
        // A large unpaged listing is one answer with no wait in it: a turn of the event loop between
        // its parts lets the garbage collector's tasks, timers and signals run (docs/performance.md).
        if (handed++ > 0) await new Promise((resolve) => setImmediate(resolve));
        yield part;
      }
      offset = guard.next(offset, page.ids, page.next);
    }
  }

  /** One page of the key list; a large unpaged answer is read in parts (./listing-text.ts). */
  private async keyPage(offset: number): Promise<KeysInParts> {
    // Unknown flavor: v10's first-page query, which the other flavors ignore.
    const query = this.adapter ? this.adapter.listQuery(offset) : { limit: 100, offset: 0 };
    const { body, answer } = await this.http.json('GET', '/admin/keys', { query, readJson: readListing });
    const shape = body instanceof SplitListing ? body.shape : body;
    this.learn(flavorFromListing(shape));
    if (!this.adapter)
      throw new QuotaKeysError(
        `cannot tell the quota-proxy flavor from its key list: ${snippetOf(JSON.stringify(shape))}`,
      );
    if (!(body instanceof SplitListing)) {
      const { keys, next } = this.adapter.parseListing(body, offset);
      return { parts: [keys], next, ids: keys.map((k) => k.key) };
    }
    try {
      return keysInParts(this.adapter, body, offset);
    } catch (error) {
      // A key that is not JSON: the answer is not JSON, as JSON.parse of the whole would have found.
      if (error instanceof SyntaxError) throw this.http.badAnswer('GET', '/admin/keys', answer);
      throw error;
    }
  }

  /**
   * Usage of `day`, or of the server's own today when no day is given: the servers count days in
   * their local time, which may not be the runner's date. `runnerDay` is used only when the server
   * shows nothing of its day.
   */
  async usage(day: string | undefined, runnerDay: string): Promise<UsageOfDay> {
    const adapter = this.require('usage');
    const { serverDay } = adapter.capabilities;
    if (!serverDay) {
      const rows = (await this.usagePages(undefined)).rows;
      return { rows, day: { by: 'none' }, everyRow: rows };
    }
    if (day) {
      const given = await this.usagePages(day);
      return { rows: ofDay(given.rows, day), day: { by: 'given', day }, everyRow: given.rows };
    }
    const all = await this.usagePages(undefined);
    if (all.day) return { rows: ofDay(all.rows, all.day), day: { by: 'server', day: all.day }, everyRow: all.rows };
    const choice = this.dayFromRows(all.rows, runnerDay);
    // A partial answer (v01's newest rows) may miss some of the day's: ask for the day itself.
    const rows = all.partial ? (await this.usagePages(choice.day)).rows : all.rows;
    return { rows: ofDay(rows, choice.day), day: choice, everyRow: all.rows };
  }

  /**
   * The server's own today, for a reset sent with an explicit day (v1 needs one): from the first
   * page of its usage, which lists the newest rows.
   */
  async serverDay(runnerDay: string): Promise<DayChoice> {
    const adapter = this.require('the server day');
    if (!adapter.capabilities.serverDay) return { by: 'none' };
    const page = await this.usagePage(undefined, 0);
    if (page.day) return { by: 'server', day: page.day };
    return this.dayFromRows(page.rows, runnerDay);
  }

  private dayFromRows(rows: UsageRow[], runnerDay: string): Exclude<DayChoice, { by: 'none' }> {
    // A row at 0 may be a reset (v1, v01 zero a row and stamp it with the time of the reset).
    const stamps = rows.flatMap((r) =>
      r.day && r.updatedAt && r.requests > 0 ? [{ day: r.day, updatedAt: r.updatedAt }] : [],
    );
    const learned = serverDayFromRows(stamps, Date.now() + (this.http.serverClockOffsetMs ?? 0));
    return learned.day ? { ...learned, by: 'rows', day: learned.day } : { by: 'runner', day: runnerDay };
  }

  /**
   * The usage of each of `days` (server-local YYYY-MM-DD), handed row by row to `onRow` and never
   * kept: as few requests as the flavor allows (usageHistory). Rows of other days are skipped.
   */
  async usageHistory(days: readonly string[], onRow: (row: UsageRow, day: string) => void): Promise<void> {
    const adapter = this.require('usage history');
    const wanted = new Set(days);
    const first = [...days].sort()[0];
    /** Hands the page's rows of the wanted days on; false once older rows begin on a newest-first server. */
    const take = (page: UsagePage, asked?: string): boolean => {
      let older = false;
      for (const row of page.rows) {
        const day = row.day || page.day || asked;
        if (day && wanted.has(day)) onRow(row, day);
        else if (day && first && day < first) older = true;
      }
      return !(older && adapter.capabilities.usageNewestDayFirst);
    };
    switch (adapter.capabilities.usageHistory) {
      case 'per-day':
        for (const day of days)
          await this.eachPage(
            (o) => adapter.usageRequest(day, o),
            day,
            (p) => take(p, day),
          );
        return;
      case 'rows':
        return this.eachPage(
          (o) => adapter.usageRequest(first, o),
          first,
          (p) => take(p),
        );
      case 'window':
        throw new UnsupportedOperationError(adapter.flavor, 'usage per calendar day', 'ask usageWindow');
    }
  }

  /** Each key's requests over the last `days`×24 hours ('window' history: v10), row by row. */
  async usageWindow(days: number, onRow: (row: UsageRow) => void): Promise<void> {
    const adapter = this.require('usage window');
    const request = adapter.usageWindowRequest;
    if (!request) throw new UnsupportedOperationError(adapter.flavor, 'usage window');
    await this.eachPage(
      (o) => request(days, o),
      undefined,
      (page) => {
        page.rows.forEach(onRow);
        return true;
      },
    );
  }

  /** Usage pages one after the other until the last, or until `onPage` returns false. */
  private async eachPage(
    request: (offset: number) => { path: string; query?: Record<string, string | number | undefined> },
    day: string | undefined,
    onPage: (page: UsagePage) => boolean,
  ): Promise<void> {
    const adapter = this.require('usage');
    const guard = this.usageGuard(request(0).path);
    let offset: number | undefined = 0;
    while (offset !== undefined) {
      const { path, query } = request(offset);
      const { body } = await this.http.json('GET', path, { query });
      const page = adapter.parseUsage(body, day, offset);
      offset = onPage(page) ? guard.next(offset, rowIds(page), page.next) : undefined;
    }
  }

  /** The count of one paged usage read, stopped when its pages never end. */
  private usageGuard(path: string): PageGuard {
    return new PageGuard(this.http.describe('GET', path), 'usage', ROW_LIMIT, 'usage rows');
  }

  private async usagePage(day: string | undefined, offset: number): Promise<UsagePage> {
    const adapter = this.require('usage');
    const request = adapter.usageRequest(day, offset);
    const { body } = await this.http.json('GET', request.path, { query: request.query });
    return adapter.parseUsage(body, day, offset);
  }

  private async usagePages(day: string | undefined): Promise<UsagePage> {
    const all: UsagePage = { rows: [] };
    const guard = this.usageGuard(this.require('usage').usageRequest(day, 0).path);
    let offset: number | undefined = 0;
    while (offset !== undefined) {
      const page = await this.usagePage(day, offset);
      for (const row of page.rows) all.rows.push(row);
      all.day ??= page.day;
      all.partial ||= page.partial;
      offset = guard.next(offset, rowIds(page), page.next);
    }
    return all;
  }

  async deleteKey(key: string): Promise<boolean> {
    const adapter = this.require('delete');
    if (!adapter.capabilities.delete)
      throw new UnsupportedOperationError(
        adapter.flavor,
        'delete endpoint',
        'keys cannot be deleted through its admin API',
      );
    // A DELETE is retried after a failure of unknown outcome; when the retry finds the key gone,
    // the attempt whose answer was lost deleted it.
    try {
      const { body, answer } = await this.http.json<{ deleted?: unknown }>('DELETE', `/admin/keys/${pathSegment(key)}`);
      return body.deleted !== false || answer.earlierMayHaveActed === true;
    } catch (error) {
      if (error instanceof HttpStatusError && error.status === 404) return error.earlierMayHaveActed;
      throw error;
    }
  }

  /**
   * Resets `key`'s usage of `day`; without a day, of the server's own today on flavors that reset
   * that by default (resetDefaultsToServerDay). Returns the day the server says it reset, if it says.
   */
  async resetUsage(key: string, day: string | undefined): Promise<string | undefined> {
    const adapter = this.require('reset');
    if (adapter.capabilities.reset === 'none') throw new UnsupportedOperationError(adapter.flavor, 'reset endpoint');
    if (day === undefined && adapter.capabilities.serverDay && !adapter.capabilities.resetDefaultsToServerDay) {
      throw new QuotaKeysError(`the ${adapter.flavor} reset needs a day: learn the server's day first`);
    }
    const request = adapter.resetRequest(key, day);
    const { body } = await this.http.json(request.method, request.path, { query: request.query, body: request.body });
    try {
      return adapter.parseReset?.(body) ?? day;
    } catch {
      return day; // the reset was done; only the echo of its day is missing
    }
  }

  private require(operation: string): FlavorAdapter {
    if (!this.adapter)
      throw new QuotaKeysError(
        `the server flavor must be known before ${operation}: list the keys first or set server-flavor`,
      );
    return this.adapter;
  }
}
