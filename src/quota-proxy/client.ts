// The quota-proxy admin API behind one interface. The flavor is forced, or detected from answers
// the run needs anyway (health body, first listing, first creation): never an extra request.

import { snippetOf } from '../shared/redact.js';
import { adapterFor, flavorFromCreated, flavorFromHealth, flavorFromListing, healthProbes } from './detect.js';
import { HttpStatusError, NetworkError } from './errors.js';
import type { HttpAnswer, HttpClient } from './http.js';
import type { RateLimitPlan } from './rate-limit.js';
import { pathSegment } from './request-path.js';
import { type ServerDay, serverDayFromRows } from './time.js';
import {
  type CreateKeyRequest,
  type Flavor,
  type FlavorAdapter,
  type HealthProbe,
  type TrialKey,
  UnsupportedOperationError,
  type UsagePage,
  type UsageRow,
} from './types.js';

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

export interface HealthResult {
  healthy: boolean;
  /** One line: what failed and what to check. Empty when healthy. */
  problem: string;
  /** When healthy by another route than health-path: which, and why (one line for the log). */
  note?: string;
  status?: number;
  failure?: 'timeout' | 'refused' | 'dns' | 'status' | 'ok-false' | 'network' | 'reset' | 'probe';
}

/** The rows of `day` (rows that carry no day are the day's: the server answered for it). */
function ofDay(rows: UsageRow[], day: string): UsageRow[] {
  return rows.filter((r) => r.day === undefined || r.day === day);
}

/** The health path every flavor but v10 answers quickly. */
export const DEFAULT_HEALTH_PATH = '/healthz';
/** How long a health path may stay silent before the flavors whose /healthz hangs are probed. */
export const HEALTH_PATIENCE_MS = 2000;

const NETWORK_CHECK: Record<string, string> = {
  timeout:
    'check that quota-proxy is running and answers, or raise timeout-seconds; a server that answers other ' +
    'routes has a hung health handler: set health-path to a route that answers, or skip-health-check: true',
  refused: 'check that quota-proxy is running and listening on that host and port',
  dns: 'check the host name in url',
  reset: 'check the server and any proxy in front of it',
  network: 'check the network between this runner and the server',
};

