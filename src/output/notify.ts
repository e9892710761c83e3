// After the run: one POST to notify-webhook, a short JSON body (Slack-compatible `text` plus
// structured fields) naming the command, each server, its counts and alerts and the run URL, on
// `notify-on` (failure, alert, always). Never a key or a token: the body goes through the Redactor.
// It goes through the proxy the admin requests use. A webhook that fails, answers an error or hangs
// is a warning; it never changes the run's result and is given up after NOTIFY_TIMEOUT_MS; one that
// answered 2xx has it (its body is not waited for).

import type { Readable } from 'node:stream';
import type { NotifyOn, Options } from '../config/options.js';
import type { OutputName, Report } from '../report/report.js';
import { errorMessage } from '../shared/errors.js';
import type { Logger } from '../shared/log.js';
import { chatText, jsonText } from '../shared/neutralise.js';
import type { Redactor } from '../shared/redact.js';
import { oneLine } from '../shared/text.js';
import { proxyNote } from '../transport/proxy-note.js';

/** The most the notification may add to a run: connect, send and the answer together. */
export const NOTIFY_TIMEOUT_MS = 10_000;
/** After a signal, less: one signal ends any command within 5 s, and the grace took 2.5 s of them. */
export const NOTIFY_AFTER_SIGNAL_MS = 1500;

/** One server's part in the notification. */
export interface NotifiedServer {
  name: string;
  /** Credentials already redacted. */
  url: string;
  report: Report;
}

/** Outputs counted in the notification, under the name the body gives them. */
const COUNTS: ReadonlyArray<[OutputName, string]> = [
  ['created-count', 'created'],
  ['failed-count', 'failed'],
  ['listed-count', 'listed'],
  ['deleted-count', 'deleted'],
  ['alerts', 'alerts'],
];

/**
 * The part of a webhook URL that is its secret, for the mask: the path and query (a Slack
 * webhook's token is its path). Not the scheme and host: every piece of a mask is hidden wherever
 * it appears, and `https://` is in every URL.
 */
export function webhookSecret(raw: string | undefined): string | undefined {
  const text = raw?.trim();
  if (!text) return undefined;
  if (!URL.canParse(text)) return text;
  const url = new URL(text);
  const secret = `${url.pathname}${url.search}`;
  if (secret.length >= 8) return secret;
  // A short path: the host with it, never the scheme (every 8-character piece of a secret is hidden,
  // and `https://` is in every URL the run prints).
  return `${url.host}${secret}`;
}

/** Registers the webhook's secret part with the logger (masked on GitHub, redacted everywhere). */
export function maskWebhook(raw: string | undefined, log: Logger): void {
  const secret = webhookSecret(raw);
  if (secret) log.secret(secret, 'token');
  const user = raw && URL.canParse(raw.trim()) ? new URL(raw.trim()) : undefined;
  if (user?.password) log.secret(decodeURIComponent(user.password), 'token');
}

const alertsOf = (server: NotifiedServer) => Number(server.report.outputs.alerts ?? 0) || 0;

/** Why this run notifies (the first of failure, alert, always that applies), or undefined. */
export function notifyReason(
  on: readonly NotifyOn[],
  servers: readonly NotifiedServer[],
  runFailure?: string,
): NotifyOn | undefined {
  if (on.includes('failure') && (runFailure || servers.some((s) => !s.report.ok))) return 'failure';
  if (on.includes('alert') && servers.some((s) => alertsOf(s) > 0)) return 'alert';
  return on.includes('always') ? 'always' : undefined;
}

function serverFields(server: NotifiedServer, redact: (text: string) => string): Record<string, unknown> {
  const { report } = server;
  const fields: Record<string, unknown> = { name: server.name, url: server.url, ok: report.ok };
  if (report.outputs.flavor) fields.flavor = report.outputs.flavor;
  for (const [output, name] of COUNTS)
    if (report.outputs[output] !== undefined) fields[name] = Number(report.outputs[output]);
  // Redacted before it is cut: half a key is no longer recognised as one.
  if (!report.ok) fields.failure = oneLine(redact(report.failure ?? 'failed'), 300);
  return fields;
}

function serverLine(fields: Record<string, unknown>): string {
  const counts = COUNTS.map(([, name]) => name)
    .filter((name) => typeof fields[name] === 'number' && (fields[name] !== 0 || name === 'alerts'))
    .map((name) => `${fields[name]} ${name}`);
  const state = fields.ok ? 'ok' : `FAILED: ${fields.failure}`;
  return `${fields.name}: ${state}${counts.length > 0 ? ` (${counts.join(', ')})` : ''}`;
}

