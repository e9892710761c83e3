// The quota-proxy admin API behind one interface. The flavor is forced, or detected from answers
// the run needs anyway (health body, first listing, first creation): never an extra request.
import { HttpClient, HttpStatusError, NetworkError, pathSegment, snippetOf } from './http.js';
import { adapterFor, flavorFromCreated, flavorFromHealth, flavorFromListing } from './detect.js';
import {
  UnsupportedOperationError,
  type CreateKeyRequest,
  type Flavor,
  type FlavorAdapter,
  type TrialKey,
  type UsageRow,
} from './types.js';

export interface HealthResult {
  healthy: boolean;
  /** One line: what failed and what to check. Empty when healthy. */
  problem: string;
  status?: number;
  failure?: 'timeout' | 'refused' | 'dns' | 'status' | 'ok-false' | 'network' | 'reset';
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

  private learn(flavor: Flavor | undefined): void {
    if (flavor && !this.adapter) this.adapter = adapterFor(flavor);
  }

  async health(path: string): Promise<HealthResult> {
    const target = this.http.describe('GET', path);
    let answer;
    try {
      answer = await this.http.request('GET', path, { auth: false });
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      const check: Record<string, string> = {
        timeout: 'check that quota-proxy is running and answers, or raise timeout-seconds (v10 servers never answer /healthz: set health-path to a route that answers, or skip-health-check: true)',
        refused: 'check that quota-proxy is running and listening on that host and port',
        dns: 'check the host name in url',
        reset: 'check the server and any proxy in front of it',
        network: 'check the network between this runner and the server',
      };
      return { healthy: false, failure: error.kind, problem: `Health check failed: ${error.message}; ${check[error.kind]}.` };
    }
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
        problem: `Health check failed: ${target} answered ${answer.status}${answer.text ? ` (${snippetOf(answer.text)})` : ''}; check the quota-proxy logs and its database.`,
      };
    }
    this.learn(flavorFromHealth(body));
    if (body && typeof body === 'object' && (body as { ok?: unknown }).ok === false) {
      return {
        healthy: false,
        status: answer.status,
        failure: 'ok-false',
        problem: `Health check failed: ${target} answered ${answer.status} but says "ok": false (${snippetOf(answer.text)}); check the quota-proxy logs and its database.`,
      };
    }
    return { healthy: true, status: answer.status, problem: '' };
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
    if (!flavor) throw new Error(`cannot tell the quota-proxy flavor from its answer: ${snippetOf(JSON.stringify(body))}`);
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
      if (!this.adapter) throw new Error(`cannot tell the quota-proxy flavor from its key list: ${snippetOf(JSON.stringify(body))}`);
      const page = this.adapter.parseListing(body, offset);
      yield page.keys;
      offset = page.next;
    }
  }

  async usage(day: string): Promise<UsageRow[]> {
    const adapter = this.require('usage');
    const rows: UsageRow[] = [];
    let offset: number | undefined = 0;
    while (offset !== undefined) {
      const request = adapter.usageRequest(day, offset);
      const { body } = await this.http.json('GET', request.path, { query: request.query });
      const page = adapter.parseUsage(body, day, offset);
      rows.push(...page.rows);
      offset = page.next;
    }
    return rows;
  }

  async deleteKey(key: string): Promise<boolean> {
    const adapter = this.require('delete');
    if (!adapter.capabilities.delete) throw new UnsupportedOperationError(adapter.flavor, 'delete endpoint', 'keys cannot be deleted through its admin API');
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

  async resetUsage(key: string, day: string): Promise<void> {
    const adapter = this.require('reset');
    if (adapter.capabilities.reset === 'none') throw new UnsupportedOperationError(adapter.flavor, 'reset endpoint');
    const request = adapter.resetRequest(key, day);
    await this.http.json(request.method, request.path, { query: request.query, body: request.body });
  }

  private require(operation: string): FlavorAdapter {
    if (!this.adapter) throw new Error(`the server flavor must be known before ${operation}: list the keys first or set server-flavor`);
    return this.adapter;
  }
}
