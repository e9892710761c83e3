/**
 * The dev server's request handling, the same for every flavor: base path, the admin rate limit,
 * route lookup (Express's 404 page otherwise), the admin token, the JSON body, and 400/500 answers
 * in the flavor's error shape. The routes themselves come from the flavor module (./flavors/).
 */

import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorMessage } from '../shared/errors.js';
import type { AdminRateLimiter } from './admin-rate-limit.js';
import type { Body, Ctx, Handler, RouteDef, ServerContext } from './context.js';
import { BadRequest, KEY_PARAM_ROUTE } from './context.js';
import { MAX_BODY, readBody, sendExpress404 } from './http.js';

interface Route {
  admin: boolean;
  body: boolean;
  handler: Handler;
}

export interface RouterOptions {
  s: ServerContext;
  routes: RouteDef[];
  /** The flavor's 401 reason. */
  unauthorized: string;
  /** The admin token is also accepted as `?admin_token=`. */
  adminTokenInQuery: boolean;
  token: string;
  /** Normalised ('' or '/prefix'). */
  basePath: string;
  rateLimiter: AdminRateLimiter | undefined;
  /** Every request received is appended here. */
  requests: Array<{ method: string; path: string }>;
}

const EMPTY_BODY: Body = Object.freeze({}) as Body;
const EMPTY_QUERY = new URLSearchParams();
const KEYS_PREFIX = KEY_PARAM_ROUTE.slice(0, -':key'.length);

export function normaliseBasePath(p: string | undefined): string {
  if (!p || p === '/') return '';
  let s = p.startsWith('/') ? p : '/' + p;
  while (s.length > 1 && s.endsWith('/')) s = s.slice(0, -1);
  return s;
}

function routeTable(routes: RouteDef[]): { fixed: Map<string, Route>; byKey: Map<string, Route> } {
  const fixed = new Map<string, Route>(); // 'METHOD /path' → route
  const byKey = new Map<string, Route>(); // method → route for /admin/keys/:key
  for (const r of routes) {
    const route = { admin: !r.public, body: r.body ?? false, handler: r.handler };
    if (r.path === KEY_PARAM_ROUTE) byKey.set(r.method, route);
    else fixed.set(r.method + ' ' + r.path, route);
  }
  return { fixed, byKey };
}

/** The path below basePath, or undefined when the request is not under it. */
function stripBasePath(pathname: string, basePath: string): string | undefined {
  if (!basePath) return pathname;
  // A reverse proxy mounted at basePath strips the prefix; anything else is not routed to us.
  if (pathname === basePath) return '/';
  if (pathname.startsWith(basePath) && pathname.charCodeAt(basePath.length) === 47 /* / */) {
    return pathname.slice(basePath.length);
  }
  return undefined;
}

/** /admin/keys/<one segment>: the path of the `:key` routes. */
const isKeyPath = (p: string): boolean =>
  p.startsWith(KEYS_PREFIX) && p.length > KEYS_PREFIX.length && p.indexOf('/', KEYS_PREFIX.length) < 0;

const isAdminPath = (p: string): boolean => p.startsWith('/admin') && (p.length === 6 || p.charCodeAt(6) === 47);

/** Like express.json(): only JSON content types are parsed; other bodies read as {}. Answers a bad body itself. */
function readJsonBody(s: ServerContext, req: IncomingMessage, res: ServerResponse, then: (body: Body) => void): void {
  readBody(req, MAX_BODY, (err, text) => {
    if (err) return s.fail(res, 413, 'request entity too large');
    const ct = req.headers['content-type'];
    if (text === '' || ct === undefined || !/json/i.test(ct)) return then(EMPTY_BODY);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return s.fail(res, 400, 'Invalid JSON body');
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      return s.fail(res, 400, 'JSON body must be an object');
    }
    then(parsed as Body);
  });
}

function run(s: ServerContext, route: Route, c: Ctx): void {
  try {
    route.handler(c);
  } catch (e) {
    if (c.res.headersSent) return;
    if (e instanceof BadRequest) return s.fail(c.res, 400, e.message);
    s.fail(c.res, 500, 'Internal server error', { details: errorMessage(e) });
  }
}

/** The node:http request listener of a flavor's routes. */
export function createRouter(o: RouterOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const { s, token } = o;
  const { fixed, byKey } = routeTable(o.routes);

  const isAdmin = (req: IncomingMessage, query: URLSearchParams): boolean => {
    const auth = req.headers.authorization;
    if (auth && auth.length > 7 && auth.slice(0, 7).toLowerCase() === 'bearer ' && auth.slice(7).trim() === token) {
      return true;
    }
    const x = req.headers['x-admin-token'];
    if (typeof x === 'string' && x.trim() === token) return true;
    return o.adminTokenInQuery && query.get('admin_token') === token;
  };

  return (req, res) => {
    const url = req.url ?? '/';
    const method = req.method ?? 'GET';
    o.requests.push({ method, path: url });

    const qi = url.indexOf('?');
    const rawPath = qi < 0 ? url : url.slice(0, qi);
    const pathname = stripBasePath(rawPath, o.basePath);
    if (pathname === undefined) return sendExpress404(res, method, rawPath);
    if (o.rateLimiter && isAdminPath(pathname) && o.rateLimiter(req, res)) return;

    const p = pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
    const lookup = method === 'HEAD' ? 'GET' : method;
    let route = fixed.get(lookup + ' ' + p);
    let param = '';
    if (route === undefined && isKeyPath(p)) {
      route = byKey.get(lookup);
      param = p.slice(KEYS_PREFIX.length);
    }
    if (route === undefined) return sendExpress404(res, method, pathname);

    const query = qi < 0 ? EMPTY_QUERY : new URLSearchParams(url.slice(qi + 1));
    if (route.admin && !isAdmin(req, query)) return s.fail(res, 401, o.unauthorized);
    if (param) {
      try {
        param = decodeURIComponent(param);
      } catch {
        return s.fail(res, 400, `Failed to decode param '${param}'`);
      }
    }
    const r = route;
    if (!r.body) return run(s, r, { req, res, query, body: EMPTY_BODY, param });
    readJsonBody(s, req, res, (body) => run(s, r, { req, res, query, body, param }));
  };
}
