// A refused answer (429) that breaks off mid-body is decided by its status alone: when the policy
// does not repeat it (on-rate-limit fail; a Retry-After no wait can be read from), its broken body
// is no second reason to send it again. A scripted server on 127.0.0.1 answers every /admin/keys
// 429 and destroys the connection after 10 bytes of its body.
import { startScriptedServer } from '../__fixtures__/scripted-server.js';
import { HttpClient, type HttpClientOptions } from '../src/transport/http.js';

test.each([
  ['on-rate-limit fail', { onRateLimit: 'fail' as const }, '0'],
  ['a Retry-After no wait can be read from', {}, 'soon'],
])('%s: a GET refused with 429 and cut off is sent once', async (_name, more: Partial<HttpClientOptions>, wait) => {
  const server = await startScriptedServer(() => ({
    status: 429,
    headers: { 'retry-after': wait },
    body: { error: 'x'.repeat(90) },
    cutOffAfter: 10,
  }));
  const client = new HttpClient({
    baseUrl: new URL(server.url),
    token: server.token,
    timeoutMs: 5000,
    connections: 1,
    retries: 3,
    ...more,
  });
  try {
    await expect(client.json('GET', '/admin/keys')).rejects.toThrow();
    expect(server.requests).toHaveLength(1);
  } finally {
    await client.close();
    await server.close();
  }
});
