// The benchmark's process helpers: run a command to completion with its wall time, peak RSS and
// (optionally) the files it loaded; medians; a CPU profile's top entries by self time.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROOT } from './simulate-runner.js';

export const CLI = path.join(ROOT, 'dist/cli.js');
const RSS_PRELOAD = path.join(ROOT, 'scripts/lib/report-max-rss.js');
const LOADED_PRELOAD = path.join(ROOT, 'scripts/lib/record-loaded.js');
export const tmp = mkdtempSync(path.join(os.tmpdir(), 'quota-keys-bench-'));

export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Runs `node ...args` to completion: wall milliseconds, peak RSS in MB (rss), the bytes of the
 * files it loaded (loaded), its stdout and stderr. A non-zero exit rejects (a benchmark of a failed
 * run measures nothing).
 */
export function timed(args, { rss = false, loaded = false, env = {}, nodeArgs = [] } = {}) {
  const id = Math.random().toString(36).slice(2);
  const rssFile = path.join(tmp, `rss-${id}`);
  const loadedFile = path.join(tmp, `loaded-${id}.json`);
  const preloads = [...(rss ? ['--import', RSS_PRELOAD] : []), ...(loaded ? ['--import', LOADED_PRELOAD] : [])];
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, ...preloads, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env, MAX_RSS_FILE: rssFile, LOADED_FILE: loadedFile },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) =>
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (code !== 0) return reject(new Error(`${args.join(' ')} exited ${code}: ${stderr.slice(-500)}`));
      resolve({
        ms,
        stdout,
        stderr,
        rssMb: rss ? Number(readFileSync(rssFile, 'utf8')) / 1024 : undefined,
        loaded: loaded ? JSON.parse(readFileSync(loadedFile, 'utf8')) : undefined,
      });
    }),
  );
}

/** The top `count` functions of the .cpuprofile in `dir` by self time: `{ ms, name, where }`. */
export function profileTop(dir, count = 12) {
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  const profile = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  const selfUs = new Map();
  profile.samples.forEach((id, i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const byName = new Map();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url ? `${url.replace(`file://${ROOT}/`, '').replace(/^node:/, 'node:')}:${lineNumber + 1}` : '';
    const name = `${functionName || '(anonymous)'}\t${where}`;
    byName.set(name, (byName.get(name) ?? 0) + (selfUs.get(node.id) ?? 0));
  }
  const total = [...byName.values()].reduce((a, b) => a + b, 0);
  return {
    totalMs: total / 1000,
    top: [...byName]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, us]) => ({ ms: us / 1000, name: name.split('\t')[0], where: name.split('\t')[1] })),
  };
}
