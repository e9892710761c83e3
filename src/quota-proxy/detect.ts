// Which flavor answered: told apart by the shapes of answers the run receives anyway.

import { v1 } from './flavors/v1.js';
import { v1a } from './flavors/v1a.js';
import { v1p } from './flavors/v1p.js';
import { v01 } from './flavors/v01.js';
import { v10 } from './flavors/v10.js';
import type { Flavor, FlavorAdapter, HealthProbe } from './types.js';

const ADAPTERS: Record<Flavor, FlavorAdapter> = { v1, v01, v1p, v1a, v10 };

export function adapterFor(flavor: Flavor): FlavorAdapter {
  return ADAPTERS[flavor];
}

/** The flavors whose /healthz may never answer, with the probe whose answer tells each apart. */
export function healthProbes(): Array<{ flavor: Flavor; probe: HealthProbe }> {
  return Object.values(ADAPTERS).flatMap((a) => (a.healthProbe ? [{ flavor: a.flavor, probe: a.healthProbe }] : []));
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => !!value && typeof value === 'object' && !Array.isArray(value);

/** Only v10's health body carries `checks`; the others answer a bare {"ok":true}. */
export function flavorFromHealth(body: unknown): Flavor | undefined {
  return isObject(body) && isObject(body.checks) ? 'v10' : undefined;
}

export function flavorFromListing(body: unknown): Flavor | undefined {
  if (Array.isArray(body)) return 'v1p';
  if (!isObject(body) || !Array.isArray(body.keys)) return undefined;
  if (isObject(body.pagination)) return 'v10';
  if (body.success === true) return 'v1a';
  if ('mode' in body || 'count' in body) return 'v01';
  return 'v1';
}

export function flavorFromCreated(body: unknown): Flavor | undefined {
  if (!isObject(body)) return undefined;
  if (Array.isArray(body.keys)) return 'v01';
  if (body.success === true) return 'id' in body || 'totalQuota' in body ? 'v10' : 'v1a';
  const key = typeof body.key === 'string' ? body.key : '';
  if (key.startsWith('sk-')) return 'v1';
  if (key.startsWith('trial_')) return 'v01';
  if (key.startsWith('roc_')) return 'v1p';
  return undefined;
}
