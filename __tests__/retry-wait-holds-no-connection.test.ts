// A request waiting out a Retry-After holds no connection: its refused answer is read whole before the
// wait, so with a single connection another request goes at once instead of queueing behind the wait
// (2 s here; before, it waited all of it). A scripted server on 127.0.0.1: the first /admin/keys is
// answered 503 with Retry-After: 2, everything else at once.
import { startScriptedServer } from '../__fixtures__/scripted-server.js';
import { HttpClient } from '../src/transport/http.js';

test('with one connection, a request sent while another waits out its Retry-After is answered at once', async () => {
  const server = await startScriptedServer(({ path, index }) =>
    path === '/admin/keys' && index === 0
      ? { status: 503, headers: { 'retry-after': '2' }, body: { error: 'busy' } }
      : { body: { keys: [] } },
  );
  const client = new HttpClient({ baseUrl: new URL(server.url), token: server.token, timeoutMs: 5000, connections: 1 });
  try {
    const waiting = client.json('GET', '/admin/keys');
    // The 503 has arrived and its wait begun.
    while (server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    const other = await client.request('GET', '/healthz', { auth: false });
    expect(other.status).toBe(200);
    // Well inside the 2 s wait (the request itself takes milliseconds); behind the wait it took 2 s.
    expect(Date.now() - started).toBeLessThan(1000);
    const { answer } = await waiting;
    expect(answer).toMatchObject({ status: 200, retries: 1 });
  } finally {
    await client.close();
    await server.close();
  }
});
