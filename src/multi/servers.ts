// The servers file (`config`): a YAML list of servers → one Options per server, every one checked
// before any request to any server. A token is never read from the file: each entry names the
// environment variable that holds it (`token-env`). YAML is loaded only when a file is given.

import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { COMMAND_SPECS } from '../config/commands.js';
import { newNonce, type RunContext } from '../config/context.js';
import { InputError, type Options, parseOptions, type RawInputs } from '../config/options.js';
import { nodeCrypto } from '../shared/builtins.js';

/** The inputs an entry may set for its own server (`flavor` is short for server-flavor). */
export const PER_SERVER_INPUTS: readonly string[] = [
  'server-flavor',
  'tier',
  'tiers',
  'limit',
  'server-daily-limit',
  'label-prefix',
  'health-path',
  'skip-health-check',
  'timeout-seconds',
  'concurrency',
  'retries',
  'max-wait-seconds',
  'on-rate-limit',
  'require-https',
  'alert-threshold',
  'expires-in-days',
  'limit-as-total-quota',
];
const ENTRY_KEYS = ['name', 'url', 'token-env', 'flavor', ...PER_SERVER_INPUTS];
/** Used in file and artifact names: letters, digits, `.`, `_`, `-`. */
const SERVER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
/**
 * Variables the runner sets (its tokens among them), never sent from a servers file: the file names
 * the url too, so a changed file would hand GITHUB_TOKEN or CI_JOB_TOKEN to a server of its choice.
 * Prefixes and names, in any case (Windows reads `github_token` as GITHUB_TOKEN). GH_TOKEN and
 * GH_ENTERPRISE_TOKEN: where the gh CLI takes the runner's token from.
 */
const RUNNER_VARIABLE = /^(GITHUB_|ACTIONS_|RUNNER_|CI_|GITLAB_)|^(GH_TOKEN|GH_ENTERPRISE_TOKEN|TRIGGER_PAYLOAD)$/i;
/** A servers file is a short list: more is a mistake (or /dev/zero), refused before it is read. */
export const MAX_SERVERS_FILE_BYTES = 1024 * 1024;

export interface ServerEntry {
  name: string;
  url: string;
  tokenEnv: string;
  /** Per-server inputs, as strings, by input name. */
  inputs: Record<string, string>;
  /** Where the entry starts, for messages: `servers.yml:7`. */
  where: string;
}

/** One server of the run, ready to go. */
export interface ServerRun {
  name: string;
  options: Options;
  context: RunContext;
}

type YamlModule = typeof import('yaml');
type Node = import('yaml').Node | null | undefined;

const refuse = (where: string, allowed: string) => new InputError('config', where, allowed);

/** `file:line` of a node, or of a pair's key (just the file when it has no position). */
function positionOf(yaml: YamlModule, shown: string, lines: import('yaml').LineCounter, node: unknown): string {
  const located = yaml.isPair(node) ? node.key : node;
  const start = yaml.isNode(located) ? located.range?.[0] : undefined;
  return start === undefined ? shown : `${shown}:${lines.linePos(start).line}`;
}

function scalarText(yaml: YamlModule, node: Node): string | undefined {
  if (yaml.isScalar(node) && ['string', 'number', 'boolean'].includes(typeof node.value)) return String(node.value);
  if (yaml.isMap(node)) return JSON.stringify(node.toJSON()); // tiers: a map
  return undefined;
}

