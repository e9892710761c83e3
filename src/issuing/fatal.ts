// Errors after which further admin requests would fail the same way. One list for creating
// (issue-keys) and deleting (rotate). 404 never reaches here from a DELETE (deleteKey reads it as
// "already gone"), and no flavor answers 400 to a DELETE, so one list serves both.
import { HttpStatusError, RateLimitedError } from '../quota-proxy/http.js';
import { UnsupportedOperationError } from '../quota-proxy/types.js';

/** A bad token, a missing route or method, a request shape the server rejects, the rate limit, an unsupported operation. */
export function isFatal(error: unknown): boolean {
  if (error instanceof UnsupportedOperationError || error instanceof RateLimitedError) return true;
  return error instanceof HttpStatusError && [400, 401, 403, 404, 405].includes(error.status);
}
