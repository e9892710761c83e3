import type { HealthResult, QuotaProxy } from '../quota-proxy/client.js';

export interface HealthOptions {
  healthPath: string;
}

/** GET <url><health-path>: healthy when 2xx and the body does not say "ok": false. */
export async function health(options: HealthOptions, services: { api: QuotaProxy }): Promise<HealthResult> {
  return services.api.health(options.healthPath);
}
