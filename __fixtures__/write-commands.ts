// Runs one write command (generate, batch, reset, delete, rotate) in-process against a dev server
// over real sockets, the way the platform entries do (raw inputs → parseOptions → run), and returns
// what a test checks: the report, the CSV rows, every text the run showed, and every request the
// server received meanwhile.

import { chmodSync, copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { cliContext, type RunContext } from '../src/config/context.js';
import { parseOptions } from '../src/config/options.js';
import type { DevServer } from '../src/dev-server/index.js';
import { run } from '../src/run.js';
import { captureLog } from './capture-log.js';
import { reportChannels } from './report-view.js';
import { CLI_BUNDLE, runCliBundle, startProcess } from './run-process.js';

export const DAY_MS = 86_400_000;

export async function runWrite(server: DevServer, inputs: Record<string, string>, context: Partial<RunContext> = {}) {
  const workspace = mkdtempSync(path.join(tmpdir(), 'write-cmd-'));
  const ctx: RunContext = { ...cliContext({}), workspace, labelSuffix: 'test1', ...context };
  const all: Record<string, string> = { url: server.url, 'admin-token': server.token, ...inputs };
  const captured = captureLog();
  const before = server.requests.length;
  const options = parseOptions((n) => all[n] ?? '', {}, ctx);
  const channels = reportChannels(options.command);
  const ran = await run(options, ctx, captured.log, undefined, undefined, channels.sinks);
  // The report as its channels show it (facts as text, the table's cells).
  const report = Object.assign(ran, { summary: channels.view(ran) });
  const rows = report.csvPath
    ? (parse(readFileSync(report.csvPath, 'utf8'), { columns: true }) as Array<Record<string, string>>)
    : [];
  const requests = server.requests.slice(before).map((r) => `${r.method} ${r.path}`);
  const log = captured.text();
  const markdown = channels.markdown(report);
  /** Every text the run showed: log, job summary, terminal summary, outputs, failure. */
  const shown = [log, markdown, channels.terminal(report), JSON.stringify(report.outputs), report.failure ?? ''].join(
    '\n',
  );
  const warnings = captured.lines.filter((l) => l.startsWith('warning: '));
  return { report, rows, log, warnings, shown, markdown, requests, workspace };
}

/**
 * Requests that change something on the server: anything but GET, and but v10's health probe (an
 * unknown key sent to its proxy route, refused with nothing recorded).
 */
export const writes = (requests: string[]) =>
  requests.filter((r) => !r.startsWith('GET ') && !r.startsWith('POST /gateway?api_key=quota-keys-health-check'));

/** GET an admin route of the dev server, to read back what a command changed. */
export async function adminGet<T = unknown>(server: Pick<DevServer, 'url' | 'token'>, route: string): Promise<T> {
  const answer = await fetch(`${server.url}${route}`, { headers: { authorization: `Bearer ${server.token}` } });
  if (!answer.ok) throw new Error(`GET ${route} answered ${answer.status}`);
  return (await answer.json()) as T;
}

/** Runs the bundle `dist/cli.js` as a person does, in `cwd`, with only PATH, HOME and `env`. */
export function runCli(args: string[], options: { cwd: string; env?: Record<string, string> }) {
  return runCliBundle(args, options);
}

/** The old tool's name: examples/automate-trial-key-generation.sh, quota-keys with its lines. */
export const DROP_IN = 'automate-trial-key-generation.sh';

/**
 * Runs a bash script (the seed guide's examples) in `cwd`; on its PATH `quota-keys` is dist/cli.js
 * and `automate-trial-key-generation.sh` the drop-in that runs it.
 */
export function runBash(script: string, options: { cwd: string; env?: Record<string, string> }) {
  const bin = mkdtempSync(path.join(tmpdir(), 'quota-keys-bin-'));
  writeFileSync(path.join(bin, 'quota-keys'), `#!/bin/sh\nexec "${process.execPath}" "${CLI_BUNDLE}" "$@"\n`, {
    mode: 0o755,
  });
  // The drop-in for the old tool, as a user installs it: beside quota-keys, which it runs.
  copyFileSync(path.resolve(import.meta.dirname, '../examples', DROP_IN), path.join(bin, DROP_IN));
  chmodSync(path.join(bin, DROP_IN), 0o755);
  return startProcess('bash', ['-c', script], {
    cwd: options.cwd,
    env: { PATH: `${bin}:${process.env.PATH}`, HOME: process.env.HOME, ...options.env },
  }).done;
}

/** Creates a key labelled exactly `label` through the server's admin API (seedKeys numbers labels). */
export async function createLabelled(server: Pick<DevServer, 'url' | 'token'>, label: string): Promise<string> {
  const answer = await fetch(`${server.url}/admin/keys`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ label }),
  });
  const body = (await answer.json()) as { key: string };
  return body.key;
}

type Json = Record<string, unknown>;

/** A key's usage as the server reports it: requests on `day` (v1, v01, v1p, v1a), used quota (v10). */
export async function usageOf(
  server: Pick<DevServer, 'url' | 'token' | 'flavor'>,
  key: string,
  day: string,
): Promise<number> {
  switch (server.flavor) {
    case 'v1': {
      const { items } = await adminGet<{ items: Json[] }>(server, '/admin/usage?limit=1000');
      return Number(items.find((i) => i.trial_key === key && i.day === day)?.requests ?? 0);
    }
    case 'v01': {
      const { items } = await adminGet<{ items: Json[] }>(server, `/admin/usage?day=${day}`);
      return Number(items.find((i) => i.key === key)?.req_count ?? 0);
    }
    case 'v1p': {
      const { keys } = await adminGet<{ keys: Json[] }>(server, `/admin/usage?day=${day}`);
      return Number(keys.find((i) => i.key === key)?.requests ?? 0);
    }
    case 'v1a': {
      const { usage } = await adminGet<{ usage: Array<Json & { usage: Json[] }> }>(server, '/admin/usage?days=30');
      return Number(usage.find((i) => i.key === key)?.usage.find((d) => d.day === day)?.requests ?? 0);
    }
    case 'v10': {
      const { keys } = await adminGet<{ keys: Json[] }>(server, '/admin/keys?limit=1000');
      return Number(keys.find((i) => i.key === key)?.used_quota ?? 0);
    }
  }
}