/** The body: Slack shows `text`; the rest is for machines. */
export function notificationBody(
  command: string,
  servers: readonly NotifiedServer[],
  reason: NotifyOn,
  url: string | undefined,
  redact: (text: string) => string,
  runFailure?: string,
): Record<string, unknown> {
  const fields = servers.map((server) => serverFields(server, redact));
  const failed = fields.filter((f) => !f.ok).length;
  const after = runFailure ? oneLine(redact(runFailure), 300) : undefined;
  const alerts = servers.reduce((sum, s) => sum + alertsOf(s), 0);
  const verdict =
    failed > 0 ? `failed on ${failed} of ${servers.length} server(s)` : after ? 'failed after the run' : 'succeeded';
  const head = `quota-keys ${command} ${verdict}${alerts > 0 ? `, ${alerts} alert(s)` : ''}`;
  const lines = [head, ...fields.map((f) => `• ${serverLine(f)}`), ...(after ? [after] : []), ...(url ? [url] : [])];
  const ok = failed === 0 && !after;
  // The chat shows `text`: each line neutralised for chats (no mention, no disguised link, one line).
  const text = lines.map(chatText).join('\n');
  return { text, command, ok, reason, alerts, run_url: url ?? null, servers: fields, failure: after };
}

/** How long an error answer's body is read for the warning: its start is enough, and it may drip. */
const ERROR_BODY_MS = 1000;

/** The answer's first bytes, for the warning; never read whole (a webhook may answer gigabytes, or drip). */
async function answerStart(body: Readable, max = 4096): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  const read = (async () => {
    for await (const chunk of body) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (size >= max) break;
    }
  })().catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([read, new Promise((resolve) => (timer = setTimeout(resolve, ERROR_BODY_MS)))]);
  clearTimeout(timer);
  body.destroy();
  return Buffer.concat(chunks).subarray(0, max).toString('utf8');
}

/**
 * One POST of `body` to the webhook, through HTTPS_PROXY / HTTP_PROXY unless NO_PROXY lists its host,
 * as the admin requests go (undici, loaded only here). Redirects are not followed. A 2xx is delivered:
 * its body is not waited for.
 */
async function postWebhook(hook: URL, body: string, signal: AbortSignal): Promise<{ status: number; text: string }> {
  const { EnvHttpProxyAgent } = await import('../transport/undici-parts.js');
  const agent = new EnvHttpProxyAgent();
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (hook.username || hook.password) {
    const user = `${decodeURIComponent(hook.username)}:${decodeURIComponent(hook.password)}`;
    headers.authorization = `Basic ${Buffer.from(user).toString('base64')}`;
  }
  try {
    const answer = await agent.request({
      origin: hook.origin,
      path: `${hook.pathname}${hook.search}`,
      method: 'POST',
      headers,
      body,
      signal,
    });
    const delivered = answer.statusCode >= 200 && answer.statusCode <= 299;
    // Destroying a body not read to its end makes it emit an error: expected here, not a crash.
    answer.body.on('error', () => undefined);
    if (delivered) answer.body.destroy();
    return { status: answer.statusCode, text: delivered ? '' : await answerStart(answer.body) };
  } finally {
    await agent.destroy().catch(() => undefined);
  }
}

/**
 * Sends the notification when `notify-on` asks for one. Never throws and never takes longer than
 * `timeoutMs`: whatever goes wrong is one warning.
 */
export async function notifyAfterRun(
  options: Pick<Options, 'command' | 'notifyWebhook' | 'notifyOn'>,
  servers: readonly NotifiedServer[],
  /** The run's page (RunContext.origin), named in the message; none on a terminal. */
  runUrl: string | undefined,
  log: Logger & { redactor: Redactor },
  {
    runFailure,
    timeoutMs = NOTIFY_TIMEOUT_MS,
    signal,
  }: {
    runFailure?: string;
    timeoutMs?: number /** Abandons the POST (a signal after the run). */;
    signal?: AbortSignal;
  } = {},
): Promise<void> {
  const hook = options.notifyWebhook;
  const reason = hook ? notifyReason(options.notifyOn, servers, runFailure) : undefined;
  if (!hook || !reason) return;
  if (servers.some((s) => s.report.cancelled)) timeoutMs = Math.min(timeoutMs, NOTIFY_AFTER_SIGNAL_MS);
  const redact = (text: string) => log.redactor.redact(text);
  const body = log.redactor.redact(
    jsonText(notificationBody(options.command, servers, reason, runUrl, redact, runFailure)),
  );
  try {
    const timeout = AbortSignal.timeout(timeoutMs);
    const answer = await postWebhook(hook, body, signal ? AbortSignal.any([timeout, signal]) : timeout);
    if (answer.status < 200 || answer.status > 299)
      log.warning(
        `notify-webhook answered ${answer.status}: ${log.redactor.snippet(answer.text)}; the run's result stands.`,
      );
    else log.info(`Notified notify-webhook (${reason}).`);
  } catch (error) {
    // Checked by name: the DOMException may come from another realm than this Error.
    const name = (error as { name?: string } | undefined)?.name;
    const timedOut = name === 'TimeoutError' || name === 'AbortError';
    const code = (error as { code?: string }).code;
    const why = signal?.aborted
      ? 'abandoned after the signal'
      : timedOut
        ? `no answer within ${timeoutMs / 1000} s`
        : `${code ?? errorMessage(error)}${proxyNote(hook, process.env)}`;
    log.warning(`notify-webhook could not be notified (${why}); the run's result stands.`);
  }
}
