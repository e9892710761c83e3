// What generate, batch and rotate's replacements ask the server for, and the warnings for what a
// flavor cannot do with the inputs:
// - expires-in-days is sent as expiresAt where the server expires keys itself (capability
//   `expiry`, v10); elsewhere a warning that rotation must delete them instead.
// - v10 quotas are lifetime totals, not daily limits: limit is sent as totalQuota only with
//   limit-as-total-quota, else a warning. Per-key daily limits are the adapters' business (v1p,
//   v1a send them; issue-keys warns on v1/v01).
// When the flavor is still unknown, the first create is a generic one that carries expiresAt and
// totalQuota too (client.ts createKeys): v10 applies them, the others ignore unknown fields, so
// the key that detects the flavor is made right, and the warnings follow once the flavor is known.
import type { Options } from '../config/options.js';
import type { QuotaProxy } from '../quota-proxy/client.js';
import type { CreateKeyRequest, FlavorAdapter, TrialKey } from '../quota-proxy/types.js';
import { UPSTREAM_DAILY_LIMIT } from '../report/limit.js';
import type { Logger } from '../shared/log.js';

const DAY_MS = 86_400_000;

export interface KeyRequestServices {
  options: Options;
  api: QuotaProxy;
  log: Logger;
  now: Date;
}

export class KeyRequestRules {
  readonly expiresAt?: Date;
  private explained = false;

  /**
   * @param labelPrefix what rotate would filter these keys by, for the no-expiry warning.
   * @param copiesLimits replacements carry their old key's limit/quota, not `limit`.
   */
  constructor(
    private readonly services: KeyRequestServices,
    private readonly labelPrefix: string,
    private readonly copiesLimits = false,
  ) {
    const days = services.options.expiresInDays;
    if (days !== undefined) this.expiresAt = new Date(services.now.getTime() + days * DAY_MS);
  }

  /** The request for one key labelled `label`, like the key `like` when replacing one. */
  request(label: string, like?: Pick<TrialKey, 'dailyLimit' | 'totalQuota'>): CreateKeyRequest {
    const { options } = this.services;
    const totalQuota = like?.totalQuota ?? (options.limitAsTotalQuota ? options.limit : undefined);
    return {
      label,
      dailyLimit: like?.dailyLimit ?? options.limit,
      ...(this.expiresAt ? { expiresAt: this.expiresAt } : {}),
      ...(totalQuota !== undefined ? { totalQuota } : {}),
    };
  }

  /** Warns, once and as soon as the flavor is known, about inputs this flavor cannot honour. */
  explain(): void {
    const adapter = this.services.api.known;
    if (this.explained || !adapter) return;
    this.explained = true;
    const { options, log } = this.services;
    const { flavor, capabilities } = adapter;
    if (options.expiresInDays !== undefined && !capabilities.expiry) {
      log.warning(
        `The ${flavor} server cannot expire keys: expires-in-days (${options.expiresInDays}) was not ` +
          `applied; delete them when due with rotate (older-than-days: ${options.expiresInDays}` +
          `${this.labelPrefix ? `, label-prefix: ${this.labelPrefix}` : ''}).`,
      );
    }
    if (capabilities.lifetimeQuota && !options.limitAsTotalQuota && !this.copiesLimits) {
      log.warning(
        `The ${flavor} server has lifetime quotas, not daily limits: limit (${options.limit}) was not sent ` +
          `and the keys get the server's default total quota; set limit-as-total-quota: true to send limit as each ` +
          `key's totalQuota.`,
      );
    }
    if (options.limitAsTotalQuota && !capabilities.lifetimeQuota) {
      log.warning(`limit-as-total-quota is ignored: the ${flavor} server has no lifetime quotas (v10 servers have).`);
    }
  }
}

/**
 * The fact naming the tier, when one was chosen: its limit only where the server applies it
 * (per-key daily limits, or v10's totalQuota with limit-as-total-quota), never a figure it ignores.
 */
export function tierFact(options: Options, adapter?: FlavorAdapter): string | undefined {
  if (!options.tier) return undefined;
  const tierLimit = options.tiers[options.tier]!;
  const given = options.limit !== tierLimit ? `; limit ${options.limit} given` : '';
  const capabilities = adapter?.capabilities;
  if (!capabilities || capabilities.perKeyDailyLimit) return `${options.tier} (${tierLimit}/day${given})`;
  if (capabilities.lifetimeQuota) {
    return options.limitAsTotalQuota
      ? `${options.tier} (${options.limit} sent as each key's lifetime totalQuota; the ${adapter.flavor} ` +
          `server has no daily limits)`
      : `${options.tier} (its limit is not applied: the ${adapter.flavor} server has lifetime quotas, not ` +
          `daily limits)`;
  }
  const serverWide =
    options.serverDailyLimit === undefined
      ? `${UPSTREAM_DAILY_LIMIT} (assumed: server-daily-limit not set)`
      : `${options.serverDailyLimit} (server-daily-limit)`;
  return (
    `${options.tier} (its limit is not applied: the ${adapter.flavor} server applies one server-wide daily ` +
    `limit to every key, ${serverWide})`
  );
}
