// A 503 whose body breaks off is one failed attempt: it costs one retry, not one for its status and
// another for its body. A scripted server on 127.0.0.1: the first /admin/keys is answered 503 whose
// connection is destroyed after 10 bytes of its body, the next one 200.
import { startScriptedServer } from '../__fixtures__/scripted-server.js';
import { HttpClient } from '../src/transport/http.js';

test('with retries: 1, a GET answered 503 that breaks off mid-body is asked once more and succeeds', async () => {
  const server = await startScriptedServer(({ index }) =>
    index === 0
      ? { status: 503, headers: { 'retry-after': '0' }, body: { error: 'x'.repeat(90) }, cutOffAfter: 10 }
      : { body: { keys: [] } },
  );
  const client = new HttpClient({
    baseUrl: new URL(server.url),
    token: server.token,
    timeoutMs: 5000,
    connections: 1,
    retries: 1,
  });
  try {
    const { body, answer } = await client.json<{ keys: unknown[] }>('GET', '/admin/keys');
    expect(body.keys).toEqual([]);
    expect(answer).toMatchObject({ status: 200, retries: 1, earlierMayHaveActed: true });
    expect(server.requests).toHaveLength(2);
  } finally {
    await client.close();
    await server.close();
  }
});
