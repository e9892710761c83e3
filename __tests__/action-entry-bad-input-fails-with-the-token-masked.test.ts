// In-process action entry: a bad input fails the step with one line naming the input, before any
// request; the admin token (from the input or from ADMIN_TOKEN) is masked before the inputs are
// read, so even an input that echoes it shows it masked.
import { runActionInProcess } from '../__fixtures__/fake-core.js';
import { startDevServer } from '../src/dev-server/index.js';
import type { DevServer } from '../src/dev-server/types.js';

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer({ flavor: 'v1' });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

test('count: "many" fails naming the input; no request is sent', async () => {
  const { core } = await runActionInProcess({
    command: 'batch',
    count: 'many',
    url: server.url,
    'admin-token': server.token,
  });
  expect(core.failures).toHaveLength(1);
  expect(core.failures[0]).toMatch(/^Invalid input 'count': "many" — /);
  expect(server.requests).toEqual([]);
  expect(core.masked).toContain(server.token);
});

test('an input that holds the token shows it masked; ADMIN_TOKEN from the environment is masked too', async () => {
  const token = server.token;
  const { core } = await runActionInProcess(
    { command: 'batch', count: token, url: server.url },
    { env: { ADMIN_TOKEN: `  ${token}  ` } },
  );
  expect(core.masked).toEqual(expect.arrayContaining([token]));
  expect(core.failures).toHaveLength(1);
  expect(core.failures[0]).toMatch(/^Invalid input 'count'/);
  expect(core.shown()).not.toContain(token);
  expect(server.requests).toEqual([]);
});

test('an unknown command is refused with the commands allowed', async () => {
  const { core } = await runActionInProcess({ command: 'explode', url: server.url, 'admin-token': server.token });
  expect(core.failures[0]).toMatch(/^Invalid input 'command': "explode" — .*batch/);
  expect(server.requests).toEqual([]);
});
