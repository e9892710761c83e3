export const id = 469;
export const ids = [469];
export const modules = {

/***/ 2469:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runServersCli: () => (/* binding */ runServersCli)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/config/exit-codes.ts
var exit_codes = __webpack_require__(8983);
// EXTERNAL MODULE: ./src/config/options.ts + 3 modules
var config_options = __webpack_require__(8459);
// EXTERNAL MODULE: ./src/output/encrypt.ts
var encrypt = __webpack_require__(1748);
// EXTERNAL MODULE: ./src/render/dashboard/from-report.ts
var from_report = __webpack_require__(3698);
// EXTERNAL MODULE: ./src/render/rows.ts
var rows = __webpack_require__(8175);
// EXTERNAL MODULE: ./src/report/report.ts
var report_report = __webpack_require__(8850);
// EXTERNAL MODULE: ./src/report/tables.ts
var tables = __webpack_require__(6677);
// EXTERNAL MODULE: ./src/run.ts + 51 modules
var run = __webpack_require__(56);
// EXTERNAL MODULE: ./src/shared/bounded.ts
var bounded = __webpack_require__(3672);
// EXTERNAL MODULE: ./src/shared/cancel.ts
var cancel = __webpack_require__(3739);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(8382);
// EXTERNAL MODULE: ./src/shared/neutralise.ts
var neutralise = __webpack_require__(7763);
// EXTERNAL MODULE: ./src/shared/progress.ts
var progress = __webpack_require__(1378);
// EXTERNAL MODULE: ./src/shared/redact.ts
var redact = __webpack_require__(8932);
// EXTERNAL MODULE: ./src/shared/text.ts
var shared_text = __webpack_require__(4646);
;// CONCATENATED MODULE: ./src/multi/run-all.ts
// Many servers, one run: the command against each server of the servers file, `server-concurrency`
// at a time. One failing server fails the run but never stops the others: every server's report,
// CSV and counts are kept, and the combined report (outputs, a table of every server) says which.













/** Counted outputs, summed over the servers; the name `results` gives each. */
const COUNTS = [
    ['created-count', 'created'],
    ['failed-count', 'failed'],
    ['listed-count', 'listed'],
    ['deleted-count', 'deleted'],
    ['alerts', 'alerts'],
];
/** Log lines of one server, prefixed with its name (servers may run at once). */
function serverLogger(log, name) {
    return {
        info: (m) => log.info(`[${name}] ${m}`),
        warning: (m) => log.warning(`[${name}] ${m}`),
        debug: (m) => log.debug(`[${name}] ${m}`),
        secret: (value, kind) => log.secret(value, kind),
        redact: (text) => log.redact(text),
    };
}
function failedReport(url, title, failure, cancelled) {
    const report = new report_report/* Report */.pl(title).fail(failure);
    report.facts.set('server', url);
    report.cancelled = cancelled;
    return report;
}
/** Runs every server; never throws for one server's failure. */
async function runAll(runs, concurrency, log, cancellation = new cancel/* Cancellation */.mT(), { progressOf = (write) => (0,progress/* createProgress */.mf)({ write }), runOne = run.run, sinks = [] } = {}) {
    // Every token is registered before the first request to any server.
    for (const { options } of runs)
        if (options.token)
            log.secret(options.token, 'token');
    const results = runs.map(({ name, options }) => ({
        name,
        url: (0,redact/* redactUrl */.BO)(options.url.href),
        report: failedReport((0,redact/* redactUrl */.BO)(options.url.href), `quota-proxy ${options.command}`, 'not started'),
        ends: new rows/* TableEnds */.fd(),
        kept: options.html ? new from_report/* KeptRows */.E() : undefined,
    }));
    await (0,bounded/* forEachBounded */.a)(runs, concurrency, async ({ name, options, context }, i) => {
        const result = results[i];
        if (cancellation.requested) {
            const reason = cancellation.reason ?? 'cancelled';
            result.report = failedReport(result.url, result.report.title, `not started: ${reason}`, reason);
            return;
        }
        const serverLog = serverLogger(log, name);
        const serverSinks = [result.ends, ...(result.kept ? [result.kept] : [])];
        try {
            result.report = await runOne(options, context, serverLog, cancellation, progressOf(serverLog.info), serverSinks);
            // As a single run's CSV: encrypted at once, so no plaintext waits for the other servers.
            await (0,encrypt/* encryptReportCsv */.W)(result.report, options.encryptTo, serverLog);
        }
        catch (error) {
            result.report.fail((0,errors/* errorMessage */.g)(error));
        }
        // In the log where it happened; the step's one error line (and annotation) names it with the others.
        if (!result.report.ok)
            log.info(`[${name}] failed: ${result.report.failure ?? 'failed'}`);
    });
    // Each server's report is its section: titled with its name, its failure said.
    for (const { name, report } of results) {
        report.title = `${report.title} \u2014 ${name}`;
        if (!report.ok)
            report.facts.set('failure', report.failure ?? 'failed');
    }
    const all = combine(runs[0]?.options.command ?? 'health', results, cancellation, sinks);
    const html = runs[0]?.options.html;
    if (html) {
        // With config, one dashboard of every server, a section each (a failed one says why).
        const { writeUsageDashboard } = await __webpack_require__.e(/* import() */ 184).then(__webpack_require__.bind(__webpack_require__, 4184));
        const parts = results.map(({ name, url, report, kept }) => ({
            name,
            url,
            report,
            rows: kept?.rows ?? [],
        }));
        writeUsageDashboard(html, parts, all.report, log);
    }
    return all;
}
function combinedOutputs(results) {
    const outputs = {};
    for (const [output] of COUNTS) {
        const given = results.filter((r) => r.report.outputs[output] !== undefined);
        if (given.length > 0)
            outputs[output] = String(given.reduce((n, r) => n + Number(r.report.outputs[output]), 0));
    }
    const healthy = results.map((r) => r.report.outputs.healthy);
    if (healthy.includes('false'))
        outputs.healthy = 'false';
    else if (healthy.every((h) => h === 'true'))
        outputs.healthy = 'true';
    const flavors = [...new Set(results.map((r) => r.report.outputs.flavor).filter(Boolean))];
    if (flavors.length > 0)
        outputs.flavor = flavors.join(',');
    // One CSV: its path, as without config; several: each server's is in `results`.
    const csvs = results.map((r) => r.report.outputs['csv-path']).filter(Boolean);
    if (csvs.length === 1)
        outputs['csv-path'] = csvs[0];
    outputs.results = (0,neutralise/* jsonText */.s$)(results.map(resultFields));
    return outputs;
}
/** One server in the `results` output. */
function resultFields({ name, url, report }) {
    const fields = {
        name,
        url,
        flavor: report.outputs.flavor ?? null,
        ok: report.ok,
        healthy: report.outputs.healthy === undefined ? null : report.outputs.healthy === 'true',
        failure: report.ok ? null : (report.failure ?? 'failed'),
    };
    for (const [output, field] of COUNTS)
        if (report.outputs[output] !== undefined)
            fields[field] = Number(report.outputs[output]);
    fields.csv = report.outputs['csv-path'] ?? null;
    return fields;
}
function combine(command, results, cancellation, sinks) {
    const failed = results.filter((r) => !r.report.ok);
    const report = new report_report/* Report */.pl(`quota-proxy ${command}: ${results.length} server${results.length === 1 ? '' : 's'}`, sinks);
    report.facts
        .set('servers', results.map((r) => r.name).join(', '))
        .set('failed_servers', failed.length === 0 ? 'none' : failed.map((r) => r.name).join(', '));
    Object.assign(report.outputs, combinedOutputs(results));
    const row = report.open((0,tables/* serversTable */.lE)());
    for (const { name, url, report: one } of results)
        row({
            server: name,
            url,
            flavor: one.outputs.flavor,
            healthy: one.outputs.healthy === undefined ? undefined : one.outputs.healthy === 'true',
            result: one.ok ? 'ok' : `failed: ${(0,shared_text/* oneLine */.TN)(one.failure ?? 'failed', 80)}`,
            counts: Object.fromEntries(COUNTS.filter(([output]) => one.outputs[output] !== undefined).map(([output, id]) => [
                id,
                Number(one.outputs[output]),
            ])),
        });
    if (failed.length > 0)
        report.fail(`${failed.length} of ${results.length} servers failed: ` +
            failed.map((r) => `${r.name}: ${r.report.failure ?? 'failed'}`).join(' '));
    if (cancellation.requested)
        report.cancelled = cancellation.reason ?? 'cancelled';
    return { report, results };
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/config/commands.ts
var commands = __webpack_require__(4006);
// EXTERNAL MODULE: ./src/config/context.ts + 1 modules
var config_context = __webpack_require__(568);
// EXTERNAL MODULE: ./src/shared/builtins.ts
var builtins = __webpack_require__(3613);
;// CONCATENATED MODULE: ./src/multi/servers.ts
// The servers file (`config`): a YAML list of servers \u2192 one Options per server, every one checked
// before any request to any server. A token is never read from the file: each entry names the
// environment variable that holds it (`token-env`). YAML is loaded only when a file is given.






/** The inputs an entry may set for its own server (`flavor` is short for server-flavor). */
const PER_SERVER_INPUTS = [
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
const MAX_SERVERS_FILE_BYTES = 1024 * 1024;
const refuse = (where, allowed) => new config_options/* InputError */.dz('config', where, allowed);
/** `file:line` of a node, or of a pair's key (just the file when it has no position). */
function positionOf(yaml, shown, lines, node) {
    const located = yaml.isPair(node) ? node.key : node;
    const start = yaml.isNode(located) ? located.range?.[0] : undefined;
    return start === undefined ? shown : `${shown}:${lines.linePos(start).line}`;
}
function scalarText(yaml, node) {
    if (yaml.isScalar(node) && ['string', 'number', 'boolean'].includes(typeof node.value))
        return String(node.value);
    if (yaml.isMap(node))
        return JSON.stringify(node.toJSON()); // tiers: a map
    return undefined;
}
/** One `servers:` item \u2192 its entry; every key checked, a token refused without echoing it. */
function readEntry(yaml, item, at) {
    if (!yaml.isMap(item))
        throw refuse(at(item), 'each item of servers must be a map with name, url and token-env');
    const values = {};
    for (const pair of item.items) {
        const key = yaml.isScalar(pair.key) ? String(pair.key.value) : '';
        if (/token$/i.test(key.replace(/[-_]/g, '')) && key !== 'token-env')
            throw refuse(at(pair), `"${key}": a token is never read from the file; set token-env to the name of the environment variable ` +
                'that holds it (from a secret)');
        if (!ENTRY_KEYS.includes(key))
            throw refuse(at(pair), `unknown key "${key}"; expected ${ENTRY_KEYS.join(', ')}`);
        const text = scalarText(yaml, pair.value);
        if (text === undefined)
            throw refuse(at(pair), `"${key}" needs a value (a string, a number or true/false)`);
        values[key] = text.trim();
    }
    const where = at(item);
    for (const key of ['name', 'url', 'token-env'])
        if (!values[key])
            throw refuse(where, `each server needs ${key} (name, url and token-env)`);
    const { name, url, 'token-env': tokenEnv, flavor, ...inputs } = values;
    if (!SERVER_NAME.test(name))
        throw refuse(where, `server name "${name}": expected letters, digits, . _ - (at most 40, used in file names)`);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(tokenEnv))
        throw refuse(where, `token-env "${tokenEnv}": expected the name of an environment variable, such as PROD_TOKEN`);
    if (RUNNER_VARIABLE.test(tokenEnv))
        throw refuse(where, `token-env "${tokenEnv}": a variable the runner sets (GITHUB_*, ACTIONS_*, RUNNER_*, CI_*, GITLAB_*, ` +
            'GH_TOKEN, TRIGGER_PAYLOAD) is never sent to a server of the file; put the admin token in a variable ' +
            'of its own, such as PROD_TOKEN');
    if (flavor)
        inputs['server-flavor'] = flavor;
    return { name: name, url: url, tokenEnv: tokenEnv, inputs, where };
}
/** Reads and checks the servers file; `shown` is how messages name it. */
async function readServersFile(file, shown = file) {
    let text;
    try {
        // Checked first: reading a FIFO blocks the process for good, /dev/zero never ends.
        const stat = (0,external_node_fs_.statSync)(file);
        if (!stat.isFile())
            throw refuse(shown, 'the servers file must be a regular file (not a pipe or a device)');
        if (stat.size > MAX_SERVERS_FILE_BYTES)
            throw refuse(shown, 'the servers file must be at most 1 MiB');
        text = (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch (error) {
        if (error instanceof config_options/* InputError */.dz)
            throw error;
        const reason = error.code ?? String(error);
        throw refuse(shown, `the servers file cannot be read (${reason})`);
    }
    const yaml = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 8815, 19));
    const lines = new yaml.LineCounter();
    const doc = yaml.parseDocument(text, { lineCounter: lines, uniqueKeys: true });
    const at = (node) => positionOf(yaml, shown, lines, node);
    if (doc.errors.length > 0) {
        const [error] = doc.errors;
        throw refuse(`${shown}:${error.linePos?.[0]?.line ?? 1}`, `not valid YAML (${error.code})`);
    }
    const root = doc.contents;
    if (!yaml.isMap(root))
        throw refuse(shown, 'expected a map with a servers: list');
    for (const pair of root.items) {
        const key = yaml.isScalar(pair.key) ? String(pair.key.value) : '';
        if (key !== 'servers')
            throw refuse(at(pair), `unknown key "${key}"; the file has one key, servers`);
    }
    const list = root.get('servers', true);
    if (!yaml.isSeq(list) || list.items.length === 0)
        throw refuse(shown, 'servers: needs a list of servers');
    const entries = list.items.map((item) => readEntry(yaml, item, at));
    const seen = new Set();
    for (const entry of entries) {
        if (seen.has(entry.name))
            throw refuse(entry.where, `server name "${entry.name}" is used twice`);
        seen.add(entry.name);
    }
    return entries;
}
/**
 * The context of one server's run: its own invocation id piece (so a re-run and reconciliation
 * find only that server's labels, also when two entries are one server) and its own nonce.
 */
function serverContext(context, name) {
    const nonce = (0,config_context/* newNonce */.Yd)();
    const invocation = context.invocation
        ? (0,builtins/* nodeCrypto */.SI)().createHash('sha256').update(`${context.invocation}\nserver ${name}`).digest('hex').slice(0, 6)
        : undefined;
    const own = context.invocation ? `i${context.invocation}n${context.nonce}` : `n${context.nonce}`;
    const mine = invocation ? `i${invocation}n${nonce}` : `n${nonce}`;
    const labelSuffix = context.labelSuffix.endsWith(own)
        ? `${context.labelSuffix.slice(0, -own.length)}${mine}`
        : context.labelSuffix;
    return { ...context, labelSuffix, nonce, ...(invocation ? { invocation } : {}) };
}
/** `<dir>/<server>-<file>`: the server's own CSV, beside the others (one artifact holds them all). */
function serverCsv(file, name, taken) {
    const stem = external_node_path_default().join(external_node_path_default().dirname(file), `${name}-${external_node_path_default().basename(file, '.csv')}`);
    let out = `${stem}.csv`;
    for (let n = 2; taken(out); n++)
        out = `${stem}-${n}.csv`;
    return out;
}
/** Inputs that name one server: with config, they come from the file. */
const ONE_SERVER_INPUTS = ['url', 'admin-token'];
/** One Options per server of the file (or the one `server` names), all checked before any request. */
async function serverRuns(input, env, context, exists) {
    for (const name of ONE_SERVER_INPUTS)
        if (input(name).trim())
            throw new config_options/* InputError */.dz(name, '', `not with config: each server's ${name} comes from the servers file`);
    const base = (0,config_options/* parseOptions */.Ac)(input, { ...env, ADMIN_TOKEN: 'checked-per-server', QUOTA_PROXY_URL: 'http://127.0.0.1/' }, context);
    const shown = external_node_path_default().relative(context.workspace, base.config) || base.config;
    const all = await readServersFile(base.config, shown);
    const entries = base.server ? all.filter((e) => e.name === base.server) : all;
    if (entries.length === 0)
        throw new config_options/* InputError */.dz('server', base.server, `expected a server of ${shown}: ${all.map((e) => e.name).join(', ')}`);
    return entries.map((entry) => serverRun(entry, input, env, context, base, exists));
}
function serverRun(entry, input, env, context, base, exists) {
    const token = env[entry.tokenEnv]?.replace(/[\r\n]+$/, '');
    // health needs no token, as without config.
    if (!token && commands/* COMMAND_SPECS */.fH[base.command].needsToken)
        throw refuse(entry.where, `server "${entry.name}": the environment variable ${entry.tokenEnv} (token-env) is unset`);
    const output = input('output').trim();
    const own = {
        ...entry.inputs,
        url: entry.url,
        'admin-token': token ?? '',
        ...(output ? { output: serverCsv(output, entry.name, () => false) } : {}),
    };
    const serverInput = (name) => own[name] ?? input(name);
    const ctx = serverContext(context, entry.name);
    let options;
    try {
        options = (0,config_options/* parseOptions */.Ac)(serverInput, { ...env, ADMIN_TOKEN: undefined, QUOTA_PROXY_URL: undefined }, ctx);
    }
    catch (error) {
        if (error instanceof config_options/* InputError */.dz) {
            // The token came from the entry's variable, not from the input parseOptions names.
            const source = error.message.replace(/the token from (input admin-token|--token) /, `the token from env ${entry.tokenEnv} `);
            error.message = `${entry.where}, server "${entry.name}": ${source}`;
        }
        throw error;
    }
    options.tokenSource = `env ${entry.tokenEnv} (token-env of server ${entry.name})`;
    if (!output)
        options.output = serverCsv(options.output, entry.name, exists);
    // The step's name (its hash, not the server's piece of it), with the server's name for a matrix leg.
    if (!input('artifact-name').trim())
        options.artifactName = base.server
            ? `trial-keys-${entry.name}-${context.runId}-${context.invocation ?? context.attempt}`
            : base.artifactName;
    return { name: entry.name, options, context: ctx };
}

// EXTERNAL MODULE: ./src/output/notify.ts
var notify = __webpack_require__(7572);
// EXTERNAL MODULE: ./src/platform/cli-output.ts + 3 modules
var cli_output = __webpack_require__(9139);
// EXTERNAL MODULE: ./src/platform/gitlab.ts
var gitlab = __webpack_require__(4320);
;// CONCATENATED MODULE: ./src/platform/cli-servers.ts
// The CLI (and GitLab jobs) with `--config FILE`: every server of the file (or the one `--server`
// names), each server's section on stdout then the combined table, the summed outputs plus
// `results` in the dotenv, one notification; exit 1 when any server failed. Called by ./cli.ts.










async function runServersCli(cli) {
    const { parsed, env, context, log, dotenvFile, mode } = cli;
    if (parsed.watch !== undefined)
        throw new config_options/* InputError */.dz('watch', '', '--watch runs one server: give --server NAME with --config, or no --config');
    // Every server's flags and token are checked here, before any request to any server.
    const runs = await serverRuns((name) => parsed.values.get(name) ?? '', env, context, external_node_fs_.existsSync);
    const first = runs[0].options;
    const cancellation = new cancel/* Cancellation */.mT();
    const stopListening = cancellation.listen((signal, second) => (0,cli_output/* printErr */.lx)(second
        ? `${signal}: abandoning the requests in flight.`
        : `${signal}: stopping every server: no new requests; those in flight get ${cancel/* GRACE_MS */.g3 / 1000} s.`, log.redactor));
    // The combined report's rows (one per server): the JSON document's, or the last section's table.
    const out = new cli_output/* CliOutput */.I1(first.command, { ...mode, quiet: mode.quiet || !mode.json }, log.redactor);
    const allEnds = new rows/* TableEnds */.fd();
    // Listening through the webhook after the run: a signal then abandons its POST and exits 130/143.
    let all;
    let unwritten;
    try {
        all = await runAll(runs, first.serverConcurrency, log, cancellation, { sinks: [...out.sinks, allEnds] });
        unwritten =
            dotenvFile &&
                (0,gitlab/* writeDotenv */.eD)(dotenvFile, all.report.outputs, { redact: log.redact, quiet: true, cwd: context.workspace });
        const signal = all.report.cancelled ? undefined : cancellation.abortSignal;
        await (0,notify/* notifyAfterRun */.HY)(first, all.results, context.origin?.runUrl, log, { signal });
    }
    finally {
        stopListening();
    }
    const { report } = all;
    const alertOnly = all.results.every((r) => r.report.ok || (first.failOnAlert && Number(r.report.outputs.alerts) > 0));
    let code = report.ok ? 0 : alertOnly ? exit_codes/* EXIT_ALERT */.Y : 1;
    if (unwritten)
        code = 1;
    const stopped = report.cancelled ?? cancellation.reason;
    if (stopped)
        code = (0,cancel/* exitCodeFor */.Rr)(stopped);
    if (!mode.json && !mode.quiet)
        for (const r of all.results) {
            (0,cli_output/* printSection */.PU)(`== ${r.name} (${r.url}) ==`, r.report, r.ends, log.redactor);
            (0,cli_output/* printOut */.AN)('', log.redactor);
        }
    if (!mode.json && !mode.quiet)
        (0,cli_output/* printSection */.PU)('== all ==', report, allEnds, log.redactor);
    // The JSON document's rest, and the error lines (with --quiet: nothing else).
    out.finish(report, { command: first.command, exitCode: code, failure: unwritten || undefined });
    return code;
}


/***/ })

};
