// Messages about a failed connection name the proxy it went through: a refused connection is then
// the proxy's, not the server's.
import { redactUrl } from '../shared/redact.js';

/**
 * " through the proxy … (HTTP_PROXY)" when EnvHttpProxyAgent sends requests for `url` through one
 * (same variables, same NO_PROXY matching by host), else ''. The proxy URL is shown without credentials.
 */
export function proxyNote(url: URL, env: NodeJS.ProcessEnv): string {
  const https = url.protocol === 'https:';
  const names = https ? ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'] : ['http_proxy', 'HTTP_PROXY'];
  const name = names.find((n) => env[n]);
  if (!name) return '';
  const noProxy = (env.no_proxy ?? env.NO_PROXY ?? '').split(/[\s,]+/).filter(Boolean);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const bypassed = noProxy.some((entry) => {
    if (entry === '*') return true;
    const bare = entry.replace(/^\*?\./, '').replace(/:\d+$/, '');
    return host === bare || host.endsWith(`.${bare}`);
  });
  return bypassed ? '' : ` through the proxy ${redactUrl(env[name]!)} (${name})`;
}
