// The real artifact client, for the action only. @actions/artifact (with its Azure SDK, 5.9 MB of
// bundle) is imported when a CSV is uploaded; the CLI never uploads one, so nothing in its module
// graph names the package and its bundle (the npm package) carries none of it.
import type { ArtifactClientFactory } from '../output/artifact.js';

/** @actions/artifact reads ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL from process.env. */
export const defaultArtifactClient: ArtifactClientFactory = async () =>
  new (await import('@actions/artifact')).DefaultArtifactClient();
