// A dev server for one test alone, closed after it: tests that each have their own run at once
// (test.concurrent), where a shared one would make them wait for each other.
import { type DevServer, type DevServerOptions, startDevServer } from '../src/dev-server/index.js';

export async function withDevServer(options: DevServerOptions, test: (server: DevServer) => Promise<void>) {
  const server = await startDevServer(options);
  try {
    await test(server);
  } finally {
    await server.close();
  }
}
