// The health check: GET health-path (retried like any GET), or for a flavor whose /healthz never
// answers (v10), a probe outside the admin API. Its answers may tell the flavor (`learn`).
import { snippetOf } from '../shared/redact.js';
import { NetworkError, type NetworkFailure } from '../transport/errors.js';
import type { HttpAnswer, HttpClient } from '../transport/http.js';
import { flavorFromHealth, healthProbes } from './detect.js';
import type { Flavor, FlavorAdapter, HealthProbe } from './types.js';

export interface HealthResult {
  healthy: boolean;
  /** One line: what failed and what to check. Empty when healthy. */
  problem: string;
  /** When healthy by another route than health-path: which, and why (one line for the log). */
  note?: string;
  status?: number;
  failure?: NetworkFailure | 'status' | 'ok-false' | 'probe';
}

/** The health path every flavor but v10 answers quickly. */
export const DEFAULT_HEALTH_PATH = '/healthz';
/** How long a health path may stay silent before the flavors whose /healthz hangs are probed. */
export const HEALTH_PATIENCE_MS = 2000;

/** What to check after each network failure ('' when its message says it already). */
const NETWORK_CHECK: Record<NetworkFailure, string> = {
  timeout:
    'check that quota-proxy is running and answers, or raise timeout-seconds; a server that answers other ' +
    'routes has a hung health handler: set health-path to a route that answers, or skip-health-check: true',
  refused: 'check that quota-proxy is running and listening on that host and port',
  dns: 'check the host name in url',
  reset: 'check the server and any proxy in front of it',
  network: 'check the network between this runner and the server',
  'plain-http': '',
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

export class HealthCheck {
  constructor(
    private readonly http: HttpClient,
    /** The adapter, when the flavor is known already. */
    private readonly known: FlavorAdapter | undefined,
    private readonly learn: (flavor: Flavor | undefined) => void,
  ) {}

  /**
   * GET `path`, healthy when 2xx and the body does not say "ok": false (retried like any GET). A
   * flavor whose /healthz never answers (v10) is checked by its probe instead: at once when the
   * flavor is known, else once `path` has stayed without an answer for HEALTH_PATIENCE_MS; the
   * probe recognising its flavor ends the check, else `path`'s own outcome decides.
   */
  async run(path: string): Promise<HealthResult> {
    const { known } = this;
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
      const check = NETWORK_CHECK[error.kind];
      return {
        healthy: false,
        failure: error.kind,
        problem: `Health check failed: ${error.message}${others}${check ? `; ${check}` : ''}.`,
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
}
