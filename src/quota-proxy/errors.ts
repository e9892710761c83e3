// The API's own failure (an operation a flavor lacks) and which failures end a run early. The
// failures of a request itself (network, status, answer) are the transport's: ../transport/errors.ts.
import { QuotaKeysError } from '../shared/errors.js';
import { HttpStatusError, RateLimitedError } from '../transport/errors.js';
import type { Flavor } from './types.js';

export class UnsupportedOperationError extends QuotaKeysError {
  constructor(flavor: Flavor, operation: string, hint = '') {
    super(`The ${flavor} quota-proxy flavor has no ${operation}${hint ? `: ${hint}` : '.'}`);
    this.name = 'UnsupportedOperationError';
  }
}

/**
 * Answers after which every further admin request of the run would fail the same way: a bad
 * request body (400; v01 without persistence), a bad token (401, 403), a missing route (404, 405).
 * A DELETE of a key that is already gone is not one: deleteKey answers false for its 404.
 */
export const FATAL_STATUSES: readonly number[] = [400, 401, 403, 404, 405];

/**
 * Errors after which further requests would fail the same way (bad token, missing route, rate limit, an operation the
 * flavor lacks).
 */
export function isFatal(error: unknown): boolean {
  if (error instanceof UnsupportedOperationError || error instanceof RateLimitedError) return true;
  return error instanceof HttpStatusError && FATAL_STATUSES.includes(error.status);
}
