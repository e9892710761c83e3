// npm and npx as the test run's own npm script started them (`npm test`: npm_execpath), else the
// ones on PATH, under this Node (first on PATH: the package's bin runs `#!/usr/bin/env node`).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { type Finished, startProcess } from './run-process.js';

const npmCli =
  process.env.npm_execpath && /npm-cli\.js$/.test(process.env.npm_execpath) ? process.env.npm_execpath : undefined;
const npxCli =
  npmCli && existsSync(path.join(path.dirname(npmCli), 'npx-cli.js'))
    ? path.join(path.dirname(npmCli), 'npx-cli.js')
    : undefined;

/** PATH with this Node first. */
export const NODE_FIRST_PATH = `${path.dirname(process.execPath)}:${process.env.PATH}`;

function run(script: string | undefined, name: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  const all = { PATH: NODE_FIRST_PATH, ...env };
  return (
    script
      ? startProcess(process.execPath, [script, ...args], { cwd, env: all })
      : startProcess(name, args, { cwd, env: all })
  ).done;
}

export const npm = (args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Finished> =>
  run(npmCli, 'npm', args, cwd, env);
export const npx = (args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Finished> =>
  run(npxCli, 'npx', args, cwd, env);
