// After the run: one POST to notify-webhook, a short JSON body (Slack-compatible `text` plus
// structured fields) naming the command, each server, its counts and alerts and the run URL, on
// `notify-on` (failure, alert, always). Never a key or a token: the body goes through the Redactor.
// A webhook that fails, answers an error or hangs is a warning; it never changes the run's result
// and is given up after NOTIFY_TIMEOUT_MS.
import type { RunReport } from '../commands/contract.js';
import type { NotifyOn, Options } from '../config/options.js';
import type { Logger } from '../shared/log.js';
import type { Redactor } from '../shared/redact.js';
import { oneLine } from '../shared/text.js';

/** The most the notification may add to a run: connect, send and the answer together. */
export const NOTIFY_TIMEOUT_MS = 10_000;
/** After a signal, less: one signal ends any command within 5 s, and the grace took 2.5 s of them. */
export const NOTIFY_AFTER_SIGNAL_MS = 1500;

/** One server's part in the notification. */
export interface NotifiedServer {
  name: string;
  /** Credentials already redacted. */
  url: string;
  report: RunReport;
}

/** Outputs counted in the notification, under the name the body gives them. */
const COUNTS: ReadonlyArray<[string, string]> = [
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
  return { text: lines.join('\n'), command, ok, reason, alerts, run_url: url ?? null, servers: fields, failure: after };
}

/** The answer's first bytes, for the warning; never read whole (a webhook may answer gigabytes). */
async function answerStart(answer: Response, max = 4096): Promise<string> {
  const reader = answer.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < max) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
  }
  await reader.cancel().catch(() => undefined);
  return Buffer.concat(chunks).subarray(0, max).toString('utf8');
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
    JSON.stringify(notificationBody(options.command, servers, reason, runUrl, redact, runFailure)),
  );
  try {
    const answer = await fetch(hook, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      redirect: 'manual',
      signal: signal ? AbortSignal.any([AbortSignal.timeout(timeoutMs), signal]) : AbortSignal.timeout(timeoutMs),
    });
    const text = await answerStart(answer);
    if (answer.status < 200 || answer.status > 299)
      log.warning(`notify-webhook answered ${answer.status}: ${log.redactor.snippet(text)}; the run's result stands.`);
    else log.info(`Notified notify-webhook (${reason}).`);
  } catch (error) {
    // Checked by name: the DOMException may come from another realm than this Error.
    const name = (error as { name?: string } | undefined)?.name;
    const timedOut = name === 'TimeoutError' || name === 'AbortError';
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = signal?.aborted
      ? 'abandoned after the signal'
      : timedOut
        ? `no answer within ${timeoutMs / 1000} s`
        : (cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error)));
    log.warning(`notify-webhook could not be notified (${why}); the run's result stands.`);
  }
}
