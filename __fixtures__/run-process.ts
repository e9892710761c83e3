// Child processes for tests: a command's exit code and whole output, and the bundled CLI run the
// way a person runs it (only PATH and HOME from this environment, plus what the test gives).
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

export const CLI_BUNDLE = path.resolve(import.meta.dirname, '../dist/cli.js');

/** Starts `command`; `done` settles with its exit code and output once it has closed. */
export function startProcess(
  command: string,
  args: string[],
  options: { cwd?: string; env: NodeJS.ProcessEnv; uid?: number },
): { child: ChildProcess; done: Promise<Finished> } {
  const { cwd, env, uid } = options;
  const child = spawn(command, args, { cwd, env, uid, gid: uid, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<Finished>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return { child, done };
}

/** `node dist/cli.js …` in `cwd` with PATH, HOME and `env`. */
export function startCli(args: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}) {
  return startProcess(process.execPath, [CLI_BUNDLE, ...args], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env },
  });
}

export const runCliBundle = (
  args: string[],
  options: { cwd?: string; env?: Record<string, string | undefined> } = {},
) => startCli(args, options).done;