/** One `servers:` item → its entry; every key checked, a token refused without echoing it. */
function readEntry(yaml: YamlModule, item: Node, at: (node: unknown) => string): ServerEntry {
  if (!yaml.isMap(item)) throw refuse(at(item), 'each item of servers must be a map with name, url and token-env');
  const values: Record<string, string> = {};
  for (const pair of item.items) {
    const key = yaml.isScalar(pair.key) ? String(pair.key.value) : '';
    if (/token$/i.test(key.replace(/[-_]/g, '')) && key !== 'token-env')
      throw refuse(
        at(pair),
        `"${key}": a token is never read from the file; set token-env to the name of the environment variable ` +
          'that holds it (from a secret)',
      );
    if (!ENTRY_KEYS.includes(key)) throw refuse(at(pair), `unknown key "${key}"; expected ${ENTRY_KEYS.join(', ')}`);
    const text = scalarText(yaml, pair.value as Node);
    if (text === undefined) throw refuse(at(pair), `"${key}" needs a value (a string, a number or true/false)`);
    values[key] = text.trim();
  }
  const where = at(item);
  for (const key of ['name', 'url', 'token-env'])
    if (!values[key]) throw refuse(where, `each server needs ${key} (name, url and token-env)`);
  const { name, url, 'token-env': tokenEnv, flavor, ...inputs } = values as Record<string, string>;
  if (!SERVER_NAME.test(name!))
    throw refuse(where, `server name "${name}": expected letters, digits, . _ - (at most 40, used in file names)`);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(tokenEnv!))
    throw refuse(where, `token-env "${tokenEnv}": expected the name of an environment variable, such as PROD_TOKEN`);
  if (RUNNER_VARIABLE.test(tokenEnv!))
    throw refuse(
      where,
      `token-env "${tokenEnv}": a variable the runner sets (GITHUB_*, ACTIONS_*, RUNNER_*, CI_*, GITLAB_*, ` +
        'GH_TOKEN, TRIGGER_PAYLOAD) is never sent to a server of the file; put the admin token in a variable ' +
        'of its own, such as PROD_TOKEN',
    );
  if (flavor) inputs['server-flavor'] = flavor;
  return { name: name!, url: url!, tokenEnv: tokenEnv!, inputs, where };
}

/** Reads and checks the servers file; `shown` is how messages name it. */
export async function readServersFile(file: string, shown = file): Promise<ServerEntry[]> {
  let text: string;
  try {
    // Checked first: reading a FIFO blocks the process for good, /dev/zero never ends.
    const stat = statSync(file);
    if (!stat.isFile()) throw refuse(shown, 'the servers file must be a regular file (not a pipe or a device)');
    if (stat.size > MAX_SERVERS_FILE_BYTES) throw refuse(shown, 'the servers file must be at most 1 MiB');
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof InputError) throw error;
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw refuse(shown, `the servers file cannot be read (${reason})`);
  }
  const yaml = await import('yaml');
  const lines = new yaml.LineCounter();
  const doc = yaml.parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  const at = (node: unknown) => positionOf(yaml, shown, lines, node);
  if (doc.errors.length > 0) {
    const [error] = doc.errors;
    throw refuse(`${shown}:${error!.linePos?.[0]?.line ?? 1}`, `not valid YAML (${error!.code})`);
  }
  const root = doc.contents;
  if (!yaml.isMap(root)) throw refuse(shown, 'expected a map with a servers: list');
  for (const pair of root.items) {
    const key = yaml.isScalar(pair.key) ? String(pair.key.value) : '';
    if (key !== 'servers') throw refuse(at(pair), `unknown key "${key}"; the file has one key, servers`);
  }
  const list = root.get('servers', true) as Node;
  if (!yaml.isSeq(list) || list.items.length === 0) throw refuse(shown, 'servers: needs a list of servers');
  const entries = list.items.map((item) => readEntry(yaml, item as Node, at));
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.name)) throw refuse(entry.where, `server name "${entry.name}" is used twice`);
    seen.add(entry.name);
  }
  return entries;
}

/**
 * The context of one server's run: its own invocation id piece (so a re-run and reconciliation
 * find only that server's labels, also when two entries are one server) and its own nonce.
 */
