// Runs the bundled action (dist/index.js) the way the GitHub runner does: INPUT_* variables,
// GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files and an event payload. Also starts the dev server
// of dist/cli.js as its own process. Used by `npm start` and by the tests.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The URL a server process prints as `listening on URL`; rejects with `why()` if it exits first. */
export function listeningUrl(child, why) {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const match = /listening on (\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`${why()} (exit code ${code})`)));
  });
}

/**
 * Starts `node dist/cli.js dev-server` on a free port.
 * @param {string[]} [args] extra dev-server flags
 * @returns {Promise<{ url: string, token: string, stop: () => Promise<void> }>}
 */
export async function startDevServerProcess(args = []) {
  const token = randomBytes(16).toString('hex');
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'dist/cli.js'), 'dev-server', '--port', '0', '--token', token, ...args],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const url = await listeningUrl(child, () => `dev server exited: ${stderr}`);
  return {
    url,
    token,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.on('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Runs dist/index.js as the runner would.
 * @param {Record<string, string>} inputs action inputs by name
 * @param {{ eventName?: string, ref?: string, payload?: object, runId?: string, attempt?: string, env?:
 * Record<string,string>, workspace?: string, entry?: string, onSpawn?: (child:
 * import('node:child_process').ChildProcess) => void }} [event]
 *   `env`: extra variables (e.g. the artifact service double's); `entry`: another bundle to run (a copy of
 * dist/index.js);
 *   `onSpawn`: receives the process (to signal it, as the runner does on cancel)
 */
export async function runBundledAction(inputs, event = {}) {
  const workspace = event.workspace ?? mkdtempSync(path.join(tmpdir(), 'quota-keys-ws-'));
  const runnerTemp = mkdtempSync(path.join(tmpdir(), 'quota-keys-runner-'));
  const outputFile = path.join(runnerTemp, 'output');
  const summaryFile = path.join(runnerTemp, 'summary.md');
  const eventFile = path.join(runnerTemp, 'event.json');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  // A private repository unless the test says otherwise: GitHub's payloads name the repository.
  writeFileSync(
    eventFile,
    JSON.stringify(event.payload ?? { repository: { full_name: 'octo/keys', private: true, visibility: 'private' } }),
  );
  mkdirSync(workspace, { recursive: true });
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TZ: process.env.TZ,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_EVENT_NAME: event.eventName ?? 'push',
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_REF: event.ref ?? 'refs/heads/main',
    GITHUB_RUN_ID: event.runId ?? '1001',
    GITHUB_RUN_ATTEMPT: event.attempt ?? '1',
    GITHUB_REPOSITORY: 'octo/keys',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: runnerTemp,
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
    ...event.env,
  };
  const child = spawn(process.execPath, [event.entry ?? path.join(ROOT, 'dist/index.js')], {
    env,
    cwd: workspace,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  event.onSpawn?.(child);
  const code = await new Promise((resolve) => child.on('close', resolve));
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    workspace,
  };
}

/** Reads the `name<<delimiter` blocks @actions/core writes to GITHUB_OUTPUT. */
export function parseOutputFile(text) {
  /** @type {Record<string, string>} */
  const outputs = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i]);
    if (!match) continue;
    const value = [];
    for (i++; i < lines.length && lines[i] !== match[2]; i++) value.push(lines[i]);
    outputs[match[1]] = value.join('\n');
  }
  return outputs;
}
