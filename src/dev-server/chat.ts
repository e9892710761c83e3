/** /v1/chat/completions, served by every flavor; each flavor decides (ChatCharge) whether a key may use it. */
import type { IncomingMessage } from 'node:http';
import type { ChatCharge, Ctx, Handler, ServerContext } from './context.js';
import { sendJson } from './http.js';

function trialKeyOf(req: IncomingMessage): string | undefined {
  const auth = req.headers.authorization;
  if (auth && auth.length > 7 && auth.slice(0, 7).toLowerCase() === 'bearer ') return auth.slice(7).trim();
  const x = req.headers['x-trial-key'];
  return typeof x === 'string' && x.trim() ? x.trim() : undefined;
}

/** The key's requests on `day` (server-local). */
export function usedOn(s: ServerContext, day: string, key: string): number {
  return (s.store.getUsage.get(day, key) as { requests: number } | undefined)?.requests ?? 0;
}

/**
 * The charge of the daily-limit flavors that refuse at the limit without counting (v1, v1p, v1a),
 * so a refused key's count sits at its limit; `refuse` answers in the flavor's words.
 */
export function chargeAtDailyLimit(
  refuse: (s: ServerContext, c: Ctx, limit: number, used: number) => void,
): ChatCharge {
  return (s, c, row, now) => {
    if (!row.is_active) {
      s.fail(c.res, 403, 'Trial key is inactive');
      return false;
    }
    const day = s.localDay(new Date(now));
    const limit = row.daily_limit ?? s.dailyLimit;
    const used = usedOn(s, day, row.key);
    if (used >= limit) {
      refuse(s, c, limit, used);
      return false;
    }
    s.store.addUsage.run(day, row.key, 1, now);
    return true;
  };
}

export function chatCompletions(s: ServerContext, charge: ChatCharge): Handler {
  return (c) => {
    const key = trialKeyOf(c.req);
    if (!key) return s.fail(c.res, 401, 'Missing trial key in Authorization header');
    const row = s.getKey(key);
    if (!row) return s.fail(c.res, 401, 'Invalid trial key');
    const now = Date.now();
    if (!charge(s, c, row, now)) return;
    const model = typeof c.body.model === 'string' ? c.body.model : 'dev-model';
    sendJson(c.res, 200, {
      id: 'chatcmpl-dev-' + now,
      object: 'chat.completion',
      created: Math.floor(now / 1000),
      model,
      choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    });
  };
}