export function serverContext(context: RunContext, name: string): RunContext {
  const nonce = newNonce();
  const invocation = context.invocation
    ? nodeCrypto().createHash('sha256').update(`${context.invocation}\nserver ${name}`).digest('hex').slice(0, 6)
    : undefined;
  const own = context.invocation ? `i${context.invocation}n${context.nonce}` : `n${context.nonce}`;
  const mine = invocation ? `i${invocation}n${nonce}` : `n${nonce}`;
  const labelSuffix = context.labelSuffix.endsWith(own)
    ? `${context.labelSuffix.slice(0, -own.length)}${mine}`
    : context.labelSuffix;
  return { ...context, labelSuffix, nonce, ...(invocation ? { invocation } : {}) };
}

/** `<dir>/<server>-<file>`: the server's own CSV, beside the others (one artifact holds them all). */
function serverCsv(file: string, name: string, taken: (file: string) => boolean): string {
  const stem = path.join(path.dirname(file), `${name}-${path.basename(file, '.csv')}`);
  let out = `${stem}.csv`;
  for (let n = 2; taken(out); n++) out = `${stem}-${n}.csv`;
  return out;
}

/** Inputs that name one server: with config, they come from the file. */
const ONE_SERVER_INPUTS = ['url', 'admin-token'];

/** One Options per server of the file (or the one `server` names), all checked before any request. */
export async function serverRuns(
  input: RawInputs,
  env: NodeJS.ProcessEnv,
  context: RunContext,
  exists: (file: string) => boolean,
): Promise<ServerRun[]> {
  for (const name of ONE_SERVER_INPUTS)
    if (input(name).trim())
      throw new InputError(name, '', `not with config: each server's ${name} comes from the servers file`);
  const base = parseOptions(
    input,
    { ...env, ADMIN_TOKEN: 'checked-per-server', QUOTA_PROXY_URL: 'http://127.0.0.1/' },
    context,
  );
  const shown = path.relative(context.workspace, base.config!) || base.config!;
  const all = await readServersFile(base.config!, shown);
  const entries = base.server ? all.filter((e) => e.name === base.server) : all;
  if (entries.length === 0)
    throw new InputError('server', base.server!, `expected a server of ${shown}: ${all.map((e) => e.name).join(', ')}`);
  return entries.map((entry) => serverRun(entry, input, env, context, base, exists));
}

function serverRun(
  entry: ServerEntry,
  input: RawInputs,
  env: NodeJS.ProcessEnv,
  context: RunContext,
  base: Options,
  exists: (file: string) => boolean,
): ServerRun {
  const token = env[entry.tokenEnv]?.replace(/[\r\n]+$/, '');
  // health needs no token, as without config.
  if (!token && COMMAND_SPECS[base.command].needsToken)
    throw refuse(
      entry.where,
      `server "${entry.name}": the environment variable ${entry.tokenEnv} (token-env) is unset`,
    );
  const output = input('output').trim();
  const own: Record<string, string> = {
    ...entry.inputs,
    url: entry.url,
    'admin-token': token ?? '',
    ...(output ? { output: serverCsv(output, entry.name, () => false) } : {}),
  };
  const serverInput: RawInputs = (name) => own[name] ?? input(name);
  const ctx = serverContext(context, entry.name);
  let options: Options;
  try {
    options = parseOptions(serverInput, { ...env, ADMIN_TOKEN: undefined, QUOTA_PROXY_URL: undefined }, ctx);
  } catch (error) {
    if (error instanceof InputError) {
      // The token came from the entry's variable, not from the input parseOptions names.
      const source = error.message.replace(
        /the token from (input admin-token|--token) /,
        `the token from env ${entry.tokenEnv} `,
      );
      error.message = `${entry.where}, server "${entry.name}": ${source}`;
    }
    throw error;
  }
  options.tokenSource = `env ${entry.tokenEnv} (token-env of server ${entry.name})`;
  if (!output) options.output = serverCsv(options.output, entry.name, exists);
  // The step's name (its hash, not the server's piece of it), with the server's name for a matrix leg.
  if (!input('artifact-name').trim())
    options.artifactName = base.server
      ? `trial-keys-${entry.name}-${context.runId}-${context.invocation ?? context.attempt}`
      : base.artifactName;
  return { name: entry.name, options, context: ctx };
}
