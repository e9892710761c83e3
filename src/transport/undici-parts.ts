// Only the parts of undici a run uses. Its index also loads fetch, WebSocket, caches, mocks and
// their built-in modules (zlib, worker_threads…): `health` measured 17 ms more CPU and 690 KiB more
// loaded through it, for nothing. Retries are a loop of ours (./http.ts), not undici's interceptor.
// The plain Agent is the one EnvHttpProxyAgent holds for direct connections (no extra bytes). The
// index adds the API methods (request, connect: the proxy agent tunnels with it…) to Dispatcher;
// without it that is done here, the same way, once. These paths are no public API: undici is pinned
// to one exact version (package.json), and __tests__/undici-private-paths-pinned-and-still-there.test.ts
// fails when an update moves them.
import type { Agent as AgentType, EnvHttpProxyAgent as EnvHttpProxyAgentType } from 'undici';
import api from 'undici/lib/api/index.js';
import AgentClass from 'undici/lib/dispatcher/agent.js';
import Dispatcher from 'undici/lib/dispatcher/dispatcher.js';
import EnvHttpProxyAgentClass from 'undici/lib/dispatcher/env-http-proxy-agent.js';

if (!('request' in Dispatcher.prototype)) Object.assign(Dispatcher.prototype, api);

export const Agent: typeof AgentType = AgentClass;
export const EnvHttpProxyAgent: typeof EnvHttpProxyAgentType = EnvHttpProxyAgentClass;
