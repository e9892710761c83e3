// The server's URL and the admin token, when none was given: said in the words of the platform the
// user sets them on (the action's inputs, the repository's variable and secret; GitLab's CI/CD
// variables; the CLI's flags), before any request. Only the CLI has a default URL: the old tool's.
import type { Command } from './commands.js';
import type { RunContext } from './context.js';

/** The old tool's server, the CLI's default on a developer's machine. */
export const CLI_DEFAULT_URL = 'http://localhost:8787';

/** What to set when neither `url` nor QUOTA_PROXY_URL is (GitHub, GitLab: CI has no server of its own). */
export function emptyUrlAdvice(platform: RunContext['platform']): string {
  return platform === 'github'
    ? 'it is empty: set the repository variable QUOTA_PROXY_URL (url: ${{ vars.QUOTA_PROXY_URL }} is empty ' +
        "while it is unset), or give url the server's address, such as https://quota.example.com"
    : "it is empty: set the CI/CD variable QUOTA_PROXY_URL, or the component's url input, to the server's " +
        'address, such as https://quota.example.com';
}

/** What to set when a command that needs the token has none. */
export function missingTokenAdvice(command: Command, platform: RunContext['platform']): string {
  const where =
    platform === 'github'
      ? 'it is empty: set the repository secret QUOTA_PROXY_ADMIN_TOKEN and pass it as admin-token: ' +
        '${{ secrets.QUOTA_PROXY_ADMIN_TOKEN }} (an unset secret is empty)'
      : platform === 'gitlab'
        ? 'it is empty: set the CI/CD variable QUOTA_PROXY_ADMIN_TOKEN (masked), or ADMIN_TOKEN'
        : 'set --token (-t) or the ADMIN_TOKEN environment variable';
  return `required for ${command}: ${where}`;
}
