/** The health routes (/healthz and each flavor's extra ones), answering in the mode the server is set to. */

import type { Body, FlavorDef, Handler, ServerContext } from './context.js';
import { sendJson } from './http.js';
import type { HealthMode } from './types.js';

/** The health body of v1, v01, v1p and v1a. */
export function plainHealthBody(_s: ServerContext, ok: boolean, extra?: Body): Body {
  return ok ? { ok: true, ...extra } : { ok: false, error: 'database unavailable' };
}

export function healthHandler(def: FlavorDef, s: ServerContext, mode: () => HealthMode, extra?: () => Body): Handler {
  return (c) => {
    const m = mode();
    if (m === 'hang') return; // never answers; close() destroys the socket
    const ok = m === 'ok';
    const status = m === 'error500' && !def.healthNever5xx ? 500 : 200;
    sendJson(c.res, status, def.healthBody(s, ok, ok && extra ? extra() : undefined));
  };
}
