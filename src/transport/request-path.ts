// What goes into a request's path: a key as one segment, and the whole target exactly as sent.
// Nothing here normalises a path, so a `..` in it cannot climb out of the base path.

import { QuotaKeysError } from '../shared/errors.js';

export type Query = Record<string, string | number | boolean | undefined>;

/**
 * One path segment (a key in `/admin/keys/:key`): percent-encoded, so `/`, `?` and `#` cannot
 * change the route; a segment of dots only is refused, since servers and proxies resolve it.
 */
export function pathSegment(value: string): string {
  if (/^\.*$/.test(value))
    throw new QuotaKeysError(`refusing to put ${JSON.stringify(value)} into a URL path: it is not a key`);
  return encodeURIComponent(value);
}

/** The request target exactly as sent: base path + path + query; a path with a dot segment is refused. */
export function requestPath(basePath: string, path: string, query?: Query): string {
  if (!path.startsWith('/')) throw new QuotaKeysError(`request path must start with /: ${path}`);
  if (
    path
      .split('?')[0]!
      .split('/')
      .some((segment) => segment === '.' || segment === '..')
  ) {
    throw new QuotaKeysError(`refusing a request path with a dot segment: ${path}`);
  }
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) if (value !== undefined) search.set(name, String(value));
  const qs = search.toString();
  return `${basePath}${path}${qs ? `${path.includes('?') ? '&' : '?'}${qs}` : ''}`;
}
