// The two services the bundled action's artifact tests need: the dev server as its own process (the
// keys) and the artifact service double (the uploads), started before the file's tests, stopped after.
import { startDevServerProcess } from '../scripts/lib/simulate-runner.js';
import { type ArtifactService, startArtifactService } from './artifact-service.js';

export interface ActionServices {
  server: { url: string; token: string; stop: () => Promise<void> };
  service: ArtifactService;
}

/** Registers beforeAll/afterAll; the returned object is filled once the services are up. */
export function devServerAndArtifactService(): ActionServices {
  const services = {} as ActionServices;
  beforeAll(async () => {
    services.server = await startDevServerProcess();
    services.service = await startArtifactService();
  });
  afterAll(async () => {
    await services.service.close();
    await services.server.stop();
  });
  return services;
}
