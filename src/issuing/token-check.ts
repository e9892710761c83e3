// Before the first key is made: one authenticated read proves the admin token, so a wrong token
// (or a TLS problem) fails with one line naming where the token came from, and nothing is created.

import type { QuotaProxy } from '../quota-proxy/client.js';
import { errorMessage } from '../shared/errors.js';
import { HttpStatusError, NetworkError } from '../transport/errors.js';

/**
 * Node's messages for a certificate it does not trust (self-signed, private CA, expired, wrong name) or a failed
 * handshake.
 */
const TLS_PROBLEM = /certificate|self[- ]signed|\bTLS\b|\bSSL\b|handshake|EPROTO/i;

/** What to do about a TLS failure, appended to its message; undefined when `message` is not one. */
export function tlsAdvice(message: string): string | undefined {
  if (!TLS_PROBLEM.test(message)) return undefined;
  return (
    "This is a TLS error: the server's certificate is not trusted (or the handshake failed). If it comes " +
    'from a private CA, ' +
    "set NODE_EXTRA_CA_CERTS to that CA's certificate file (PEM) in the step's env; check the host name in " +
    'url matches the certificate.'
  );
}

export interface TokenCheckFailure {
  failure: string;
}

/**
 * Reads `GET /admin/usage?limit=1&days=1` with the token (small on every flavor; on v10 it costs one
 * request of the admin rate limit). Returns the failure line when the token is refused or the
 * server cannot be reached; undefined when the token was accepted or the answer says nothing
 * about it (a 404 or 5xx: the creates will tell, and `warn` says so).
 */
export async function checkAdminToken(
  api: QuotaProxy,
  tokenSource: string,
  warn: (message: string) => void,
): Promise<string | undefined> {
  const noKey = 'No key was created.';
  try {
    await api.checkAdminToken();
    return undefined;
  } catch (error) {
    if (error instanceof HttpStatusError && (error.status === 401 || error.status === 403)) {
      const why =
        error.status === 401
          ? `The server refused the admin token from ${tokenSource} (${error.message}); check that it is ` +
            `the server's ADMIN_TOKEN, whole and current`
          : `The server refused the admin request (${error.message}): the token from ${tokenSource} lacks ` +
            `admin rights, or this runner's address is not on the server's admin allow-list`;
      return `${why}. ${noKey}`;
    }
    // A plain-HTTP port's message already says what to do.
    if (error instanceof NetworkError && error.kind === 'plain-http')
      return `Checking the admin token failed: ${error.message}. ${noKey}`;
    if (error instanceof NetworkError) {
      const advice = tlsAdvice(error.message);
      return (
        `Checking the admin token failed: ${error.message}; ` +
        `${advice ?? 'check that quota-proxy is running and reachable from this runner'}. ${noKey}`
      );
    }
    const message = errorMessage(error);
    warn(`Could not check the admin token before creating (${message}); going on: the first create will tell.`);
    return undefined;
  }
}