type Settled = { answer: HttpAnswer } | { error: NetworkError };
type ProbeOutcome = {
  flavor: Flavor;
  target: string;
  proof?: string;
  answered: string;
  probe: HealthProbe;
  reached: boolean;
};

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

  /** `METHOD url` as messages name a request to this server (never with a secret). */
  /** Ends the run's connections (the client's keep-alive pool). */
  async close(): Promise<void> {
    await this.http.close();
  }

  describe(method: string, path: string): string {
    return this.http.describe(method, path);
  }

  private learn(flavor: Flavor | undefined): void {
    if (flavor && !this.adapter) this.adapter = adapterFor(flavor);
  }

  /**
   * GET `path`, healthy when 2xx and the body does not say "ok": false (retried like any GET). A
   * flavor whose /healthz never answers (v10) is checked by its probe instead: at once when the
   * flavor is known, else once `path` has stayed without an answer for HEALTH_PATIENCE_MS; the
   * probe recognising its flavor ends the check, else `path`'s own outcome decides.
   */
  async health(path: string): Promise<HealthResult> {
    const known = this.adapter;
    if (known?.healthProbe && path === DEFAULT_HEALTH_PATH) {
      const outcome = await this.probe(known.flavor, known.healthProbe);
      if (outcome.proof)
        return {
          healthy: true,
          problem: '',
          note: `${outcome.target} ${outcome.proof} (not ${path}: ${outcome.probe.why})`,
        };
      return {
        healthy: false,
        failure: 'probe',
        problem:
          `Health check failed: ${outcome.answered}, where a healthy ${known.flavor} server answers ` +
          `${outcome.probe.expected} (${path} is not asked: ${outcome.probe.why}); check the server and ` +
          `server-flavor, or set health-path to a route that answers.`,
      };
    }
    const stop = new AbortController();
    const started = Date.now();
    const checked: Promise<Settled> = this.http.request('GET', path, { auth: false, signal: stop.signal }).then(
      (answer) => ({ answer }),
      (error: unknown) => {
        if (error instanceof NetworkError) return { error };
        throw error;
      },
    );
    const candidates = known ? [] : healthProbes();
    const probed: ProbeOutcome[] = [];
    if (candidates.length > 0) {
      let patience: ReturnType<typeof setTimeout> | undefined;
      const first = await Promise.race([
        checked,
        new Promise<undefined>((resolve) => (patience = setTimeout(() => resolve(undefined), HEALTH_PATIENCE_MS))),
      ]);
      clearTimeout(patience);
      if (first === undefined) {
        const waited = Math.round((Date.now() - started) / 100) / 10;
        for (const { flavor, probe } of candidates) {
          const outcome = await this.probe(flavor, probe);
          if (!outcome.proof) {
            // What another route answered tells whether the server is up: worth naming. A probe that
            // could not connect says nothing the health path's own failure does not.
            if (outcome.reached) probed.push(outcome);
            continue;
          }
          stop.abort();
          await checked.catch(() => undefined);
          this.learn(flavor);
          return {
            healthy: true,
            problem: '',
            note:
              `${this.http.describe('GET', path)} did not answer within ${waited} s (${probe.why}); ` +
              `${outcome.target} ${outcome.proof}`,
          };
        }
      }
    }
    return this.judge(path, await checked, probed);
  }

  /** The verdict on the health path's own answer (or failure), with what the probes found. */
  private judge(path: string, settled: Settled, probed: ProbeOutcome[]): HealthResult {
    const target = this.http.describe('GET', path);
    const others = probed.map((p) => `; ${p.answered}, not ${p.flavor}'s ${p.probe.expected}`).join('');
    if ('error' in settled) {
      const { error } = settled;
      return {
        healthy: false,
        failure: error.kind,
        problem: `Health check failed: ${error.message}${others}; ${NETWORK_CHECK[error.kind]}.`,
      };
    }
    const { answer } = settled;
    let body: unknown;
    try {
      body = JSON.parse(answer.text);
    } catch {
      body = undefined;
    }
    if (answer.status < 200 || answer.status > 299) {
      return {
        healthy: false,
        status: answer.status,
        failure: 'status',
        problem:
          `Health check failed: ${target} answered ${answer.status}` +
          `${answer.text ? ` (${snippetOf(answer.text)})` : ''}; check the quota-proxy logs and its database.`,
      };
    }
    this.learn(flavorFromHealth(body));
    if (body && typeof body === 'object' && (body as { ok?: unknown }).ok === false) {
      return {
        healthy: false,
        status: answer.status,
        failure: 'ok-false',
        problem:
          `Health check failed: ${target} answered ${answer.status} but says "ok": false (` +
          `${snippetOf(answer.text)}); check the quota-proxy logs and its database.`,
      };
    }
    return { healthy: true, status: answer.status, problem: '' };
  }

  /** One probe request (outside /admin): what it proves when the answer is `flavor`'s healthy one. */
  private async probe(flavor: Flavor, probe: HealthProbe): Promise<ProbeOutcome> {
    const target = this.http.describe(probe.method, probe.path);
    try {
      // Not repeated after a timeout: the health path, still running meanwhile, has its own retries.
      const answer = await this.http.request(probe.method, probe.path, {
        auth: false,
        query: probe.query,
        idempotent: false,
      });
      let body: unknown;
      try {
        body = JSON.parse(answer.text);
      } catch {
        body = undefined;
      }
      const answered = `${target} answered ${answer.status}${answer.text ? ` (${snippetOf(answer.text)})` : ''}`;
      return { flavor, probe, target, proof: probe.judge(answer.status, body), answered, reached: true };
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      return {
        flavor,
        probe,
        target,
        answered: error.message,
        reached: error.kind === 'timeout' || error.kind === 'reset',
      };
    }
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
    if (!request || requests.length !== 1) throw new Error('the first creation on an unknown flavor makes one key');
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
      throw new Error(`cannot tell the quota-proxy flavor from its answer: ${snippetOf(JSON.stringify(body))}`);
    this.learn(flavor);
    return adapterFor(flavor).parseCreated(body, requests);
  }

  /** Every key, page by page. */
  async *listKeys(): AsyncGenerator<TrialKey[]> {
    let offset: number | undefined = 0;
    while (offset !== undefined) {
      // Unknown flavor: v10's first-page query, which the other flavors ignore.
      const query = this.adapter ? this.adapter.listQuery(offset) : { limit: 100, offset: 0 };
      const { body } = await this.http.json('GET', '/admin/keys', { query });
      this.learn(flavorFromListing(body));
      if (!this.adapter)
        throw new Error(`cannot tell the quota-proxy flavor from its key list: ${snippetOf(JSON.stringify(body))}`);
      const page = this.adapter.parseListing(body, offset);
      yield page.keys;
      offset = page.next;
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
    let offset: number | undefined = 0;
    while (offset !== undefined) {
      const { path, query } = request(offset);
      const { body } = await this.http.json('GET', path, { query });
      const page = adapter.parseUsage(body, day, offset);
      offset = onPage(page) ? page.next : undefined;
    }
  }

  private async usagePage(day: string | undefined, offset: number): Promise<UsagePage> {
    const adapter = this.require('usage');
    const request = adapter.usageRequest(day, offset);
    const { body } = await this.http.json('GET', request.path, { query: request.query });
    return adapter.parseUsage(body, day, offset);
  }

  private async usagePages(day: string | undefined): Promise<UsagePage> {
    const all: UsagePage = { rows: [] };
    let offset: number | undefined = 0;
    while (offset !== undefined) {
      const page = await this.usagePage(day, offset);
      for (const row of page.rows) all.rows.push(row);
      all.day ??= page.day;
      all.partial ||= page.partial;
      offset = page.next;
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
      throw new Error(`the ${adapter.flavor} reset needs a day: learn the server's day first`);
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
      throw new Error(`the server flavor must be known before ${operation}: list the keys first or set server-flavor`);
    return this.adapter;
  }
}
