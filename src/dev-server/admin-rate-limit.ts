/** The admin rate limit per client IP over /admin/* (upstream v10's middleware/rate-limit.js). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from './http.js';

export interface RateLimit {
  max: number;
  windowSeconds: number;
}

/** Answers a request it refuses (429) and returns true; otherwise counts it and returns false. */
export type AdminRateLimiter = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * Counts /admin requests per client, as upstream v10's middleware does: a fixed window from the
 * client's first request, renewed once more than windowSeconds have passed; a refusal (429, with
 * Retry-After only) is not counted and carries no X-RateLimit-* headers.
 */
export function adminRateLimiter(rate: RateLimit): AdminRateLimiter {
  const hits = new Map<string, { count: number; startedAt: number }>();
  const windowMs = rate.windowSeconds * 1000;
  const max = rate.max;
  return (req, res) => {
    const ip = req.socket.remoteAddress ?? '';
    const now = Date.now();
    let e = hits.get(ip);
    if (!e) {
      e = { count: 0, startedAt: now };
      hits.set(ip, e);
    } else if (now - e.startedAt > windowMs) {
      e.count = 0;
      e.startedAt = now;
    }
    if (e.count >= max) {
      const retryAfter = Math.ceil((e.startedAt + windowMs - now) / 1000);
      res.setHeader('Retry-After', retryAfter);
      const message = 'Admin API requests too frequent, try again later';
      sendJson(res, 429, { error: 'Too Many Requests', message, retryAfter });
      return true;
    }
    e.count++;
    res.setHeader('X-RateLimit-Limit', max);
    res.setHeader('X-RateLimit-Remaining', max - e.count);
    res.setHeader('X-RateLimit-Reset', Math.ceil((e.startedAt + windowMs) / 1000));
    return false;
  };
}
