// A large unpaged listing (v1 answers every key at once) is one answer: once it has arrived, nothing
// in it waits. Its keys are handed on a hundred at a time with a turn of the event loop between
// parts, so timers, signals and the garbage collector's tasks run while 100,000 keys are written
// (without the turns the old generation overshot while it was being marked: docs/performance.md).
import { type DevServer, startDevServer } from '../src/dev-server/index.js';
import { QuotaProxy } from '../src/quota-proxy/client.js';
import { HttpClient } from '../src/transport/http.js';

const KEYS = 12_000;

let server: DevServer;
let http: HttpClient;
beforeAll(async () => {
  server = await startDevServer({ flavor: 'v1' });
  server.seedKeys(KEYS, { labelPrefix: 'turn-' });
  http = new HttpClient({ baseUrl: new URL(server.url), token: server.token, timeoutMs: 10_000, connections: 1 });
});
afterAll(async () => {
  await http.close();
  await server.close();
});

test('every part of a split listing comes after a turn of the event loop', async () => {
  let turns = 0;
  let counting = true;
  const count = () => {
    turns += 1;
    if (counting) setImmediate(count);
  };
  const turnsAtPart: number[] = [];
  const sizes: number[] = [];
  try {
    for await (const part of new QuotaProxy(http).listKeys()) {
      if (turnsAtPart.length === 0) setImmediate(count);
      turnsAtPart.push(turns);
      sizes.push(part.length);
    }
  } finally {
    counting = false;
  }
  // Each part after the first: the event loop turned since the one before.
  const stalled = turnsAtPart.slice(1).filter((at, i) => at <= turnsAtPart[i]!).length;
  expect({ parts: sizes.length, stalled }).toEqual({ parts: KEYS / 100, stalled: 0 });
  expect(sizes.every((size) => size === 100)).toBe(true);
});
