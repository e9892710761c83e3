// The admin token travels in a header: over http:// to another machine anyone on the path can
// read it. Loopback is fine (the dev server, an SSH tunnel, a sidecar).
import { isIP } from 'node:net';
import { redactUrl } from '../shared/redact.js';

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1' || /^::ffff:(127\.|7f[0-9a-f]{2}:)/.test(host);
  return false;
}

/** True when the token would cross the network unencrypted. */
export function sendsTokenInClear(url: URL): boolean {
  return url.protocol === 'http:' && !isLoopbackHost(url.hostname);
}

/** The warning for an http:// URL to another host, or undefined. */
export function plainHttpWarning(url: URL): string | undefined {
  if (!sendsTokenInClear(url)) return undefined;
  return (
    `${redactUrl(url.href)} is http:// to a host that is not loopback: the admin token crosses the ` +
    `network in clear text. Use https:// (set require-https: true to refuse http://).`
  );
}
