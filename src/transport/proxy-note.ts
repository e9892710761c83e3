// Messages about a failed connection name the proxy it went through: a refused connection is then
// the proxy's, not the server's. The rules are undici's EnvHttpProxyAgent's, read the same way
// (undici is pinned to one version; __tests__/proxy-note-says-what-undici-does.test.ts holds the
// two equal over sockets).
import { redactUrl } from '../shared/redact.js';

interface NoProxyEntry {
  hostname: string;
  port: number;
  /** `*.example.com`: subdomains only, not the apex. */
  wildcard: boolean;
}

/**
 * " through the proxy … (HTTP_PROXY)" when EnvHttpProxyAgent sends requests for `url` through one,
 * else ''. The proxy URL is shown without credentials.
 */
export function proxyNote(url: URL, env: NodeJS.ProcessEnv): string {
  const https = url.protocol === 'https:';
  const httpName = proxyVariable(env, 'http_proxy', 'HTTP_PROXY');
  const name = https ? (proxyVariable(env, 'https_proxy', 'HTTPS_PROXY') ?? httpName) : httpName;
  if (!name || !env[name]) return '';
  let host = url.hostname.replace(/^\[(.+)\]$/, '$1').toLowerCase();
  if (host.length > 1 && host.endsWith('.')) host = host.slice(0, -1);
  const port = Number(url.port) || (https ? 443 : 80);
  const bypassed = parseNoProxy(env.no_proxy ?? env.NO_PROXY ?? '').some(
    (entry) =>
      (!entry.port || entry.port === port) &&
      (entry.hostname === '*' || (!entry.wildcard && host === entry.hostname) || host.endsWith(`.${entry.hostname}`)),
  );
  return bypassed ? '' : ` through the proxy ${redactUrl(env[name]!)} (${name})`;
}

/** The variable undici reads: the lower-case one when set at all (even empty), else the upper-case one. */
function proxyVariable(env: NodeJS.ProcessEnv, lower: string, upper: string): string | undefined {
  if (env[lower] !== undefined) return lower;
  return env[upper] !== undefined ? upper : undefined;
}

function parseNoProxy(value: string): NoProxyEntry[] {
  return value
    .split(/[,\s]/)
    .filter(Boolean)
    .map((entry) => {
      // [::1]:443; else a bare or bracketed IPv6 address (colons, no port), or host[:port].
      const v6WithPort = /^\[(.+)\]:(\d+)$/.exec(entry);
      const unbracketed = entry.replace(/^\[(.+)\]$/, '$1');
      const hostPort = !v6WithPort && unbracketed.split(':').length === 2 && /^(.+):(\d+)$/.exec(unbracketed);
      const [hostname, port] = v6WithPort
        ? [v6WithPort[1]!, Number(v6WithPort[2])]
        : hostPort
          ? [hostPort[1]!, Number(hostPort[2])]
          : [unbracketed, 0];
      return {
        hostname: hostname
          .replace(/^\*?\./, '')
          .replace(/^(.+)\.$/, '$1')
          .toLowerCase(),
        port,
        wildcard: entry.startsWith('*'),
      };
    });
}
