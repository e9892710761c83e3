import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 5581:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _shared_v8_flags_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1967);
/* harmony import */ var _platform_cli_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6968);


process.exitCode = await (0,_platform_cli_js__WEBPACK_IMPORTED_MODULE_1__/* .main */ .iW)(process.argv.slice(2), process.env);
// Everything is written by now. Nothing should be left running, but if a connection undici still
// holds (a misbehaving proxy) kept the process alive, the command still ends, with its exit status.
setTimeout(() => process.exit(), 2000).unref();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 4006:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Lo: () => (/* binding */ COMMANDS),
/* harmony export */   Ql: () => (/* binding */ COMMAND_HELP),
/* harmony export */   fH: () => (/* binding */ COMMAND_SPECS)
/* harmony export */ });
/* unused harmony export commandList */
// The commands, in one place: one record per command (COMMAND_SPECS) says what it is \u2014 its help,
// whether it writes, creates first, writes a keys CSV, needs the token, prints a listing, and the
// inputs it reads. Everything that asks "which commands\u2026" reads the record: parsing (options.ts,
// paths.ts), the flow (../run.ts), the CLI help, the artifact, action.yml and the docs (tests hold
// them equal). Its runner is in ../commands/index.ts, typed against this list (config cannot import
// the commands: they sit above it); __tests__/new-command-or-flavor-is-complete.test.ts holds both.
const COMMANDS = [
    'health',
    'generate',
    'batch',
    'list',
    'usage',
    'monitor',
    'reset',
    'delete',
    'rotate',
];
// Inputs several commands read, in the order their help lists them.
const ARTIFACT = ['upload-artifact', 'artifact-name', 'overwrite-artifact', 'retention-days'];
const KEYS_ARTIFACT = [...ARTIFACT, 'encrypt-to', 'allow-public-artifact'];
const LIMITS = ['tier', 'tiers', 'limit-as-total-quota'];
const ISSUING = [
    'limit',
    'server-daily-limit',
    'name',
    'output',
    'label-prefix',
    'dry-run',
    ...LIMITS,
    'expires-in-days',
    ...KEYS_ARTIFACT,
];
const USAGE = ['server-daily-limit', 'label-prefix', 'day', 'alert-threshold', 'fail-on-alert'];
const COMMAND_HELP = {
    health: {
        summary: 'check that the server answers its health path (no token needed)',
        examples: [
            'quota-keys health --url http://localhost:8787',
            'quota-keys health --health-path /status --timeout-seconds 5',
        ],
    },
    generate: {
        summary: 'issue one key with a label and a daily limit, into the CSV',
        examples: [
            'quota-keys generate --name user-a-trial --limit 100',
            'quota-keys generate -n partner-x --tier partner -o partner-x.csv',
        ],
    },
    batch: {
        summary: 'issue COUNT keys labelled <name>-<NNN>-<suffix>, into the CSV',
        about: [
            'NNN counts from 001; <suffix> names the run that made the keys:',
            '  r<run>a<attempt>i<step>n<nonce>  in GitHub Actions',
            '  p<pipeline>j<job>n<nonce>        in GitLab CI',
            '  c<time>n<nonce>                  elsewhere, e.g. partner-001-ctp3qc0n3f9a1c',
        ],
        examples: [
            'quota-keys batch --count 5 --limit 100 --output batch-keys.csv',
            'quota-keys batch -c 10 -n partner-202611 -l 500 --dry-run',
        ],
    },
    list: {
        summary: 'list the keys (shortened) with labels, limits and creation dates',
        examples: [
            'quota-keys list --label-prefix batch-',
            'quota-keys list --output all-keys.csv',
            'quota-keys list --label-prefix partner- --json',
        ],
    },
    usage: {
        summary: "each key's requests on a day (or over --days) against its limit",
        examples: [
            'quota-keys usage --days 14 --forecast-days 7 --output usage-14d.csv',
            'quota-keys usage --label-prefix batch- --alert-threshold 90 --fail-on-alert',
        ],
    },
    monitor: {
        summary: 'the usage of every key as a table; --watch repeats it',
        examples: ['quota-keys monitor --watch 5', 'quota-keys monitor --label-prefix partner- --fail-on-alert'],
    },
    reset: {
        summary: "clear a key's usage for a day (by key or by label)",
        about: ['A key the server does not have is a failure, not "nothing to reset".'],
        examples: ['quota-keys reset --name user-a-trial', 'quota-keys reset --key "$KEY" --day 2026-11-26'],
    },
    delete: {
        summary: 'delete a key (by key or by label), or every key with a label',
        about: [
            '--name is a whole label, a key, or a key as list shows it (sk-ab12\u20269f0e).',
            'Batch labels end in -<NNN>-<suffix>: quota-keys list --label-prefix <name>-',
            'shows them whole.',
        ],
        examples: [
            'quota-keys delete --key "$KEY"',
            'quota-keys delete --name user-a-trial --all-matching',
            'quota-keys delete --name partner-001-ctp3qc0n3f9a1c --dry-run',
        ],
    },
    rotate: {
        summary: 'delete old or idle keys under a label prefix, maybe replacing them',
        examples: [
            'quota-keys rotate --label-prefix auto- --idle-days 14 --dry-run',
            'quota-keys rotate --label-prefix auto- --older-than-days 30 --replace',
        ],
    },
};
const never = () => false;
/** What each command is; its help (summary, examples) is COMMAND_HELP's. */
const COMMAND_SPECS = {
    health: {
        ...COMMAND_HELP.health,
        writes: false,
        createsFirst: false,
        keysCsv: never,
        needsToken: false,
        listing: false,
        inputs: [],
    },
    generate: {
        ...COMMAND_HELP.generate,
        writes: true,
        createsFirst: true,
        keysCsv: (o) => !o.dryRun,
        needsToken: true,
        listing: false,
        inputs: [...ISSUING, 'min-success', 'force', 'invocation-id', 'audit-log'],
    },
    batch: {
        ...COMMAND_HELP.batch,
        writes: true,
        createsFirst: true,
        keysCsv: (o) => !o.dryRun,
        needsToken: true,
        listing: false,
        inputs: ['count', ...ISSUING, 'resume', 'min-success', 'force', 'invocation-id', 'audit-log'],
    },
    list: {
        ...COMMAND_HELP.list,
        writes: false,
        createsFirst: false,
        keysCsv: (o) => o.outputGiven,
        needsToken: true,
        listing: true,
        inputs: ['server-daily-limit', 'output', 'label-prefix', 'format', ...KEYS_ARTIFACT],
    },
    usage: {
        ...COMMAND_HELP.usage,
        writes: false,
        createsFirst: false,
        keysCsv: never,
        needsToken: true,
        listing: true,
        inputs: ['output', ...USAGE, 'days', 'forecast-days', 'spike-factor', 'spike-min-requests', 'html', 'format'],
    },
    monitor: {
        ...COMMAND_HELP.monitor,
        writes: false,
        createsFirst: false,
        keysCsv: never,
        needsToken: true,
        listing: true,
        inputs: [...USAGE, 'format'],
    },
    reset: {
        ...COMMAND_HELP.reset,
        writes: true,
        createsFirst: false,
        keysCsv: never,
        needsToken: true,
        listing: false,
        inputs: ['name', 'day', 'key', 'all-matching', 'reset-all-keys-for-day', 'dry-run', ...ARTIFACT, 'audit-log'],
    },
    delete: {
        ...COMMAND_HELP.delete,
        writes: true,
        createsFirst: false,
        keysCsv: never,
        needsToken: true,
        listing: false,
        inputs: ['name', 'key', 'all-matching', 'dry-run', ...ARTIFACT, 'audit-log'],
    },
    rotate: {
        ...COMMAND_HELP.rotate,
        writes: true,
        createsFirst: false,
        keysCsv: (o) => o.replace && !o.dryRun,
        needsToken: true,
        listing: false,
        inputs: [
            'limit',
            'server-daily-limit',
            'name',
            'output',
            'label-prefix',
            'older-than-days',
            'idle-days',
            'all-labels',
            'dry-run',
            'replace',
            ...LIMITS,
            ...KEYS_ARTIFACT,
            'invocation-id',
            'audit-log',
        ],
    },
};
/** "health, generate, \u2026 or rotate", as the docs write the list. */
function commandList(last = 'or') {
    return `${COMMANDS.slice(0, -1).join(', ')} ${last} ${COMMANDS[COMMANDS.length - 1]}`;
}


/***/ }),

/***/ 568:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  oB: () => (/* binding */ cliContext),
  Ac: () => (/* binding */ compactDate),
  Z2: () => (/* binding */ defaultName),
  fN: () => (/* binding */ gitlabContext),
  o7: () => (/* binding */ gitlabJobDirectory),
  BQ: () => (/* binding */ isGitlabJob),
  Yd: () => (/* binding */ newNonce),
  sd: () => (/* binding */ runOrigin)
});

// UNUSED EXPORTS: githubContext, githubTriggerText, invocationId

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_namespaceObject);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/config/context.ts
// What started this run (tag, manual form, schedule\u2026) and how to name it uniquely.




/** YYYYMMDD in the runner's local time zone, like `date +%Y%m%d` in the old tool. */
function compactDate(date) {
    const pad = (n) => String(n).padStart(2, '0');
    return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}`;
}
/** The label (generate) or label stem (batch) used when `name` is not given. */
function defaultName(context) {
    switch (context.trigger) {
        case 'tag':
            return `release-${context.tag}`;
        case 'schedule':
            return `scheduled-${compactDate(context.now)}`;
        default:
            return `batch-${compactDate(context.now)}`;
    }
}
/**
 * The trigger as a release manager reads it: `tag v1.4.0 (push)`, `workflow_dispatch form: count=3000,
 * name=\u2026`, `schedule (cron 0 2 * * *)`, else the event and its ref.
 */
function githubTriggerText(github, trigger, tag) {
    switch (trigger) {
        case 'tag':
            return `tag ${tag} (push)`;
        case 'dispatch': {
            const inputs = Object.entries(github.payload.inputs ?? {}).map(([name, value]) => {
                const text = typeof value === 'string' ? value : JSON.stringify(value);
                return `${name}=${text.length > 60 ? `${text.slice(0, 60)}\u2026` : text}`;
            });
            return `workflow_dispatch form${inputs.length > 0 ? `: ${inputs.join(', ')}` : ' (no inputs)'}`;
        }
        case 'schedule':
            return `schedule${typeof github.payload.schedule === 'string' ? ` (cron ${github.payload.schedule})` : ''}`;
        default:
            return `${github.eventName || 'unknown event'}${github.ref ? ` (${github.ref})` : ''}`;
    }
}
/**
 * `digits` random hex digits. Math.random is seeded per process from the system's entropy; these
 * tell runs apart and are no secret, and node:crypto would cost every start 2\u20133 ms to load.
 */
function randomHex(digits) {
    return Math.floor(Math.random() * 16 ** digits)
        .toString(16)
        .padStart(digits, '0');
}
/** A fresh per-process nonce: 6 hex characters. */
function newNonce() {
    return randomHex(6);
}
/**
 * The step's invocation id, stable across re-run attempts: GITHUB_JOB (the job's id, shared by
 * matrix legs), GITHUB_ACTION (the step's id, or `__run_2`-style for steps without one) and the
 * invocation-id input, which a matrix passes to tell its legs apart.
 */
function invocationId(env, invocationInput = '') {
    return nodeCrypto()
        .createHash('sha256')
        .update(`${env.GITHUB_JOB ?? ''}\n${env.GITHUB_ACTION ?? ''}\n${invocationInput}`)
        .digest('hex')
        .slice(0, 6);
}
function githubContext(github, env, now = new Date(), invocationInput = '') {
    const ref = github.ref ?? '';
    const tag = ref.startsWith('refs/tags/') ? ref.slice('refs/tags/'.length) : undefined;
    const trigger = github.eventName === 'push' && tag
        ? 'tag'
        : github.eventName === 'workflow_dispatch'
            ? 'dispatch'
            : github.eventName === 'schedule'
                ? 'schedule'
                : 'other';
    const runId = String(github.runId || env.GITHUB_RUN_ID || localRunId(now));
    const attempt = Number(env.GITHUB_RUN_ATTEMPT) || 1;
    const repo = github.payload.repository;
    const invocation = invocationId(env, invocationInput);
    const nonce = newNonce();
    return {
        platform: 'github',
        trigger,
        tag,
        runId,
        attempt,
        labelSuffix: `r${runId}a${attempt}i${invocation}n${nonce}`,
        invocation,
        invocationIdGiven: invocationInput !== '',
        nonce,
        workspace: env.GITHUB_WORKSPACE || process.cwd(),
        now,
        triggerText: githubTriggerText(github, trigger, tag),
        origin: runOrigin('github', { ...env, GITHUB_RUN_ID: runId, GITHUB_RUN_ATTEMPT: String(attempt) }),
        // Public unless the payload says otherwise; a repository object that says neither is unknown.
        publicRepository: repo && ('private' in repo || 'visibility' in repo)
            ? repo.private === false || repo.visibility === 'public'
            : undefined,
    };
}
/**
 * A GitLab CI job: GitLab sets GITLAB_CI=true; gitlab-ci-local sets GITLAB_CI=false but, like
 * GitLab, CI_JOB_ID, CI_PIPELINE_ID and CI_PROJECT_DIR (GitHub and terminals set none of them).
 */
function isGitlabJob(env) {
    return env.GITLAB_CI === 'true' || Boolean(env.CI_JOB_ID && env.CI_PIPELINE_ID && env.CI_PROJECT_DIR);
}
/**
 * The job's directory, where GitLab collects `artifacts:paths` and `reports:dotenv` from:
 * CI_PROJECT_DIR when it is a folder here. gitlab-ci-local's shell executor gives jobs that name
 * an image the container path (/builds/<group>/<project>) while it runs them elsewhere: then the
 * working directory, which is where it collects them, and a note that says so.
 */
function gitlabJobDirectory(env, cwd = process.cwd()) {
    const projectDir = env.CI_PROJECT_DIR;
    if (!projectDir)
        return {
            dir: cwd,
            note: `CI_PROJECT_DIR is not set: the CSV and the dotenv go to the working directory ${cwd}; ` +
                `artifacts are collected from the job's directory only.`,
        };
    let isDir = false;
    try {
        isDir = (0,external_node_fs_.statSync)(projectDir).isDirectory();
    }
    catch {
        isDir = false;
    }
    if (isDir)
        return { dir: external_node_path_default().resolve(projectDir) };
    return {
        dir: cwd,
        note: `CI_PROJECT_DIR (${projectDir}) is not a folder on this machine (gitlab-ci-local's shell ` +
            `executor?): the CSV and the dotenv go to the working directory ${cwd}.`,
    };
}
function gitlabContext(env, now = new Date()) {
    const source = env.CI_PIPELINE_SOURCE ?? '';
    const tag = env.CI_COMMIT_TAG || undefined;
    const trigger = tag
        ? 'tag'
        : source === 'web' || source === 'api' || source === 'trigger'
            ? 'dispatch'
            : source === 'schedule'
                ? 'schedule'
                : 'other';
    const runId = env.CI_PIPELINE_ID || localRunId(now);
    // A retried job keeps the pipeline id and gets a new job id.
    const job = env.CI_JOB_ID || '0';
    // Two CLI calls in one job share the job id: the nonce tells them apart.
    const nonce = newNonce();
    return {
        platform: 'gitlab',
        trigger,
        tag,
        runId,
        attempt: 1,
        labelSuffix: `p${runId}j${job}n${nonce}`,
        nonce,
        workspace: gitlabJobDirectory(env).dir,
        now,
        origin: runOrigin('gitlab', env),
    };
}
function cliContext(env, now = new Date()) {
    const runId = localRunId(now);
    const nonce = newNonce();
    return {
        platform: 'cli',
        trigger: 'other',
        runId,
        attempt: 1,
        labelSuffix: `c${Math.floor(now.getTime() / 1000).toString(36)}n${nonce}`,
        nonce,
        workspace: process.cwd(),
        now,
        origin: runOrigin('cli', env),
    };
}
/** A short id for runs by hand: time-ordered, plus randomness so two runs in one second differ. */
function localRunId(now) {
    return `${Math.floor(now.getTime() / 1000).toString(36)}${randomHex(4)}`;
}
/** GitHub: GITHUB_ACTOR and the run attempt's page; GitLab: GITLAB_USER_LOGIN and CI_JOB_URL; else user@host. */
function runOrigin(platform, env) {
    if (platform === 'github') {
        const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
        const attempt = env.GITHUB_RUN_ATTEMPT ? `/attempts/${env.GITHUB_RUN_ATTEMPT}` : '';
        const runUrl = env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
            ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}${attempt}`
            : undefined;
        return { actor: env.GITHUB_ACTOR || 'unknown', runUrl };
    }
    if (platform === 'gitlab')
        return { actor: env.GITLAB_USER_LOGIN || 'unknown', runUrl: env.CI_JOB_URL || undefined };
    let user = env.USER || env.USERNAME || 'unknown';
    try {
        user = external_node_os_default().userInfo().username || user;
    }
    catch {
        // no passwd entry (a container's random uid): the environment's name
    }
    return { actor: `${user}@${external_node_os_default().hostname()}` };
}


/***/ }),

/***/ 8983:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ EXIT_ALERT),
/* harmony export */   a: () => (/* binding */ EXIT_CODES)
/* harmony export */ });
// The exit codes, one table: `quota-keys help exit-codes`, the README and the JSON document's
// `exit` read it; the CLI and the GitLab entry exit with them.
const EXIT_CODES = [
    { code: 0, meaning: 'success' },
    { code: 1, meaning: 'failure: the command could not do what was asked (health, server error, a key not found, \u2026)' },
    { code: 2, meaning: 'bad input: an input or flag was refused before any request was sent' },
    { code: 3, meaning: 'alert: usage or monitor found a key at or above alert-threshold, with --fail-on-alert' },
    { code: 130, meaning: 'interrupted by SIGINT (Ctrl-C); the CSV keeps every key created' },
    { code: 143, meaning: 'terminated by SIGTERM; the CSV keeps every key created' },
];
const EXIT_ALERT = 3;


/***/ }),

/***/ 6065:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ InputError)
/* harmony export */ });
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8382);
// Bad input: one line naming the input and what is allowed, thrown before any request is sent
// (exit 2 on the CLI). Its own module, so the path checks beside options.ts can throw it too.

class InputError extends _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .QuotaKeysError */ .t {
    constructor(input, value, allowed) {
        super(`Invalid input '${input}'` +
            `${value === '' ? '' : `: ${JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}\u2026` : value)}`} ` +
            `\u2014 ${allowed}.`, 2);
        this.name = 'InputError';
    }
}


/***/ }),

/***/ 4389:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Vc: () => (/* binding */ inputsOf),
/* harmony export */   WN: () => (/* binding */ isGlobal),
/* harmony export */   _9: () => (/* binding */ readsAsOwn),
/* harmony export */   mc: () => (/* binding */ INPUTS),
/* harmony export */   qw: () => (/* binding */ inputDefault)
/* harmony export */ });
/* harmony import */ var _quota_proxy_types_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5532);
/* harmony import */ var _commands_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4006);
// Every input of the action, which is also a long flag of the CLI (and the flags of the CLI alone,
// marked cliOnly): the one table of names and defaults. Parsing (options.ts) takes its defaults from
// here, the CLI help is built from it, and tests check action.yml and the GitLab component against it.


const INPUTS = [
    { name: 'command', default: 'batch', help: _commands_js__WEBPACK_IMPORTED_MODULE_0__/* .COMMANDS */ .Lo.join(' | ') },
    {
        name: 'url',
        default: '',
        short: 'u',
        flag: { value: 'URL' },
        help: 'server (env QUOTA_PROXY_URL, else localhost:8787)',
    },
    {
        name: 'admin-token',
        default: '',
        short: 't',
        flag: { value: 'TOKEN' },
        help: 'admin token (env ADMIN_TOKEN); health needs none',
    },
    { name: 'count', default: '1', short: 'c', help: 'keys to issue, 1..10000' },
    {
        name: 'limit',
        default: '',
        short: 'l',
        flag: { value: 'N' },
        help: "daily requests per key (default: tier's, or 100)",
    },
    {
        name: 'server-daily-limit',
        default: '',
        flag: { value: 'N' },
        help: "the server's DAILY_REQ_LIMIT (v1, v01)",
    },
    {
        name: 'name',
        default: '',
        short: 'n',
        flag: { value: 'NAME' },
        help: "the label (batch, rotate: the labels' stem)",
    },
    {
        name: 'output',
        default: '',
        short: 'o',
        flag: { value: 'FILE' },
        help: 'CSV file (list, usage: written only when given)',
    },
    { name: 'concurrency', default: '4', help: 'requests in flight at once, 1..64' },
    { name: 'timeout-seconds', default: '10', help: 'time limit of each request attempt' },
    { name: 'health-path', default: '/healthz', flag: { value: 'PATH' }, help: 'health check path' },
    { name: 'skip-health-check', default: 'false', boolean: true, help: 'skip the health check' },
    {
        name: 'server-flavor',
        default: '',
        flag: { value: 'FLAVOR' },
        help: `${_quota_proxy_types_js__WEBPACK_IMPORTED_MODULE_1__/* .FLAVORS */ .W.join(' | ')}; default: detected`,
    },
    // list, usage, monitor, reset, delete, rotate
    {
        name: 'label-prefix',
        default: '',
        flag: { value: 'PREFIX' },
        help: 'only labels starting with PREFIX; batch: put first',
    },
    {
        name: 'day',
        default: '',
        flag: { value: 'DAY' },
        help: "YYYY-MM-DD; default the server's today",
    },
    {
        name: 'alert-threshold',
        default: '80',
        help: 'alert at N% of the limit, 1..100',
    },
    {
        name: 'fail-on-alert',
        default: 'false',
        boolean: true,
        help: 'exit 3 when a key is at or above the threshold',
    },
    {
        name: 'days',
        default: '1',
        help: 'report the last N server days, 1..90',
    },
    {
        name: 'forecast-days',
        default: '7',
        help: 'with --days: forecast N days, 1..365',
    },
    {
        name: 'spike-factor',
        default: '3',
        help: 'spike at N \u00d7 the mean, 1.1..1000',
    },
    {
        name: 'spike-min-requests',
        default: '20',
        help: 'a spike needs N requests that day',
    },
    {
        name: 'key',
        default: '',
        flag: { value: 'KEY' },
        help: 'the key itself (or --name)',
    },
    {
        name: 'format',
        default: '',
        cliOnly: true,
        flag: { value: 'FORM' },
        help: "table (default), or legacy: the old tool's lines",
    },
    {
        name: 'html',
        default: '',
        flag: { value: 'FILE' },
        help: 'write the usage dashboard (HTML) to FILE',
    },
    {
        name: 'all-matching',
        default: 'false',
        boolean: true,
        help: 'every key labelled NAME, when several are',
    },
    {
        name: 'reset-all-keys-for-day',
        default: 'false',
        boolean: true,
        help: 'v1p: allow resetting every key for DAY',
    },
    {
        name: 'older-than-days',
        default: '',
        flag: { value: 'N' },
        help: 'delete keys created over N days ago',
    },
    {
        name: 'idle-days',
        default: '',
        flag: { value: 'N' },
        help: 'delete keys with no request for N days, 1..90',
    },
    {
        name: 'all-labels',
        default: 'false',
        boolean: true,
        help: 'without --label-prefix: consider every key',
    },
    {
        name: 'dry-run',
        default: 'false',
        boolean: true,
        help: 'say what would be written; write nothing',
    },
    {
        name: 'replace',
        default: 'false',
        boolean: true,
        help: 'issue a new key for each one deleted',
    },
    {
        name: 'tier',
        default: '',
        flag: { value: 'TIER' },
        help: 'trial | partner | internal | vip, or of --tiers',
    },
    {
        name: 'tiers',
        default: '',
        flag: { value: 'MAP' },
        help: 'tier \u2192 daily limit, JSON or YAML',
    },
    {
        name: 'expires-in-days',
        default: '',
        flag: { value: 'N' },
        help: 'v10: the keys expire after N days',
    },
    {
        name: 'limit-as-total-quota',
        default: 'false',
        boolean: true,
        help: "v10: send --limit as the key's lifetime quota",
    },
    // artifact
    {
        name: 'upload-artifact',
        default: 'true',
        boolean: true,
        flag: { actionOnly: true },
        help: 'upload the CSV as an artifact',
    },
    {
        name: 'artifact-name',
        default: '',
        flag: { value: 'NAME', actionOnly: true },
        help: 'artifact name (default: one per step)',
    },
    {
        name: 'overwrite-artifact',
        default: 'false',
        boolean: true,
        flag: { actionOnly: true },
        help: 'replace an artifact of the same name',
    },
    {
        name: 'retention-days',
        default: '1',
        flag: { actionOnly: true },
        help: 'days the artifact is kept, 1..90',
    },
    {
        name: 'encrypt-to',
        default: '',
        flag: { value: 'AGE1\u2026' },
        help: 'age recipients: write <csv>.age, no plaintext',
    },
    {
        name: 'allow-public-artifact',
        default: 'false',
        boolean: true,
        flag: { actionOnly: true },
        help: 'upload plaintext keys from a public repository',
    },
    // reliability
    { name: 'retries', default: '3', help: 'retries of idempotent requests, 0..10' },
    { name: 'max-wait-seconds', default: '120', help: 'total of retry and rate-limit waits' },
    { name: 'on-rate-limit', default: 'wait', flag: { value: 'MODE' }, help: 'wait | fail on the admin rate limit' },
    {
        name: 'resume',
        default: '',
        cliOnly: true,
        flag: { value: 'FILE' },
        help: 'finish the batch this keys CSV holds',
    },
    {
        name: 'min-success',
        default: '',
        flag: { value: 'N' },
        help: 'keys that must be made (default: --count)',
    },
    {
        name: 'force',
        default: 'false',
        boolean: true,
        help: 'issue again though an earlier attempt did',
    },
    {
        name: 'invocation-id',
        default: '',
        flag: { value: 'ID', actionOnly: true },
        help: 'tells matrix legs apart in batch labels',
    },
    { name: 'require-https', default: 'false', boolean: true, help: 'refuse http:// to a host not on loopback' },
    // many servers, notifications
    { name: 'config', default: '', flag: { value: 'FILE' }, help: 'YAML file of servers: run against each' },
    { name: 'server', default: '', flag: { value: 'NAME' }, help: 'with --config: only this server' },
    { name: 'server-concurrency', default: '1', help: 'with --config: servers at once, 1..8' },
    {
        name: 'notify-webhook',
        default: '',
        flag: { value: 'URL' },
        help: 'POST the outcome here (env QUOTA_KEYS_WEBHOOK)',
    },
    { name: 'notify-on', default: 'failure,alert', flag: { value: 'WHEN' }, help: 'failure, alert, always' },
    {
        name: 'audit-log',
        default: '',
        flag: { value: 'FILE' },
        help: 'append a JSON line per write (none: off)',
    },
];
const BY_NAME = new Map(INPUTS.map((i) => [i.name, i]));
/** The input's default as the table (and action.yml) states it; '' when it has none there. */
function inputDefault(name) {
    const spec = BY_NAME.get(name);
    if (!spec)
        throw new Error(`no input ${name}`);
    return spec.default;
}
/** The inputs a command reads ('command' itself excluded: it is the CLI's first word). */
function inputsOf(command) {
    const own = new Set(_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .COMMAND_SPECS */ .fH[command].inputs);
    return INPUTS.filter((i) => i.name !== 'command' && (own.has(i.name) || isGlobal(i)));
}
/** The inputs some command reads as its own (its COMMAND_SPECS entry lists them). */
const OWN = new Set(_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .COMMANDS */ .Lo.flatMap((c) => _commands_js__WEBPACK_IMPORTED_MODULE_0__/* .COMMAND_SPECS */ .fH[c].inputs));
/** Every command reads it: a global flag, listed once by `quota-keys help flags`. */
function isGlobal(input) {
    return input.name !== 'command' && !OWN.has(input.name);
}
/** Whether `command` reads `input` as its own (not as a global flag). */
function readsAsOwn(command, input) {
    return _commands_js__WEBPACK_IMPORTED_MODULE_0__/* .COMMAND_SPECS */ .fH[command].inputs.includes(input);
}


/***/ }),

/***/ 7231:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Cp: () => (/* binding */ parseBatchLabel),
/* harmony export */   LA: () => (/* binding */ namesOneInvocation),
/* harmony export */   WG: () => (/* binding */ batchLabels),
/* harmony export */   u$: () => (/* binding */ batchStem),
/* harmony export */   wc: () => (/* binding */ followsInBatch)
/* harmony export */ });
// Batch labels: `<name>-<NNN>-<suffix>`, zero-padded so they sort. The suffix names one invocation
// (GitHub r<run>a<attempt>i<invocation>n<nonce>, GitLab p<pipeline>j<job>n<nonce>, by hand
// c<time>n<nonce>): the nonce is drawn per process, so within one attempt no other invocation can
// make one of our labels, and reconciliation may adopt or delete what carries them (./context.ts).
function batchLabels(name, count, suffix) {
    const width = Math.max(3, String(count).length);
    return Array.from({ length: count }, (_, i) => `${name}-${String(i + 1).padStart(width, '0')}-${suffix}`);
}
// One pattern for every reader (rotate's stems, re-run export). The last two GitHub/GitLab/by-hand
// forms without `n<nonce>` are the labels of earlier versions, still recognised when reading keys.
const INVOCATION_FORMS = [
    String.raw `r(\d+)a(\d+)(?:i([0-9a-f]{6})n([0-9a-f]{6}))?`, // GitHub: run, attempt, step, nonce
    String.raw `p\d+j\d+(?:n[0-9a-f]{6})?`, // GitLab: pipeline, job, nonce
    'c[0-9a-z]+n[0-9a-f]{6}', // by hand: time, nonce
    '[0-9a-z]{10}', // earliest versions
];
const BATCH_LABEL = new RegExp(String.raw `^(.+)-(\d{3,})-(${INVOCATION_FORMS.map((f) => `(?:${f})`).join('|')})$`);
function parseBatchLabel(label) {
    const m = BATCH_LABEL.exec(label);
    if (!m)
        return undefined;
    return {
        stem: m[1],
        number: Number(m[2]),
        suffix: m[3],
        ...(m[4] !== undefined ? { run: m[4], attempt: Number(m[5]) } : {}),
        ...(m[6] !== undefined ? { invocation: m[6], nonce: m[7] } : {}),
    };
}
/**
 * Whether a batch label's suffix is one this version makes: it ends with a per-process nonce, so no
 * other invocation makes keys under it (the earlier forms without one are shared by a whole job).
 */
function namesOneInvocation(suffix) {
    return /^(?:r\d+a\d+i[0-9a-f]{6}|p\d+j\d+|c[0-9a-z]+)n[0-9a-f]{6}$/.test(suffix);
}
/**
 * The stem of a batch label (`<stem>-<NNN>-<suffix>`), or undefined when the label is not one.
 * The suffix must be one this tool makes, so `auto-acme-2024-q3` or `partner-12345-bigcorp` are no batch labels.
 */
function batchStem(label) {
    return parseBatchLabel(label)?.stem;
}
/**
 * Whether `next` is the batch label right after `previous` in one batch of the invocation whose
 * labels end with `-<suffix>` (same stem, next number). A native batch (v01) gives all its keys
 * one label, that of its first request; a chunk of consecutive numbers lets that label say which
 * numbers its keys stand for (N \u2026 N + keys \u2212 1).
 */
function followsInBatch(previous, next, suffix) {
    const numbered = (label) => label.endsWith(`-${suffix}`) ? /^(.+)-(\d{3,})$/.exec(label.slice(0, -suffix.length - 1)) : null;
    const a = numbered(previous);
    const b = numbered(next);
    return a !== null && b !== null && a[1] === b[1] && Number(b[2]) === Number(a[2]) + 1;
}


/***/ }),

/***/ 8459:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Lo: () => (/* reexport */ commands/* COMMANDS */.Lo),
  eH: () => (/* binding */ DEFAULT_LIMIT),
  dz: () => (/* reexport */ input_error/* InputError */.d),
  Ac: () => (/* binding */ parseOptions)
});

// UNUSED EXPORTS: NOTIFY_ON

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/quota-proxy/types.ts
var types = __nccwpck_require__(5532);
// EXTERNAL MODULE: ./src/shared/redact.ts
var redact = __nccwpck_require__(8932);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
;// CONCATENATED MODULE: ./src/shared/csv-read.ts
// Reading back a keys CSV this tool wrote (`batch --resume`): RFC 4180 as ./csv.ts writes it \u2014 rows
// ending in CRLF (LF and CR taken too), a cell quoted when it holds a comma, a quote or a line break,
// quotes inside doubled \u2014 and the `'` csv.ts puts before a formula character taken off again.
/** The rows of `text`, each a list of cells; undefined when it is not well-formed CSV. */
function parseCsv(text) {
    const rows = [];
    let row = [];
    let i = 0;
    const plainEnd = /[,\r\n]/g;
    while (i < text.length) {
        let cell = '';
        if (text[i] === '"') {
            for (i += 1;;) {
                const quote = text.indexOf('"', i);
                if (quote < 0)
                    return undefined; // a quote left open
                cell += text.slice(i, quote);
                i = quote + 1;
                if (text[i] !== '"')
                    break;
                cell += '"';
                i += 1;
            }
        }
        else {
            plainEnd.lastIndex = i;
            const end = plainEnd.exec(text)?.index ?? text.length;
            cell = text.slice(i, end);
            if (cell.includes('"'))
                return undefined;
            i = end;
        }
        row.push(cell);
        if (text[i] === ',') {
            i += 1;
            if (i === text.length)
                row.push('');
            else
                continue;
        }
        else if (i < text.length) {
            if (text[i] !== '\r' && text[i] !== '\n')
                return undefined; // text after a closing quote
            i += text.startsWith('\r\n', i) ? 2 : 1;
        }
        rows.push(row);
        row = [];
    }
    return rows;
}
/** A cell as it was before ./csv.ts protected it from spreadsheets (`'=\u2026` \u2192 `=\u2026`). */
function unprotectCell(cell) {
    return /^'[=+\-@\t\r\n]/.test(cell) ? cell.slice(1) : cell;
}

// EXTERNAL MODULE: ./src/config/labels.ts
var labels = __nccwpck_require__(7231);
;// CONCATENATED MODULE: ./src/config/batch-file.ts
// The batch a keys CSV records, for `batch --resume FILE`: its label stem and suffix (one
// invocation's: the labels the missing numbers get), its count (the `batch_count` column), and its
// keys. The file is untrusted input read before any request: a symlink, anything but a regular file,
// more than a batch's CSV can hold, or rows of more than one batch are refused with the reason.



/** 10,000 keys (the largest count) of a few hundred characters each, with room to spare. */
const MAX_BATCH_FILE_BYTES = 8 * 1024 * 1024;
const MAX_COUNT = 10_000;
/** The file's bytes as text; a reason instead when it is not a regular file of a sensible size. */
function readRegularFile(file) {
    let fd;
    try {
        // O_NOFOLLOW: a symlink is refused in the same step that opens the file.
        fd = (0,external_node_fs_.openSync)(file, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NOFOLLOW | external_node_fs_.constants.O_NONBLOCK);
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT')
            return { refusal: 'there is no such file' };
        if (code === 'ELOOP')
            return { refusal: 'it is a symlink; give the file itself' };
        return { refusal: `it cannot be read (${code ?? 'error'})` };
    }
    try {
        const stat = (0,external_node_fs_.fstatSync)(fd);
        if (!stat.isFile())
            return { refusal: stat.isDirectory() ? 'it is a folder' : 'it is not a regular file' };
        if (stat.size > MAX_BATCH_FILE_BYTES)
            return { refusal: `it is larger than a batch's CSV can be (${stat.size} bytes)` };
        const bytes = Buffer.alloc(stat.size);
        let read = 0;
        while (read < bytes.length) {
            const n = (0,external_node_fs_.readSync)(fd, bytes, read, bytes.length - read, read);
            if (n === 0)
                break;
            read += n;
        }
        return bytes.subarray(0, read).toString('utf8');
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
/** The batch `file` records, or why it records none (a phrase after "expected a CSV that batch wrote: "). */
function readBatchFile(file) {
    const text = readRegularFile(file);
    if (typeof text !== 'string')
        return text;
    const [header, ...rows] = parseCsv(text) ?? [];
    const names = ['label', 'key', 'created_at', 'batch_count'];
    const columns = names.map((name) => header?.indexOf(name) ?? -1);
    const lacking = names.filter((_, i) => columns[i] === -1);
    if (!header || lacking.length > 0)
        return {
            refusal: `its header has no ${lacking.join(', ')} column (a CSV of something else, or of a version before ` +
                `batch --resume)`,
        };
    if (rows.length === 0)
        return { refusal: 'it holds no key' };
    let batch;
    const rowOf = new Map();
    for (const [i, cells] of rows.entries()) {
        const line = i + 2;
        if (cells.length !== header.length)
            return { refusal: `line ${line} has ${cells.length} cells, not ${header.length}` };
        const [label, key, created, count] = columns.map((c) => unprotectCell(cells[c]));
        const parsed = (0,labels/* parseBatchLabel */.Cp)(label);
        if (!parsed || !(0,labels/* namesOneInvocation */.LA)(parsed.suffix))
            return { refusal: `line ${line}'s label is no batch label of this version (<name>-<NNN>-<suffix>)` };
        if (!/^\d+$/.test(count) || Number(count) < 1 || Number(count) > MAX_COUNT)
            return { refusal: `line ${line}'s batch_count is not a count from 1 to ${MAX_COUNT}` };
        batch ??= { file, stem: parsed.stem, suffix: parsed.suffix, count: Number(count), rows: [] };
        if (parsed.stem !== batch.stem || parsed.suffix !== batch.suffix || Number(count) !== batch.count)
            return {
                refusal: `it holds keys of more than one batch (line 2: ${batch.rows[0].label}, line ${line}: ${label})`,
            };
        if (parsed.number > batch.count)
            return { refusal: `line ${line}'s number ${parsed.number} is beyond the batch's count ${batch.count}` };
        const when = new Date(created);
        if (!key || Number.isNaN(when.getTime()))
            return { refusal: `line ${line} has no key or no created_at` };
        if (rowOf.has(key))
            return { refusal: `line ${line} repeats the key of line ${rowOf.get(key)}` };
        rowOf.set(key, line);
        batch.rows.push({ label, key, createdAt: when });
    }
    return batch;
}

// EXTERNAL MODULE: ./src/config/commands.ts
var commands = __nccwpck_require__(4006);
// EXTERNAL MODULE: ./src/config/context.ts + 1 modules
var config_context = __nccwpck_require__(568);
// EXTERNAL MODULE: ./src/config/input-error.ts
var input_error = __nccwpck_require__(6065);
// EXTERNAL MODULE: ./src/config/inputs.ts
var inputs = __nccwpck_require__(4389);
// EXTERNAL MODULE: ./src/config/paths.ts
var paths = __nccwpck_require__(1066);
// EXTERNAL MODULE: ./src/config/plain-http.ts
var plain_http = __nccwpck_require__(2203);
;// CONCATENATED MODULE: ./src/config/required-inputs.ts
/** The old tool's server, the CLI's default on a developer's machine. */
const CLI_DEFAULT_URL = 'http://localhost:8787';
/** What to set when neither `url` nor QUOTA_PROXY_URL is (GitHub, GitLab: CI has no server of its own). */
function emptyUrlAdvice(platform) {
    return platform === 'github'
        ? 'it is empty: set the repository variable QUOTA_PROXY_URL (url: ${{ vars.QUOTA_PROXY_URL }} is empty ' +
            "while it is unset), or give url the server's address, such as https://quota.example.com"
        : "it is empty: set the CI/CD variable QUOTA_PROXY_URL, or the component's url input, to the server's " +
            'address, such as https://quota.example.com';
}
/** What to set when a command that needs the token has none. */
function missingTokenAdvice(command, platform) {
    const where = platform === 'github'
        ? 'it is empty: set the repository secret QUOTA_PROXY_ADMIN_TOKEN and pass it as admin-token: ' +
            '${{ secrets.QUOTA_PROXY_ADMIN_TOKEN }} (an unset secret is empty)'
        : platform === 'gitlab'
            ? 'it is empty: set the CI/CD variable QUOTA_PROXY_ADMIN_TOKEN (masked), or ADMIN_TOKEN'
            : 'set --token (-t) or the ADMIN_TOKEN environment variable';
    return `required for ${command}: ${where}`;
}

// EXTERNAL MODULE: ./src/config/values.ts
var values = __nccwpck_require__(3750);
;// CONCATENATED MODULE: ./src/config/options.ts
// All input parsing, put together here from the value parsers of values.ts. Bad input \u2192 InputError, one
// line naming the input and what is allowed, thrown before any request is sent.













const DEFAULT_LIMIT = 100;
const NOTIFY_ON = ['failure', 'alert', 'always'];
/** Control characters (C0, DEL, C1) and anything beyond Latin-1: not sendable in an HTTP header. */
const TOKEN_UNSENDABLE = /[\0-\x1f\x7f-\x9f]|[^\0-\xff]/;
/** Where the token came from, as the user set it on this platform. */
function describeTokenSource(fromInput, context) {
    if (fromInput)
        return context.platform === 'github' ? 'input admin-token' : '--token';
    return context.platform === 'gitlab'
        ? 'env ADMIN_TOKEN (or the CI/CD variable QUOTA_PROXY_ADMIN_TOKEN)'
        : 'env ADMIN_TOKEN';
}
function reader(input) {
    const get = (name) => input(name).trim();
    /** The input as given, else its default from the INPUTS table (the one place defaults live). */
    const value = (name) => get(name) || (0,inputs/* inputDefault */.qw)(name);
    return { input, get, value, bool: (name) => (0,values/* parseBoolean */.yG)(name, value(name)) };
}
/** What to do, where, with which token. */
function parseTarget({ input, get, value }, env, context) {
    const command = (0,values/* oneOf */.yL)('command', value('command'), commands/* COMMANDS */.Lo);
    const urlGiven = get('url') || env.QUOTA_PROXY_URL?.trim();
    if (!urlGiven && context.platform !== 'cli')
        throw new input_error/* InputError */.d('url', '', emptyUrlAdvice(context.platform));
    const url = (0,values/* parseUrl */.Dl)(urlGiven || CLI_DEFAULT_URL);
    if ((0,plain_http/* sendsTokenInClear */.pd)(url) && (0,values/* parseBoolean */.yG)('require-https', value('require-https'))) {
        throw new input_error/* InputError */.d('url', (0,redact/* redactUrl */.BO)(url.href), 'require-https is true: expected https://, or http:// to a loopback host such as 127.0.0.1');
    }
    // Tokens are not trimmed of inner characters: a newline inside one is a pasting mistake.
    const tokenInput = input('admin-token').replace(/^[ \t]+|[ \t\r\n]+$/g, '');
    const token = tokenInput || env.ADMIN_TOKEN?.replace(/[\r\n]+$/, '') || undefined;
    const tokenSource = describeTokenSource(tokenInput !== '', context);
    // The token travels in an HTTP header: only Latin-1 without control characters fits there. Any
    // other would make every admin request fail after the health check (and a create look uncertain).
    if (token !== undefined && TOKEN_UNSENDABLE.test(token)) {
        const what = /[\r\n]/.test(token)
            ? 'a line break'
            : /[\0-\x1f\x7f-\x9f]/.test(token)
                ? 'a control character'
                : 'a character outside Latin-1 (such as a full-width or Chinese character)';
        throw new input_error/* InputError */.d('admin-token', '', `the token from ${tokenSource} contains ${what}, which cannot be sent in an HTTP header; paste it ` +
            `again as one line of plain characters`);
    }
    if (token === undefined && commands/* COMMAND_SPECS */.fH[command].needsToken)
        throw new input_error/* InputError */.d('admin-token', '', missingTokenAdvice(command, context.platform));
    return { command, url, token, tokenSource };
}
/** How many keys, with which limits and labels, how fast, and where they go. */
function parseIssuing({ get, value }, context) {
    const count = (0,values/* parseWholeNumber */.oA)('count', value('count'), 1, 10_000);
    const tiers = (0,values/* parseTiers */.hM)(get('tiers'));
    const tier = get('tier') || undefined;
    if (tier !== undefined && !Object.hasOwn(tiers, tier))
        throw new input_error/* InputError */.d('tier', tier, `expected one of ${Object.keys(tiers).join(', ')} (or add it with tiers)`);
    const limit = get('limit')
        ? (0,values/* parseWholeNumber */.oA)('limit', get('limit'), 1, 100_000_000)
        : tier
            ? tiers[tier]
            : DEFAULT_LIMIT;
    // No default: v1/v01 do not report theirs, and a guess would show wrong percentages without saying so.
    const serverDailyLimit = get('server-daily-limit')
        ? (0,values/* parseWholeNumber */.oA)('server-daily-limit', get('server-daily-limit'), 1, 100_000_000)
        : undefined;
    const concurrency = (0,values/* parseWholeNumber */.oA)('concurrency', value('concurrency'), 1, 64);
    const timeoutRaw = value('timeout-seconds');
    const timeout = Number(timeoutRaw);
    // At least a millisecond: undici reads a timeout of 0 as none at all.
    if (!/^\d+(\.\d+)?$/.test(timeoutRaw) || timeout < 0.001 || timeout > 600) {
        throw new input_error/* InputError */.d('timeout-seconds', timeoutRaw, 'expected a number of seconds from 0.001 to 600');
    }
    const healthPath = (0,values/* parseHealthPath */.fj)(value('health-path'));
    const nameGiven = get('name');
    const name = nameGiven || (0,config_context/* defaultName */.Z2)(context);
    if (/[\r\n\0]/.test(name) || name.length > 200) {
        throw new input_error/* InputError */.d('name', name, 'expected one line of at most 200 characters');
    }
    const labelPrefix = get('label-prefix');
    if (/[\r\n\0]/.test(labelPrefix))
        throw new input_error/* InputError */.d('label-prefix', labelPrefix, 'expected one line');
    const output = (0,paths/* parseOutput */.Fw)(get('output'), context);
    const timeoutMs = Math.round(timeout * 1000);
    return {
        count,
        tiers,
        tier,
        limit,
        serverDailyLimit,
        concurrency,
        timeoutMs,
        healthPath,
        name,
        nameGiven,
        labelPrefix,
        output,
    };
}
/** Which existing keys reset, delete and rotate act on. */
function parseSelection({ get, bool }, command, nameGiven, labelPrefix) {
    const key = get('key');
    // A key is a secret: not echoed. A line break or a tab inside is a pasting mistake, never part of a key.
    if (/[\0-\x1f\x7f-\x9f]/.test(key))
        throw new input_error/* InputError */.d('key', '', 'expected the key as one line without control characters (a line break, a tab)');
    if ((command === 'reset' || command === 'delete') && !key && !nameGiven) {
        throw new input_error/* InputError */.d('key', '', `${command} needs the key (key, --key) or its label (name, --name)`);
    }
    const olderRaw = get('older-than-days');
    const idleRaw = get('idle-days');
    if (command === 'rotate' && !olderRaw && !idleRaw)
        throw new input_error/* InputError */.d('older-than-days', '', 'required for rotate (unless idle-days is set): a whole number of days, such as 30');
    const olderThanDays = olderRaw ? (0,values/* parseWholeNumber */.oA)('older-than-days', olderRaw, 0, 36_500) : undefined;
    const idleDays = idleRaw ? (0,values/* parseWholeNumber */.oA)('idle-days', idleRaw, 1, 90) : undefined;
    const allLabels = bool('all-labels');
    if (command === 'rotate' && !labelPrefix && !allLabels) {
        throw new input_error/* InputError */.d('label-prefix', '', 'rotate needs label-prefix (such as auto-) so hand-issued keys are safe, or all-labels: true');
    }
    return { key, olderThanDays, idleDays, allLabels };
}
/** Many servers (config, server, server-concurrency) and the notification (notify-webhook, notify-on). */
function parseFanOut({ get, value }, env, context) {
    const config = get('config') ? external_node_path_default().resolve(context.workspace, get('config')) : undefined;
    const server = get('server') || undefined;
    if (server && !config)
        throw new input_error/* InputError */.d('server', server, 'server selects an entry of config: set config too');
    const serverConcurrency = (0,values/* parseWholeNumber */.oA)('server-concurrency', value('server-concurrency'), 1, 8);
    const hook = get('notify-webhook') || env.QUOTA_KEYS_WEBHOOK?.trim() || '';
    let notifyWebhook;
    if (hook) {
        // Never echoed: a webhook URL carries its own secret.
        const url = URL.canParse(hook) ? new URL(hook) : undefined;
        if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:'))
            throw new input_error/* InputError */.d('notify-webhook', '', 'expected an https:// URL (or http://), such as a Slack webhook');
        notifyWebhook = url;
    }
    const notifyOn = value('notify-on')
        .split(/[\s,|]+/)
        .filter(Boolean)
        .map((word) => (0,values/* oneOf */.yL)('notify-on', word, NOTIFY_ON));
    return { config, server, serverConcurrency, notifyWebhook, notifyOn };
}
/**
 * `resume` (CLI, batch): the batch FILE records sets count, name and output, which may only repeat
 * them. The action has no such input: a re-run of the job completes an earlier attempt's batch.
 */
function parseResume({ get }, command, issuing, context) {
    const raw = get('resume');
    if (!raw)
        return issuing;
    const refuse = (allowed) => new input_error/* InputError */.d('resume', raw, allowed);
    if (context.platform === 'github')
        throw refuse('no input of the action but a flag of the command line; in a workflow, re-run the job instead');
    if (command !== 'batch')
        throw refuse(`expected with batch only, not ${command}`);
    if (get('config'))
        throw refuse('expected without config: it completes the batch of one server');
    const file = external_node_path_default().resolve(context.workspace, raw);
    const batch = readBatchFile(file);
    if ('refusal' in batch)
        throw refuse(`expected a keys CSV that quota-keys batch wrote, but ${batch.refusal}`);
    const same = (input, given, ours) => {
        if (given && given !== ours)
            throw new input_error/* InputError */.d(input, given, `with resume, the ${input} is the batch's (${ours}): leave it out`);
    };
    same('count', get('count'), String(batch.count));
    same('name', get('name'), batch.stem);
    same('output', get('output') && external_node_path_default().resolve(context.workspace, get('output')), file);
    return { ...issuing, count: batch.count, name: batch.stem, nameGiven: batch.stem, output: file, resume: batch };
}
function parseOptions(input, env, context) {
    const read = reader(input);
    const { get, value, bool } = read;
    const target = parseTarget(read, env, context);
    const { command } = target;
    const issuing = parseResume(read, command, parseIssuing(read, context), context);
    const flavorRaw = get('server-flavor');
    const selection = parseSelection(read, command, issuing.nameGiven, issuing.labelPrefix);
    const expiresRaw = get('expires-in-days');
    const retries = (0,values/* parseWholeNumber */.oA)('retries', value('retries'), 0, 10);
    const maxWaitSeconds = (0,values/* parseWholeNumber */.oA)('max-wait-seconds', value('max-wait-seconds'), 0, 3600);
    const minSuccessRaw = get('min-success');
    const wanted = command === 'batch' ? issuing.count : 1;
    const minSuccess = minSuccessRaw ? (0,values/* parseWholeNumber */.oA)('min-success', minSuccessRaw, 0, wanted) : wanted;
    const auditLog = (0,paths/* parseAuditLog */.lj)(get('audit-log'), command, bool('dry-run'), issuing.output, context);
    (0,paths/* checkArtifactPaths */.dX)({ output: issuing.output, auditLog }, get);
    // generate, batch: their labels go under label-prefix, the stem a rotation selects them by.
    const underPrefix = (command === 'generate' || command === 'batch') && !issuing.name.startsWith(issuing.labelPrefix);
    return {
        ...target,
        ...issuing,
        ...(underPrefix ? { name: `${issuing.labelPrefix}${issuing.name}` } : {}),
        outputGiven: get('output') !== '',
        skipHealthCheck: bool('skip-health-check'),
        serverFlavor: flavorRaw ? (0,values/* oneOf */.yL)('server-flavor', flavorRaw, types/* FLAVORS */.W) : undefined,
        day: get('day') ? (0,values/* parseDay */.Iq)(get('day')) : undefined,
        alertThreshold: (0,values/* parseWholeNumber */.oA)('alert-threshold', value('alert-threshold'), 1, 100),
        failOnAlert: bool('fail-on-alert'),
        days: (0,values/* parseWholeNumber */.oA)('days', value('days'), 1, 90),
        forecastDays: (0,values/* parseWholeNumber */.oA)('forecast-days', value('forecast-days'), 1, 365),
        spikeFactor: (0,values/* parseFactor */.rw)(value('spike-factor')),
        spikeMinRequests: (0,values/* parseWholeNumber */.oA)('spike-min-requests', value('spike-min-requests'), 1, 100_000_000),
        html: (0,paths/* parseHtml */.ZC)(get('html'), command, Number(value('days')), context),
        ...selection,
        allMatching: bool('all-matching'),
        resetAllKeysForDay: bool('reset-all-keys-for-day'),
        dryRun: bool('dry-run'),
        replace: bool('replace'),
        expiresInDays: expiresRaw ? (0,values/* parseWholeNumber */.oA)('expires-in-days', expiresRaw, 1, 3650) : undefined,
        limitAsTotalQuota: bool('limit-as-total-quota'),
        uploadArtifact: bool('upload-artifact'),
        artifactName: (0,values/* parseArtifactName */.TZ)(get('artifact-name'), context),
        artifactNameGiven: get('artifact-name') !== '',
        overwriteArtifact: bool('overwrite-artifact'),
        retentionDays: (0,values/* parseWholeNumber */.oA)('retention-days', value('retention-days'), 1, 90),
        encryptTo: (0,values/* parseRecipients */.q)(get('encrypt-to')),
        allowPublicArtifact: bool('allow-public-artifact'),
        retries,
        maxWaitMs: maxWaitSeconds * 1000,
        onRateLimit: (0,values/* oneOf */.yL)('on-rate-limit', value('on-rate-limit'), ['wait', 'fail']),
        minSuccess,
        force: bool('force'),
        invocationId: (0,values/* parseInvocationId */.f8)(get('invocation-id')),
        requireHttps: bool('require-https'),
        ...parseFanOut(read, env, context),
        auditLog,
    };
}


/***/ }),

/***/ 1066:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Fw: () => (/* binding */ parseOutput),
/* harmony export */   Hf: () => (/* binding */ checkDotenv),
/* harmony export */   ZC: () => (/* binding */ parseHtml),
/* harmony export */   dX: () => (/* binding */ checkArtifactPaths),
/* harmony export */   lj: () => (/* binding */ parseAuditLog)
/* harmony export */ });
/* unused harmony export DEFAULT_AUDIT_LOG */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _shared_files_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8590);
/* harmony import */ var _commands_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(4006);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(568);
/* harmony import */ var _input_error_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(6065);
// The files a run writes (output, audit-log, dotenv), checked before any request: a path the run
// could not write, would write through a symbolic link it did not make, or that the artifact
// uploader refuses is bad input, found before a key exists that would then be stranded.






/** Whether anything is at `file`, a dangling symbolic link too. */
const taken = (file) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(file, { throwIfNoEntry: false }) !== undefined;
/** Refuses `file` when writing it would go through a symbolic link (the file, or a folder in the workspace). */
function refuseLink(input, shown, file, context, instead) {
    const link = (0,_shared_files_js__WEBPACK_IMPORTED_MODULE_2__/* .linkOnTheWay */ .KH)(file, context.workspace);
    if (link)
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .d(input, shown, `${link} is a symbolic link, and the run writes no file through a link it did not make; ${instead}`);
}
/**
 * The CSV path. A given path must name a file (not a folder); the default never replaces a CSV
 * already there (a second step of the same job), it counts up instead.
 */
function parseOutput(raw, context) {
    if (raw) {
        const file = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(context.workspace, raw);
        if (/[\\/]$/.test(raw) || ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file) && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(file).isDirectory())) {
            throw new _input_error_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .d('output', raw, 'expected a file path for the CSV, not a folder (such as keys/trial-keys.csv)');
        }
        refuseLink('output', raw, file, context, 'remove it or give another path');
        const refusal = (0,_shared_files_js__WEBPACK_IMPORTED_MODULE_2__/* .notReplaceable */ .mt)(file);
        if (refusal)
            throw new _input_error_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .d('output', raw, `expected a path for a regular file: ${refusal}`);
        // Keys created and then unwritable would be lost: the nearest existing folder must take files.
        let dir = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(file);
        while (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(dir))
            dir = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(dir);
        try {
            if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(dir).isDirectory())
                throw new Error('not a folder');
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.accessSync)(dir, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.W_OK);
        }
        catch {
            throw new _input_error_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .d('output', raw, `expected a path the CSV can be written to (${dir} is not a writable folder)`);
        }
        return file;
    }
    const stem = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(context.workspace, `trial-keys-${(0,_context_js__WEBPACK_IMPORTED_MODULE_4__/* .compactDate */ .Ac)(context.now)}-${context.runId}`);
    let file = `${stem}.csv`;
    for (let n = 2; taken(file); n++)
        file = `${stem}-${n}.csv`;
    return file;
}
/**
 * usage --html: the dashboard's path. A folder, a FIFO, a device or a symbolic link is refused, and
 * a file is created and removed where it goes (or in the nearest folder there is), so a path that
 * cannot take it is refused before any request. The action writes one by default for days > 1;
 * `none`: never.
 */
function parseHtml(raw, command, days, context) {
    if (raw === 'none')
        return undefined;
    if (!raw) {
        if (context.platform !== 'github' || command !== 'usage' || days < 2)
            return undefined;
        const stem = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(context.workspace, `usage-dashboard-${context.runId}`);
        let file = `${stem}.html`;
        for (let n = 2; taken(file); n++)
            file = `${stem}-${n}.html`;
        return file;
    }
    if (command !== 'usage')
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .d('html', raw, `only usage writes a dashboard, not ${command}`);
    const file = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(context.workspace, raw);
    if (/[\\/]$/.test(raw) || ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file) && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(file).isDirectory()))
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .d('html', raw, 'expected a file path for the dashboard, not a folder (such as usage.html)');
    refuseLink('html', raw, file, context, 'remove it or give another path');
    const refusal = (0,_shared_files_js__WEBPACK_IMPORTED_MODULE_2__/* .notReplaceable */ .mt)(file, 'the dashboard');
    if (refusal)
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .d('html', raw, `expected a path for a regular file: ${refusal}`);
    let dir = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(file);
    while (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(dir))
        dir = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(dir);
    const probe = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, `.quota-keys-probe-${process.pid}.tmp`);
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(probe, 'wx'));
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(probe);
    }
    catch (error) {
        const reason = error.code ?? String(error);
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .d('html', raw, `the dashboard cannot be written there (${reason} in ${dir}); expected a writable folder`);
    }
    return file;
}
/** The audit log's file name in CI, next to the CSV (it goes into the same artifact). */
const DEFAULT_AUDIT_LOG = 'quota-keys-audit.jsonl';
/** The audit log: as given; in CI (GitHub, GitLab) else quota-keys-audit.jsonl beside the CSV; `none`: off. */
function parseAuditLog(raw, command, dryRun, output, context) {
    if (!_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .COMMAND_SPECS */ .fH[command].writes || dryRun || raw === 'none')
        return undefined;
    if (!raw) {
        if (context.platform === 'cli')
            return undefined;
        const file = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(output), DEFAULT_AUDIT_LOG);
        const shown = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(context.workspace, file) || file;
        refuseLink('audit-log', shown, file, context, 'remove it, or set audit-log to another path (or none)');
        return file;
    }
    const file = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(context.workspace, raw);
    refuseLink('audit-log', raw, file, context, 'remove it or give another path');
    if (/[\\/]$/.test(raw) || ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file) && !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(file).isFile()))
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .d('audit-log', raw, 'expected a path for a regular file (such as quota-keys-audit.jsonl), or none');
    return file;
}
/**
 * The CSV and the audit log as the artifact holds them (under the deepest folder of both): a path
 * there that the uploader refuses is bad input now, not a failed upload after the keys exist.
 */
function checkArtifactPaths(files, raw) {
    const refused = (0,_shared_files_js__WEBPACK_IMPORTED_MODULE_2__/* .refusedInArtifact */ .aX)([files.output, ...(files.auditLog ? [files.auditLog] : [])]);
    if (refused === undefined)
        return;
    const input = refused === files.output ? 'output' : 'audit-log';
    throw new _input_error_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .d(input, raw(input) || node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(refused), `expected a path without ${_shared_files_js__WEBPACK_IMPORTED_MODULE_2__/* .ARTIFACT_PATH_CHARACTERS */ .ii} where the artifact holds it ` +
        '(the artifact uploader refuses them; Windows cannot hold them)');
}
/**
 * The dotenv file (GitLab's `reports: dotenv`): a regular file or nothing, not through a link, a name
 * the artifact takes. `within`: the job's directory.
 */
function checkDotenv(file, shown, within) {
    const link = (0,_shared_files_js__WEBPACK_IMPORTED_MODULE_2__/* .linkOnTheWay */ .KH)(file, within);
    if (link)
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .d('dotenv', shown, `${link} is a symbolic link, and the run writes no file through a link it did not make; remove it or ` +
            'give another path');
    if (_shared_files_js__WEBPACK_IMPORTED_MODULE_2__/* .ARTIFACT_PATH_FORBIDDEN */ .d6.test(node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(file)))
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .d('dotenv', shown, `expected a file name without ${_shared_files_js__WEBPACK_IMPORTED_MODULE_2__/* .ARTIFACT_PATH_CHARACTERS */ .ii}`);
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file) && !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(file).isFile())
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .d('dotenv', shown, 'expected a path for a regular file, such as quota-keys.env');
}


/***/ }),

/***/ 2203:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BS: () => (/* binding */ plainHttpWarning),
/* harmony export */   pd: () => (/* binding */ sendsTokenInClear)
/* harmony export */ });
/* unused harmony export isLoopbackHost */
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _shared_redact_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8932);
// The admin token travels in a header: over http:// to another machine anyone on the path can
// read it. Loopback is fine (the dev server, an SSH tunnel, a sidecar).


function isLoopbackHost(hostname) {
    const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
    if (host === 'localhost' || host.endsWith('.localhost'))
        return true;
    if ((0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(host) === 4)
        return host.startsWith('127.');
    if ((0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(host) === 6)
        return host === '::1' || /^::ffff:(127\.|7f[0-9a-f]{2}:)/.test(host);
    return false;
}
/** True when the token would cross the network unencrypted. */
function sendsTokenInClear(url) {
    return url.protocol === 'http:' && !isLoopbackHost(url.hostname);
}
/** The warning for an http:// URL to another host, or undefined. */
function plainHttpWarning(url) {
    if (!sendsTokenInClear(url))
        return undefined;
    return (`${(0,_shared_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrl */ .BO)(url.href)} is http:// to a host that is not loopback: the admin token crosses the ` +
        `network in clear text. Use https:// (set require-https: true to refuse http://).`);
}


/***/ }),

/***/ 3750:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Dl: () => (/* binding */ parseUrl),
/* harmony export */   Iq: () => (/* binding */ parseDay),
/* harmony export */   TZ: () => (/* binding */ parseArtifactName),
/* harmony export */   f8: () => (/* binding */ parseInvocationId),
/* harmony export */   fj: () => (/* binding */ parseHealthPath),
/* harmony export */   hM: () => (/* binding */ parseTiers),
/* harmony export */   oA: () => (/* binding */ parseWholeNumber),
/* harmony export */   q: () => (/* binding */ parseRecipients),
/* harmony export */   rw: () => (/* binding */ parseFactor),
/* harmony export */   u7: () => (/* binding */ localDay),
/* harmony export */   uA: () => (/* binding */ DEFAULT_TIERS),
/* harmony export */   yG: () => (/* binding */ parseBoolean),
/* harmony export */   yL: () => (/* binding */ oneOf)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8815);
/* harmony import */ var _shared_redact_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8932);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(568);
/* harmony import */ var _input_error_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(6065);
// One input value at a time: whole numbers, booleans, URLs, days, tiers, paths, names, age recipients.
// Each parser throws an InputError naming the input and what is allowed; src/config/options.ts puts them together.




/** The old tool's tiers and their daily limits. */
const DEFAULT_TIERS = { trial: 50, partner: 500, internal: 1000, vip: 5000 };
function parseWholeNumber(input, raw, min, max) {
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d(input, raw, `expected a whole number from ${min} to ${max}`);
    }
    return Number(raw);
}
function parseBoolean(input, raw) {
    if (/^(true|yes|on|1)$/i.test(raw))
        return true;
    if (/^(false|no|off|0)$/i.test(raw))
        return false;
    throw new _input_error_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d(input, raw, 'expected true or false');
}
function oneOf(input, raw, allowed) {
    if (allowed.includes(raw))
        return raw;
    throw new _input_error_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d(input, raw, `expected one of ${allowed.join(', ')}`);
}
function parseUrl(raw) {
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d('url', raw.replace(/\/\/[^/@\s]*@/, '//***@'), 'expected an http:// or https:// URL such as http://localhost:8787');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d('url', `${url.protocol}\u2026`, 'expected an http:// or https:// URL such as http://localhost:8787');
    }
    // Port 0 means "any port" to a listener; no server answers on it, and every retry would fail alike.
    if (url.port === '0')
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d('url', (0,_shared_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrl */ .BO)(url.origin), 'expected a port from 1 to 65535');
    // The requests go to the URL's path: a query would be dropped without a word. Neither is echoed (a secret?).
    if (url.search || url.hash || /[?#]/.test(raw)) {
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d('url', (0,_shared_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrl */ .BO)(`${url.origin}${url.pathname}`), 'expected a URL without ?query or #fragment (requests go to its path; a query would not be sent)');
    }
    return url;
}
/** YYYY-MM-DD in the runner's local time zone. */
function localDay(date) {
    const d = (0,_context_js__WEBPACK_IMPORTED_MODULE_2__/* .compactDate */ .Ac)(date);
    return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}`;
}
function parseDay(raw) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
    const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
    if (!date || date.toISOString().slice(0, 10) !== raw)
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d('day', raw, 'expected a date as YYYY-MM-DD, such as 2026-11-26');
    return raw;
}
function parseFactor(raw) {
    if (!/^\d+(\.\d+)?$/.test(raw) || Number(raw) < 1.1 || Number(raw) > 1000)
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d('spike-factor', raw, 'expected a number from 1.1 to 1000, such as 3 or 2.5');
    return Number(raw);
}
function parseTiers(raw) {
    const tiers = { ...DEFAULT_TIERS };
    if (!raw)
        return tiers;
    let parsed;
    try {
        parsed = (0,yaml__WEBPACK_IMPORTED_MODULE_0__.parse)(raw); // YAML is a superset of JSON
    }
    catch {
        parsed = undefined;
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d('tiers', raw, 'expected a JSON or YAML map of tier name to daily limit, such as {"trial":50,"gold":2000}');
    }
    for (const [name, limit] of Object.entries(parsed)) {
        if (!/^[\w.-]+$/.test(name) || typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) {
            throw new _input_error_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d('tiers', raw, `tier "${name}" needs a whole daily limit of at least 1`);
        }
        tiers[name] = limit;
    }
    return tiers;
}
// An absolute path of RFC 3986 path characters, an optional query, no dot segments, no `//` start
// (a network-path reference), %-escapes well formed.
const HEALTH_PATH = /^\/(?!\/)[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*(\?[A-Za-z0-9\-._~!$&'()*+,;=:@%/?]*)?$/;
function parseHealthPath(raw) {
    const pathPart = raw.split('?')[0];
    const ok = raw.length <= 1000 &&
        HEALTH_PATH.test(raw) &&
        !/%(?![0-9A-Fa-f]{2})/.test(raw) &&
        !pathPart.split('/').some((segment) => segment === '.' || segment === '..');
    if (!ok)
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d('health-path', raw, 'expected a URL path starting with / (letters, digits and - . _ ~ / %XX, an optional ?query, no . or ' +
            '.. segments), such as /healthz');
    return raw;
}
/** The characters @actions/artifact refuses in a name, checked before any key exists. */
const ARTIFACT_NAME_FORBIDDEN = /["':<>|*?\r\n\\/]/;
function parseArtifactName(raw, context) {
    if (raw && ARTIFACT_NAME_FORBIDDEN.test(raw)) {
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d('artifact-name', raw, 'expected a name without " : < > | * ? \\ / or line breaks');
    }
    // Unique per step (the step hash of batch labels) and the same in every attempt of it.
    return raw || `trial-keys-${context.runId}-${context.invocation ?? context.attempt}`;
}
// bech32 (BIP 173), the encoding of age recipients: the checksum catches a mistyped character
// before any key exists (encrypting happens only after the run).
const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
function bech32Valid(text) {
    const sep = text.lastIndexOf('1');
    const hrp = text.slice(0, sep);
    const data = [...text.slice(sep + 1)].map((c) => BECH32.indexOf(c));
    if (sep < 1 || data.length < 6 || data.includes(-1))
        return false;
    const values = [
        ...[...hrp].map((c) => c.charCodeAt(0) >> 5),
        0,
        ...[...hrp].map((c) => c.charCodeAt(0) & 31),
        ...data,
    ];
    const GEN = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
    let chk = 1;
    for (const v of values) {
        const top = chk >> 25;
        chk = ((chk & 0x1ffffff) << 5) ^ v;
        for (let i = 0; i < 5; i++)
            if ((top >> i) & 1)
                chk ^= GEN[i];
    }
    return chk === 1;
}
/** age recipients, comma or newline separated. */
function parseRecipients(raw) {
    const recipients = raw.split(/[\s,]+/).filter(Boolean);
    for (const recipient of recipients) {
        if (!/^age1[02-9ac-hj-np-z]{58}$/.test(recipient) || !bech32Valid(recipient))
            throw new _input_error_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d('encrypt-to', recipient, 'expected age recipients (age1\u2026 , 62 characters, as age-keygen prints them), comma or newline separated');
    }
    return recipients;
}
function parseInvocationId(raw) {
    if (raw.length > 200 || /[\u0000-\u001f\u007f]/.test(raw)) {
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d('invocation-id', raw.slice(0, 40), 'expected one line of at most 200 characters, such as the strategy.job-index or the matrix values');
    }
    return raw;
}


/***/ }),

/***/ 1748:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ encryptReportCsv)
/* harmony export */ });
/* unused harmony export encryptFileTo */
/* harmony import */ var _shared_builtins_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3613);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8382);
// The keys CSV encrypted to age recipients (`encrypt-to`): `<csv>.age`, readable with
// `age -d -i key.txt <csv>.age`, and no plaintext copy left behind. age-encryption is loaded only
// when there is something to encrypt.


/** Encrypts `file` to every recipient into `<file>.age` (mode 0600), then deletes `file`. */
async function encryptFileTo(file, recipients) {
    if (recipients.length === 0)
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .QuotaKeysError */ .t('encrypt-to: no age recipient given');
    const { Encrypter } = await __nccwpck_require__.e(/* import() */ 539).then(__nccwpck_require__.bind(__nccwpck_require__, 1539));
    const { readFile, rename, rm, writeFile } = (0,_shared_builtins_js__WEBPACK_IMPORTED_MODULE_1__/* .fsPromises */ .GY)();
    const encrypter = new Encrypter();
    for (const recipient of recipients)
        encrypter.addRecipient(recipient);
    const ciphertext = await encrypter.encrypt(await readFile(file));
    const target = `${file}.age`;
    // Written beside the target and renamed, so a reader never sees half a file; 'wx': never through
    // a file or link someone else put at the temp path.
    const temp = `${target}.${process.pid}.tmp`;
    try {
        await writeFile(temp, ciphertext, { mode: 0o600, flag: 'wx' });
        await rename(temp, target);
    }
    catch (error) {
        // EEXIST: what is at the temp path is not ours to remove.
        if (error.code !== 'EEXIST')
            await rm(temp, { force: true });
        throw error;
    }
    await rm(file, { force: true });
    return target;
}
/**
 * Replaces the report's CSV by its encrypted copy: `csv-path`, the summary and the failure line
 * then name `<csv>.age`. Does nothing without a CSV or without recipients.
 */
async function encryptReportCsv(report, recipients, log) {
    const plaintext = report.csvPath;
    if (!plaintext || recipients.length === 0)
        return;
    let encrypted;
    try {
        encrypted = await encryptFileTo(plaintext, recipients);
    }
    catch (error) {
        const message = (0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .g)(error);
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .QuotaKeysError */ .t(`Encrypting the CSV for encrypt-to failed (${message}); the plaintext CSV is still at ${plaintext}: ` +
            `delete it if it must not stay.`);
    }
    report.csvPath = encrypted;
    if (report.outputs['csv-path'] === plaintext)
        report.outputs['csv-path'] = encrypted;
    for (const fact of report.facts.list())
        if (typeof fact.value === 'string' && fact.value.includes(plaintext))
            report.facts.set(fact.name, fact.value.split(plaintext).join(encrypted));
    if (report.failure)
        report.failure = report.failure.split(plaintext).join(encrypted);
    log.info(`Encrypted the CSV to ${recipients.length} age recipient(s): ${encrypted} (the plaintext was deleted).`);
}


/***/ }),

/***/ 7572:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   HY: () => (/* binding */ notifyAfterRun),
/* harmony export */   sg: () => (/* binding */ maskWebhook)
/* harmony export */ });
/* unused harmony exports NOTIFY_TIMEOUT_MS, NOTIFY_AFTER_SIGNAL_MS, webhookSecret, notifyReason, notificationBody */
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8382);
/* harmony import */ var _shared_neutralise_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7763);
/* harmony import */ var _shared_text_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(4646);
/* harmony import */ var _transport_proxy_note_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(9078);
// After the run: one POST to notify-webhook, a short JSON body (Slack-compatible `text` plus
// structured fields) naming the command, each server, its counts and alerts and the run URL, on
// `notify-on` (failure, alert, always). Never a key or a token: the body goes through the Redactor.
// It goes through the proxy the admin requests use. A webhook that fails, answers an error or hangs
// is a warning; it never changes the run's result and is given up after NOTIFY_TIMEOUT_MS; one that
// answered 2xx has it (its body is not waited for).




/** The most the notification may add to a run: connect, send and the answer together. */
const NOTIFY_TIMEOUT_MS = 10_000;
/** After a signal, less: one signal ends any command within 5 s, and the grace took 2.5 s of them. */
const NOTIFY_AFTER_SIGNAL_MS = 1500;
/** Outputs counted in the notification, under the name the body gives them. */
const COUNTS = [
    ['created-count', 'created'],
    ['failed-count', 'failed'],
    ['listed-count', 'listed'],
    ['deleted-count', 'deleted'],
    ['alerts', 'alerts'],
];
/**
 * The part of a webhook URL that is its secret, for the mask: the path and query (a Slack
 * webhook's token is its path). Not the scheme and host: every piece of a mask is hidden wherever
 * it appears, and `https://` is in every URL.
 */
function webhookSecret(raw) {
    const text = raw?.trim();
    if (!text)
        return undefined;
    if (!URL.canParse(text))
        return text;
    const url = new URL(text);
    const secret = `${url.pathname}${url.search}`;
    if (secret.length >= 8)
        return secret;
    // A short path: the host with it, never the scheme (every 8-character piece of a secret is hidden,
    // and `https://` is in every URL the run prints).
    return `${url.host}${secret}`;
}
/** Registers the webhook's secret part with the logger (masked on GitHub, redacted everywhere). */
function maskWebhook(raw, log) {
    const secret = webhookSecret(raw);
    if (secret)
        log.secret(secret, 'token');
    const user = raw && URL.canParse(raw.trim()) ? new URL(raw.trim()) : undefined;
    if (user?.password)
        log.secret(decodeURIComponent(user.password), 'token');
}
const alertsOf = (server) => Number(server.report.outputs.alerts ?? 0) || 0;
/** Why this run notifies (the first of failure, alert, always that applies), or undefined. */
function notifyReason(on, servers, runFailure) {
    if (on.includes('failure') && (runFailure || servers.some((s) => !s.report.ok)))
        return 'failure';
    if (on.includes('alert') && servers.some((s) => alertsOf(s) > 0))
        return 'alert';
    return on.includes('always') ? 'always' : undefined;
}
function serverFields(server, redact) {
    const { report } = server;
    const fields = { name: server.name, url: server.url, ok: report.ok };
    if (report.outputs.flavor)
        fields.flavor = report.outputs.flavor;
    for (const [output, name] of COUNTS)
        if (report.outputs[output] !== undefined)
            fields[name] = Number(report.outputs[output]);
    // Redacted before it is cut: half a key is no longer recognised as one.
    if (!report.ok)
        fields.failure = (0,_shared_text_js__WEBPACK_IMPORTED_MODULE_3__/* .oneLine */ .TN)(redact(report.failure ?? 'failed'), 300);
    return fields;
}
function serverLine(fields) {
    const counts = COUNTS.map(([, name]) => name)
        .filter((name) => typeof fields[name] === 'number' && (fields[name] !== 0 || name === 'alerts'))
        .map((name) => `${fields[name]} ${name}`);
    const state = fields.ok ? 'ok' : `FAILED: ${fields.failure}`;
    return `${fields.name}: ${state}${counts.length > 0 ? ` (${counts.join(', ')})` : ''}`;
}
/** The body: Slack shows `text`; the rest is for machines. */
function notificationBody(command, servers, reason, url, redact, runFailure) {
    const fields = servers.map((server) => serverFields(server, redact));
    const failed = fields.filter((f) => !f.ok).length;
    const after = runFailure ? (0,_shared_text_js__WEBPACK_IMPORTED_MODULE_3__/* .oneLine */ .TN)(redact(runFailure), 300) : undefined;
    const alerts = servers.reduce((sum, s) => sum + alertsOf(s), 0);
    const verdict = failed > 0 ? `failed on ${failed} of ${servers.length} server(s)` : after ? 'failed after the run' : 'succeeded';
    const head = `quota-keys ${command} ${verdict}${alerts > 0 ? `, ${alerts} alert(s)` : ''}`;
    const lines = [head, ...fields.map((f) => `\u2022 ${serverLine(f)}`), ...(after ? [after] : []), ...(url ? [url] : [])];
    const ok = failed === 0 && !after;
    // The chat shows `text`: each line neutralised for chats (no mention, no disguised link, one line).
    const text = lines.map(_shared_neutralise_js__WEBPACK_IMPORTED_MODULE_1__/* .chatText */ .kx).join('\n');
    return { text, command, ok, reason, alerts, run_url: url ?? null, servers: fields, failure: after };
}
/** How long an error answer's body is read for the warning: its start is enough, and it may drip. */
const ERROR_BODY_MS = 1000;
/** The answer's first bytes, for the warning; never read whole (a webhook may answer gigabytes, or drip). */
async function answerStart(body, max = 4096) {
    const chunks = [];
    let size = 0;
    const read = (async () => {
        for await (const chunk of body) {
            chunks.push(chunk);
            size += chunk.length;
            if (size >= max)
                break;
        }
    })().catch(() => undefined);
    let timer;
    await Promise.race([read, new Promise((resolve) => (timer = setTimeout(resolve, ERROR_BODY_MS)))]);
    clearTimeout(timer);
    body.destroy();
    return Buffer.concat(chunks).subarray(0, max).toString('utf8');
}
/**
 * One POST of `body` to the webhook, through HTTPS_PROXY / HTTP_PROXY unless NO_PROXY lists its host,
 * as the admin requests go (undici, loaded only here). Redirects are not followed. A 2xx is delivered:
 * its body is not waited for.
 */
async function postWebhook(hook, body, signal) {
    const { EnvHttpProxyAgent } = await Promise.all(/* import() */[__nccwpck_require__.e(7), __nccwpck_require__.e(566)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9566));
    const agent = new EnvHttpProxyAgent();
    const headers = { 'content-type': 'application/json' };
    if (hook.username || hook.password) {
        const user = `${decodeURIComponent(hook.username)}:${decodeURIComponent(hook.password)}`;
        headers.authorization = `Basic ${Buffer.from(user).toString('base64')}`;
    }
    try {
        const answer = await agent.request({
            origin: hook.origin,
            path: `${hook.pathname}${hook.search}`,
            method: 'POST',
            headers,
            body,
            signal,
        });
        const delivered = answer.statusCode >= 200 && answer.statusCode <= 299;
        // Destroying a body not read to its end makes it emit an error: expected here, not a crash.
        answer.body.on('error', () => undefined);
        if (delivered)
            answer.body.destroy();
        return { status: answer.statusCode, text: delivered ? '' : await answerStart(answer.body) };
    }
    finally {
        await agent.destroy().catch(() => undefined);
    }
}
/**
 * Sends the notification when `notify-on` asks for one. Never throws and never takes longer than
 * `timeoutMs`: whatever goes wrong is one warning.
 */
async function notifyAfterRun(options, servers, 
/** The run's page (RunContext.origin), named in the message; none on a terminal. */
runUrl, log, { runFailure, timeoutMs = NOTIFY_TIMEOUT_MS, signal, } = {}) {
    const hook = options.notifyWebhook;
    const reason = hook ? notifyReason(options.notifyOn, servers, runFailure) : undefined;
    if (!hook || !reason)
        return;
    if (servers.some((s) => s.report.cancelled))
        timeoutMs = Math.min(timeoutMs, NOTIFY_AFTER_SIGNAL_MS);
    const redact = (text) => log.redactor.redact(text);
    const body = log.redactor.redact((0,_shared_neutralise_js__WEBPACK_IMPORTED_MODULE_1__/* .jsonText */ .s$)(notificationBody(options.command, servers, reason, runUrl, redact, runFailure)));
    try {
        const timeout = AbortSignal.timeout(timeoutMs);
        const answer = await postWebhook(hook, body, signal ? AbortSignal.any([timeout, signal]) : timeout);
        if (answer.status < 200 || answer.status > 299)
            log.warning(`notify-webhook answered ${answer.status}: ${log.redactor.snippet(answer.text)}; the run's result stands.`);
        else
            log.info(`Notified notify-webhook (${reason}).`);
    }
    catch (error) {
        // Checked by name: the DOMException may come from another realm than this Error.
        const name = error?.name;
        const timedOut = name === 'TimeoutError' || name === 'AbortError';
        const code = error.code;
        const why = signal?.aborted
            ? 'abandoned after the signal'
            : timedOut
                ? `no answer within ${timeoutMs / 1000} s`
                : `${code ?? (0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .g)(error)}${(0,_transport_proxy_note_js__WEBPACK_IMPORTED_MODULE_2__/* .proxyNote */ .d)(hook, process.env)}`;
        log.warning(`notify-webhook could not be notified (${why}); the run's result stands.`);
    }
}


/***/ }),

/***/ 9139:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  I1: () => (/* binding */ CliOutput),
  KX: () => (/* binding */ flushStdout),
  lx: () => (/* binding */ printErr),
  AN: () => (/* binding */ printOut),
  PU: () => (/* binding */ printSection),
  VJ: () => (/* binding */ writeErr),
  sD: () => (/* binding */ writeOut)
});

// UNUSED EXPORTS: terminalLine

// EXTERNAL MODULE: ./src/config/commands.ts
var commands = __nccwpck_require__(4006);
// EXTERNAL MODULE: ./src/config/values.ts
var values = __nccwpck_require__(3750);
// EXTERNAL MODULE: ./src/render/dashboard/from-report.ts
var from_report = __nccwpck_require__(3698);
// EXTERNAL MODULE: ./src/config/exit-codes.ts
var exit_codes = __nccwpck_require__(8983);
// EXTERNAL MODULE: ./src/shared/neutralise.ts
var neutralise = __nccwpck_require__(7763);
;// CONCATENATED MODULE: ./src/render/json.ts
// --json (CLI) and the action's `json` output: one JSON document per command, read from the report
// model, so every fact, output and row a command reports is in it without a change here. Rows hold
// keys only shortened (the CSV is the one channel for whole keys) and typed values (numbers as
// numbers, a limit with its source). Strings are redacted; the text is shared/neutralise.ts jsonText
// (no `##[`, nothing invisible), so printed on stdout or echoed into a log it starts no command.
// The CLI streams the rows as they come ({"rows":[\u2026],\u2026}); the action keeps the first 1,000.


/** The exit code's meaning, as the help's table starts it: `success`, `failure`, `bad input`, `alert`\u2026 */
function exitMeaning(code) {
    const meaning = exit_codes/* EXIT_CODES */.a.find((e) => e.code === code)?.meaning ?? 'failure';
    return meaning.split(/[:;]/)[0].trim();
}
function redactAll(value, redact) {
    if (typeof value === 'string')
        return redact(value);
    if (Array.isArray(value))
        return value.map((v) => redactAll(v, redact));
    if (value && typeof value === 'object')
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactAll(v, redact)]));
    return value;
}
/** One row as JSON: each column's id and its typed value, redacted. */
function rowJson(spec, row, redact) {
    const object = Object.fromEntries(spec.columns.map((c) => [c.id, c.json ? c.json(row) : c.text(row)]));
    return redactAll(object, redact);
}
/** Everything but the rows (see docs/commands.md "JSON output"); `report` is absent when the input was refused. */
function documentFields(report, status, redact) {
    const facts = Object.fromEntries((report?.facts.list() ?? []).map((f) => [f.name, f.value]));
    const outputs = report?.outputs ?? {};
    const counts = Object.fromEntries(Object.entries(outputs)
        .filter(([name, value]) => (name.endsWith('-count') || name === 'alerts') && value !== '')
        .map(([name, value]) => [name.replace(/-count$/, ''), Number(value)]));
    const failure = [report?.ok === false ? (report.failure ?? 'failed') : undefined, status.failure]
        .filter(Boolean)
        .join(' ');
    const document = {
        command: status.command ?? null,
        ok: status.exitCode === 0,
        exitCode: status.exitCode,
        exit: exitMeaning(status.exitCode),
        ...(failure ? { failure } : {}),
        ...(report?.cancelled ? { cancelled: report.cancelled } : {}),
        server: facts.server ?? null,
        flavor: outputs.flavor || null,
        healthy: outputs.healthy === 'true' ? true : outputs.healthy === 'false' ? false : null,
        day: facts.day ?? null,
        dryRun: 'dry_run' in facts,
        csvPath: report?.csvPath ?? (outputs['csv-path'] || null),
        counts,
        facts,
        outputs: outputs,
        alerts: (report?.alerts ?? []),
        ...(report?.days ? { days: report.days } : {}),
        table: report?.table?.kind ?? null,
        rowCount: report?.rows ?? 0,
    };
    return redactAll(document, redact);
}
/**
 * The most bytes of rows the whole document holds: a job's outputs hold 1 MB in all, and a row's
 * labels are the server's, of any length (1,000 rows of 60,000-character labels would be 60 MB).
 */
const DOCUMENT_ROWS_MAX_BYTES = 800_000;
/** The whole document at once, with at most `rows` (the action's output), and the rows that fit its size. */
function reportDocument(report, status, redact, kept = { rows: [], omitted: 0 }) {
    const fields = documentFields(report, status, redact);
    const spec = report?.table;
    const rows = [];
    let bytes = 0;
    for (const row of spec ? kept.rows : []) {
        const json = rowJson(spec, row, redact);
        bytes += Buffer.byteLength(jsonText(json)) + 1;
        if (bytes > DOCUMENT_ROWS_MAX_BYTES)
            break;
        rows.push(json);
    }
    const omitted = kept.omitted + (spec ? kept.rows.length - rows.length : 0);
    return jsonText({ ...fields, rows, ...(omitted > 0 ? { rowsOmitted: omitted } : {}) });
}
/**
 * The document on a stream, rows first, each written as it comes: `{"rows":[\u2026],"command":\u2026}`.
 * `finish` writes the rest once the report is complete (or `refused` when there was no run).
 */
class JsonStream {
    write;
    redact;
    spec;
    started = false;
    constructor(write, redact) {
        this.write = write;
        this.redact = redact;
    }
    open(table) {
        this.spec = table;
    }
    row(row) {
        this.write(`${this.started ? ',' : '{"rows":['}${(0,neutralise/* jsonText */.s$)(rowJson(this.spec, row, this.redact))}`);
        this.started = true;
    }
    finish(report, status) {
        if (!this.started)
            this.write('{"rows":[');
        const rest = (0,neutralise/* jsonText */.s$)(documentFields(report, status, this.redact)).slice(1);
        this.write(`]${rest === '}' ? '}' : `,${rest}`}\n`);
    }
}

;// CONCATENATED MODULE: ./src/render/legacy.ts
/** The commands the old tool printed lines for; the others print as without --format legacy. */
const LEGACY_COMMANDS = (/* unused pure expression or super */ null && (['list', 'usage', 'monitor']));
const flat = (text) => text.replace(/\|/g, '\u00a6');
/** `2026-11-26 09:50:31 UTC` */
function utcDateTime(date) {
    const iso = date.toISOString();
    return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}
const SOURCE = { assumed: ' (\u5047\u5b9a)', learned: ' (\u63a8\u65ad)', key: '', given: '' };
/**
 * `200/\u65e5`; `200/\u65e5 (\u5047\u5b9a)` assumed, `30/\u65e5 (\u63a8\u65ad)` learned from the usage rows (as `200 (assumed)`
 * elsewhere); `\u672a\u77e5/\u65e5` where nobody knows it; `1000 \u603b\u989d\u5ea6` for a lifetime quota.
 */
function limitText(limit) {
    if (limit.kind === 'lifetime')
        return `${limit.value ?? '?'} \u603b\u989d\u5ea6`;
    return limit.value === undefined ? '\u672a\u77e5/\u65e5' : `${limit.value}/\u65e5${SOURCE[limit.source]}`;
}
/** `<key> | \u6807\u7b7e: <label> | \u521b\u5efa: <YYYY-MM-DD HH:MM:SS UTC> | \u9650\u5236: <limit>` */
function listLine(row) {
    return `${row.key} | \u6807\u7b7e: ${flat(row.label)} | \u521b\u5efa: ${utcDateTime(row.createdAt)} | \u9650\u5236: ${limitText(row.limit)}`;
}
/** `<key> | \u6807\u7b7e: <label> | \u8bf7\u6c42: 160 | \u9650\u5236: 200/\u65e5 | \u4f7f\u7528\u7387: 80%` (lifetime quotas add `\u5df2\u7528: N`). */
function usageLine(row) {
    const used = row.limit.kind === 'lifetime' ? ` | \u5df2\u7528: ${row.limit.used ?? '?'}` : '';
    const percent = row.percent === undefined ? '-' : `${row.percent}%`;
    return (`${row.key} | \u6807\u7b7e: ${flat(row.label)} | \u8bf7\u6c42: ${row.requests} | \u9650\u5236: ${limitText(row.limit)}${used} | ` +
        `\u4f7f\u7528\u7387: ${percent}`);
}
/** usage --days: the day's usage line, then the N days after `\u4f7f\u7528\u7387` (scripts still find its fields). */
function trendLine(row, days) {
    const reach = row.reaches === '' ? '-' : row.reaches === 'reached' ? '\u5df2\u8fbe' : row.reaches;
    return `${usageLine(row)} | ${days}\u5929\u8bf7\u6c42: ${row.total} | \u8fbe\u9650: ${reach}`;
}
/**
 * `\u65e5\u671f: 2026-11-26 | \u603b\u8bf7\u6c42: 1234 | \u6d3b\u8dc3\u5bc6\u94a5: 5 | \u603b\u5bc6\u94a5: 20 | \u544a\u8b66: 1 (\u9608\u503c 80%)`; the date is the
 * server's day, or where it keeps none (v10's lifetime quotas) the day of the run, as the old tool.
 */
function totalsLine(report, today) {
    const fact = (name) => report.facts.get(name) ?? '';
    return (`\u65e5\u671f: ${fact('day') || today} | \u603b\u8bf7\u6c42: ${fact('requests')} | \u6d3b\u8dc3\u5bc6\u94a5: ${fact('keys_used')} | \u603b\u5bc6\u94a5: ` +
        `${fact('keys')} | \u544a\u8b66: ${report.alerts.filter((a) => a.kind === 'threshold').length} (\u9608\u503c ` +
        `${fact('alert_threshold')})`);
}
/** The old tool's lines as a row sink: `write` gets each line; `finish` adds the totals. */
class LegacyLines {
    command;
    write;
    today;
    spec;
    constructor(command, write, 
    /** The run's local day (YYYY-MM-DD), for a server that keeps no days. */
    today) {
        this.command = command;
        this.write = write;
        this.today = today;
    }
    open(table, report) {
        this.spec = table;
        // monitor opens with when it looked and the totals, then its busiest keys.
        if (this.command === 'monitor')
            this.write(`\u65f6\u95f4: ${report.facts.get('checked_at') ?? ''} | ${totalsLine(report, this.today)}`);
    }
    row(row) {
        const kind = this.spec?.kind;
        if (kind === 'keys')
            this.write(listLine(row));
        else if (kind === 'usage')
            this.write(usageLine(row));
        else if (kind === 'trend')
            this.write(trendLine(row, this.spec?.days ?? 0));
    }
    /** After the run: usage's totals and its days (the report's, complete now). */
    finish(report) {
        if (this.command !== 'usage' || !this.spec)
            return;
        this.write(totalsLine(report, this.today));
        for (const day of report.days ?? [])
            this.write(`\u8d8b\u52bf: ${day.day} | \u8bf7\u6c42: ${day.requests} | \u6d3b\u8dc3\u5bc6\u94a5: ${day.keysUsed}`);
    }
}

// EXTERNAL MODULE: ./src/render/rows.ts
var rows = __nccwpck_require__(8175);
// EXTERNAL MODULE: ./src/report/facts.ts
var facts = __nccwpck_require__(1349);
// EXTERNAL MODULE: ./src/report/tables.ts
var tables = __nccwpck_require__(6677);
;// CONCATENATED MODULE: ./src/render/text.ts
// The terminal (and a CI log reading the CLI): facts as `Label: value` lines, and tables as aligned
// columns in English. A listing's rows (list, usage, monitor) stream: the first rows fix the column
// widths and every later row is printed as it arrives, so 100,000 keys never wait in memory. Any
// other table shows its first and last rows (all of them when few), with a count between that says
// where the rest are. Each cell is redacted, then shown visibly escaped (one line, nothing hidden);
// the writer neutralises each line for the log (shared/neutralise.ts logLine).



/** Rows read before the column widths are fixed; a later, longer cell makes its own row wider. */
const WIDTH_SAMPLE = 100;
/** No column is padded wider than this: one long label does not push every row off the screen. */
const MAX_WIDTH = 48;
// East Asian wide characters take two terminal columns (labels are often Chinese).
const WIDE = new RegExp(`[${[
    '\\u1100-\\u115f\\u2e80-\\u303e\\u3041-\\u33ff\\u3400-\\u4dbf\\u4e00-\\u9fff',
    '\\ua000-\\ua4cf\\uac00-\\ud7a3\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uff60\\uffe0-\\uffe6',
].join('')}]`, 'g');
/** Terminal columns a string takes. */
function displayWidth(text) {
    return text.length + (text.match(WIDE)?.length ?? 0);
}
/** `Label: value` per fact, each value redacted and visibly escaped. */
function factLines(report, redact) {
    return report.facts.list().map((fact) => `${fact.label}: ${(0,neutralise/* visible */.RK)(redact((0,facts/* factText */.wB)(fact.value)))}`);
}
/** Column widths: the widest cell of each column, within MAX_WIDTH. */
function widthsOf(rows) {
    return rows[0].map((_, c) => Math.min(MAX_WIDTH, Math.max(...rows.map((r) => displayWidth(r[c] ?? '')))));
}
function aligned(cells, widths) {
    return cells
        .map((cell, c) => cell + ' '.repeat(Math.max(0, widths[c] - displayWidth(cell))))
        .join('  ')
        .trimEnd();
}
const cellsOf = (spec, row, redact) => (0,tables/* peopleColumns */.T7)(spec).map((column) => (0,neutralise/* visible */.RK)(redact(column.text(row))));
/** A table's first and last rows as lines: the head, a rule, the rows, `\u2026 N more keys <where>` between. */
function endsLines(ends, redact) {
    const spec = ends.spec;
    if (!spec || ends.total === 0)
        return [];
    const { first, last, between } = ends.shown();
    const head = (0,tables/* peopleColumns */.T7)(spec).map((c) => c.head);
    const top = first.map((r) => cellsOf(spec, r, redact));
    const bottom = last.map((r) => cellsOf(spec, r, redact));
    const widths = widthsOf([head, ...top, ...bottom]);
    const lines = [
        aligned(head, widths),
        aligned(widths.map((w) => '-'.repeat(w)), widths),
    ];
    lines.push(...top.map((cells) => aligned(cells, widths)));
    if (between > 0) {
        lines.push((0,tables/* moreRows */.zj)(spec, between));
        lines.push(...bottom.map((cells) => aligned(cells, widths)));
    }
    return lines;
}
/**
 * A listing on the terminal, as a row sink: `write` gets one line at a time (already one line:
 * cells are visibly escaped). After the first WIDTH_SAMPLE rows fix the widths, each row is written
 * as it comes; `finish` writes what is still held (a short listing). A listing has no order of its
 * own: its rows come as the server lists them (usage: busiest first).
 */
class StreamedTable {
    write;
    redact;
    spec;
    widths;
    sample = [];
    constructor(write, redact) {
        this.write = write;
        this.redact = redact;
    }
    open(table) {
        this.spec = table;
    }
    row(row) {
        const cells = cellsOf(this.spec, row, this.redact);
        if (this.widths) {
            this.write(aligned(cells, this.widths));
            return;
        }
        this.sample.push(cells);
        if (this.sample.length >= WIDTH_SAMPLE)
            this.flush();
    }
    /** Writes the rows still held (and the head, when no row came yet: nothing at all). */
    finish() {
        this.flush();
    }
    flush() {
        if (this.widths || !this.spec || this.sample.length === 0)
            return;
        const head = (0,tables/* peopleColumns */.T7)(this.spec).map((c) => c.head);
        this.widths = widthsOf([head, ...this.sample]);
        this.write(aligned(head, this.widths));
        this.write(aligned(this.widths.map((w) => '-'.repeat(w)), this.widths));
        for (const cells of this.sample.splice(0))
            this.write(aligned(cells, this.widths));
    }
}

// EXTERNAL MODULE: ./src/shared/drain.ts
var drain = __nccwpck_require__(8563);
;// CONCATENATED MODULE: ./src/platform/cli-output.ts
// What the CLI prints of a run: the channels its report's rows stream to while it runs, and the
// rest at its end. Every line is redacted, then neutralised for the log (the terminal may be a CI
// log: shared/neutralise.ts logLine), on stdout the data, on stderr everything else:
// - --json: one JSON document on stdout (render/json.ts), rows written as they come;
// - --quiet: the error line only;
// - a listing (list, usage, monitor): its rows on stdout as they come, an English table, or with
//   `--format legacy` the old tool's lines (render/legacy.ts); the facts on stderr;
// - any other command: the facts, then the table's first and last rows, on stdout.









/** A line for stdout or stderr: redacted, then neutralised (one line, no workflow command). */
const terminalLine = (text, redactor) => (0,neutralise/* logLine */.BP)(redactor.redact(text));
/**
 * Stdout is written in pieces of up to 64 KiB, not a write a line: a listing of 100,000 keys made
 * 100,000 writes, a system call each on a pipe (15 % of its time, docs/performance.md). What is queued
 * goes out when a piece is full, on the next turn of the event loop, and before anything is written to
 * stderr (the two streams keep the order their lines were made in), a wait for stdout, or an exit.
 */
const STDOUT_PIECE = 64 * 1024;
let queued = '';
let flushScheduled = false;
/** Writes what stdout has queued. */
function flushStdout() {
    if (queued === '')
        return;
    const text = queued;
    queued = '';
    process.stdout.write(text);
}
function writeOut(text) {
    queued += text;
    if (queued.length >= STDOUT_PIECE)
        flushStdout();
    else if (!flushScheduled) {
        flushScheduled = true;
        setImmediate(() => {
            flushScheduled = false;
            flushStdout();
        });
    }
}
/** Stderr writes waiting for stdout to write what it was given before them. */
let errWaiting = 0;
/**
 * Stderr, after everything given to stdout before it: on a log that reads both (CI), a line written to
 * stderr while stdout's writes waited for a slow reader came in the middle of the rows, even of a row.
 */
function writeErr(text) {
    flushStdout();
    if (errWaiting === 0 && process.stdout.writableLength === 0) {
        process.stderr.write(text);
        return;
    }
    errWaiting += 1;
    // Called once stdout has written what came before, in order: each waiting line after its own place.
    process.stdout.write('', () => {
        errWaiting -= 1;
        process.stderr.write(text);
    });
}
const printOut = (line, redactor) => writeOut(`${terminalLine(line, redactor)}\n`);
const printErr = (line, redactor) => writeErr(`${terminalLine(line, redactor)}\n`);
/**
 * Settles once stdout has taken what it was given: a pipe read slower than rows come (a pager, a
 * CI log) would otherwise queue every row in memory (100,000 rows of usage: 50 MB more).
 */
const stdoutTaken = () => {
    flushStdout();
    return (0,drain/* drainedOf */.V)(process.stdout);
};
/** The CLI's channels for one run of `command`. */
class CliOutput {
    mode;
    redactor;
    sinks = [];
    json;
    legacy;
    streamed;
    ends;
    listing;
    /** usage --html: every row, for the dashboard written after the run. */
    kept;
    constructor(command, mode, redactor) {
        this.mode = mode;
        this.redactor = redactor;
        const redact = (text) => redactor.redact(text);
        this.listing = command !== undefined && commands/* COMMAND_SPECS */.fH[command].listing;
        if (mode.json)
            this.json = new JsonStream(writeOut, redact);
        else if (mode.quiet)
            return;
        else if (this.listing && mode.format === 'legacy')
            this.legacy = new LegacyLines(command, (line) => printOut(line, redactor), (0,values/* localDay */.u7)(new Date()));
        else if (this.listing)
            this.streamed = new StreamedTable((line) => printOut(line, redactor), redact);
        else
            this.ends = new rows/* TableEnds */.fd();
        const sink = this.json ?? this.legacy ?? this.streamed ?? this.ends;
        if (sink)
            this.sinks.push(sink);
        if (sink && sink !== this.ends)
            this.sinks.push({ open() { }, row() { }, drained: stdoutTaken });
    }
    /** Keeps every row too (usage --html: the dashboard lists every key). */
    keepRows() {
        this.kept = new from_report/* KeptRows */.E();
        this.sinks.push(this.kept);
    }
    /** After the run (or a refused input: no report): the rest of what the mode shows, and the error line. */
    finish(report, status) {
        const redact = (text) => this.redactor.redact(text);
        if (this.json)
            this.json.finish(report, status);
        else if (report && !this.mode.quiet) {
            this.legacy?.finish(report);
            this.streamed?.finish();
            // A listing's rows are the data on stdout: its facts go to stderr; anyone else's to stdout.
            const print = this.listing ? printErr : printOut;
            for (const line of factLines(report, redact))
                print(line, this.redactor);
            if (this.ends && this.ends.total > 0) {
                printOut('', this.redactor);
                for (const line of endsLines(this.ends, redact))
                    printOut(line, this.redactor);
            }
        }
        if (report?.ok === false)
            printErr(`error: ${report.failure ?? 'failed'}`, this.redactor);
        if (status.failure)
            printErr(`error: ${status.failure}`, this.redactor);
    }
}
/** One server's section of a run over many (--config): a heading, its facts, its table's ends. */
function printSection(heading, report, ends, redactor) {
    const redact = (text) => redactor.redact(text);
    printOut(heading, redactor);
    for (const line of factLines(report, redact))
        printOut(line, redactor);
    const table = endsLines(ends, redact);
    if (table.length > 0)
        printOut('', redactor);
    for (const line of table)
        printOut(line, redactor);
}


/***/ }),

/***/ 6968:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  iW: () => (/* binding */ main)
});

// UNUSED EXPORTS: cliProgress, maskTokenArguments, parseArgs

// EXTERNAL MODULE: ./src/config/context.ts + 1 modules
var config_context = __nccwpck_require__(568);
// EXTERNAL MODULE: ./src/shared/neutralise.ts
var neutralise = __nccwpck_require__(7763);
// EXTERNAL MODULE: ./src/shared/redact.ts
var redact = __nccwpck_require__(8932);
;// CONCATENATED MODULE: ./src/shared/log.ts
// Where commands report. Every platform's logger redacts: GitHub masks registered secrets itself,
// but GitLab and terminals cannot, so nothing relies on masking alone. Then every line is
// neutralised for the log (./neutralise.ts logLine): a label or an error body cannot start a
// workflow command, forge an annotation or rewrite the terminal.


/**
 * The shortest key handed to the platform's own masking. Every key the tool knows of is far longer
 * (`sk-` and 24 hex or more); a server that answers a letter, a word or a piece of our own lines as
 * a key would otherwise have the runner hide that text in every later line of the job, other steps
 * included. Our own redactor still shortens any key of 8 characters or more wherever it is printed.
 */
const MASKED_KEY_MIN = 16;
const maskableKey = (value) => value.length >= MASKED_KEY_MIN && !/\s/u.test(value);
function redactingLogger(sink, redactor = new redact/* Redactor */.pO()) {
    // A value registered twice (the entry masks the token before reading inputs, run() again) is masked once.
    const registered = new Set();
    return {
        redactor,
        info: (m) => sink.info((0,neutralise/* logLine */.BP)(redactor.redact(m))),
        warning: (m) => sink.warning((0,neutralise/* logLine */.BP)(redactor.redact(m))),
        debug: (m) => {
            if (sink.debugEnabled?.() !== false)
                sink.debug((0,neutralise/* logLine */.BP)(redactor.redact(m)));
        },
        redact: (text) => redactor.redact(text),
        secret(value, kind) {
            if (!value || registered.has(value))
                return;
            registered.add(value);
            if (kind === 'token' || maskableKey(value))
                sink.mask?.(value, kind);
            if (kind === 'token')
                redactor.addSecret(value);
            else
                redactor.addKey(value);
        },
    };
}

// EXTERNAL MODULE: ./src/shared/progress.ts
var progress = __nccwpck_require__(1378);
// EXTERNAL MODULE: ./src/config/exit-codes.ts
var exit_codes = __nccwpck_require__(8983);
// EXTERNAL MODULE: ./src/config/options.ts + 3 modules
var config_options = __nccwpck_require__(8459);
// EXTERNAL MODULE: ./src/output/encrypt.ts
var encrypt = __nccwpck_require__(1748);
// EXTERNAL MODULE: ./src/output/notify.ts
var notify = __nccwpck_require__(7572);
// EXTERNAL MODULE: ./src/shared/cancel.ts
var cancel = __nccwpck_require__(3739);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __nccwpck_require__(8382);
// EXTERNAL MODULE: ./src/version.ts
var version = __nccwpck_require__(311);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __nccwpck_require__(7975);
// EXTERNAL MODULE: ./src/config/commands.ts
var config_commands = __nccwpck_require__(4006);
// EXTERNAL MODULE: ./src/config/inputs.ts
var inputs = __nccwpck_require__(4389);
;// CONCATENATED MODULE: ./src/platform/cli-args.ts
// The CLI's argument list, read with node:util parseArgs from the INPUTS table: every action input
// is a long flag of the same name; the old tool's short flags; `--token` for `--admin-token`;
// `--dotenv`, `--watch`, `--json`, `--quiet`, `--help`, `--version`. Every boolean flag may stand
// alone, take true/false (`--dry-run=false`, `--dry-run false`), or be turned off as `--no-dry-run`.




/** Long flags that stand for an input of another name. */
const ALIASES = { token: 'admin-token' };
const BOOLEAN_VALUE = /^(true|false|yes|no|on|off|1|0)$/i;
function optionConfig() {
    const options = {};
    for (const input of inputs/* INPUTS */.mc) {
        if (input.name === 'command')
            continue;
        // The old tool's -t is --token; --admin-token is the action's name for it.
        const short = input.name === 'admin-token' ? undefined : input.short;
        options[input.name] = { type: input.boolean ? 'boolean' : 'string', ...(short ? { short } : {}) };
    }
    options.token = { type: 'string', short: 't' };
    options.help = { type: 'boolean', short: 'h' };
    options.version = { type: 'boolean', short: 'V' };
    options.dotenv = { type: 'string' };
    options.watch = { type: 'string' };
    options.json = { type: 'boolean' };
    options.quiet = { type: 'boolean', short: 'q' };
    return options;
}
/** Every long flag the CLI knows, `--no-` forms included, for "did you mean". */
function knownFlags() {
    const config = optionConfig();
    const negated = Object.keys(config).filter((name) => config[name].type === 'boolean');
    return [...Object.keys(config), ...negated.map((name) => `no-${name}`)];
}
/** `--no-dry-run`: the boolean flag it turns off, if it is one. */
function negatedFlag(config, token) {
    const name = token.name.slice('no-'.length);
    const negates = token.rawName.startsWith('--no-') && !config[token.name] && config[name]?.type === 'boolean';
    return negates ? name : undefined;
}
/** Edit distance (insert, delete, substitute one character), for "did you mean". */
function levenshtein(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[b.length];
}
/** The nearest of `candidates` within 2 edits (case and `_` for `-` forgiven), if any. */
function didYouMean(word, candidates) {
    const plain = word.toLowerCase().replace(/_/g, '-');
    let best;
    for (const candidate of candidates) {
        const distance = levenshtein(plain, candidate);
        if (distance <= 2 && (!best || distance < best.distance))
            best = { candidate, distance };
    }
    return best?.candidate;
}
function unknownFlag(raw, long, name) {
    const suggestion = long ? didYouMean(name, knownFlags()) : undefined;
    // Only the flag's name: a mistyped `--admin_token=\u2026` must not print its value.
    return new config_options/* InputError */.dz(raw, '', `unknown flag${suggestion ? ` (did you mean --${suggestion}?)` : ''}; see quota-keys --help`);
}
/** A word that is not a flag: the command, or an error (a value that lost its flag?). */
function takePositional(parsed, word) {
    if (parsed.command === undefined) {
        parsed.command = word;
        return;
    }
    if (parsed.command === 'help' && parsed.topic === undefined) {
        parsed.topic = word;
        return;
    }
    // A stray word is echoed only when it is a command: it may be a value that lost its flag (a token).
    const known = config_commands/* COMMANDS */.Lo.includes(word);
    throw new config_options/* InputError */.dz('command', known ? word : '', `one command only (got "${parsed.command}" already` +
        `${known ? '' : ', then a word that is not a flag: a value without its flag?'})`);
}
/** `--name value`, `--name=value`, `-n value`; boolean inputs may stand alone or take true/false. */
function parseArgs(argv) {
    const config = optionConfig();
    const { tokens } = (0,external_node_util_.parseArgs)({
        args: argv,
        options: config,
        strict: false,
        allowPositionals: true,
        tokens: true,
    });
    const parsed = { values: new Map(), help: false, version: false, json: false, quiet: false };
    const consumed = new Set();
    for (const [t, token] of tokens.entries()) {
        if (token.kind === 'option-terminator' || consumed.has(token.index))
            continue;
        if (token.kind === 'positional') {
            takePositional(parsed, token.value);
            continue;
        }
        const negated = negatedFlag(config, token);
        if (negated !== undefined) {
            if (token.inlineValue)
                throw new config_options/* InputError */.dz(token.rawName, '', `takes no value: --no-${negated} alone, or --${negated}=true|false`);
            store(parsed, negated, 'false');
            continue;
        }
        const spec = config[token.name];
        if (!spec)
            throw unknownFlag(token.rawName, token.rawName.startsWith('--'), token.name);
        // As the old tool: a short flag's value is the next word (`-c 5`), never glued on (`-c5`).
        if (!token.rawName.startsWith('--') && token.inlineValue) {
            throw new config_options/* InputError */.dz(token.rawName, '', `a short flag takes its value as the next word, such as ${token.rawName} VALUE`);
        }
        let value = token.value;
        if (spec.type === 'boolean' && value === undefined) {
            const next = tokens[t + 1];
            const takesNext = next?.kind === 'positional' && next.index === token.index + 1 && BOOLEAN_VALUE.test(next.value);
            if (takesNext)
                consumed.add(next.index);
            value = takesNext ? next.value : 'true';
        }
        if (value === undefined || (value === '' && (token.name === 'dotenv' || token.name === 'watch')))
            throw missingValue(token.name, token.rawName);
        store(parsed, token.name, value);
    }
    return parsed;
}
function missingValue(name, rawName) {
    // `--dotenv=` and `--watch=` name nothing either.
    if (name === 'dotenv')
        return new config_options/* InputError */.dz('dotenv', '', '--dotenv needs a file path, such as quota-keys.env');
    if (name === 'watch')
        return new config_options/* InputError */.dz('watch', '', '--watch needs a number of seconds, such as 5');
    return new config_options/* InputError */.dz(ALIASES[name] ?? name, '', `${rawName} needs a value`);
}
function store(parsed, name, value) {
    if (name === 'help')
        parsed.help = !/^(false|no|off|0)$/i.test(value);
    else if (name === 'version')
        parsed.version = !/^(false|no|off|0)$/i.test(value);
    else if (name === 'json' || name === 'quiet')
        parsed[name] = !/^(false|no|off|0)$/i.test(value);
    else if (name === 'dotenv')
        parsed.dotenv = value;
    else if (name === 'watch')
        parsed.watch = value;
    else
        parsed.values.set(ALIASES[name] ?? name, value);
}

;// CONCATENATED MODULE: ./src/platform/cli-help.ts
// The CLI's help, built from the INPUTS table and COMMAND_HELP, in the shape of `gh <command> --help`:
// USAGE, FLAGS (that command's own), GLOBAL FLAGS (a few, and where the rest are), EXAMPLES, LEARN
// MORE. Every page fits one screen: at most 40 lines of at most 80 columns.
//
// The rule for where a flag is listed: an input some commands read (`for` in INPUTS) is on those
// commands' pages; one every command reads is a global flag, on `quota-keys help flags`, as are the
// flags of the CLI alone (--json, --quiet, \u2026) and, in one line, the inputs only the GitHub Action reads.



/** `quota-keys help <topic>`: a command, or one of these. */
const HELP_TOPICS = ['flags', 'exit-codes'];
const WIDTH = 80;
/** `text` in lines of at most `width` columns, each starting with `indent`. */
function wrap(text, indent = '', width = WIDTH) {
    const lines = [];
    let line = '';
    for (const word of text.split(/\s+/).filter(Boolean)) {
        if (line && indent.length + line.length + 1 + word.length > width) {
            lines.push(indent + line);
            line = word;
        }
        else
            line = line ? `${line} ${word}` : word;
    }
    return line ? [...lines, indent + line] : lines;
}
/** The flags of the CLI alone (not action inputs). */
const CLI_FLAGS = {
    dotenv: { flag: '    --dotenv FILE', help: 'write the outputs to FILE as QUOTA_KEYS_* lines' },
    watch: { flag: '    --watch SECONDS', help: 'run again every SECONDS until Ctrl-C' },
    json: { flag: '    --json', help: 'one JSON document on stdout, nothing else' },
    quiet: { flag: '-q, --quiet', help: 'errors only: no summary, progress or warnings' },
    help: { flag: '-h, --help', help: 'help for quota-keys or a command' },
    version: { flag: '-V, --version', help: 'the version of quota-keys' },
};
/** The flag's name on the command line: `--token` for the input admin-token. */
const flagName = (input) => (input.name === 'admin-token' ? 'token' : input.name);
function inputRow(input) {
    const value = input.boolean ? '' : ` ${input.flag?.value ?? (/^\d/.test(input.default) ? 'N' : 'VALUE')}`;
    const shown = input.default && !(input.boolean && input.default === 'false');
    return {
        flag: `${input.short ? `-${input.short}, ` : '    '}--${flagName(input)}${value}`,
        help: `${input.help}${shown ? ` (default ${input.default})` : ''}`,
    };
}
/** Rows aligned on the widest flag, two spaces in, two spaces between. */
function table(rows) {
    const width = Math.max(...rows.map((r) => r.flag.length));
    return rows.map((r) => `  ${r.flag.padEnd(width)}  ${r.help}`);
}
const isGlobalFlag = (input) => (0,inputs/* isGlobal */.WN)(input) && !input.flag?.actionOnly;
const byName = (name) => inputs/* INPUTS */.mc.find((i) => i.name === name);
/** The global flags every page shows; `help flags` has them all. */
function someGlobalFlags(...more) {
    const { json, quiet } = CLI_FLAGS;
    return [
        'GLOBAL FLAGS (all of them: quota-keys help flags)',
        ...table([inputRow(byName('url')), inputRow(byName('admin-token')), json, quiet, ...more]),
    ];
}
const examples = (lines) => [
    'EXAMPLES (with ADMIN_TOKEN and QUOTA_PROXY_URL set)',
    ...lines.filter((e) => e !== undefined).map((e) => `  $ ${e}`),
];
const sentence = (summary) => `${summary[0].toUpperCase()}${summary.slice(1)}.`;
/** `quota-keys --help`: the commands, the main flags, where to learn more. */
function usage() {
    const commands = [
        ...config_commands/* COMMANDS */.Lo.map((c) => [c, config_commands/* COMMAND_HELP */.Ql[c].summary]),
        ['dev-server', 'a local quota-proxy to try things on'],
        ['help', `help on a command, or on ${HELP_TOPICS.join(' or ')}`],
        ['version', 'the version of quota-keys'],
    ];
    const width = Math.max(...commands.map(([c]) => c.length));
    return [
        'Issue, list, report on, reset, delete and rotate the trial keys of quota-proxy.',
        '',
        'USAGE',
        '  quota-keys <command> [flags]',
        '',
        'COMMANDS',
        ...commands.map(([c, summary]) => `  ${c.padEnd(width)}  ${summary}`),
        '',
        ...someGlobalFlags(CLI_FLAGS.help, CLI_FLAGS.version),
        '',
        ...examples([
            'quota-keys batch --count 5 --limit 100',
            'quota-keys list --label-prefix batch-',
            'quota-keys help delete',
        ]),
        '',
        ...learnMore(true),
    ].join('\n');
}
function learnMore(top = false) {
    return [
        'LEARN MORE',
        ...(top ? ["  quota-keys <command> --help  that command's flags and examples"] : []),
        '  quota-keys help flags        every global flag, --no-<flag>, the environment',
        '  quota-keys help exit-codes   what each exit code means',
    ];
}
/** `quota-keys <command> --help`: what it does, its own flags, a few global ones, examples. */
function commandUsage(command) {
    const help = config_commands/* COMMAND_HELP */.Ql[command];
    const own = (0,inputs/* inputsOf */.Vc)(command).filter((i) => (0,inputs/* readsAsOwn */._9)(command, i.name) && !i.flag?.actionOnly);
    return [
        sentence(help.summary),
        ...(help.about ?? []),
        '',
        'USAGE',
        `  quota-keys ${command} [flags]`,
        '',
        'FLAGS',
        ...table([...own.map(inputRow), ...(command === 'monitor' ? [CLI_FLAGS.watch] : [])]),
        '',
        ...someGlobalFlags(),
        '',
        ...examples(help.examples),
        '',
        ...learnMore(),
    ].join('\n');
}
/** `quota-keys help flags`: every global flag, the boolean forms, the Action's own inputs. */
function flagsUsage() {
    const { dotenv, json, quiet, help, version } = CLI_FLAGS;
    const actionOnly = inputs/* INPUTS */.mc.filter((i) => i.flag?.actionOnly).map((i) => `--${flagName(i)}`);
    return [
        "Flags every command takes (a command's own: quota-keys <command> --help).",
        '',
        'GLOBAL FLAGS',
        ...table([...inputs/* INPUTS */.mc.filter(isGlobalFlag).map(inputRow), dotenv, json, quiet, help, version]),
        '',
        'BOOLEAN FLAGS',
        '  --flag, --flag=true, --flag=false (also yes/no, on/off, 1/0) and --no-flag',
        '',
        'GITHUB ACTION ONLY (the CLI takes them and ignores them)',
        ...wrap(actionOnly.join(' '), '  '),
        '',
        'ENVIRONMENT',
        '  ADMIN_TOKEN, QUOTA_PROXY_URL, QUOTA_KEYS_WEBHOOK, QUOTA_KEYS_FORMAT: for',
        '  --token, --url, --notify-webhook and --format when not given',
        '  QUOTA_KEYS_DEBUG=1: debug lines on stderr (never a key or the token)',
    ].join('\n');
}
/** `quota-keys help exit-codes`. */
function exitCodesUsage() {
    return [
        'EXIT CODES',
        ...exit_codes/* EXIT_CODES */.a.flatMap(({ code, meaning }) => {
            const [first, ...rest] = wrap(meaning, ' '.repeat(7));
            return [`  ${String(code).padEnd(4)} ${first.trimStart()}`, ...rest];
        }),
    ].join('\n');
}
/** Printed on stderr when quota-keys is run with no arguments. */
function shortUsage() {
    return [
        'Usage: quota-keys <command> [flags]',
        '',
        `Commands: ${config_commands/* COMMANDS */.Lo.join(', ')}, dev-server, help, version`,
        "quota-keys --help: what each command does; quota-keys <command> --help: that command's flags.",
    ].join('\n');
}

// EXTERNAL MODULE: ./src/platform/cli-output.ts + 3 modules
var cli_output = __nccwpck_require__(9139);
// EXTERNAL MODULE: ./src/platform/gitlab.ts
var gitlab = __nccwpck_require__(4320);
// EXTERNAL MODULE: ./src/config/values.ts
var values = __nccwpck_require__(3750);
// EXTERNAL MODULE: ./src/shared/builtins.ts
var builtins = __nccwpck_require__(3613);
;// CONCATENATED MODULE: ./src/platform/watch.ts




/** `--watch` is a flag of the command line only (a loop has no place in a CI step): monitor only. */
function watchSeconds(raw, command) {
    if (command !== 'monitor')
        throw new config_options/* InputError */.dz('watch', raw, 'only monitor repeats (--watch SECONDS); schedule other commands with cron');
    return (0,values/* parseWholeNumber */.oA)('watch', raw, 1, 86_400);
}
/** Runs `pass` every `seconds` until interrupted; returns the exit code of the last pass. */
async function watch(seconds, pass, io, signals = process) {
    const stop = new AbortController();
    const onSignal = (signal) => {
        if (stop.signal.aborted)
            return io.exit(signal === 'SIGTERM' ? 143 : 130);
        stop.abort();
        io.onStop?.(signal);
        io.status('stopping (Ctrl-C again to quit at once)');
    };
    const onInterrupt = () => onSignal('SIGINT');
    const onTerminate = () => onSignal('SIGTERM');
    signals.on('SIGINT', onInterrupt);
    signals.on('SIGTERM', onTerminate);
    io.status(`watching every ${seconds} s; Ctrl-C stops`);
    let code = 0;
    try {
        while (!stop.signal.aborted) {
            io.beforePass?.();
            try {
                code = await pass();
            }
            catch (error) {
                io.error((0,errors/* errorMessage */.g)(error));
                code = 1;
            }
            if (stop.signal.aborted)
                break;
            try {
                await (0,builtins/* timersPromises */.ZK)().setTimeout(seconds * 1000, undefined, { signal: stop.signal });
            }
            catch {
                break; // interrupted while waiting
            }
        }
    }
    finally {
        signals.off('SIGINT', onInterrupt);
        signals.off('SIGTERM', onTerminate);
    }
    return code;
}

;// CONCATENATED MODULE: ./src/platform/cli.ts
// quota-keys: the command line of the old tool (generate, batch, \u2026) on the same core as the action.


















/**
 * The admin token, wherever it is in argv or the environment, is registered before the arguments
 * are parsed: a refused argument list is echoed in its error (a stray positional, a mistyped flag).
 */
function maskTokenArguments(argv, env, log) {
    if (env.ADMIN_TOKEN)
        log.secret(env.ADMIN_TOKEN, 'token');
    (0,notify/* maskWebhook */.sg)(env.QUOTA_KEYS_WEBHOOK, log);
    argv.forEach((arg, i) => {
        const next = argv[i + 1];
        if (arg === '--notify-webhook')
            (0,notify/* maskWebhook */.sg)(next, log);
        else if (arg.startsWith('--notify-webhook='))
            (0,notify/* maskWebhook */.sg)(arg.slice('--notify-webhook='.length), log);
        else if (['-t', '--token', '--admin-token'].includes(arg) && next)
            log.secret(next, 'token');
        else if (/^--(admin[-_]?)?token=/i.test(arg))
            log.secret(arg.slice(arg.indexOf('=') + 1), 'token');
        else if (/^-t./.test(arg))
            log.secret(arg.slice(2), 'token');
    });
}
/** A progress bar's redraw: its own leading `\r` and erase sequence, then the neutralised text. */
function barText(text, redactor) {
    const erase = /^(?:\r\x1b\[K)*/.exec(text)[0];
    return erase + (0,neutralise/* logLines */.OG)(redactor.redact(text.slice(erase.length)));
}
/** The exit code a report means: 0, 1, 3 (an alert with fail-on-alert), 130/143 (a signal). */
function exitCodeOf(report, options) {
    if (report.cancelled)
        return (0,cancel/* exitCodeFor */.Rr)(report.cancelled);
    if (report.ok)
        return 0;
    return raisedAlert(report, options) ? exit_codes/* EXIT_ALERT */.Y : 1;
}
/** --format (or QUOTA_KEYS_FORMAT): table, or legacy (the old tool's lines for list, usage and monitor). */
function formatOf(parsed, env) {
    const raw = (parsed.values.get('format') || env.QUOTA_KEYS_FORMAT || 'table').trim();
    if (raw === 'table' || raw === 'legacy')
        return raw;
    throw new config_options/* InputError */.dz('format', raw, "expected table or legacy (the old tool's lines for list, usage, monitor)");
}
/** A run that failed because fail-on-alert met an alert (the only failure after alerts are counted). */
function raisedAlert(report, options) {
    return options.failOnAlert && Number(report.outputs.alerts ?? 0) > 0;
}
async function runDevServer(argv) {
    let devServer;
    try {
        devServer = await __nccwpck_require__.e(/* import() */ 908).then(__nccwpck_require__.bind(__nccwpck_require__, 3908));
    }
    catch {
        process.stderr.write(`error: the dev server needs node:sqlite (Node.js 22.13 or later; this is ${process.version}). Run it ` +
            `with Node 24, e.g. npx -p node@24 node dist/cli.js dev-server\n`);
        return 1;
    }
    return devServer.devServerMain(argv);
}
/**
 * Progress on stderr: a bar redrawn in place on a terminal, a line now and then otherwise; none
 * when quiet. Counts only, but through the redactor like every other line.
 */
function cliProgress(redactor, quiet = false) {
    const tty = Boolean(process.stderr.isTTY);
    return (0,progress/* createProgress */.mf)({
        quiet,
        tty,
        columns: () => process.stderr.columns,
        // The bar's own \r and erase sequence are added after the text is neutralised.
        write: (text) => (0,cli_output/* writeErr */.VJ)(tty ? barText(text, redactor) : `${(0,neutralise/* logLines */.OG)(redactor.redact(text))}\n`),
    });
}
/** --quiet drops info and warning lines (errors are not logged: main prints them). */
function cliLogger(env, quiet) {
    // On a terminal each line first erases a progress bar drawn there (the next tick redraws it below).
    const erase = process.stderr.isTTY ? '\r\x1b[K' : '';
    const write = (line) => (quiet() ? undefined : (0,cli_output/* writeErr */.VJ)(`${erase}${line}`));
    // Read once: asked before every request's debug line, and process.env is slow to read.
    const debug = Boolean(env.QUOTA_KEYS_DEBUG);
    const logger = redactingLogger({
        info: (m) => write(`${m}\n`),
        warning: (m) => write(`warning: ${m}\n`),
        debug: (m) => (0,cli_output/* writeErr */.VJ)(`${erase}debug: ${m}\n`),
        debugEnabled: () => debug,
    });
    return Object.assign(logger, { quiet });
}
/** --help, help [topic], --version, version: what to print instead of running, if anything. */
function helpText(parsed) {
    if (parsed.version || parsed.command === 'version')
        return version/* VERSION */.x;
    if (!parsed.help && parsed.command !== 'help')
        return undefined;
    const topic = parsed.command === 'help' ? parsed.topic : parsed.command;
    if (topic === undefined || topic === 'help')
        return usage();
    if (config_options/* COMMANDS */.Lo.includes(topic))
        return commandUsage(topic);
    if (topic === 'flags')
        return flagsUsage();
    if (topic === 'exit-codes')
        return exitCodesUsage();
    if (parsed.command !== 'help')
        return commandUsage(checkCommand(topic));
    // The word is not echoed: it may be a value that lost its flag.
    const near = didYouMean(topic, [...config_options/* COMMANDS */.Lo, ...HELP_TOPICS]);
    throw new config_options/* InputError */.dz('help', '', `no such help topic: expected a command, ${HELP_TOPICS.join(' or ')}${near ? ` (did you mean ${near}?)` : ''}`);
}
/** The command word: one of COMMANDS, else bad input with the nearest command when one is near. */
function checkCommand(command) {
    if (command !== undefined && config_options/* COMMANDS */.Lo.includes(command))
        return command;
    const near = command === undefined ? undefined : didYouMean(command, config_options/* COMMANDS */.Lo);
    throw new config_options/* InputError */.dz('command', command ?? '', `expected one of ${config_options/* COMMANDS */.Lo.join(', ')} (${near ? `did you mean ${near}?` : 'see --help'})`);
}
const contextOf = (env) => ((0,config_context/* isGitlabJob */.BQ)(env) ? (0,config_context/* gitlabContext */.fN)(env) : (0,config_context/* cliContext */.oB)(env));
/** Said before any key exists: a local pipeline run must not go green with its files elsewhere. */
function noteGitlabJob(env, context, options, dotenvFile, log) {
    if (context.platform !== 'gitlab')
        return;
    const { note } = (0,config_context/* gitlabJobDirectory */.o7)(env);
    if (env.GITLAB_CI !== 'true')
        log.info(`GitLab job (CI_JOB_ID, CI_PIPELINE_ID and CI_PROJECT_DIR are set; GITLAB_CI is ` +
            `${env.GITLAB_CI ? `"${env.GITLAB_CI}"` : 'unset'}, as under gitlab-ci-local).`);
    if (note)
        log.info(note);
    for (const warning of (0,gitlab/* artifactWarnings */.Ak)({ CSV: options.output, 'dotenv file': dotenvFile }, context.workspace))
        log.warning(warning);
}
/** monitor --watch: a pass every `seconds` until Ctrl-C; the exit code of the last pass. */
function runWatching(parsed, mode, command, env, dotenvFile, log) {
    const seconds = watchSeconds(parsed.watch, command);
    // The first signal cancels the pass under way (no new pass follows, so one Cancellation serves all).
    const cancellation = new cancel/* Cancellation */.mT();
    return watch(seconds, async () => {
        // Each pass reads the inputs anew, so the default day follows the clock past midnight.
        const passContext = contextOf(env);
        const passOptions = (0,config_options/* parseOptions */.Ac)((name) => parsed.values.get(name) ?? '', env, passContext);
        const { run } = await Promise.all(/* import() */[__nccwpck_require__.e(7), __nccwpck_require__.e(56)]).then(__nccwpck_require__.bind(__nccwpck_require__, 56));
        const out = new cli_output/* CliOutput */.I1(command, mode, log.redactor);
        const progress = cliProgress(log.redactor, log.quiet());
        const passReport = await run(passOptions, passContext, log, cancellation, progress, out.sinks);
        if (dotenvFile)
            (0,gitlab/* writeDotenv */.eD)(dotenvFile, passReport.outputs, { redact: log.redact, cwd: passContext.workspace });
        const exitCode = exitCodeOf(passReport, passOptions);
        out.finish(passReport, { exitCode, command });
        return exitCode;
    }, {
        onStop: (signal) => cancellation.cancel(signal),
        status: (message) => (mode.quiet ? undefined : (0,cli_output/* printErr */.lx)(message, log.redactor)),
        error: (message) => (0,cli_output/* printErr */.lx)(`error: ${message}`, log.redactor),
        // --json: one document per pass (JSON lines), nothing else on stdout.
        beforePass: process.stdout.isTTY && !mode.json ? () => (0,cli_output/* writeOut */.sD)('\x1b[2J\x1b[H') : undefined,
        exit: (code) => {
            (0,cli_output/* flushStdout */.KX)();
            process.exit(code);
        },
    });
}
/** SIGINT/SIGTERM cancel the run: no new requests, those in flight get GRACE_MS; returns how to stop listening. */
function listenForStop(cancellation) {
    return cancellation.listen((signal, second) => (0,cli_output/* writeErr */.VJ)(second
        ? `${signal}: abandoning the requests in flight.\n`
        : `${signal}: stopping: no new requests; those in flight get ${cancel/* GRACE_MS */.g3 / 1000} s to finish, then ` +
            `are abandoned; then the CSV is written. Send it again to abandon them now.\n`));
}
/** One run under `cancellation`: a signal stops it, the CSV is written (exit 130/143). */
async function runOnce(options, context, log, cancellation, out, done) {
    // Loaded only to run a command: --help, --version and bad input start without the HTTP client.
    const { run } = await Promise.all(/* import() */[__nccwpck_require__.e(7), __nccwpck_require__.e(56)]).then(__nccwpck_require__.bind(__nccwpck_require__, 56));
    const progress = cliProgress(log.redactor, log.quiet());
    const report = await run(options, context, log, cancellation, progress, out.sinks);
    done(report.outputs);
    await (0,encrypt/* encryptReportCsv */.W)(report, options.encryptTo, log);
    return report;
}
/** Whether a boolean flag is given on its own or as true, before the arguments are parsed. */
function flagGiven(argv, ...names) {
    return argv.some((arg) => names.some((name) => arg === name || new RegExp(`^${name}=(true|yes|on|1)$`, 'i').test(arg)));
}
/** The CLI: its exit code, once everything it printed is written (stdout is queued: ./cli-output.ts). */
async function main(argv, env) {
    try {
        return await run(argv, env);
    }
    finally {
        (0,cli_output/* flushStdout */.KX)();
    }
}
async function run(argv, env) {
    // `list | head -1`: the reader went away; the rest of the output has nowhere to go.
    process.stdout.on('error', (error) => {
        if (error.code === 'EPIPE')
            process.exit(process.exitCode ?? 0);
        throw error;
    });
    if (argv[0] === 'dev-server')
        return runDevServer(argv.slice(1));
    if (argv[0] === 'help' && argv[1] === 'dev-server')
        return runDevServer(['--help']);
    if (argv.length === 0) {
        (0,cli_output/* writeErr */.VJ)(`${shortUsage()}\n`);
        return 2;
    }
    // Known before the arguments are parsed: a refused argument list still answers in the mode asked for.
    const mode = {
        json: flagGiven(argv, '--json'),
        quiet: flagGiven(argv, '--quiet', '-q'),
        format: 'table',
    };
    const log = cliLogger(env, () => mode.quiet);
    // GitLab jobs (and --dotenv) get the outputs as a dotenv file, also when the run failed.
    let dotenvFile = (0,gitlab/* dotenvPath */.Md)(undefined, env);
    let outputs = {};
    let command;
    let out;
    try {
        maskTokenArguments(argv, env, log);
        const parsed = parseArgs(argv);
        Object.assign(mode, { json: parsed.json, quiet: parsed.quiet, format: formatOf(parsed, env) });
        dotenvFile = undefined; // a refused one is not written on the way out either
        dotenvFile = (0,gitlab/* checkedDotenvPath */.FB)(parsed.dotenv, env);
        const help = helpText(parsed);
        if (help !== undefined) {
            (0,cli_output/* writeOut */.sD)(`${help}\n`);
            return 0;
        }
        command = checkCommand(parsed.command);
        parsed.values.set('command', command);
        const context = contextOf(env);
        if (parsed.values.get('config')) {
            // Loaded only for a servers file: it brings the run (HTTP client, commands) and YAML along.
            const { runServersCli } = await Promise.all(/* import() */[__nccwpck_require__.e(7), __nccwpck_require__.e(56), __nccwpck_require__.e(469)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2469));
            return await runServersCli({ parsed, env, context, log, dotenvFile, mode });
        }
        const options = (0,config_options/* parseOptions */.Ac)((name) => parsed.values.get(name) ?? '', env, context);
        noteGitlabJob(env, context, options, dotenvFile, log);
        if (parsed.watch !== undefined)
            return await runWatching(parsed, mode, command, env, dotenvFile, log);
        out = new cli_output/* CliOutput */.I1(command, mode, log.redactor);
        if (options.html)
            out.keepRows();
        return await runAndTell(options, context, log, out, dotenvFile, (o) => (outputs = o));
    }
    catch (error) {
        const message = (0,errors/* errorMessage */.g)(error);
        const exitCode = error instanceof errors/* QuotaKeysError */.t ? error.exitCode : 1;
        // The refusal (or the failure) in the mode asked for: one JSON document with --json.
        (out ?? new cli_output/* CliOutput */.I1(command, mode, log.redactor)).finish(undefined, { command, exitCode, failure: message });
        const unwritten = dotenvFile &&
            (0,gitlab/* writeDotenv */.eD)(dotenvFile, outputs, {
                redact: log.redact,
                quiet: true,
                cwd: (0,config_context/* isGitlabJob */.BQ)(env) ? (0,config_context/* gitlabJobDirectory */.o7)(env).dir : process.cwd(),
            });
        if (unwritten && unwritten !== message)
            (0,cli_output/* printErr */.lx)(`error: ${unwritten}`, log.redactor);
        return exitCode;
    }
}
/** One run, its notification and dotenv, and what the terminal shows of it; the exit code. */
async function runAndTell(options, context, log, out, dotenvFile, done) {
    const { command } = options;
    // Listening until the exit code is known: a signal during the webhook after the run ends it too (130/143).
    const cancellation = new cancel/* Cancellation */.mT();
    const stopListening = listenForStop(cancellation);
    let report;
    try {
        report = await runOnce(options, context, log, cancellation, out, done);
        await writeDashboardOf(options, report, out, log);
        const server = { name: options.url.host, url: (0,redact/* redactUrl */.BO)(options.url.href), report };
        // A run already cancelled notifies within NOTIFY_AFTER_SIGNAL_MS; else a signal now abandons the POST.
        const signal = report.cancelled ? undefined : cancellation.abortSignal;
        await (0,notify/* notifyAfterRun */.HY)(options, [server], context.origin?.runUrl, log, { signal });
    }
    finally {
        stopListening();
    }
    const unwritten = dotenvFile && (0,gitlab/* writeDotenv */.eD)(dotenvFile, report.outputs, { redact: log.redact, quiet: true, cwd: context.workspace });
    const stopped = report.cancelled ?? cancellation.reason;
    const code = stopped ? (0,cancel/* exitCodeFor */.Rr)(stopped) : unwritten ? 1 : exitCodeOf(report, options);
    // The report first: a dotenv that cannot be written must not hide why the run failed.
    out.finish(report, { exitCode: code, command, failure: unwritten || undefined });
    return code;
}
/** usage --html: the dashboard, from the rows the run's KeptRows kept. */
async function writeDashboardOf(options, report, out, log) {
    if (!options.html || !out.kept)
        return;
    const { writeServerDashboard } = await __nccwpck_require__.e(/* import() */ 184).then(__nccwpck_require__.bind(__nccwpck_require__, 4184));
    writeServerDashboard(options.html, options.url, report, out.kept.rows, log);
}


/***/ }),

/***/ 4320:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ak: () => (/* binding */ artifactWarnings),
/* harmony export */   FB: () => (/* binding */ checkedDotenvPath),
/* harmony export */   Md: () => (/* binding */ dotenvPath),
/* harmony export */   eD: () => (/* binding */ writeDotenv)
/* harmony export */ });
/* unused harmony exports DEFAULT_DOTENV, dotenvName, dotenvText */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _config_context_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(568);
/* harmony import */ var _config_paths_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(1066);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(8382);
/* harmony import */ var _shared_files_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(8590);
/* harmony import */ var _shared_neutralise_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(7763);
// GitLab CI: the CLI is the engine (gitlab/quota-keys.sh runs it); its outputs go to a dotenv file
// for `artifacts: reports: dotenv`, so later jobs get QUOTA_KEYS_CSV, QUOTA_KEYS_CREATED, \u2026
// GitLab cannot mask values made at run time, so no output ever carries a key (none does).







const DEFAULT_DOTENV = 'quota-keys.env';
/** Written even when empty, so later jobs can test them. */
const ALWAYS = ['csv-path', 'created-count', 'failed-count', 'healthy', 'flavor'];
/** `csv-path` \u2192 QUOTA_KEYS_CSV, `created-count` \u2192 QUOTA_KEYS_CREATED, `artifact-id` \u2192 QUOTA_KEYS_ARTIFACT_ID. */
function dotenvName(output) {
    return `QUOTA_KEYS_${output
        .replace(/-(count|path)$/, '')
        .replace(/[^A-Za-z0-9]+/g, '_')
        .toUpperCase()}`;
}
/**
 * Where the dotenv goes: `--dotenv FILE`, else quota-keys.env in GitLab jobs, else nowhere. In a
 * GitLab job a relative FILE is taken from the job's directory (as `reports: dotenv:` is), so the
 * file is where GitLab collects it even after a `cd`.
 */
function dotenvPath(flag, env, cwd = process.cwd()) {
    const base = (0,_config_context_js__WEBPACK_IMPORTED_MODULE_2__/* .isGitlabJob */ .BQ)(env) ? (0,_config_context_js__WEBPACK_IMPORTED_MODULE_2__/* .gitlabJobDirectory */ .o7)(env, cwd).dir : cwd;
    if (flag)
        return node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(base, flag);
    return (0,_config_context_js__WEBPACK_IMPORTED_MODULE_2__/* .isGitlabJob */ .BQ)(env) ? node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(base, DEFAULT_DOTENV) : undefined;
}
/** dotenvPath, checked before any request (InputError): not through a symbolic link, a name the artifact takes. */
function checkedDotenvPath(flag, env, cwd = process.cwd()) {
    const file = dotenvPath(flag, env, cwd);
    if (file)
        (0,_config_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .checkDotenv */ .Hf)(file, flag || DEFAULT_DOTENV, (0,_config_context_js__WEBPACK_IMPORTED_MODULE_2__/* .isGitlabJob */ .BQ)(env) ? (0,_config_context_js__WEBPACK_IMPORTED_MODULE_2__/* .gitlabJobDirectory */ .o7)(env, cwd).dir : cwd);
    return file;
}
/**
 * What a GitLab job should be told about where its files went: a file outside the job's
 * directory is not collected as an artifact, which GitLab itself reports only as a warning.
 */
function artifactWarnings(files, jobDir) {
    const warnings = [];
    for (const [what, file] of Object.entries(files)) {
        if (!file)
            continue;
        const relative = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(jobDir, file);
        if (relative.startsWith('..') || node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(relative)) {
            warnings.push(`the ${what} ${file} is outside the job's directory ${jobDir}: GitLab collects artifacts only from ` +
                `inside it, so it will not be in the job's artifacts. Give a path inside it.`);
        }
    }
    return warnings;
}
/**
 * The dotenv text: one `NAME=value` per line, unquoted (GitLab keeps quotes as part of the value),
 * no blank lines or comments (GitLab rejects the file), no line breaks inside values. The CSV
 * path is relative to `cwd` when inside it, so it still holds in a later job with another
 * checkout directory. Each value is redacted: the file is an artifact and later jobs' variables, and
 * `results` holds each server's failure as it happened (a request target naming a key whole).
 */
function dotenvText(outputs, cwd = process.cwd(), redact = (text) => text) {
    const values = Object.fromEntries(ALWAYS.map((name) => [name, '']));
    Object.assign(values, outputs);
    const csv = values['csv-path'];
    if (csv && node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(csv)) {
        const relative = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(cwd, csv);
        if (relative && !relative.startsWith('..') && !node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(relative))
            values['csv-path'] = relative;
    }
    return Object.entries(values)
        .map(([name, value]) => `${dotenvName(name)}=${(0,_shared_neutralise_js__WEBPACK_IMPORTED_MODULE_6__/* .dotenvValue */ .qY)(redact(value))}\n`)
        .join('');
}
/**
 * Writes the dotenv; `quiet` (on the way out of a failed run) does not throw for a file that cannot
 * be written but returns what went wrong, for the caller to say.
 */
function writeDotenv(file, outputs, { redact, quiet = false, cwd = process.cwd() }) {
    try {
        // Never through a symbolic link put at its path (checked up front; O_NOFOLLOW for one put there since).
        const fd = (0,_shared_files_js__WEBPACK_IMPORTED_MODULE_5__/* .openNoFollow */ .zm)(file, { append: false, mode: 0o666 });
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(fd, dotenvText(outputs, cwd, redact));
        }
        finally {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
        }
        return undefined;
    }
    catch (error) {
        const message = `Could not write the dotenv file ${file}: ` + `${(0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .g)(error)}`;
        if (!quiet)
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .QuotaKeysError */ .t(message);
        return message;
    }
}


/***/ }),

/***/ 5532:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ FLAVORS)
/* harmony export */ });
// The one interface every server flavor is driven through. Quirks live in ./flavors/<flavor>.ts.
const FLAVORS = ['v1', 'v01', 'v1p', 'v1a', 'v10'];


/***/ }),

/***/ 3698:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ KeptRows),
/* harmony export */   S: () => (/* binding */ dashboardServer)
/* harmony export */ });
/* harmony import */ var _report_facts_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1349);
// The dashboard reads the report model of a usage --days run: its period, its days, its facts and
// every row of its table (kept by a KeptRows sink: the dashboard lists every key). Keys are already
// shortened in the rows: no whole key ever reaches the renderer.

/** Labels are the server's: a hostile one could be megabytes. The table shows this much of each. */
const LABEL_CHARS = 120;
/** Every row of a usage --days table, for the dashboard (10,000 keys: a few MB). */
class KeptRows {
    rows = [];
    trend = false;
    open(table) {
        this.trend = table.kind === 'trend';
    }
    row(row) {
        if (this.trend)
            this.rows.push(row);
    }
}
const cut = (text) => (text.length > LABEL_CHARS ? `${text.slice(0, LABEL_CHARS - 1)}\u2026` : text);
function keyOf(row, redact) {
    const { limit } = row;
    return {
        // Redacted before it is cut: half a key is no longer recognised as one.
        label: cut(redact(row.label)),
        key: row.key,
        total: row.total,
        last: row.last,
        peak: row.peak,
        limit: limit.value,
        used: limit.kind === 'lifetime' ? limit.used : undefined,
        percent: row.percent,
        alert: row.alert,
        spike: row.spike,
        reachesIn: row.reachesIn,
        reachesOn: row.reaches && row.reaches !== 'reached' ? row.reaches : undefined,
        perDay: row.perDay,
    };
}
/** One server's section; undefined when the report holds no usage --days figures (a failed run). */
function dashboardServer(report, rows, where, redact) {
    const period = report.period;
    if (!period)
        return undefined;
    const byDay = report.days ?? [];
    return {
        name: redact(where.name),
        url: redact(where.url),
        flavor: report.outputs.flavor ? redact(report.outputs.flavor) : undefined,
        days: period.days,
        calendar: period.calendar,
        dailyTotals: byDay.map((d) => d.requests),
        dailyKeysUsed: byDay.map((d) => d.keysUsed),
        limitKind: period.lifetime ? 'lifetime' : 'daily',
        threshold: period.threshold,
        forecastDays: period.forecastDays,
        spikeFactor: period.spikeFactor,
        spikeMinRequests: period.spikeMinRequests,
        keys: rows.map((row) => keyOf(row, redact)),
        method: report.facts.list().map((f) => [f.label, redact((0,_report_facts_js__WEBPACK_IMPORTED_MODULE_0__/* .factText */ .wB)(f.value))]),
    };
}


/***/ }),

/***/ 8175:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   fd: () => (/* binding */ TableEnds)
/* harmony export */ });
/* unused harmony exports TABLE_ENDS, FirstRows */
/** Rows shown at each end of a long table. */
const TABLE_ENDS = 10;
/**
 * Keeps the first and last `ends` rows of a table in its order (arrival, or the table's `order`),
 * and counts the rest: O(ends) memory. With an order, the `ends` smallest and largest are kept as
 * rows arrive (insertion into two short sorted lists).
 */
class TableEnds {
    ends;
    spec;
    head = [];
    tail = [];
    total = 0;
    constructor(ends = TABLE_ENDS) {
        this.ends = ends;
    }
    open(table) {
        this.spec = table;
    }
    row(row) {
        this.total += 1;
        const order = this.spec?.order;
        if (!order) {
            if (this.head.length < this.ends)
                this.head.push(row);
            else {
                this.tail.push(row);
                if (this.tail.length > this.ends)
                    this.tail.shift();
            }
            return;
        }
        // A row no smaller than the largest yet (a batch's labels count up) goes at the tail's end, and a full
        // head keeps its rows (none is larger than the tail's last): one comparison, not one a list.
        const largest = this.tail.at(-1);
        if (largest !== undefined && this.head.length >= this.ends && order(largest, row) <= 0) {
            this.tail.push(row);
            if (this.tail.length > this.ends)
                this.tail.shift();
            return;
        }
        insertSorted(this.head, row, order, this.ends, 'smallest');
        insertSorted(this.tail, row, order, this.ends, 'largest');
    }
    /** The rows to show: all of them when they fit, else the first and last `ends` and how many are between. */
    shown() {
        if (this.total <= 2 * this.ends) {
            // Few rows: every row is in one of the lists; the ordered case may hold a row in both. (One more
            // and the middle row is in neither: it is counted between.)
            const all = this.spec?.order ? unique([...this.head, ...this.tail]) : [...this.head, ...this.tail];
            return { first: all, last: [], between: 0 };
        }
        return { first: this.head, last: this.tail, between: this.total - this.head.length - this.tail.length };
    }
}
function insertSorted(list, row, order, max, keep) {
    let i = list.length;
    while (i > 0 && order(list[i - 1], row) > 0)
        i -= 1;
    list.splice(i, 0, row);
    if (list.length > max) {
        if (keep === 'smallest')
            list.pop();
        else
            list.shift();
    }
}
function unique(rows) {
    return [...new Set(rows)];
}
/** The first `max` rows, and how many more came. */
class FirstRows {
    max;
    spec;
    rows = [];
    omitted = 0;
    constructor(max) {
        this.max = max;
    }
    open(table) {
        this.spec = table;
    }
    row(row) {
        if (this.rows.length < this.max)
            this.rows.push(row);
        else
            this.omitted += 1;
    }
}


/***/ }),

/***/ 1349:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   At: () => (/* binding */ Facts),
/* harmony export */   wB: () => (/* binding */ factText)
/* harmony export */ });
/* unused harmony export FACTS */
// The facts a report states: each by its name, set by whichever step knows it, shown in the one
// order of FACTS on every channel (terminal, job summary, JSON, notification), so no step keeps an
// index into a list or inserts in the middle of one. Adding a fact is one line here.
/** [name (the JSON name), label (what a person reads)], in the order every channel shows them. */
const FACTS = [
    ['server', 'Server'],
    ['flavor', 'Flavor'],
    ['healthy', 'Healthy'],
    ['checked_at', 'Checked at'],
    ['audit_log', 'Audit log'],
    ['dry_run', 'Dry run'],
    ['tier', 'Tier'],
    ['label_prefix', 'Label prefix'],
    ['older_than', 'Older than'],
    ['labels', 'Labels'],
    ['resolved_by', 'Resolved by'],
    ['day', 'Day'],
    ['day_chosen', 'Day chosen'],
    ['period', 'Period'],
    ['daily_limit', 'Daily limit'],
    ['limit', 'Limit'],
    ['requested', 'Requested'],
    ['would_create', 'Would create'],
    ['would_not_create', 'Would not create (rate limit)'],
    ['create_requests', 'Create requests'],
    ['rate_limit', 'Rate limit'],
    ['created', 'Created'],
    ['failed', 'Failed'],
    ['re_exported', 'Re-exported from an earlier attempt'],
    ['kept_from_file', 'Kept from the file'],
    ['adopted', 'Found on the server after an unknown outcome'],
    ['duplicates_deleted', 'Duplicate keys deleted'],
    ['repeated_keys', 'Keys the server answered twice'],
    ['retried_requests', 'Retried requests'],
    ['listed', 'Listed'],
    ['due', 'Due'],
    ['idle', 'Idle'],
    ['would_delete', 'Would delete'],
    ['would_stay_due', 'Would stay due (rate limit)'],
    ['left_due', 'Left due (rate limit)'],
    ['deleted', 'Deleted'],
    ['would_reset', 'Would reset'],
    ['reset', 'Reset'],
    ['keys_reset', 'Keys reset'],
    ['nothing_to_reset', 'Nothing to reset'],
    ['keys', 'Keys'],
    ['requests', 'Requests'],
    ['requests_period', 'Requests (period)'],
    ['keys_used', 'Keys used'],
    ['percent_of', 'Percent of'],
    ['alert_threshold', 'Alert threshold'],
    ['alerts', 'Alerts'],
    ['spikes', 'Spikes'],
    ['forecast', 'Forecast'],
    ['forecast_note', 'Forecast note'],
    ['idle_keys', 'Idle keys'],
    ['servers', 'Servers'],
    ['failed_servers', 'Failed servers'],
    ['csv', 'CSV'],
    ['table', 'Table'],
    ['artifact', 'Artifact'],
    ['artifact_url', 'Artifact URL'],
    ['dashboard', 'Dashboard'],
    ['failure', 'Failure'],
];
const ORDER = new Map(FACTS.map(([name], i) => [name, i]));
const LABEL = new Map(FACTS.map(([name, label]) => [name, label]));
/** What a person reads for a value: numbers as they are, yes or no. */
function factText(value) {
    return typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
}
/** A report's facts, each set once by name (a later set replaces it), read in FACTS order. */
class Facts {
    values = new Map();
    set(name, value) {
        if (value === undefined)
            this.values.delete(name);
        else
            this.values.set(name, value);
        return this;
    }
    get(name) {
        return this.values.get(name);
    }
    has(name) {
        return this.values.has(name);
    }
    /** Every fact set, in FACTS order. */
    list() {
        return [...this.values]
            .sort(([a], [b]) => ORDER.get(a) - ORDER.get(b))
            .map(([name, value]) => ({ name, label: LABEL.get(name), value }));
    }
}


/***/ }),

/***/ 5333:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   K9: () => (/* binding */ UPSTREAM_DAILY_LIMIT),
/* harmony export */   Kq: () => (/* binding */ SharedLimits),
/* harmony export */   LF: () => (/* binding */ limitOf),
/* harmony export */   PW: () => (/* binding */ limitText),
/* harmony export */   bs: () => (/* binding */ unknownLimitText),
/* harmony export */   u8: () => (/* binding */ serverWideLimit)
/* harmony export */ });
/* unused harmony export dailyValue */
// What a key's usage is measured against, as every channel shows it: one value type and one text,
// so list, usage, monitor, the CSV and JSON say the same of the same key. A limit the server did
// not report is marked with where it came from.
/** `200`, `200 (assumed)`, `150 (learned)`, `unknown`, or `15 / 1000` (a lifetime quota, used / total). */
function limitText(limit) {
    if (limit.kind === 'lifetime')
        return `${limit.used ?? '?'} / ${limit.value ?? '?'}`;
    if (limit.value === undefined)
        return 'unknown';
    return limit.source === 'assumed' || limit.source === 'learned'
        ? `${limit.value} (${limit.source})`
        : `${limit.value}`;
}
/** The daily limit as a number, where there is one (lifetime quotas have none). */
function dailyValue(limit) {
    return limit.kind === 'daily' ? limit.value : undefined;
}
/** DAILY_REQ_LIMIT when a v1/v01 server is started without one. */
const UPSTREAM_DAILY_LIMIT = 200;
const serverWideLimit = (given) => given === undefined
    ? { kind: 'daily', value: UPSTREAM_DAILY_LIMIT, source: 'assumed' }
    : { kind: 'daily', value: given, source: 'given' };
/** The limit `key` is measured against on a server of these capabilities: every command says the same. */
function limitOf(key, capabilities, serverWide) {
    if (capabilities.lifetimeQuota)
        return { kind: 'lifetime', value: key.totalQuota, used: key.usedQuota };
    // A per-key server answering without a limit applies its default, which is the server-wide one.
    if (capabilities.perKeyDailyLimit && key.dailyLimit !== undefined)
        return { kind: 'daily', value: key.dailyLimit, source: 'key' };
    return serverWide;
}
/** Distinct limits one SharedLimits keeps; any further one stays an object of its own. */
const MAX_SHARED_LIMITS = 1000;
/**
 * Equal limits as one object: usage holds a limit for every key (100,000 keys: 4.6 MB of limits, one
 * each), and most are alike (keys of one quota, idle). Limits are never changed once made.
 */
class SharedLimits {
    made = new Map();
    of(limit) {
        const id = limit.kind === 'lifetime' ? `l ${limit.value} ${limit.used}` : `d ${limit.value} ${limit.source}`;
        const same = this.made.get(id);
        if (same)
            return same;
        if (this.made.size < MAX_SHARED_LIMITS)
            this.made.set(id, limit);
        return limit;
    }
}
/** How a server-wide limit nobody gave reads: what the server applies and what to set. */
function unknownLimitText(flavor) {
    return (`the ${flavor} server applies one server-wide DAILY_REQ_LIMIT to every key (upstream default 200) ` +
        `and its admin API does not report it; set server-daily-limit to that value`);
}


/***/ }),

/***/ 6677:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Lh: () => (/* binding */ outcomeTable),
/* harmony export */   MF: () => (/* binding */ issuedTable),
/* harmony export */   Mf: () => (/* binding */ usageTable),
/* harmony export */   Nf: () => (/* binding */ keysTable),
/* harmony export */   T7: () => (/* binding */ peopleColumns),
/* harmony export */   _K: () => (/* binding */ trendTable),
/* harmony export */   lE: () => (/* binding */ serversTable),
/* harmony export */   nO: () => (/* binding */ plannedTable),
/* harmony export */   zj: () => (/* binding */ moreRows)
/* harmony export */ });
/* unused harmony exports limitJson, byLabel */
/* harmony import */ var _shared_text_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4646);
/* harmony import */ var _limit_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5333);


/** `\u2026 2,980 more keys in the CSV`: the line standing for the rows a table leaves out. */
function moreRows(spec, count) {
    const noun = spec.kind === 'servers' ? 'server' : 'key';
    return `\u2026 ${(0,_shared_text_js__WEBPACK_IMPORTED_MODULE_0__/* .thousands */ .oh)(count)} more ${noun}${count === 1 ? '' : 's'} ${spec.rest ?? 'not shown'}`;
}
/** The columns people read (terminal, job summary): those not marked JSON only. */
const peopleColumns = (spec) => spec.columns.filter((c) => !c.jsonOnly);
const iso = (date) => (date ? date.toISOString() : '');
/** `2026-01-15 08:09:10`: the UTC time people read (the column head says UTC); JSON keeps ISO 8601. */
const utc = (date) => iso(date).replace('T', ' ').slice(0, 19);
const created = () => ({
    id: 'created_utc',
    head: 'Created (UTC)',
    text: (r) => utc(r.createdAt),
    json: (r) => iso(r.createdAt),
});
const numberOrNull = (value) => (value === undefined ? null : value);
const label = () => ({ id: 'label', head: 'Label', text: (r) => r.label });
const key = () => ({ id: 'key', head: 'Key', text: (r) => r.key });
const limitColumn = (head = 'Daily limit') => ({
    id: 'daily_limit',
    head,
    text: (r) => (r.limit ? (0,_limit_js__WEBPACK_IMPORTED_MODULE_1__/* .limitText */ .PW)(r.limit) : '\u2014'),
    json: (r) => (r.limit ? limitJson(r.limit) : null),
});
/** A limit in JSON: its number (or null) and where it came from. */
function limitJson(limit) {
    if (limit.kind === 'lifetime')
        return { total_quota: numberOrNull(limit.value), used_quota: numberOrNull(limit.used) };
    return { value: numberOrNull(limit.value), source: limit.value === undefined ? 'unknown' : limit.source };
}
/** Labels in batch order (`x-002` before `x-010`), numbers compared as numbers. */
const byLabel = (a, b) => (0,_shared_text_js__WEBPACK_IMPORTED_MODULE_0__/* .compareLabels */ .HK)(a.label, b.label);
/**
 * The server's capabilities say what its keys carry: a lifetime quota (v10) or a daily limit, and the
 * fields beyond (`listed`); undefined (not known): a daily limit and every field.
 */
const keysTable = (rest, capabilities) => {
    const listed = capabilities && (capabilities.listed ?? {});
    return {
        kind: 'keys',
        rest,
        columns: [
            label(),
            key(),
            limitColumn(capabilities?.lifetimeQuota ? 'Used / total quota' : 'Daily limit'),
            created(),
            {
                id: 'expires_utc',
                head: 'Expires (UTC)',
                text: (r) => utc(r.expiresAt),
                json: (r) => iso(r.expiresAt) || null,
                jsonOnly: listed !== undefined && !listed.expires,
            },
            {
                id: 'used_today',
                head: 'Used today',
                text: (r) => (r.usedToday === undefined ? '' : String(r.usedToday)),
                json: (r) => numberOrNull(r.usedToday),
                jsonOnly: listed !== undefined && !listed.usedToday,
            },
            {
                id: 'status',
                head: 'Status',
                text: (r) => r.status ?? '',
                json: (r) => r.status ?? null,
                jsonOnly: listed !== undefined && !listed.status,
            },
        ],
    };
};
const issuedTable = () => ({
    kind: 'issued',
    rest: 'in the CSV',
    order: byLabel,
    columns: [label(), key(), limitColumn(), created()],
});
const plannedTable = (rest) => ({
    kind: 'planned',
    rest,
    columns: [
        label(),
        { id: 'daily_limit', head: 'Daily limit', text: (r) => String(r.dailyLimit), json: (r) => r.dailyLimit },
        { id: 'expires_utc', head: 'Expires (UTC)', text: (r) => utc(r.expiresAt), json: (r) => iso(r.expiresAt) || null },
        { id: 'result', head: 'Result', text: (r) => r.result },
    ],
});
const percentColumn = () => ({
    id: 'percent',
    head: 'Percent',
    text: (r) => (r.percent === undefined ? '-' : `${r.percent}%`),
    json: (r) => numberOrNull(r.percent),
});
const usageTable = (lifetime) => ({
    kind: 'usage',
    rest: 'not shown',
    columns: [
        label(),
        key(),
        {
            id: 'requests',
            head: lifetime ? 'Requests (last day)' : 'Requests',
            text: (r) => String(r.requests),
            json: (r) => r.requests,
        },
        limitColumn(lifetime ? 'Used / total quota' : 'Daily limit'),
        percentColumn(),
    ],
});
const trendTable = (days, lifetime) => ({
    kind: 'trend',
    rest: 'not shown',
    days,
    columns: [
        label(),
        key(),
        {
            id: 'requests_period',
            head: lifetime ? `Requests (${days}\u00d724 h)` : `Requests (${days} days)`,
            text: (r) => String(r.total),
            json: (r) => r.total,
        },
        { id: 'last', head: lifetime ? 'Last 24 h' : 'Last day', text: (r) => String(r.last), json: (r) => r.last },
        ...(lifetime
            ? []
            : [
                {
                    id: 'busiest_day',
                    head: 'Busiest day',
                    text: (r) => String(r.peak ?? ''),
                    json: (r) => numberOrNull(r.peak),
                },
            ]),
        limitColumn(lifetime ? 'Used / total quota' : 'Daily limit'),
        {
            id: 'limit_reached',
            head: lifetime ? 'Quota runs out' : 'Limit reached',
            text: (r) => r.reaches,
            json: (r) => r.reaches || null,
        },
        { id: 'note', head: 'Note', text: (r) => r.note },
    ],
});
/** `inOrder`: the rows as given (rotate: oldest first), else by label. */
const outcomeTable = (shape) => ({
    kind: 'outcome',
    rest: 'not shown',
    ...(shape.inOrder ? {} : { order: byLabel }),
    columns: [
        label(),
        key(),
        ...(shape.created ? [{ id: 'created_utc', head: 'Created (UTC)', text: (r) => iso(r.createdAt) }] : []),
        { id: 'result', head: 'Result', text: (r) => r.result },
        ...(shape.replacement
            ? [{ id: 'replacement', head: 'Replacement', text: (r) => r.replacement ?? '' }]
            : []),
    ],
});
const count = (id, head) => ({
    id,
    head,
    text: (r) => (r.counts[id] === undefined ? '' : String(r.counts[id])),
    json: (r) => numberOrNull(r.counts[id]),
});
const serversTable = () => ({
    kind: 'servers',
    columns: [
        { id: 'server', head: 'Server', text: (r) => r.server },
        { id: 'url', head: 'URL', text: (r) => r.url },
        { id: 'flavor', head: 'Flavor', text: (r) => r.flavor ?? '', json: (r) => r.flavor ?? null },
        {
            id: 'healthy',
            head: 'Healthy',
            text: (r) => (r.healthy === undefined ? '' : String(r.healthy)),
            json: (r) => (r.healthy === undefined ? null : r.healthy),
        },
        { id: 'result', head: 'Result', text: (r) => r.result },
        count('created', 'Created'),
        count('failed', 'Failed'),
        count('listed', 'Listed'),
        count('deleted', 'Deleted'),
        count('alerts', 'Alerts'),
    ],
});


/***/ }),

/***/ 3613:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   GY: () => (/* binding */ fsPromises),
/* harmony export */   SI: () => (/* binding */ nodeCrypto),
/* harmony export */   ZK: () => (/* binding */ timersPromises)
/* harmony export */ });
const nodeCrypto = () => process.getBuiltinModule('node:crypto');
const fsPromises = () => process.getBuiltinModule('node:fs/promises');
const timersPromises = () => process.getBuiltinModule('node:timers/promises');


/***/ }),

/***/ 3739:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Rr: () => (/* binding */ exitCodeFor),
/* harmony export */   cc: () => (/* binding */ CancelledError),
/* harmony export */   g3: () => (/* binding */ GRACE_MS),
/* harmony export */   mT: () => (/* binding */ Cancellation),
/* harmony export */   yy: () => (/* binding */ sleep)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8382);
// Cancellation (SIGINT, SIGTERM): the first signal stops new requests and gives those in flight a
// short grace (GRACE_MS) to bring their answers, so the CSV gets the keys a normally answering
// server made; then, or at once on a second signal, what is still in flight is aborted. So one
// signal ends any command within a few seconds, whatever the server or a proxy does. The runner
// sends SIGINT, then SIGTERM 7.5 s later.

class CancelledError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .QuotaKeysError */ .t {
    reason;
    constructor(reason) {
        super(`cancelled (${reason})`, exitCodeFor(reason));
        this.reason = reason;
        this.name = 'CancelledError';
    }
}
/** How long requests in flight may still finish after the first signal. */
const GRACE_MS = 2500;
class Cancellation {
    graceMs;
    stop = new AbortController();
    abort = new AbortController();
    graceTimer;
    /** `graceMs`: how long requests in flight may finish after the first cancel before they are aborted. */
    constructor(graceMs = GRACE_MS) {
        this.graceMs = graceMs;
    }
    /** What cancelled the run ('SIGTERM', 'SIGINT', or a caller's reason). */
    reason;
    /** True once cancelled: start no new request. */
    get requested() {
        return this.stop.signal.aborted;
    }
    /** Aborted on the first cancel: waits end, no new request starts. */
    get signal() {
        return this.stop.signal;
    }
    /** Aborted GRACE_MS after the first cancel, or on the second: requests still in flight are abandoned. */
    get abortSignal() {
        return this.abort.signal;
    }
    cancel(reason) {
        if (!this.stop.signal.aborted) {
            this.reason = reason;
            this.stop.abort(new CancelledError(reason));
            // Unref'd: a run that ends within the grace does not wait for it.
            this.graceTimer = setTimeout(() => this.abandon(reason), this.graceMs);
            this.graceTimer.unref();
        }
        else {
            this.abandon(reason);
        }
    }
    /** Aborts what is still in flight. */
    abandon(reason) {
        clearTimeout(this.graceTimer);
        if (!this.abort.signal.aborted)
            this.abort.abort(new CancelledError(reason));
    }
    /** Turns SIGINT/SIGTERM into cancel(); returns the function that removes the handlers. */
    listen(onSignal, target = process) {
        const handler = (signal) => {
            const second = this.requested;
            this.cancel(signal);
            onSignal?.(signal, second);
        };
        const signals = ['SIGINT', 'SIGTERM'];
        for (const signal of signals)
            target.on(signal, handler);
        return () => {
            for (const signal of signals)
                target.off(signal, handler);
        };
    }
}
/** Exit status of a process stopped by `signal`, by shell convention (128 + signal number). */
function exitCodeFor(reason) {
    return reason === 'SIGINT' ? 130 : reason === 'SIGTERM' ? 143 : 1;
}
/** Waits `ms`; resolves false when `signal` aborts first. */
function sleep(ms, signal) {
    if (signal?.aborted)
        return Promise.resolve(false);
    return new Promise((resolve) => {
        const done = (completed) => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', onAbort);
            resolve(completed);
        };
        const onAbort = () => done(false);
        const timer = setTimeout(() => done(true), Math.max(0, ms));
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}


/***/ }),

/***/ 8563:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ drainedOf)
/* harmony export */ });
/** Settles once `stream` has taken what it was given; undefined when it already has. */
function drainedOf(stream) {
    if (!stream.writableNeedDrain)
        return undefined;
    return new Promise((resolve) => {
        const done = () => {
            stream.off('drain', done).off('close', done).off('error', done);
            resolve();
        };
        stream.on('drain', done).on('close', done).on('error', done);
    });
}


/***/ }),

/***/ 8382:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ errorMessage),
/* harmony export */   t: () => (/* binding */ QuotaKeysError)
/* harmony export */ });
// One family of errors (as ky's KyError, octokit's RequestError): every error the tool throws extends
// QuotaKeysError, which carries its one-line message and the exit code a process ends with when the
// error ends the run. A caller tells the tool's errors apart with one instanceof, and reads the exit
// code from the error rather than from a table of classes.
class QuotaKeysError extends Error {
    exitCode;
    /** `message`: one line that names what failed and, where there is one, what to do. */
    constructor(message, exitCode = 1) {
        super(message);
        this.exitCode = exitCode;
        this.name = 'QuotaKeysError';
    }
}
/** The message of anything thrown: an Error's own, else the value as text. */
function errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}


/***/ }),

/***/ 8590:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   KH: () => (/* binding */ linkOnTheWay),
/* harmony export */   aX: () => (/* binding */ refusedInArtifact),
/* harmony export */   d6: () => (/* binding */ ARTIFACT_PATH_FORBIDDEN),
/* harmony export */   ii: () => (/* binding */ ARTIFACT_PATH_CHARACTERS),
/* harmony export */   mt: () => (/* binding */ notReplaceable),
/* harmony export */   zm: () => (/* binding */ openNoFollow)
/* harmony export */ });
/* unused harmony exports commonFolder, isPlainFile */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
// The run's own files: never written through a symbolic link it did not make (a link committed at
// the audit log's path once had an outside file chmod-ed, appended to and uploaded), named so the
// artifact uploader takes them, and only ever replacing a regular file.


/**
 * The characters @actions/artifact refuses in the path of a file inside an artifact
 * (`invalidArtifactFilePathCharacters`, upload/path-and-artifact-name-validation.js): NTFS cannot
 * hold them. Checked up front, so no key is made that then cannot be uploaded.
 */
const ARTIFACT_PATH_FORBIDDEN = /[":<>|*?\r\n]/;
const ARTIFACT_PATH_CHARACTERS = '" : < > | * ? or line breaks';
/** The deepest folder holding every one of `files` (an artifact's root: each keeps its path under it). */
function commonFolder(files) {
    let root = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(files[0]);
    while (files.some((f) => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, f).startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}`)) && (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(root) !== root)
        root = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(root);
    return root;
}
/** The first of `files` whose path inside an artifact of them all the uploader refuses, or undefined. */
function refusedInArtifact(files) {
    const root = commonFolder(files);
    return files.find((file) => ARTIFACT_PATH_FORBIDDEN.test((0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, file)));
}
/** Whether `file` is a symbolic link (false when nothing is there). */
function isLink(file) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(file).isSymbolicLink();
    }
    catch {
        return false;
    }
}
/** Whether `target` is strictly below `root`. */
function isBelow(root, target) {
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, target);
    return path !== '' && path !== '..' && !path.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}`) && !(0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(path);
}
/**
 * The symbolic link a write to `file` would go through, or undefined: `file` itself, or a folder
 * on the way to it below `within` (the workspace: a link committed there points where the repository
 * chose). Folders above `within`, or of a path outside it, are the runner's or the user's own choice.
 */
function linkOnTheWay(file, within) {
    const target = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(file);
    if (isLink(target))
        return target;
    const root = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(within);
    if (!isBelow(root, target))
        return undefined;
    for (let dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(target); dir !== root; dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(dir))
        if (isLink(dir))
            return dir;
    return undefined;
}
/**
 * O_NOFOLLOW where the platform has it (not on Windows, where linkOnTheWay alone refuses a link);
 * O_NONBLOCK: a FIFO put at the path fails the open (ENXIO) instead of blocking the run for good.
 */
const NO_FOLLOW = (node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW ?? 0) | (node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK ?? 0);
/**
 * Opens `file` for writing, never through a symbolic link at its path (ELOOP instead). `append`:
 * keep what is there; else truncate. Created with `mode` when new.
 */
function openNoFollow(file, { append, mode }) {
    const flags = node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_WRONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_CREAT | (append ? node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_APPEND : node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_TRUNC);
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(file, flags | NO_FOLLOW, mode);
}
/** Whether `file` is a regular file and no link: what may be uploaded as the run's own. */
function isPlainFile(file) {
    try {
        const stat = lstatSync(file);
        return stat.isFile() && !stat.isSymbolicLink();
    }
    catch {
        return false;
    }
}
/**
 * Why `file` must not be replaced by the CSV, or undefined when it may: only a regular file (or
 * nothing) is replaced. A device, FIFO or socket, also behind a symlink, is never renamed over
 * (as root, `output: /dev/null` would otherwise replace the machine's /dev/null with keys).
 */
function notReplaceable(file, what = 'the CSV') {
    let kind;
    try {
        const link = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(file);
        const stat = link.isSymbolicLink() ? (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(file) : link;
        if (stat.isFile())
            return undefined;
        kind = stat.isDirectory()
            ? 'a folder'
            : stat.isFIFO()
                ? 'a FIFO (named pipe)'
                : stat.isSocket()
                    ? 'a socket'
                    : stat.isCharacterDevice() || stat.isBlockDevice()
                        ? 'a device'
                        : 'not a regular file';
        return (`${file} is ${kind}${link.isSymbolicLink() ? ' (behind a symlink)' : ''}; ${what} only ever ` +
            `replaces a regular file`);
    }
    catch {
        return undefined; // nothing there, or a dangling symlink (renaming replaces the link itself)
    }
}


/***/ }),

/***/ 7763:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BP: () => (/* binding */ logLine),
/* harmony export */   OG: () => (/* binding */ logLines),
/* harmony export */   RK: () => (/* binding */ visible),
/* harmony export */   js: () => (/* binding */ htmlText),
/* harmony export */   kx: () => (/* binding */ chatText),
/* harmony export */   qY: () => (/* binding */ dotenvValue),
/* harmony export */   s$: () => (/* binding */ jsonText)
/* harmony export */ });
/* unused harmony exports markdownText, mermaidText */
// Text from outside (labels, key strings, error bodies, health answers, server days, files, the
// environment) reaches a person or a machine only through one of these: one neutraliser per
// channel, applied where that channel's output is rendered or written, after redaction (the
// Redactor matches keys and tokens as they are, so it goes first). Each one is a pure function of
// the text: the same text is neutralised the same way wherever it comes from, and our own text
// passes through unchanged unless it carries what the channel would act on. docs/reliability.md
// ("Untrusted input") lists each channel and the test that holds it.
/**
 * What a reader cannot see, or what acts on a terminal or a log instead of being shown: C0 and C1
 * controls and DEL (line breaks, CR, ESC and its ANSI and GitLab section sequences), the soft
 * hyphen, bidirectional controls (U+061C, U+200E-F, U+202A-E, U+2066-9), zero-width and other
 * invisible format characters (U+200B-D, U+2060-4, U+FEFF, Hangul fillers, Mongolian vowel
 * separator), the line and paragraph separators, interlinear annotations, Unicode tags and variation
 * selectors (one after another they carry any bytes unseen, as tags do), but for the one selector
 * right after a visible character that asks for an emoji's text or colour form (`\u2764\ufe0f`).
 */
const HIDDEN = String.raw `\x7f-\x9f\xad\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e` +
    String.raw `\u2060-\u206f\u3164\ufe00-\ufe0d\ufeff\uffa0\ufff0-\ufffb`;
// U+FE0E and U+FE0F where they select no visible character's form: first, or after a space or a selector.
const STRAY_AFTER = String.raw `^|[\s\ufe00-\ufe0f]`;
// U+034F (combining grapheme joiner) stands apart: in a class it would combine with its neighbour.
const INVISIBLE = new RegExp(String.raw `[\0-\x1f${HIDDEN}\u{e0000}-\u{e0fff}]|\u034f|(?<=${STRAY_AFTER}|[\u{e0100}-\u{e01ef}])[\ufe0e\ufe0f]`, 'gu');
const NAMED = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
function escapeInvisible(char) {
    const named = NAMED[char];
    if (named)
        return named;
    const code = char.codePointAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
}
/**
 * The text with every invisible or acting character shown as an escape (`\n`, `\x1b`, `\u{202e}`):
 * one line, nothing hidden, nothing that moves the cursor, recolours or reorders what follows.
 */
function visible(text) {
    INVISIBLE.lastIndex = 0;
    return INVISIBLE.test(text) ? text.replace(INVISIBLE, escapeInvisible) : text;
}
// The GitHub runner reads a workflow command from a line that starts with `::` once leading white
// space is trimmed (.NET's TrimStart: every Unicode space), and from `##[` ANYWHERE in a line
// (actions/runner ActionCommand.TryParse, `IndexOf("##[")`), on stdout and stderr alike.
const COMMAND_START = /^([\s\u0085]*)::/u;
const OLD_COMMAND = /##\[/g;
/**
 * One line of the runner log, a GitLab job log or a terminal (stdout or stderr): shown as it is,
 * but no line break, CR, ESC or other control inside it, no `##[` anywhere (shown as `##\x5b`) and
 * no `::` at its start (shown as `\x3a:`), so no server text can start a workflow command (such as
 * `::add-mask::`, `::stop-commands::` or `##[stop-commands]`, which would show every later masked key),
 * forge an annotation, open a GitLab section or rewrite the terminal.
 */
function logLine(text) {
    let line = visible(text);
    if (line.includes('##['))
        line = line.replace(OLD_COMMAND, '##\\x5b');
    return line.replace(COMMAND_START, '$1\\x3a:');
}
/** Every line of `text` (our own line breaks) through logLine. */
function logLines(text) {
    return text.split('\n').map(logLine).join('\n');
}
// Inline Markdown that acts in a table cell or after a list item's start (GitHub's GFM): escapes,
// code spans, emphasis, strikethrough, links and images, HTML and autolinks, entities, table
// pipes, mentions and math. Backslash-escaping an ASCII punctuation character shows it as itself.
const MARKDOWN_ACTIVE = /[\\`*_~[\]<>&|@$!]/g;
/**
 * Text inside the job summary's Markdown (a fact's value, a table cell, a failure line): shown
 * exactly as it is, one line, with no link, image, HTML, mention, emphasis, code or table cell of
 * its own.
 */
function markdownText(text) {
    return visible(text).replace(MARKDOWN_ACTIVE, (c) => `\\${c}`);
}
/**
 * Text inside a Mermaid chart's quoted string (a title, an axis label), shortened to `max`: only
 * letters, digits, spaces and `- _ . : / ( ) +`; anything else (a quote, backtick, bracket, comma,
 * `#` entity, `%%` directive, `;`, `<>`, a line break or an invisible character, any of which
 * could end the string, the list, the diagram or the fence around it) becomes `_`.
 */
function mermaidText(text, max = 24) {
    const clean = text
        .replace(/[^\p{L}\p{N} _.:/()+-]/gu, '_')
        .replace(/ +/g, ' ')
        .trim();
    return clean.length > max ? `${clean.slice(0, max - 1)}\u2026` : clean;
}
// Plain-text mentions: the chats that take Slack's format (Mattermost, Rocket.Chat) ping a user on
// `@name` at a word's start and everyone on `@channel`-style words, even without Slack's `<!channel>`.
// An `@` inside a word (an e-mail address) pings nobody.
const MENTION = /(?<![\p{L}\p{N}_.+-])@(?=[\p{L}\p{N}_])|@(?=(?:channel|here|everyone|all)\b)/giu;
/**
 * Text of a chat notification (Slack's `text`, and the chats that take Slack's format): `&`, `<`
 * and `>` escaped as Slack asks, so that no server text can mention (`<!channel>`, `<@U\u2026>`) or
 * disguise a link (`<https://\u2026|Re-run>`); `]` shown full-width (`\uff3d`), so that the chats that render
 * Markdown make no link (`[Re-run](https://\u2026)`) and no image (`![](https://\u2026)`, loaded by every
 * reader) of it; a mention word (`@name`, `@channel`) shown with a full-width `\uff20`, so that no chat
 * pings anyone; one line.
 */
function chatText(text) {
    return visible(text)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/]/g, '\uff3d')
        .replace(MENTION, '\uff20');
}
/**
 * Invisible characters JSON.stringify leaves as they are (Unicode tags as their UTF-16 halves), and
 * the `[` of `##[` (a runner command when the JSON is printed).
 */
const JSON_UNSAFE = new RegExp(String.raw `[${HIDDEN}]|\u034f|[\udb40-\udb43][\udc00-\udfff]` +
    String.raw `|(?<=${STRAY_AFTER}|\udb40[\udd00-\uddef])[\ufe0e\ufe0f]|(?<=##)\[`, 'g');
/**
 * A JSON document on one line, with the same value as JSON.stringify's, but every invisible
 * character and the `[` of `##[` written as `\uXXXX`: printed on stdout, in the runner log or a
 * GitHub output, it neither starts a workflow command nor hides anything from a reader.
 */
function jsonText(value) {
    // Code unit by code unit: a tag character is written as its two UTF-16 halves.
    const unicodeEscapes = (match) => Array.from({ length: match.length }, (_, i) => `\\u${match.charCodeAt(i).toString(16).padStart(4, '0')}`).join('');
    return JSON.stringify(value).replace(JSON_UNSAFE, unicodeEscapes);
}
/** A value of a GitLab dotenv line: one line, nothing invisible (GitLab keeps every other character). */
function dotenvValue(text) {
    return visible(text).trim();
}
/** Text in HTML (element content or a quoted attribute): nothing it holds is markup, nothing is hidden. */
function htmlText(text) {
    return visible(text)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;');
}


/***/ }),

/***/ 1378:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   cf: () => (/* binding */ NO_PROGRESS),
/* harmony export */   mf: () => (/* binding */ createProgress)
/* harmony export */ });
/* unused harmony exports MIN_ITEMS, QUIET_MS, LINE_EVERY_MS, formatDuration, progressText, clearProgress */
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4646);
// Progress of long work (batch, rotate, list over pages, delete of many keys), told on stderr or
// the log, never stdout: a live bar on a terminal, a plain line now and then in CI. Short work shows
// nothing: fewer than MIN_ITEMS items, or done within QUIET_MS. Lines carry counts, never a key.
// The ETA counts a wait it can foresee (the server's admin rate limit), which the rate cannot show.

/** Shows nothing: for --quiet, for tests, and when no platform asked for progress. */
const NO_PROGRESS = { start() { }, tick() { }, done() { } };
/** Fewer items than this is short work: nothing shown. */
const MIN_ITEMS = 50;
/** Nothing is shown before the work has run this long. */
const QUIET_MS = 2000;
/** Line mode: a line once both 10 % more is done and this long has passed since the last one. */
const LINE_EVERY_MS = 10_000;
const BAR_REDRAW_MS = 100;
function formatDuration(ms) {
    const s = Math.max(0, Math.round(ms / 1000));
    if (s < 60)
        return `${s}s`;
    const m = Math.floor(s / 60);
    return m < 60
        ? `${m}m${String(s % 60).padStart(2, '0')}s`
        : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}
/** Milliseconds spent in known waits by `now`. */
function waited(state, now) {
    const { waiting } = state;
    const current = waiting ? Math.max(0, Math.min(now, waiting.until) - waiting.from) : 0;
    return (state.waitedMs ?? 0) + current;
}
/** Notes a known wait starting now (the window has no room left), and closes one that has ended. */
function trackWait(state, now) {
    if (state.waiting && now >= state.waiting.until) {
        state.waitedMs = waited(state, now);
        state.waiting = undefined;
    }
    const known = state.total > state.count ? state.waits?.(state.total - state.count) : undefined;
    if (!state.waiting && known?.available === 0 && known.waitMs)
        state.waiting = { from: now, until: now + known.waitMs };
}
/** ` ETA 13s`, counting a known wait: ` ETA 14m40s (a 14m30s rate-limit wait)`; `over` when more are ahead. */
function etaText(state, rate) {
    const remaining = state.total - state.count;
    if (rate <= 0 || remaining <= 0)
        return '';
    const known = state.waits?.(remaining);
    if (!known || known.available >= remaining)
        return `, ETA ${formatDuration((remaining / rate) * 1000)}`;
    const first = (known.available / rate) * 1000;
    if (known.waitMs === undefined)
        return `, ETA ${formatDuration(first)} (the rest waits for a later run)`;
    const eta = Math.max(first, known.waitMs) + ((remaining - known.available) / rate) * 1000;
    const more = known.perWindow !== undefined && remaining - known.available > known.perWindow;
    return `, ETA ${more ? 'over ' : ''}${formatDuration(eta)} (a ${formatDuration(known.waitMs)} rate-limit wait)`;
}
/** `1,234/3,000 keys created (41 %), 135/s, ETA 13s`; without a total: `1,234 keys listed, 135/s`. */
function progressText(state, now, final = false) {
    const { total, what, count, startedAt } = state;
    // The rate of the work itself: a known wait is counted in the ETA, not spread over the rate.
    const seconds = Math.max(0.001, (now - startedAt - waited(state, now)) / 1000);
    const rate = count / seconds;
    const rateText = `${rate >= 10 ? Math.round(rate) : rate.toFixed(1)}/s`;
    if (total <= 0)
        return `${(0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .thousands */ .oh)(count)} ${what}, ${rateText}`;
    const percent = Math.floor((100 * Math.min(count, total)) / total);
    const eta = final ? '' : etaText(state, rate);
    return `${(0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .thousands */ .oh)(count)}/${(0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .thousands */ .oh)(total)} ${what} (${percent} %), ${rateText}${eta}`;
}
/** The progress a platform shows: bar on a terminal, lines elsewhere, nothing when quiet. */
function createProgress(options) {
    if (options.quiet)
        return NO_PROGRESS;
    return options.tty ? barProgress(options) : lineProgress(options);
}
/** Ticks `state` at `at`; true when a known wait of at least `longMs` starts with it. */
function tickState(state, n, at, longMs) {
    state.count += n;
    const before = state.waiting;
    trackWait(state, at);
    return state.waiting !== undefined && state.waiting !== before && state.waiting.until - at >= longMs;
}
function lineProgress({ write, now = Date.now, quietMs = QUIET_MS, everyMs = LINE_EVERY_MS }) {
    let state;
    let waits;
    let lastAt = 0;
    let lastTenth = 0;
    /** The count the last line showed: a last line with the same count would say it again. */
    let shownCount;
    return {
        start(total, what) {
            state = { total, what, count: 0, startedAt: now(), waits };
            lastAt = state.startedAt;
            lastTenth = 0;
            shownCount = undefined;
        },
        tick(n = 1) {
            if (!state)
                return;
            const at = now();
            const longWait = tickState(state, n, at, everyMs);
            if (state.total > 0 && (state.total < MIN_ITEMS || state.count >= state.total))
                return; // done() says the end
            // Whichever is rarer: 10 % more done (when the total is known) and everyMs since the last line;
            // a long known wait starting now is said at once (nothing moves for a while).
            const tenth = state.total > 0 ? Math.floor((10 * state.count) / state.total) : lastTenth + 1;
            if (!longWait && (at - state.startedAt < quietMs || at - lastAt < everyMs || tenth <= lastTenth))
                return;
            lastTenth = Math.max(lastTenth, tenth);
            lastAt = at;
            shownCount = state.count;
            write(progressText(state, at));
        },
        done() {
            if (state && shownCount !== undefined && shownCount !== state.count)
                write(`${progressText(state, now(), true)}: done`);
            state = undefined;
        },
        waitsFrom(given) {
            waits = given;
            if (state)
                state.waits = given;
        },
    };
}
function barProgress({ write, now = Date.now, quietMs = QUIET_MS, columns = () => 80 }) {
    let state;
    let waits;
    let drawnAt = 0;
    let drawn = false;
    const draw = (at) => {
        if (!state)
            return;
        const text = progressText(state, at);
        const width = Math.max(10, Math.min(40, (columns() ?? 80) - text.length - 4));
        const filled = state.total > 0 ? Math.round((width * Math.min(state.count, state.total)) / state.total) : 0;
        const bar = state.total > 0 ? `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ` : '';
        // \r and erase-line: redrawn in place.
        write(`\r\x1b[K${bar}${text}`);
        drawn = true;
        drawnAt = at;
    };
    return {
        start(total, what) {
            state = { total, what, count: 0, startedAt: now(), waits };
            drawn = false;
        },
        tick(n = 1) {
            if (!state)
                return;
            const at = now();
            const longWait = tickState(state, n, at, quietMs);
            if (state.total > 0 && state.total < MIN_ITEMS)
                return;
            if (!longWait && (at - state.startedAt < quietMs || at - drawnAt < BAR_REDRAW_MS))
                return;
            draw(at);
        },
        waitsFrom(given) {
            waits = given;
            if (state)
                state.waits = given;
        },
        done() {
            if (drawn)
                write('\r\x1b[K');
            drawn = false;
            state = undefined;
        },
        /** Clears the bar before another line is written to the same stream; the next tick redraws it. */
        clear() {
            if (drawn)
                write('\r\x1b[K');
            drawn = false;
            drawnAt = 0;
        },
    };
}
/** Clears a bar (if one is drawn) before other text goes to its stream. */
function clearProgress(progress) {
    progress.clear?.();
}


/***/ }),

/***/ 8932:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BO: () => (/* binding */ redactUrl),
/* harmony export */   PV: () => (/* binding */ shortenKey),
/* harmony export */   Vv: () => (/* binding */ snippetOf),
/* harmony export */   pO: () => (/* binding */ Redactor)
/* harmony export */ });
/* unused harmony exports SECRET_PIECE, secretForms, base64Forms, SHORTEST_KEY */
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4646);
// Keys and tokens never reach a log line whole. Everything printed goes through `Redactor.redact`;
// a server's answer shown in a message goes through `snippetOf`, which also blanks what looks like
// a credential (JSON key and token fields, the word after Bearer/Basic/token) and cuts it short.

/** `sk-ab12\u20269f0e`: the key's prefix and first 4 characters, an ellipsis, the last 4. */
function shortenKey(key) {
    const prefix = /^[A-Za-z]+[-_]/.exec(key)?.[0] ?? '';
    const rest = key.slice(prefix.length);
    if (rest.length <= 12)
        return `${prefix}\u2026${rest.slice(-2)}`;
    return `${prefix}${rest.slice(0, 4)}\u2026${rest.slice(-4)}`;
}
/** The URL without user:password (they are never printed). Unparsable input is returned unchanged. */
function redactUrl(url) {
    try {
        const parsed = new URL(url);
        if (!parsed.username && !parsed.password)
            return url;
        parsed.username = '***';
        parsed.password = '';
        return parsed.href;
    }
    catch {
        return url.replace(/\/\/[^/@\s]*@/, '//***@');
    }
}
// The key shapes of every known flavor (v1 sk-, v01/v1a trial_, v1p roc_<hex>, v10 roc_<ms>-<base36>), in
// either case. A key starts a word, or follows an escape a server writes its answers in (JSON `\n`, `\u0022`,
// URL `%22`, `%3D`), whose last character is a letter or digit: `\b` missed the key there and printed it whole.
// It may end anywhere: a key followed by a letter is still the key (`task-\u2026`, a key inside a word, stays).
const KEY_START = String.raw `(?<=^|[^0-9A-Za-z]|\\[bfnrt]|\\u[0-9A-Fa-f]{4}|%[0-9A-Fa-f]{2})`;
const KEY_PATTERN = new RegExp(`${KEY_START}(?:sk-[0-9a-f]{24,}|trial_[0-9a-f]{24,}|roc_[0-9a-f]{24,}|roc_\\d{10,}-[0-9a-z]{6,})`, 'gi');
// Of any scheme, in any case: a server's error page may hold its own DATABASE_URL (postgres://user:pass@\u2026).
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)[^/@\s:]*(?::[^/@\s]*)?@/gi;
const WHOLE_KEY = new RegExp(`^(?:${KEY_PATTERN.source})$`, 'i');
/** Every 8 characters in a row of a token count as the token: a piece of it is never printed. */
const SECRET_PIECE = 8;
/** The forms a token is echoed in by servers and proxies: as is, URL-, form-, JSON- and HTML-escaped. */
function secretForms(value) {
    const html = value
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;');
    const forms = [
        value,
        encodeURIComponent(value),
        encodeURIComponent(value).replace(/%20/g, '+'),
        encodeURI(value),
        JSON.stringify(value).slice(1, -1),
        html,
        html.replace(/&#39;/g, '&#x27;'),
    ];
    return [...new Set(forms)].sort((a, b) => b.length - a.length);
}
/**
 * The token inside Base64 (a Basic header, a server that encodes what it echoes), standard and URL-safe:
 * for each of the 3 places it may start in a group of 3 bytes, the characters that depend on the token
 * alone (not on the bytes around it); a token shorter than a piece has none long enough to be told apart.
 */
function base64Forms(value) {
    const forms = [];
    const bytes = Buffer.from(value, 'utf8');
    for (let shift = 0; shift < 3; shift++) {
        const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64');
        // Leading characters share a group with the bytes before; the last group holds bytes after, or padding.
        const whole = Math.floor((shift + bytes.length) / 3) * 4;
        const inner = encoded.slice(shift === 0 ? 0 : 4, whole);
        if (inner.length >= SECRET_PIECE)
            forms.push(inner, inner.replace(/\+/g, '-').replace(/\//g, '_'));
    }
    return [...new Set(forms)];
}
/**
 * Strings of at least `head` characters, found in one left-to-right pass whatever their number: a
 * position is looked up by its first two characters (a bit each, most text stops there), then by
 * its first `head` characters, then by each length the index holds (a handful: keys of one server
 * share one or two). Registering 100,000 keys costs a line no more than registering one.
 */
class StringIndex {
    head;
    values = new Map();
    heads = new Set();
    /** The distinct lengths, longest first (the longest match at a position wins). */
    lengths = [];
    pairs = new Uint8Array(1 << 16);
    constructor(head) {
        this.head = head;
    }
    get size() {
        return this.values.size;
    }
    add(text, value) {
        if (text.length < this.head || this.values.has(text))
            return;
        this.values.set(text, value);
        this.heads.add(text.slice(0, this.head));
        this.pairs[pairOf(text, 0)] = 1;
        if (!this.lengths.includes(text.length))
            this.lengths = [...this.lengths, text.length].sort((a, b) => b - a);
    }
    /** The longest string of the index at `at` in `text`: its length (0: none) and value. */
    match(text, at) {
        if (at + this.head > text.length || !this.pairs[pairOf(text, at)])
            return NONE;
        if (!this.heads.has(text.slice(at, at + this.head)))
            return NONE;
        for (const length of this.lengths) {
            if (at + length > text.length)
                continue;
            const value = this.values.get(text.slice(at, at + length));
            if (value !== undefined)
                return { length, value };
        }
        return NONE;
    }
}
const NONE = { length: 0 };
const pairOf = (text, at) => ((text.charCodeAt(at) * 31) ^ text.charCodeAt(at + 1)) & 0xffff;
/**
 * The shortest key registered, here and with the runner's masks: a server may answer any string as a
 * key, and `a`, `200` or `created` masked would hide that word in every later line of the job.
 */
const SHORTEST_KEY = 8;
/** The shortest secret registered (4 characters); a secret of 8 or more is masked by its pieces. */
const SHORTEST_SECRET = 4;
class Redactor {
    /**
     * What is masked with ***: every SECRET_PIECE-character piece of every form of every secret, and
     * the whole forms shorter than a piece.
     */
    masked = new StringIndex(SHORTEST_SECRET);
    /** Keys of a shape KEY_PATTERN does not know, as is and URL-encoded, each with its shortened form. */
    keys = new StringIndex(8);
    /**
     * A value replaced by *** wherever it appears (admin token), in any of its forms, and so is any 8-character piece of
     * it.
     */
    addSecret(value) {
        if (!value || value.length < SHORTEST_SECRET)
            return;
        for (const form of [...secretForms(value), ...base64Forms(value)]) {
            // Compared in lower case: a server or proxy that upper-cases what it echoes prints a hex token whole.
            const lower = form.toLowerCase();
            if (lower.length < SECRET_PIECE)
                this.masked.add(lower, true);
            for (let i = 0; i + SECRET_PIECE <= lower.length; i++)
                this.masked.add(lower.slice(i, i + SECRET_PIECE), true);
        }
    }
    /** A key shown only shortened, whatever its shape, also URL-encoded (request paths carry it so). */
    addKey(key) {
        // Keys of the known shapes are caught by the pattern; anything else (or more) is registered.
        if (!key || key.length < SHORTEST_KEY || WHOLE_KEY.test(key))
            return;
        this.keys.add(key, shortenKey(key));
        this.keys.add(encodeURIComponent(key), shortenKey(key));
    }
    /** Secrets masked first (a key never uncovers a piece of the token), then keys, URL credentials, known key shapes. */
    redact(text) {
        let out = this.masked.size > 0 ? this.mask(text) : text;
        if (this.keys.size > 0)
            out = this.shortenKeys(out);
        out = out.replace(URL_CREDENTIALS, '$1***@');
        return out.replace(KEY_PATTERN, (key) => shortenKey(key));
    }
    /** A server's answer for a message: redacted whole first, then cut short with credentials blanked (snippetOf). */
    snippet(text) {
        return snippetOf(text, (t) => this.redact(t));
    }
    /** Every run of characters covered by a secret or a piece of one becomes one ***. */
    mask(text) {
        const lower = lowerInPlace(text);
        let out = '';
        let coveredTo = -1; // the masked run so far ends here: text before it is in out, or masked
        for (let i = 0; i < text.length; i++) {
            const { length } = this.masked.match(lower, i);
            if (length === 0)
                continue;
            if (i > coveredTo)
                out += `${text.slice(Math.max(coveredTo, 0), i)}***`;
            coveredTo = Math.max(coveredTo, i + length);
        }
        return coveredTo < 0 ? text : out + text.slice(coveredTo);
    }
    /** Every registered key, the longest at each position, replaced by its shortened form. */
    shortenKeys(text) {
        let out = '';
        let kept = 0;
        for (let i = 0; i < text.length;) {
            const { length, value } = this.keys.match(text, i);
            if (length === 0) {
                i += 1;
                continue;
            }
            out += text.slice(kept, i) + value;
            i += length;
            kept = i;
        }
        return kept === 0 ? text : out + text.slice(kept);
    }
}
/** The text in lower case, each character where it was (a few characters' lower case is longer: not those). */
function lowerInPlace(text) {
    const lower = text.toLowerCase();
    return lower.length === text.length ? lower : text.replace(/[A-Z]+/g, (upper) => upper.toLowerCase());
}
const JSON_ESCAPE = /\\u([0-9a-fA-F]{4})/g;
/**
 * `\u0073k-\u2026` read as `sk-\u2026`: a body that is not JSON whole (cut off, or JSON inside text) is shown as
 * written, and a key or the token written with JSON escapes was known to the redactor by no form.
 */
function unescapeJson(text) {
    if (!text.includes('\\u'))
        return text;
    return text.replace(JSON_ESCAPE, (_, hex) => String.fromCharCode(Number.parseInt(hex, 16)));
}
const SECRET_FIELDS = /("(?:trial_key|key|keys|token|admin_token|api_?key)"\s*:\s*)"[^"]*("|$)/gi;
// Up to the next blank, quote or tag: `&` and `;` do not end a credential (a token may hold them).
const BEARER = /\b(Bearer|Basic|token)(\s*[:=]?\s*)([^\s"'<>]+)/gi;
/** Words that follow "token" in the servers' reasons; anything else after it is blanked. */
const REASON_WORDS = new RegExp(`^(${[
    ...['required', 'missing', 'invalid', 'expired', 'needed', 'incorrect', 'wrong', 'mismatch', 'provided'],
    ...['is', 'was', 'not', 'must', 'header', 'format', 'error'],
].join('|')})[.!]?$`, 'i');
/**
 * A credential after Bearer/Basic/token is blanked; a plain word after "token" (a server's reason,
 * "Admin token required") is not one and stays, so that the message is read whole.
 */
function blankCredential(match, word, separator, value) {
    const plainWord = /^token$/i.test(word) && !/[:=]/.test(separator) && REASON_WORDS.test(value);
    return plainWord ? match : `${word}${separator}\u2026`;
}
/**
 * First ~100 characters of a body, on one line, with key and token values blanked. `redact` (the
 * run's token redactor) goes over the whole body first, before anything cuts the token apart.
 * The word the cut falls in is dropped whole: half a token or half a key is not shortened by the
 * redactor, which only knows whole ones.
 */
function snippetOf(text, redact = (t) => t) {
    const flat = redact(unescapeJson(text))
        .replace(/\s+/g, ' ')
        .trim()
        .replace(SECRET_FIELDS, '$1"\u2026$2')
        .replace(BEARER, blankCredential);
    return (0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .oneLine */ .TN)(flat, 100);
}


/***/ }),

/***/ 4646:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   HK: () => (/* binding */ compareLabels),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   ZL: () => (/* binding */ shellQuote),
/* harmony export */   oh: () => (/* binding */ thousands)
/* harmony export */ });
// Small text forms shared by messages, summaries and notifications.
/** `text` on one line (runs of white space as one space), cut at a word to `max` characters and `\u2026`. */
function oneLine(text, max) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > max ? `${flat.slice(0, max).replace(/\S+$/, '')}\u2026` : flat;
}
/** A word a POSIX shell reads back as `text`: as it is when safe, else single-quoted. */
function shellQuote(text) {
    return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
let numericCollator;
/**
 * Label order: `x-9` before `x-10` (numbers compared as numbers). One collator for the run:
 * `localeCompare` with a locale makes one per call, which cost a batch of 3,000 keys 40\u201360 ms.
 */
function compareLabels(a, b) {
    const decided = sameButOneNumber(a, b);
    if (decided !== 0)
        return decided;
    numericCollator ??= new Intl.Collator('en', { numeric: true });
    return numericCollator.compare(a, b);
}
const isDigit = (c) => c >= 48 && c <= 57;
/**
 * The collator's answer without it (2\u20133 \u00b5s a call, a batch's labels make thousands) in the common case of
 * two labels that are the same ASCII text up to a run of digits of the same length in each, where they
 * first differ (`batch-\u2026-0041-\u2026` and `batch-\u2026-0042-\u2026`): that number decides at the first level, and numbers
 * of the same length compare as their digits do. 0 when that is not the case (the collator decides).
 */
function sameButOneNumber(a, b) {
    const shorter = Math.min(a.length, b.length);
    let i = 0;
    for (; i < shorter; i++) {
        const c = a.charCodeAt(i);
        if (c !== b.charCodeAt(i))
            break;
        if (c > 127)
            return 0;
    }
    if (i === shorter)
        return 0;
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(i);
    if (!isDigit(ca) || !isDigit(cb))
        return 0;
    let end = i + 1;
    while (end < shorter && isDigit(a.charCodeAt(end)) && isDigit(b.charCodeAt(end)))
        end++;
    if (!runEndsAt(a, end) || !runEndsAt(b, end))
        return 0;
    return ca < cb ? -1 : 1;
}
/** The digits end at `at` (same length in both), and not before a mark that could join the last one. */
function runEndsAt(text, at) {
    const c = text.charCodeAt(at);
    return at >= text.length || (c <= 127 && !isDigit(c));
}
/**
 * `12,345`: a count with thousands separators, as `toLocaleString('en-US')` writes it, without
 * loading ICU's number formatting (5\u201310 ms the first time, at every start that printed a count).
 */
function thousands(count) {
    const [whole, fraction] = String(Math.round(count * 1000) / 1000).split('.');
    return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
}


/***/ }),

/***/ 1967:
/***/ (() => {


;// CONCATENATED MODULE: external "node:v8"
const external_node_v8_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:v8");
;// CONCATENATED MODULE: ./src/shared/v8-flags.ts
// V8 flags for a short CLI run, set before anything else loads (imported first by both entries).
// V8 grows its young generation with the machine's memory and the survival rate; a rotation that
// holds 10,000 keys made it grow until the process peaked near 200 MB, mostly uncollected garbage.
// Without growth the same rotation peaks near 135 MB and a 3,000-key batch is as fast
// (scripts/bench.js, docs/performance.md).
// The old generation likewise grew by V8's default factor between full collections: requests in
// flight outlive a scavenge, so a batch promotes garbage steadily and its peak grew with the count
// (10,000 keys: +45 MB over 1,000), a rotation of 100,000 keys peaked at 285 MB. Growing it by 20%
// keeps a batch flat (+8 MB) and that rotation near 165 MB, at the cost of more full collections.
// WebAssembly stays on V8's baseline compiler: undici's HTTP parser (llhttp, one 33 KB function)
// was recompiled by the optimizing compiler after its first few answers, 40\u201345 ms of CPU and
// 20\u201340 MB of memory on another thread, in every run past `health` (a batch of one key); the
// baseline code parses a 3,000-key batch's answers for less than that (docs/performance.md).
// JavaScript reaches V8's top compiler (TurboFan) after 15,000 calls of a function, not 3,000: a
// 3,000-key batch compiled 39 functions with it (about 100 ms of compiling) whose mid-tier (Maglev)
// code was already fast; a run of 100,000 keys still gets it where it counts.

(0,external_node_v8_namespaceObject.setFlagsFromString)('--semi-space-growth-factor=1');
(0,external_node_v8_namespaceObject.setFlagsFromString)('--heap-growing-percent=20');
// Both, in this order: without tier-up alone V8 still tiers up dynamically; without dynamic tiering
// alone it compiles every function optimized at once. (`--liftoff-only` only takes on the command line.)
(0,external_node_v8_namespaceObject.setFlagsFromString)('--no-wasm-tier-up');
(0,external_node_v8_namespaceObject.setFlagsFromString)('--no-wasm-dynamic-tiering');
(0,external_node_v8_namespaceObject.setFlagsFromString)('--invocation-count-for-turbofan=15000');


/***/ }),

/***/ 9078:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ proxyNote)
/* harmony export */ });
/* harmony import */ var _shared_redact_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8932);
// Messages about a failed connection name the proxy it went through: a refused connection is then
// the proxy's, not the server's. The rules are undici's EnvHttpProxyAgent's, read the same way
// (undici is pinned to one version; __tests__/proxy-note-says-what-undici-does.test.ts holds the
// two equal over sockets).

/**
 * " through the proxy \u2026 (HTTP_PROXY)" when EnvHttpProxyAgent sends requests for `url` through one,
 * else ''. The proxy URL is shown without credentials.
 */
function proxyNote(url, env) {
    const https = url.protocol === 'https:';
    const httpName = proxyVariable(env, 'http_proxy', 'HTTP_PROXY');
    const name = https ? (proxyVariable(env, 'https_proxy', 'HTTPS_PROXY') ?? httpName) : httpName;
    if (!name || !env[name])
        return '';
    let host = url.hostname.replace(/^\[(.+)\]$/, '$1').toLowerCase();
    if (host.length > 1 && host.endsWith('.'))
        host = host.slice(0, -1);
    const port = Number(url.port) || (https ? 443 : 80);
    const bypassed = parseNoProxy(env.no_proxy ?? env.NO_PROXY ?? '').some((entry) => (!entry.port || entry.port === port) &&
        (entry.hostname === '*' || (!entry.wildcard && host === entry.hostname) || host.endsWith(`.${entry.hostname}`)));
    return bypassed ? '' : ` through the proxy ${(0,_shared_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redactUrl */ .BO)(env[name])} (${name})`;
}
/** The variable undici reads: the lower-case one when set at all (even empty), else the upper-case one. */
function proxyVariable(env, lower, upper) {
    if (env[lower] !== undefined)
        return lower;
    return env[upper] !== undefined ? upper : undefined;
}
function parseNoProxy(value) {
    return value
        .split(/[,\s]/)
        .filter(Boolean)
        .map((entry) => {
        // [::1]:443; else a bare or bracketed IPv6 address (colons, no port), or host[:port].
        const v6WithPort = /^\[(.+)\]:(\d+)$/.exec(entry);
        const unbracketed = entry.replace(/^\[(.+)\]$/, '$1');
        const hostPort = !v6WithPort && unbracketed.split(':').length === 2 && /^(.+):(\d+)$/.exec(unbracketed);
        const [hostname, port] = v6WithPort
            ? [v6WithPort[1], Number(v6WithPort[2])]
            : hostPort
                ? [hostPort[1], Number(hostPort[2])]
                : [unbracketed, 0];
        return {
            hostname: hostname
                .replace(/^\*?\./, '')
                .replace(/^(.+)\.$/, '$1')
                .toLowerCase(),
            port,
            wildcard: entry.startsWith('*'),
        };
    });
}


/***/ }),

/***/ 311:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ VERSION)
/* harmony export */ });
// The version of quota-keys, as in package.json (a test keeps them equal; the release workflow
// refuses a tag that differs). A constant, so the bundles need no package.json at run time.
const VERSION = '0.1.0';


/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = (() => {
  const load = () => __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");
  function assert(value, message) {
    if (!value) load().apply(undefined, arguments);
  }
  for (const name of ["AssertionError","CallTracker","ok","fail","equal","notEqual","deepEqual","notDeepEqual","deepStrictEqual","notDeepStrictEqual","strictEqual","notStrictEqual","partialDeepStrictEqual","match","doesNotMatch","throws","rejects","doesNotThrow","doesNotReject","ifError","strict","Assert"])
    Object.defineProperty(assert, name, { get: () => load()[name], enumerable: true });
  return assert;
})();

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = (() => {
  const load = () => __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");
  const named = {"HTTP2_HEADER_AUTHORITY":":authority","HTTP2_HEADER_METHOD":":method","HTTP2_HEADER_PATH":":path","HTTP2_HEADER_SCHEME":":scheme","HTTP2_HEADER_CONTENT_LENGTH":"content-length","HTTP2_HEADER_EXPECT":"expect","HTTP2_HEADER_STATUS":":status","HTTP2_HEADER_PROTOCOL":":protocol","NGHTTP2_NO_ERROR":0,"NGHTTP2_PROTOCOL_ERROR":1,"NGHTTP2_REFUSED_STREAM":7};
  const constants = new Proxy(named, { get: (t, name) => (name in t ? t[name] : load().constants[name]) });
  const eager = { __esModule: undefined, constants };
  return new Proxy(eager, { get: (target, name) => (name in target ? target[name] : load()[name]) });
})();

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 99:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:sqlite");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 7830:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/web");

/***/ }),

/***/ 6193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 7349:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveBlockMap = __nccwpck_require__(7103);
var resolveBlockSeq = __nccwpck_require__(334);
var resolveFlowCollection = __nccwpck_require__(3142);

function resolveCollection(CN, ctx, token, onError, tagName, tag) {
    const coll = token.type === 'block-map'
        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
        : token.type === 'block-seq'
            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
    const Coll = coll.constructor;
    // If we got a tagName matching the class, or the tag name is '!',
    // then use the tagName from the node class used to create it.
    if (tagName === '!' || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
    }
    if (tagName)
        coll.tag = tagName;
    return coll;
}
function composeCollection(CN, ctx, token, props, onError) {
    const tagToken = props.tag;
    const tagName = !tagToken
        ? null
        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
    if (token.type === 'block-seq') {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken
            ? anchor.offset > tagToken.offset
                ? anchor
                : tagToken
            : (anchor ?? tagToken);
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
            const message = 'Missing newline after block sequence props';
            onError(lastProp, 'MISSING_CHAR', message);
        }
    }
    const expType = token.type === 'block-map'
        ? 'map'
        : token.type === 'block-seq'
            ? 'seq'
            : token.start.source === '{'
                ? 'map'
                : 'seq';
    // shortcut: check if it's a generic YAMLMap or YAMLSeq
    // before jumping into the custom tag logic.
    if (!tagToken ||
        !tagName ||
        tagName === '!' ||
        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
        return resolveCollection(CN, ctx, token, onError, tagName);
    }
    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
    if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
            tag = kt;
        }
        else {
            if (kt) {
                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
            }
            else {
                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
            }
            return resolveCollection(CN, ctx, token, onError, tagName);
        }
    }
    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
    const node = identity.isNode(res)
        ? res
        : new Scalar.Scalar(res);
    node.range = coll.range;
    node.tag = tagName;
    if (tag?.format)
        node.format = tag.format;
    return node;
}

exports.composeCollection = composeCollection;


/***/ }),

/***/ 3683:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Document = __nccwpck_require__(3021);
var composeNode = __nccwpck_require__(5937);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);

function composeDoc(options, directives, { offset, start, value, end }, onError) {
    const opts = Object.assign({ _directives: directives }, options);
    const doc = new Document.Document(undefined, opts);
    const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
    };
    const props = resolveProps.resolveProps(start, {
        indicator: 'doc-start',
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
    });
    if (props.found) {
        doc.directives.docStart = true;
        if (value &&
            (value.type === 'block-map' || value.type === 'block-seq') &&
            !props.hasNewline)
            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
    }
    // @ts-expect-error If Contents is set, let's trust the user
    doc.contents = value
        ? composeNode.composeNode(ctx, value, props, onError)
        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
    const contentEnd = doc.contents.range[2];
    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
    if (re.comment)
        doc.comment = re.comment;
    doc.range = [offset, contentEnd, re.offset];
    return doc;
}

exports.composeDoc = composeDoc;


/***/ }),

/***/ 5937:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var composeCollection = __nccwpck_require__(7349);
var composeScalar = __nccwpck_require__(5413);
var resolveEnd = __nccwpck_require__(7788);
var utilEmptyScalarPosition = __nccwpck_require__(2599);

const CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
    const atKey = ctx.atKey;
    const { spaceBefore, comment, anchor, tag } = props;
    let node;
    let isSrcToken = true;
    switch (token.type) {
        case 'alias':
            node = composeAlias(ctx, token, onError);
            if (anchor || tag)
                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
            break;
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'block-scalar':
            node = composeScalar.composeScalar(ctx, token, tag, onError);
            if (anchor)
                node.anchor = anchor.source.substring(1);
            break;
        case 'block-map':
        case 'block-seq':
        case 'flow-collection':
            try {
                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
                if (anchor)
                    node.anchor = anchor.source.substring(1);
            }
            catch (error) {
                // Almost certainly here due to a stack overflow
                const message = error instanceof Error ? error.message : String(error);
                onError(token, 'RESOURCE_EXHAUSTION', message);
            }
            break;
        default: {
            const message = token.type === 'error'
                ? token.message
                : `Unsupported token (type: ${token.type})`;
            onError(token, 'UNEXPECTED_TOKEN', message);
            isSrcToken = false;
        }
    }
    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
    if (anchor && node.anchor === '')
        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    if (atKey &&
        ctx.options.stringKeys &&
        (!identity.isScalar(node) ||
            typeof node.value !== 'string' ||
            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
        const msg = 'With stringKeys, all keys must be strings';
        onError(tag ?? token, 'NON_STRING_KEY', msg);
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        if (token.type === 'scalar' && token.source === '')
            node.comment = comment;
        else
            node.commentBefore = comment;
    }
    // @ts-expect-error Type checking misses meaning of isSrcToken
    if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
    return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
    const token = {
        type: 'scalar',
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ''
    };
    const node = composeScalar.composeScalar(ctx, token, tag, onError);
    if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === '')
            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        node.comment = comment;
        node.range[2] = end;
    }
    return node;
}
function composeAlias({ options }, { offset, source, end }, onError) {
    const alias = new Alias.Alias(source.substring(1));
    if (alias.source === '')
        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
    if (alias.source.endsWith(':'))
        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
    alias.range = [offset, valueEnd, re.offset];
    if (re.comment)
        alias.comment = re.comment;
    return alias;
}

exports.composeEmptyNode = composeEmptyNode;
exports.composeNode = composeNode;


/***/ }),

/***/ 5413:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);

function composeScalar(ctx, token, tagToken, onError) {
    const { value, type, comment, range } = token.type === 'block-scalar'
        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
    const tagName = tagToken
        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
        : null;
    let tag;
    if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
    }
    else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
    else if (token.type === 'scalar')
        tag = findScalarTagByTest(ctx, value, token, onError);
    else
        tag = ctx.schema[identity.SCALAR];
    let scalar;
    try {
        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
    }
    catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
        scalar = new Scalar.Scalar(value);
    }
    scalar.range = range;
    scalar.source = value;
    if (type)
        scalar.type = type;
    if (tagName)
        scalar.tag = tagName;
    if (tag.format)
        scalar.format = tag.format;
    if (comment)
        scalar.comment = comment;
    return scalar;
}
function findScalarTagByName(schema, value, tagName, tagToken, onError) {
    if (tagName === '!')
        return schema[identity.SCALAR]; // non-specific tag
    const matchWithTest = [];
    for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
            if (tag.default && tag.test)
                matchWithTest.push(tag);
            else
                return tag;
        }
    }
    for (const tag of matchWithTest)
        if (tag.test?.test(value))
            return tag;
    const kt = schema.knownTags[tagName];
    if (kt && !kt.collection) {
        // Ensure that the known tag is available for stringifying,
        // but does not get used by default.
        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
        return kt;
    }
    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
    return schema[identity.SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
        tag.test?.test(value)) || schema[identity.SCALAR];
    if (schema.compat) {
        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
            schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
            const ts = directives.tagString(tag.tag);
            const cs = directives.tagString(compat.tag);
            const msg = `Value may be parsed as either ${ts} or ${cs}`;
            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
        }
    }
    return tag;
}

exports.composeScalar = composeScalar;


/***/ }),

/***/ 9984:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var directives = __nccwpck_require__(1342);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var identity = __nccwpck_require__(1127);
var composeDoc = __nccwpck_require__(3683);
var resolveEnd = __nccwpck_require__(7788);

function getErrorPos(src) {
    if (typeof src === 'number')
        return [src, src + 1];
    if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
    const { offset, source } = src;
    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
}
function parsePrelude(prelude) {
    let comment = '';
    let atComment = false;
    let afterEmptyLine = false;
    for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
            case '#':
                comment +=
                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
                        (source.substring(1) || ' ');
                atComment = true;
                afterEmptyLine = false;
                break;
            case '%':
                if (prelude[i + 1]?.[0] !== '#')
                    i += 1;
                atComment = false;
                break;
            default:
                // This may be wrong after doc-end, but in that case it doesn't matter
                if (!atComment)
                    afterEmptyLine = true;
                atComment = false;
        }
    }
    return { comment, afterEmptyLine };
}
/**
 * Compose a stream of CST nodes into a stream of YAML Documents.
 *
 * ```ts
 * import { Composer, Parser } from 'yaml'
 *
 * const src: string = ...
 * const tokens = new Parser().parse(src)
 * const docs = new Composer().compose(tokens)
 * ```
 */
class Composer {
    constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
            const pos = getErrorPos(source);
            if (warning)
                this.warnings.push(new errors.YAMLWarning(pos, code, message));
            else
                this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        this.directives = new directives.Directives({ version: options.version || '1.2' });
        this.options = options;
    }
    decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        //console.log({ dc: doc.comment, prelude, comment })
        if (comment) {
            const dc = doc.contents;
            if (afterDoc) {
                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
            }
            else if (afterEmptyLine || doc.directives.docStart || !dc) {
                doc.commentBefore = comment;
            }
            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
                let it = dc.items[0];
                if (identity.isPair(it))
                    it = it.key;
                const cb = it.commentBefore;
                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
            else {
                const cb = dc.commentBefore;
                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
        }
        if (afterDoc) {
            for (let i = 0; i < this.errors.length; ++i)
                doc.errors.push(this.errors[i]);
            for (let i = 0; i < this.warnings.length; ++i)
                doc.warnings.push(this.warnings[i]);
        }
        else {
            doc.errors = this.errors;
            doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
    }
    /**
     * Current stream status information.
     *
     * Mostly useful at the end of input for an empty stream.
     */
    streamInfo() {
        return {
            comment: parsePrelude(this.prelude).comment,
            directives: this.directives,
            errors: this.errors,
            warnings: this.warnings
        };
    }
    /**
     * Compose tokens into documents.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
            yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
    }
    /** Advance the composer by one CST token. */
    *next(token) {
        if (node_process.env.LOG_STREAM)
            console.dir(token, { depth: null });
        switch (token.type) {
            case 'directive':
                this.directives.add(token.source, (offset, message, warning) => {
                    const pos = getErrorPos(token);
                    pos[0] += offset;
                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
                });
                this.prelude.push(token.source);
                this.atDirectives = true;
                break;
            case 'document': {
                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
                if (this.atDirectives && !doc.directives.docStart)
                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
                this.decorate(doc, false);
                if (this.doc)
                    yield this.doc;
                this.doc = doc;
                this.atDirectives = false;
                break;
            }
            case 'byte-order-mark':
            case 'space':
                break;
            case 'comment':
            case 'newline':
                this.prelude.push(token.source);
                break;
            case 'error': {
                const msg = token.source
                    ? `${token.message}: ${JSON.stringify(token.source)}`
                    : token.message;
                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
                if (this.atDirectives || !this.doc)
                    this.errors.push(error);
                else
                    this.doc.errors.push(error);
                break;
            }
            case 'doc-end': {
                if (!this.doc) {
                    const msg = 'Unexpected doc-end without preceding document';
                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
                    break;
                }
                this.doc.directives.docEnd = true;
                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
                this.decorate(this.doc, true);
                if (end.comment) {
                    const dc = this.doc.comment;
                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
                }
                this.doc.range[2] = end.offset;
                break;
            }
            default:
                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
        }
    }
    /**
     * Call at end of input to yield any remaining document.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
            this.decorate(this.doc, true);
            yield this.doc;
            this.doc = null;
        }
        else if (forceDoc) {
            const opts = Object.assign({ _directives: this.directives }, this.options);
            const doc = new Document.Document(undefined, opts);
            if (this.atDirectives)
                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
            doc.range = [0, endOffset, endOffset];
            this.decorate(doc, false);
            yield doc;
        }
    }
}

exports.Composer = Composer;


/***/ }),

/***/ 7103:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilFlowIndentCheck = __nccwpck_require__(4051);
var utilMapIncludes = __nccwpck_require__(1187);

const startColMsg = 'All mapping items must start at the same column';
function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
    const map = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    let offset = bm.offset;
    let commentEnd = null;
    for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        // key properties
        const keyProps = resolveProps.resolveProps(start, {
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: bm.indent,
            startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
            if (key) {
                if (key.type === 'block-seq')
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
                else if ('indent' in key && key.indent !== bm.indent)
                    onError(offset, 'BAD_INDENT', startColMsg);
            }
            if (!keyProps.anchor && !keyProps.tag && !sep) {
                commentEnd = keyProps.end;
                if (keyProps.comment) {
                    if (map.comment)
                        map.comment += '\n' + keyProps.comment;
                    else
                        map.comment = keyProps.comment;
                }
                continue;
            }
            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
            }
        }
        else if (keyProps.found?.indent !== bm.indent) {
            onError(offset, 'BAD_INDENT', startColMsg);
        }
        // key value
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key
            ? composeNode(ctx, key, keyProps, onError)
            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
        // value properties
        const valueProps = resolveProps.resolveProps(sep ?? [], {
            indicator: 'map-value-ind',
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: bm.indent,
            startOnNewline: !key || key.type === 'block-scalar'
        });
        offset = valueProps.end;
        if (valueProps.found) {
            if (implicitKey) {
                if (value?.type === 'block-map' && !valueProps.hasNewline)
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
                if (ctx.options.strict &&
                    keyProps.start < valueProps.found.offset - 1024)
                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
            if (ctx.schema.compat)
                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
            offset = valueNode.range[2];
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
        else {
            // key with no value
            if (implicitKey)
                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
            if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
    }
    if (commentEnd && commentEnd < offset)
        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
    map.range = [bm.offset, offset, commentEnd ?? offset];
    return map;
}

exports.resolveBlockMap = resolveBlockMap;


/***/ }),

/***/ 8913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function resolveBlockScalar(ctx, scalar, onError) {
    const start = scalar.offset;
    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
    if (!header)
        return { value: '', type: null, comment: '', range: [start, start, start] };
    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
    const lines = scalar.source ? splitLines(scalar.source) : [];
    // determine the end of content & start of chomping
    let chompStart = lines.length;
    for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === '' || content === '\r')
            chompStart = i;
        else
            break;
    }
    // shortcut for empty contents
    if (chompStart === 0) {
        const value = header.chomp === '+' && lines.length > 0
            ? '\n'.repeat(Math.max(1, lines.length - 1))
            : '';
        let end = start + header.length;
        if (scalar.source)
            end += scalar.source.length;
        return { value, type, comment: header.comment, range: [start, end, end] };
    }
    // find the indentation level to trim from start
    let trimIndent = scalar.indent + header.indent;
    let offset = scalar.offset + header.length;
    let contentStart = 0;
    for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === '' || content === '\r') {
            if (header.indent === 0 && indent.length > trimIndent)
                trimIndent = indent.length;
        }
        else {
            if (indent.length < trimIndent) {
                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
                onError(offset + indent.length, 'MISSING_CHAR', message);
            }
            if (header.indent === 0)
                trimIndent = indent.length;
            contentStart = i;
            if (trimIndent === 0 && !ctx.atRoot) {
                const message = 'Block scalar values in collections must be indented';
                onError(offset, 'BAD_INDENT', message);
            }
            break;
        }
        offset += indent.length + content.length + 1;
    }
    // include trailing more-indented empty lines in content
    for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
            chompStart = i + 1;
    }
    let value = '';
    let sep = '';
    let prevMoreIndented = false;
    // leading whitespace is kept intact
    for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + '\n';
    for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === '\r';
        if (crlf)
            content = content.slice(0, -1);
        /* istanbul ignore if already caught in lexer */
        if (content && indent.length < trimIndent) {
            const src = header.indent
                ? 'explicit indentation indicator'
                : 'first line';
            const message = `Block scalar lines must not be less indented than their ${src}`;
            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
            indent = '';
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
        }
        else if (indent.length > trimIndent || content[0] === '\t') {
            // more-indented content within a folded block
            if (sep === ' ')
                sep = '\n';
            else if (!prevMoreIndented && sep === '\n')
                sep = '\n\n';
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
            prevMoreIndented = true;
        }
        else if (content === '') {
            // empty line
            if (sep === '\n')
                value += '\n';
            else
                sep = '\n';
        }
        else {
            value += sep + content;
            sep = ' ';
            prevMoreIndented = false;
        }
    }
    switch (header.chomp) {
        case '-':
            break;
        case '+':
            for (let i = chompStart; i < lines.length; ++i)
                value += '\n' + lines[i][0].slice(trimIndent);
            if (value[value.length - 1] !== '\n')
                value += '\n';
            break;
        default:
            value += '\n';
    }
    const end = start + header.length + scalar.source.length;
    return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
    /* istanbul ignore if should not happen */
    if (props[0].type !== 'block-scalar-header') {
        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
        return null;
    }
    const { source } = props[0];
    const mode = source[0];
    let indent = 0;
    let chomp = '';
    let error = -1;
    for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === '-' || ch === '+'))
            chomp = ch;
        else {
            const n = Number(ch);
            if (!indent && n)
                indent = n;
            else if (error === -1)
                error = offset + i;
        }
    }
    if (error !== -1)
        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
    let hasSpace = false;
    let comment = '';
    let length = source.length;
    for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
            case 'space':
                hasSpace = true;
            // fallthrough
            case 'newline':
                length += token.source.length;
                break;
            case 'comment':
                if (strict && !hasSpace) {
                    const message = 'Comments must be separated from other tokens by white space characters';
                    onError(token, 'MISSING_CHAR', message);
                }
                length += token.source.length;
                comment = token.source.substring(1);
                break;
            case 'error':
                onError(token, 'UNEXPECTED_TOKEN', token.message);
                length += token.source.length;
                break;
            /* istanbul ignore next should not happen */
            default: {
                const message = `Unexpected token in block scalar header: ${token.type}`;
                onError(token, 'UNEXPECTED_TOKEN', message);
                const ts = token.source;
                if (ts && typeof ts === 'string')
                    length += ts.length;
            }
        }
    }
    return { mode, indent, chomp, comment, length };
}
/** @returns Array of lines split up as `[indent, content]` */
function splitLines(source) {
    const split = source.split(/\n( *)/);
    const first = split[0];
    const m = first.match(/^( *)/);
    const line0 = m?.[1]
        ? [m[1], first.slice(m[1].length)]
        : ['', first];
    const lines = [line0];
    for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
    return lines;
}

exports.resolveBlockScalar = resolveBlockScalar;


/***/ }),

/***/ 334:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var YAMLSeq = __nccwpck_require__(2223);
var resolveProps = __nccwpck_require__(4631);
var utilFlowIndentCheck = __nccwpck_require__(4051);

function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
    const seq = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = bs.offset;
    let commentEnd = null;
    for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
            indicator: 'seq-item-ind',
            next: value,
            offset,
            onError,
            parentIndent: bs.indent,
            startOnNewline: true
        });
        if (!props.found) {
            if (props.anchor || props.tag || value) {
                if (value?.type === 'block-seq')
                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
                else
                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
            }
            else {
                commentEnd = props.end;
                if (props.comment)
                    seq.comment = props.comment;
                continue;
            }
        }
        const node = value
            ? composeNode(ctx, value, props, onError)
            : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
    }
    seq.range = [bs.offset, offset, commentEnd ?? offset];
    return seq;
}

exports.resolveBlockSeq = resolveBlockSeq;


/***/ }),

/***/ 7788:
/***/ ((__unused_webpack_module, exports) => {



function resolveEnd(end, offset, reqSpace, onError) {
    let comment = '';
    if (end) {
        let hasSpace = false;
        let sep = '';
        for (const token of end) {
            const { source, type } = token;
            switch (type) {
                case 'space':
                    hasSpace = true;
                    break;
                case 'comment': {
                    if (reqSpace && !hasSpace)
                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                    const cb = source.substring(1) || ' ';
                    if (!comment)
                        comment = cb;
                    else
                        comment += sep + cb;
                    sep = '';
                    break;
                }
                case 'newline':
                    if (comment)
                        sep += source;
                    hasSpace = true;
                    break;
                default:
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
            }
            offset += source.length;
        }
    }
    return { comment, offset };
}

exports.resolveEnd = resolveEnd;


/***/ }),

/***/ 3142:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilMapIncludes = __nccwpck_require__(1187);

const blockMsg = 'Block collections are not allowed within flow collections';
const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
    const isMap = fc.start.source === '{';
    const fcName = isMap ? 'flow map' : 'flow sequence';
    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
    const coll = new NodeClass(ctx.schema);
    coll.flow = true;
    const atRoot = ctx.atRoot;
    if (atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = fc.offset + fc.start.source.length;
    for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
            flow: fcName,
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
        });
        if (!props.found) {
            if (!props.anchor && !props.tag && !sep && !value) {
                if (i === 0 && props.comma)
                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
                else if (i < fc.items.length - 1)
                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
                if (props.comment) {
                    if (coll.comment)
                        coll.comment += '\n' + props.comment;
                    else
                        coll.comment = props.comment;
                }
                offset = props.end;
                continue;
            }
            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
                onError(key, // checked by containsNewline()
                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
        }
        if (i === 0) {
            if (props.comma)
                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
        }
        else {
            if (!props.comma)
                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
            if (props.comment) {
                let prevItemComment = '';
                loop: for (const st of start) {
                    switch (st.type) {
                        case 'comma':
                        case 'space':
                            break;
                        case 'comment':
                            prevItemComment = st.source.substring(1);
                            break loop;
                        default:
                            break loop;
                    }
                }
                if (prevItemComment) {
                    let prev = coll.items[coll.items.length - 1];
                    if (identity.isPair(prev))
                        prev = prev.value ?? prev.key;
                    if (prev.comment)
                        prev.comment += '\n' + prevItemComment;
                    else
                        prev.comment = prevItemComment;
                    props.comment = props.comment.substring(prevItemComment.length + 1);
                }
            }
        }
        if (!isMap && !sep && !props.found) {
            // item is a value in a seq
            // \u2192 key & sep are empty, start does not include ? or :
            const valueNode = value
                ? composeNode(ctx, value, props, onError)
                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
            coll.items.push(valueNode);
            offset = valueNode.range[2];
            if (isBlock(value))
                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
        }
        else {
            // item is a key+value pair
            // key value
            ctx.atKey = true;
            const keyStart = props.end;
            const keyNode = key
                ? composeNode(ctx, key, props, onError)
                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
            if (isBlock(key))
                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
            ctx.atKey = false;
            // value properties
            const valueProps = resolveProps.resolveProps(sep ?? [], {
                flow: fcName,
                indicator: 'map-value-ind',
                next: value,
                offset: keyNode.range[2],
                onError,
                parentIndent: fc.indent,
                startOnNewline: false
            });
            if (valueProps.found) {
                if (!isMap && !props.found && ctx.options.strict) {
                    if (sep)
                        for (const st of sep) {
                            if (st === valueProps.found)
                                break;
                            if (st.type === 'newline') {
                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
                                break;
                            }
                        }
                    if (props.start < valueProps.found.offset - 1024)
                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
                }
            }
            else if (value) {
                if ('source' in value && value.source?.[0] === ':')
                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
                else
                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : valueProps.found
                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
                    : null;
            if (valueNode) {
                if (isBlock(value))
                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
            }
            else if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            if (isMap) {
                const map = coll;
                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
                map.items.push(pair);
            }
            else {
                const map = new YAMLMap.YAMLMap(ctx.schema);
                map.flow = true;
                map.items.push(pair);
                const endRange = (valueNode ?? keyNode).range;
                map.range = [keyNode.range[0], endRange[1], endRange[2]];
                coll.items.push(map);
            }
            offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
    }
    const expectedEnd = isMap ? '}' : ']';
    const [ce, ...ee] = fc.end;
    let cePos = offset;
    if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
    else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot
            ? `${name} must end with a ${expectedEnd}`
            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
        if (ce && ce.source.length !== 1)
            ee.unshift(ce);
    }
    if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
            if (coll.comment)
                coll.comment += '\n' + end.comment;
            else
                coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
    }
    else {
        coll.range = [fc.offset, cePos, cePos];
    }
    return coll;
}

exports.resolveFlowCollection = resolveFlowCollection;


/***/ }),

/***/ 6842:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var resolveEnd = __nccwpck_require__(7788);

function resolveFlowScalar(scalar, strict, onError) {
    const { offset, type, source, end } = scalar;
    let _type;
    let value;
    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
    switch (type) {
        case 'scalar':
            _type = Scalar.Scalar.PLAIN;
            value = plainValue(source, _onError);
            break;
        case 'single-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_SINGLE;
            value = singleQuotedValue(source, _onError);
            break;
        case 'double-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_DOUBLE;
            value = doubleQuotedValue(source, _onError);
            break;
        /* istanbul ignore next should not happen */
        default:
            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
            return {
                value: '',
                type: null,
                comment: '',
                range: [offset, offset + source.length, offset + source.length]
            };
    }
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
    return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
    };
}
function plainValue(source, onError) {
    let badChar = '';
    switch (source[0]) {
        /* istanbul ignore next should not happen */
        case '\t':
            badChar = 'a tab character';
            break;
        case ',':
            badChar = 'flow indicator character ,';
            break;
        case '%':
            badChar = 'directive indicator character %';
            break;
        case '|':
        case '>': {
            badChar = `block scalar indicator ${source[0]}`;
            break;
        }
        case '@':
        case '`': {
            badChar = `reserved character ${source[0]}`;
            break;
        }
    }
    if (badChar)
        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
    return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
    if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
    const line = /(.*?)\r?\n/sy;
    let match = line.exec(source);
    if (!match)
        return source;
    /**
     * The negative lookbehinds in these RegExps are to
     * prevent causing a polynomial search time in certain cases.
     *
     * The try-catch is for Safari < 16.4 and other old browsers:
     * https://caniuse.com/js-regexp-lookbehind
     */
    let trimEnd, trimBoth;
    try {
        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
    }
    catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
    }
    let res = match[1].replace(trimEnd, '');
    let sep = ' ';
    let pos = line.lastIndex;
    while ((match = line.exec(source))) {
        const lm = match[1].replace(trimBoth, '');
        if (lm === '') {
            if (sep === '\n')
                res += sep;
            else
                sep = '\n';
        }
        else {
            res += sep + lm;
            sep = ' ';
        }
        pos = line.lastIndex;
    }
    const last = /[ \t]*(.*)/sy;
    last.lastIndex = pos;
    match = last.exec(source);
    return res + sep + (match?.[1] ?? '');
}
function doubleQuotedValue(source, onError) {
    let res = '';
    for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === '\r' && source[i + 1] === '\n')
            continue;
        if (ch === '\n') {
            const { fold, offset } = foldNewline(source, i);
            res += fold;
            i = offset;
        }
        else if (ch === '\\') {
            let next = source[++i];
            const cc = escapeCodes[next];
            if (cc)
                res += cc;
            else if (next === '\n') {
                // skip escaped newlines, but still trim the following line
                next = source[i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === '\r' && source[i + 1] === '\n') {
                // skip escaped CRLF newlines, but still trim the following line
                next = source[++i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === 'x' || next === 'u' || next === 'U') {
                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
                res += parseCharCode(source, i + 1, length, onError);
                i += length;
            }
            else {
                const raw = source.substr(i - 1, 2);
                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
                res += raw;
            }
        }
        else if (ch === ' ' || ch === '\t') {
            // trim trailing whitespace
            const wsStart = i;
            let next = source[i + 1];
            while (next === ' ' || next === '\t')
                next = source[++i + 1];
            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        }
        else {
            res += ch;
        }
    }
    if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
    return res;
}
/**
 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
 * Presumes `source[offset] === '\n'`
 */
function foldNewline(source, offset) {
    let fold = '';
    let ch = source[offset + 1];
    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        if (ch === '\r' && source[offset + 2] !== '\n')
            break;
        if (ch === '\n')
            fold += '\n';
        offset += 1;
        ch = source[offset + 1];
    }
    if (!fold)
        fold = ' ';
    return { fold, offset };
}
const escapeCodes = {
    '0': '\0', // null character
    a: '\x07', // bell character
    b: '\b', // backspace
    e: '\x1b', // escape character
    f: '\f', // form feed
    n: '\n', // line feed
    r: '\r', // carriage return
    t: '\t', // horizontal tab
    v: '\v', // vertical tab
    N: '\u0085', // Unicode next line
    _: '\u00a0', // Unicode non-breaking space
    L: '\u2028', // Unicode line separator
    P: '\u2029', // Unicode paragraph separator
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    '\t': '\t'
};
function parseCharCode(source, offset, length, onError) {
    const cc = source.substr(offset, length);
    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
    const code = ok ? parseInt(cc, 16) : NaN;
    try {
        return String.fromCodePoint(code);
    }
    catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
        return raw;
    }
}

exports.resolveFlowScalar = resolveFlowScalar;


/***/ }),

/***/ 4631:
/***/ ((__unused_webpack_module, exports) => {



function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
    let spaceBefore = false;
    let atNewline = startOnNewline;
    let hasSpace = startOnNewline;
    let comment = '';
    let commentSep = '';
    let hasNewline = false;
    let reqSpace = false;
    let tab = null;
    let anchor = null;
    let tag = null;
    let newlineAfterProp = null;
    let comma = null;
    let found = null;
    let start = null;
    for (const token of tokens) {
        if (reqSpace) {
            if (token.type !== 'space' &&
                token.type !== 'newline' &&
                token.type !== 'comma')
                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
            reqSpace = false;
        }
        if (tab) {
            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
            }
            tab = null;
        }
        switch (token.type) {
            case 'space':
                // At the doc level, tabs at line start may be parsed
                // as leading white space rather than indentation.
                // In a flow collection, only the parser handles indent.
                if (!flow &&
                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
                    token.source.includes('\t')) {
                    tab = token;
                }
                hasSpace = true;
                break;
            case 'comment': {
                if (!hasSpace)
                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                const cb = token.source.substring(1) || ' ';
                if (!comment)
                    comment = cb;
                else
                    comment += commentSep + cb;
                commentSep = '';
                atNewline = false;
                break;
            }
            case 'newline':
                if (atNewline) {
                    if (comment)
                        comment += token.source;
                    else if (!found || indicator !== 'seq-item-ind')
                        spaceBefore = true;
                }
                else
                    commentSep += token.source;
                atNewline = true;
                hasNewline = true;
                if (anchor || tag)
                    newlineAfterProp = token;
                hasSpace = true;
                break;
            case 'anchor':
                if (anchor)
                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
                if (token.source.endsWith(':'))
                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
                anchor = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            case 'tag': {
                if (tag)
                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
                tag = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            }
            case indicator:
                // Could here handle preceding comments differently
                if (anchor || tag)
                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
                if (found)
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
                found = token;
                atNewline =
                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
                hasSpace = false;
                break;
            case 'comma':
                if (flow) {
                    if (comma)
                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
                    comma = token;
                    atNewline = false;
                    hasSpace = false;
                    break;
                }
            // else fallthrough
            default:
                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
                atNewline = false;
                hasSpace = false;
        }
    }
    const last = tokens[tokens.length - 1];
    const end = last ? last.offset + last.source.length : offset;
    if (reqSpace &&
        next &&
        next.type !== 'space' &&
        next.type !== 'newline' &&
        next.type !== 'comma' &&
        (next.type !== 'scalar' || next.source !== '')) {
        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
    }
    if (tab &&
        ((atNewline && tab.indent <= parentIndent) ||
            next?.type === 'block-map' ||
            next?.type === 'block-seq'))
        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
    return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
    };
}

exports.resolveProps = resolveProps;


/***/ }),

/***/ 9499:
/***/ ((__unused_webpack_module, exports) => {



function containsNewline(key) {
    if (!key)
        return null;
    switch (key.type) {
        case 'alias':
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            if (key.source.includes('\n'))
                return true;
            if (key.end)
                for (const st of key.end)
                    if (st.type === 'newline')
                        return true;
            return false;
        case 'flow-collection':
            for (const it of key.items) {
                for (const st of it.start)
                    if (st.type === 'newline')
                        return true;
                if (it.sep)
                    for (const st of it.sep)
                        if (st.type === 'newline')
                            return true;
                if (containsNewline(it.key) || containsNewline(it.value))
                    return true;
            }
            return false;
        default:
            return true;
    }
}

exports.containsNewline = containsNewline;


/***/ }),

/***/ 2599:
/***/ ((__unused_webpack_module, exports) => {



function emptyScalarPosition(offset, before, pos) {
    if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
            let st = before[i];
            switch (st.type) {
                case 'space':
                case 'comment':
                case 'newline':
                    offset -= st.source.length;
                    continue;
            }
            // Technically, an empty scalar is immediately after the last non-empty
            // node, but it's more useful to place it after any whitespace.
            st = before[++i];
            while (st?.type === 'space') {
                offset += st.source.length;
                st = before[++i];
            }
            break;
        }
    }
    return offset;
}

exports.emptyScalarPosition = emptyScalarPosition;


/***/ }),

/***/ 4051:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var utilContainsNewline = __nccwpck_require__(9499);

function flowIndentCheck(indent, fc, onError) {
    if (fc?.type === 'flow-collection') {
        const end = fc.end[0];
        if (end.indent === indent &&
            (end.source === ']' || end.source === '}') &&
            utilContainsNewline.containsNewline(fc)) {
            const msg = 'Flow end indicator should be more indented than parent';
            onError(end, 'BAD_INDENT', msg, true);
        }
    }
}

exports.flowIndentCheck = flowIndentCheck;


/***/ }),

/***/ 1187:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

function mapIncludes(ctx, items, search) {
    const { uniqueKeys } = ctx.options;
    if (uniqueKeys === false)
        return false;
    const isEqual = typeof uniqueKeys === 'function'
        ? uniqueKeys
        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
    return items.some(pair => isEqual(pair.key, search));
}

exports.mapIncludes = mapIncludes;


/***/ }),

/***/ 3021:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var toJS = __nccwpck_require__(4043);
var Schema = __nccwpck_require__(5840);
var stringifyDocument = __nccwpck_require__(6829);
var anchors = __nccwpck_require__(1596);
var applyReviver = __nccwpck_require__(3661);
var createNode = __nccwpck_require__(2404);
var directives = __nccwpck_require__(1342);

class Document {
    constructor(value, replacer, options) {
        /** A comment before this Document */
        this.commentBefore = null;
        /** A comment immediately after this Document */
        this.comment = null;
        /** Errors encountered during parsing. */
        this.errors = [];
        /** Warnings encountered during parsing. */
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === 'function' || Array.isArray(replacer)) {
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const opt = Object.assign({
            intAsBigInt: false,
            keepSourceTokens: false,
            logLevel: 'warn',
            prettyErrors: true,
            strict: true,
            stringKeys: false,
            uniqueKeys: true,
            version: '1.2'
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
            this.directives = options._directives.atDocument();
            if (this.directives.yaml.explicit)
                version = this.directives.yaml.version;
        }
        else
            this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        // @ts-expect-error We can't really know that this matches Contents.
        this.contents =
            value === undefined ? null : this.createNode(value, _replacer, options);
    }
    /**
     * Create a deep copy of this Document and its contents.
     *
     * Custom Node values that inherit from `Object` still refer to their original instances.
     */
    clone() {
        const copy = Object.create(Document.prototype, {
            [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
            copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        // @ts-expect-error We can't really know that this matches Contents.
        copy.contents = identity.isNode(this.contents)
            ? this.contents.clone(copy.schema)
            : this.contents;
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** Adds a value to the document. */
    add(value) {
        if (assertCollection(this.contents))
            this.contents.add(value);
    }
    /** Adds a value to the document. */
    addIn(path, value) {
        if (assertCollection(this.contents))
            this.contents.addIn(path, value);
    }
    /**
     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
     *
     * If `node` already has an anchor, `name` is ignored.
     * Otherwise, the `node.anchor` value will be set to `name`,
     * or if an anchor with that name is already present in the document,
     * `name` will be used as a prefix for a new unique anchor.
     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
     */
    createAlias(node, name) {
        if (!node.anchor) {
            const prev = anchors.anchorNames(this);
            node.anchor =
                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
        }
        return new Alias.Alias(node.anchor);
    }
    createNode(value, replacer, options) {
        let _replacer = undefined;
        if (typeof replacer === 'function') {
            value = replacer.call({ '': value }, '', value);
            _replacer = replacer;
        }
        else if (Array.isArray(replacer)) {
            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
            const asStr = replacer.filter(keyToStr).map(String);
            if (asStr.length > 0)
                replacer = replacer.concat(asStr);
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        anchorPrefix || 'a');
        const ctx = {
            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
            keepUndefined: keepUndefined ?? false,
            onAnchor,
            onTagObj,
            replacer: _replacer,
            schema: this.schema,
            sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
            node.flow = true;
        setAnchors();
        return node;
    }
    /**
     * Convert a key and a value into a `Pair` using the current schema,
     * recursively wrapping all values as `Scalar` or `Collection` nodes.
     */
    createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
            if (this.contents == null)
                return false;
            // @ts-expect-error Presumed impossible if Strict extends false
            this.contents = null;
            return true;
        }
        return assertCollection(this.contents)
            ? this.contents.deleteIn(path)
            : false;
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    get(key, keepScalar) {
        return identity.isCollection(this.contents)
            ? this.contents.get(key, keepScalar)
            : undefined;
    }
    /**
     * Returns item at `path`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
            return !keepScalar && identity.isScalar(this.contents)
                ? this.contents.value
                : this.contents;
        return identity.isCollection(this.contents)
            ? this.contents.getIn(path, keepScalar)
            : undefined;
    }
    /**
     * Checks if the document includes a value with the key `key`.
     */
    has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
    }
    /**
     * Checks if the document includes a value at `path`.
     */
    hasIn(path) {
        if (Collection.isEmptyPath(path))
            return this.contents !== undefined;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    set(key, value) {
        if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, [key], value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.set(key, value);
        }
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = value;
        }
        else if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.setIn(path, value);
        }
    }
    /**
     * Change the YAML version and schema used by the document.
     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
     * It also requires the `schema` option to be given as a `Schema` instance value.
     *
     * Overrides all previously set schema options.
     */
    setSchema(version, options = {}) {
        if (typeof version === 'number')
            version = String(version);
        let opt;
        switch (version) {
            case '1.1':
                if (this.directives)
                    this.directives.yaml.version = '1.1';
                else
                    this.directives = new directives.Directives({ version: '1.1' });
                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
                break;
            case '1.2':
            case 'next':
                if (this.directives)
                    this.directives.yaml.version = version;
                else
                    this.directives = new directives.Directives({ version });
                opt = { resolveKnownTags: true, schema: 'core' };
                break;
            case null:
                if (this.directives)
                    delete this.directives;
                opt = null;
                break;
            default: {
                const sv = JSON.stringify(version);
                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
            }
        }
        // Not using `instanceof Schema` to allow for duck typing
        if (options.schema instanceof Object)
            this.schema = options.schema;
        else if (opt)
            this.schema = new Schema.Schema(Object.assign(opt, options));
        else
            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
    }
    // json & jsonArg are only used from toJSON()
    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
            anchors: new Map(),
            doc: this,
            keep: !json,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
    /**
     * A JSON representation of the document `contents`.
     *
     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
     *   property name.
     */
    toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
    }
    /** A YAML representation of the document. */
    toString(options = {}) {
        if (this.errors.length > 0)
            throw new Error('Document with errors cannot be stringified');
        if ('indent' in options &&
            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
            const s = JSON.stringify(options.indent);
            throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
    }
}
function assertCollection(contents) {
    if (identity.isCollection(contents))
        return true;
    throw new Error('Expected a YAML collection as document contents');
}

exports.Document = Document;


/***/ }),

/***/ 1596:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

/**
 * Verify that the input string is a valid anchor.
 *
 * Will throw on errors.
 */
function anchorIsValid(anchor) {
    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
    }
    return true;
}
function anchorNames(root) {
    const anchors = new Set();
    visit.visit(root, {
        Value(_key, node) {
            if (node.anchor)
                anchors.add(node.anchor);
        }
    });
    return anchors;
}
/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
function findNewAnchor(prefix, exclude) {
    for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
            return name;
    }
}
function createNodeAnchors(doc, prefix) {
    const aliasObjects = [];
    const sourceObjects = new Map();
    let prevAnchors = null;
    return {
        onAnchor: (source) => {
            aliasObjects.push(source);
            prevAnchors ?? (prevAnchors = anchorNames(doc));
            const anchor = findNewAnchor(prefix, prevAnchors);
            prevAnchors.add(anchor);
            return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
            for (const source of aliasObjects) {
                const ref = sourceObjects.get(source);
                if (typeof ref === 'object' &&
                    ref.anchor &&
                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
                    ref.node.anchor = ref.anchor;
                }
                else {
                    const error = new Error('Failed to resolve repeated object (this should not happen)');
                    error.source = source;
                    throw error;
                }
            }
        },
        sourceObjects
    };
}

exports.anchorIsValid = anchorIsValid;
exports.anchorNames = anchorNames;
exports.createNodeAnchors = createNodeAnchors;
exports.findNewAnchor = findNewAnchor;


/***/ }),

/***/ 3661:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
 *
 * Includes extensions for handling Map and Set objects.
 */
function applyReviver(reviver, obj, key, val) {
    if (val && typeof val === 'object') {
        if (Array.isArray(val)) {
            for (let i = 0, len = val.length; i < len; ++i) {
                const v0 = val[i];
                const v1 = applyReviver(reviver, val, String(i), v0);
                // eslint-disable-next-line @typescript-eslint/no-array-delete
                if (v1 === undefined)
                    delete val[i];
                else if (v1 !== v0)
                    val[i] = v1;
            }
        }
        else if (val instanceof Map) {
            for (const k of Array.from(val.keys())) {
                const v0 = val.get(k);
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    val.delete(k);
                else if (v1 !== v0)
                    val.set(k, v1);
            }
        }
        else if (val instanceof Set) {
            for (const v0 of Array.from(val)) {
                const v1 = applyReviver(reviver, val, v0, v0);
                if (v1 === undefined)
                    val.delete(v0);
                else if (v1 !== v0) {
                    val.delete(v0);
                    val.add(v1);
                }
            }
        }
        else {
            for (const [k, v0] of Object.entries(val)) {
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    delete val[k];
                else if (v1 !== v0)
                    val[k] = v1;
            }
        }
    }
    return reviver.call(obj, key, val);
}

exports.applyReviver = applyReviver;


/***/ }),

/***/ 2404:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

const defaultTagPrefix = 'tag:yaml.org,2002:';
function findTagObject(value, tagName, tags) {
    if (tagName) {
        const match = tags.filter(t => t.tag === tagName);
        const tagObj = match.find(t => !t.format) ?? match[0];
        if (!tagObj)
            throw new Error(`Tag ${tagName} not found`);
        return tagObj;
    }
    return tags.find(t => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
    if (identity.isDocument(value))
        value = value.contents;
    if (identity.isNode(value))
        return value;
    if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
    }
    if (value instanceof String ||
        value instanceof Number ||
        value instanceof Boolean ||
        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
    ) {
        // https://tc39.es/ecma262/#sec-serializejsonproperty
        value = value.valueOf();
    }
    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
    // Detect duplicate references to the same object & use Alias nodes for all
    // after first. The `ref` wrapper allows for circular references to resolve.
    let ref = undefined;
    if (aliasDuplicateObjects && value && typeof value === 'object') {
        ref = sourceObjects.get(value);
        if (ref) {
            ref.anchor ?? (ref.anchor = onAnchor(value));
            return new Alias.Alias(ref.anchor);
        }
        else {
            ref = { anchor: null, node: null };
            sourceObjects.set(value, ref);
        }
    }
    if (tagName?.startsWith('!!'))
        tagName = defaultTagPrefix + tagName.slice(2);
    let tagObj = findTagObject(value, tagName, schema.tags);
    if (!tagObj) {
        if (value && typeof value.toJSON === 'function') {
            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
            value = value.toJSON();
        }
        if (!value || typeof value !== 'object') {
            const node = new Scalar.Scalar(value);
            if (ref)
                ref.node = node;
            return node;
        }
        tagObj =
            value instanceof Map
                ? schema[identity.MAP]
                : Symbol.iterator in Object(value)
                    ? schema[identity.SEQ]
                    : schema[identity.MAP];
    }
    if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
    }
    const node = tagObj?.createNode
        ? tagObj.createNode(ctx.schema, value, ctx)
        : typeof tagObj?.nodeClass?.from === 'function'
            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
            : new Scalar.Scalar(value);
    if (tagName)
        node.tag = tagName;
    else if (!tagObj.default)
        node.tag = tagObj.tag;
    if (ref)
        ref.node = node;
    return node;
}

exports.createNode = createNode;


/***/ }),

/***/ 1342:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

const escapeChars = {
    '!': '%21',
    ',': '%2C',
    '[': '%5B',
    ']': '%5D',
    '{': '%7B',
    '}': '%7D'
};
const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
class Directives {
    constructor(yaml, tags) {
        /**
         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
         * included in the document's stringified representation.
         */
        this.docStart = null;
        /** The doc-end marker `...`.  */
        this.docEnd = false;
        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, Directives.defaultTags, tags);
    }
    clone() {
        const copy = new Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
    }
    /**
     * During parsing, get a Directives instance for the current document and
     * update the stream state according to the current version's spec.
     */
    atDocument() {
        const res = new Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
            case '1.1':
                this.atNextDocument = true;
                break;
            case '1.2':
                this.atNextDocument = false;
                this.yaml = {
                    explicit: Directives.defaultYaml.explicit,
                    version: '1.2'
                };
                this.tags = Object.assign({}, Directives.defaultTags);
                break;
        }
        return res;
    }
    /**
     * @param onError - May be called even if the action was successful
     * @returns `true` on success
     */
    add(line, onError) {
        if (this.atNextDocument) {
            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
            this.tags = Object.assign({}, Directives.defaultTags);
            this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
            case '%TAG': {
                if (parts.length !== 2) {
                    onError(0, '%TAG directive should contain exactly two parts');
                    if (parts.length < 2)
                        return false;
                }
                const [handle, prefix] = parts;
                this.tags[handle] = prefix;
                return true;
            }
            case '%YAML': {
                this.yaml.explicit = true;
                if (parts.length !== 1) {
                    onError(0, '%YAML directive should contain exactly one part');
                    return false;
                }
                const [version] = parts;
                if (version === '1.1' || version === '1.2') {
                    this.yaml.version = version;
                    return true;
                }
                else {
                    const isValid = /^\d+\.\d+$/.test(version);
                    onError(6, `Unsupported YAML version ${version}`, isValid);
                    return false;
                }
            }
            default:
                onError(0, `Unknown directive ${name}`, true);
                return false;
        }
    }
    /**
     * Resolves a tag, matching handles to those defined in %TAG directives.
     *
     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
     *   `'!local'` tag, or `null` if unresolvable.
     */
    tagName(source, onError) {
        if (source === '!')
            return '!'; // non-specific tag
        if (source[0] !== '!') {
            onError(`Not a valid tag: ${source}`);
            return null;
        }
        if (source[1] === '<') {
            const verbatim = source.slice(2, -1);
            if (verbatim === '!' || verbatim === '!!') {
                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
                return null;
            }
            if (source[source.length - 1] !== '>')
                onError('Verbatim tags must end with a >');
            return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
            onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
            try {
                return prefix + decodeURIComponent(suffix);
            }
            catch (error) {
                onError(String(error));
                return null;
            }
        }
        if (handle === '!')
            return source; // local tag
        onError(`Could not resolve tag: ${source}`);
        return null;
    }
    /**
     * Given a fully resolved tag, returns its printable string form,
     * taking into account current tag prefixes and defaults.
     */
    tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
            if (tag.startsWith(prefix))
                return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === '!' ? tag : `!<${tag}>`;
    }
    toString(doc) {
        const lines = this.yaml.explicit
            ? [`%YAML ${this.yaml.version || '1.2'}`]
            : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
            const tags = {};
            visit.visit(doc.contents, (_key, node) => {
                if (identity.isNode(node) && node.tag)
                    tags[node.tag] = true;
            });
            tagNames = Object.keys(tags);
        }
        else
            tagNames = [];
        for (const [handle, prefix] of tagEntries) {
            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
                continue;
            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
                lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join('\n');
    }
}
Directives.defaultYaml = { explicit: false, version: '1.2' };
Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

exports.Directives = Directives;


/***/ }),

/***/ 1464:
/***/ ((__unused_webpack_module, exports) => {



class YAMLError extends Error {
    constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
    }
}
class YAMLParseError extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLParseError', pos, code, message);
    }
}
class YAMLWarning extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLWarning', pos, code, message);
    }
}
const prettifyError = (src, lc) => (error) => {
    if (error.pos[0] === -1)
        return;
    error.linePos = error.pos.map(pos => lc.linePos(pos));
    const { line, col } = error.linePos[0];
    error.message += ` at line ${line}, column ${col}`;
    let ci = col - 1;
    let lineStr = src
        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
        .replace(/[\n\r]+$/, '');
    // Trim to max 80 chars, keeping col position near the middle
    if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = '\u2026' + lineStr.substring(trimStart);
        ci -= trimStart - 1;
    }
    if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + '\u2026';
    // Include previous line in context if pointing at line start
    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        // Regexp won't match if start is trimmed
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
            prev = prev.substring(0, 79) + '\u2026\n';
        lineStr = prev + lineStr;
    }
    if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
            count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = ' '.repeat(ci) + '^'.repeat(count);
        error.message += `:\n\n${lineStr}\n${pointer}\n`;
    }
};

exports.YAMLError = YAMLError;
exports.YAMLParseError = YAMLParseError;
exports.YAMLWarning = YAMLWarning;
exports.prettifyError = prettifyError;


/***/ }),

/***/ 8815:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var Schema = __nccwpck_require__(5840);
var errors = __nccwpck_require__(1464);
var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);
var publicApi = __nccwpck_require__(4047);
var visit = __nccwpck_require__(204);



exports.Composer = composer.Composer;
exports.Document = Document.Document;
exports.Schema = Schema.Schema;
exports.YAMLError = errors.YAMLError;
exports.YAMLParseError = errors.YAMLParseError;
exports.YAMLWarning = errors.YAMLWarning;
exports.Alias = Alias.Alias;
exports.isAlias = identity.isAlias;
exports.isCollection = identity.isCollection;
exports.isDocument = identity.isDocument;
exports.isMap = identity.isMap;
exports.isNode = identity.isNode;
exports.isPair = identity.isPair;
exports.isScalar = identity.isScalar;
exports.isSeq = identity.isSeq;
exports.Pair = Pair.Pair;
exports.Scalar = Scalar.Scalar;
exports.YAMLMap = YAMLMap.YAMLMap;
exports.YAMLSeq = YAMLSeq.YAMLSeq;
exports.CST = cst;
exports.Lexer = lexer.Lexer;
exports.LineCounter = lineCounter.LineCounter;
exports.Parser = parser.Parser;
exports.parse = publicApi.parse;
exports.parseAllDocuments = publicApi.parseAllDocuments;
exports.parseDocument = publicApi.parseDocument;
exports.stringify = publicApi.stringify;
exports.visit = visit.visit;
exports.visitAsync = visit.visitAsync;


/***/ }),

/***/ 7249:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);

function debug(logLevel, ...messages) {
    if (logLevel === 'debug')
        console.log(...messages);
}
function warn(logLevel, warning) {
    if (logLevel === 'debug' || logLevel === 'warn') {
        if (typeof node_process.emitWarning === 'function')
            node_process.emitWarning(warning);
        else
            console.warn(warning);
    }
}

exports.debug = debug;
exports.warn = warn;


/***/ }),

/***/ 4065:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var visit = __nccwpck_require__(204);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

class Alias extends Node.NodeBase {
    constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, 'tag', {
            set() {
                throw new Error('Alias nodes cannot have tags');
            }
        });
    }
    /**
     * Resolve the value of this alias within `doc`, finding the last
     * instance of the `source` anchor before this node.
     */
    resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
            throw new ReferenceError('Alias resolution is disabled');
        let nodes;
        if (ctx?.aliasResolveCache) {
            nodes = ctx.aliasResolveCache;
        }
        else {
            nodes = [];
            visit.visit(doc, {
                Node: (_key, node) => {
                    if (identity.isAlias(node) || identity.hasAnchor(node))
                        nodes.push(node);
                }
            });
            if (ctx)
                ctx.aliasResolveCache = nodes;
        }
        let found = undefined;
        for (const node of nodes) {
            if (node === this)
                break;
            if (node.anchor === this.source)
                found = node;
        }
        if (found && ctx) {
            const { anchors, doc, maxAliasCount } = ctx;
            let data = anchors.get(found);
            if (!data) {
                // Resolve anchors for Node.prototype.toJS()
                toJS.toJS(found, null, ctx);
                data = anchors.get(found);
            }
            /* istanbul ignore if */
            if (data?.res === undefined) {
                const msg = 'This should not happen: Alias anchor was not resolved?';
                throw new ReferenceError(msg);
            }
            if (maxAliasCount >= 0) {
                data.count += 1;
                if (data.aliasCount === 0)
                    data.aliasCount = getAliasCount(doc, found, anchors);
                if (data.count * data.aliasCount > maxAliasCount) {
                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
                    throw new ReferenceError(msg);
                }
            }
        }
        return found;
    }
    toJSON(_arg, ctx) {
        if (!ctx)
            return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
    }
    toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
            anchors.anchorIsValid(this.source);
            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
                throw new Error(msg);
            }
            if (ctx.implicitKey)
                return `${src} `;
        }
        return src;
    }
}
function getAliasCount(doc, node, anchors) {
    if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors && source && anchors.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
    }
    else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
            const c = getAliasCount(doc, item, anchors);
            if (c > count)
                count = c;
        }
        return count;
    }
    else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors);
        const vc = getAliasCount(doc, node.value, anchors);
        return Math.max(kc, vc);
    }
    return 1;
}

exports.Alias = Alias;


/***/ }),

/***/ 101:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);

function collectionFromPath(schema, path, value) {
    let v = value;
    for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
            const a = [];
            a[k] = v;
            v = a;
        }
        else {
            v = new Map([[k, v]]);
        }
    }
    return createNode.createNode(v, undefined, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
            throw new Error('This should not happen, please report a bug.');
        },
        schema,
        sourceObjects: new Map()
    });
}
// Type guard is intentionally a little wrong so as to be more useful,
// as it does not cover untypable empty non-string iterables (e.g. []).
const isEmptyPath = (path) => path == null ||
    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
class Collection extends Node.NodeBase {
    constructor(type, schema) {
        super(type);
        Object.defineProperty(this, 'schema', {
            value: schema,
            configurable: true,
            enumerable: false,
            writable: true
        });
    }
    /**
     * Create a copy of this collection.
     *
     * @param schema - If defined, overwrites the original's schema
     */
    clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
            copy.schema = schema;
        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /**
     * Adds a value to the collection. For `!!map` and `!!omap` the value must
     * be a Pair instance or a `{ key, value }` object, which may not have a key
     * that already exists in the map.
     */
    addIn(path, value) {
        if (isEmptyPath(path))
            this.add(value);
        else {
            const [key, ...rest] = path;
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.addIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
    /**
     * Removes a value from the collection.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
            return node.deleteIn(rest);
        else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
            return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
    }
    hasAllNullValues(allowScalar) {
        return this.items.every(node => {
            if (!identity.isPair(node))
                return false;
            const n = node.value;
            return (n == null ||
                (allowScalar &&
                    identity.isScalar(n) &&
                    n.value == null &&
                    !n.commentBefore &&
                    !n.comment &&
                    !n.tag));
        });
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     */
    hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
            this.set(key, value);
        }
        else {
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.setIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
}

exports.Collection = Collection;
exports.collectionFromPath = collectionFromPath;
exports.isEmptyPath = isEmptyPath;


/***/ }),

/***/ 6673:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var applyReviver = __nccwpck_require__(3661);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

class NodeBase {
    constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
    }
    /** Create a copy of this node.  */
    clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** A plain JavaScript representation of this node. */
    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
            throw new TypeError('A document argument is required');
        const ctx = {
            anchors: new Map(),
            doc,
            keep: true,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
}

exports.NodeBase = NodeBase;


/***/ }),

/***/ 7165:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyPair = __nccwpck_require__(9748);
var addPairToJSMap = __nccwpck_require__(7104);
var identity = __nccwpck_require__(1127);

function createPair(key, value, ctx) {
    const k = createNode.createNode(key, undefined, ctx);
    const v = createNode.createNode(value, undefined, ctx);
    return new Pair(k, v);
}
class Pair {
    constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
    }
    clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
            key = key.clone(schema);
        if (identity.isNode(value))
            value = value.clone(schema);
        return new Pair(key, value);
    }
    toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
    }
    toString(ctx, onComment, onChompKeep) {
        return ctx?.doc
            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
            : JSON.stringify(this);
    }
}

exports.Pair = Pair;
exports.createPair = createPair;


/***/ }),

/***/ 3301:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
class Scalar extends Node.NodeBase {
    constructor(value) {
        super(identity.SCALAR);
        this.value = value;
    }
    toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
    }
    toString() {
        return String(this.value);
    }
}
Scalar.BLOCK_FOLDED = 'BLOCK_FOLDED';
Scalar.BLOCK_LITERAL = 'BLOCK_LITERAL';
Scalar.PLAIN = 'PLAIN';
Scalar.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
Scalar.QUOTE_SINGLE = 'QUOTE_SINGLE';

exports.Scalar = Scalar;
exports.isScalarValue = isScalarValue;


/***/ }),

/***/ 4454:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyCollection = __nccwpck_require__(1212);
var addPairToJSMap = __nccwpck_require__(7104);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);

function findPair(items, key) {
    const k = identity.isScalar(key) ? key.value : key;
    for (const it of items) {
        if (identity.isPair(it)) {
            if (it.key === key || it.key === k)
                return it;
            if (identity.isScalar(it.key) && it.key.value === k)
                return it;
        }
    }
    return undefined;
}
class YAMLMap extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:map';
    }
    constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
    }
    /**
     * A generic collection parsing method that can be extended
     * to other node classes that inherit from YAMLMap
     */
    static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
            if (typeof replacer === 'function')
                value = replacer.call(obj, key, value);
            else if (Array.isArray(replacer) && !replacer.includes(key))
                return;
            if (value !== undefined || keepUndefined)
                map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
            for (const [key, value] of obj)
                add(key, value);
        }
        else if (obj && typeof obj === 'object') {
            for (const key of Object.keys(obj))
                add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === 'function') {
            map.items.sort(schema.sortMapEntries);
        }
        return map;
    }
    /**
     * Adds a value to the collection.
     *
     * @param overwrite - If not set `true`, using a key that is already in the
     *   collection will throw. Otherwise, overwrites the previous value.
     */
    add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
            _pair = pair;
        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
            // In TypeScript, this never happens.
            _pair = new Pair.Pair(pair, pair?.value);
        }
        else
            _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
            if (!overwrite)
                throw new Error(`Key ${_pair.key} already set`);
            // For scalars, keep the old node & its comments and anchors
            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
                prev.value.value = _pair.value;
            else
                prev.value = _pair.value;
        }
        else if (sortEntries) {
            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
            if (i === -1)
                this.items.push(_pair);
            else
                this.items.splice(i, 0, _pair);
        }
        else {
            this.items.push(_pair);
        }
    }
    delete(key) {
        const it = findPair(this.items, key);
        if (!it)
            return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
    }
    has(key) {
        return !!findPair(this.items, key);
    }
    set(key, value) {
        this.add(new Pair.Pair(key, value), true);
    }
    /**
     * @param ctx - Conversion context, originally set in Document#toJS()
     * @param {Class} Type - If set, forces the returned collection type
     * @returns Instance of Type, Map, or Object
     */
    toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const item of this.items)
            addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        for (const item of this.items) {
            if (!identity.isPair(item))
                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
            ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '',
            flowChars: { start: '{', end: '}' },
            itemIndent: ctx.indent || '',
            onChompKeep,
            onComment
        });
    }
}

exports.YAMLMap = YAMLMap;
exports.findPair = findPair;


/***/ }),

/***/ 2223:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyCollection = __nccwpck_require__(1212);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var toJS = __nccwpck_require__(4043);

class YAMLSeq extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:seq';
    }
    constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
    }
    add(value) {
        this.items.push(value);
    }
    /**
     * Removes a value from the collection.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     *
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return undefined;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     */
    has(key) {
        const idx = asItemIndex(key);
        return typeof idx === 'number' && idx < this.items.length;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     *
     * If `key` does not contain a representation of an integer, this will throw.
     * It may be wrapped in a `Scalar`.
     */
    set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
            prev.value = value;
        else
            this.items[idx] = value;
    }
    toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
            ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
            seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '- ',
            flowChars: { start: '[', end: ']' },
            itemIndent: (ctx.indent || '') + '  ',
            onChompKeep,
            onComment
        });
    }
    static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
            let i = 0;
            for (let it of obj) {
                if (typeof replacer === 'function') {
                    const key = obj instanceof Set ? it : String(i++);
                    it = replacer.call(obj, key, it);
                }
                seq.items.push(createNode.createNode(it, undefined, ctx));
            }
        }
        return seq;
    }
}
function asItemIndex(key) {
    let idx = identity.isScalar(key) ? key.value : key;
    if (idx && typeof idx === 'string')
        idx = Number(idx);
    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
        ? idx
        : null;
}

exports.YAMLSeq = YAMLSeq;


/***/ }),

/***/ 7104:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var log = __nccwpck_require__(7249);
var merge = __nccwpck_require__(452);
var stringify = __nccwpck_require__(2148);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

function addPairToJSMap(ctx, map, { key, value }) {
    if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
    // TODO: Should drop this special case for bare << handling
    else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
    else {
        const jsKey = toJS.toJS(key, '', ctx);
        if (map instanceof Map) {
            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        }
        else if (map instanceof Set) {
            map.add(jsKey);
        }
        else {
            const stringKey = stringifyKey(key, jsKey, ctx);
            const jsValue = toJS.toJS(value, stringKey, ctx);
            if (stringKey in map)
                Object.defineProperty(map, stringKey, {
                    value: jsValue,
                    writable: true,
                    enumerable: true,
                    configurable: true
                });
            else
                map[stringKey] = jsValue;
        }
    }
    return map;
}
function stringifyKey(key, jsKey, ctx) {
    if (jsKey === null)
        return '';
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    if (typeof jsKey !== 'object')
        return String(jsKey);
    if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = new Set();
        for (const node of ctx.anchors.keys())
            strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
            let jsonStr = JSON.stringify(strKey);
            if (jsonStr.length > 40)
                jsonStr = jsonStr.substring(0, 36) + '..."';
            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
            ctx.mapKeyWarned = true;
        }
        return strKey;
    }
    return JSON.stringify(jsKey);
}

exports.addPairToJSMap = addPairToJSMap;


/***/ }),

/***/ 1127:
/***/ ((__unused_webpack_module, exports) => {



const ALIAS = Symbol.for('yaml.alias');
const DOC = Symbol.for('yaml.document');
const MAP = Symbol.for('yaml.map');
const PAIR = Symbol.for('yaml.pair');
const SCALAR = Symbol.for('yaml.scalar');
const SEQ = Symbol.for('yaml.seq');
const NODE_TYPE = Symbol.for('yaml.node.type');
const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
function isCollection(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case MAP:
            case SEQ:
                return true;
        }
    return false;
}
function isNode(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case ALIAS:
            case MAP:
            case SCALAR:
            case SEQ:
                return true;
        }
    return false;
}
const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

exports.ALIAS = ALIAS;
exports.DOC = DOC;
exports.MAP = MAP;
exports.NODE_TYPE = NODE_TYPE;
exports.PAIR = PAIR;
exports.SCALAR = SCALAR;
exports.SEQ = SEQ;
exports.hasAnchor = hasAnchor;
exports.isAlias = isAlias;
exports.isCollection = isCollection;
exports.isDocument = isDocument;
exports.isMap = isMap;
exports.isNode = isNode;
exports.isPair = isPair;
exports.isScalar = isScalar;
exports.isSeq = isSeq;


/***/ }),

/***/ 4043:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

/**
 * Recursively convert any node or its contents to native JavaScript
 *
 * @param value - The input value
 * @param arg - If `value` defines a `toJSON()` method, use this
 *   as its first argument
 * @param ctx - Conversion context, originally set in Document#toJS(). If
 *   `{ keep: true }` is not set, output should be suitable for JSON
 *   stringification.
 */
function toJS(value, arg, ctx) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
    if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
    if (value && typeof value.toJSON === 'function') {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
        if (!ctx || !identity.hasAnchor(value))
            return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: undefined };
        ctx.anchors.set(value, data);
        ctx.onCreate = res => {
            data.res = res;
            delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
            ctx.onCreate(res);
        return res;
    }
    if (typeof value === 'bigint' && !ctx?.keep)
        return Number(value);
    return value;
}

exports.toJS = toJS;


/***/ }),

/***/ 110:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);
var errors = __nccwpck_require__(1464);
var stringifyString = __nccwpck_require__(3069);

function resolveAsScalar(token, strict = true, onError) {
    if (token) {
        const _onError = (pos, code, message) => {
            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
            if (onError)
                onError(offset, code, message);
            else
                throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
            case 'block-scalar':
                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
    }
    return null;
}
/**
 * Create a new scalar token with `value`
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.indent The indent level of the token.
 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
 * @param context.offset The offset position of the token.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function createScalarToken(value, context) {
    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    const end = context.end ?? [
        { type: 'newline', offset: -1, indent, source: '\n' }
    ];
    switch (source[0]) {
        case '|':
        case '>': {
            const he = source.indexOf('\n');
            const head = source.substring(0, he);
            const body = source.substring(he + 1) + '\n';
            const props = [
                { type: 'block-scalar-header', offset, indent, source: head }
            ];
            if (!addEndtoBlockProps(props, end))
                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
            return { type: 'block-scalar', offset, indent, props, source: body };
        }
        case '"':
            return { type: 'double-quoted-scalar', offset, indent, source, end };
        case "'":
            return { type: 'single-quoted-scalar', offset, indent, source, end };
        default:
            return { type: 'scalar', offset, indent, source, end };
    }
}
/**
 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
 *
 * Best efforts are made to retain any comments previously associated with the `token`,
 * though all contents within a collection's `items` will be overwritten.
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function setScalarValue(token, value, context = {}) {
    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
    let indent = 'indent' in token ? token.indent : null;
    if (afterKey && typeof indent === 'number')
        indent += 2;
    if (!type)
        switch (token.type) {
            case 'single-quoted-scalar':
                type = 'QUOTE_SINGLE';
                break;
            case 'double-quoted-scalar':
                type = 'QUOTE_DOUBLE';
                break;
            case 'block-scalar': {
                const header = token.props[0];
                if (header.type !== 'block-scalar-header')
                    throw new Error('Invalid block scalar header');
                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
                break;
            }
            default:
                type = 'PLAIN';
        }
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    switch (source[0]) {
        case '|':
        case '>':
            setBlockScalarValue(token, source);
            break;
        case '"':
            setFlowScalarValue(token, source, 'double-quoted-scalar');
            break;
        case "'":
            setFlowScalarValue(token, source, 'single-quoted-scalar');
            break;
        default:
            setFlowScalarValue(token, source, 'scalar');
    }
}
function setBlockScalarValue(token, source) {
    const he = source.indexOf('\n');
    const head = source.substring(0, he);
    const body = source.substring(he + 1) + '\n';
    if (token.type === 'block-scalar') {
        const header = token.props[0];
        if (header.type !== 'block-scalar-header')
            throw new Error('Invalid block scalar header');
        header.source = head;
        token.source = body;
    }
    else {
        const { offset } = token;
        const indent = 'indent' in token ? token.indent : -1;
        const props = [
            { type: 'block-scalar-header', offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
        for (const key of Object.keys(token))
            if (key !== 'type' && key !== 'offset')
                delete token[key];
        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
    }
}
/** @returns `true` if last token is a newline */
function addEndtoBlockProps(props, end) {
    if (end)
        for (const st of end)
            switch (st.type) {
                case 'space':
                case 'comment':
                    props.push(st);
                    break;
                case 'newline':
                    props.push(st);
                    return true;
            }
    return false;
}
function setFlowScalarValue(token, source, type) {
    switch (token.type) {
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            token.type = type;
            token.source = source;
            break;
        case 'block-scalar': {
            const end = token.props.slice(1);
            let oa = source.length;
            if (token.props[0].type === 'block-scalar-header')
                oa -= token.props[0].source.length;
            for (const tok of end)
                tok.offset += oa;
            delete token.props;
            Object.assign(token, { type, source, end });
            break;
        }
        case 'block-map':
        case 'block-seq': {
            const offset = token.offset + source.length;
            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
            delete token.items;
            Object.assign(token, { type, source, end: [nl] });
            break;
        }
        default: {
            const indent = 'indent' in token ? token.indent : -1;
            const end = 'end' in token && Array.isArray(token.end)
                ? token.end.filter(st => st.type === 'space' ||
                    st.type === 'comment' ||
                    st.type === 'newline')
                : [];
            for (const key of Object.keys(token))
                if (key !== 'type' && key !== 'offset')
                    delete token[key];
            Object.assign(token, { type, indent, source, end });
        }
    }
}

exports.createScalarToken = createScalarToken;
exports.resolveAsScalar = resolveAsScalar;
exports.setScalarValue = setScalarValue;


/***/ }),

/***/ 1733:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringify a CST document, token, or collection item
 *
 * Fair warning: This applies no validation whatsoever, and
 * simply concatenates the sources in their logical order.
 */
const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
function stringifyToken(token) {
    switch (token.type) {
        case 'block-scalar': {
            let res = '';
            for (const tok of token.props)
                res += stringifyToken(tok);
            return res + token.source;
        }
        case 'block-map':
        case 'block-seq': {
            let res = '';
            for (const item of token.items)
                res += stringifyItem(item);
            return res;
        }
        case 'flow-collection': {
            let res = token.start.source;
            for (const item of token.items)
                res += stringifyItem(item);
            for (const st of token.end)
                res += st.source;
            return res;
        }
        case 'document': {
            let res = stringifyItem(token);
            if (token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
        default: {
            let res = token.source;
            if ('end' in token && token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
    }
}
function stringifyItem({ start, key, sep, value }) {
    let res = '';
    for (const st of start)
        res += st.source;
    if (key)
        res += stringifyToken(key);
    if (sep)
        for (const st of sep)
            res += st.source;
    if (value)
        res += stringifyToken(value);
    return res;
}

exports.stringify = stringify;


/***/ }),

/***/ 7715:
/***/ ((__unused_webpack_module, exports) => {



const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove item');
/**
 * Apply a visitor to a CST document or item.
 *
 * Walks through the tree (depth-first) starting from the root, calling a
 * `visitor` function with two arguments when entering each item:
 *   - `item`: The current item, which included the following members:
 *     - `start: SourceToken[]` \u2013 Source tokens before the key or value,
 *       possibly including its anchor or tag.
 *     - `key?: Token | null` \u2013 Set for pair values. May then be `null`, if
 *       the key before the `:` separator is empty.
 *     - `sep?: SourceToken[]` \u2013 Source tokens between the key and the value,
 *       which should include the `:` map value indicator if `value` is set.
 *     - `value?: Token` \u2013 The value of a sequence item, or of a map pair.
 *   - `path`: The steps from the root to the current node, as an array of
 *     `['key' | 'value', number]` tuples.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this token, continue with
 *      next sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
 *   - `number`: Set the index of the next step. This is useful especially if
 *     the index of the current token has changed.
 *   - `function`: Define the next visitor for this item. After the original
 *     visitor is called on item entry, next visitors are called after handling
 *     a non-empty `key` and when exiting the item.
 */
function visit(cst, visitor) {
    if ('type' in cst && cst.type === 'document')
        cst = { start: cst.start, value: cst.value };
    _visit(Object.freeze([]), cst, visitor);
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current item */
visit.SKIP = SKIP;
/** Remove the current item */
visit.REMOVE = REMOVE;
/** Find the item at `path` from `cst` as the root */
visit.itemAtPath = (cst, path) => {
    let item = cst;
    for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && 'items' in tok) {
            item = tok.items[index];
        }
        else
            return undefined;
    }
    return item;
};
/**
 * Get the immediate parent collection of the item at `path` from `cst` as the root.
 *
 * Throws an error if the collection is not found, which should never happen if the item itself exists.
 */
visit.parentCollection = (cst, path) => {
    const parent = visit.itemAtPath(cst, path.slice(0, -1));
    const field = path[path.length - 1][0];
    const coll = parent?.[field];
    if (coll && 'items' in coll)
        return coll;
    throw new Error('Parent collection not found');
};
function _visit(path, item, visitor) {
    let ctrl = visitor(item, path);
    if (typeof ctrl === 'symbol')
        return ctrl;
    for (const field of ['key', 'value']) {
        const token = item[field];
        if (token && 'items' in token) {
            for (let i = 0; i < token.items.length; ++i) {
                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    token.items.splice(i, 1);
                    i -= 1;
                }
            }
            if (typeof ctrl === 'function' && field === 'key')
                ctrl = ctrl(item, path);
        }
    }
    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
}

exports.visit = visit;


/***/ }),

/***/ 3461:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cstScalar = __nccwpck_require__(110);
var cstStringify = __nccwpck_require__(1733);
var cstVisit = __nccwpck_require__(7715);

/** The byte order mark */
const BOM = '\u{FEFF}';
/** Start of doc-mode */
const DOCUMENT = '\x02'; // C0: Start of Text
/** Unexpected end of flow-mode */
const FLOW_END = '\x18'; // C0: Cancel
/** Next token is a scalar value */
const SCALAR = '\x1f'; // C0: Unit Separator
/** @returns `true` if `token` is a flow or block collection */
const isCollection = (token) => !!token && 'items' in token;
/** @returns `true` if `token` is a flow or block scalar; not an alias */
const isScalar = (token) => !!token &&
    (token.type === 'scalar' ||
        token.type === 'single-quoted-scalar' ||
        token.type === 'double-quoted-scalar' ||
        token.type === 'block-scalar');
/* istanbul ignore next */
/** Get a printable representation of a lexer token */
function prettyToken(token) {
    switch (token) {
        case BOM:
            return '<BOM>';
        case DOCUMENT:
            return '<DOC>';
        case FLOW_END:
            return '<FLOW_END>';
        case SCALAR:
            return '<SCALAR>';
        default:
            return JSON.stringify(token);
    }
}
/** Identify the type of a lexer token. May return `null` for unknown tokens. */
function tokenType(source) {
    switch (source) {
        case BOM:
            return 'byte-order-mark';
        case DOCUMENT:
            return 'doc-mode';
        case FLOW_END:
            return 'flow-error-end';
        case SCALAR:
            return 'scalar';
        case '---':
            return 'doc-start';
        case '...':
            return 'doc-end';
        case '':
        case '\n':
        case '\r\n':
            return 'newline';
        case '-':
            return 'seq-item-ind';
        case '?':
            return 'explicit-key-ind';
        case ':':
            return 'map-value-ind';
        case '{':
            return 'flow-map-start';
        case '}':
            return 'flow-map-end';
        case '[':
            return 'flow-seq-start';
        case ']':
            return 'flow-seq-end';
        case ',':
            return 'comma';
    }
    switch (source[0]) {
        case ' ':
        case '\t':
            return 'space';
        case '#':
            return 'comment';
        case '%':
            return 'directive-line';
        case '*':
            return 'alias';
        case '&':
            return 'anchor';
        case '!':
            return 'tag';
        case "'":
            return 'single-quoted-scalar';
        case '"':
            return 'double-quoted-scalar';
        case '|':
        case '>':
            return 'block-scalar-header';
    }
    return null;
}

exports.createScalarToken = cstScalar.createScalarToken;
exports.resolveAsScalar = cstScalar.resolveAsScalar;
exports.setScalarValue = cstScalar.setScalarValue;
exports.stringify = cstStringify.stringify;
exports.visit = cstVisit.visit;
exports.BOM = BOM;
exports.DOCUMENT = DOCUMENT;
exports.FLOW_END = FLOW_END;
exports.SCALAR = SCALAR;
exports.isCollection = isCollection;
exports.isScalar = isScalar;
exports.prettyToken = prettyToken;
exports.tokenType = tokenType;


/***/ }),

/***/ 361:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cst = __nccwpck_require__(3461);

/*
START -> stream

stream
  directive -> line-end -> stream
  indent + line-end -> stream
  [else] -> line-start

line-end
  comment -> line-end
  newline -> .
  input-end -> END

line-start
  doc-start -> doc
  doc-end -> stream
  [else] -> indent -> block-start

block-start
  seq-item-start -> block-start
  explicit-key-start -> block-start
  map-value-start -> block-start
  [else] -> doc

doc
  line-end -> line-start
  spaces -> doc
  anchor -> doc
  tag -> doc
  flow-start -> flow -> doc
  flow-end -> error -> doc
  seq-item-start -> error -> doc
  explicit-key-start -> error -> doc
  map-value-start -> doc
  alias -> doc
  quote-start -> quoted-scalar -> doc
  block-scalar-header -> line-end -> block-scalar(min) -> line-start
  [else] -> plain-scalar(false, min) -> doc

flow
  line-end -> flow
  spaces -> flow
  anchor -> flow
  tag -> flow
  flow-start -> flow -> flow
  flow-end -> .
  seq-item-start -> error -> flow
  explicit-key-start -> flow
  map-value-start -> flow
  alias -> flow
  quote-start -> quoted-scalar -> flow
  comma -> flow
  [else] -> plain-scalar(true, 0) -> flow

quoted-scalar
  quote-end -> .
  [else] -> quoted-scalar

block-scalar(min)
  newline + peek(indent < min) -> .
  [else] -> block-scalar(min)

plain-scalar(is-flow, min)
  scalar-end(is-flow) -> .
  peek(newline + (indent < min)) -> .
  [else] -> plain-scalar(min)
*/
function isEmpty(ch) {
    switch (ch) {
        case undefined:
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            return true;
        default:
            return false;
    }
}
const hexDigits = new Set('0123456789ABCDEFabcdef');
const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
const flowIndicatorChars = new Set(',[]{}');
const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
/**
 * Splits an input string into lexical tokens, i.e. smaller strings that are
 * easily identifiable by `tokens.tokenType()`.
 *
 * Lexing starts always in a "stream" context. Incomplete input may be buffered
 * until a complete token can be emitted.
 *
 * In addition to slices of the original input, the following control characters
 * may also be emitted:
 *
 * - `\x02` (Start of Text): A document starts with the next token
 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
 * - `\x1f` (Unit Separator): Next token is a scalar value
 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
 */
class Lexer {
    constructor() {
        /**
         * Flag indicating whether the end of the current buffer marks the end of
         * all input
         */
        this.atEnd = false;
        /**
         * Explicit indent set in block scalar header, as an offset from the current
         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
         * explicitly set.
         */
        this.blockScalarIndent = -1;
        /**
         * Block scalars that include a + (keep) chomping indicator in their header
         * include trailing empty lines, which are otherwise excluded from the
         * scalar's contents.
         */
        this.blockScalarKeep = false;
        /** Current input */
        this.buffer = '';
        /**
         * Flag noting whether the map value indicator : can immediately follow this
         * node within a flow context.
         */
        this.flowKey = false;
        /** Count of surrounding flow collection levels. */
        this.flowLevel = 0;
        /**
         * Minimum level of indentation required for next lines to be parsed as a
         * part of the current scalar value.
         */
        this.indentNext = 0;
        /** Indentation level of the current line. */
        this.indentValue = 0;
        /** Position of the next \n character. */
        this.lineEndPos = null;
        /** Stores the state of the lexer if reaching the end of incpomplete input */
        this.next = null;
        /** A pointer to `buffer`; the current position of the lexer. */
        this.pos = 0;
    }
    /**
     * Generate YAML tokens from the `source` string. If `incomplete`,
     * a part of the last line may be left as a buffer for the next call.
     *
     * @returns A generator of lexical tokens
     */
    *lex(source, incomplete = false) {
        if (source) {
            if (typeof source !== 'string')
                throw TypeError('source is not a string');
            this.buffer = this.buffer ? this.buffer + source : source;
            this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? 'stream';
        while (next && (incomplete || this.hasChars(1)))
            next = yield* this.parseNext(next);
    }
    atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === ' ' || ch === '\t')
            ch = this.buffer[++i];
        if (!ch || ch === '#' || ch === '\n')
            return true;
        if (ch === '\r')
            return this.buffer[i + 1] === '\n';
        return false;
    }
    charAt(n) {
        return this.buffer[this.pos + n];
    }
    continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
            let indent = 0;
            while (ch === ' ')
                ch = this.buffer[++indent + offset];
            if (ch === '\r') {
                const next = this.buffer[indent + offset + 1];
                if (next === '\n' || (!next && !this.atEnd))
                    return offset + indent + 1;
            }
            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
                ? offset + indent
                : -1;
        }
        if (ch === '-' || ch === '.') {
            const dt = this.buffer.substr(offset, 3);
            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
                return -1;
        }
        return offset;
    }
    getLine() {
        let end = this.lineEndPos;
        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
            end = this.buffer.indexOf('\n', this.pos);
            this.lineEndPos = end;
        }
        if (end === -1)
            return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === '\r')
            end -= 1;
        return this.buffer.substring(this.pos, end);
    }
    hasChars(n) {
        return this.pos + n <= this.buffer.length;
    }
    setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
    }
    peek(n) {
        return this.buffer.substr(this.pos, n);
    }
    *parseNext(next) {
        switch (next) {
            case 'stream':
                return yield* this.parseStream();
            case 'line-start':
                return yield* this.parseLineStart();
            case 'block-start':
                return yield* this.parseBlockStart();
            case 'doc':
                return yield* this.parseDocument();
            case 'flow':
                return yield* this.parseFlowCollection();
            case 'quoted-scalar':
                return yield* this.parseQuotedScalar();
            case 'block-scalar':
                return yield* this.parseBlockScalar();
            case 'plain-scalar':
                return yield* this.parsePlainScalar();
        }
    }
    *parseStream() {
        let line = this.getLine();
        if (line === null)
            return this.setNext('stream');
        if (line[0] === cst.BOM) {
            yield* this.pushCount(1);
            line = line.substring(1);
        }
        if (line[0] === '%') {
            let dirEnd = line.length;
            let cs = line.indexOf('#');
            while (cs !== -1) {
                const ch = line[cs - 1];
                if (ch === ' ' || ch === '\t') {
                    dirEnd = cs - 1;
                    break;
                }
                else {
                    cs = line.indexOf('#', cs + 1);
                }
            }
            while (true) {
                const ch = line[dirEnd - 1];
                if (ch === ' ' || ch === '\t')
                    dirEnd -= 1;
                else
                    break;
            }
            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
            yield* this.pushCount(line.length - n); // possible comment
            this.pushNewline();
            return 'stream';
        }
        if (this.atLineEnd()) {
            const sp = yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - sp);
            yield* this.pushNewline();
            return 'stream';
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
    }
    *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
            return this.setNext('line-start');
        if (ch === '-' || ch === '.') {
            if (!this.atEnd && !this.hasChars(4))
                return this.setNext('line-start');
            const s = this.peek(3);
            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
                yield* this.pushCount(3);
                this.indentValue = 0;
                this.indentNext = 0;
                return s === '---' ? 'doc' : 'stream';
            }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
            this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
    }
    *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
            return this.setNext('block-start');
        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
            this.indentNext = this.indentValue + 1;
            this.indentValue += n;
            return 'block-start';
        }
        return 'doc';
    }
    *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
            return this.setNext('doc');
        let n = yield* this.pushIndicators();
        switch (line[n]) {
            case '#':
                yield* this.pushCount(line.length - n);
            // fallthrough
            case undefined:
                yield* this.pushNewline();
                return yield* this.parseLineStart();
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel = 1;
                return 'flow';
            case '}':
            case ']':
                // this is an error
                yield* this.pushCount(1);
                return 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'doc';
            case '"':
            case "'":
                return yield* this.parseQuotedScalar();
            case '|':
            case '>':
                n += yield* this.parseBlockScalarHeader();
                n += yield* this.pushSpaces(true);
                yield* this.pushCount(line.length - n);
                yield* this.pushNewline();
                return yield* this.parseBlockScalar();
            default:
                return yield* this.parsePlainScalar();
        }
    }
    *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
            nl = yield* this.pushNewline();
            if (nl > 0) {
                sp = yield* this.pushSpaces(false);
                this.indentValue = indent = sp;
            }
            else {
                sp = 0;
            }
            sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
            return this.setNext('flow');
        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
            (indent === 0 &&
                (line.startsWith('---') || line.startsWith('...')) &&
                isEmpty(line[3]))) {
            // Allowing for the terminal ] or } at the same (rather than greater)
            // indent level as the initial [ or { is technically invalid, but
            // failing here would be surprising to users.
            const atFlowEndMarker = indent === this.indentNext - 1 &&
                this.flowLevel === 1 &&
                (line[0] === ']' || line[0] === '}');
            if (!atFlowEndMarker) {
                // this is an error
                this.flowLevel = 0;
                yield cst.FLOW_END;
                return yield* this.parseLineStart();
            }
        }
        let n = 0;
        while (line[n] === ',') {
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
            case undefined:
                return 'flow';
            case '#':
                yield* this.pushCount(line.length - n);
                return 'flow';
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel += 1;
                return 'flow';
            case '}':
            case ']':
                yield* this.pushCount(1);
                this.flowKey = true;
                this.flowLevel -= 1;
                return this.flowLevel ? 'flow' : 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'flow';
            case '"':
            case "'":
                this.flowKey = true;
                return yield* this.parseQuotedScalar();
            case ':': {
                const next = this.charAt(1);
                if (this.flowKey || isEmpty(next) || next === ',') {
                    this.flowKey = false;
                    yield* this.pushCount(1);
                    yield* this.pushSpaces(true);
                    return 'flow';
                }
            }
            // fallthrough
            default:
                this.flowKey = false;
                return yield* this.parsePlainScalar();
        }
    }
    *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
            while (end !== -1 && this.buffer[end + 1] === "'")
                end = this.buffer.indexOf("'", end + 2);
        }
        else {
            // double-quote
            while (end !== -1) {
                let n = 0;
                while (this.buffer[end - 1 - n] === '\\')
                    n += 1;
                if (n % 2 === 0)
                    break;
                end = this.buffer.indexOf('"', end + 1);
            }
        }
        // Only looking for newlines within the quotes
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf('\n', this.pos);
        if (nl !== -1) {
            while (nl !== -1) {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = qb.indexOf('\n', cs);
            }
            if (nl !== -1) {
                // this is an error caused by an unexpected unindent
                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
            }
        }
        if (end === -1) {
            if (!this.atEnd)
                return this.setNext('quoted-scalar');
            end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? 'flow' : 'doc';
    }
    *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
            const ch = this.buffer[++i];
            if (ch === '+')
                this.blockScalarKeep = true;
            else if (ch > '0' && ch <= '9')
                this.blockScalarIndent = Number(ch) - 1;
            else if (ch !== '-')
                break;
        }
        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
    }
    *parseBlockScalar() {
        let nl = this.pos - 1; // may be -1 if this.pos === 0
        let indent = 0;
        let ch;
        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
            switch (ch) {
                case ' ':
                    indent += 1;
                    break;
                case '\n':
                    nl = i;
                    indent = 0;
                    break;
                case '\r': {
                    const next = this.buffer[i + 1];
                    if (!next && !this.atEnd)
                        return this.setNext('block-scalar');
                    if (next === '\n')
                        break;
                } // fallthrough
                default:
                    break loop;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('block-scalar');
        if (indent >= this.indentNext) {
            if (this.blockScalarIndent === -1)
                this.indentNext = indent;
            else {
                this.indentNext =
                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
            }
            do {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = this.buffer.indexOf('\n', cs);
            } while (nl !== -1);
            if (nl === -1) {
                if (!this.atEnd)
                    return this.setNext('block-scalar');
                nl = this.buffer.length;
            }
        }
        // Trailing insufficiently indented tabs are invalid.
        // To catch that during parsing, we include them in the block scalar value.
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === ' ')
            ch = this.buffer[++i];
        if (ch === '\t') {
            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
                ch = this.buffer[++i];
            nl = i - 1;
        }
        else if (!this.blockScalarKeep) {
            do {
                let i = nl - 1;
                let ch = this.buffer[i];
                if (ch === '\r')
                    ch = this.buffer[--i];
                const lastChar = i; // Drop the line if last char not more indented
                while (ch === ' ')
                    ch = this.buffer[--i];
                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
                    nl = i;
                else
                    break;
            } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
    }
    *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while ((ch = this.buffer[++i])) {
            if (ch === ':') {
                const next = this.buffer[i + 1];
                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
                    break;
                end = i;
            }
            else if (isEmpty(ch)) {
                let next = this.buffer[i + 1];
                if (ch === '\r') {
                    if (next === '\n') {
                        i += 1;
                        ch = '\n';
                        next = this.buffer[i + 1];
                    }
                    else
                        end = i;
                }
                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
                    break;
                if (ch === '\n') {
                    const cs = this.continueScalar(i + 1);
                    if (cs === -1)
                        break;
                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
                }
            }
            else {
                if (inFlow && flowIndicatorChars.has(ch))
                    break;
                end = i;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('plain-scalar');
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? 'flow' : 'doc';
    }
    *pushCount(n) {
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos += n;
            return n;
        }
        return 0;
    }
    *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
            yield s;
            this.pos += s.length;
            return s.length;
        }
        else if (allowEmpty)
            yield '';
        return 0;
    }
    *pushIndicators() {
        let n = 0;
        loop: while (true) {
            switch (this.charAt(0)) {
                case '!':
                    n += yield* this.pushTag();
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '&':
                    n += yield* this.pushUntil(isNotAnchorChar);
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '-': // this is an error
                case '?': // this is an error outside flow collections
                case ':': {
                    const inFlow = this.flowLevel > 0;
                    const ch1 = this.charAt(1);
                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
                        if (!inFlow)
                            this.indentNext = this.indentValue + 1;
                        else if (this.flowKey)
                            this.flowKey = false;
                        n += yield* this.pushCount(1);
                        n += yield* this.pushSpaces(true);
                        continue loop;
                    }
                }
            }
            break loop;
        }
        return n;
    }
    *pushTag() {
        if (this.charAt(1) === '<') {
            let i = this.pos + 2;
            let ch = this.buffer[i];
            while (!isEmpty(ch) && ch !== '>')
                ch = this.buffer[++i];
            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
        }
        else {
            let i = this.pos + 1;
            let ch = this.buffer[i];
            while (ch) {
                if (tagChars.has(ch))
                    ch = this.buffer[++i];
                else if (ch === '%' &&
                    hexDigits.has(this.buffer[i + 1]) &&
                    hexDigits.has(this.buffer[i + 2])) {
                    ch = this.buffer[(i += 3)];
                }
                else
                    break;
            }
            return yield* this.pushToIndex(i, false);
        }
    }
    *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === '\n')
            return yield* this.pushCount(1);
        else if (ch === '\r' && this.charAt(1) === '\n')
            return yield* this.pushCount(2);
        else
            return 0;
    }
    *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
            ch = this.buffer[++i];
        } while (ch === ' ' || (allowTabs && ch === '\t'));
        const n = i - this.pos;
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos = i;
        }
        return n;
    }
    *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
            ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
    }
}

exports.Lexer = Lexer;


/***/ }),

/***/ 6628:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Tracks newlines during parsing in order to provide an efficient API for
 * determining the one-indexed `{ line, col }` position for any offset
 * within the input.
 */
class LineCounter {
    constructor() {
        this.lineStarts = [];
        /**
         * Should be called in ascending order. Otherwise, call
         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
         */
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        /**
         * Performs a binary search and returns the 1-indexed { line, col }
         * position of `offset`. If `line === 0`, `addNewLine` has never been
         * called or `offset` is before the first known newline.
         */
        this.linePos = (offset) => {
            let low = 0;
            let high = this.lineStarts.length;
            while (low < high) {
                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
                if (this.lineStarts[mid] < offset)
                    low = mid + 1;
                else
                    high = mid;
            }
            if (this.lineStarts[low] === offset)
                return { line: low + 1, col: 1 };
            if (low === 0)
                return { line: 0, col: offset };
            const start = this.lineStarts[low - 1];
            return { line: low, col: offset - start + 1 };
        };
    }
}

exports.LineCounter = LineCounter;


/***/ }),

/***/ 3456:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);

function includesToken(list, type) {
    for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
            return true;
    return false;
}
function findNonEmptyIndex(list) {
    for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
            case 'space':
            case 'comment':
            case 'newline':
                break;
            default:
                return i;
        }
    }
    return -1;
}
function isFlowToken(token) {
    switch (token?.type) {
        case 'alias':
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'flow-collection':
            return true;
        default:
            return false;
    }
}
function getPrevProps(parent) {
    switch (parent.type) {
        case 'document':
            return parent.start;
        case 'block-map': {
            const it = parent.items[parent.items.length - 1];
            return it.sep ?? it.start;
        }
        case 'block-seq':
            return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
            return [];
    }
}
/** Note: May modify input array */
function getFirstKeyStartProps(prev) {
    if (prev.length === 0)
        return [];
    let i = prev.length;
    loop: while (--i >= 0) {
        switch (prev[i].type) {
            case 'doc-start':
            case 'explicit-key-ind':
            case 'map-value-ind':
            case 'seq-item-ind':
            case 'newline':
                break loop;
        }
    }
    while (prev[++i]?.type === 'space') {
        /* loop */
    }
    return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
    // May exhaust call stack with large `source` array
    if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
    else
        for (let i = 0; i < source.length; ++i)
            target.push(source[i]);
}
function fixFlowSeqItems(fc) {
    if (fc.start.type === 'flow-seq-start') {
        for (const it of fc.items) {
            if (it.sep &&
                !it.value &&
                !includesToken(it.start, 'explicit-key-ind') &&
                !includesToken(it.sep, 'map-value-ind')) {
                if (it.key)
                    it.value = it.key;
                delete it.key;
                if (isFlowToken(it.value)) {
                    if (it.value.end)
                        arrayPushArray(it.value.end, it.sep);
                    else
                        it.value.end = it.sep;
                }
                else
                    arrayPushArray(it.start, it.sep);
                delete it.sep;
            }
        }
    }
}
/**
 * A YAML concrete syntax tree (CST) parser
 *
 * ```ts
 * const src: string = ...
 * for (const token of new Parser().parse(src)) {
 *   // token: Token
 * }
 * ```
 *
 * To use the parser with a user-provided lexer:
 *
 * ```ts
 * function* parse(source: string, lexer: Lexer) {
 *   const parser = new Parser()
 *   for (const lexeme of lexer.lex(source))
 *     yield* parser.next(lexeme)
 *   yield* parser.end()
 * }
 *
 * const src: string = ...
 * const lexer = new Lexer()
 * for (const token of parse(src, lexer)) {
 *   // token: Token
 * }
 * ```
 */
class Parser {
    /**
     * @param onNewLine - If defined, called separately with the start position of
     *   each new line (in `parse()`, including the start of input).
     */
    constructor(onNewLine) {
        /** If true, space and sequence indicators count as indentation */
        this.atNewLine = true;
        /** If true, next token is a scalar value */
        this.atScalar = false;
        /** Current indentation level */
        this.indent = 0;
        /** Current offset since the start of parsing */
        this.offset = 0;
        /** On the same line with a block map key */
        this.onKeyLine = false;
        /** Top indicates the node that's currently being built */
        this.stack = [];
        /** The source of the current token, set in parse() */
        this.source = '';
        /** The type of the current token, set in parse() */
        this.type = '';
        // Must be defined after `next()`
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
    }
    /**
     * Parse `source` as a YAML stream.
     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
     *
     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
     *
     * @returns A generator of tokens representing each directive, document, and other structure.
     */
    *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
            yield* this.next(lexeme);
        if (!incomplete)
            yield* this.end();
    }
    /**
     * Advance the parser by the `source` of one lexical token.
     */
    *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
            console.log('|', cst.prettyToken(source));
        if (this.atScalar) {
            this.atScalar = false;
            yield* this.step();
            this.offset += source.length;
            return;
        }
        const type = cst.tokenType(source);
        if (!type) {
            const message = `Not a YAML token: ${source}`;
            yield* this.pop({ type: 'error', offset: this.offset, message, source });
            this.offset += source.length;
        }
        else if (type === 'scalar') {
            this.atNewLine = false;
            this.atScalar = true;
            this.type = 'scalar';
        }
        else {
            this.type = type;
            yield* this.step();
            switch (type) {
                case 'newline':
                    this.atNewLine = true;
                    this.indent = 0;
                    if (this.onNewLine)
                        this.onNewLine(this.offset + source.length);
                    break;
                case 'space':
                    if (this.atNewLine && source[0] === ' ')
                        this.indent += source.length;
                    break;
                case 'explicit-key-ind':
                case 'map-value-ind':
                case 'seq-item-ind':
                    if (this.atNewLine)
                        this.indent += source.length;
                    break;
                case 'doc-mode':
                case 'flow-error-end':
                    return;
                default:
                    this.atNewLine = false;
            }
            this.offset += source.length;
        }
    }
    /** Call at end of input to push out any remaining constructions */
    *end() {
        while (this.stack.length > 0)
            yield* this.pop();
    }
    get sourceToken() {
        const st = {
            type: this.type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
        return st;
    }
    *step() {
        const top = this.peek(1);
        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
            while (this.stack.length > 0)
                yield* this.pop();
            this.stack.push({
                type: 'doc-end',
                offset: this.offset,
                source: this.source
            });
            return;
        }
        if (!top)
            return yield* this.stream();
        switch (top.type) {
            case 'document':
                return yield* this.document(top);
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return yield* this.scalar(top);
            case 'block-scalar':
                return yield* this.blockScalar(top);
            case 'block-map':
                return yield* this.blockMap(top);
            case 'block-seq':
                return yield* this.blockSequence(top);
            case 'flow-collection':
                return yield* this.flowCollection(top);
            case 'doc-end':
                return yield* this.documentEnd(top);
        }
        /* istanbul ignore next should not happen */
        yield* this.pop();
    }
    peek(n) {
        return this.stack[this.stack.length - n];
    }
    *pop(error) {
        const token = error ?? this.stack.pop();
        /* istanbul ignore if should not happen */
        if (!token) {
            const message = 'Tried to pop an empty stack';
            yield { type: 'error', offset: this.offset, source: '', message };
        }
        else if (this.stack.length === 0) {
            yield token;
        }
        else {
            const top = this.peek(1);
            if (token.type === 'block-scalar') {
                // Block scalars use their parent rather than header indent
                token.indent = 'indent' in top ? top.indent : 0;
            }
            else if (token.type === 'flow-collection' && top.type === 'document') {
                // Ignore all indent for top-level flow collections
                token.indent = 0;
            }
            if (token.type === 'flow-collection')
                fixFlowSeqItems(token);
            switch (top.type) {
                case 'document':
                    top.value = token;
                    break;
                case 'block-scalar':
                    top.props.push(token); // error
                    break;
                case 'block-map': {
                    const it = top.items[top.items.length - 1];
                    if (it.value) {
                        top.items.push({ start: [], key: token, sep: [] });
                        this.onKeyLine = true;
                        return;
                    }
                    else if (it.sep) {
                        it.value = token;
                    }
                    else {
                        Object.assign(it, { key: token, sep: [] });
                        this.onKeyLine = !it.explicitKey;
                        return;
                    }
                    break;
                }
                case 'block-seq': {
                    const it = top.items[top.items.length - 1];
                    if (it.value)
                        top.items.push({ start: [], value: token });
                    else
                        it.value = token;
                    break;
                }
                case 'flow-collection': {
                    const it = top.items[top.items.length - 1];
                    if (!it || it.value)
                        top.items.push({ start: [], key: token, sep: [] });
                    else if (it.sep)
                        it.value = token;
                    else
                        Object.assign(it, { key: token, sep: [] });
                    return;
                }
                /* istanbul ignore next should not happen */
                default:
                    yield* this.pop();
                    yield* this.pop(token);
            }
            if ((top.type === 'document' ||
                top.type === 'block-map' ||
                top.type === 'block-seq') &&
                (token.type === 'block-map' || token.type === 'block-seq')) {
                const last = token.items[token.items.length - 1];
                if (last &&
                    !last.sep &&
                    !last.value &&
                    last.start.length > 0 &&
                    findNonEmptyIndex(last.start) === -1 &&
                    (token.indent === 0 ||
                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
                    if (top.type === 'document')
                        top.end = last.start;
                    else
                        top.items.push({ start: last.start });
                    token.items.splice(-1, 1);
                }
            }
        }
    }
    *stream() {
        switch (this.type) {
            case 'directive-line':
                yield { type: 'directive', offset: this.offset, source: this.source };
                return;
            case 'byte-order-mark':
            case 'space':
            case 'comment':
            case 'newline':
                yield this.sourceToken;
                return;
            case 'doc-mode':
            case 'doc-start': {
                const doc = {
                    type: 'document',
                    offset: this.offset,
                    start: []
                };
                if (this.type === 'doc-start')
                    doc.start.push(this.sourceToken);
                this.stack.push(doc);
                return;
            }
        }
        yield {
            type: 'error',
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML stream`,
            source: this.source
        };
    }
    *document(doc) {
        if (doc.value)
            return yield* this.lineEnd(doc);
        switch (this.type) {
            case 'doc-start': {
                if (findNonEmptyIndex(doc.start) !== -1) {
                    yield* this.pop();
                    yield* this.step();
                }
                else
                    doc.start.push(this.sourceToken);
                return;
            }
            case 'anchor':
            case 'tag':
            case 'space':
            case 'comment':
            case 'newline':
                doc.start.push(this.sourceToken);
                return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
            this.stack.push(bv);
        else {
            yield {
                type: 'error',
                offset: this.offset,
                message: `Unexpected ${this.type} token in YAML document`,
                source: this.source
            };
        }
    }
    *scalar(scalar) {
        if (this.type === 'map-value-ind') {
            const prev = getPrevProps(this.peek(2));
            const start = getFirstKeyStartProps(prev);
            let sep;
            if (scalar.end) {
                sep = scalar.end;
                sep.push(this.sourceToken);
                delete scalar.end;
            }
            else
                sep = [this.sourceToken];
            const map = {
                type: 'block-map',
                offset: scalar.offset,
                indent: scalar.indent,
                items: [{ start, key: scalar, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
        }
        else
            yield* this.lineEnd(scalar);
    }
    *blockScalar(scalar) {
        switch (this.type) {
            case 'space':
            case 'comment':
            case 'newline':
                scalar.props.push(this.sourceToken);
                return;
            case 'scalar':
                scalar.source = this.source;
                // block-scalar source includes trailing newline
                this.atNewLine = true;
                this.indent = 0;
                if (this.onNewLine) {
                    let nl = this.source.indexOf('\n') + 1;
                    while (nl !== 0) {
                        this.onNewLine(this.offset + nl);
                        nl = this.source.indexOf('\n', nl) + 1;
                    }
                }
                yield* this.pop();
                break;
            /* istanbul ignore next should not happen */
            default:
                yield* this.pop();
                yield* this.step();
        }
    }
    *blockMap(map) {
        const it = map.items[map.items.length - 1];
        // it.sep is true-ish if pair already has key or : separator
        switch (this.type) {
            case 'newline':
                this.onKeyLine = false;
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    it.start.push(this.sourceToken);
                }
                return;
            case 'space':
            case 'comment':
                if (it.value) {
                    map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    if (this.atIndentedComment(it.start, map.indent)) {
                        const prev = map.items[map.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            map.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
        }
        if (this.indent >= map.indent) {
            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
            const atNextItem = atMapIndent &&
                (it.sep || it.explicitKey) &&
                this.type !== 'seq-item-ind';
            // For empty nodes, assign newline-separated not indented empty tokens to following node
            let start = [];
            if (atNextItem && it.sep && !it.value) {
                const nl = [];
                for (let i = 0; i < it.sep.length; ++i) {
                    const st = it.sep[i];
                    switch (st.type) {
                        case 'newline':
                            nl.push(i);
                            break;
                        case 'space':
                            break;
                        case 'comment':
                            if (st.indent > map.indent)
                                nl.length = 0;
                            break;
                        default:
                            nl.length = 0;
                    }
                }
                if (nl.length >= 2)
                    start = it.sep.splice(nl[1]);
            }
            switch (this.type) {
                case 'anchor':
                case 'tag':
                    if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        it.sep.push(this.sourceToken);
                    }
                    else {
                        it.start.push(this.sourceToken);
                    }
                    return;
                case 'explicit-key-ind':
                    if (!it.sep && !it.explicitKey) {
                        it.start.push(this.sourceToken);
                        it.explicitKey = true;
                    }
                    else if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start, explicitKey: true });
                    }
                    else {
                        this.stack.push({
                            type: 'block-map',
                            offset: this.offset,
                            indent: this.indent,
                            items: [{ start: [this.sourceToken], explicitKey: true }]
                        });
                    }
                    this.onKeyLine = true;
                    return;
                case 'map-value-ind':
                    if (it.explicitKey) {
                        if (!it.sep) {
                            if (includesToken(it.start, 'newline')) {
                                Object.assign(it, { key: null, sep: [this.sourceToken] });
                            }
                            else {
                                const start = getFirstKeyStartProps(it.start);
                                this.stack.push({
                                    type: 'block-map',
                                    offset: this.offset,
                                    indent: this.indent,
                                    items: [{ start, key: null, sep: [this.sourceToken] }]
                                });
                            }
                        }
                        else if (it.value) {
                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else if (isFlowToken(it.key) &&
                            !includesToken(it.sep, 'newline')) {
                            const start = getFirstKeyStartProps(it.start);
                            const key = it.key;
                            const sep = it.sep;
                            sep.push(this.sourceToken);
                            // @ts-expect-error type guard is wrong here
                            delete it.key;
                            // @ts-expect-error type guard is wrong here
                            delete it.sep;
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key, sep }]
                            });
                        }
                        else if (start.length > 0) {
                            // Not actually at next item
                            it.sep = it.sep.concat(start, this.sourceToken);
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    else {
                        if (!it.sep) {
                            Object.assign(it, { key: null, sep: [this.sourceToken] });
                        }
                        else if (it.value || atNextItem) {
                            map.items.push({ start, key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    this.onKeyLine = true;
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (atNextItem || it.value) {
                        map.items.push({ start, key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        this.stack.push(fs);
                    }
                    else {
                        Object.assign(it, { key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    return;
                }
                default: {
                    const bv = this.startBlockValue(map);
                    if (bv) {
                        if (bv.type === 'block-seq') {
                            if (!it.explicitKey &&
                                it.sep &&
                                !includesToken(it.sep, 'newline')) {
                                yield* this.pop({
                                    type: 'error',
                                    offset: this.offset,
                                    message: 'Unexpected block-seq-ind on same line with key',
                                    source: this.source
                                });
                                return;
                            }
                        }
                        else if (atMapIndent) {
                            map.items.push({ start });
                        }
                        this.stack.push(bv);
                        return;
                    }
                }
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
            case 'newline':
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        seq.items.push({ start: [this.sourceToken] });
                }
                else
                    it.start.push(this.sourceToken);
                return;
            case 'space':
            case 'comment':
                if (it.value)
                    seq.items.push({ start: [this.sourceToken] });
                else {
                    if (this.atIndentedComment(it.start, seq.indent)) {
                        const prev = seq.items[seq.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            seq.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
            case 'anchor':
            case 'tag':
                if (it.value || this.indent <= seq.indent)
                    break;
                it.start.push(this.sourceToken);
                return;
            case 'seq-item-ind':
                if (this.indent !== seq.indent)
                    break;
                if (it.value || includesToken(it.start, 'seq-item-ind'))
                    seq.items.push({ start: [this.sourceToken] });
                else
                    it.start.push(this.sourceToken);
                return;
        }
        if (this.indent > seq.indent) {
            const bv = this.startBlockValue(seq);
            if (bv) {
                this.stack.push(bv);
                return;
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === 'flow-error-end') {
            let top;
            do {
                yield* this.pop();
                top = this.peek(1);
            } while (top?.type === 'flow-collection');
        }
        else if (fc.end.length === 0) {
            switch (this.type) {
                case 'comma':
                case 'explicit-key-ind':
                    if (!it || it.sep)
                        fc.items.push({ start: [this.sourceToken] });
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'map-value-ind':
                    if (!it || it.value)
                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        Object.assign(it, { key: null, sep: [this.sourceToken] });
                    return;
                case 'space':
                case 'comment':
                case 'newline':
                case 'anchor':
                case 'tag':
                    if (!it || it.value)
                        fc.items.push({ start: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (!it || it.value)
                        fc.items.push({ start: [], key: fs, sep: [] });
                    else if (it.sep)
                        this.stack.push(fs);
                    else
                        Object.assign(it, { key: fs, sep: [] });
                    return;
                }
                case 'flow-map-end':
                case 'flow-seq-end':
                    fc.end.push(this.sourceToken);
                    return;
            }
            const bv = this.startBlockValue(fc);
            /* istanbul ignore else should not happen */
            if (bv)
                this.stack.push(bv);
            else {
                yield* this.pop();
                yield* this.step();
            }
        }
        else {
            const parent = this.peek(2);
            if (parent.type === 'block-map' &&
                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
                    (this.type === 'newline' &&
                        !parent.items[parent.items.length - 1].sep))) {
                yield* this.pop();
                yield* this.step();
            }
            else if (this.type === 'map-value-ind' &&
                parent.type !== 'flow-collection') {
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                fixFlowSeqItems(fc);
                const sep = fc.end.splice(1, fc.end.length);
                sep.push(this.sourceToken);
                const map = {
                    type: 'block-map',
                    offset: fc.offset,
                    indent: fc.indent,
                    items: [{ start, key: fc, sep }]
                };
                this.onKeyLine = true;
                this.stack[this.stack.length - 1] = map;
            }
            else {
                yield* this.lineEnd(fc);
            }
        }
    }
    flowScalar(type) {
        if (this.onNewLine) {
            let nl = this.source.indexOf('\n') + 1;
            while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf('\n', nl) + 1;
            }
        }
        return {
            type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
    }
    startBlockValue(parent) {
        switch (this.type) {
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return this.flowScalar(this.type);
            case 'block-scalar-header':
                return {
                    type: 'block-scalar',
                    offset: this.offset,
                    indent: this.indent,
                    props: [this.sourceToken],
                    source: ''
                };
            case 'flow-map-start':
            case 'flow-seq-start':
                return {
                    type: 'flow-collection',
                    offset: this.offset,
                    indent: this.indent,
                    start: this.sourceToken,
                    items: [],
                    end: []
                };
            case 'seq-item-ind':
                return {
                    type: 'block-seq',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [this.sourceToken] }]
                };
            case 'explicit-key-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                start.push(this.sourceToken);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, explicitKey: true }]
                };
            }
            case 'map-value-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                };
            }
        }
        return null;
    }
    atIndentedComment(start, indent) {
        if (this.type !== 'comment')
            return false;
        if (this.indent <= indent)
            return false;
        return start.every(st => st.type === 'newline' || st.type === 'space');
    }
    *documentEnd(docEnd) {
        if (this.type !== 'doc-mode') {
            if (docEnd.end)
                docEnd.end.push(this.sourceToken);
            else
                docEnd.end = [this.sourceToken];
            if (this.type === 'newline')
                yield* this.pop();
        }
    }
    *lineEnd(token) {
        switch (this.type) {
            case 'comma':
            case 'doc-start':
            case 'doc-end':
            case 'flow-seq-end':
            case 'flow-map-end':
            case 'map-value-ind':
                yield* this.pop();
                yield* this.step();
                break;
            case 'newline':
                this.onKeyLine = false;
            // fallthrough
            case 'space':
            case 'comment':
            default:
                // all other values are errors
                if (token.end)
                    token.end.push(this.sourceToken);
                else
                    token.end = [this.sourceToken];
                if (this.type === 'newline')
                    yield* this.pop();
        }
    }
}

exports.Parser = Parser;


/***/ }),

/***/ 4047:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var log = __nccwpck_require__(7249);
var identity = __nccwpck_require__(1127);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);

function parseOptions(options) {
    const prettyErrors = options.prettyErrors !== false;
    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
    return { lineCounter: lineCounter$1, prettyErrors };
}
/**
 * Parse the input as a stream of YAML documents.
 *
 * Documents should be separated from each other by `...` or `---` marker lines.
 *
 * @returns If an empty `docs` array is returned, it will be of type
 *   EmptyStream and contain additional stream information. In
 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
 */
function parseAllDocuments(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
    if (prettyErrors && lineCounter)
        for (const doc of docs) {
            doc.errors.forEach(errors.prettifyError(source, lineCounter));
            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
        }
    if (docs.length > 0)
        return docs;
    return Object.assign([], { empty: true }, composer$1.streamInfo());
}
/** Parse an input string into a single YAML.Document */
function parseDocument(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    // `doc` is always set by compose.end(true) at the very latest
    let doc = null;
    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
            doc = _doc;
        else if (doc.options.logLevel !== 'silent') {
            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
            break;
        }
    }
    if (prettyErrors && lineCounter) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
    }
    return doc;
}
function parse(src, reviver, options) {
    let _reviver = undefined;
    if (typeof reviver === 'function') {
        _reviver = reviver;
    }
    else if (options === undefined && reviver && typeof reviver === 'object') {
        options = reviver;
    }
    const doc = parseDocument(src, options);
    if (!doc)
        return null;
    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
    if (doc.errors.length > 0) {
        if (doc.options.logLevel !== 'silent')
            throw doc.errors[0];
        else
            doc.errors = [];
    }
    return doc.toJS(Object.assign({ reviver: _reviver }, options));
}
function stringify(value, replacer, options) {
    let _replacer = null;
    if (typeof replacer === 'function' || Array.isArray(replacer)) {
        _replacer = replacer;
    }
    else if (options === undefined && replacer) {
        options = replacer;
    }
    if (typeof options === 'string')
        options = options.length;
    if (typeof options === 'number') {
        const indent = Math.round(options);
        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
    }
    if (value === undefined) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
            return undefined;
    }
    if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
    return new Document.Document(value, _replacer, options).toString(options);
}

exports.parse = parse;
exports.parseAllDocuments = parseAllDocuments;
exports.parseDocument = parseDocument;
exports.stringify = stringify;


/***/ }),

/***/ 5840:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var tags = __nccwpck_require__(18);

const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
class Schema {
    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat)
            ? tags.getTags(compat, 'compat')
            : compat
                ? tags.getTags(null, compat)
                : null;
        this.name = (typeof schema === 'string' && schema) || 'core';
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        // Used by createMap()
        this.sortMapEntries =
            typeof sortMapEntries === 'function'
                ? sortMapEntries
                : sortMapEntries === true
                    ? sortMapEntriesByKey
                    : null;
    }
    clone() {
        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
    }
}

exports.Schema = Schema;


/***/ }),

/***/ 7451:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLMap = __nccwpck_require__(4454);

const map = {
    collection: 'map',
    default: true,
    nodeClass: YAMLMap.YAMLMap,
    tag: 'tag:yaml.org,2002:map',
    resolve(map, onError) {
        if (!identity.isMap(map))
            onError('Expected a mapping for this tag');
        return map;
    },
    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
};

exports.map = map;


/***/ }),

/***/ 3632:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const nullTag = {
    identify: value => value == null,
    createNode: () => new Scalar.Scalar(null),
    default: true,
    tag: 'tag:yaml.org,2002:null',
    test: /^(?:~|[Nn]ull|NULL)?$/,
    resolve: () => new Scalar.Scalar(null),
    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
        ? source
        : ctx.options.nullStr
};

exports.nullTag = nullTag;


/***/ }),

/***/ 1706:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLSeq = __nccwpck_require__(2223);

const seq = {
    collection: 'seq',
    default: true,
    nodeClass: YAMLSeq.YAMLSeq,
    tag: 'tag:yaml.org,2002:seq',
    resolve(seq, onError) {
        if (!identity.isSeq(seq))
            onError('Expected a sequence for this tag');
        return seq;
    },
    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
};

exports.seq = seq;


/***/ }),

/***/ 6464:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyString = __nccwpck_require__(3069);

const string = {
    identify: value => typeof value === 'string',
    default: true,
    tag: 'tag:yaml.org,2002:str',
    resolve: str => str,
    stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
    }
};

exports.string = string;


/***/ }),

/***/ 3959:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const boolTag = {
    identify: value => typeof value === 'boolean',
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
    stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
            const sv = source[0] === 't' || source[0] === 'T';
            if (value === sv)
                return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
};

exports.boolTag = boolTag;


/***/ }),

/***/ 8405:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: str => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    resolve: str => parseFloat(str),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf('.');
        if (dot !== -1 && str[str.length - 1] === '0')
            node.minFractionDigits = str.length - dot - 1;
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 9874:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
    return stringifyNumber.stringifyNumber(node);
}
const intOct = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^0o[0-7]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
    stringify: node => intStringify(node, 8, '0o')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^0x[0-9a-fA-F]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 896:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.boolTag,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float
];

exports.schema = schema;


/***/ }),

/***/ 3559:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);

function intIdentify(value) {
    return typeof value === 'bigint' || Number.isInteger(value);
}
const stringifyJSON = ({ value }) => JSON.stringify(value);
const jsonScalars = [
    {
        identify: value => typeof value === 'string',
        default: true,
        tag: 'tag:yaml.org,2002:str',
        resolve: str => str,
        stringify: stringifyJSON
    },
    {
        identify: value => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: 'tag:yaml.org,2002:null',
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
    },
    {
        identify: value => typeof value === 'boolean',
        default: true,
        tag: 'tag:yaml.org,2002:bool',
        test: /^true$|^false$/,
        resolve: str => str === 'true',
        stringify: stringifyJSON
    },
    {
        identify: intIdentify,
        default: true,
        tag: 'tag:yaml.org,2002:int',
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
    },
    {
        identify: value => typeof value === 'number',
        default: true,
        tag: 'tag:yaml.org,2002:float',
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: str => parseFloat(str),
        stringify: stringifyJSON
    }
];
const jsonError = {
    default: true,
    tag: '',
    test: /^/,
    resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
    }
};
const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

exports.schema = schema;


/***/ }),

/***/ 18:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);
var schema = __nccwpck_require__(896);
var schema$1 = __nccwpck_require__(3559);
var binary = __nccwpck_require__(6083);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var schema$2 = __nccwpck_require__(5913);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schemas = new Map([
    ['core', schema.schema],
    ['failsafe', [map.map, seq.seq, string.string]],
    ['json', schema$1.schema],
    ['yaml11', schema$2.schema],
    ['yaml-1.1', schema$2.schema]
]);
const tagsByName = {
    binary: binary.binary,
    bool: bool.boolTag,
    float: float.float,
    floatExp: float.floatExp,
    floatNaN: float.floatNaN,
    floatTime: timestamp.floatTime,
    int: int.int,
    intHex: int.intHex,
    intOct: int.intOct,
    intTime: timestamp.intTime,
    map: map.map,
    merge: merge.merge,
    null: _null.nullTag,
    omap: omap.omap,
    pairs: pairs.pairs,
    seq: seq.seq,
    set: set.set,
    timestamp: timestamp.timestamp
};
const coreKnownTags = {
    'tag:yaml.org,2002:binary': binary.binary,
    'tag:yaml.org,2002:merge': merge.merge,
    'tag:yaml.org,2002:omap': omap.omap,
    'tag:yaml.org,2002:pairs': pairs.pairs,
    'tag:yaml.org,2002:set': set.set,
    'tag:yaml.org,2002:timestamp': timestamp.timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
    const schemaTags = schemas.get(schemaName);
    if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge)
            ? schemaTags.concat(merge.merge)
            : schemaTags.slice();
    }
    let tags = schemaTags;
    if (!tags) {
        if (Array.isArray(customTags))
            tags = [];
        else {
            const keys = Array.from(schemas.keys())
                .filter(key => key !== 'yaml11')
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
    }
    if (Array.isArray(customTags)) {
        for (const tag of customTags)
            tags = tags.concat(tag);
    }
    else if (typeof customTags === 'function') {
        tags = customTags(tags.slice());
    }
    if (addMergeTag)
        tags = tags.concat(merge.merge);
    return tags.reduce((tags, tag) => {
        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
        if (!tagObj) {
            const tagName = JSON.stringify(tag);
            const keys = Object.keys(tagsByName)
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags.includes(tagObj))
            tags.push(tagObj);
        return tags;
    }, []);
}

exports.coreKnownTags = coreKnownTags;
exports.getTags = getTags;


/***/ }),

/***/ 6083:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_buffer = __nccwpck_require__(181);
var Scalar = __nccwpck_require__(3301);
var stringifyString = __nccwpck_require__(3069);

const binary = {
    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
    default: false,
    tag: 'tag:yaml.org,2002:binary',
    /**
     * Returns a Buffer in node and an Uint8Array in browsers
     *
     * To use the resulting buffer as an image, you'll want to do something like:
     *
     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
     */
    resolve(src, onError) {
        if (typeof node_buffer.Buffer === 'function') {
            return node_buffer.Buffer.from(src, 'base64');
        }
        else if (typeof atob === 'function') {
            // On IE 11, atob() can't handle newlines
            const str = atob(src.replace(/[\n\r]/g, ''));
            const buffer = new Uint8Array(str.length);
            for (let i = 0; i < str.length; ++i)
                buffer[i] = str.charCodeAt(i);
            return buffer;
        }
        else {
            onError('This environment does not support reading binary tags; either Buffer or atob is required');
            return src;
        }
    },
    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
            return '';
        const buf = value; // checked earlier by binary.identify()
        let str;
        if (typeof node_buffer.Buffer === 'function') {
            str =
                buf instanceof node_buffer.Buffer
                    ? buf.toString('base64')
                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
        }
        else if (typeof btoa === 'function') {
            let s = '';
            for (let i = 0; i < buf.length; ++i)
                s += String.fromCharCode(buf[i]);
            str = btoa(s);
        }
        else {
            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
            const n = Math.ceil(str.length / lineWidth);
            const lines = new Array(n);
            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
                lines[i] = str.substr(o, lineWidth);
            }
            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
    }
};

exports.binary = binary;


/***/ }),

/***/ 8398:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function boolStringify({ value, source }, ctx) {
    const boolObj = value ? trueTag : falseTag;
    if (source && boolObj.test.test(source))
        return source;
    return value ? ctx.options.trueStr : ctx.options.falseStr;
}
const trueTag = {
    identify: value => value === true,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    resolve: () => new Scalar.Scalar(true),
    stringify: boolStringify
};
const falseTag = {
    identify: value => value === false,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    resolve: () => new Scalar.Scalar(false),
    stringify: boolStringify
};

exports.falseTag = falseTag;
exports.trueTag = trueTag;


/***/ }),

/***/ 5782:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    resolve: (str) => parseFloat(str.replace(/_/g, '')),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
        const dot = str.indexOf('.');
        if (dot !== -1) {
            const f = str.substring(dot + 1).replace(/_/g, '');
            if (f[f.length - 1] === '0')
                node.minFractionDigits = f.length;
        }
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 873:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
function intResolve(str, offset, radix, { intAsBigInt }) {
    const sign = str[0];
    if (sign === '-' || sign === '+')
        offset += 1;
    str = str.substring(offset).replace(/_/g, '');
    if (intAsBigInt) {
        switch (radix) {
            case 2:
                str = `0b${str}`;
                break;
            case 8:
                str = `0o${str}`;
                break;
            case 16:
                str = `0x${str}`;
                break;
        }
        const n = BigInt(str);
        return sign === '-' ? BigInt(-1) * n : n;
    }
    const n = parseInt(str, radix);
    return sign === '-' ? -1 * n : n;
}
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
    }
    return stringifyNumber.stringifyNumber(node);
}
const intBin = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'BIN',
    test: /^[-+]?0b[0-1_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
    stringify: node => intStringify(node, 2, '0b')
};
const intOct = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^[-+]?0[0-7_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
    stringify: node => intStringify(node, 8, '0')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9][0-9_]*$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^[-+]?0x[0-9a-fA-F_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intBin = intBin;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 452:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

// If the value associated with a merge key is a single mapping node, each of
// its key/value pairs is inserted into the current mapping, unless the key
// already exists in it. If the value associated with the merge key is a
// sequence, then this sequence is expected to contain mapping nodes and each
// of these nodes is merged in turn according to its order in the sequence.
// Keys in mapping nodes earlier in the sequence override keys specified in
// later mapping nodes. -- http://yaml.org/type/merge.html
const MERGE_KEY = '<<';
const merge = {
    identify: value => value === MERGE_KEY ||
        (typeof value === 'symbol' && value.description === MERGE_KEY),
    default: 'key',
    tag: 'tag:yaml.org,2002:merge',
    test: /^<<$/,
    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
    }),
    stringify: () => MERGE_KEY
};
const isMergeKey = (ctx, key) => (merge.identify(key) ||
    (identity.isScalar(key) &&
        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
        merge.identify(key.value))) &&
    ctx?.doc.schema.tags.some(tag => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (identity.isSeq(source))
        for (const it of source.items)
            mergeValue(ctx, map, it);
    else if (Array.isArray(source))
        for (const it of source)
            mergeValue(ctx, map, it);
    else
        mergeValue(ctx, map, source);
}
function mergeValue(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (!identity.isMap(source))
        throw new Error('Merge sources must be maps or map aliases');
    const srcMap = source.toJSON(null, ctx, Map);
    for (const [key, value] of srcMap) {
        if (map instanceof Map) {
            if (!map.has(key))
                map.set(key, value);
        }
        else if (map instanceof Set) {
            map.add(key);
        }
        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
            Object.defineProperty(map, key, {
                value,
                writable: true,
                enumerable: true,
                configurable: true
            });
        }
    }
    return map;
}
function resolveAliasValue(ctx, value) {
    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

exports.addMergeToJSMap = addMergeToJSMap;
exports.isMergeKey = isMergeKey;
exports.merge = merge;


/***/ }),

/***/ 303:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var pairs = __nccwpck_require__(8385);

class YAMLOMap extends YAMLSeq.YAMLSeq {
    constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = YAMLOMap.tag;
    }
    /**
     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
     * but TypeScript won't allow widening the signature of a child method.
     */
    toJSON(_, ctx) {
        if (!ctx)
            return super.toJSON(_);
        const map = new Map();
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const pair of this.items) {
            let key, value;
            if (identity.isPair(pair)) {
                key = toJS.toJS(pair.key, '', ctx);
                value = toJS.toJS(pair.value, key, ctx);
            }
            else {
                key = toJS.toJS(pair, '', ctx);
            }
            if (map.has(key))
                throw new Error('Ordered maps must not include duplicate keys');
            map.set(key, value);
        }
        return map;
    }
    static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap = new this();
        omap.items = pairs$1.items;
        return omap;
    }
}
YAMLOMap.tag = 'tag:yaml.org,2002:omap';
const omap = {
    collection: 'seq',
    identify: value => value instanceof Map,
    nodeClass: YAMLOMap,
    default: false,
    tag: 'tag:yaml.org,2002:omap',
    resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
            if (identity.isScalar(key)) {
                if (seenKeys.includes(key.value)) {
                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
                }
                else {
                    seenKeys.push(key.value);
                }
            }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
    },
    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
};

exports.YAMLOMap = YAMLOMap;
exports.omap = omap;


/***/ }),

/***/ 8385:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLSeq = __nccwpck_require__(2223);

function resolvePairs(seq, onError) {
    if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
            let item = seq.items[i];
            if (identity.isPair(item))
                continue;
            else if (identity.isMap(item)) {
                if (item.items.length > 1)
                    onError('Each pair must have its own sequence indicator');
                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
                if (item.commentBefore)
                    pair.key.commentBefore = pair.key.commentBefore
                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
                        : item.commentBefore;
                if (item.comment) {
                    const cn = pair.value ?? pair.key;
                    cn.comment = cn.comment
                        ? `${item.comment}\n${cn.comment}`
                        : item.comment;
                }
                item = pair;
            }
            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
    }
    else
        onError('Expected a sequence for this tag');
    return seq;
}
function createPairs(schema, iterable, ctx) {
    const { replacer } = ctx;
    const pairs = new YAMLSeq.YAMLSeq(schema);
    pairs.tag = 'tag:yaml.org,2002:pairs';
    let i = 0;
    if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
            if (typeof replacer === 'function')
                it = replacer.call(iterable, String(i++), it);
            let key, value;
            if (Array.isArray(it)) {
                if (it.length === 2) {
                    key = it[0];
                    value = it[1];
                }
                else
                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
            }
            else if (it && it instanceof Object) {
                const keys = Object.keys(it);
                if (keys.length === 1) {
                    key = keys[0];
                    value = it[key];
                }
                else {
                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
                }
            }
            else {
                key = it;
            }
            pairs.items.push(Pair.createPair(key, value, ctx));
        }
    return pairs;
}
const pairs = {
    collection: 'seq',
    default: false,
    tag: 'tag:yaml.org,2002:pairs',
    resolve: resolvePairs,
    createNode: createPairs
};

exports.createPairs = createPairs;
exports.pairs = pairs;
exports.resolvePairs = resolvePairs;


/***/ }),

/***/ 5913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var binary = __nccwpck_require__(6083);
var bool = __nccwpck_require__(8398);
var float = __nccwpck_require__(5782);
var int = __nccwpck_require__(873);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.trueTag,
    bool.falseTag,
    int.intBin,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float,
    binary.binary,
    merge.merge,
    omap.omap,
    pairs.pairs,
    set.set,
    timestamp.intTime,
    timestamp.floatTime,
    timestamp.timestamp
];

exports.schema = schema;


/***/ }),

/***/ 1528:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);

class YAMLSet extends YAMLMap.YAMLMap {
    constructor(schema) {
        super(schema);
        this.tag = YAMLSet.tag;
    }
    add(key) {
        let pair;
        if (identity.isPair(key))
            pair = key;
        else if (key &&
            typeof key === 'object' &&
            'key' in key &&
            'value' in key &&
            key.value === null)
            pair = new Pair.Pair(key.key, null);
        else
            pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
            this.items.push(pair);
    }
    /**
     * If `keepPair` is `true`, returns the Pair matching `key`.
     * Otherwise, returns the value of that Pair's key.
     */
    get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair)
            ? identity.isScalar(pair.key)
                ? pair.key.value
                : pair.key
            : pair;
    }
    set(key, value) {
        if (typeof value !== 'boolean')
            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
            this.items.splice(this.items.indexOf(prev), 1);
        }
        else if (!prev && value) {
            this.items.push(new Pair.Pair(key));
        }
    }
    toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        if (this.hasAllNullValues(true))
            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
            throw new Error('Set items must all have null values');
    }
    static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
            for (let value of iterable) {
                if (typeof replacer === 'function')
                    value = replacer.call(iterable, value, value);
                set.items.push(Pair.createPair(value, null, ctx));
            }
        return set;
    }
}
YAMLSet.tag = 'tag:yaml.org,2002:set';
const set = {
    collection: 'map',
    identify: value => value instanceof Set,
    nodeClass: YAMLSet,
    default: false,
    tag: 'tag:yaml.org,2002:set',
    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
    resolve(map, onError) {
        if (identity.isMap(map)) {
            if (map.hasAllNullValues(true))
                return Object.assign(new YAMLSet(), map);
            else
                onError('Set items must all have null values');
        }
        else
            onError('Expected a mapping for this tag');
        return map;
    }
};

exports.YAMLSet = YAMLSet;
exports.set = set;


/***/ }),

/***/ 6752:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

/** Internal types handle bigint as number, because TS can't figure it out. */
function parseSexagesimal(str, asBigInt) {
    const sign = str[0];
    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
    const num = (n) => asBigInt ? BigInt(n) : Number(n);
    const res = parts
        .replace(/_/g, '')
        .split(':')
        .reduce((res, p) => res * num(60) + num(p), num(0));
    return (sign === '-' ? num(-1) * res : res);
}
/**
 * hhhh:mm:ss.sss
 *
 * Internal types handle bigint as number, because TS can't figure it out.
 */
function stringifySexagesimal(node) {
    let { value } = node;
    let num = (n) => n;
    if (typeof value === 'bigint')
        num = n => BigInt(n);
    else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
    let sign = '';
    if (value < 0) {
        sign = '-';
        value *= num(-1);
    }
    const _60 = num(60);
    const parts = [value % _60]; // seconds, including ms
    if (value < 60) {
        parts.unshift(0); // at least one : is required
    }
    else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60); // minutes
        if (value >= 60) {
            value = (value - parts[0]) / _60;
            parts.unshift(value); // hours
        }
    }
    return (sign +
        parts
            .map(n => String(n).padStart(2, '0'))
            .join(':')
            .replace(/000000\d*$/, '') // % 60 may introduce error
    );
}
const intTime = {
    identify: value => typeof value === 'bigint' || Number.isInteger(value),
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
    stringify: stringifySexagesimal
};
const floatTime = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
    resolve: str => parseSexagesimal(str, false),
    stringify: stringifySexagesimal
};
const timestamp = {
    identify: value => value instanceof Date,
    default: true,
    tag: 'tag:yaml.org,2002:timestamp',
    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
    // may be omitted altogether, resulting in a date format. In such a case, the time part is
    // assumed to be 00:00:00Z (start of day, UTC).
    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
        '(?:' + // time is optional
        '(?:t|T|[ \\t]+)' + // t | T | whitespace
        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
        ')?$'),
    resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== 'Z') {
            let d = parseSexagesimal(tz, false);
            if (Math.abs(d) < 30)
                d *= 60;
            date -= 60000 * d;
        }
        return new Date(date);
    },
    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
};

exports.floatTime = floatTime;
exports.intTime = intTime;
exports.timestamp = timestamp;


/***/ }),

/***/ 4475:
/***/ ((__unused_webpack_module, exports) => {



const FOLD_FLOW = 'flow';
const FOLD_BLOCK = 'block';
const FOLD_QUOTED = 'quoted';
/**
 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
 * terminated with `\n` and started with `indent`.
 */
function foldFlowLines(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
    if (!lineWidth || lineWidth < 0)
        return text;
    if (lineWidth < minContentWidth)
        minContentWidth = 0;
    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
    if (text.length <= endStep)
        return text;
    const folds = [];
    const escapedFolds = {};
    let end = lineWidth - indent.length;
    if (typeof indentAtStart === 'number') {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
            folds.push(0);
        else
            end = lineWidth - indentAtStart;
    }
    let split = undefined;
    let prev = undefined;
    let overflow = false;
    let i = -1;
    let escStart = -1;
    let escEnd = -1;
    if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
            end = i + endStep;
    }
    for (let ch; (ch = text[(i += 1)]);) {
        if (mode === FOLD_QUOTED && ch === '\\') {
            escStart = i;
            switch (text[i + 1]) {
                case 'x':
                    i += 3;
                    break;
                case 'u':
                    i += 5;
                    break;
                case 'U':
                    i += 9;
                    break;
                default:
                    i += 1;
            }
            escEnd = i;
        }
        if (ch === '\n') {
            if (mode === FOLD_BLOCK)
                i = consumeMoreIndentedLines(text, i, indent.length);
            end = i + indent.length + endStep;
            split = undefined;
        }
        else {
            if (ch === ' ' &&
                prev &&
                prev !== ' ' &&
                prev !== '\n' &&
                prev !== '\t') {
                // space surrounded by non-space can be replaced with newline + indent
                const next = text[i + 1];
                if (next && next !== ' ' && next !== '\n' && next !== '\t')
                    split = i;
            }
            if (i >= end) {
                if (split) {
                    folds.push(split);
                    end = split + endStep;
                    split = undefined;
                }
                else if (mode === FOLD_QUOTED) {
                    // white-space collected at end may stretch past lineWidth
                    while (prev === ' ' || prev === '\t') {
                        prev = ch;
                        ch = text[(i += 1)];
                        overflow = true;
                    }
                    // Account for newline escape, but don't break preceding escape
                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
                    if (escapedFolds[j])
                        return text;
                    folds.push(j);
                    escapedFolds[j] = true;
                    end = j + endStep;
                    split = undefined;
                }
                else {
                    overflow = true;
                }
            }
        }
        prev = ch;
    }
    if (overflow && onOverflow)
        onOverflow();
    if (folds.length === 0)
        return text;
    if (onFold)
        onFold();
    let res = text.slice(0, folds[0]);
    for (let i = 0; i < folds.length; ++i) {
        const fold = folds[i];
        const end = folds[i + 1] || text.length;
        if (fold === 0)
            res = `\n${indent}${text.slice(0, end)}`;
        else {
            if (mode === FOLD_QUOTED && escapedFolds[fold])
                res += `${text[fold]}\\`;
            res += `\n${indent}${text.slice(fold + 1, end)}`;
        }
    }
    return res;
}
/**
 * Presumes `i + 1` is at the start of a line
 * @returns index of last newline in more-indented block
 */
function consumeMoreIndentedLines(text, i, indent) {
    let end = i;
    let start = i + 1;
    let ch = text[start];
    while (ch === ' ' || ch === '\t') {
        if (i < start + indent) {
            ch = text[++i];
        }
        else {
            do {
                ch = text[++i];
            } while (ch && ch !== '\n');
            end = i;
            start = i + 1;
            ch = text[start];
        }
    }
    return end;
}

exports.FOLD_BLOCK = FOLD_BLOCK;
exports.FOLD_FLOW = FOLD_FLOW;
exports.FOLD_QUOTED = FOLD_QUOTED;
exports.foldFlowLines = foldFlowLines;


/***/ }),

/***/ 2148:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var identity = __nccwpck_require__(1127);
var stringifyComment = __nccwpck_require__(9799);
var stringifyString = __nccwpck_require__(3069);

function createStringifyContext(doc, options) {
    const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: 'PLAIN',
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: 'false',
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: 'null',
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: 'true',
        verifyAliasOrder: true
    }, doc.schema.toStringOptions, options);
    let inFlow;
    switch (opt.collectionStyle) {
        case 'block':
            inFlow = false;
            break;
        case 'flow':
            inFlow = true;
            break;
        default:
            inFlow = null;
    }
    return {
        anchors: new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
        indent: '',
        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
        inFlow,
        options: opt
    };
}
function getTagObject(tags, item) {
    if (item.tag) {
        const match = tags.filter(t => t.tag === item.tag);
        if (match.length > 0)
            return match.find(t => t.format === item.format) ?? match[0];
    }
    let tagObj = undefined;
    let obj;
    if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter(t => t.identify?.(obj));
        if (match.length > 1) {
            const testMatch = match.filter(t => t.test);
            if (testMatch.length > 0)
                match = testMatch;
        }
        tagObj =
            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
    }
    else {
        obj = item;
        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
    }
    if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
    }
    return tagObj;
}
// needs to be called before value stringifier to allow for circular anchor refs
function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
    if (!doc.directives)
        return '';
    const props = [];
    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
    if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
    }
    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
    if (tag)
        props.push(doc.directives.tagString(tag));
    return props.join(' ');
}
function stringify(item, ctx, onComment, onChompKeep) {
    if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
    if (identity.isAlias(item)) {
        if (ctx.doc.directives)
            return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        }
        else {
            if (ctx.resolvedAliases)
                ctx.resolvedAliases.add(item);
            else
                ctx.resolvedAliases = new Set([item]);
            item = item.resolve(ctx.doc);
        }
    }
    let tagObj = undefined;
    const node = identity.isNode(item)
        ? item
        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
    const props = stringifyProps(node, tagObj, ctx);
    if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
    const str = typeof tagObj.stringify === 'function'
        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
        : identity.isScalar(node)
            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
            : node.toString(ctx, onComment, onChompKeep);
    if (!props)
        return str;
    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
        ? `${props} ${str}`
        : `${props}\n${ctx.indent}${str}`;
}

exports.createStringifyContext = createStringifyContext;
exports.stringify = stringify;


/***/ }),

/***/ 1212:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyCollection(collection, ctx, options) {
    const flow = ctx.inFlow ?? collection.flow;
    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
    return stringify(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
    const { indent, options: { commentString } } = ctx;
    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
    let chompKeep = false; // flag for the preceding node's status
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (!chompKeep && item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (!chompKeep && ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
            }
        }
        chompKeep = false;
        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        if (chompKeep && comment)
            chompKeep = false;
        lines.push(blockItemPrefix + str);
    }
    let str;
    if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
    }
    else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
            const line = lines[i];
            str += line ? `\n${indent}${line}` : '\n';
        }
    }
    if (comment) {
        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
            onComment();
    }
    else if (chompKeep && onChompKeep)
        onChompKeep();
    return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
    itemIndent += indentStep;
    const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
    });
    let reqNewline = false;
    let linesAtValue = 0;
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, false);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, false);
                if (ik.comment)
                    reqNewline = true;
            }
            const iv = identity.isNode(item.value) ? item.value : null;
            if (iv) {
                if (iv.comment)
                    comment = iv.comment;
                if (iv.commentBefore)
                    reqNewline = true;
            }
            else if (item.value == null && ik?.comment) {
                comment = ik.comment;
            }
        }
        if (comment)
            reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => (comment = null));
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
        if (i < items.length - 1) {
            str += ',';
        }
        else if (ctx.options.trailingComma) {
            if (ctx.options.lineWidth > 0) {
                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
                    (str.length + 2) >
                    ctx.options.lineWidth);
            }
            if (reqNewline) {
                str += ',';
            }
        }
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
    }
    const { start, end } = flowChars;
    if (lines.length === 0) {
        return start + end;
    }
    else {
        if (!reqNewline) {
            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
            let str = start;
            for (const line of lines)
                str += line ? `\n${indentStep}${indent}${line}` : '\n';
            return `${str}\n${indent}${end}`;
        }
        else {
            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
        }
    }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
    if (comment && chompKeep)
        comment = comment.replace(/^\n+/, '');
    if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart()); // Avoid double indent on first line
    }
}

exports.stringifyCollection = stringifyCollection;


/***/ }),

/***/ 9799:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringifies a comment.
 *
 * Empty comment lines are left empty,
 * lines consisting of a single space are replaced by `#`,
 * and all other lines are prefixed with a `#`.
 */
const stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
function indentComment(comment, indent) {
    if (/^\n+$/.test(comment))
        return comment.substring(1);
    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
const lineComment = (str, indent, comment) => str.endsWith('\n')
    ? indentComment(comment, indent)
    : comment.includes('\n')
        ? '\n' + indentComment(comment, indent)
        : (str.endsWith(' ') ? '' : ' ') + comment;

exports.indentComment = indentComment;
exports.lineComment = lineComment;
exports.stringifyComment = stringifyComment;


/***/ }),

/***/ 6829:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyDocument(doc, options) {
    const lines = [];
    let hasDirectives = options.directives === true;
    if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
            lines.push(dir);
            hasDirectives = true;
        }
        else if (doc.directives.docStart)
            hasDirectives = true;
    }
    if (hasDirectives)
        lines.push('---');
    const ctx = stringify.createStringifyContext(doc, options);
    const { commentString } = ctx.options;
    if (doc.commentBefore) {
        if (lines.length !== 1)
            lines.unshift('');
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ''));
    }
    let chompKeep = false;
    let contentComment = null;
    if (doc.contents) {
        if (identity.isNode(doc.contents)) {
            if (doc.contents.spaceBefore && hasDirectives)
                lines.push('');
            if (doc.contents.commentBefore) {
                const cs = commentString(doc.contents.commentBefore);
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            // top-level block scalars need to be indented if followed by a comment
            ctx.forceBlockIndent = !!doc.comment;
            contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
        if (contentComment)
            body += stringifyComment.lineComment(body, '', commentString(contentComment));
        if ((body[0] === '|' || body[0] === '>') &&
            lines[lines.length - 1] === '---') {
            // Top-level block scalars with a preceding doc marker ought to use the
            // same line for their header.
            lines[lines.length - 1] = `--- ${body}`;
        }
        else
            lines.push(body);
    }
    else {
        lines.push(stringify.stringify(doc.contents, ctx));
    }
    if (doc.directives?.docEnd) {
        if (doc.comment) {
            const cs = commentString(doc.comment);
            if (cs.includes('\n')) {
                lines.push('...');
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            else {
                lines.push(`... ${cs}`);
            }
        }
        else {
            lines.push('...');
        }
    }
    else {
        let dc = doc.comment;
        if (dc && chompKeep)
            dc = dc.replace(/^\n+/, '');
        if (dc) {
            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
                lines.push('');
            lines.push(stringifyComment.indentComment(commentString(dc), ''));
        }
    }
    return lines.join('\n') + '\n';
}

exports.stringifyDocument = stringifyDocument;


/***/ }),

/***/ 8689:
/***/ ((__unused_webpack_module, exports) => {



function stringifyNumber({ format, minFractionDigits, tag, value }) {
    if (typeof value === 'bigint')
        return String(value);
    const num = typeof value === 'number' ? value : Number(value);
    if (!isFinite(num))
        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
    if (!format &&
        minFractionDigits &&
        (!tag || tag === 'tag:yaml.org,2002:float') &&
        /^-?\d/.test(n) &&
        !n.includes('e')) {
        let i = n.indexOf('.');
        if (i < 0) {
            i = n.length;
            n += '.';
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
            n += '0';
    }
    return n;
}

exports.stringifyNumber = stringifyNumber;


/***/ }),

/***/ 9748:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
    let keyComment = (identity.isNode(key) && key.comment) || null;
    if (simpleKeys) {
        if (keyComment) {
            throw new Error('With simple keys, key nodes cannot have comments');
        }
        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
            const msg = 'With simple keys, collection cannot be used as a key value';
            throw new Error(msg);
        }
    }
    let explicitKey = !simpleKeys &&
        (!key ||
            (keyComment && value == null && !ctx.inFlow) ||
            identity.isCollection(key) ||
            (identity.isScalar(key)
                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
                : typeof key === 'object'));
    ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
    });
    let keyCommentDone = false;
    let chompKeep = false;
    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
        explicitKey = true;
    }
    if (ctx.inFlow) {
        if (allNullValues || value == null) {
            if (keyCommentDone && onComment)
                onComment();
            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
        }
    }
    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        }
        else if (chompKeep && onChompKeep)
            onChompKeep();
        return str;
    }
    if (keyCommentDone)
        keyComment = null;
    if (explicitKey) {
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}\n${indent}:`;
    }
    else {
        str = `${str}:`;
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
    }
    let vsb, vcb, valueComment;
    if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
    }
    else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === 'object')
            value = doc.createNode(value);
    }
    ctx.implicitKey = false;
    if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
    chompKeep = false;
    if (!indentSeq &&
        indentStep.length >= 2 &&
        !ctx.inFlow &&
        !explicitKey &&
        identity.isSeq(value) &&
        !value.flow &&
        !value.tag &&
        !value.anchor) {
        // If indentSeq === false, consider '- ' as part of indentation where possible
        ctx.indent = ctx.indent.substring(2);
    }
    let valueCommentDone = false;
    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
    let ws = ' ';
    if (keyComment || vsb || vcb) {
        ws = vsb ? '\n' : '';
        if (vcb) {
            const cs = commentString(vcb);
            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === '' && !ctx.inFlow) {
            if (ws === '\n' && valueComment)
                ws = '\n\n';
        }
        else {
            ws += `\n${ctx.indent}`;
        }
    }
    else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf('\n');
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
            let hasPropsLine = false;
            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
                let sp0 = valueStr.indexOf(' ');
                if (vs0 === '&' &&
                    sp0 !== -1 &&
                    sp0 < nl0 &&
                    valueStr[sp0 + 1] === '!') {
                    sp0 = valueStr.indexOf(' ', sp0 + 1);
                }
                if (sp0 === -1 || nl0 < sp0)
                    hasPropsLine = true;
            }
            if (!hasPropsLine)
                ws = `\n${ctx.indent}`;
        }
    }
    else if (valueStr === '' || valueStr[0] === '\n') {
        ws = '';
    }
    str += ws + valueStr;
    if (ctx.inFlow) {
        if (valueCommentDone && onComment)
            onComment();
    }
    else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
    }
    else if (chompKeep && onChompKeep) {
        onChompKeep();
    }
    return str;
}

exports.stringifyPair = stringifyPair;


/***/ }),

/***/ 3069:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var foldFlowLines = __nccwpck_require__(4475);

const getFoldOptions = (ctx, isBlock) => ({
    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
    lineWidth: ctx.options.lineWidth,
    minContentWidth: ctx.options.minContentWidth
});
// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
// presume that's starting a new document.
const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
    if (!lineWidth || lineWidth < 0)
        return false;
    const limit = lineWidth - indentLength;
    const strLen = str.length;
    if (strLen <= limit)
        return false;
    for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === '\n') {
            if (i - start > limit)
                return true;
            start = i + 1;
            if (strLen - start <= limit)
                return false;
        }
    }
    return true;
}
function doubleQuotedString(value, ctx) {
    const json = JSON.stringify(value);
    if (ctx.options.doubleQuotedAsJSON)
        return json;
    const { implicitKey } = ctx;
    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    let str = '';
    let start = 0;
    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
            // space before newline needs to be escaped to not be folded
            str += json.slice(start, i) + '\\ ';
            i += 1;
            start = i;
            ch = '\\';
        }
        if (ch === '\\')
            switch (json[i + 1]) {
                case 'u':
                    {
                        str += json.slice(start, i);
                        const code = json.substr(i + 2, 4);
                        switch (code) {
                            case '0000':
                                str += '\\0';
                                break;
                            case '0007':
                                str += '\\a';
                                break;
                            case '000b':
                                str += '\\v';
                                break;
                            case '001b':
                                str += '\\e';
                                break;
                            case '0085':
                                str += '\\N';
                                break;
                            case '00a0':
                                str += '\\_';
                                break;
                            case '2028':
                                str += '\\L';
                                break;
                            case '2029':
                                str += '\\P';
                                break;
                            default:
                                if (code.substr(0, 2) === '00')
                                    str += '\\x' + code.substr(2);
                                else
                                    str += json.substr(i, 6);
                        }
                        i += 5;
                        start = i + 1;
                    }
                    break;
                case 'n':
                    if (implicitKey ||
                        json[i + 2] === '"' ||
                        json.length < minMultiLineLength) {
                        i += 1;
                    }
                    else {
                        // folding will eat first newline
                        str += json.slice(start, i) + '\n\n';
                        while (json[i + 2] === '\\' &&
                            json[i + 3] === 'n' &&
                            json[i + 4] !== '"') {
                            str += '\n';
                            i += 2;
                        }
                        str += indent;
                        // space after newline needs to be escaped to not be folded
                        if (json[i + 2] === ' ')
                            str += '\\';
                        i += 1;
                        start = i + 1;
                    }
                    break;
                default:
                    i += 1;
            }
    }
    str = start ? str + json.slice(start) : json;
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
    if (ctx.options.singleQuote === false ||
        (ctx.implicitKey && value.includes('\n')) ||
        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
    )
        return doubleQuotedString(value, ctx);
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
    return ctx.implicitKey
        ? res
        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
    const { singleQuote } = ctx.options;
    let qs;
    if (singleQuote === false)
        qs = doubleQuotedString;
    else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
            qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
            qs = doubleQuotedString;
        else
            qs = singleQuote ? singleQuotedString : doubleQuotedString;
    }
    return qs(value, ctx);
}
// The negative lookbehind avoids a polynomial search,
// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
let blockEndNewlines;
try {
    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
}
catch {
    blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
    const { blockQuote, commentString, lineWidth } = ctx.options;
    // 1. Block can't end in whitespace unless the last line is non-empty.
    // 2. Strings consisting of only whitespace are best rendered explicitly.
    if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
    }
    const indent = ctx.indent ||
        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
    const literal = blockQuote === 'literal'
        ? true
        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
            ? false
            : type === Scalar.Scalar.BLOCK_LITERAL
                ? true
                : !lineLengthOverLimit(value, lineWidth, indent.length);
    if (!value)
        return literal ? '|\n' : '>\n';
    // determine chomping from whitespace at value end
    let chomp;
    let endStart;
    for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
            break;
    }
    let end = value.substring(endStart);
    const endNlPos = end.indexOf('\n');
    if (endNlPos === -1) {
        chomp = '-'; // strip
    }
    else if (value === end || endNlPos !== end.length - 1) {
        chomp = '+'; // keep
        if (onChompKeep)
            onChompKeep();
    }
    else {
        chomp = ''; // clip
    }
    if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === '\n')
            end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
    }
    // determine indent indicator from whitespace at value start
    let startWithSpace = false;
    let startEnd;
    let startNlPos = -1;
    for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === ' ')
            startWithSpace = true;
        else if (ch === '\n')
            startNlPos = startEnd;
        else
            break;
    }
    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
    if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
    }
    const indentSize = indent ? '2' : '1'; // root is at -1
    // Leading | or > is added later
    let header = (startWithSpace ? indentSize : '') + chomp;
    if (comment) {
        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
        if (onComment)
            onComment();
    }
    if (!literal) {
        const foldedValue = value
            .replace(/\n+/g, '\n$&')
            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
            .replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
            foldOptions.onOverflow = () => {
                literalFallback = true;
            };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
            return `>${header}\n${indent}${body}`;
    }
    value = value.replace(/\n+/g, `$&${indent}`);
    return `|${header}\n${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
    const { type, value } = item;
    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
    if ((implicitKey && value.includes('\n')) ||
        (inFlow && /[[\]{},]/.test(value))) {
        return quotedString(value, ctx);
    }
    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        // not allowed:
        // - '-' or '?'
        // - start with an indicator character (except [?:-]) or /[?-] /
        // - '\n ', ': ' or ' \n' anywhere
        // - '#' not preceded by a non-space char
        // - end with ' ' or ':'
        return implicitKey || inFlow || !value.includes('\n')
            ? quotedString(value, ctx)
            : blockString(item, ctx, onComment, onChompKeep);
    }
    if (!implicitKey &&
        !inFlow &&
        type !== Scalar.Scalar.PLAIN &&
        value.includes('\n')) {
        // Where allowed & type not set explicitly, prefer block style for multiline strings
        return blockString(item, ctx, onComment, onChompKeep);
    }
    if (containsDocumentMarker(value)) {
        if (indent === '') {
            ctx.forceBlockIndent = true;
            return blockString(item, ctx, onComment, onChompKeep);
        }
        else if (implicitKey && indent === indentStep) {
            return quotedString(value, ctx);
        }
    }
    const str = value.replace(/\n+/g, `$&\n${indent}`);
    // Verify that output will be parsed as a string, as e.g. plain numbers and
    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
    // and others in v1.1.
    if (actualString) {
        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
            return quotedString(value, ctx);
    }
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
    const { implicitKey, inFlow } = ctx;
    const ss = typeof item.value === 'string'
        ? item
        : Object.assign({}, item, { value: String(item.value) });
    let { type } = item;
    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        // force double quotes on control characters & unpaired surrogates
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
            type = Scalar.Scalar.QUOTE_DOUBLE;
    }
    const _stringify = (_type) => {
        switch (_type) {
            case Scalar.Scalar.BLOCK_FOLDED:
            case Scalar.Scalar.BLOCK_LITERAL:
                return implicitKey || inFlow
                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
                    : blockString(ss, ctx, onComment, onChompKeep);
            case Scalar.Scalar.QUOTE_DOUBLE:
                return doubleQuotedString(ss.value, ctx);
            case Scalar.Scalar.QUOTE_SINGLE:
                return singleQuotedString(ss.value, ctx);
            case Scalar.Scalar.PLAIN:
                return plainString(ss, ctx, onComment, onChompKeep);
            default:
                return null;
        }
    };
    let res = _stringify(type);
    if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = (implicitKey && defaultKeyType) || defaultStringType;
        res = _stringify(t);
        if (res === null)
            throw new Error(`Unsupported default string type ${t}`);
    }
    return res;
}

exports.stringifyString = stringifyString;


/***/ }),

/***/ 204:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove node');
/**
 * Apply a visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
function visit(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        visit_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current node */
visit.SKIP = SKIP;
/** Remove the current node */
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path) {
    const ctrl = callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = visit_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = visit_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = visit_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
/**
 * Apply an async visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `Promise`: Must resolve to one of the following values
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
async function visitAsync(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visitAsync.BREAK = BREAK;
/** Do not visit the children of the current node */
visitAsync.SKIP = SKIP;
/** Remove the current node */
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node, visitor, path) {
    const ctrl = await callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = await visitAsync_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = await visitAsync_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = await visitAsync_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
function initVisitor(visitor) {
    if (typeof visitor === 'object' &&
        (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
            Alias: visitor.Node,
            Map: visitor.Node,
            Scalar: visitor.Node,
            Seq: visitor.Node
        }, visitor.Value && {
            Map: visitor.Value,
            Scalar: visitor.Value,
            Seq: visitor.Value
        }, visitor.Collection && {
            Map: visitor.Collection,
            Seq: visitor.Collection
        }, visitor);
    }
    return visitor;
}
function callVisitor(key, node, visitor, path) {
    if (typeof visitor === 'function')
        return visitor(key, node, path);
    if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
    if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
    if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
    if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
    if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
    return undefined;
}
function replaceNode(key, path, node) {
    const parent = path[path.length - 1];
    if (identity.isCollection(parent)) {
        parent.items[key] = node;
    }
    else if (identity.isPair(parent)) {
        if (key === 'key')
            parent.key = node;
        else
            parent.value = node;
    }
    else if (identity.isDocument(parent)) {
        parent.contents = node;
    }
    else {
        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
        throw new Error(`Cannot replace node with ${pt} parent`);
    }
}

exports.visit = visit;
exports.visitAsync = visitAsync;


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		id: moduleId,
/******/ 		loaded: false,
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Flag the module as loaded
/******/ 	module.loaded = true;
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/node module decorator */
/******/ (() => {
/******/ 	__nccwpck_require__.nmd = (module) => {
/******/ 		module.paths = [];
/******/ 		if (!module.children) module.children = [];
/******/ 		return module;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(5581);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
