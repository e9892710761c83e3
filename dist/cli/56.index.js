export const id = 56;
export const ids = [56,566];
export const modules = {

/***/ 8850:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   pl: () => (/* binding */ Report)
/* harmony export */ });
/* unused harmony exports OUTPUTS, ROWS_BETWEEN_WAITS */
/* harmony import */ var _facts_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1349);

/** The step outputs (the action's `outputs:`, GitLab's dotenv), by name; action.yml is held against it. */
const OUTPUTS = (/* unused pure expression or super */ null && ([
    'csv-path',
    'created-count',
    'failed-count',
    'healthy',
    'flavor',
    'listed-count',
    'alerts',
    'deleted-count',
    'artifact-name',
    'artifact-id',
    'artifact-url',
    'artifact-digest',
    'results',
    'html-path',
]));
/** Rows a command reports between two waits for its channels to take them (Report.drained). */
const ROWS_BETWEEN_WAITS = 1000;
class Report {
    title;
    sinks;
    facts = new _facts_js__WEBPACK_IMPORTED_MODULE_0__/* .Facts */ .At();
    outputs = {};
    alerts = [];
    charts = [];
    /** usage --days on a server that keeps calendar days: each day's totals, oldest first. */
    days;
    period;
    ok = true;
    /** One line saying what failed and what to do, when !ok. */
    failure;
    /** Set when SIGINT/SIGTERM stopped the run: the signal (exit 130/143). */
    cancelled;
    /** The CSV this run wrote, if any (uploaded as an artifact by the GitHub entry). */
    csvPath;
    /** The audit log, when this run appended to it (only then uploaded beside the CSV). */
    auditPath;
    /**
     * A re-run's batch that exported every key its earlier attempts made again: its CSV holds all of
     * theirs, so its artifact may replace theirs (output/artifact.ts sameNameRule).
     */
    coversEarlierAttempts;
    table;
    /** Rows reported so far. */
    rows = 0;
    constructor(title, sinks = []) {
        this.title = title;
        this.sinks = sinks;
    }
    /** Starts the table; the function it returns reports one row, handed at once to every sink. */
    open(table) {
        if (this.table)
            throw new Error(`a report has one table: ${this.table.kind} is open`);
        this.table = table;
        for (const sink of this.sinks)
            sink.open(this.table, this);
        return (row) => {
            this.rows += 1;
            for (const sink of this.sinks)
                sink.row(row);
        };
    }
    /**
     * Settles once every channel has taken the rows so far: a command reporting many rows awaits it
     * now and then, so rows wait for a slow reader instead of piling up in memory.
     */
    async drained() {
        await Promise.all(this.sinks.map((sink) => sink.drained?.()));
    }
    /** Before the `n`th row (from 0) of a long table: every ROWS_BETWEEN_WAITS rows, waits until drained. */
    async pace(n) {
        if (n % ROWS_BETWEEN_WAITS === ROWS_BETWEEN_WAITS - 1)
            await this.drained();
    }
    /** The run failed: why, and what to do. */
    fail(failure) {
        this.ok = false;
        this.failure = failure;
        return this;
    }
}


/***/ }),

/***/ 56:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./src/config/labels.ts
var labels = __webpack_require__(7231);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/shared/drain.ts
var drain = __webpack_require__(8563);
// EXTERNAL MODULE: ./src/shared/files.ts
var files = __webpack_require__(8590);
;// CONCATENATED MODULE: ./src/output/csv.ts
// The keys CSV: rows streamed as keys arrive, written to a private temp file and renamed into place
// at the end, so a reader never sees half a file and nobody else on the runner can read it. The temp
// file is created when the writer is made, before any key exists: a path that cannot take the CSV
// fails the run before anything is created. The rows: ./csv-rows.ts (csv-stringify), loaded by the first writer.




/**
 * The old tool's columns first, in its order; then what else the server told us; then the count the
 * batch was asked for (batch only), which `batch --resume` completes the file to; then where the
 * daily_limit came from (key, given, learned, assumed).
 */
const CSV_COLUMNS = [
    'label',
    'key',
    'daily_limit',
    'created_at',
    'expires_at',
    'tier',
    'used_today',
    'status',
    'server',
    'batch_count',
    'daily_limit_source',
];
function csvRow(key, extras) {
    return {
        label: key.label,
        key: key.key,
        daily_limit: extras.limit?.kind === 'daily' ? String(extras.limit.value ?? 'unknown') : '',
        created_at: key.createdAt.toISOString(),
        expires_at: key.expiresAt ? key.expiresAt.toISOString() : '',
        tier: extras.tier ?? '',
        used_today: key.usedToday === undefined ? '' : String(key.usedToday),
        status: key.status ?? '',
        server: extras.server,
        batch_count: extras.batchCount === undefined ? '' : String(extras.batchCount),
        // key, given, learned or assumed (a server-wide limit v1 and v01 do not report); empty for lifetime quotas.
        daily_limit_source: extras.limit?.kind === 'daily' ? (extras.limit.value === undefined ? 'unknown' : extras.limit.source) : '',
    };
}
let rowWriter;
/**
 * Rows go to csv-stringify this many at a time (its sync API): a row at a time through its stream cost
 * a 3,000-key batch about 3 % of its CPU in stream machinery; larger groups raised the peak memory
 * (256 rows: +4 MB) and smaller ones cost more calls (docs/performance.md).
 */
const GROUP = 32;
/**
 * Their text goes to the file in pieces of this many characters: a row a write cost a 3,000-key batch
 * about 35 ms of CPU in the file stream's machinery.
 */
const PIECE = 64 * 1024;
class CsvWriter {
    temp;
    file;
    finished;
    target;
    columns;
    /** Set once ./csv-rows.ts is loaded. */
    csvText;
    /** Rows not yet written as text (fewer than GROUP, unless ./csv-rows.ts is still loading). */
    pending = [];
    /** Their text not yet handed to the file (under PIECE characters). */
    text = '';
    /** The header goes first, with the first group (or alone at close). */
    headerWritten = false;
    ready;
    /** Set once closed or discarded. */
    settled = false;
    rows = 0;
    /**
     * Creates the private temp file at once (throws when the path cannot take it: name too long, no
     * such folder, read-only\u2026). `columns`: the keys CSV's, unless another table (usage --output).
     */
    constructor(path, columns = CSV_COLUMNS) {
        this.target = path;
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(path), { recursive: true });
        this.temp = `${path}.${process.pid}.tmp`;
        // 'wx': never through a file or link someone else put at the temp path. Opened synchronously,
        // so an unusable path throws here, before any key exists, not later from the stream.
        const fd = (0,external_node_fs_.openSync)(this.temp, 'wx', 0o600);
        this.file = (0,external_node_fs_.createWriteStream)(this.temp, { fd, highWaterMark: 128 * 1024 });
        this.columns = columns;
        this.finished = new Promise((resolve, reject) => {
            this.file.on('finish', resolve).on('error', reject);
        });
        // Observed at close(); until then a write error must not end the process as unhandled.
        this.finished.catch(() => undefined);
        rowWriter ??= __webpack_require__.e(/* import() */ 10).then(__webpack_require__.bind(__webpack_require__, 9010));
        this.ready = rowWriter.then(({ csvText }) => {
            this.csvText = csvText;
            if (this.pending.length >= GROUP)
                this.flush();
        });
        this.ready.catch(() => undefined);
    }
    /** Where the CSV is (or goes): the path asked for, or the fresh name it got when that path became unusable. */
    get path() {
        return this.target;
    }
    /** Queues the row; false when the buffer is full or still loading (then `drained()` before more rows). */
    write(row) {
        this.rows += 1;
        this.pending.push(this.columns.map((column) => row[column] ?? ''));
        if (!this.csvText)
            return false;
        if (this.pending.length >= GROUP)
            this.flush();
        return !this.file.writableNeedDrain;
    }
    /**
     * The pending rows (the header first) as text, once csv-stringify is loaded; the text to the file
     * when it makes a piece, or whatever there is with `all`. Nothing once the file ended.
     */
    flush(all = false) {
        if (this.file.writableEnded)
            return;
        if (this.csvText && (this.pending.length > 0 || !this.headerWritten)) {
            this.text += this.csvText(this.pending, this.columns, !this.headerWritten);
            this.headerWritten = true;
            this.pending = [];
        }
        if (this.text.length >= PIECE || (all && this.text.length > 0)) {
            this.file.write(this.text);
            this.text = '';
        }
    }
    /** Resolves once the rows queued so far went to the file (a listing of 100,000 keys is not buffered whole). */
    async drained() {
        await this.ready;
        this.flush(true);
        await (0,drain/* drainedOf */.V)(this.file);
    }
    /**
     * Flushes and renames the file into place; returns its path. Without a row and unless
     * `keepEmpty`, nothing is put in place (a failed run never replaces a CSV with a header-only
     * one) and undefined is returned. Should something other than a regular file have appeared at the
     * path meanwhile, the CSV goes to a fresh name beside it instead.
     */
    async close({ keepEmpty = true } = {}) {
        if (this.settled)
            return (0,external_node_fs_.existsSync)(this.target) ? this.target : undefined;
        if (this.rows === 0 && !keepEmpty) {
            await this.discard();
            return undefined;
        }
        this.settled = true;
        await this.ready;
        this.flush(true); // the header alone if no row came
        this.file.end();
        await this.finished;
        if ((0,files/* notReplaceable */.mt)(this.target)) {
            const stem = this.target.replace(/\.csv$/i, '');
            let n = 2;
            while ((0,external_node_fs_.existsSync)(`${stem}-${n}.csv`))
                n += 1;
            this.target = `${stem}-${n}.csv`;
        }
        (0,external_node_fs_.renameSync)(this.temp, this.target);
        return this.target;
    }
    /** Drops the temp file (nothing was written that must be kept). */
    async discard() {
        if (this.settled)
            return;
        this.settled = true;
        this.pending = [];
        this.text = '';
        this.file.end();
        await this.finished.catch(() => undefined);
        (0,external_node_fs_.rmSync)(this.temp, { force: true });
    }
}

// EXTERNAL MODULE: ./src/report/limit.ts
var report_limit = __webpack_require__(5333);
// EXTERNAL MODULE: ./src/report/tables.ts
var tables = __webpack_require__(6677);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(8382);
// EXTERNAL MODULE: ./src/shared/redact.ts
var redact = __webpack_require__(8932);
// EXTERNAL MODULE: ./src/shared/text.ts
var shared_text = __webpack_require__(4646);
;// CONCATENATED MODULE: ./src/issuing/batch-numbers.ts
// Which keys under one invocation's batch labels are the batch's, number by number. A re-run
// attempt (./rerun.ts) and `batch --resume` (./resume.ts) read the server's keys by label, and a
// label is only text: anyone with the admin token can create a key under one of ours.
//
// The rule: a label at number N stands for as many numbers as the batch made under it \u2014 one,
// except for a v01 chunk (one request of up to 100 keys, all under its first label), which stands
// for N \u2026 N + k \u2212 1 but never reaches the next label of the same invocation, past the batch's end,
// or beyond one request's keys. The batch made its keys first (nobody can copy a label before it
// exists), so the oldest keys under a label are the batch's and any later one is not: it is left
// out, named, and left alone. When the last key the label can hold and the next one share their
// creation time, which of them is the batch's cannot be told: none of those is taken, and their
// numbers count as missing. Keys the caller knows to be the batch's (a resumed CSV's) come first.



const created = (key) => key.createdAt.getTime();
/** Numbers the keys of one invocation's batch labels (`byLabel`: label \u2192 its keys on the server). */
function numberBatchKeys(byLabel, rules) {
    const starts = [...byLabel.keys()]
        .map((label) => ({ label, first: (0,labels/* parseBatchLabel */.Cp)(label).number }))
        .sort((a, b) => a.first - b.first);
    const result = { byNumber: new Map(), surplus: [] };
    starts.forEach(({ label, first }, i) => {
        if (first > rules.last)
            return; // another batch size: not numbers of this one
        const next = starts[i + 1]?.first ?? Number.POSITIVE_INFINITY;
        const room = Math.min(rules.perRequest, next - first, rules.last - first + 1);
        const { ours, surplus } = takeOldest(byLabel.get(label), room, rules.known);
        for (const [n, key] of ours.entries())
            result.byNumber.set(first + n, key);
        if (surplus.keys.length > 0)
            result.surplus.push({ label, ...surplus });
    });
    return result;
}
/** The first `room` keys of a label: known ones first, then the oldest; a tie at the edge takes none of the tied. */
function takeOldest(keys, room, known = new Map()) {
    const rank = (key) => known.get(key.key) ?? Number.POSITIVE_INFINITY;
    const ordered = [...keys].sort((a, b) => (rank(a) === rank(b) ? created(a) - created(b) : rank(a) - rank(b)));
    let ours = ordered.slice(0, room);
    const beyond = ordered.slice(room);
    const edge = ours.at(-1);
    const undecided = edge !== undefined && !known.has(edge.key) && beyond.length > 0 && created(beyond[0]) === created(edge);
    if (undecided)
        ours = ours.filter((key) => known.has(key.key) || created(key) !== created(edge));
    return { ours, surplus: { keys: ordered.filter((key) => !ours.includes(key)), undecided } };
}
/** The command that lists a label's keys, every part quoted as a shell needs (a server's address is text too). */
function lookUpCommand(server, label) {
    return `quota-keys list --url ${(0,shared_text/* shellQuote */.ZL)(server)} --label-prefix ${(0,shared_text/* shellQuote */.ZL)(label)}`;
}
/**
 * One warning line per label holding keys that are not the batch's (at most 5, then how many more):
 * the keys shortened, that they were not `taken` ("exported"), and how to look them up.
 */
function surplusWarnings(surplus, taken, server) {
    const lines = surplus.slice(0, 5).map(({ label, keys, undecided }) => {
        const shown = `${keys
            .slice(0, 3)
            .map((key) => (0,redact/* shortenKey */.PV)(key.key))
            .join(', ')}${keys.length > 3 ? ', \u2026' : ''}`;
        const look = `look them up with \`${lookUpCommand(server, label)}\``;
        return undecided
            ? `Label ${label} holds ${keys.length} keys made in the same instant (${shown}): which of them is the ` +
                `batch's cannot be told, so none is ${taken}, its number counts as missing, and they are left on the ` +
                `server untouched (${look}).`
            : `Label ${label} holds ${keys.length} key(s) more than the batch made under it (${shown}), made after ` +
                `the batch's own: not this invocation's, not ${taken}, left on the server untouched (${look}).`;
    });
    if (surplus.length > 5)
        lines.push(`\u2026 and ${surplus.length - 5} more label(s) holding keys that are not the batch's.`);
    return lines;
}

;// CONCATENATED MODULE: ./src/transport/attempt-limits.ts
// Limits of one attempt of a request, as an undici interceptor: every dispatch is one attempt (the
// client's retry loop dispatches again), so the first and each retry get their own:
// - a total deadline: from dispatch (queue, connect, proxy tunnel) through headers to the last
//   byte of the body. undici's own timers only bound the gap between bytes, so a body that drips
//   one byte every half second never times out there;
// - a size limit on the answer (Content-Length, then the bytes that actually arrive);
// - cancellation: the run's abort signal ends the attempt even before undici has a connection for
//   it (a request waiting on a proxy that never completes its tunnel has no controller to abort).
// A failed attempt is reported to the handler above once; whatever undici says about it later is
// dropped, and undici's own request is aborted as soon as it has a controller.
// The client reads every answer whole before it decides on a retry: nothing above holds an answer
// paused, so the clock runs from dispatch to the last byte.

/** The whole answer did not arrive within the deadline. */
class DeadlineError extends errors/* QuotaKeysError */.t {
    ms;
    code = 'QK_DEADLINE';
    constructor(ms) {
        super(`no complete answer within ${ms / 1000} s`);
        this.ms = ms;
        this.name = 'TimeoutError';
    }
}
/** The answer is larger than the client accepts. */
class AnswerTooLargeError extends errors/* QuotaKeysError */.t {
    limit;
    announced;
    code = 'QK_ANSWER_TOO_LARGE';
    constructor(limit, announced) {
        super(`the answer is larger than ${formatBytes(limit)}` +
            `${announced !== undefined ? ` (Content-Length ${formatBytes(announced)})` : ''}`);
        this.limit = limit;
        this.announced = announced;
        this.name = 'AnswerTooLargeError';
    }
}
/** The run's abort signal fired while the attempt was on its way. */
class AttemptAbandonedError extends errors/* QuotaKeysError */.t {
    code = 'QK_ABANDONED';
    constructor() {
        super('abandoned (cancelled)');
        this.name = 'AbortError';
    }
}
/** 16 MiB: a listing of about 100 000 keys; anything larger is refused, not buffered. */
const MAX_ANSWER_BYTES = 16 * 1024 * 1024;
/** Where the limits ride in the dispatch options. */
const LIMITS = 'quotaKeysAttemptLimits';
function attemptLimits() {
    return (dispatch) => (opts, handler) => {
        const limits = opts[LIMITS];
        if (!limits)
            return dispatch(opts, handler);
        const guarded = new LimitedAttempt(limits, handler);
        try {
            return dispatch(opts, guarded);
        }
        catch (error) {
            guarded.dispose();
            throw error;
        }
    };
}
/** Handed to the handler above with our own failure: not aborted, so the retry policy still decides. */
const DETACHED = {
    aborted: false,
    paused: false,
    reason: null,
    abort() { },
    pause() { },
    resume() { },
};
/**
 * The attempts in flight on each abort signal, behind one listener per signal, in a list whose links
 * are cleared as each attempt ends. A listener of each attempt's own on the run-long signal chained
 * them all: Node's EventTarget (and a Set's table when rebuilt) leaves what was removed pointing at
 * what came after it, so once a full collection promoted an attempt in flight, every later attempt
 * was kept alive by the dead one before it and promoted too (a rotation of 100,000 keys: 5 KB
 * promoted per DELETE, a full collection every 170 ms, its time \u00d713 for \u00d710 the keys).
 */
const watchedOn = new WeakMap();
function watch(signal, abandon) {
    let list = watchedOn.get(signal);
    if (!list) {
        const created = {};
        watchedOn.set(signal, created);
        signal.addEventListener('abort', () => {
            for (let at = created.first; at; at = created.first) {
                unwatch(signal, at);
                at.abandon();
            }
        }, { once: true });
        list = created;
    }
    // In the order the attempts started: the abort abandons them in that order.
    const watched = { abandon, prev: list.last };
    if (list.last)
        list.last.next = watched;
    else
        list.first = watched;
    list.last = watched;
    return watched;
}
function unwatch(signal, watched) {
    const list = watchedOn.get(signal);
    if (!list)
        return;
    if (watched.prev)
        watched.prev.next = watched.next;
    else if (list.first === watched)
        list.first = watched.next;
    if (watched.next)
        watched.next.prev = watched.prev;
    else if (list.last === watched)
        list.last = watched.prev;
    watched.prev = undefined;
    watched.next = undefined;
}
class LimitedAttempt {
    limits;
    handler;
    controller;
    finished = false;
    failure;
    received = 0;
    timer;
    onAbort = () => this.fail(new AttemptAbandonedError());
    watched;
    constructor(limits, handler) {
        this.limits = limits;
        this.handler = handler;
        this.start();
        if (limits.signal?.aborted)
            setImmediate(this.onAbort);
        else if (limits.signal)
            this.watched = watch(limits.signal, this.onAbort);
    }
    /** The deadline: from dispatch to the answer's last byte. */
    start() {
        this.timer = setTimeout(() => {
            if (this.finished)
                return;
            this.limits.onDeadline?.();
            this.fail(new DeadlineError(this.limits.deadlineMs));
        }, this.limits.deadlineMs);
    }
    dispose() {
        this.finished = true;
        clearTimeout(this.timer);
        this.timer = undefined;
        if (this.limits.signal && this.watched)
            unwatch(this.limits.signal, this.watched);
        this.watched = undefined;
    }
    /**
     * Ends the attempt with `error`: aborts undici's request (now or when it starts) and tells the handler above
     * once.
     */
    fail(error) {
        if (this.finished)
            return;
        this.dispose();
        this.failure = error;
        try {
            this.controller?.abort(error);
        }
        catch {
            // already torn down
        }
        this.handler.onResponseError?.(DETACHED, error);
    }
    onRequestStart(controller, context) {
        this.controller = controller;
        if (this.finished) {
            if (this.failure)
                controller.abort(this.failure);
            return;
        }
        this.handler.onRequestStart?.(controller, context);
    }
    onRequestUpgrade(controller, statusCode, headers, socket) {
        if (!this.finished)
            this.handler.onRequestUpgrade?.(controller, statusCode, headers, socket);
    }
    onResponseStarted() {
        if (!this.finished)
            this.handler.onResponseStarted?.();
    }
    onBodySent(chunk) {
        if (!this.finished)
            this.handler.onBodySent?.(chunk);
    }
    onRequestSent() {
        if (!this.finished)
            this.handler.onRequestSent?.();
    }
    onResponseStart(controller, statusCode, headers, statusMessage) {
        if (this.finished)
            return;
        const announced = Number(headers['content-length']);
        if (statusCode >= 200 && Number.isFinite(announced) && announced > this.limits.maxAnswerBytes) {
            this.fail(new AnswerTooLargeError(this.limits.maxAnswerBytes, announced));
            return;
        }
        this.handler.onResponseStart?.(controller, statusCode, headers, statusMessage);
    }
    onResponseData(controller, chunk) {
        if (this.finished)
            return;
        this.received += chunk.length;
        if (this.received > this.limits.maxAnswerBytes) {
            this.fail(new AnswerTooLargeError(this.limits.maxAnswerBytes));
            return;
        }
        this.handler.onResponseData?.(controller, chunk);
    }
    onResponseEnd(controller, trailers) {
        if (this.finished)
            return;
        this.dispose();
        this.handler.onResponseEnd?.(controller, trailers);
    }
    onResponseError(controller, error) {
        if (this.finished)
            return;
        this.dispose();
        this.handler.onResponseError?.(controller, error);
    }
}
/** 16 MiB, 300 MB: binary units below a GiB as MiB. */
function formatBytes(bytes) {
    return bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB` : `${bytes} bytes`;
}

;// CONCATENATED MODULE: ./src/transport/retry.ts
// When to try a request again, and how long to wait: exponential backoff with full jitter, the
// server's Retry-After when it sends one, and one wait budget (max-wait-seconds) for the whole run.
/** First backoff ceiling; doubles per retry up to BACKOFF_CAP_MS (the delay is random below it). */
const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 30_000;
/** Full jitter (AWS architecture blog): uniform in [0, min(cap, base\u00b72^retry)). */
function fullJitter(retry, random = Math.random) {
    return Math.floor(random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** retry));
}
/** An HTTP date in any of its three forms starts with the day's name and holds a time of day. */
const HTTP_DATE = /^(mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s.*\d{1,2}:\d{2}:\d{2}/i;
/**
 * Retry-After: delta seconds or an HTTP date; undefined when absent. A date past what a Date can hold
 * (year 275760 and on: Date.parse gives NaN) is an endless wait, not an unreadable one.
 */
function readRetryAfter(value, now = Date.now()) {
    const raw = (Array.isArray(value) ? value[0] : value)?.trim();
    if (!raw)
        return undefined;
    if (/^\d+(\.\d+)?$/.test(raw))
        return { ms: Math.round(Number(raw) * 1000) };
    if (HTTP_DATE.test(raw)) {
        const date = Date.parse(raw);
        if (!Number.isNaN(date))
            return { ms: Math.max(0, date - now) };
        if (/\b\d{6,}\b/.test(raw))
            return { ms: Number.POSITIVE_INFINITY };
    }
    return { unreadable: raw };
}
/** Retry-After as milliseconds; undefined when absent or unreadable. */
function parseRetryAfter(value, now = Date.now()) {
    const wait = readRetryAfter(value, now);
    return wait && 'ms' in wait ? wait.ms : undefined;
}
/**
 * Total time the run may spend waiting (backoff, Retry-After, rate-limit windows), counted as wall
 * time in which at least one wait is running: four requests waiting out the same Retry-After spend
 * it once, not four times.
 */
class WaitBudget {
    maxMs;
    spent = 0;
    until = 0;
    constructor(maxMs) {
        this.maxMs = maxMs;
    }
    /** Milliseconds still available to a wait starting now. */
    left(now = Date.now()) {
        return Math.max(0, this.maxMs - this.spent + Math.max(0, this.until - now));
    }
    /** Books a wait of `ms` starting now; false (and nothing booked) when it would exceed the budget. */
    reserve(ms, now = Date.now()) {
        if (Number.isNaN(ms))
            return false;
        const end = now + Math.max(0, ms);
        const extra = Math.max(0, end - Math.max(now, this.until));
        if (this.spent + extra > this.maxMs)
            return false;
        this.spent += extra;
        this.until = Math.max(this.until, end);
        return true;
    }
    /** Milliseconds booked so far. */
    get used() {
        return this.spent;
    }
}
/** Waits past this are no plan a run can make: said in words, with no moment to retry at. */
const LONGEST_WAIT_MS = 365 * 86_400_000;
/** "42 s", or "more than a year" (also for a wait no date can end). */
function waitText(ms) {
    return ms > LONGEST_WAIT_MS ? 'more than a year' : `${Math.ceil(ms / 1000)} s`;
}
/** ISO 8601 UTC to the second, rounded up (a retry time must not be early); words for a time no date holds. */
function isoSeconds(date) {
    const ms = Math.ceil(date.getTime() / 1000) * 1000;
    return Number.isNaN(new Date(ms).getTime())
        ? 'a time past any date'
        : new Date(ms).toISOString().replace('.000Z', 'Z');
}
/** "in 42 s (at 2026-11-26T09:15:00Z)": when a wait that did not fit the budget would have ended. */
function retryMoment(waitMs, now = Date.now()) {
    if (waitMs > LONGEST_WAIT_MS)
        return `in ${waitText(waitMs)}: ${NO_RETRY_TIME}`;
    return `in ${waitText(waitMs)} (at ${isoSeconds(new Date(now + waitMs))})`;
}
const NO_RETRY_TIME = "no time to retry at: check the server's rate-limit settings and its clock";
/** "retry after 2026-11-26T09:15:00Z", or, past a year, what to check instead. */
function retryAdvice(retryAt, now = Date.now()) {
    const waitMs = retryAt.getTime() - now;
    return Number.isNaN(waitMs) || waitMs > LONGEST_WAIT_MS ? NO_RETRY_TIME : `retry after ${isoSeconds(retryAt)}`;
}

;// CONCATENATED MODULE: ./src/transport/errors.ts
// What a request can fail with: no answer, an unexpected status, an answer that is not what was asked.
// The client (./http.ts) makes these; the API, commands and the issuing steps only read them.



/** The request never produced a complete answer. `sent` is false only when we know the server saw nothing. */
class NetworkError extends errors/* QuotaKeysError */.t {
    kind;
    target;
    sent;
    attempts;
    constructor(kind, target, detail, sent, attempts = 1) {
        super(`${target}: ${detail}${attempts > 1 ? ` (${attempts} attempts)` : ''}`);
        this.kind = kind;
        this.target = target;
        this.sent = sent;
        this.attempts = attempts;
        this.name = 'NetworkError';
    }
}
/** The server answered with a status that the caller did not expect. */
class HttpStatusError extends errors/* QuotaKeysError */.t {
    status;
    target;
    snippet;
    headers;
    earlierMayHaveActed;
    constructor(status, target, snippet, headers, note = '', 
    /**
     * An earlier attempt may have done the work (a DELETE then answers 404): not after a 429 or a refused
     * connection.
     */
    earlierMayHaveActed = false) {
        super(`${target} answered ${status}${snippet ? `: ${snippet}` : ''}${note}`);
        this.status = status;
        this.target = target;
        this.snippet = snippet;
        this.headers = headers;
        this.earlierMayHaveActed = earlierMayHaveActed;
        this.name = 'HttpStatusError';
    }
}
/**
 * The admin rate limit stopped a request: answered 429 after the retries or the wait budget ran
 * out, or (answered: false) not sent because the limit is used up and waiting is not allowed.
 */
class RateLimitedError extends HttpStatusError {
    retryAt;
    answered;
    constructor(target, retryAt, answered, why, headers = {}, 
    /** What to do: by default when to retry (or, past a year, what to check). */
    advice = retryAdvice(retryAt)) {
        super(429, target, '', headers);
        this.retryAt = retryAt;
        this.answered = answered;
        this.message =
            `${target}: ` +
                `${answered ? 'answered 429 (rate limited)' : 'not sent: the admin rate limit is used up'}; ${why}; ${advice}.`;
        this.name = 'RateLimitedError';
    }
}
/** The server answered 2xx but the body is not the JSON we need (HTML page, truncated body\u2026). */
class BadAnswerError extends errors/* QuotaKeysError */.t {
    status;
    target;
    snippet;
    constructor(status, target, snippet, message = `${target} answered ${status} with something that is not the expected JSON: ${snippet}`) {
        super(message);
        this.status = status;
        this.target = target;
        this.snippet = snippet;
        this.name = 'BadAnswerError';
    }
}
/** The answer broke off before its end (connection lost, Content-Length not reached, body timeout). */
class CutOffAnswerError extends BadAnswerError {
    constructor(status, target, snippet, received, expected, attempts) {
        const size = expected === undefined ? `${received} bytes` : `${received} of ${expected} bytes`;
        const tries = attempts > 1 ? ` (${attempts} attempts)` : '';
        super(status, target, snippet, `${target} answered ${status} but the answer was cut off after ${size}${tries}: ${snippet || '(empty)'}`);
        this.name = 'CutOffAnswerError';
    }
}
/** An answer larger than the client accepts: refused, not read. */
function answerTooLarge(target, error, attempts, status = 200) {
    const tries = attempts > 1 ? ` (${attempts} attempts)` : '';
    return new BadAnswerError(status, target, '', `${target}: ${error.message}, more than the ${formatBytes(error.limit)} an answer may have; not read${tries}`);
}
/**
 * An attempt that got no answer, from what undici or Node said. A timeout after sending names the
 * deadline; a refused connection, an unknown host or anything not sent names the proxy it went through.
 */
function networkErrorOf(error, target, attempts, timeoutMs, viaProxy) {
    const { kind, detail, sent } = classify(error);
    const what = kind === 'timeout' && sent ? `timed out after ${timeoutMs / 1000} s` : detail;
    const advice = kind === 'plain-http' ? PLAIN_HTTP_ADVICE : '';
    return new NetworkError(kind, target, `${what}${kind === 'refused' || kind === 'dns' || !sent ? viaProxy : ''}${advice}`, sent, attempts);
}
/** An answer that broke off and is not read again: past its deadline a timeout, else a cut-off answer. */
function brokenOffError(answer, target, attempts, timeoutMs) {
    const { status, received } = answer;
    if (answer.error instanceof DeadlineError) {
        return new NetworkError('timeout', target, `timed out after ${timeoutMs / 1000} s (answer ${status} still arriving after ${received} bytes)`, true, attempts);
    }
    const expected = Number(answer.headers['content-length']);
    return new CutOffAnswerError(status, target, answer.snippet, received, Number.isFinite(expected) ? expected : undefined, attempts);
}
/** What an error status adds after its snippet: the wait the budget could not give, or how many attempts it took. */
function statusNote(answer) {
    const refused = answer.refused;
    if (refused) {
        const asked = refused.serverAsked
            ? `the server asks to wait ${waitText(refused.waitMs)}`
            : 'the next retry would wait';
        return `; ${asked}, more than max-wait-seconds leaves; retry ${retryMoment(refused.waitMs)}`;
    }
    return answer.retries ? ` (${answer.retries + 1} attempts)` : '';
}
/**
 * OpenSSL's words when the bytes that came back to our TLS ClientHello are no TLS record: the port
 * speaks plain HTTP (its "HTTP/1.1 400" read as a record header), not a certificate problem.
 */
const PLAIN_HTTP_CODES = new Set([
    'ERR_SSL_WRONG_VERSION_NUMBER',
    'ERR_SSL_PACKET_LENGTH_TOO_LONG',
    'ERR_SSL_UNKNOWN_PROTOCOL',
    'ERR_SSL_RECORD_LAYER_FAILURE',
]);
const PLAIN_HTTP_WORDS = /wrong version number|packet length too long|unknown protocol|record layer failure/i;
const PLAIN_HTTP_ADVICE = ": use http:// in url, or the server's TLS port";
/**
 * What a failed attempt (an undici or Node error) means: its kind, a message, and whether the server may have seen
 * it.
 */
function classify(error) {
    const err = error;
    const code = err.code ?? err.cause?.code ?? '';
    if (code === 'UND_ERR_CONNECT_TIMEOUT')
        return { kind: 'timeout', detail: 'timed out connecting', sent: false };
    // undici 8: the proxy closed the connection before the CONNECT tunnel was up (undici 7 looped forever).
    if (code === 'UND_ERR_PRX_CONN')
        return {
            kind: 'network',
            detail: 'the proxy closed the connection while opening the tunnel (CONNECT)',
            sent: false,
        };
    if (code === 'QK_ABANDONED')
        return { kind: 'network', detail: 'abandoned (cancelled)', sent: true };
    if (err.name === 'TimeoutError' ||
        code === 'UND_ERR_HEADERS_TIMEOUT' ||
        code === 'UND_ERR_BODY_TIMEOUT' ||
        code === 'ETIMEDOUT')
        return { kind: 'timeout', detail: 'timed out', sent: true };
    if (code === 'ECONNREFUSED')
        return { kind: 'refused', detail: 'connection refused', sent: false };
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
        return { kind: 'dns', detail: 'host name not found (DNS)', sent: false };
    if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE' || code === 'UND_ERR_CLOSED')
        return { kind: 'reset', detail: 'connection reset by the server', sent: true };
    if (err.name === 'AbortError' || code === 'UND_ERR_ABORTED')
        return { kind: 'network', detail: 'abandoned (cancelled)', sent: true };
    const message = err.message ?? String(error);
    // The handshake failed: nothing of the request was sent.
    if (PLAIN_HTTP_CODES.has(code) || PLAIN_HTTP_WORDS.test(message))
        return { kind: 'plain-http', detail: 'the port answers plain HTTP, not TLS', sent: false };
    // OpenSSL's messages end in a line break: one line.
    return { kind: 'network', detail: message.replace(/\s+/g, ' ').trim(), sent: true };
}

;// CONCATENATED MODULE: ./src/quota-proxy/errors.ts
// The API's own failure (an operation a flavor lacks) and which failures end a run early. The
// failures of a request itself (network, status, answer) are the transport's: ../transport/errors.ts.


class UnsupportedOperationError extends errors/* QuotaKeysError */.t {
    constructor(flavor, operation, hint = '') {
        super(`The ${flavor} quota-proxy flavor has no ${operation}${hint ? `: ${hint}` : '.'}`);
        this.name = 'UnsupportedOperationError';
    }
}
/**
 * Answers after which every further admin request of the run would fail the same way: a bad
 * request body (400; v01 without persistence), a bad token (401, 403), a missing route (404, 405).
 * A DELETE of a key that is already gone is not one: deleteKey answers false for its 404.
 */
const FATAL_STATUSES = [400, 401, 403, 404, 405];
/**
 * Errors after which further requests would fail the same way (bad token, missing route, rate limit, an operation the
 * flavor lacks).
 */
function isFatal(error) {
    if (error instanceof UnsupportedOperationError || error instanceof RateLimitedError)
        return true;
    return error instanceof HttpStatusError && FATAL_STATUSES.includes(error.status);
}

// EXTERNAL MODULE: ./src/shared/cancel.ts
var cancel = __webpack_require__(3739);
;// CONCATENATED MODULE: ./src/issuing/collect.ts
function collectResult(requests, ledger, result, audit) {
    const place = new Map();
    for (const [label, members] of ledger.members)
        for (const [index, request] of members.entries())
            place.set(request.label, { label, index });
    for (const [label, uncertain] of ledger.uncertain) {
        const have = ledger.inCsv.get(label)?.length ?? 0;
        if (have < (ledger.members.get(label)?.length ?? 0))
            result.unresolved.push(uncertain.label);
    }
    for (const request of requests) {
        const at = place.get(request.label);
        const key = at ? ledger.inCsv.get(at.label)?.[at.index] : undefined;
        if (key) {
            result.assigned.set(request.label, key);
            continue;
        }
        const uncertain = at ? ledger.uncertain.get(at.label) : undefined;
        const error = uncertain
            ? `unknown whether the server created it (${uncertain.error})`
            : ((at && ledger.failed.get(at.label)) ?? ledger.failed.get(request.label) ?? 'not attempted');
        result.failures.push({ label: request.label, error });
        // Only what was sent: a request never attempted (or held back by the rate limit) changed nothing.
        if (!error.startsWith('not attempted') && !error.includes(': not sent: '))
            audit?.({ label: request.label, outcome: uncertain ? 'unknown' : 'failed', reason: error });
    }
    return result;
}

;// CONCATENATED MODULE: ./src/issuing/issue-result.ts
/** The result before the first request: nothing created, nothing failed. */
function emptyResult(requested) {
    return {
        requested,
        created: [],
        failures: [],
        assigned: new Map(),
        adopted: 0,
        reexported: 0,
        unresolved: [],
        duplicatesDeleted: 0,
        repeatedKeys: 0,
        cancelled: false,
    };
}

;// CONCATENATED MODULE: ./src/issuing/rate-limit-announcement.ts

/**
 * Says whether `keys` keys fit the window; all are sent when the rest may wait for the next windows,
 * else only what fits now. What is sent is paced by the HTTP client, which sends no request the
 * window has no room for. `runAgain` follows "run again after <time>" (` with \`quota-keys \u2026\``).
 */
function announceRateLimit(api, log, keys, { onRateLimit, runAgain = '' }) {
    const perRequest = api.known?.capabilities.maxKeysPerCreate ?? 1;
    const needed = Math.ceil(keys / perRequest);
    const plan = api.rateLimitPlan(needed);
    if (!plan)
        return { announced: false, send: keys };
    if (plan.fits)
        return { announced: true, send: keys };
    const fit = Math.min(keys, plan.available * perRequest);
    const at = isoSeconds(plan.resetAt);
    const windows = plan.limit ? Math.ceil((needed - plan.available) / plan.limit) : 1;
    const message = `The server's admin rate limit leaves ${plan.available} request(s) until ${at}` +
        `${plan.limit ? ` (${plan.limit} per window)` : ''} and the ` +
        `${keys} key(s) to create need ${needed}: ${fit} fit now, the rest ` +
        `${windows > 1 ? `over ${windows} more windows from ${at}` : `after ${at}`}.`;
    const rest = `creating the ${fit} that fit now; the other ${keys - fit} will not be requested ` +
        `(run again after ${at}${runAgain}`;
    const left = api.waitBudgetLeft();
    let why;
    if (onRateLimit === 'fail') {
        log.warning(`${message} on-rate-limit is fail: ${rest}, or set on-rate-limit: wait).`);
        why = 'on-rate-limit is fail';
    }
    else if (plan.waitMs > left) {
        log.warning(`${message} Waiting ${waitText(plan.waitMs)} is more than max-wait-seconds leaves (` +
            `${Math.floor(left / 1000)} s): ${rest}, or raise max-wait-seconds).`);
        why =
            `waiting ${waitText(plan.waitMs)} for the next window exceeds what max-wait-seconds ` +
                `leaves (${Math.floor(left / 1000)} s)`;
    }
    else {
        log.warning(`${message} Waiting for the limit as on-rate-limit is wait (within max-wait-seconds).`);
        return { announced: true, send: keys };
    }
    const refusal = `${api.describe('POST', '/admin/keys')}: not sent: the admin rate limit is used up; ` +
        `${why}; ${retryAdvice(plan.resetAt)}.`;
    return { announced: true, send: fit, heldBack: { refusal, until: at } };
}

;// CONCATENATED MODULE: ./src/issuing/reconcile.ts
// POST /admin/keys is not idempotent: after a create whose outcome is unknown the server may or
// may not hold the key(s). Repeating the request blindly could make a second key; giving up could
// leave a key nobody has. So: list the server's keys, adopt what carries the create's label, create
// again only what is missing, and at the end check that the server holds exactly as many keys per
// label as were asked, all of them in the CSV.
//
// Only labels of this invocation are ever looked at: they carry its per-process nonce
// (./labels.ts), so no other run, job, step or process can have made a key under one. A label
// given by hand (generate, a kept label in rotate) is never adopted, created again or deleted.



/** Whether a failed create may nevertheless have made the key(s). */
function isAmbiguousCreateFailure(error) {
    if (error instanceof cancel/* CancelledError */.cc || error instanceof UnsupportedOperationError)
        return false;
    // Refused, DNS, connect timeout: the request never reached the server.
    if (error instanceof NetworkError)
        return error.sent;
    // 4xx (429 included) is a refusal; 5xx may come from a proxy after the server committed.
    if (error instanceof HttpStatusError)
        return error.status >= 500;
    // A 2xx that could not be read (cut off, HTML, no key in it), or anything unexpected: assume it may exist.
    return true;
}
/** The server's keys carrying one of `labels`, by label, oldest first. */
async function keysCarrying(api, labels) {
    const byLabel = new Map();
    for await (const page of api.listKeys()) {
        for (const key of page) {
            if (!labels.has(key.label))
                continue;
            const keys = byLabel.get(key.label) ?? [];
            keys.push(key);
            byLabel.set(key.label, keys);
        }
    }
    for (const keys of byLabel.values())
        keys.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    return byLabel;
}
/**
 * Compares the ledger with a listing of the server's keys under our own labels: each label ends
 * with as many keys in the CSV as were asked for it, any more are `extras`, and an uncertain label
 * still short is created again (the missing count, under the same label). A key already in the CSV
 * is neither adopted nor an extra: whatever its label, the run that wrote it never deletes it.
 */
function reconcileAmbiguousCreates(ledger, onServer, allowRecreate) {
    const result = { adopt: [], recreate: [], missing: [], extras: [] };
    const have = (label) => (ledger.inCsv.get(label)?.length ?? 0) + result.adopt.filter((k) => k.label === label).length;
    for (const [label, listed] of onServer) {
        const asked = ledger.members.get(label)?.length ?? 0;
        const unknown = listed.filter((k) => !ledger.csvKeys.has(k.key));
        // The oldest are the ones the first attempt made; any later one is a duplicate.
        const wanted = Math.max(0, asked - have(label));
        result.adopt.push(...unknown.slice(0, wanted));
        result.extras.push(...unknown.slice(wanted));
    }
    for (const [label, uncertain] of ledger.uncertain) {
        const members = ledger.members.get(label) ?? [];
        const short = members.slice(have(label));
        if (short.length === 0)
            continue;
        if (allowRecreate)
            result.recreate.push({ label, requests: short });
        else
            result.missing.push(uncertain);
    }
    return result;
}

;// CONCATENATED MODULE: ./src/issuing/key-issuer.ts
// Creating many keys: bounded concurrency over one keep-alive pool, native batches where the
// flavor has them, every created key written to the CSV the moment it arrives. A create whose
// outcome is unknown is never simply repeated: the server's key list decides (./reconcile.ts).
// The first request goes alone: it tells the flavor (how many keys one request makes) and the
// admin rate limit, so a batch that cannot fit is announced before it is sent.
//
// One KeyIssuer per call of issueKeys: its ledger and stop reason are the state every step shares;
// the steps, in the order run() takes them: sendFirst (announceRateLimit, createAll of the first
// unit), createUntilSettled (reconcile, createAll, settleDuplicate), collect (./collect.ts).









/** Creates `requests` (see KeyIssuer) and says what became of each. */
async function issueKeys(requests, concurrency, services) {
    return new KeyIssuer(requests, concurrency, services).run();
}
class KeyIssuer {
    requests;
    concurrency;
    services;
    result;
    ledger = {
        members: new Map(),
        inCsv: new Map(),
        csvKeys: new Set(),
        uncertain: new Map(),
        failed: new Map(),
    };
    /** Why no further create is sent (a fatal error, a repeated key); undefined while creating goes on. */
    stop;
    /** Labels with a key the server made that could not be written to the CSV, and why. */
    unwritten = new Map();
    attemptsPerLabel;
    constructor(requests, concurrency, services) {
        this.requests = requests;
        this.concurrency = concurrency;
        this.services = services;
        this.attemptsPerLabel = (services.retries ?? 3) + 1;
        this.result = emptyResult(requests.length);
    }
    async run() {
        const queue = this.requests.length > 0 ? await this.sendFirst() : [];
        await this.createUntilSettled(queue);
        return this.collect();
    }
    get api() {
        return this.services.api;
    }
    get log() {
        return this.services.log;
    }
    isOwn(label) {
        const { ownSuffix } = this.services;
        return ownSuffix !== undefined && ownSuffix !== '' && label.endsWith(`-${ownSuffix}`);
    }
    cancelled() {
        return this.services.cancellation?.requested === true;
    }
    halted() {
        return this.stop !== undefined || this.cancelled();
    }
    have(label) {
        return this.ledger.inCsv.get(label)?.length ?? 0;
    }
    asked(label) {
        return this.ledger.members.get(label)?.length ?? 0;
    }
    ownUncertain() {
        return [...this.ledger.uncertain.keys()].some((label) => this.isOwn(label));
    }
    /** Into the CSV under the label it was created under; false for a key the CSV already holds. */
    accept(key, label) {
        const { ledger } = this;
        this.log.secret(key.key, 'key');
        if (ledger.csvKeys.has(key.key))
            return false;
        ledger.csvKeys.add(key.key);
        try {
            this.services.sink(key);
        }
        catch (error) {
            this.notWritten(label, key, error);
            return true;
        }
        ledger.inCsv.set(label, [...(ledger.inCsv.get(label) ?? []), key]);
        this.result.created.push(key);
        this.services.audit?.({ label, key: key.key, outcome: 'created' });
        return true;
    }
    /** A key the server made but the CSV could not take: its request fails, and no further key is created. */
    notWritten(label, key, error) {
        const shown = (0,redact/* shortenKey */.PV)(key.key);
        const message = `created on the server as ${shown} but not written to the CSV (${(0,errors/* errorMessage */.g)(error)})`;
        this.unwritten.set(label, message);
        this.halt(label, message);
    }
    /** No further key is created, and the log says why, naming the label. */
    halt(label, message) {
        this.log.warning(`Label ${label}: ${message}; no further key is created.`);
        this.stop ??= new errors/* QuotaKeysError */.t(message);
    }
    enlist(unit) {
        if (unit.fresh)
            this.ledger.members.set(unit.label, [...(this.ledger.members.get(unit.label) ?? []), ...unit.requests]);
    }
    /**
     * Requests into create units: on a flavor with native batches, consecutive numbers of one of our
     * batches share a request (up to its maximum) and that request's label, the first one's; all
     * else goes one key per request under its own label.
     */
    formUnits(queue) {
        const max = this.api.known?.capabilities.maxKeysPerCreate ?? 1;
        const { ownSuffix } = this.services;
        const units = [];
        for (const request of queue) {
            const last = units.at(-1);
            if (last &&
                last.requests.length < max &&
                ownSuffix &&
                (0,labels/* followsInBatch */.wc)(last.requests.at(-1).label, request.label, ownSuffix))
                last.requests.push(request);
            else
                units.push({ label: request.label, requests: [request], fresh: true });
        }
        return units;
    }
    /** Step: the first request goes alone, after the rate limit is announced if known; returns the rest to send. */
    async sendFirst() {
        const { api } = this;
        // Known before the first create when an admin request came first (a listing, a token check).
        const { announced, send } = this.announceRateLimit(this.requests);
        const sendable = this.requests.slice(0, send);
        // The first request goes alone: it tells the flavor (how many keys one request makes) and the
        // admin rate limit. With the flavor known (forced), it is a whole native batch.
        const [first] = this.formUnits(api.known ? sendable : sendable.slice(0, 1));
        if (first)
            await this.createAll([first], 1);
        const queue = sendable.slice(first?.requests.length ?? 0);
        if (this.halted()) {
            this.notAttempted(queue);
            return [];
        }
        return announced ? queue : queue.slice(0, this.announceRateLimit(queue).send);
    }
    /** Step: one create request for a unit; its keys go into the CSV, its failure into the ledger. */
    async create(unit) {
        const { label, requests: chunk } = unit;
        this.enlist(unit);
        try {
            const keys = await this.api.createKeys(chunk.map((request) => ({ ...request, label })));
            this.created(label, chunk.length, keys);
        }
        catch (error) {
            this.createFailed(label, error);
        }
    }
    created(label, asked, keys) {
        const { ledger } = this;
        const repeated = keys.filter((key) => !this.accept(key, label)).length;
        if (repeated > 0) {
            // A broken (or hostile) server or proxy: one key answered for several creates is one key.
            this.result.repeatedKeys += repeated;
            const message = `the server answered ${repeated} key(s) it had already given for another create (a ` +
                `broken server or proxy in between): counted once`;
            ledger.failed.set(label, message);
            ledger.uncertain.delete(label);
            this.halt(label, message);
        }
        else if (keys.length < asked) {
            // Asked n, answered fewer: the server may hold more than it said; the listing decides.
            ledger.uncertain.set(label, { label, error: `the server answered ${keys.length} key(s) for ${asked} asked` });
        }
        else {
            ledger.uncertain.delete(label);
            ledger.failed.delete(label);
            // More keys than asked: a broken (or hostile) server. They exist, so they are kept, but no further create is
            // sent, since each could multiply again (10,000 keys for each chunk of 100: a million).
            if (keys.length > asked)
                this.halt(label, `the server answered ${keys.length} key(s) for ${asked} asked (all are in the CSV)`);
        }
        const unwritten = this.unwritten.get(label);
        if (unwritten)
            ledger.failed.set(label, unwritten);
    }
    createFailed(label, error) {
        const { ledger } = this;
        const message = (0,errors/* errorMessage */.g)(error);
        if (error instanceof cancel/* CancelledError */.cc) {
            if (!ledger.uncertain.has(label))
                ledger.failed.set(label, 'not attempted: cancelled');
        }
        else if (isAmbiguousCreateFailure(error)) {
            ledger.uncertain.set(label, { label, error: message });
        }
        else {
            ledger.failed.set(label, message);
            if (isFatal(error))
                this.stop ??= error;
        }
    }
    notAttempted(queue) {
        const why = this.cancelled()
            ? 'not attempted: cancelled'
            : this.stop !== undefined
                ? `not attempted after: ${(0,errors/* errorMessage */.g)(this.stop)}`
                : 'not attempted';
        for (const request of queue)
            if (!this.ledger.uncertain.has(request.label))
                this.ledger.failed.set(request.label, why);
    }
    /** Step: every unit, at most `width` at a time, until done, stopped or cancelled. */
    async createAll(units, width) {
        let next = 0;
        const worker = async () => {
            while (next < units.length && !this.halted())
                await this.create(units[next++]);
        };
        await Promise.all(Array.from({ length: Math.max(1, Math.min(width, units.length)) }, worker));
        for (const unit of units.slice(next)) {
            this.enlist(unit);
            this.notAttempted(unit.requests);
        }
    }
    /**
     * Step: says up front when `queue` does not fit the admin rate limit's window (./rate-limit-announcement.ts);
     * returns how many of it to send, the rest marked not requested here, so no request is sent that the server
     * would refuse.
     */
    announceRateLimit(queue) {
        const { onRateLimit, runAgain } = this.services;
        const { announced, send, heldBack } = announceRateLimit(this.api, this.log, queue.length, {
            onRateLimit,
            runAgain,
        });
        if (heldBack) {
            for (const request of queue.slice(send))
                this.ledger.failed.set(request.label, heldBack.refusal);
            this.result.heldBackUntil = heldBack.until;
        }
        return { announced, send };
    }
    /**
     * Step: creates `queue`, then, while creates of ours have an unknown outcome, lists the server's
     * keys and creates again what the listing did not find (at most attemptsPerLabel times a label).
     */
    async createUntilSettled(queue) {
        let again = [];
        let rounds = 0;
        let listed = false;
        let canList = true;
        let createdSinceListing = true;
        for (;;) {
            if (this.ownUncertain() && canList && !this.cancelled()) {
                rounds += 1;
                const recreate = await this.reconcile(rounds < this.attemptsPerLabel);
                if (recreate) {
                    listed = true;
                    createdSinceListing = false;
                    again = recreate;
                }
                else {
                    // The uncertain ones stay unresolved (reported); the others are independent of them.
                    canList = false;
                }
            }
            const units = [...again, ...this.formUnits(queue)];
            again = [];
            queue = [];
            if (units.length === 0 || this.halted()) {
                for (const unit of units)
                    this.notAttempted(unit.requests);
                break;
            }
            await this.createAll(units, this.concurrency);
            createdSinceListing = true;
        }
        // A create that timed out may still commit after the list said it was missing; once labels were
        // created again, one more look finds such a key too many.
        if (listed && canList && createdSinceListing && !this.cancelled() && !this.ownUncertain())
            await this.reconcile(false);
    }
    /**
     * Step: lists the server's keys under our labels and settles every uncertain one of ours; undefined when the list
     * could not be read.
     */
    async reconcile(allowRecreate) {
        const { api, log, ledger } = this;
        const own = new Map([...ledger.uncertain].filter(([label]) => this.isOwn(label)));
        if (own.size > 0) {
            log.warning(`${own.size} create(s) failed with an unknown outcome (first: ${[...own.values()][0].error}); ` +
                `listing the server's keys to see which exist.`);
        }
        let onServer;
        try {
            onServer = await keysCarrying(api, new Set([...ledger.members.keys()].filter((label) => this.isOwn(label))));
        }
        catch (error) {
            log.warning(`Could not list the server's keys to check: ${(0,errors/* errorMessage */.g)(error)}`);
            return undefined;
        }
        const outcome = reconcileAmbiguousCreates({ ...ledger, uncertain: own }, onServer, allowRecreate);
        let adopted = 0;
        for (const key of outcome.adopt)
            if (this.accept(key, key.label))
                adopted += 1;
        this.result.adopted += adopted;
        for (const label of own.keys())
            if (this.have(label) >= this.asked(label))
                ledger.uncertain.delete(label);
        for (const unit of outcome.recreate)
            ledger.uncertain.delete(unit.label);
        for (const missing of outcome.missing) {
            ledger.uncertain.delete(missing.label);
            ledger.failed.set(missing.label, `not created in ${this.attemptsPerLabel} attempts (last: ${missing.error})`);
        }
        for (const extra of outcome.extras)
            await this.settleDuplicate(extra);
        if (own.size > 0) {
            const again = outcome.recreate.reduce((n, unit) => n + unit.requests.length, 0);
            log.info(`Of ${own.size} unknown outcome(s): ${adopted} key(s) were created after all (now in the CSV), ` +
                `${again} to create again.`);
        }
        return outcome.recreate.map((unit) => ({ ...unit, fresh: false }));
    }
    /**
     * Step: a key beyond those asked for under one of our labels: deleted where the flavor can, else
     * kept in the CSV so none is lost. It is never a key of the CSV (reconcileAmbiguousCreates leaves
     * those out), nor another invocation's (our labels carry our nonce).
     */
    async settleDuplicate(extra) {
        const { api, log } = this;
        log.secret(extra.key, 'key');
        if (this.ledger.csvKeys.has(extra.key) || !this.isOwn(extra.label))
            return;
        if (api.known?.capabilities.delete && !this.cancelled()) {
            try {
                await api.deleteKey(extra.key);
                this.result.duplicatesDeleted += 1;
                this.services.audit?.({ label: extra.label, key: extra.key, outcome: 'deleted', reason: 'a key too many' });
                log.warning(`Label ${extra.label} had a key too many, ${(0,redact/* shortenKey */.PV)(extra.key)} (a create that went through ` +
                    `after all): deleted it.`);
                return;
            }
            catch (error) {
                log.warning(`Could not delete the key too many ${(0,redact/* shortenKey */.PV)(extra.key)} of label ${extra.label}: ${(0,errors/* errorMessage */.g)(error)}`);
            }
        }
        this.accept(extra, extra.label);
        log.warning(`Label ${extra.label} has a key too many, ${(0,redact/* shortenKey */.PV)(extra.key)}, on the server; it is in the CSV too.`);
    }
    /** Step: each request gets the next key of its label, in order, or the reason it has none (./collect.ts). */
    collect() {
        this.result.cancelled = this.cancelled();
        return collectResult(this.requests, this.ledger, this.result, this.services.audit);
    }
}

;// CONCATENATED MODULE: ./src/issuing/rerun.ts


/**
 * Whether this run is a re-run whose earlier attempts may have issued this batch: a GitHub run
 * past its first attempt, with labels of this invocation.
 */
function isRerunOfBatch(context, requests) {
    if (context.platform !== 'github' || context.attempt <= 1 || !context.invocation)
        return false;
    return (requests.length > 0 &&
        requests.every((r) => {
            const label = (0,labels/* parseBatchLabel */.Cp)(r.label);
            return (label?.run === context.runId &&
                label.attempt === context.attempt &&
                label.invocation === context.invocation &&
                label.nonce === context.nonce);
        }));
}
/**
 * Does a stem of an earlier attempt name this batch? The same stem, or, when `name` was not given,
 * the default for the same trigger on another day (`batch-<date>`, `scheduled-<date>`, after any
 * label-prefix): a re-run the next day computes another date.
 */
function sameBatchStem(stem, ours, nameGiven) {
    if (stem === ours)
        return true;
    if (nameGiven)
        return false;
    const dated = /^(.*(?:^|-)(?:batch|scheduled)-)\d{8}$/;
    const [theirs, mine] = [dated.exec(stem), dated.exec(ours)];
    return Boolean(theirs && mine && theirs[1] === mine[1]);
}
/** Lists the server's keys and picks those an earlier attempt of this step made for `requests`. */
async function findEarlierAttempts(api, context, requests, nameGiven) {
    const byNumber = new Map();
    let stem = '';
    for (const request of requests) {
        const label = (0,labels/* parseBatchLabel */.Cp)(request.label);
        stem = label.stem;
        byNumber.set(label.number, request);
    }
    // attempt \u2192 label \u2192 keys; attempt \u2192 nonces seen.
    const groups = new Map();
    const nonces = new Map();
    for await (const page of api.listKeys()) {
        for (const key of page) {
            const label = (0,labels/* parseBatchLabel */.Cp)(key.label);
            if (!label ||
                label.run !== context.runId ||
                label.invocation !== context.invocation ||
                label.attempt === undefined)
                continue;
            if (label.attempt >= context.attempt || !sameBatchStem(label.stem, stem, nameGiven))
                continue;
            nonces.set(label.attempt, (nonces.get(label.attempt) ?? new Set()).add(label.nonce));
            const ofAttempt = groups.get(label.attempt) ?? new Map();
            ofAttempt.set(key.label, [...(ofAttempt.get(key.label) ?? []), key]);
            groups.set(label.attempt, ofAttempt);
        }
    }
    const collided = [...nonces]
        .filter(([, seen]) => seen.size > 1)
        .map(([attempt]) => attempt)
        .sort((a, b) => a - b);
    // The latest attempt wins (an earlier `force: true` re-issued them); within one, ./batch-numbers.ts
    // says which key stands for which number, and which keys under its labels are not its own.
    const rules = { perRequest: api.known?.capabilities.maxKeysPerCreate ?? 1, last: Math.max(...byNumber.keys()) };
    const found = new Map();
    const surplus = [];
    for (const [attempt, labels] of groups) {
        if (collided.includes(attempt))
            continue;
        const numbered = numberBatchKeys(labels, rules);
        surplus.push(...numbered.surplus);
        for (const [number, key] of numbered.byNumber) {
            const seen = found.get(number);
            if (byNumber.has(number) && (!seen || attempt > seen.attempt))
                found.set(number, { key, attempt });
        }
    }
    const keys = [];
    const rest = [];
    for (const [number, request] of byNumber) {
        const hit = found.get(number);
        if (hit)
            keys.push(hit.key);
        else
            rest.push(request);
    }
    return {
        keys,
        attempts: [...new Set([...found.values()].map((f) => f.attempt))].sort((a, b) => a - b),
        rest,
        collided,
        surplus,
    };
}

;// CONCATENATED MODULE: ./src/issuing/issue-keys.ts
// Issuing into the CSV: the keys come from KeyIssuer (./key-issuer.ts); this module streams them
// into the CSV, exports again what an earlier attempt of the run made, and turns the outcome into
// the command's outputs, summary and verdict. Steps, in the order issueToCsv takes them:
// csvSink, reuseEarlierAttempts, issueKeys, reportIssue, verdictOf.









/** Issues `requests`, streams them into the CSV (and the table), and reports counts, outputs and facts. */
async function issueToCsv(ctx, requests, minSuccess = requests.length, how = {}) {
    const { options, api, log, cancellation, context } = ctx;
    // Opened by run() before the first request; a caller without it (tests) opens it here, still before any create.
    const csv = ctx.csv ?? new CsvWriter(options.output);
    const sink = csvSink(ctx, csv, how.table !== false);
    let result;
    let carried;
    let csvPath;
    try {
        const reuse = (how.reuseEarlierAttempts ?? options.command === 'batch') && !options.force;
        carried = how.carryOver
            ? await how.carryOver()
            : reuse && isRerunOfBatch(context, requests)
                ? await reuseEarlierAttempts(ctx, requests)
                : undefined;
        for (const key of carried?.keys ?? [])
            log.secret(key.key, 'key');
        for (const key of carried?.keys ?? [])
            sink(key);
        const toCreate = carried?.rest ?? requests;
        ctx.progress.start(toCreate.length, 'keys created');
        result = await issueKeys(toCreate, options.concurrency, {
            api,
            log,
            sink: (key) => {
                sink(key);
                ctx.progress.tick();
            },
            cancellation,
            ownSuffix: context.labelSuffix,
            retries: options.retries,
            onRateLimit: options.onRateLimit,
            audit: ctx.audit,
            runAgain: how.runAgain,
        });
        result.requested = requests.length;
        if (carried)
            carryInto(result, carried, requests);
    }
    finally {
        ctx.progress.done();
        // The CSV is written whatever happened: every key the server created must reach the user. Without
        // a key there is nothing to hand over: no header-only file replaces an earlier CSV, none is uploaded.
        csvPath = await csv.close({ keepEmpty: false });
    }
    reportIssue(ctx, result, csvPath, carried?.fact);
    const verdict = verdictOf(ctx, result, csvPath, minSuccess, carried?.failure, how.runAgain);
    const coversEarlierAttempts = carried !== undefined && !how.carryOver && !carried.failure && !carried.collided;
    return { ...verdict, csvPath, result, coversEarlierAttempts };
}
/** The carried-over keys count as the batch's, first; what was held back or could not be checked, as failures. */
function carryInto(result, carried, requests) {
    result.created.unshift(...carried.keys);
    result.adopted += carried.adopted ?? 0;
    result.reexported = carried.keys.length - (carried.adopted ?? 0);
    result.failures.push(...(carried.held ?? []));
    if (carried.failure)
        result.failures = requests.map((r) => ({ label: r.label, error: carried.failure }));
}
/**
 * Step: where each key goes: one CSV row (and one table row, shortened), its limit as the flavor
 * applies it (said once when the server has one limit for every key).
 */
function csvSink(ctx, csv, table) {
    const { options, api, log, server, report } = ctx;
    const row = table ? report.open((0,tables/* issuedTable */.MF)()) : undefined;
    const serverWide = (0,report_limit/* serverWideLimit */.u8)(options.serverDailyLimit);
    // The key's own limit (v1p, v1a), the server-wide one (v1, v01), its lifetime quota (v10).
    const limitFor = (key) => {
        const capabilities = api.known?.capabilities;
        if (!capabilities)
            return undefined;
        return (0,report_limit/* limitOf */.LF)({ ...key, dailyLimit: key.dailyLimit ?? options.limit }, capabilities, serverWide);
    };
    let warnedGlobalLimit = false;
    return (key) => {
        const capabilities = api.known?.capabilities;
        if (capabilities && !capabilities.perKeyDailyLimit && !capabilities.lifetimeQuota && !warnedGlobalLimit) {
            warnedGlobalLimit = true;
            log.warning(options.serverDailyLimit === undefined
                ? `The ${api.flavor} server has no per-key daily limit: it applies one server-wide limit to every ` +
                    `key, its DAILY_REQ_LIMIT, which its admin API does not report; the CSV's daily_limit says ` +
                    `${serverWide.value} (daily_limit_source assumed, the upstream default): set server-daily-limit to ` +
                    `the server's DAILY_REQ_LIMIT to record it.`
                : `The ${api.flavor} server has no per-key daily limit: it applies its server-wide limit to every ` +
                    `key; the CSV records server-daily-limit (${options.serverDailyLimit}).`);
        }
        const limit = limitFor(key);
        const batchCount = options.command === 'batch' ? options.count : undefined;
        csv.write(csvRow(key, { limit, tier: options.tier, server, batchCount }));
        row?.({ label: key.label, key: (0,redact/* shortenKey */.PV)(key.key), limit, createdAt: key.createdAt });
    };
}
/**
 * Step, on a re-run: the keys an earlier attempt of this run made for `requests` go into the CSV
 * again; `rest` is what is left to create. When that cannot be checked, nothing is created (`failure`).
 */
async function reuseEarlierAttempts(ctx, requests) {
    const { options, api, log, context } = ctx;
    const fact = { name: 're_exported' };
    try {
        const earlier = await findEarlierAttempts(api, context, requests, options.nameGiven !== '');
        if (earlier.collided.length > 0) {
            log.warning(`Attempt${earlier.collided.length > 1 ? 's' : ''} ${earlier.collided.join(', ')} of run ` +
                `${context.runId} ran this step more than once at the same time (matrix legs or parallel jobs ` +
                `with the same step): ` +
                `which of those keys were this invocation's cannot be told, so none of them is exported again or ` +
                `touched. Set invocation-id to something that differs per leg (e.g. the strategy.job-index or the matrix ` +
                `values) so that re-runs find their own keys.`);
        }
        for (const line of surplusWarnings(earlier.surplus, 'exported', ctx.server))
            log.warning(line);
        if (earlier.keys.length > 0) {
            const from = earlier.attempts.length === 1 ? `attempt ${earlier.attempts[0]}` : `attempts ${earlier.attempts.join(', ')}`;
            log.warning(`Attempt ${context.attempt} of run ${context.runId}: ${from} already issued ${earlier.keys.length} ` +
                `of these ${requests.length} key(s); exporting them again instead of issuing a second batch` +
                `${earlier.rest.length > 0 ? `, and creating the ${earlier.rest.length} missing` : ''} (force: ` +
                `true issues a new batch).`);
        }
        return { keys: earlier.keys, rest: earlier.rest, fact, collided: earlier.collided.length > 0 };
    }
    catch (error) {
        return {
            keys: [],
            rest: [],
            fact,
            failure: `Could not check whether an earlier attempt of run ${context.runId} already issued this ` +
                `batch: ${(0,errors/* errorMessage */.g)(error)}. Re-run when the server answers, or set force: true to issue a new ` +
                `batch without checking.`,
        };
    }
}
/** Step: outputs and facts, and the log lines of what was created and what not. */
function reportIssue(ctx, result, csvPath, carried = { name: 're_exported' }) {
    const { api, log, report } = ctx;
    const created = result.created.length;
    const failed = result.failures.length;
    Object.assign(report.outputs, {
        'csv-path': csvPath ?? '',
        'created-count': String(created),
        'failed-count': String(failed),
    });
    if (csvPath)
        report.csvPath = csvPath;
    report.facts
        .set('requested', result.requested)
        .set('created', created)
        .set('failed', failed)
        .set('csv', csvPath ?? 'none (no key was created)')
        .set(carried.name, result.reexported > 0 ? `${result.reexported}${carried.note ?? ''}` : undefined)
        .set('adopted', result.adopted || undefined)
        .set('duplicates_deleted', result.duplicatesDeleted || undefined)
        .set('repeated_keys', result.repeatedKeys || undefined)
        .set('retried_requests', api.retriesMade || undefined);
    log.info(`Created ${created} of ${result.requested} key(s); CSV: ${csvPath ?? 'none (no key was created)'}`);
    for (const line of notCreatedLines(result.failures))
        log.warning(line);
}
/** Reasons told one line each. */
const REASONS_SHOWN = 5;
/**
 * The keys not created, one line per reason (a rate limit or a refused token fails every key alike:
 * said once, with how many and which labels, not once per key).
 */
function notCreatedLines(failures) {
    const byReason = new Map();
    for (const { label, error } of failures) {
        const labels = byReason.get(error);
        if (labels)
            labels.push(label);
        else
            byReason.set(error, [label]);
    }
    const shown = [...byReason].slice(0, REASONS_SHOWN);
    const lines = shown.map(([reason, labels]) => {
        labels.sort(shared_text/* compareLabels */.HK);
        const which = labels.length === 1 ? labels[0] : `${labels.length} keys (${labels[0]} \u2026 ${labels.at(-1)})`;
        return `Not created: ${which}: ${reason}`;
    });
    const more = [...byReason.values()].slice(REASONS_SHOWN).reduce((n, labels) => n + labels.length, 0);
    if (more > 0)
        lines.push(`\u2026 and ${more} more not created, for other reasons.`);
    return lines;
}
/** Step: ok when at least `minSuccess` were created and no create's outcome stayed unknown; else why not. */
function verdictOf(ctx, result, csvPath, minSuccess, earlierFailure, runAgain) {
    const { server, cancellation } = ctx;
    const created = result.created.length;
    const failed = result.failures.length;
    const unresolved = result.unresolved.length > 0
        ? ` Keys may exist on the server without being in the CSV under ${result.unresolved.length} label(s) (` +
            `${result.unresolved.slice(0, 3).join(', ')}${result.unresolved.length > 3 ? ', \u2026' : ''}): look them up ` +
            `with \`${lookUpCommand(server, result.unresolved[0])}\` (action: ` +
            `command: list, label-prefix: ${result.unresolved[0]}).`
        : '';
    if (result.cancelled) {
        return {
            ok: false,
            failure: `Cancelled (${cancellation?.reason ?? 'cancelled'}): ${created} of ${result.requested} ` +
                `key(s) created${csvPath ? `, all in ${csvPath}` : ''}; ${failed} not created.${unresolved}`,
        };
    }
    if (earlierFailure)
        return { ok: false, failure: earlierFailure };
    // Keys a server answered beyond those asked are in the CSV, but stand for no number that failed.
    const delivered = Math.min(created, result.requested - failed);
    if (delivered >= minSuccess && result.unresolved.length === 0)
        return { ok: true };
    const first = result.failures[0]?.error ?? 'unknown error';
    return {
        ok: false,
        failure: `${failed} of ${result.requested} key(s) were not created (first error: ${first}); ` +
            `${csvPath ? `the ${created} created are in ${csvPath}` : 'no CSV was written, as no key was created'}` +
            `.${unresolved}` +
            `${result.heldBackUntil && runAgain ? ` Run again after ${result.heldBackUntil}${runAgain}.` : ''}`,
    };
}

;// CONCATENATED MODULE: ./src/issuing/key-requests.ts

const DAY_MS = 86_400_000;
class KeyRequestRules {
    services;
    labelPrefix;
    copiesLimits;
    expiresAt;
    explained = false;
    /**
     * @param labelPrefix what rotate would filter these keys by, for the no-expiry warning.
     * @param copiesLimits replacements carry their old key's limit/quota, not `limit`.
     */
    constructor(services, labelPrefix, copiesLimits = false) {
        this.services = services;
        this.labelPrefix = labelPrefix;
        this.copiesLimits = copiesLimits;
        const days = services.options.expiresInDays;
        if (days !== undefined)
            this.expiresAt = new Date(services.now.getTime() + days * DAY_MS);
    }
    /** The request for one key labelled `label`, like the key `like` when replacing one. */
    request(label, like) {
        const { options } = this.services;
        const totalQuota = like?.totalQuota ?? (options.limitAsTotalQuota ? options.limit : undefined);
        return {
            label,
            dailyLimit: like?.dailyLimit ?? options.limit,
            ...(this.expiresAt ? { expiresAt: this.expiresAt } : {}),
            ...(totalQuota !== undefined ? { totalQuota } : {}),
        };
    }
    /** Warns, once and as soon as the flavor is known, about inputs this flavor cannot honour. */
    explain() {
        const adapter = this.services.api.known;
        if (this.explained || !adapter)
            return;
        this.explained = true;
        const { options, log } = this.services;
        const { flavor, capabilities } = adapter;
        if (options.expiresInDays !== undefined && !capabilities.expiry) {
            log.warning(`The ${flavor} server cannot expire keys: expires-in-days (${options.expiresInDays}) was not ` +
                `applied; delete them when due with rotate (older-than-days: ${options.expiresInDays}` +
                `${this.labelPrefix ? `, label-prefix: ${this.labelPrefix}` : ''}).`);
        }
        if (capabilities.lifetimeQuota && !options.limitAsTotalQuota && !this.copiesLimits) {
            log.warning(`The ${flavor} server has lifetime quotas, not daily limits: limit (${options.limit}) was not sent ` +
                `and the keys get the server's default total quota; set limit-as-total-quota: true to send limit as each ` +
                `key's totalQuota.`);
        }
        if (options.limitAsTotalQuota && !capabilities.lifetimeQuota) {
            log.warning(`limit-as-total-quota is ignored: the ${flavor} server has no lifetime quotas (v10 servers have).`);
        }
    }
}
/**
 * The fact naming the tier, when one was chosen: its limit only where the server applies it
 * (per-key daily limits, or v10's totalQuota with limit-as-total-quota), never a figure it ignores.
 */
function tierFact(options, adapter) {
    if (!options.tier)
        return undefined;
    const tierLimit = options.tiers[options.tier];
    const given = options.limit !== tierLimit ? `; limit ${options.limit} given` : '';
    const capabilities = adapter?.capabilities;
    if (!capabilities || capabilities.perKeyDailyLimit)
        return `${options.tier} (${tierLimit}/day${given})`;
    if (capabilities.lifetimeQuota) {
        return options.limitAsTotalQuota
            ? `${options.tier} (${options.limit} sent as each key's lifetime totalQuota; the ${adapter.flavor} ` +
                `server has no daily limits)`
            : `${options.tier} (its limit is not applied: the ${adapter.flavor} server has lifetime quotas, not ` +
                `daily limits)`;
    }
    const serverWide = options.serverDailyLimit === undefined
        ? `${report_limit/* UPSTREAM_DAILY_LIMIT */.K9} (assumed: server-daily-limit not set)`
        : `${options.serverDailyLimit} (server-daily-limit)`;
    return (`${options.tier} (its limit is not applied: the ${adapter.flavor} server applies one server-wide daily ` +
        `limit to every key, ${serverWide})`);
}

// EXTERNAL MODULE: ./src/config/options.ts + 3 modules
var config_options = __webpack_require__(8459);
// EXTERNAL MODULE: ./src/config/values.ts
var values = __webpack_require__(3750);
;// CONCATENATED MODULE: ./src/issuing/resume.ts
// `batch --resume FILE`: completes the batch FILE records (./batch-file.ts) under its own labels.
// One listing of the server's keys decides, by ./batch-numbers.ts, which number has its key: FILE's
// keys first, then a key under one of the batch's labels that FILE lacks (a create whose answer was
// lost) is the batch's and goes into FILE, while one made after the batch's own is not and stays
// out, named. A key of FILE no longer on the server leaves its number missing. Only the missing
// numbers are created, with the same labels \u2014 never under a label that holds keys not the batch's,
// which the run's reconciliation would otherwise count as its own.







/** The server's keys under the batch's labels, by label; FILE's keys that are gone added as they were. */
async function batchKeysOnServer(ctx, batch) {
    const byLabel = new Map();
    const listed = new Set();
    for await (const page of ctx.api.listKeys()) {
        for (const key of page) {
            const label = (0,labels/* parseBatchLabel */.Cp)(key.label);
            if (label?.stem !== batch.stem || label.suffix !== batch.suffix)
                continue;
            ctx.log.secret(key.key, 'key');
            listed.add(key.key);
            byLabel.set(key.label, [...(byLabel.get(key.label) ?? []), key]);
        }
    }
    const gone = batch.rows.filter((row) => !listed.has(row.key));
    for (const row of gone)
        byLabel.set(row.label, [...(byLabel.get(row.label) ?? []), row]);
    return { byLabel, listed, gone };
}
/** Step: FILE's keys still on the server and those its lost answers made, and the numbers left to create. */
async function resumeBatch(ctx, batch, requests) {
    const { api, log } = ctx;
    for (const row of batch.rows)
        log.secret(row.key, 'key');
    let found;
    try {
        found = await batchKeysOnServer(ctx, batch);
    }
    catch (error) {
        const failure = `Could not check the keys of ${batch.file} on the server: ${(0,errors/* errorMessage */.g)(error)}. Nothing was created and ` +
            `the file is unchanged; run again when the server answers.`;
        return { keys: [], rest: [], failure, fact: { name: 'kept_from_file' } };
    }
    const { byLabel, listed, gone } = found;
    // FILE's keys on the server first, in its order; its keys gone from the server after them.
    const known = new Map(batch.rows.map((row, i) => [row.key, listed.has(row.key) ? i : batch.rows.length + i]));
    const perRequest = api.known?.capabilities.maxKeysPerCreate ?? 1;
    const numbered = numberBatchKeys(byLabel, { perRequest, last: batch.count, known });
    const inFile = new Set(batch.rows.map((row) => row.key));
    const adopted = [...numbered.byNumber.values()].filter((key) => !inFile.has(key.key));
    const rest = [];
    const held = [];
    for (const request of requests) {
        const key = numbered.byNumber.get((0,labels/* parseBatchLabel */.Cp)(request.label).number);
        if (key && listed.has(key.key))
            continue;
        // A label holding keys that are not the batch's: creating under it would add to them.
        if (byLabel.get(request.label)?.some((k) => listed.has(k.key))) {
            held.push({ label: request.label, error: "not created again: its label holds keys that are not the batch's" });
        }
        else
            rest.push(request);
    }
    const surplus = numbered.surplus
        .map((s) => ({ ...s, keys: s.keys.filter((k) => !inFile.has(k.key)) }))
        .filter((s) => s.keys.length > 0);
    for (const line of surplusWarnings(surplus, `written to ${batch.file}`, ctx.server))
        log.warning(line);
    explain(ctx, batch, { gone, adopted, rest });
    // Every key of FILE still on the server stays in it, in its order (also one beyond its label's numbers).
    const onServer = new Map([...byLabel.values()].flat().map((key) => [key.key, key]));
    const kept = batch.rows.filter((row) => listed.has(row.key)).map((row) => onServer.get(row.key));
    return {
        keys: [...kept, ...adopted],
        rest,
        held,
        adopted: adopted.length,
        fact: { name: 'kept_from_file', note: ` (${batch.file})` },
    };
}
function explain(ctx, batch, { gone, adopted, rest }) {
    const { log } = ctx;
    const shown = (keys) => `${keys
        .slice(0, 5)
        .map((k) => (0,redact/* shortenKey */.PV)(k.key))
        .join(', ')}${keys.length > 5 ? ', \u2026' : ''}`;
    if (gone.length > 0)
        log.warning(`${gone.length} key(s) of ${batch.file} are no longer on the server (${shown(gone)}): left out of it, and ` +
            `their numbers are created again under their labels.`);
    if (adopted.length > 0)
        log.warning(`${adopted.length} key(s) under the batch's labels were on the server but not in ${batch.file} (a create ` +
            `whose answer was lost): ${shown(adopted)}; added to it.`);
    log.info(`Resuming the batch ${batch.file} records (${batch.stem}-<NNN>-${batch.suffix}, ${batch.count} keys): ` +
        `creating the ${rest.length} missing.`);
}
/**
 * The command that resumes this batch: `quota-keys batch --resume FILE --url \u2026` with the flags that
 * shape its keys as given (the token is not repeated: from ADMIN_TOKEN, or a placeholder).
 */
function resumeCommand(options, server) {
    const words = ['quota-keys batch --resume', (0,shared_text/* shellQuote */.ZL)(options.output), '--url', (0,shared_text/* shellQuote */.ZL)(server)];
    const { tier, tiers } = options;
    if (options.tokenSource === '--token')
        words.push("--token '<admin token>'");
    if (options.serverFlavor)
        words.push('--server-flavor', options.serverFlavor);
    if (tier)
        words.push('--tier', (0,shared_text/* shellQuote */.ZL)(tier));
    if (tier && values/* DEFAULT_TIERS */.uA[tier] !== tiers[tier])
        words.push('--tiers', (0,shared_text/* shellQuote */.ZL)(JSON.stringify({ [tier]: tiers[tier] })));
    if (options.limit !== (tier ? tiers[tier] : config_options/* DEFAULT_LIMIT */.eH))
        words.push('--limit', String(options.limit));
    if (options.limitAsTotalQuota)
        words.push('--limit-as-total-quota');
    if (options.expiresInDays !== undefined)
        words.push('--expires-in-days', String(options.expiresInDays));
    if (options.serverDailyLimit !== undefined)
        words.push('--server-daily-limit', String(options.serverDailyLimit));
    if (options.skipHealthCheck)
        words.push('--skip-health-check');
    return words.join(' ');
}

;// CONCATENATED MODULE: ./src/issuing/would-issue.ts
// generate and batch with dry-run: what would be sent, nothing sent. The health check and the token
// check (read-only) have run; no create request goes out, no CSV is written, no audit line either.
// The admin rate limit is counted as the real run counts it (KeyIssuer's announceRateLimit): what
// fits the window now, the rest only when on-rate-limit is wait and max-wait-seconds covers the wait.


/** How many of `keys` keys the real run would create under the admin rate limit, and why. */
function rateLimitOutcome(ctx, keys) {
    const { api, options } = ctx;
    const perRequest = api.known?.capabilities.maxKeysPerCreate ?? 1;
    const requests = Math.ceil(keys / perRequest);
    const plan = api.rateLimitPlan(requests);
    if (!plan)
        return { creates: keys, text: 'none announced by the server so far' };
    const perWindow = plan.limit ? ` (${plan.limit} per window)` : '';
    const window = `${plan.available} request(s) left until ${isoSeconds(plan.resetAt)}${perWindow}`;
    if (plan.fits)
        return { creates: keys, text: `${window}: all ${requests} fit now` };
    const fit = Math.min(keys, plan.available * perRequest);
    const now = `${window}: ${plan.available} of ${requests} fit now; the other ${requests - plan.available}`;
    const left = api.waitBudgetLeft();
    const why = options.onRateLimit === 'fail'
        ? 'on-rate-limit is fail'
        : plan.waitMs > left
            ? `waiting ${waitText(plan.waitMs)} for the next window exceeds what max-wait-seconds leaves ` +
                `(${Math.floor(left / 1000)} s)`
            : undefined;
    if (why)
        return { creates: fit, text: `${now} would not be sent (${why}): run again after ${isoSeconds(plan.resetAt)}` };
    const windows = plan.limit ? Math.ceil((requests - plan.available) / plan.limit) : 1;
    const more = windows > 1 ? ` and ${windows - 1} more window(s) after it, each within max-wait-seconds` : '';
    return { creates: keys, text: `${now} after waiting ${waitText(plan.waitMs)} for the next window${more}` };
}
/** The report of a dry run: count, labels, limits, create requests and the rate-limit plan. */
function wouldIssue(ctx, requests) {
    const { api, log, report } = ctx;
    const perRequest = api.known?.capabilities.maxKeysPerCreate ?? 1;
    const sent = Math.ceil(requests.length / perRequest);
    const { creates, text: rateLimit } = rateLimitOutcome(ctx, requests.length);
    Object.assign(report.outputs, { 'csv-path': '', 'created-count': '0', 'failed-count': '0' });
    report.facts
        .set('dry_run', 'yes: nothing was created (no create request was sent, no CSV written)')
        .set('would_create', creates)
        .set('would_not_create', creates < requests.length ? requests.length - creates : undefined)
        .set('create_requests', `${sent}${perRequest > 1 ? ` (up to ${perRequest} keys each)` : ''}`)
        .set('rate_limit', rateLimit);
    const rest = creates === requests.length ? 'would be created too' : 'not shown (the counts above say which go)';
    const row = report.open((0,tables/* plannedTable */.nO)(rest));
    for (const [i, r] of requests.entries())
        row({ ...r, result: i < creates ? 'would create' : 'would not be created (rate limit)' });
    const labels = requests.length > 1 ? `${requests[0].label} \u2026 ${requests.at(-1).label}` : requests[0]?.label;
    log.info(`Dry run: would create ${creates} of ${requests.length} key(s) in ${sent} request(s) (${labels}); rate limit: ` +
        `${rateLimit}.`);
    return report;
}

;// CONCATENATED MODULE: ./src/commands/batch.ts





/**
 * `count` keys labelled `<name>-<NNN>-<run suffix>`; with `resume`, the missing numbers of the batch
 * its file records, under that batch's labels (its suffix is then this invocation's own).
 */
async function runBatch(ctx) {
    const { name, count, minSuccess, resume } = ctx.options;
    const { report } = ctx;
    if (resume)
        ctx = { ...ctx, context: { ...ctx.context, labelSuffix: resume.suffix } };
    const rules = new KeyRequestRules({ ...ctx, now: ctx.context.now }, name);
    const requests = (0,labels/* batchLabels */.WG)(name, count, ctx.context.labelSuffix).map((label) => rules.request(label));
    rules.explain(); // forced flavor, or v10 told by its health answer
    const carryOver = resume && (() => resumeBatch(ctx, resume, requests));
    // The tier's limit as the flavor, once known, applies it.
    const tier = () => report.facts.set('tier', tierFact(ctx.options, ctx.api.known));
    if (ctx.options.dryRun) {
        const carried = carryOver && (await carryOver());
        tier();
        if (carried?.failure)
            return report.fail(carried.failure);
        return wouldIssue(ctx, carried ? carried.rest : requests);
    }
    const outcome = await issueToCsv(ctx, requests, minSuccess, {
        ...(carryOver ? { carryOver } : {}),
        runAgain: runAgainHow(ctx),
    });
    rules.explain(); // learnt from the first creation
    tier();
    report.coversEarlierAttempts = outcome.coversEarlierAttempts || undefined;
    return outcome.ok ? report : report.fail(outcome.failure ?? 'failed');
}
/** What finishes a batch the admin rate limit cut short: a re-run of the job (GitHub), else `batch --resume`. */
function runAgainHow(ctx) {
    if (ctx.context.platform === 'github')
        return ` by re-running this job${ctx.options.force ? ' without force' : ''}, which creates only the missing keys`;
    // A servers file runs many batches, each with its own CSV: no one command resumes them all.
    return ctx.options.config ? undefined : ` with \`${resumeCommand(ctx.options, ctx.server)}\``;
}

;// CONCATENATED MODULE: ./src/reading/resolve-keys.ts
// Which keys reset and delete act on: the key given, or `name` resolved through the key list.
//
// `name` is first an exact label. When no label matches, it may be the key itself, or the
// shortened form our list prints (`sk-ab12\u20269f0e`, also with `...`): the old tool's rotation script
// feeds the first column of `list` into `delete --name`. A shortened key must match exactly one
// key; several labels matching is an error unless all-matching is set. When nothing matches but
// labels start with `name` (a batch's stem: its labels are `<stem>-<NNN>-<suffix>`), the error
// names them, and the command that acts on the one there is.



/** A refusal or a resolution that found nothing: one line for the user, nothing was changed. */
class ResolveError extends errors/* QuotaKeysError */.t {
    constructor(message) {
        super(message);
        this.name = 'ResolveError';
    }
}
/** An operation the server's flavor cannot do as asked: refused before anything was sent. */
class Refusal extends errors/* QuotaKeysError */.t {
    constructor(message) {
        super(message);
        this.name = 'Refusal';
    }
}
/** Throws the one-line refusal when the flavor cannot delete keys (delete, rotate). */
function refuseWithoutDelete(adapter, operation) {
    if (!adapter.capabilities.delete) {
        throw new Refusal(`The ${adapter.flavor} quota-proxy flavor has no delete endpoint: ${operation} refused, nothing was ` +
            `deleted (remove keys on the server itself).`);
    }
}
/** `prefix\u2026suffix` (or `prefix...suffix`) of a shortened key, when `name` looks like one. */
function shortenedParts(name) {
    const match = /^([^\u2026\s]+)(?:\u2026|\.\.\.)([^\u2026\s]+)$/.exec(name);
    return match ? { head: match[1], tail: match[2] } : undefined;
}
const listOf = (keys) => `${keys
    .slice(0, 3)
    .map((k) => (0,redact/* shortenKey */.PV)(k.key))
    .join(', ')}${keys.length > 3 ? ', \u2026' : ''}`;
async function resolveKeys(api, target, options) {
    let checked = false;
    const checkFlavor = () => {
        if (checked || !api.known)
            return;
        checked = true;
        options.onFlavor?.(api.known);
    };
    checkFlavor();
    if (target.key) {
        // The key is used as given; only the flavor is needed, which the first page of the list tells.
        if (!api.known) {
            for await (const page of api.listKeys()) {
                void page;
                break;
            }
        }
        checkFlavor();
        return { by: 'key', keys: [{ key: target.key }] };
    }
    const name = target.name;
    const short = shortenedParts(name);
    const byLabel = [];
    const byShortened = [];
    /** Keys per label that starts with `name`, for the error when nothing else matches. */
    const byPrefix = new Map();
    let byFullKey;
    // Only matches are kept: the list itself streams past page by page.
    for await (const page of api.listKeys()) {
        checkFlavor();
        for (const key of page) {
            if (key.label === name)
                byLabel.push(key);
            else if (key.key === name)
                byFullKey = key;
            else if (short &&
                key.key.length > short.head.length + short.tail.length &&
                key.key.startsWith(short.head) &&
                key.key.endsWith(short.tail))
                byShortened.push(key);
            else if (key.label?.startsWith(name))
                byPrefix.set(key.label, (byPrefix.get(key.label) ?? 0) + 1);
        }
    }
    checkFlavor();
    if (byLabel.length > 1 && !target.allMatching) {
        throw new ResolveError(`${byLabel.length} keys are labelled "${name}" (${listOf(byLabel)}): nothing was changed; give the ` +
            `key itself (key, --key) or set all-matching: true (--all-matching) to ${options.operation} all of them.`);
    }
    if (byLabel.length > 0)
        return { by: 'label', keys: byLabel };
    if (byFullKey)
        return { by: 'full key', keys: [byFullKey] };
    if (byShortened.length > 1) {
        throw new ResolveError(`"${name}" is the shortened form of ${byShortened.length} keys (${listOf(byShortened)}): nothing was ` +
            `changed; give the full key (key, --key).`);
    }
    if (byShortened.length === 1)
        return { by: 'shortened key', keys: byShortened };
    if (byPrefix.size > 0)
        throw new ResolveError(prefixMessage(name, byPrefix, options.operation));
    throw new ResolveError(`No key is labelled "${name}", and it is not a key or a shortened key (as list prints them) of one: ` +
        `nothing was changed; check the label with list.`);
}
/** A label from the server as the message shows it: on one line, at most 120 characters. */
const shownLabel = (label) => (0,shared_text/* oneLine */.TN)(label.replace(/\p{Cc}/gu, ' '), 120);
/** No key is labelled `name`, but these labels (with their key counts) start with it. */
function prefixMessage(name, labels, operation) {
    const sorted = [...labels.keys()].sort(shared_text/* compareLabels */.HK);
    if (sorted.length > 1) {
        const first = sorted.slice(0, 3).map((l) => `"${shownLabel(l)}"`);
        return (`No key is labelled "${name}"; ${sorted.length} labels start with it (${first.join(', ')}` +
            `${sorted.length > 3 ? ', \u2026' : ''}). Nothing was changed; give one whole label ` +
            `(quota-keys list --label-prefix ${(0,shared_text/* shellQuote */.ZL)(name)} shows them all).`);
    }
    const label = sorted[0];
    const keys = labels.get(label);
    // A label that does not survive one line as it is gets no command: it would not name that label.
    const command = shownLabel(label) === label
        ? `: quota-keys ${operation} --name ${(0,shared_text/* shellQuote */.ZL)(label)}${keys > 1 ? ' --all-matching' : ''}`
        : '';
    return (`No key is labelled "${name}", but one label starts with it: "${shownLabel(label)}". Nothing was ` +
        `changed; give the whole label to ${operation} ${keys > 1 ? `its ${keys} keys` : 'that key'}${command}`);
}

// EXTERNAL MODULE: ./src/shared/bounded.ts
var bounded = __webpack_require__(3672);
;// CONCATENATED MODULE: ./src/commands/delete.ts
// delete: removes the key given, or the key(s) `name` resolves to (see resolve-keys.ts).
// v1a has no delete endpoint: refused as soon as the flavor is known, before any DELETE.





/** Keys named in the dry run's log line; the table has them all. */
const LOGGED_KEYS = 20;
/**
 * Step (dry-run): the keys resolved, each `would delete`; no DELETE is sent. A key given as such is
 * looked up in the key list (read-only), so a dry run fails where the delete would.
 */
async function wouldDelete(ctx, resolution) {
    const { api, log, report } = ctx;
    let { keys } = resolution;
    if (resolution.by === 'key') {
        let found;
        try {
            for await (const page of api.listKeys())
                found ??= page.find((k) => k.key === keys[0].key);
        }
        catch (error) {
            return report.fail(`Could not look the key up: ${(0,errors/* errorMessage */.g)(error)}`);
        }
        if (!found)
            return report.fail(`The server has no key ${(0,redact/* shortenKey */.PV)(keys[0].key)}.`);
        keys = [found];
    }
    report.facts
        .set('dry_run', 'yes: nothing was deleted (no DELETE was sent)')
        .set('resolved_by', resolution.by)
        .set('would_delete', keys.length);
    const row = report.open((0,tables/* outcomeTable */.Lh)({ created: true, replacement: false }));
    for (const k of keys)
        row({ label: k.label ?? '', key: (0,redact/* shortenKey */.PV)(k.key), createdAt: k.createdAt, result: 'would delete' });
    const shown = keys.slice(0, LOGGED_KEYS).map((k) => (0,redact/* shortenKey */.PV)(k.key));
    log.info(`Dry run: would delete ${shown.join(', ')}${keys.length > LOGGED_KEYS ? ', \u2026' : ''}.`);
    return report;
}
async function runDelete(ctx) {
    const { options, api, log, report } = ctx;
    if (options.key)
        log.secret(options.key, 'key');
    report.outputs['deleted-count'] = '0';
    let resolution;
    try {
        resolution = await resolveKeys(api, { key: options.key, name: options.nameGiven, allMatching: options.allMatching }, { operation: 'delete', onFlavor: (adapter) => refuseWithoutDelete(adapter, 'delete') });
    }
    catch (error) {
        return report.fail((0,errors/* errorMessage */.g)(error));
    }
    for (const key of resolution.keys)
        log.secret(key.key, 'key');
    if (resolution.by !== 'key')
        log.info(`"${options.nameGiven}" is ` +
            `${resolution.by === 'label' ? `the label of ${resolution.keys.length} key(s)` : `a ${resolution.by}`}.`);
    if (options.dryRun)
        return await wouldDelete(ctx, resolution);
    let deleted = 0;
    const missing = [];
    const failures = [];
    const row = report.open((0,tables/* outcomeTable */.Lh)({ created: true, replacement: false }));
    ctx.progress.start(resolution.keys.length, 'keys deleted');
    await (0,bounded/* forEachBounded */.a)(resolution.keys, options.concurrency, async (key) => {
        const short = (0,redact/* shortenKey */.PV)(key.key);
        let result;
        let reason;
        try {
            if (await api.deleteKey(key.key)) {
                deleted += 1;
                result = 'deleted';
                log.info(`Deleted ${short}${key.label ? ` (${key.label})` : ''}.`);
            }
            else {
                missing.push(short);
                result = 'not found';
            }
        }
        catch (error) {
            reason = (0,errors/* errorMessage */.g)(error);
            failures.push(`${short}: ${reason}`);
            result = 'failed';
        }
        ctx.audit?.({ label: key.label, key: key.key, outcome: result, reason });
        row({ label: key.label ?? '', key: short, createdAt: key.createdAt, result });
        ctx.progress.tick();
    });
    ctx.progress.done();
    report.outputs['deleted-count'] = String(deleted);
    report.facts.set('resolved_by', resolution.by).set('deleted', deleted);
    if (failures.length > 0)
        return report.fail(`${failures.length} of ${resolution.keys.length} key(s) could not be deleted (first: ` +
            `${failures[0]}); ${deleted} deleted.`);
    if (missing.length > 0)
        return report.fail(`The server has no key ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', \u2026' : ''} ` +
            `(already deleted?); ${deleted} deleted.`);
    return report;
}

;// CONCATENATED MODULE: ./src/commands/generate.ts



/** One key labelled exactly `name`. */
async function runGenerate(ctx) {
    const { options, report } = ctx;
    const rules = new KeyRequestRules({ ...ctx, now: ctx.context.now }, options.name);
    rules.explain(); // forced flavor, or v10 told by its health answer
    const requests = [rules.request(options.name)];
    if (options.dryRun)
        return wouldIssue(ctx, requests);
    const outcome = await issueToCsv(ctx, requests, options.minSuccess);
    rules.explain(); // learnt from the first creation
    // The tier's limit as the flavor, now known, applies it.
    report.facts.set('tier', tierFact(options, ctx.api.known));
    return outcome.ok ? report : report.fail(outcome.failure ?? 'failed');
}

;// CONCATENATED MODULE: ./src/commands/health.ts
async function runHealth(ctx) {
    return ctx.report;
}

;// CONCATENATED MODULE: ./src/commands/list.ts
// list: every key (optionally only labels starting with label-prefix), page by page as the server
// pages. Each key goes straight into the CSV (when output is set) and to the report's table, whose
// rows stream to the channels as they come: 100,000 keys are never held.




async function runList(ctx) {
    const { options, api, log, server, report } = ctx;
    // Opened by run() before the first request when output is given.
    const csv = ctx.csv ?? (options.outputGiven ? new CsvWriter(options.output) : undefined);
    const rest = csv ? 'in the CSV' : 'not shown (set output to get every key in a CSV)';
    // Opened at the first page, when the flavor (and so the fields its keys carry) is known.
    let row;
    const serverWide = (0,report_limit/* serverWideLimit */.u8)(options.serverDailyLimit);
    let seen = 0;
    let listed = 0;
    ctx.progress.start(0, 'keys listed');
    try {
        for await (const page of api.listKeys()) {
            await report.drained(); // a slow reader of stdout holds the listing back, not memory
            ctx.progress.tick(page.length);
            const capabilities = api.known.capabilities; // a listed page means the flavor is known
            row ??= report.open((0,tables/* keysTable */.Nf)(rest, capabilities));
            for (const key of page) {
                seen += 1;
                if (!key.label.startsWith(options.labelPrefix))
                    continue;
                listed += 1;
                const limit = (0,report_limit/* limitOf */.LF)(key, capabilities, serverWide);
                if (csv && !csv.write(csvRow(key, { limit, server })))
                    await csv.drained();
                row({ ...key, key: (0,redact/* shortenKey */.PV)(key.key), limit });
            }
        }
    }
    catch (error) {
        // Half a list is not a list: no CSV rather than one that silently misses keys.
        await csv?.discard();
        throw error;
    }
    finally {
        ctx.progress.done();
    }
    if (csv)
        await csv.close();
    row ??= report.open((0,tables/* keysTable */.Nf)(rest, api.known?.capabilities));
    report.outputs['listed-count'] = String(listed);
    report.facts
        .set('label_prefix', options.labelPrefix || undefined)
        .set('listed', options.labelPrefix ? `${listed} of ${seen}` : listed);
    const capabilities = api.known?.capabilities;
    if (capabilities && !capabilities.perKeyDailyLimit && !capabilities.lifetimeQuota && !options.serverDailyLimit)
        report.facts.set('daily_limit', `${serverWide.value} (assumed): ${(0,report_limit/* unknownLimitText */.bs)(api.known.flavor)}`);
    if (capabilities?.lifetimeQuota)
        report.facts.set('limit', 'lifetime quota per key (used / total); this server has no daily limits');
    if (csv) {
        report.outputs['csv-path'] = csv.path;
        report.csvPath = csv.path;
        report.facts.set('csv', csv.path);
    }
    log.info(`Listed ${listed} key(s)${options.labelPrefix ? ` labelled ${options.labelPrefix}\u2026, of ${seen}` : ''}` +
        `${csv ? `; CSV: ${csv.path}` : ''}`);
    return report;
}

;// CONCATENATED MODULE: ./src/quota-proxy/time.ts
// Three timestamp forms occur: epoch milliseconds, SQL "YYYY-MM-DD HH:MM:SS" in UTC (v10), ISO 8601.
const SQL_DATETIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/;
/** The first instant of the year 10000: every later one (and any before 1970) is no time a server meant. */
const YEAR_10000 = Date.UTC(10_000, 0, 1);
/**
 * Parses a server timestamp; a zone-less datetime is UTC (that is what the servers store). A time outside
 * 1970\u20139999 is undefined, as for no time: past JavaScript's last date (1e20 ms) it is an invalid Date, which
 * every formatter throws on, and near it (the year 275760) a day's offset throws.
 */
function parseServerTime(value) {
    if (value === null || value === undefined || value === '')
        return undefined;
    if (typeof value === 'number' && Number.isFinite(value)) {
        // Seconds would be a date in 1970 when read as ms: nobody issues keys then.
        return withinCalendar(new Date(value < 1e11 ? value * 1000 : value));
    }
    if (typeof value !== 'string')
        return undefined;
    if (/^\d+$/.test(value))
        return parseServerTime(Number(value));
    const sql = SQL_DATETIME.exec(value);
    return withinCalendar(new Date(sql ? `${sql[1]}T${sql[2]}Z` : value));
}
function withinCalendar(date) {
    const ms = date.getTime();
    return ms >= 0 && ms < YEAR_10000 ? date : undefined;
}
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Every UTC offset in use (\u221212:00 \u2026 +14:00) is a whole number of quarter hours. */
const OFFSETS = Array.from({ length: (26 * HOUR) / (15 * MINUTE) + 1 }, (_, i) => -12 * HOUR + i * 15 * MINUTE);
/** YYYY-MM-DD of `ms` at a UTC offset. */
function dayAtOffset(ms, offsetMs) {
    return new Date(ms + offsetMs).toISOString().slice(0, 10);
}
/**
 * The server's own day now, from its usage rows: upstream servers count days in *their* local time,
 * which no answer states. A row of day D updated at instant U means U fell on D at the server's offset,
 * which rules out every offset that would put U on another day. What is left gives the server's day
 * now (`serverNow`: our clock corrected by its Date header). Rows that contradict the newer ones (a
 * change of zone, daylight saving, a reset of an old day) are passed over. When the offsets left put
 * "now" on two days, the midnight after the newest usage may have passed; the newest day with usage
 * is chosen, since the later day has no usage at all yet, and the other is named.
 */
function serverDayFromRows(stamps, serverNow) {
    const sorted = stamps
        .filter((s) => /^\d{4}-\d{2}-\d{2}$/.test(s.day) && !Number.isNaN(s.updatedAt.getTime()))
        .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
    let offsets = OFFSETS;
    for (const stamp of sorted.slice(0, 2000)) {
        const at = stamp.updatedAt.getTime();
        const fits = offsets.filter((o) => dayAtOffset(at, o) === stamp.day);
        if (fits.length > 0)
            offsets = fits;
    }
    const newest = sorted[0];
    if (!newest || offsets === OFFSETS)
        return { alternatives: [], newest };
    const days = [...new Set(offsets.map((o) => dayAtOffset(serverNow, o)))].sort();
    // biome-ignore lint/complexity/useMathMinMax: YYYY-MM-DD strings, compared as text
    const newestDay = sorted.reduce((max, s) => (s.day > max ? s.day : max), newest.day);
    const day = days.length === 1 ? days[0] : days.includes(newestDay) ? newestDay : days[0];
    return { day, alternatives: days.filter((d) => d !== day), offsets: [offsets[0], offsets.at(-1)], newest };
}
/** `UTC+8`, `UTC\u22123:30`. */
function offsetText(ms) {
    const sign = ms < 0 ? '\u2212' : '+';
    const minutes = Math.abs(ms) / MINUTE;
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return `UTC${sign}${h}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
}

;// CONCATENATED MODULE: ./src/reading/limits.ts
/** The lowest count a tie is read as the limit from. */
const MIN_READ_LIMIT = 10;
function limitEvidence(rows) {
    let highest = 0;
    let count = 0;
    for (const row of rows) {
        if (row.requests > highest) {
            highest = row.requests;
            count = 1;
        }
        else if (row.requests === highest)
            count += 1;
    }
    if (highest === 0)
        return undefined;
    // Low counts tie by chance on a quiet server (every key used once): no limit is read from those.
    return {
        atLeast: highest,
        reached: count >= 2 && highest >= MIN_READ_LIMIT ? highest : undefined,
        rowsAtLimit: count,
    };
}
/**
 * Percent of the limit used, rounded down, so that the shown number and the alert rule agree:
 * floor(p) \u2265 threshold exactly when p \u2265 threshold (threshold is whole). Undefined without a limit.
 */
function percentUsed(used, limit) {
    if (used === undefined || limit === undefined || limit <= 0)
        return undefined;
    return Math.floor((used * 100) / limit);
}

;// CONCATENATED MODULE: ./src/reading/usage-report.ts
// usage and monitor share this: each key's requests on a day against its limit, the alert rule,
// and what the report says of it (facts, the table's rows, the busiest chart, alerts, warnings).







/** Warnings printed one per key before the rest is summed up in one line. */
const MAX_ALERT_WARNINGS = 20;
/** Rows kept for the summary table (the job summary shows 200; terminals print every key as a line). */
const TABLE_ROWS = 200;
const CHART_KEYS = 10;
/** The server-wide limit percentages are of: given, learned from the rows, assumed, or unknown. */
function serverWideOf(given, unknown) {
    if (given !== undefined || !unknown)
        return (0,report_limit/* serverWideLimit */.u8)(given);
    if (unknown.stand === 'learned')
        return { kind: 'daily', value: unknown.value, source: 'learned' };
    if (unknown.stand === 'assumed')
        return (0,report_limit/* serverWideLimit */.u8)(undefined);
    return { kind: 'daily', value: undefined, source: 'assumed' };
}
/**
 * Reads usage with as few admin requests as the flavor allows (v10 allows 30 per 15 minutes):
 * - flavors whose usage answer lists every key with its limit (v1p, v10): only the usage pages, plus
 *   one key-list page first when the flavor is still unknown (that page tells it);
 * - the others answer usage only for keys that were used: the key list gives the rest, and labels
 *   and limits, then the usage of the day is joined onto it.
 */
async function collectUsage(ctx) {
    const { api, options } = ctx;
    const matches = (label) => label.startsWith(options.labelPrefix);
    const listed = [];
    if (!api.known?.capabilities.usageListsEveryKey) {
        for await (const page of api.listKeys()) {
            if (api.known?.capabilities.usageListsEveryKey)
                break; // the first page told the flavor: enough
            for (const key of page)
                if (matches(key.label))
                    listed.push(key);
        }
    }
    const adapter = api.known;
    if (!adapter)
        throw new errors/* QuotaKeysError */.t('the server flavor is still unknown after listing the keys');
    const { rows: usage, day: dayChoice, everyRow } = await api.usage(options.day, (0,values/* localDay */.u7)(ctx.context.now));
    const { capabilities } = adapter;
    const serverWide = !capabilities.perKeyDailyLimit && !capabilities.lifetimeQuota;
    let unknownLimit;
    if (serverWide && options.serverDailyLimit === undefined) {
        const refusalsCounted = capabilities.refusalsCounted !== false;
        // Only where refusals are not counted do the counts stop at the limit and show it.
        const evidence = refusalsCounted ? undefined : limitEvidence(everyRow);
        unknownLimit =
            evidence?.reached !== undefined
                ? { flavor: adapter.flavor, refusalsCounted, evidence, stand: 'learned', value: evidence.reached }
                : evidence && evidence.atLeast > report_limit/* UPSTREAM_DAILY_LIMIT */.K9
                    ? { flavor: adapter.flavor, refusalsCounted, evidence, stand: 'unknown' }
                    : { flavor: adapter.flavor, refusalsCounted, evidence, stand: 'assumed', value: report_limit/* UPSTREAM_DAILY_LIMIT */.K9 };
    }
    const serverWideValue = serverWideOf(options.serverDailyLimit, unknownLimit);
    const limits = new report_limit/* SharedLimits */.Kq();
    const row = (key, label, requests, fields) => {
        const limit = limits.of((0,report_limit/* limitOf */.LF)(fields, capabilities, serverWideValue));
        const percent = limit.kind === 'daily' ? percentUsed(requests, limit.value) : percentUsed(limit.used, limit.value);
        return { key, label, requests, limit, percent, alert: percent !== undefined && percent >= options.alertThreshold };
    };
    let rows;
    if (adapter.capabilities.usageListsEveryKey) {
        rows = usage.filter((u) => matches(u.label)).map((u) => row(u.key, u.label, u.requests, u));
    }
    else {
        // Usage rows of keys that are no longer listed (deleted keys) are left out.
        const requests = new Map();
        for (const u of usage)
            requests.set(u.key, (requests.get(u.key) ?? 0) + u.requests);
        rows = listed.map((k) => row(k.key, k.label, requests.get(k.key) ?? 0, k));
    }
    rows.sort((a, b) => (b.percent ?? -1) - (a.percent ?? -1) || b.requests - a.requests || a.label.localeCompare(b.label));
    const basis = adapter.capabilities.lifetimeQuota
        ? 'lifetime quota'
        : adapter.capabilities.perKeyDailyLimit
            ? 'per-key daily limit'
            : 'server-wide daily limit';
    const alertRows = rows.filter((r) => r.alert);
    return {
        day: dayChoice.day ?? (0,values/* localDay */.u7)(ctx.context.now),
        dayChoice,
        unknownLimit,
        threshold: options.alertThreshold,
        basis,
        rows,
        alertRows,
        alerts: alertRows.length,
        totalRequests: rows.reduce((sum, r) => sum + r.requests, 0),
        activeKeys: rows.filter((r) => r.requests > 0).length,
        totalKeys: rows.length,
    };
}
function basisText(report, serverDailyLimit) {
    switch (report.basis) {
        case 'per-key daily limit':
            return "each key's daily limit";
        case 'server-wide daily limit':
            if (report.unknownLimit?.stand === 'unknown')
                return 'no percent: the server-wide daily limit is unknown (see Daily limit)';
            if (report.unknownLimit)
                return (`the server-wide daily limit, ${report.unknownLimit.value}, ` +
                    `${report.unknownLimit.stand === 'learned'
                        ? 'learned from ' + 'the usage rows'
                        : 'assumed: the upstream default'} (see Daily limit)`);
            return `the server-wide daily limit, ${serverDailyLimit} (server-daily-limit; this server has no per-key limits)`;
        case 'lifetime quota':
            return ("each key's lifetime quota, used_quota / total_quota (this server has no daily limits; its " +
                'request counts cover its last day, not a calendar day)');
    }
}
/** Why this day: the server's own day is what its counts are kept by, not the runner's date. */
function dayReason(choice) {
    switch (choice.by) {
        case 'given':
            return 'given (day)';
        case 'server':
            return "the server's today, as its answer names it";
        case 'rows': {
            const [lo, hi] = choice.offsets ?? [0, 0];
            const zone = lo === hi ? offsetText(lo) : `${offsetText(lo)} to ${offsetText(hi)}`;
            const ago = choice.newest
                ? Math.max(0, Math.round((Date.now() - choice.newest.updatedAt.getTime()) / 60_000))
                : 0;
            const maybe = choice.alternatives.length > 0
                ? `; it may be ${choice.alternatives.join(' or ')} there already (no usage counted on it yet): ` +
                    `set day to choose`
                : '';
            return (`the server's today, learned from its usage rows (their day beside their update time put the ` +
                `server at ${zone}; newest counted ${ago} min ago)${maybe}`);
        }
        case 'runner':
            return "the runner's date: the server has no usage counted, so its own day could not be learned";
        case 'none':
            return 'none (lifetime quotas)';
    }
}
/** The daily-limit fact where the server-wide limit is unknown, with what the usage rows show of it. */
function unknownLimitFact(report) {
    const unknown = report.unknownLimit;
    if (!unknown)
        return undefined;
    const evidence = unknown.evidence;
    let shows;
    if (unknown.refusalsCounted)
        shows = `none: the ${unknown.flavor} server counts refused requests too, so its counts do not show the limit`;
    else if (evidence?.reached !== undefined) {
        shows =
            `${evidence.rowsAtLimit} usage rows stopped at the same highest count, ${evidence.reached} (the ` +
                `${unknown.flavor} server never counts past its limit, so keys refused with 429 sit at it)`;
    }
    else if (evidence)
        shows =
            `it is at least ${evidence.atLeast}, the highest count (the ${unknown.flavor} server never ` +
                `counts past its limit)`;
    else
        shows = 'none yet: no usage counted';
    const stand = unknown.stand === 'learned'
        ? `percentages are of ${unknown.value}, which the rows show (unless those keys stopped there by chance)`
        : unknown.stand === 'assumed'
            ? `percentages are of ${unknown.value}, the upstream default, assumed until server-daily-limit says otherwise`
            : 'no percentages';
    // Led by the limit as every table shows it (`200 (assumed)`, `30 (learned)`, `unknown`), as list says it.
    const value = (0,report_limit/* limitText */.PW)(serverWideOf(undefined, unknown));
    return `${value}: ${(0,report_limit/* unknownLimitText */.bs)(unknown.flavor)}. Evidence: ${shows}; ${stand}.`;
}
/** The facts usage and monitor both report. */
function setUsageFacts(target, report, options) {
    const day = report.basis !== 'lifetime quota';
    target.facts
        .set('day', day ? report.day : undefined)
        .set('day_chosen', day ? dayReason(report.dayChoice) : undefined)
        .set('daily_limit', unknownLimitFact(report))
        .set('label_prefix', options.labelPrefix || undefined)
        .set('keys', report.totalKeys)
        .set('requests', report.totalRequests)
        .set('keys_used', report.activeKeys)
        .set('percent_of', basisText(report, options.serverDailyLimit))
        .set('alert_threshold', `${report.threshold}%`)
        .set('alerts', report.alerts);
}
/** The usage table: `rows` (busiest first), each key shortened. */
async function emitUsageRows(target, report, rows) {
    const row = target.open((0,tables/* usageTable */.Mf)(report.basis === 'lifetime quota'));
    for (const [n, r] of rows.entries()) {
        await target.pace(n);
        row({ ...r, key: (0,redact/* shortenKey */.PV)(r.key) });
    }
}
/**
 * A bar chart of the busiest keys' percent of their limit, with the alert threshold as a line;
 * across, so that each key's label has a line of its own. A key without a label is named by its
 * key, shortened (the renderer makes either safe for its channel).
 */
function busiestChart(report, top = CHART_KEYS) {
    const rows = report.rows.filter((r) => r.percent !== undefined).slice(0, top);
    if (rows.length === 0)
        return undefined;
    const of = report.basis === 'lifetime quota' ? 'lifetime quota' : 'daily limit';
    return {
        title: `Busiest keys${report.basis === 'lifetime quota' ? '' : ` on ${report.day}`}, % of ${of}`,
        x: rows.map((r) => r.label || (0,redact/* shortenKey */.PV)(r.key)),
        y: { label: `% of ${of}`, max: Math.max(100, ...rows.map((r) => r.percent)) },
        bars: rows.map((r) => r.percent),
        line: rows.map(() => report.threshold),
        horizontal: true,
    };
}
function warnAlerts(log, report) {
    const when = report.basis === 'lifetime quota' ? 'of its lifetime quota' : `of its daily limit on ${report.day}`;
    for (const r of report.alertRows.slice(0, MAX_ALERT_WARNINGS)) {
        const used = r.limit.kind === 'lifetime' ? r.limit.used : r.requests;
        log.warning(`Key ${(0,redact/* shortenKey */.PV)(r.key)} (${r.label || 'no label'}) used ${r.percent}% ${when} (${used} of ` +
            `${r.limit.value}), at or above alert-threshold ${report.threshold}%.`);
    }
    if (report.alertRows.length > MAX_ALERT_WARNINGS) {
        log.warning(`\u2026 and ${report.alertRows.length - MAX_ALERT_WARNINGS} more keys at or above alert-threshold ` +
            `${report.threshold}%.`);
    }
}
/**
 * The alert rule's outcome: output `alerts` (keys at the threshold or spiking, each once), a warning
 * per alert, and failure with fail-on-alert.
 */
function finishWithAlerts(ctx, report, spikes) {
    const { options, log, report: target } = ctx;
    const atThreshold = new Set(spikes ? report.alertRows.map((r) => r.key) : []);
    const spiking = spikes ? [...spikes.keys.keys()].filter((k) => !atThreshold.has(k)).length : 0;
    const alerts = report.alerts + spiking;
    target.outputs.alerts = String(alerts);
    for (const r of report.alertRows)
        target.alerts.push({
            kind: 'threshold',
            label: r.label,
            key: (0,redact/* shortenKey */.PV)(r.key),
            percent: r.percent,
            threshold: report.threshold,
        });
    for (const [key, label] of spikes?.keys ?? [])
        target.alerts.push({ kind: 'spike', label, key: (0,redact/* shortenKey */.PV)(key) });
    const when = report.basis === 'lifetime quota' ? 'over the last day' : `on ${report.day}`;
    if (report.basis !== 'lifetime quota')
        log.info(`Day ${report.day}: ${dayReason(report.dayChoice)}.`);
    log.info(`${report.totalRequests} request(s) ${when} by ${report.activeKeys} of ${report.totalKeys} key(s); ` +
        `${report.alerts} at or above ${report.threshold}%.`);
    // The one thing to do, in one line; the evidence is the Daily limit fact's.
    if (report.unknownLimit)
        log.warning(`Daily limit ${(0,report_limit/* limitText */.PW)(serverWideOf(undefined, report.unknownLimit))}: the ${report.unknownLimit.flavor} ` +
            `server does not report its DAILY_REQ_LIMIT; set server-daily-limit to it (see Daily limit).`);
    warnAlerts(log, report);
    for (const warning of spikes?.warnings.slice(0, MAX_ALERT_WARNINGS) ?? [])
        log.warning(warning);
    if ((spikes?.warnings.length ?? 0) > MAX_ALERT_WARNINGS)
        log.warning(`\u2026 and ${spikes.warnings.length - MAX_ALERT_WARNINGS} more spikes.`);
    if (alerts > 0 && options.failOnAlert) {
        const named = [
            ...report.alertRows.slice(0, 3).map((r) => `${r.label || (0,redact/* shortenKey */.PV)(r.key)} ${r.percent}%`),
            ...(spikes?.names.slice(0, 3) ?? []),
        ];
        const what = `at or above alert-threshold ${report.threshold}%${spikes ? ' or spiking' : ''}`;
        const list = `${named.slice(0, 3).join(', ')}${alerts > 3 ? ', \u2026' : ''}`;
        return target.fail(`${alerts} key(s) ${what} (${list}) and fail-on-alert is set.`);
    }
    return target;
}

;// CONCATENATED MODULE: ./src/commands/monitor.ts
// monitor: the old tool's monitor as one pass for scheduled runs \u2014 health (done before any
// command), totals, the busiest keys and the same alert rule as usage. The CLI repeats it with --watch.

const BUSIEST = 10;
/** `2026-11-26 18:05:09` in the runner's time zone: when this pass looked. */
function localTime(date) {
    const pad = (n) => String(n).padStart(2, '0');
    return (`${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:` +
        `${pad(date.getMinutes())}:${pad(date.getSeconds())}`);
}
async function runMonitor(ctx) {
    const usage = await collectUsage(ctx);
    const { report, options } = ctx;
    report.outputs['listed-count'] = String(usage.totalKeys);
    report.facts.set('checked_at', localTime(ctx.context.now));
    setUsageFacts(report, usage, options);
    const chart = busiestChart(usage, BUSIEST);
    if (chart)
        report.charts.push(chart);
    // The alerts first: the old tool's line that opens monitor's rows counts them.
    finishWithAlerts(ctx, usage);
    await emitUsageRows(report, usage, usage.rows.slice(0, BUSIEST));
    return report;
}

;// CONCATENATED MODULE: ./src/commands/reset.ts
// reset: clears the usage of the key given, or of the key(s) `name` resolves to. What a reset is
// depends on the flavor, which the key list tells before anything is sent:
//   v1   that key's usage row for `day` (404 when there is none: "nothing to reset", not a failure)
//   v01  the same, through the query string
//   v10  the key's lifetime used quota (v10 counts no days)
//   v1p  only every key's usage for a day: refused unless reset-all-keys-for-day is set
//   v1a  no reset endpoint: refused








/** Steps, in order: resolveKeys (refused by refusal), chooseDay, then resetDayWide or resetEach. */
async function runReset(ctx) {
    const { options, api, log, report } = ctx;
    if (options.key)
        log.secret(options.key, 'key');
    let resolution;
    try {
        resolution = await resolveKeys(api, { key: options.key, name: options.nameGiven, allMatching: options.allMatching }, { operation: 'reset', onFlavor: refusal(ctx) });
    }
    catch (error) {
        return report.fail((0,errors/* errorMessage */.g)(error));
    }
    const adapter = api.known;
    for (const key of resolution.keys)
        log.secret(key.key, 'key');
    report.facts.set('resolved_by', resolution.by);
    const missing = await keyGivenButMissing(ctx, adapter, resolution);
    if (missing)
        return report.fail(missing);
    let choice;
    try {
        choice = await chooseDay(ctx, adapter);
    }
    catch (error) {
        return report.fail(`Could not learn the server's day (${(0,errors/* errorMessage */.g)(error)}); nothing was reset. Set day to the day to reset.`);
    }
    const noteDay = dayNoter(ctx, adapter, choice);
    if (options.dryRun)
        return wouldReset(ctx, adapter, resolution, choice?.day, noteDay);
    if (adapter.capabilities.reset === 'day-wide')
        return resetDayWide(ctx, adapter, resolution, choice?.day, noteDay);
    return resetEach(ctx, adapter, resolution, choice?.day, noteDay);
}
/**
 * Step: a key given as such was not looked up. Servers that count days answer a reset of a key they
 * do not have as one with no usage (v1: 404) or not at all: the list tells, and that is a failure.
 */
async function keyGivenButMissing(ctx, adapter, resolution) {
    const { options, api } = ctx;
    // v10 answers a reset of a key it lacks with 404; a dry run sends none, so it looks the key up too.
    const lifetime = adapter.capabilities.lifetimeQuota === true;
    if (resolution.by !== 'key' || (lifetime && !options.dryRun))
        return undefined;
    try {
        if (!(await listHas(api, options.key)))
            return `The server has no key ${(0,redact/* shortenKey */.PV)(options.key)}; nothing was reset.`;
    }
    catch (error) {
        return `Could not check that the server has the key (${(0,errors/* errorMessage */.g)(error)}); nothing was reset.`;
    }
    return undefined;
}
/** Step: refuses, once the flavor is known and before anything is sent, a reset the flavor cannot do as asked. */
function refusal(ctx) {
    const { options } = ctx;
    // Without day: the server's own today (servers count days in their time zone, not the runner's).
    const dayText = options.day ?? "the server's today";
    return (adapter) => {
        if (adapter.capabilities.reset === 'none') {
            throw new Refusal(`The ${adapter.flavor} quota-proxy flavor has no reset endpoint: reset refused, nothing was changed.`);
        }
        if (adapter.capabilities.reset === 'day-wide' && !options.resetAllKeysForDay) {
            throw new Refusal(`The ${adapter.flavor} quota-proxy flavor can only reset every key's usage for a day, not one ` +
                `key's: reset refused, nothing was sent; set reset-all-keys-for-day: true (--reset-all-keys-for-day) to ` +
                `wipe all keys' usage for ${dayText}.`);
        }
    };
}
/**
 * Step: the day to send: given; or none where the server resets its own today and names it (v01,
 * v1p); or learned from the server first where a reset needs one (v1). v10 counts no days.
 */
async function chooseDay(ctx, adapter) {
    const { options, api } = ctx;
    if (options.day)
        return { by: 'given', day: options.day };
    if (adapter.capabilities.serverDay && !adapter.capabilities.resetDefaultsToServerDay)
        return api.serverDay((0,values/* localDay */.u7)(ctx.context.now));
    return undefined;
}
/** Says once, in the summary and the log, which day was reset and why that day. */
function dayNoter(ctx, adapter, choice) {
    const { log, report } = ctx;
    return (said) => {
        if (!adapter.capabilities.serverDay || report.facts.has('day'))
            return;
        const shown = said ?? choice?.day;
        if (!shown)
            return;
        const why = choice && choice.by !== 'none' ? dayReason(choice) : "the server's today, as its reset answer names it";
        report.facts.set('day', shown).set('day_chosen', why);
        log.info(`Day ${shown}: ${why}.`);
    };
}
/** Step (dry-run): the keys resolved and the day, each `would reset`; no reset request is sent. */
function wouldReset(ctx, adapter, resolution, day, noteDay) {
    const { log, report } = ctx;
    if (day)
        noteDay(day);
    const which = day ?? "the server's today";
    const what = adapter.capabilities.reset === 'day-wide'
        ? `every key's usage for ${which} (${adapter.flavor} has no per-key reset)`
        : adapter.capabilities.lifetimeQuota === true
            ? 'used quota (lifetime)'
            : `usage of ${which}`;
    report.facts
        .set('dry_run', 'yes: nothing was reset (no reset request was sent)')
        .set('would_reset', what)
        .set('keys', resolution.keys.length);
    const row = report.open((0,tables/* outcomeTable */.Lh)({ created: false, replacement: false }));
    for (const k of resolution.keys)
        row({ label: k.label ?? '', key: (0,redact/* shortenKey */.PV)(k.key), result: 'would reset' });
    log.info(`Dry run: would reset ${what} of ${resolution.keys.length} key(s).`);
    return report;
}
/** Step (v1p): one request wipes the day for everybody; the resolved key only proved the target exists. */
async function resetDayWide(ctx, adapter, resolution, day, noteDay) {
    const { api, log, report } = ctx;
    let said;
    try {
        said = await api.resetUsage(resolution.keys[0].key, day);
    }
    catch (error) {
        ctx.audit?.({
            outcome: 'failed',
            reason: `every key's usage for ${day ?? "the server's today"}: ${(0,errors/* errorMessage */.g)(error)}`,
        });
        return report.fail(`Reset failed: ${(0,errors/* errorMessage */.g)(error)}`);
    }
    ctx.audit?.({ outcome: 'reset', reason: `every key's usage for ${said ?? day ?? "the server's today"}` });
    noteDay(said);
    const resetDay = said ?? day ?? "the server's today";
    log.warning(`The ${adapter.flavor} server reset every key's usage for ${resetDay} (reset-all-keys-for-day), not ` +
        `only ${resolution.keys.map((k) => (0,redact/* shortenKey */.PV)(k.key)).join(', ')}.`);
    report.facts.set('reset', `every key's usage for ${resetDay} (${adapter.flavor} has no per-key reset)`);
    return report;
}
/**
 * Step: each resolved key's usage (or v10's lifetime used quota), concurrently; a 404 is "nothing to reset" or "not
 * found".
 */
async function resetEach(ctx, adapter, resolution, day, noteDay) {
    const { options, api, log, report } = ctx;
    const lifetime = adapter.capabilities.lifetimeQuota === true;
    if (day)
        noteDay(day);
    report.facts.set('reset', lifetime
        ? `used quota (lifetime; ${adapter.flavor} counts no days, day is ignored)`
        : `usage of ${day ?? "the server's today"}`);
    let reset = 0;
    let nothing = 0;
    const missing = [];
    const failures = [];
    const row = report.open((0,tables/* outcomeTable */.Lh)({ created: false, replacement: false }));
    await (0,bounded/* forEachBounded */.a)(resolution.keys, options.concurrency, async (key) => {
        const short = (0,redact/* shortenKey */.PV)(key.key);
        let result;
        let reason;
        try {
            const said = await api.resetUsage(key.key, day);
            reason = lifetime ? 'used quota' : `usage of ${said ?? day ?? "the server's today"}`;
            noteDay(said);
            reset += 1;
            result = 'reset';
            log.info(`Reset ${short}${key.label ? ` (${key.label})` : ''}: ` +
                `${lifetime ? 'used quota' : `usage of ${said ?? day ?? "the server's today"}`}.`);
        }
        catch (error) {
            if (error instanceof HttpStatusError && error.status === 404 && lifetime) {
                missing.push(short);
                result = 'not found';
            }
            else if (error instanceof HttpStatusError && error.status === 404) {
                // v1 answers 404 when the key has no usage row for the day: already at zero.
                nothing += 1;
                result = 'nothing to reset';
                log.info(`Nothing to reset: ${short} has no usage recorded on ${day}` +
                    `${resolution.by === 'key' ? ' (or is not a key of this server)' : ''}.`);
            }
            else {
                reason = (0,errors/* errorMessage */.g)(error);
                failures.push(`${short}: ${reason}`);
                result = 'failed';
            }
        }
        ctx.audit?.({ label: key.label, key: key.key, outcome: result, reason });
        row({ label: key.label ?? '', key: short, result });
    });
    report.facts.set('keys_reset', reset).set('nothing_to_reset', nothing || undefined);
    if (failures.length > 0)
        return report.fail(`${failures.length} of ${resolution.keys.length} reset(s) failed (first: ${failures[0]}); ${reset} reset.`);
    if (missing.length > 0)
        return report.fail(`The server has no key ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', \u2026' : ''}; ${reset} reset.`);
    return report;
}
/** Whether the server's key list holds `key`. */
async function listHas(api, key) {
    for await (const page of api.listKeys())
        if (page.some((k) => k.key === key))
            return true;
    return false;
}

;// CONCATENATED MODULE: ./src/issuing/rotation-rate-limit.ts
// rotate under the admin rate limit (v10: 30 requests per 15 minutes): how many due keys go now,
// for the run (fitRateLimit cuts `due` to those) and for its dry run (rateLimitRoom), alike.

/**
 * The admin rate limit (v10: 30 per 15 minutes) against `dueCount` keys: a due key costs a DELETE,
 * and a create with replace. What fits is the window's room now, plus one whole window when
 * on-rate-limit is wait and max-wait-seconds covers the wait for it (further windows are not counted
 * on). Undefined when every key fits (or no limit is known). The dry run counts with it too.
 */
function rateLimitRoom(ctx, dueCount) {
    const { options, api } = ctx;
    const perKey = options.replace ? 2 : 1;
    const plan = api.rateLimitPlan(dueCount * perKey);
    if (!plan || plan.fits)
        return undefined;
    const at = isoSeconds(plan.resetAt);
    const canWait = options.onRateLimit !== 'fail' && plan.waitMs <= api.waitBudgetLeft();
    const room = plan.available + (canWait && plan.limit ? plan.limit : 0);
    const fit = Math.min(dueCount, Math.floor(Math.max(0, room) / perKey));
    const message = `The server's admin rate limit leaves ${plan.available} request(s) until ${at}` +
        `${plan.limit ? ` (${plan.limit} per window)` : ''} and ${dueCount} due key(s) need ${dueCount * perKey}` +
        `${options.replace ? ' (a replacement and a delete each)' : ''}`;
    const why = options.onRateLimit === 'fail'
        ? 'on-rate-limit is fail'
        : canWait
            ? 'max-wait-seconds covers the wait for one more window, not more'
            : `waiting ${waitText(plan.waitMs)} is more than max-wait-seconds leaves (` +
                `${Math.floor(api.waitBudgetLeft() / 1000)} s)`;
    return { fit, message, why, at };
}
/**
 * Step: only as many due keys as certainly fit the admin rate limit are rotated, oldest first (`due`
 * is cut to those); the rest stay due for a later run.
 */
function fitRateLimit(ctx, due) {
    const { log } = ctx;
    const room = rateLimitRoom(ctx, due.length);
    if (!room)
        return { leftDue: 0 };
    const { fit, message, why, at } = room;
    if (fit >= due.length) {
        log.warning(`${message}: waiting for the next window as on-rate-limit is wait (within max-wait-seconds).`);
        return { leftDue: 0 };
    }
    if (fit === 0)
        return { failure: `${message}: nothing was replaced or deleted (${why}); run again after ${at}.` };
    const leftDue = due.length - fit;
    const note = `${message}: rotating the ${fit} oldest now; the other ${leftDue} stay due (${why}): run ` + `again after ${at}.`;
    log.warning(note);
    due.splice(fit);
    return { leftDue, note };
}

;// CONCATENATED MODULE: ./src/quota-proxy/flavors/shape.ts
// Small readers for answers of unknown shape: a wrong shape is an error naming what was missing.

class ShapeError extends errors/* QuotaKeysError */.t {
    constructor(what) {
        super(`unexpected answer: ${what}`);
        this.name = 'ShapeError';
    }
}
function asObject(value, what) {
    if (value && typeof value === 'object' && !Array.isArray(value))
        return value;
    throw new ShapeError(`${what} is not a JSON object`);
}
function asArray(value, what) {
    if (Array.isArray(value))
        return value;
    throw new ShapeError(`${what} is not a list`);
}
function str(value) {
    return typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
}
/**
 * A server-local day as the answers give it, YYYY-MM-DD (a real date), or '' when absent. Anything
 * else is an unexpected answer: a day is shown in titles, tables and charts, so it must be a day.
 */
function dayOf(value, what) {
    const text = str(value);
    if (text === '')
        return '';
    const parsed = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : undefined;
    if (parsed && !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text)
        return text;
    throw new ShapeError(`${what} is not a day as YYYY-MM-DD`);
}
/**
 * A count, a limit or a quota: a whole number from 0 to 2^32 \u2212 1, else undefined, as when absent. A negative or
 * fractional count was shown as such (a percentage of \u22123) and wrapped in the per-day counts (\u22125 became
 * 4,294,967,291, an alert); no key is asked four billion requests a day.
 */
function num(value) {
    const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
    return Number.isInteger(n) && n >= 0 && n <= MAX_COUNT ? n : undefined;
}
/** The largest count the per-day arrays (Uint32Array) hold. */
const MAX_COUNT = 0xffff_ffff;
function requireKey(item, what) {
    const key = item.key;
    if (typeof key !== 'string' || key === '')
        throw new ShapeError(`${what} has no "key"`);
    return key;
}

;// CONCATENATED MODULE: ./src/reading/usage-trends.ts
// usage --days N: each key's requests over the last N server days, from what the flavor keeps
// (capability usageHistory), aggregated per key as the rows are read (no row is kept): daily totals,
// the day each key reaches its limit at its recent rate, idle keys, and spikes. rotate --idle-days
// asks the same history which keys were used.


/** A lifetime quota's forecast further out than this is "not at this rate". */
const HORIZON_DAYS = 3650;
const usage_trends_DAY_MS = 86_400_000;
/** The `n` days ending at `last` (YYYY-MM-DD), oldest first. */
function daysEndingAt(last, n) {
    const end = Date.parse(`${last}T00:00:00Z`);
    return Array.from({ length: n }, (_, i) => new Date(end - (n - 1 - i) * usage_trends_DAY_MS).toISOString().slice(0, 10));
}
function dayAfter(day, days) {
    return new Date(Date.parse(`${day}T00:00:00Z`) + days * usage_trends_DAY_MS).toISOString().slice(0, 10);
}
/**
 * A daily limit is reached on a day whose requests reach it: the least-squares line through the N
 * days, followed forward no further than twice N days (a trend read off two weeks says nothing of
 * next year). 0: reached on the last day already; undefined: flat, falling, or further out.
 */
function dailyForecast(perDay, limit) {
    const n = perDay.length;
    if (n === 0)
        return undefined;
    if (perDay[n - 1] >= limit)
        return 0;
    if (n < 2)
        return undefined;
    const meanX = (n - 1) / 2;
    let meanY = 0;
    for (let i = 0; i < n; i++)
        meanY += perDay[i] / n;
    let num = 0;
    let den = 0;
    for (let i = 0; i < n; i++) {
        num += (i - meanX) * (perDay[i] - meanY);
        den += (i - meanX) ** 2;
    }
    const slope = num / den;
    if (!(slope > 0))
        return undefined;
    const ahead = Math.max(1, Math.ceil(meanX + (limit - meanY) / slope - (n - 1)));
    return ahead <= 2 * n ? ahead : undefined;
}
/** A lifetime quota runs out at the mean rate of the window. 0: used up already. */
function lifetimeForecast(used, quota, requests, days) {
    if (used >= quota)
        return 0;
    if (requests <= 0)
        return undefined;
    const ahead = Math.ceil((quota - used) / (requests / days));
    return ahead <= HORIZON_DAYS ? ahead : undefined;
}
function forecastOf(t, n) {
    const { limit } = t.usage;
    if (limit.kind === 'daily')
        return limit.value === undefined || !t.perDay ? undefined : dailyForecast(t.perDay, limit.value);
    if (limit.value === undefined || limit.used === undefined)
        return undefined;
    return lifetimeForecast(limit.used, limit.value, t.total, n);
}
/** Keys per block of per-day counts: one buffer for many keys, allocated as keys with usage are met. */
const KEYS_PER_BLOCK = 1024;
/**
 * Reads the N days' usage of the report's keys: per day where the server keeps days, else its window.
 * Every key starts on one shared all-zero day array; a key gets its own (a view of a shared block)
 * only when a row of usage names it: 100,000 keys, most idle, are not 100,000 arrays (30 days: 12 MB).
 */
async function readHistory(api, report, days) {
    const calendar = api.known?.capabilities.usageHistory !== 'window';
    const trends = new Map();
    const unused = new Uint32Array(calendar ? days.length : 0);
    for (const usage of report.rows)
        trends.set(usage.key, {
            usage,
            perDay: calendar ? unused : undefined,
            total: 0,
            last: calendar ? 0 : usage.requests,
            spike: false,
        });
    if (calendar) {
        const index = new Map(days.map((d, i) => [d, i]));
        let block = new Uint32Array(0);
        let used = 0;
        await api.usageHistory(days, (row, day) => {
            const trend = trends.get(row.key);
            if (!trend)
                return;
            if (trend.perDay === unused) {
                if (used === KEYS_PER_BLOCK || block.length === 0) {
                    block = new Uint32Array(KEYS_PER_BLOCK * days.length);
                    used = 0;
                }
                trend.perDay = block.subarray(used * days.length, (used + 1) * days.length);
                used += 1;
            }
            const perDay = trend.perDay;
            const i = index.get(day);
            perDay[i] = Math.min(MAX_COUNT, perDay[i] + row.requests); // two rows of a day: no wrap past 2^32
        });
    }
    else {
        await api.usageWindow(days.length, (row) => {
            const trend = trends.get(row.key);
            if (trend)
                trend.total += row.requests;
        });
    }
    return [...trends.values()];
}
async function collectTrends(ctx, report) {
    const { options } = ctx;
    const n = options.days;
    const days = daysEndingAt(report.day, n);
    const keys = await readHistory(ctx.api, report, days);
    const calendar = keys.length === 0 ? ctx.api.known?.capabilities.usageHistory !== 'window' : !!keys[0].perDay;
    const dailyTotals = new Array(n).fill(0);
    const dailyKeysUsed = new Array(n).fill(0);
    for (const t of keys) {
        if (t.perDay) {
            t.perDay.forEach((requests, i) => {
                dailyTotals[i] += requests;
                if (requests > 0)
                    dailyKeysUsed[i] += 1;
            });
            t.total = t.perDay.reduce((a, b) => a + b, 0);
            t.last = t.perDay[n - 1];
            t.peak = Math.max(...t.perDay);
        }
        if (n >= 2) {
            t.meanBefore = Math.max(0, t.total - t.last) / (n - 1);
            // A spike: the last day above spike-factor \u00d7 the key's mean of the days before, and at least spike-min-requests.
            t.spike = t.last >= options.spikeMinRequests && t.last > options.spikeFactor * t.meanBefore;
        }
        t.reachesIn = forecastOf(t, n);
        if (t.reachesIn !== undefined)
            t.reachesOn = dayAfter(report.day, t.reachesIn);
    }
    keys.sort((a, b) => b.total - a.total || b.last - a.last || a.usage.label.localeCompare(b.usage.label));
    const byLabel = (a, b) => a.usage.label.localeCompare(b.usage.label);
    const runningOut = keys
        .filter((t) => t.reachesIn !== undefined && t.reachesIn <= options.forecastDays)
        .sort((a, b) => a.reachesIn - b.reachesIn || byLabel(a, b));
    return {
        days,
        calendar,
        dailyTotals,
        dailyKeysUsed,
        keys,
        forecastDays: options.forecastDays,
        spikeFactor: options.spikeFactor,
        spikeMinRequests: options.spikeMinRequests,
        runningOut,
        idle: keys.filter((t) => t.total === 0).sort(byLabel),
        spikes: keys.filter((t) => t.spike),
        total: keys.reduce((sum, t) => sum + t.total, 0),
    };
}
/**
 * rotate --idle-days: the keys without a request in the last `n` server days. Where the server's day
 * is uncertain (its midnight may have passed), the days it may be on count too: a key used on any of
 * them is kept.
 */
async function idleKeys(ctx, keys, n) {
    const { api } = ctx;
    if (keys.length === 0)
        return keys;
    const wanted = new Set(keys.map((k) => k.key));
    const used = new Set();
    const mark = (row) => {
        if (row.requests > 0 && wanted.has(row.key))
            used.add(row.key);
    };
    if (api.known?.capabilities.usageHistory === 'window')
        await api.usageWindow(n, mark);
    else {
        const runnerDay = (0,values/* localDay */.u7)(ctx.context.now);
        const choice = await api.serverDay(runnerDay);
        const last = choice.day ?? runnerDay;
        const later = choice.by === 'rows' ? choice.alternatives.filter((d) => d > last) : [];
        await api.usageHistory([...daysEndingAt(last, n), ...later], mark);
    }
    return keys.filter((k) => !used.has(k.key));
}

;// CONCATENATED MODULE: ./src/commands/rotate.ts
// rotate: deletes the keys created more than older-than-days ago whose label starts with
// label-prefix (or every label with all-labels) \u2014 with idle-days, only those without a request in
// the last N server days (and created before them); with replace it first issues one new key per due
// key into the CSV, and deletes an old key only once its replacement exists. Creation times are absolute instants
// (v10's zone-less datetimes are read as
// UTC by its adapter), so the runner's time zone changes nothing.
//
// The list streams past page by page and only the keys to delete are kept; they are deleted once
// the list is complete, because deleting while paging by offset (v10) would shift later pages
// and skip keys.











const rotate_DAY_MS = 86_400_000;
const dueKey = (k) => ({
    key: k.key,
    label: k.label,
    createdMs: k.createdAt.getTime(),
    dailyLimit: k.dailyLimit,
    totalQuota: k.totalQuota,
});
const createdText = (k) => new Date(k.createdMs).toISOString();
/** Per-key log lines before the log switches to counts. */
const rotate_LOGGED_KEYS = 20;
/**
 * One replacement label per old key, in order: batch labels (of this version or earlier ones) keep
 * their stem and are numbered afresh with this invocation's suffix (`auto-20261126-001-r7a1` \u2192
 * `auto-20261126-001-r9a1i<invocation>n<nonce>`); other labels are
 * kept, unless several due keys share one: then it is their stem, so every replacement has a label
 * of its own (what finds a key again after a create whose outcome was lost).
 */
function replacementLabels(oldLabels, suffix) {
    const seen = new Map();
    for (const label of oldLabels)
        seen.set(label, (seen.get(label) ?? 0) + 1);
    const stems = oldLabels.map((label) => (0,labels/* batchStem */.u$)(label) ?? (seen.get(label) > 1 ? label : undefined));
    const perStem = new Map();
    for (const stem of stems)
        if (stem !== undefined)
            perStem.set(stem, (perStem.get(stem) ?? 0) + 1);
    const fresh = new Map([...perStem].map(([stem, n]) => [stem, (0,labels/* batchLabels */.WG)(stem, n, suffix)]));
    const used = new Map();
    return oldLabels.map((label, i) => {
        const stem = stems[i];
        if (stem === undefined)
            return label;
        const n = used.get(stem) ?? 0;
        used.set(stem, n + 1);
        return fresh.get(stem)[n];
    });
}
/** Steps, in order: listDue, dryRunReport (dry-run), fitRateLimit, replace (with replace), deleteDue, verdict. */
async function runRotate(ctx) {
    const { options, report, context } = ctx;
    // An idle key must have existed for the idle days: a key made yesterday was not idle for a week.
    const days = Math.max(options.olderThanDays ?? 0, options.idleDays ?? 0);
    const cutoff = new Date(context.now.getTime() - days * rotate_DAY_MS);
    const prefix = options.labelPrefix;
    Object.assign(report.outputs, { 'deleted-count': '0', 'created-count': '0' });
    report.facts
        .set('older_than', `${days} day(s): created before ${cutoff.toISOString()}`)
        .set('labels', prefix ? `starting with "${prefix}"` : 'all')
        .set('dry_run', options.dryRun ? 'yes: nothing was deleted or created' : undefined);
    const listed = await listDue(ctx, cutoff);
    if (!Array.isArray(listed))
        return listed;
    const due = options.idleDays ? await onlyIdle(ctx, listed, options.idleDays) : listed;
    if (!Array.isArray(due))
        return due;
    if (options.dryRun)
        return dryRunReport(ctx, due);
    const fit = fitRateLimit(ctx, due);
    if ('failure' in fit)
        return report.fail(fit.failure);
    report.facts.set('left_due', fit.leftDue || undefined);
    // With replace, the replacements come first, and an old key is deleted only once its replacement
    // is in the CSV: a rate limit or a failed create leaves users with their old key, never with none.
    const replacements = options.replace && due.length > 0 ? await replace(ctx, due) : undefined;
    const replaced = replacements?.replaced ?? new Array(due.length).fill(!options.replace);
    const deletion = await deleteDue(ctx, due, replaced);
    return verdict(ctx, due, deletion, replacements, fit);
}
/**
 * Step: the keys due, oldest first. The list streams past page by page and only the due keys are
 * kept. v1a cannot delete: refused as soon as the flavor is known (forced, or the first page).
 */
async function listDue(ctx, cutoff) {
    const { options, api, log, report } = ctx;
    const prefix = options.labelPrefix;
    const selects = (label) => (prefix ? label.startsWith(prefix) : options.allLabels);
    let checked = false;
    const refuseEarly = () => {
        if (checked || !api.known)
            return;
        checked = true;
        refuseWithoutDelete(api.known, 'rotate');
    };
    const due = [];
    let listed = 0;
    let undated = 0;
    try {
        refuseEarly();
        ctx.progress.start(0, 'keys listed');
        for await (const page of api.listKeys()) {
            refuseEarly();
            listed += page.length;
            ctx.progress.tick(page.length);
            for (const key of page) {
                if (!selects(key.label))
                    continue;
                // An epoch-0 time is a missing created_at, not a key from 1970: never deleted on a guess.
                if (key.createdAt.getTime() <= 0)
                    undated += 1;
                else if (key.createdAt < cutoff)
                    due.push(dueKey(key));
            }
        }
        refuseEarly();
    }
    catch (error) {
        return report.fail((0,errors/* errorMessage */.g)(error));
    }
    finally {
        ctx.progress.done();
    }
    due.sort((a, b) => a.createdMs - b.createdMs);
    for (const key of due)
        log.secret(key.key, 'key');
    report.facts.set('listed', listed).set('due', due.length);
    if (undated > 0)
        log.warning(`${undated} matching key(s) have no creation time and were left alone.`);
    log.info(`${due.length} of ${listed} key(s) are due (label ${prefix ? `starting with "${prefix}"` : 'any'}, ` +
        `created before ${cutoff.toISOString()}).`);
    return due;
}
/** Step (idle-days): only the due keys without a request in the last N server days. */
async function onlyIdle(ctx, due, days) {
    const { log, report } = ctx;
    let idle;
    try {
        idle = await idleKeys(ctx, due, days);
    }
    catch (error) {
        return report.fail((0,errors/* errorMessage */.g)(error));
    }
    report.facts.set('idle', `${idle.length} of ${due.length} due key(s) had no request in the last ${days} server day(s)`);
    log.info(`${idle.length} of ${due.length} due key(s) are idle (no request in the last ${days} server day(s)); ` +
        'only those go.');
    return idle;
}
/**
 * The due keys, oldest first, each with what became of it (and its replacement, with replace); they
 * wait for a slow reader of a channel (stdout a pipe) instead of piling up in memory.
 */
async function emitRows(ctx, due, result, replacement) {
    const row = ctx.report.open((0,tables/* outcomeTable */.Lh)({ created: true, replacement: ctx.options.replace, inOrder: true }));
    for (const [i, key] of due.entries()) {
        await ctx.report.pace(i);
        row({
            label: key.label,
            key: (0,redact/* shortenKey */.PV)(key.key),
            createdAt: new Date(key.createdMs),
            result: result(i),
            replacement: replacement(i),
        });
    }
}
/**
 * Step (dry-run): what would be deleted, and the replacement labels that would be created; of the
 * due keys, only as many as the real run would rotate under the admin rate limit (rateLimitRoom).
 */
async function dryRunReport(ctx, due) {
    const { options, log, report, context } = ctx;
    const room = rateLimitRoom(ctx, due.length);
    const go = Math.min(due.length, room?.fit ?? due.length);
    const planned = options.replace
        ? replacementLabels(due.map((k) => k.label), context.labelSuffix)
        : [];
    for (const k of due.slice(0, Math.min(go, rotate_LOGGED_KEYS)))
        log.info(`Would delete ${(0,redact/* shortenKey */.PV)(k.key)} (${k.label}, created ${createdText(k)}).`);
    if (go > rotate_LOGGED_KEYS)
        log.info(`\u2026 and ${go - rotate_LOGGED_KEYS} more would be deleted.`);
    report.facts.set('would_delete', go);
    if (room && go < due.length) {
        report.facts.set('would_stay_due', due.length - go);
        log.warning(`Dry run: ${room.message}: the run would rotate the ${go} oldest now; the other ${due.length - go} would ` +
            `stay due (${room.why}): run again after ${room.at}.`);
    }
    await emitRows(ctx, due, (i) => (i < go ? 'would delete' : 'would stay due (rate limit)'), (i) => (i < go && planned[i] ? `would be ${planned[i]}` : ''));
    return report;
}
/** Step (replace): one new key per due key, into the CSV, before any is deleted. */
async function replace(ctx, due) {
    const { options, context } = ctx;
    const rules = new KeyRequestRules({ ...ctx, now: context.now }, options.labelPrefix, true);
    const labels = replacementLabels(due.map((k) => k.label), context.labelSuffix);
    const requests = due.map((key, i) => rules.request(labels[i], key));
    rules.explain();
    const issued = await issueToCsv(ctx, requests, requests.length, { table: false });
    // The label the server stored: a native batch (v01) gives a chunk's keys its first label.
    const replaced = new Array(due.length).fill(false);
    const replacementOf = new Array(due.length).fill('');
    requests.forEach((request, i) => {
        const made = issued.result.assigned.get(request.label);
        replaced[i] = made !== undefined;
        replacementOf[i] = made ? `${made.label} ${(0,redact/* shortenKey */.PV)(made.key)}` : `${request.label} (not created)`;
    });
    return { replaced, replacementOf, issued };
}
/** Step: deletes the due keys that may go (replaced, or all without replace), until a fatal error. */
async function deleteDue(ctx, due, replaced) {
    const { options, api, log } = ctx;
    const results = due.map((_, i) => (replaced[i] ? 'not attempted' : 'kept: replacement not created'));
    const outcome = { results, deleted: 0, gone: 0, attempted: 0, failures: [] };
    let stop;
    // Indexes, not an object a key: 100,000 of them.
    const toDelete = [];
    for (const [i, may] of replaced.entries())
        if (may)
            toDelete.push(i);
    outcome.attempted = toDelete.length;
    ctx.progress.start(toDelete.length, 'keys deleted');
    await (0,bounded/* forEachBounded */.a)(toDelete, options.concurrency, async (i) => {
        const key = due[i];
        if (stop !== undefined || ctx.cancellation?.requested)
            return;
        let reason;
        try {
            if (await api.deleteKey(key.key)) {
                outcome.deleted += 1;
                results[i] = 'deleted';
                if (outcome.deleted <= rotate_LOGGED_KEYS)
                    log.info(`Deleted ${(0,redact/* shortenKey */.PV)(key.key)} (${key.label}, created ${createdText(key)}).`);
            }
            else {
                outcome.gone += 1;
                results[i] = 'already gone';
            }
        }
        catch (error) {
            reason = (0,errors/* errorMessage */.g)(error);
            outcome.failures.push(`${(0,redact/* shortenKey */.PV)(key.key)}: ${reason}`);
            results[i] = 'failed';
            if (isFatal(error))
                stop ??= error;
        }
        ctx.progress.tick();
        ctx.audit?.({
            label: key.label,
            key: key.key,
            outcome: results[i],
            reason,
        });
    });
    ctx.progress.done();
    return outcome;
}
/** Step: outputs, facts, the table, and one failure that names each part that did not happen. */
async function verdict(ctx, due, deletion, replacements, fit) {
    const { options, log, report } = ctx;
    const { results, deleted, gone, failures } = deletion;
    report.outputs['deleted-count'] = String(deleted);
    report.facts.set('deleted', deleted);
    log.info(`Deleted ${deleted} of ${due.length} due key(s).`);
    if (gone > 0) {
        log.warning(`${gone} due key(s) were already gone from the server (deleted meanwhile)` +
            `${options.replace ? '; their replacements were made and are in the CSV' : ''}.`);
    }
    const kept = results.filter((r) => r === 'kept: replacement not created').length;
    const notDeleted = results.filter((r) => r === 'failed' || r === 'not attempted').length;
    const deleteFailure = notDeleted > 0
        ? `${notDeleted} of ${deletion.attempted} key(s) to delete were not deleted (first error: ` +
            `${failures[0] ?? 'not attempted'}); ${deleted} deleted` +
            `${options.replace
                ? '; their replacements are in the CSV and both stay valid: delete the old ones ' +
                    'by the shortened key the summary table shows (delete --name)'
                : ''}.`
        : undefined;
    const keptNote = kept > 0 ? `${kept} due key(s) were kept because their replacement was not created.` : undefined;
    const replacementOf = replacements?.replacementOf ?? [];
    await emitRows(ctx, due, (i) => results[i], (i) => replacementOf[i] ?? '');
    const issued = replacements?.issued;
    const leftFailure = fit.leftDue > 0 && options.onRateLimit === 'fail' ? fit.note : undefined;
    const failure = [issued && !issued.ok ? issued.failure : undefined, keptNote, deleteFailure, leftFailure]
        .filter(Boolean)
        .join(' ');
    return failure ? report.fail(failure) : report;
}

;// CONCATENATED MODULE: ./src/reading/usage-trends-view.ts
// How usage --days N is reported: the charts (daily totals; the busiest keys against their limit)
// as data, each server day's totals, the per-key table's rows, the facts, the spike warnings, and
// the per-day, per-key CSV. Channels draw them (src/render/).


const usage_trends_view_CHART_KEYS = 10;
/** Keys named in a fact before the rest is counted. */
const NAMED = 10;
const lifetime = (t) => t.keys[0]?.usage.limit.kind === 'lifetime';
const windowText = (t) => t.calendar ? `${t.days.length} server days, ${t.days[0]} to ${t.days.at(-1)}` : `the last ${t.days.length}\u00d724 h`;
const nameOf = (t) => t.usage.label || (0,redact/* shortenKey */.PV)(t.usage.key);
const named = (keys, what) => keys
    .slice(0, NAMED)
    .map((t) => `${nameOf(t)} ${what(t)}`.trim())
    .join(', ') + (keys.length > NAMED ? `, \u2026 (${keys.length - NAMED} more)` : '');
const axisTop = (values) => Math.max(1, ...values.filter(Number.isFinite));
/** Line chart of the requests of each server day. */
function dailyChart(t) {
    if (!t.calendar || t.days.length < 2)
        return undefined;
    return {
        title: `Requests per server day, ${t.days[0]} to ${t.days.at(-1)}`,
        x: t.days.map((d) => d.slice(5)),
        y: { label: 'Requests', max: axisTop(t.dailyTotals) },
        line: t.dailyTotals,
    };
}
/** A key's busiest day as a percent of its daily limit (lifetime quotas: the quota used); undefined: no limit. */
function peakPercent(k) {
    const { limit } = k.usage;
    if (limit.kind === 'lifetime')
        return k.usage.percent;
    return limit.value ? Math.floor((k.peak * 100) / limit.value) : undefined;
}
/**
 * Bar chart of the busiest keys against their limit: each one's busiest day as a percent of its
 * daily limit (lifetime quotas: the quota used), with the limit, 100 %, as a line \u2014 limits differ
 * per key, percents compare. Where a limit is unknown: the busiest day's requests, without a line.
 */
function busiestAgainstLimitChart(t) {
    const keys = t.keys.filter((k) => k.total > 0).slice(0, usage_trends_view_CHART_KEYS);
    if (keys.length === 0)
        return undefined;
    const quota = lifetime(t);
    const percents = keys.map(peakPercent);
    const known = percents.every((p) => p !== undefined);
    const bars = known ? percents : keys.map((k) => k.peak ?? k.total);
    // The period is the daily chart's title and a fact: this title stays short enough to be read whole.
    const title = quota
        ? 'Quota used by each key, % of its lifetime quota'
        : known
            ? 'Busiest day of each key, % of its daily limit'
            : 'Busiest day of each key, requests (limit unknown)';
    return {
        title,
        x: keys.map((k) => k.usage.label || 'no label'),
        y: { label: known ? '% of limit' : 'Requests', max: known ? Math.max(100, ...bars) : axisTop(bars) },
        bars,
        ...(known ? { line: bars.map(() => 100) } : {}),
        horizontal: true,
    };
}
/** The charts of the N days, and each server day's totals (the exact figures below them). */
function reportTrendCharts(target, t) {
    for (const chart of [dailyChart(t), busiestAgainstLimitChart(t)])
        if (chart)
            target.charts.push(chart);
    if (t.calendar)
        target.days = t.days.map((day, i) => ({ day, requests: t.dailyTotals[i], keysUsed: t.dailyKeysUsed[i] }));
}
const reachText = (k) => (k.reachesOn === undefined ? '' : k.reachesIn === 0 ? 'reached' : k.reachesOn);
const note = (k) => [k.spike ? 'spike' : '', k.total === 0 ? 'idle' : ''].filter(Boolean).join(', ');
/** The per-key table: the N days' figures, busiest first, each key shortened. */
async function emitTrendRows(target, t) {
    const row = target.open((0,tables/* trendTable */._K)(t.days.length, lifetime(t)));
    for (const [n, k] of t.keys.entries()) {
        await target.pace(n);
        row({
            label: k.usage.label,
            key: (0,redact/* shortenKey */.PV)(k.usage.key),
            requests: k.usage.requests,
            percent: k.usage.percent,
            total: k.total,
            last: k.last,
            peak: k.peak,
            limit: k.usage.limit,
            reaches: reachText(k),
            reachesIn: k.reachesIn,
            note: note(k),
            alert: k.usage.alert,
            spike: k.spike,
            perDay: k.perDay,
        });
    }
}
/** What the N days show, as facts. */
function setTrendFacts(target, t, report) {
    target.facts
        .set('period', t.calendar ? windowText(t) : `${windowText(t)} (this server keeps no per-day counts)`)
        .set('requests_period', t.total)
        .set('forecast', t.runningOut.length === 0
        ? `no key reaches its ${lifetime(t) ? 'lifetime quota' : 'daily limit'} within ${t.forecastDays} ` +
            'day(s) at its recent rate'
        : `${t.runningOut.length} key(s) within ${t.forecastDays} day(s): ${named(t.runningOut, (k) => reachText(k))}`)
        .set('idle_keys', t.idle.length === 0 ? 'none' : `${t.idle.length}, rotation candidates: ${named(t.idle, () => '')}`)
        .set('spikes', t.days.length < 2
        ? 'need days of 2 or more'
        : `${t.spikes.length} (last day above ${t.spikeFactor}\u00d7 the key's mean of the days before, ` +
            `and at least ${t.spikeMinRequests})`);
    if (report.basis === 'server-wide daily limit' && report.unknownLimit?.stand === 'unknown')
        target.facts.set('forecast_note', 'no daily-limit forecast: the server-wide limit is unknown (server-daily-limit)');
}
/** The warning of one spike. */
function spikeWarning(t, k) {
    const when = t.calendar ? `on ${t.days.at(-1)}` : 'in the last 24 h';
    const mean = Math.round((k.meanBefore ?? 0) * 10) / 10;
    return (`Key ${(0,redact/* shortenKey */.PV)(k.usage.key)} (${k.usage.label || 'no label'}) made ${k.last} request(s) ${when}, ` +
        `more than ${t.spikeFactor}\u00d7 its mean of ${mean} per day over the ${t.days.length - 1} day(s) before: a spike.`);
}
const TREND_CSV_COLUMNS = [
    'day',
    'label',
    'key_short',
    'requests',
    'daily_limit',
    'percent',
    'daily_limit_source',
];
/**
 * The CSV rows, by day then label: every key on every day (0 where unused). Window servers (v10)
 * have one row per key for the whole window (`day` = first..last; percent of the lifetime quota).
 */
function* trendCsvRows(t) {
    const keys = [...t.keys].sort((a, b) => a.usage.label.localeCompare(b.usage.label) || a.usage.key.localeCompare(b.usage.key));
    const cells = (k, day, requests) => {
        const { limit } = k.usage;
        const daily = limit.kind === 'daily' ? limit.value : undefined;
        const percent = limit.kind === 'daily'
            ? daily === undefined
                ? ''
                : String(Math.floor((requests * 100) / daily))
            : k.usage.percent === undefined
                ? ''
                : String(k.usage.percent);
        return {
            day,
            label: k.usage.label,
            key_short: (0,redact/* shortenKey */.PV)(k.usage.key),
            requests: String(requests),
            daily_limit: limit.kind === 'daily' ? String(daily ?? 'unknown') : '',
            percent,
            // As the keys CSV: key, given, learned or assumed; unknown; empty for lifetime quotas.
            daily_limit_source: limit.kind === 'daily' ? (daily === undefined ? 'unknown' : limit.source) : '',
        };
    };
    if (!t.calendar) {
        for (const k of keys)
            yield cells(k, `${t.days[0]}..${t.days.at(-1)}`, k.total);
        return;
    }
    for (const [i, day] of t.days.entries())
        for (const k of keys)
            yield cells(k, day, k.perDay[i]);
}

;// CONCATENATED MODULE: ./src/commands/usage.ts
// usage: every key's requests on `day` against its limit, busiest first, with the alert rule; with
// days > 1 the last N server days too: daily totals, charts, forecast, idle keys, spikes (alerts).






async function runUsage(ctx) {
    const { options, report } = ctx;
    // The CSV's private temp file first: a path that cannot take it fails before any admin request.
    const csv = options.outputGiven ? openCsv(options.output) : undefined;
    try {
        const usage = await collectUsage(ctx);
        setUsageFacts(report, usage, options);
        // days 1 without a CSV or a dashboard: the day alone.
        if (options.days === 1 && !csv && !options.html) {
            const chart = busiestChart(usage);
            if (chart)
                report.charts.push(chart);
            await emitUsageRows(report, usage, usage.rows);
            return finishWithAlerts(ctx, usage);
        }
        const trends = await collectTrends(ctx, usage);
        setTrendFacts(report, trends, usage);
        report.facts.set('alerts', alertsText(usage, trends));
        report.period = {
            days: trends.days,
            calendar: trends.calendar,
            lifetime: usage.basis === 'lifetime quota',
            threshold: usage.threshold,
            forecastDays: trends.forecastDays,
            spikeFactor: trends.spikeFactor,
            spikeMinRequests: trends.spikeMinRequests,
        };
        if (options.days === 1) {
            const chart = busiestChart(usage);
            if (chart)
                report.charts.push(chart);
        }
        else
            reportTrendCharts(report, trends);
        await emitTrendRows(report, trends);
        if (csv) {
            for (const row of trendCsvRows(trends))
                csv.write(row);
            const file = await csv.close();
            report.facts.set('csv', `${file} (${csv.rows} rows: day, label, key_short, requests, daily_limit, percent)`);
            ctx.log.info(`Usage per day and key written to ${file}.`);
        }
        return finishWithAlerts(ctx, usage, spikeAlerts(trends));
    }
    finally {
        if (csv && !csv.settled)
            await csv.discard();
    }
}
/** The alerts, named: `2 at or above 80%: trial-bob-1 95%, partner-acme-1 88%; 1 spike: trial-bob-1`. */
function alertsText(usage, trends) {
    const name = (label, key) => label || (0,redact/* shortenKey */.PV)(key);
    const shown = (names) => names.slice(0, 5).join(', ') + (names.length > 5 ? ', \u2026' : '');
    const atLimit = usage.alertRows.map((r) => `${name(r.label, r.key)} ${r.percent}%`);
    const spikes = trends.spikes.map((k) => name(k.usage.label, k.usage.key));
    return (`${usage.alerts} at or above ${usage.threshold}%${atLimit.length ? `: ${shown(atLimit)}` : ''}` +
        (spikes.length ? `; ${spikes.length} spike${spikes.length === 1 ? '' : 's'}: ${shown(spikes)}` : ''));
}
function openCsv(file) {
    try {
        return new CsvWriter(file, TREND_CSV_COLUMNS);
    }
    catch (error) {
        const reason = error.code ?? String(error);
        throw new config_options/* InputError */.dz('output', file, `the CSV cannot be created there (${reason}); expected a writable file path`);
    }
}
function spikeAlerts(trends) {
    return {
        keys: new Map(trends.spikes.map((k) => [k.usage.key, k.usage.label])),
        warnings: trends.spikes.map((k) => spikeWarning(trends, k)),
        names: trends.spikes.map((k) => `${k.usage.label || 'no label'} spike`),
    };
}

;// CONCATENATED MODULE: ./src/commands/index.ts









const RUNNERS = {
    health: runHealth,
    generate: runGenerate,
    batch: runBatch,
    list: runList,
    usage: runUsage,
    monitor: runMonitor,
    reset: runReset,
    delete: runDelete,
    rotate: runRotate,
};

// EXTERNAL MODULE: ./src/config/commands.ts
var commands = __webpack_require__(4006);
// EXTERNAL MODULE: ./src/config/context.ts + 1 modules
var config_context = __webpack_require__(568);
// EXTERNAL MODULE: ./src/config/plain-http.ts
var plain_http = __webpack_require__(2203);
;// CONCATENATED MODULE: ./src/issuing/token-check.ts
// Before the first key is made: one authenticated read proves the admin token, so a wrong token
// (or a TLS problem) fails with one line naming where the token came from, and nothing is created.


/**
 * Node's messages for a certificate it does not trust (self-signed, private CA, expired, wrong name) or a failed
 * handshake.
 */
const TLS_PROBLEM = /certificate|self[- ]signed|\bTLS\b|\bSSL\b|handshake|EPROTO/i;
/** What to do about a TLS failure, appended to its message; undefined when `message` is not one. */
function tlsAdvice(message) {
    if (!TLS_PROBLEM.test(message))
        return undefined;
    return ("This is a TLS error: the server's certificate is not trusted (or the handshake failed). If it comes " +
        'from a private CA, ' +
        "set NODE_EXTRA_CA_CERTS to that CA's certificate file (PEM) in the step's env; check the host name in " +
        'url matches the certificate.');
}
/**
 * Reads `GET /admin/usage?limit=1&days=1` with the token (small on every flavor; on v10 it costs one
 * request of the admin rate limit). Returns the failure line when the token is refused or the
 * server cannot be reached; undefined when the token was accepted or the answer says nothing
 * about it (a 404 or 5xx: the creates will tell, and `warn` says so).
 */
async function checkAdminToken(api, tokenSource, warn) {
    const noKey = 'No key was created.';
    try {
        await api.checkAdminToken();
        return undefined;
    }
    catch (error) {
        if (error instanceof HttpStatusError && (error.status === 401 || error.status === 403)) {
            const why = error.status === 401
                ? `The server refused the admin token from ${tokenSource} (${error.message}); check that it is ` +
                    `the server's ADMIN_TOKEN, whole and current`
                : `The server refused the admin request (${error.message}): the token from ${tokenSource} lacks ` +
                    `admin rights, or this runner's address is not on the server's admin allow-list`;
            return `${why}. ${noKey}`;
        }
        // A plain-HTTP port's message already says what to do.
        if (error instanceof NetworkError && error.kind === 'plain-http')
            return `Checking the admin token failed: ${error.message}. ${noKey}`;
        if (error instanceof NetworkError) {
            const advice = tlsAdvice(error.message);
            return (`Checking the admin token failed: ${error.message}; ` +
                `${advice ?? 'check that quota-proxy is running and reachable from this runner'}. ${noKey}`);
        }
        const message = (0,errors/* errorMessage */.g)(error);
        warn(`Could not check the admin token before creating (${message}); going on: the first create will tell.`);
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/shared/builtins.ts
var builtins = __webpack_require__(3613);
// EXTERNAL MODULE: ./src/shared/neutralise.ts
var neutralise = __webpack_require__(7763);
;// CONCATENATED MODULE: ./src/output/audit.ts
// The audit trail: one JSON line per write's outcome (a key created, deleted, reset, a
// create that failed or whose outcome is unknown), appended the moment the outcome is known, so a
// kill -9 leaves every earlier line. A key appears only as its fingerprint (the first 12 hex of its
// SHA-256); the token never; the file is created 0600. Dry runs write none (they send no write).







/** The first 12 hex characters of the key's SHA-256: tells keys apart, gives nothing of them away. */
function fingerprint(key) {
    return (0,builtins/* nodeCrypto */.SI)().createHash('sha256').update(key).digest('hex').slice(0, 12);
}
/** The audit file of one run; `record` appends one line at once. */
class AuditLog {
    file;
    run;
    warn;
    redactor = new redact/* Redactor */.pO();
    /** Lines this run appended. */
    lines = 0;
    failed = false;
    /**
     * Checked before any request: a path that cannot take the file throws here. The file is created
     * (0600) with its first line, so a run that wrote nothing leaves none.
     */
    constructor(file, run, warn) {
        this.file = file;
        this.run = run;
        this.warn = warn;
        this.redactor.addSecret(run.token);
        const stat = (0,external_node_fs_.lstatSync)(file, { throwIfNoEntry: false });
        // A link (say, committed at the default path) would have an outside file chmod-ed, appended to, uploaded.
        if (stat?.isSymbolicLink())
            throw new Error('a symbolic link, never written through');
        if (stat) {
            if (!stat.isFile())
                throw new Error('not a regular file');
            // An existing file keeps its lines, but not a mode that lets others read them.
            const fd = (0,files/* openNoFollow */.zm)(file, { append: true, mode: 0o600 });
            try {
                (0,external_node_fs_.fchmodSync)(fd, 0o600);
            }
            finally {
                (0,external_node_fs_.closeSync)(fd);
            }
            return;
        }
        let dir = external_node_path_default().dirname(file);
        while (!(0,external_node_fs_.existsSync)(dir))
            dir = external_node_path_default().dirname(dir);
        if (!(0,external_node_fs_.statSync)(dir).isDirectory())
            throw new Error(`${dir} is not a folder`);
        (0,external_node_fs_.accessSync)(dir, external_node_fs_.constants.W_OK);
    }
    record(event) {
        if (event.key)
            this.redactor.addKey(event.key);
        const line = {
            time: new Date().toISOString(),
            actor: this.run.origin.actor,
            ...(this.run.origin.runUrl ? { runUrl: this.run.origin.runUrl } : {}),
            command: this.run.command,
            server: this.run.server,
            ...(event.label !== undefined ? { label: event.label } : {}),
            ...(event.key ? { fingerprint: fingerprint(event.key) } : {}),
            outcome: event.outcome,
            ...(event.reason ? { reason: event.reason } : {}),
        };
        try {
            if (this.lines === 0)
                (0,external_node_fs_.mkdirSync)(external_node_path_default().dirname(this.file), { recursive: true });
            const fd = (0,files/* openNoFollow */.zm)(this.file, { append: true, mode: 0o600 });
            try {
                (0,external_node_fs_.appendFileSync)(fd, `${this.redactor.redact((0,neutralise/* jsonText */.s$)(line))}\n`);
            }
            finally {
                (0,external_node_fs_.closeSync)(fd);
            }
            this.lines += 1;
        }
        catch (error) {
            // The keys are in the CSV whatever happens here: a full disk must not stop the run, only be said.
            if (!this.failed)
                this.warn(`Could not append to the audit log ${this.file}: ${(0,errors/* errorMessage */.g)(error)}`);
            this.failed = true;
        }
    }
}

;// CONCATENATED MODULE: ./src/transport/request-path.ts
// What goes into a request's path: a key as one segment, and the whole target exactly as sent.
// Nothing here normalises a path, so a `..` in it cannot climb out of the base path.

/**
 * One path segment (a key in `/admin/keys/:key`): percent-encoded, so `/`, `?` and `#` cannot
 * change the route; a segment of dots only is refused, since servers and proxies resolve it.
 */
function pathSegment(value) {
    if (/^\.*$/.test(value))
        throw new errors/* QuotaKeysError */.t(`refusing to put ${JSON.stringify(value)} into a URL path: it is not a key`);
    return encodeURIComponent(value);
}
/** The request target exactly as sent: base path + path + query; a path with a dot segment is refused. */
function requestPath(basePath, path, query) {
    if (!path.startsWith('/'))
        throw new errors/* QuotaKeysError */.t(`request path must start with /: ${path}`);
    if (path
        .split('?')[0]
        .split('/')
        .some((segment) => segment === '.' || segment === '..')) {
        throw new errors/* QuotaKeysError */.t(`refusing a request path with a dot segment: ${path}`);
    }
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query ?? {}))
        if (value !== undefined)
            search.set(name, String(value));
    const qs = search.toString();
    return `${basePath}${path}${qs ? `${path.includes('?') ? '&' : '?'}${qs}` : ''}`;
}

;// CONCATENATED MODULE: ./src/quota-proxy/flavors/v1.ts
// v1, the deployed flavor: one server-wide daily limit, usage rows per (day, key), per-key reset.


function keyFrom(item, what) {
    return {
        key: requireKey(item, what),
        label: str(item.label),
        createdAt: parseServerTime(item.created_at) ?? new Date(),
    };
}
/** Creation on the flavors with per-key daily limits (v1p, v1a): `daily_limit` sent and read back. */
const createWithDailyLimit = {
    createBody: ([request]) => ({ label: request.label, daily_limit: request.dailyLimit }),
    parseCreated: (body) => {
        const item = asObject(body, 'the created key');
        return [{ ...keyFrom(item, 'the created key'), dailyLimit: num(item.daily_limit) }];
    },
};
const USAGE_PAGE = 1000;
const v1 = {
    flavor: 'v1',
    capabilities: {
        usageHistory: 'rows',
        usageNewestDayFirst: true, // upstream: ORDER BY d.day DESC, d.requests DESC
        maxKeysPerCreate: 1,
        perKeyDailyLimit: false,
        expiry: false,
        delete: true,
        reset: 'key',
        serverDay: 'rows',
        refusalsCounted: false,
    },
    createBody: ([request]) => ({ label: request.label }),
    parseCreated: (body) => [keyFrom(asObject(body, 'the created key'), 'the created key')],
    listQuery: () => ({}),
    parseListing: (body) => ({
        keys: asArray(asObject(body, 'the key list').keys, 'keys').map((k) => keyFrom(asObject(k, 'a key'), 'a key')),
    }),
    // Every day's rows, newest day first: the client keeps the day's, and learns the server's day from them.
    usageRequest: (_day, offset) => ({ path: '/admin/usage', query: { limit: USAGE_PAGE, offset } }),
    parseUsage: (body, _day, offset) => {
        const page = asObject(body, 'the usage answer');
        const items = asArray(page.items, 'items').map((i) => asObject(i, 'a usage row'));
        return {
            rows: items.map((i) => ({
                key: str(i.trial_key),
                label: str(i.label),
                requests: num(i.requests) ?? 0,
                day: dayOf(i.day, "a usage row's day"),
                updatedAt: parseServerTime(i.updated_at),
            })),
            next: page.has_more === true ? offset + items.length : undefined,
        };
    },
    resetRequest: (key, day) => ({ method: 'POST', path: '/admin/usage/reset', body: { day, trial_key: key } }),
};

;// CONCATENATED MODULE: ./src/quota-proxy/flavors/v1a.ts
// v1a, "admin": per-key daily limits and a `success` envelope; no delete and no reset endpoints.




const v1a_DAY_MS = 86_400_000;
const v1a = {
    flavor: 'v1a',
    capabilities: {
        usageHistory: 'rows',
        maxKeysPerCreate: 1,
        perKeyDailyLimit: true,
        expiry: false,
        listed: { usedToday: true, status: true },
        delete: false,
        reset: 'none',
        serverDay: 'rows',
    },
    ...createWithDailyLimit,
    listQuery: () => ({}),
    parseListing: (body) => ({
        keys: asArray(asObject(body, 'the key list').keys, 'keys').map((k) => {
            const item = asObject(k, 'a key');
            return {
                ...keyFrom(item, 'a key'),
                dailyLimit: num(item.daily_limit),
                usedToday: num(item.today_requests),
                status: item.is_active === false || item.is_active === 0 ? 'inactive' : 'active',
            };
        }),
    }),
    // Usage comes as the last N days per key (counted back from the server's UTC date): ask for
    // enough days to reach `day`; without a day, 3 reach the server's today in any time zone.
    usageRequest: (day) => {
        const back = day === undefined ? 3 : Math.floor((Date.now() - Date.parse(`${day}T00:00:00Z`)) / v1a_DAY_MS) + 2;
        return { path: '/admin/usage', query: { days: Math.min(Math.max(back, 1), 366) } };
    },
    // One row per key and day, each with its day: the client keeps the day's.
    parseUsage: (body) => ({
        rows: asArray(asObject(body, 'the usage answer').usage, 'usage').flatMap((k) => {
            const item = asObject(k, 'a usage row');
            const days = Array.isArray(item.usage) ? item.usage.map((d) => asObject(d, 'a usage day')) : [];
            return days.map((d) => ({
                key: str(item.key),
                label: str(item.label),
                requests: num(d.requests) ?? 0,
                dailyLimit: num(item.daily_limit),
                day: dayOf(d.day, 'a usage day'),
                updatedAt: parseServerTime(d.updated_at),
            }));
        }),
    }),
    resetRequest: () => {
        throw new UnsupportedOperationError('v1a', 'reset endpoint');
    },
};

;// CONCATENATED MODULE: ./src/quota-proxy/flavors/v1p.ts
// v1p, "persistent": per-key daily limits, a bare-array listing, and a reset that wipes every key's day.



const v1p = {
    flavor: 'v1p',
    capabilities: {
        usageHistory: 'per-day',
        maxKeysPerCreate: 1,
        perKeyDailyLimit: true,
        expiry: false,
        listed: { status: true },
        delete: true,
        reset: 'day-wide',
        usageListsEveryKey: true,
        serverDay: 'named',
        resetDefaultsToServerDay: true,
    },
    ...createWithDailyLimit,
    listQuery: () => ({}),
    parseListing: (body) => ({
        keys: asArray(body, 'the key list').map((k) => {
            const item = asObject(k, 'a key');
            return {
                ...keyFrom(item, 'a key'),
                dailyLimit: num(item.daily_limit),
                status: item.is_active === false || item.is_active === 0 ? 'inactive' : 'active',
            };
        }),
    }),
    // Asked without a day, the server answers for its own today and names it.
    usageRequest: (day) => ({ path: '/admin/usage', query: day ? { day } : {} }),
    parseUsage: (body) => {
        const answer = asObject(body, 'the usage answer');
        const rows = asArray(answer.keys, 'keys').map((k) => {
            const item = asObject(k, 'a usage row');
            return {
                key: str(item.key),
                label: str(item.label),
                requests: num(item.requests) ?? 0,
                dailyLimit: num(item.daily_limit),
                updatedAt: parseServerTime(item.updated_at),
            };
        });
        return { rows, day: dayOf(answer.day, 'the usage day') || undefined };
    },
    // Only the whole day can be reset: callers must have refused unless the user asked for that.
    resetRequest: (_key, day) => ({ method: 'POST', path: '/admin/usage/reset', body: day ? { day } : {} }),
    parseReset: (body) => dayOf(asObject(body, 'the reset answer').day, 'the reset day') || undefined,
};

;// CONCATENATED MODULE: ./src/quota-proxy/flavors/v01.ts
// v01, the original JSON-file server: native batch of up to 100 keys per request; reset by query string.



/** v01 answers at most 500 recent rows. */
const RECENT = 500;
const v01 = {
    flavor: 'v01',
    capabilities: {
        usageHistory: 'per-day',
        maxKeysPerCreate: 100,
        perKeyDailyLimit: false,
        expiry: false,
        delete: true,
        reset: 'key',
        serverDay: 'rows',
        resetDefaultsToServerDay: true,
        refusalsCounted: true,
    },
    // Upstream gives every key of one request the request's `label` (there is no per-key label), so
    // the callers send one label per request: a chunk's own (issue-keys.ts).
    createBody: (requests) => requests.length === 1 ? { label: requests[0].label } : { label: requests[0].label, count: requests.length },
    parseCreated: (body) => {
        const answer = asObject(body, 'the created keys');
        const items = Array.isArray(answer.keys) ? answer.keys : [answer];
        return items.map((k) => keyFrom(asObject(k, 'a created key'), 'a created key'));
    },
    listQuery: () => ({}),
    parseListing: (body) => ({
        keys: asArray(asObject(body, 'the key list').keys, 'keys').map((k) => keyFrom(asObject(k, 'a key'), 'a key')),
    }),
    // Without a day: the newest rows of every day, each with its day (at most RECENT of them).
    usageRequest: (day) => ({ path: '/admin/usage', query: day ? { day } : { limit: RECENT } }),
    parseUsage: (body, day) => {
        const answer = asObject(body, 'the usage answer');
        const items = asArray(answer.items, 'items');
        const rows = items.map((i) => {
            const item = asObject(i, 'a usage row');
            return {
                key: str(item.key),
                label: str(item.label),
                requests: num(item.req_count) ?? 0,
                day: dayOf(item.day ?? answer.day, "a usage row's day") || day,
                updatedAt: parseServerTime(item.updated_at),
            };
        });
        return { rows, partial: day === undefined && items.length >= RECENT };
    },
    // Without a day the server resets its own today and names it.
    resetRequest: (key, day) => ({
        method: 'POST',
        path: '/admin/usage/reset',
        query: day ? { key, day } : { key: key },
    }),
    parseReset: (body) => dayOf(asObject(body, 'the reset answer').day, 'the reset day') || undefined,
};

;// CONCATENATED MODULE: ./src/quota-proxy/flavors/v10.ts
// v10, quota/expiry: lifetime quotas instead of daily limits, expiring keys, paged listing,
// SQL datetimes in UTC without a zone, and an admin rate limit of 30 requests per 15 minutes.


const V10_PAGE = 100;
/** Sent as the trial key of the health probe: plainly not a key, so the server finds none. */
const HEALTH_PROBE_KEY = 'quota-keys-health-check';
const UNKNOWN_KEY = 'Invalid or expired API key';
/**
 * Upstream v10's /healthz and /status never answer: their database calls pass the callback where
 * the server's query wrapper expects parameters, so it is never called. Its proxy route looks the
 * trial key up in the database (parameters given, so the callback runs) and is outside /admin, so
 * it costs none of the 30 admin requests per 15 minutes. An unknown key answers 403; upstream
 * answers a database error the same way, which the first admin request (500 then) tells apart.
 */
const healthProbe = {
    method: 'POST',
    path: '/gateway',
    query: { api_key: HEALTH_PROBE_KEY },
    why: "v10's /healthz never answers (an upstream defect)",
    judge: (status, body) => status === 403 && body && typeof body === 'object' && body.error === UNKNOWN_KEY
        ? 'looked an unknown key up in its database and refused it, as v10 does'
        : undefined,
    expected: `403 {"error":"${UNKNOWN_KEY}"}`,
};
const v10 = {
    flavor: 'v10',
    capabilities: {
        usageHistory: 'window',
        maxKeysPerCreate: 1,
        perKeyDailyLimit: false,
        expiry: true,
        listed: { expires: true, status: true },
        delete: true,
        reset: 'key',
        lifetimeQuota: true,
        usageListsEveryKey: true,
    },
    healthProbe,
    createBody: ([request]) => ({
        label: request.label,
        ...(request.totalQuota !== undefined ? { totalQuota: request.totalQuota } : {}),
        ...(request.expiresAt ? { expiresAt: request.expiresAt.toISOString() } : {}),
    }),
    parseCreated: (body) => {
        const item = asObject(body, 'the created key');
        return [
            {
                key: requireKey(item, 'the created key'),
                label: str(item.label),
                // v10 does not return created_at on creation: the answer's arrival is within a second of it.
                createdAt: parseServerTime(item.created_at) ?? new Date(),
                expiresAt: parseServerTime(item.expiresAt) ?? null,
                totalQuota: num(item.totalQuota),
            },
        ];
    },
    listQuery: (offset) => ({ limit: V10_PAGE, offset }),
    parseListing: (body, offset) => {
        const answer = asObject(body, 'the key list');
        const keys = asArray(answer.keys, 'keys').map((k) => {
            const item = asObject(k, 'a key');
            return {
                key: requireKey(item, 'a key'),
                label: str(item.label),
                createdAt: parseServerTime(item.created_at) ?? new Date(0),
                expiresAt: parseServerTime(item.expires_at) ?? null,
                totalQuota: num(item.total_quota),
                usedQuota: num(item.used_quota),
                status: str(item.status) || undefined,
            };
        });
        const more = answer.pagination?.hasMore === true;
        // An empty page that says more is the client's to stop (PageGuard), not a silent end of the list.
        return { keys, next: more ? offset + keys.length : undefined };
    },
    // v10 counts requests over the last N days, not per calendar day: days=1 is the closest to "today".
    usageRequest: (_day, offset) => ({
        path: '/admin/usage',
        query: { days: 1, page: Math.floor(offset / V10_PAGE) + 1, limit: V10_PAGE },
    }),
    // Upstream counts `usage_log` rows newer than datetime('now', '-N days'): a rolling window in UTC.
    usageWindowRequest: (days, offset) => ({
        path: '/admin/usage',
        query: { days, page: Math.floor(offset / V10_PAGE) + 1, limit: V10_PAGE },
    }),
    parseUsage: (body, _day, offset) => {
        const answer = asObject(body, 'the usage answer');
        const rows = asArray(answer.data, 'data').map((r) => {
            const item = asObject(r, 'a usage row');
            return {
                key: str(item.key),
                label: str(item.label),
                requests: num(item.request_count) ?? 0,
                totalQuota: num(item.total_quota),
                usedQuota: num(item.used_quota),
            };
        });
        const more = answer.pagination?.hasNextPage === true;
        return { rows, next: more ? offset + V10_PAGE : undefined };
    },
    resetRequest: (key) => ({ method: 'POST', path: '/admin/reset-usage', body: { key } }),
};

;// CONCATENATED MODULE: ./src/quota-proxy/detect.ts
// Which flavor answered: told apart by the shapes of answers the run receives anyway.





const ADAPTERS = { v1: v1, v01: v01, v1p: v1p, v1a: v1a, v10: v10 };
function adapterFor(flavor) {
    return ADAPTERS[flavor];
}
/** The flavors whose /healthz may never answer, with the probe whose answer tells each apart. */
function healthProbes() {
    return Object.values(ADAPTERS).flatMap((a) => (a.healthProbe ? [{ flavor: a.flavor, probe: a.healthProbe }] : []));
}
const isObject = (value) => !!value && typeof value === 'object' && !Array.isArray(value);
/** Only v10's health body carries `checks`; the others answer a bare {"ok":true}. */
function flavorFromHealth(body) {
    return isObject(body) && isObject(body.checks) ? 'v10' : undefined;
}
function flavorFromListing(body) {
    if (Array.isArray(body))
        return 'v1p';
    if (!isObject(body) || !Array.isArray(body.keys))
        return undefined;
    if (isObject(body.pagination))
        return 'v10';
    if (body.success === true)
        return 'v1a';
    if ('mode' in body || 'count' in body)
        return 'v01';
    return 'v1';
}
function flavorFromCreated(body) {
    if (!isObject(body))
        return undefined;
    if (Array.isArray(body.keys))
        return 'v01';
    if (body.success === true)
        return 'id' in body || 'totalQuota' in body ? 'v10' : 'v1a';
    const key = typeof body.key === 'string' ? body.key : '';
    if (key.startsWith('sk-'))
        return 'v1';
    if (key.startsWith('trial_'))
        return 'v01';
    if (key.startsWith('roc_'))
        return 'v1p';
    return undefined;
}

;// CONCATENATED MODULE: ./src/quota-proxy/health-check.ts
// The health check: GET health-path (retried like any GET), or for a flavor whose /healthz never
// answers (v10), a probe outside the admin API. Its answers may tell the flavor (`learn`).



/** The health path every flavor but v10 answers quickly. */
const DEFAULT_HEALTH_PATH = '/healthz';
/** How long a health path may stay silent before the flavors whose /healthz hangs are probed. */
const HEALTH_PATIENCE_MS = 2000;
/** What to check after each network failure ('' when its message says it already). */
const NETWORK_CHECK = {
    timeout: 'check that quota-proxy is running and answers, or raise timeout-seconds; a server that answers other ' +
        'routes has a hung health handler: set health-path to a route that answers, or skip-health-check: true',
    refused: 'check that quota-proxy is running and listening on that host and port',
    dns: 'check the host name in url',
    reset: 'check the server and any proxy in front of it',
    network: 'check the network between this runner and the server',
    'plain-http': '',
};
class HealthCheck {
    http;
    known;
    learn;
    constructor(http, 
    /** The adapter, when the flavor is known already. */
    known, learn) {
        this.http = http;
        this.known = known;
        this.learn = learn;
    }
    /**
     * GET `path`, healthy when 2xx and the body does not say "ok": false (retried like any GET). A
     * flavor whose /healthz never answers (v10) is checked by its probe instead: at once when the
     * flavor is known, else once `path` has stayed without an answer for HEALTH_PATIENCE_MS; the
     * probe recognising its flavor ends the check, else `path`'s own outcome decides.
     */
    async run(path) {
        const { known } = this;
        if (known?.healthProbe && path === DEFAULT_HEALTH_PATH) {
            const outcome = await this.probe(known.flavor, known.healthProbe);
            if (outcome.proof)
                return {
                    healthy: true,
                    problem: '',
                    note: `${outcome.target} ${outcome.proof} (not ${path}: ${outcome.probe.why})`,
                };
            return {
                healthy: false,
                failure: 'probe',
                problem: `Health check failed: ${outcome.answered}, where a healthy ${known.flavor} server answers ` +
                    `${outcome.probe.expected} (${path} is not asked: ${outcome.probe.why}); check the server and ` +
                    `server-flavor, or set health-path to a route that answers.`,
            };
        }
        const stop = new AbortController();
        const started = Date.now();
        const checked = this.http.request('GET', path, { auth: false, signal: stop.signal }).then((answer) => ({ answer }), (error) => {
            if (error instanceof NetworkError)
                return { error };
            throw error;
        });
        const candidates = known ? [] : healthProbes();
        const probed = [];
        if (candidates.length > 0) {
            let patience;
            const first = await Promise.race([
                checked,
                new Promise((resolve) => (patience = setTimeout(() => resolve(undefined), HEALTH_PATIENCE_MS))),
            ]);
            clearTimeout(patience);
            if (first === undefined) {
                const waited = Math.round((Date.now() - started) / 100) / 10;
                for (const { flavor, probe } of candidates) {
                    const outcome = await this.probe(flavor, probe);
                    if (!outcome.proof) {
                        // What another route answered tells whether the server is up: worth naming. A probe that
                        // could not connect says nothing the health path's own failure does not.
                        if (outcome.reached)
                            probed.push(outcome);
                        continue;
                    }
                    stop.abort();
                    await checked.catch(() => undefined);
                    this.learn(flavor);
                    return {
                        healthy: true,
                        problem: '',
                        note: `${this.http.describe('GET', path)} did not answer within ${waited} s (${probe.why}); ` +
                            `${outcome.target} ${outcome.proof}`,
                    };
                }
            }
        }
        return this.judge(path, await checked, probed);
    }
    /** The verdict on the health path's own answer (or failure), with what the probes found. */
    judge(path, settled, probed) {
        const target = this.http.describe('GET', path);
        const others = probed.map((p) => `; ${p.answered}, not ${p.flavor}'s ${p.probe.expected}`).join('');
        if ('error' in settled) {
            const { error } = settled;
            const check = NETWORK_CHECK[error.kind];
            return {
                healthy: false,
                failure: error.kind,
                problem: `Health check failed: ${error.message}${others}${check ? `; ${check}` : ''}.`,
            };
        }
        const { answer } = settled;
        let body;
        try {
            body = JSON.parse(answer.text);
        }
        catch {
            body = undefined;
        }
        if (answer.status < 200 || answer.status > 299) {
            return {
                healthy: false,
                status: answer.status,
                failure: 'status',
                problem: `Health check failed: ${target} answered ${answer.status}` +
                    `${answer.text ? ` (${(0,redact/* snippetOf */.Vv)(answer.text)})` : ''}; check the quota-proxy logs and its database.`,
            };
        }
        this.learn(flavorFromHealth(body));
        if (body && typeof body === 'object' && body.ok === false) {
            return {
                healthy: false,
                status: answer.status,
                failure: 'ok-false',
                problem: `Health check failed: ${target} answered ${answer.status} but says "ok": false (` +
                    `${(0,redact/* snippetOf */.Vv)(answer.text)}); check the quota-proxy logs and its database.`,
            };
        }
        return { healthy: true, status: answer.status, problem: '' };
    }
    /** One probe request (outside /admin): what it proves when the answer is `flavor`'s healthy one. */
    async probe(flavor, probe) {
        const target = this.http.describe(probe.method, probe.path);
        try {
            // Not repeated after a timeout: the health path, still running meanwhile, has its own retries.
            const answer = await this.http.request(probe.method, probe.path, {
                auth: false,
                query: probe.query,
                idempotent: false,
            });
            let body;
            try {
                body = JSON.parse(answer.text);
            }
            catch {
                body = undefined;
            }
            const answered = `${target} answered ${answer.status}${answer.text ? ` (${(0,redact/* snippetOf */.Vv)(answer.text)})` : ''}`;
            return { flavor, probe, target, proof: probe.judge(answer.status, body), answered, reached: true };
        }
        catch (error) {
            if (!(error instanceof NetworkError))
                throw error;
            return {
                flavor,
                probe,
                target,
                answered: error.message,
                reached: error.kind === 'timeout' || error.kind === 'reset',
            };
        }
    }
}

;// CONCATENATED MODULE: ./src/quota-proxy/listing-text.ts
// An unpaged key listing (v1, v01, v1p, v1a answer every key at once: 100,000 keys are 11 MB) read
// without building it whole: JSON.parse of the whole answer held its text, 100,000 parsed objects
// and then the keys made of them at once (48 MB of heap). Here the answer's structure is scanned,
// the big array's elements are only located, and they are parsed a hundred at a time as the keys
// are made, so the parsed objects never pile up. Anything not of the expected shape is read by
// JSON.parse whole, exactly as before (and fails as before).
/** Answers smaller than this are parsed whole: splitting pays off only for large listings. */
const SPLIT_FROM = 1024 * 1024;
/**
 * Elements parsed and handed on at a time. A hundred, not a thousand: the client lets the event loop
 * turn between parts (QuotaProxy.listKeys), and a part's keys are dropped before the young generation
 * collects twice and promotes them (docs/performance.md).
 */
const PART = 100;
/**
 * A listing answer split at its array of keys: the rest of the body (`shape`, the array left empty)
 * and the array's elements, each parsed when asked for.
 */
class SplitListing {
    shape;
    text;
    spans;
    constructor(
    /** The body with the array of keys empty: what tells the flavor. */
    shape, text, 
    /** Start and end of each element in `text`. */
    spans) {
        this.shape = shape;
        this.text = text;
        this.spans = spans;
    }
    get length() {
        return this.spans.length / 2;
    }
    /**
     * The body in parts of at most PART keys: `[from, body]`, each body the answer as if it held only
     * those keys. Throws SyntaxError for an element that is not JSON.
     */
    *parts() {
        for (let from = 0; from === 0 || from < this.length; from += PART) {
            const elements = [];
            for (let i = from; i < Math.min(from + PART, this.length); i++)
                elements.push(JSON.parse(this.text.slice(this.spans[2 * i], this.spans[2 * i + 1])));
            yield [from, Array.isArray(this.shape) ? elements : { ...this.shape, keys: elements }];
        }
    }
}
/**
 * The keys of a split listing, made a part at a time: as `adapter.parseListing` reads the whole
 * answer. Read twice: once to check every key (the answer is refused whole before any key is handed
 * on, as before), once as the caller takes the parts, so no more than a part is held beside the text.
 */
function keysInParts(adapter, listing, offset) {
    const pages = function* () {
        // Each part as a page at its own offset: a paged flavor's next offset counts every part's keys.
        for (const [from, body] of listing.parts())
            yield adapter.parseListing(body, offset + from);
    };
    let next;
    const ids = [];
    for (const page of pages()) {
        next = page.next;
        if (next !== undefined)
            for (const key of page.keys)
                ids.push(key.key);
    }
    return {
        parts: (function* () {
            for (const page of pages())
                yield page.keys;
        })(),
        next,
        ids,
    };
}
/** `text` as a SplitListing when it is a large array or object with a `keys` array, else JSON.parse(text). */
function readListing(text) {
    return (text.length >= SPLIT_FROM && splitListing(text)) || JSON.parse(text);
}
const isSpace = (c) => c === 32 || c === 10 || c === 13 || c === 9;
function skipSpace(text, at) {
    while (at < text.length && isSpace(text.charCodeAt(at)))
        at++;
    return at;
}
/** Just past the string starting at `at` (a quote), or -1 when it does not end. */
function stringEnd(text, at) {
    for (let quote = text.indexOf('"', at + 1); quote !== -1; quote = text.indexOf('"', quote + 1)) {
        let slashes = 0;
        while (text.charCodeAt(quote - 1 - slashes) === 92)
            slashes++;
        if (slashes % 2 === 0)
            return quote + 1;
    }
    return -1;
}
/** Just past the JSON value starting at `at` (its inside is left to JSON.parse), or -1. */
function valueEnd(text, at) {
    let depth = 0;
    for (let i = at; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 34) {
            i = stringEnd(text, i) - 1;
            if (i < 0)
                return -1;
            if (depth === 0)
                return i + 1;
        }
        else if (c === 123 || c === 91)
            depth++;
        else if (c === 125 || c === 93) {
            if (depth === 0)
                return i; // a scalar ends at its container's close
            if (--depth === 0)
                return i + 1;
        }
        else if (depth === 0 && (c === 44 || isSpace(c)))
            return i;
    }
    return depth === 0 ? text.length : -1;
}
/** The elements of the array at `at` (its `[`): their spans and where the array ends; undefined if malformed. */
function arraySpans(text, at) {
    const spans = [];
    let i = skipSpace(text, at + 1);
    if (text.charCodeAt(i) === 93)
        return { spans, end: i + 1 };
    for (;;) {
        const end = valueEnd(text, i);
        if (end <= i)
            return undefined;
        spans.push(i, end);
        i = skipSpace(text, end);
        const c = text.charCodeAt(i);
        if (c === 93)
            return { spans, end: i + 1 };
        if (c !== 44)
            return undefined;
        i = skipSpace(text, i + 1);
    }
}
/** `text` split at its array of keys (a bare array, or an object's `keys`), or undefined when not of that shape. */
function splitListing(text) {
    const start = skipSpace(text, 0);
    const open = text.charCodeAt(start);
    let found;
    let shape;
    if (open === 91) {
        found = arraySpans(text, start);
        shape = [];
    }
    else if (open === 123) {
        const members = objectWithKeysArray(text, start);
        if (members)
            ({ found, shape } = members);
    }
    if (!found || skipSpace(text, found.end) !== text.length)
        return undefined;
    return new SplitListing(shape, text, found.spans);
}
/** The object at `at` with its `keys` array located, not parsed; its other members parsed. */
function objectWithKeysArray(text, at) {
    const shape = {};
    let found;
    let i = skipSpace(text, at + 1);
    while (text.charCodeAt(i) === 34) {
        const nameEnd = stringEnd(text, i);
        if (nameEnd < 0)
            return undefined;
        const name = JSON.parse(text.slice(i, nameEnd));
        i = skipSpace(text, nameEnd);
        if (text.charCodeAt(i) !== 58)
            return undefined;
        i = skipSpace(text, i + 1);
        let end;
        if (name === 'keys' && text.charCodeAt(i) === 91 && !found && !Object.hasOwn(shape, 'keys')) {
            found = arraySpans(text, i);
            if (!found)
                return undefined;
            end = found.end;
            Object.defineProperty(shape, name, { value: [], enumerable: true, writable: true, configurable: true });
        }
        else {
            // A second `keys` (JSON.parse keeps the last) or any other member: parsed as it is.
            if (name === 'keys')
                found = undefined;
            end = valueEnd(text, i);
            if (end <= i)
                return undefined;
            const value = JSON.parse(text.slice(i, end));
            Object.defineProperty(shape, name, { value, enumerable: true, writable: true, configurable: true });
        }
        i = skipSpace(text, end);
        if (text.charCodeAt(i) === 125)
            return (found ? { found: { ...found, end: i + 1 }, shape } : undefined);
        if (text.charCodeAt(i) !== 44)
            return undefined;
        i = skipSpace(text, i + 1);
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/quota-proxy/paging.ts
// Paged reads end, whatever the server says. A page that makes no progress (empty, yet saying more
// follow; the same page again; a next offset that goes back) stops the read at once; else the read
// stops at totals no real server reaches: the team benchmarks 100,000 keys, and v10, the one flavor
// that pages its key list, allows 30 admin requests per 15 minutes (about 150 in a run's longest wait).
// Each stop is one line naming what the server did (EndlessPagingError, a BadAnswerError).



/** Pages one read may take: v10's 100,000 keys are 1,000 pages of 100. */
const PAGE_LIMIT = 5_000;
/** Keys one listing may hold: five times the 100,000 benchmarked. */
const KEY_LIMIT = 500_000;
/** Usage rows one read may hold (v1 answers every day's rows it keeps: ten for each of 100,000 keys). */
const ROW_LIMIT = 1_000_000;
/** A paged answer that does not end; `status` is the last page's (2xx). */
class EndlessPagingError extends BadAnswerError {
    constructor(target, what) {
        super(200, target, '', `${target}: ${what}`);
        this.name = 'EndlessPagingError';
    }
}
const counted = shared_text/* thousands */.oh;
const NO_PROGRESS = "stopped: the server's paging makes no progress";
/** One paged read's count: `next` hands on the offset to ask next, or throws when the paging must stop. */
class PageGuard {
    target;
    what;
    itemLimit;
    itemName;
    pages = 0;
    items = 0;
    /** A digest of each page's items, sorted: a repeated page is found whatever its order. */
    seen = new Map();
    constructor(target, 
    /** 'key list' or 'usage', for messages. */
    what, itemLimit, itemName) {
        this.target = target;
        this.what = what;
        this.itemLimit = itemLimit;
        this.itemName = itemName;
    }
    /** After the page at `offset` holding `ids` (one per key or row), which says `next`. */
    next(offset, ids, next) {
        this.pages += 1;
        this.items += ids.length;
        if (next === undefined)
            return undefined;
        const page = `the ${this.what}'s page ${this.pages} (offset ${offset})`;
        if (ids.length === 0)
            throw this.stop(`${page} holds nothing yet says more follow`, NO_PROGRESS);
        if (next <= offset)
            throw this.stop(`${page} says the next page starts at offset ${next}`, NO_PROGRESS);
        const digest = (0,builtins/* nodeCrypto */.SI)()
            .createHash('sha256')
            .update([...ids].sort().join('\n'))
            .digest('base64');
        const earlier = this.seen.get(digest);
        if (earlier !== undefined)
            throw this.stop(`${page} repeats page ${earlier}`, NO_PROGRESS);
        this.seen.set(digest, this.pages);
        if (this.items >= this.itemLimit)
            throw this.stop(`the ${this.what} did not end after ${counted(this.items)} ${this.itemName} (${counted(this.pages)} pages) ` +
                'and still says more follow', `stopped at the ${counted(this.itemLimit)} ${this.itemName} one read may hold`);
        if (this.pages >= PAGE_LIMIT)
            throw this.stop(`the ${this.what} did not end after ${counted(this.pages)} pages and still says more follow`, `stopped at the ${counted(PAGE_LIMIT)} pages one read may take`);
        return next;
    }
    stop(what, why) {
        return new EndlessPagingError(this.target, `${what}; ${why}`);
    }
}

;// CONCATENATED MODULE: ./src/quota-proxy/client.ts
// The quota-proxy admin API behind one interface. The flavor is forced, or detected from answers
// the run needs anyway (health body, first listing, first creation): never an extra request.











/** What tells a page's usage rows apart: a key's row of a day. */
const rowIds = (page) => page.rows.map((r) => `${r.key} ${r.day ?? ''}`);
/** The rows of `day` (rows that carry no day are the day's: the server answered for it). */
function ofDay(rows, day) {
    return rows.filter((r) => r.day === undefined || r.day === day);
}
class QuotaProxy {
    http;
    adapter;
    detecting;
    constructor(http, flavor) {
        this.http = http;
        if (flavor)
            this.adapter = adapterFor(flavor);
    }
    get flavor() {
        return this.adapter?.flavor;
    }
    /** The adapter, once known. Operations that must not guess (reset) call this after a listing. */
    get known() {
        return this.adapter;
    }
    /**
     * Whether `adminRequests` more admin requests fit the server's admin rate limit now, and if not,
     * how many do and when the window resets. Undefined until an /admin answer has stated the limit.
     */
    rateLimitPlan(adminRequests) {
        return this.http.rateLimit.plan(adminRequests);
    }
    /** Milliseconds of max-wait-seconds still available to a wait starting now. */
    waitBudgetLeft() {
        return this.http.budget.left();
    }
    /** Requests sent again so far (after a failure that allowed it). */
    get retriesMade() {
        return this.http.retriesMade;
    }
    /** Ends the run's connections (the client's keep-alive pool). */
    async close() {
        await this.http.close();
    }
    /** `METHOD url` as messages name a request to this server (never with a secret). */
    describe(method, path) {
        return this.http.describe(method, path);
    }
    /** The health check of `path` (./health-check.ts); its answers may tell the flavor. */
    health(path) {
        return new HealthCheck(this.http, this.adapter, (flavor) => this.learn(flavor)).run(path);
    }
    learn(flavor) {
        if (flavor && !this.adapter)
            this.adapter = adapterFor(flavor);
    }
    /**
     * One small authenticated read, to learn whether the admin token is accepted before anything is
     * created: `/admin/usage` exists on every flavor and `limit=1` keeps it small where the server
     * pages (v1, v01, v10). Throws what the request throws (HttpStatusError 401/403 for a bad token).
     * Its answer is not used to detect the flavor: the first create does that.
     */
    async checkAdminToken() {
        await this.http.json('GET', '/admin/usage', { query: { limit: 1, days: 1 } });
    }
    /** Creates keys; the first call on an unknown flavor detects it (later calls wait for that). */
    async createKeys(requests) {
        if (!this.adapter && this.detecting)
            await this.detecting.catch(() => undefined);
        if (this.adapter) {
            const { body } = await this.http.json('POST', '/admin/keys', { body: this.adapter.createBody(requests) });
            return this.adapter.parseCreated(body, requests);
        }
        const [request] = requests;
        if (!request || requests.length !== 1)
            throw new errors/* QuotaKeysError */.t('the first creation on an unknown flavor makes one key');
        // One body every flavor accepts: each reads its own fields and ignores the rest, so v10's
        // expiresAt/totalQuota ride along on the request that tells us whether the server is v10.
        const firstBody = {
            label: request.label,
            daily_limit: request.dailyLimit,
            ...(request.expiresAt ? { expiresAt: request.expiresAt.toISOString() } : {}),
            ...(request.totalQuota !== undefined ? { totalQuota: request.totalQuota } : {}),
        };
        const created = this.http.json('POST', '/admin/keys', { body: firstBody });
        this.detecting = created;
        const { body } = await created;
        const flavor = flavorFromCreated(body);
        if (!flavor)
            throw new errors/* QuotaKeysError */.t(`cannot tell the quota-proxy flavor from its answer: ${(0,redact/* snippetOf */.Vv)(JSON.stringify(body))}`);
        this.learn(flavor);
        return adapterFor(flavor).parseCreated(body, requests);
    }
    /** Every key, page by page; a listing that never ends is stopped (PageGuard). */
    async *listKeys() {
        const guard = new PageGuard(this.http.describe('GET', '/admin/keys'), 'key list', KEY_LIMIT, 'keys');
        let offset = 0;
        while (offset !== undefined) {
            // Only the keys of a part stay while the caller reads them: the answer's body is gone.
            const page = await this.keyPage(offset);
            let handed = 0;
            for (const part of page.parts) {
                // A large unpaged listing is one answer with no wait in it: a turn of the event loop between
                // its parts lets the garbage collector's tasks, timers and signals run (docs/performance.md).
                if (handed++ > 0)
                    await new Promise((resolve) => setImmediate(resolve));
                yield part;
            }
            offset = guard.next(offset, page.ids, page.next);
        }
    }
    /** One page of the key list; a large unpaged answer is read in parts (./listing-text.ts). */
    async keyPage(offset) {
        // Unknown flavor: v10's first-page query, which the other flavors ignore.
        const query = this.adapter ? this.adapter.listQuery(offset) : { limit: 100, offset: 0 };
        const { body, answer } = await this.http.json('GET', '/admin/keys', { query, readJson: readListing });
        const shape = body instanceof SplitListing ? body.shape : body;
        this.learn(flavorFromListing(shape));
        if (!this.adapter)
            throw new errors/* QuotaKeysError */.t(`cannot tell the quota-proxy flavor from its key list: ${(0,redact/* snippetOf */.Vv)(JSON.stringify(shape))}`);
        if (!(body instanceof SplitListing)) {
            const { keys, next } = this.adapter.parseListing(body, offset);
            return { parts: [keys], next, ids: keys.map((k) => k.key) };
        }
        try {
            return keysInParts(this.adapter, body, offset);
        }
        catch (error) {
            // A key that is not JSON: the answer is not JSON, as JSON.parse of the whole would have found.
            if (error instanceof SyntaxError)
                throw this.http.badAnswer('GET', '/admin/keys', answer);
            throw error;
        }
    }
    /**
     * Usage of `day`, or of the server's own today when no day is given: the servers count days in
     * their local time, which may not be the runner's date. `runnerDay` is used only when the server
     * shows nothing of its day.
     */
    async usage(day, runnerDay) {
        const adapter = this.require('usage');
        const { serverDay } = adapter.capabilities;
        if (!serverDay) {
            const rows = (await this.usagePages(undefined)).rows;
            return { rows, day: { by: 'none' }, everyRow: rows };
        }
        if (day) {
            const given = await this.usagePages(day);
            return { rows: ofDay(given.rows, day), day: { by: 'given', day }, everyRow: given.rows };
        }
        const all = await this.usagePages(undefined);
        if (all.day)
            return { rows: ofDay(all.rows, all.day), day: { by: 'server', day: all.day }, everyRow: all.rows };
        const choice = this.dayFromRows(all.rows, runnerDay);
        // A partial answer (v01's newest rows) may miss some of the day's: ask for the day itself.
        const rows = all.partial ? (await this.usagePages(choice.day)).rows : all.rows;
        return { rows: ofDay(rows, choice.day), day: choice, everyRow: all.rows };
    }
    /**
     * The server's own today, for a reset sent with an explicit day (v1 needs one): from the first
     * page of its usage, which lists the newest rows.
     */
    async serverDay(runnerDay) {
        const adapter = this.require('the server day');
        if (!adapter.capabilities.serverDay)
            return { by: 'none' };
        const page = await this.usagePage(undefined, 0);
        if (page.day)
            return { by: 'server', day: page.day };
        return this.dayFromRows(page.rows, runnerDay);
    }
    dayFromRows(rows, runnerDay) {
        // A row at 0 may be a reset (v1, v01 zero a row and stamp it with the time of the reset).
        const stamps = rows.flatMap((r) => r.day && r.updatedAt && r.requests > 0 ? [{ day: r.day, updatedAt: r.updatedAt }] : []);
        const learned = serverDayFromRows(stamps, Date.now() + (this.http.serverClockOffsetMs ?? 0));
        return learned.day ? { ...learned, by: 'rows', day: learned.day } : { by: 'runner', day: runnerDay };
    }
    /**
     * The usage of each of `days` (server-local YYYY-MM-DD), handed row by row to `onRow` and never
     * kept: as few requests as the flavor allows (usageHistory). Rows of other days are skipped.
     */
    async usageHistory(days, onRow) {
        const adapter = this.require('usage history');
        const wanted = new Set(days);
        const first = [...days].sort()[0];
        /** Hands the page's rows of the wanted days on; false once older rows begin on a newest-first server. */
        const take = (page, asked) => {
            let older = false;
            for (const row of page.rows) {
                const day = row.day || page.day || asked;
                if (day && wanted.has(day))
                    onRow(row, day);
                else if (day && first && day < first)
                    older = true;
            }
            return !(older && adapter.capabilities.usageNewestDayFirst);
        };
        switch (adapter.capabilities.usageHistory) {
            case 'per-day':
                for (const day of days)
                    await this.eachPage((o) => adapter.usageRequest(day, o), day, (p) => take(p, day));
                return;
            case 'rows':
                return this.eachPage((o) => adapter.usageRequest(first, o), first, (p) => take(p));
            case 'window':
                throw new UnsupportedOperationError(adapter.flavor, 'usage per calendar day', 'ask usageWindow');
        }
    }
    /** Each key's requests over the last `days`\u00d724 hours ('window' history: v10), row by row. */
    async usageWindow(days, onRow) {
        const adapter = this.require('usage window');
        const request = adapter.usageWindowRequest;
        if (!request)
            throw new UnsupportedOperationError(adapter.flavor, 'usage window');
        await this.eachPage((o) => request(days, o), undefined, (page) => {
            page.rows.forEach(onRow);
            return true;
        });
    }
    /** Usage pages one after the other until the last, or until `onPage` returns false. */
    async eachPage(request, day, onPage) {
        const adapter = this.require('usage');
        const guard = this.usageGuard(request(0).path);
        let offset = 0;
        while (offset !== undefined) {
            const { path, query } = request(offset);
            const { body } = await this.http.json('GET', path, { query });
            const page = adapter.parseUsage(body, day, offset);
            offset = onPage(page) ? guard.next(offset, rowIds(page), page.next) : undefined;
        }
    }
    /** The count of one paged usage read, stopped when its pages never end. */
    usageGuard(path) {
        return new PageGuard(this.http.describe('GET', path), 'usage', ROW_LIMIT, 'usage rows');
    }
    async usagePage(day, offset) {
        const adapter = this.require('usage');
        const request = adapter.usageRequest(day, offset);
        const { body } = await this.http.json('GET', request.path, { query: request.query });
        return adapter.parseUsage(body, day, offset);
    }
    async usagePages(day) {
        const all = { rows: [] };
        const guard = this.usageGuard(this.require('usage').usageRequest(day, 0).path);
        let offset = 0;
        while (offset !== undefined) {
            const page = await this.usagePage(day, offset);
            for (const row of page.rows)
                all.rows.push(row);
            all.day ??= page.day;
            all.partial ||= page.partial;
            offset = guard.next(offset, rowIds(page), page.next);
        }
        return all;
    }
    async deleteKey(key) {
        const adapter = this.require('delete');
        if (!adapter.capabilities.delete)
            throw new UnsupportedOperationError(adapter.flavor, 'delete endpoint', 'keys cannot be deleted through its admin API');
        // A DELETE is retried after a failure of unknown outcome; when the retry finds the key gone,
        // the attempt whose answer was lost deleted it.
        try {
            const { body, answer } = await this.http.json('DELETE', `/admin/keys/${pathSegment(key)}`);
            return body.deleted !== false || answer.earlierMayHaveActed === true;
        }
        catch (error) {
            if (error instanceof HttpStatusError && error.status === 404)
                return error.earlierMayHaveActed;
            throw error;
        }
    }
    /**
     * Resets `key`'s usage of `day`; without a day, of the server's own today on flavors that reset
     * that by default (resetDefaultsToServerDay). Returns the day the server says it reset, if it says.
     */
    async resetUsage(key, day) {
        const adapter = this.require('reset');
        if (adapter.capabilities.reset === 'none')
            throw new UnsupportedOperationError(adapter.flavor, 'reset endpoint');
        if (day === undefined && adapter.capabilities.serverDay && !adapter.capabilities.resetDefaultsToServerDay) {
            throw new errors/* QuotaKeysError */.t(`the ${adapter.flavor} reset needs a day: learn the server's day first`);
        }
        const request = adapter.resetRequest(key, day);
        const { body } = await this.http.json(request.method, request.path, { query: request.query, body: request.body });
        try {
            return adapter.parseReset?.(body) ?? day;
        }
        catch {
            return day; // the reset was done; only the echo of its day is missing
        }
    }
    require(operation) {
        if (!this.adapter)
            throw new errors/* QuotaKeysError */.t(`the server flavor must be known before ${operation}: list the keys first or set server-flavor`);
        return this.adapter;
    }
}

// EXTERNAL MODULE: ./src/report/report.ts
var report_report = __webpack_require__(8850);
// EXTERNAL MODULE: ./src/shared/progress.ts
var shared_progress = __webpack_require__(1378);
// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(6193);
;// CONCATENATED MODULE: ./src/transport/answer-body.ts
// One answer collected: its head, then its body whole or as much as arrived before it broke off (the
// deadline and size limit of ./attempt-limits.ts end it); and the message inside an error body.

/** A broken-off answer is only shown as a snippet: its first 4 KiB, not up to 16 MiB joined and decoded. */
const CUT_OFF_KEPT = 4096;
/**
 * Decoded pieces joined into one flat string every so often: appended one by one, 16 MiB sent as 1-byte chunks
 * was a string of 16 million parts (600 MB); joined per 1,024 it holds 16,000.
 */
const PIECES_JOINED = 1024;
/**
 * Sends one request through `dispatcher` and collects its answer as undici hands it over, without
 * undici's request(): that wraps every answer in a Readable stream, an async resource and a promise,
 * with ticks per chunk, a large share of a small answer's cost (a batch's profile). Rejects, as
 * request() does, when the request fails before the answer's head; a failure after it is a cut-off
 * body, resolved with what arrived. After the head, the body is decoded as it arrives, so a listing
 * of 100,000 keys (10 MB) is not held as its chunks, their concatenation and its text at once; its
 * first bytes are kept for a cut-off snippet.
 */
function exchange(dispatcher, options) {
    return new Promise((resolve, reject) => {
        const collector = new AnswerCollector(resolve, reject);
        try {
            dispatcher.dispatch(options, collector);
        }
        catch (error) {
            reject(error);
        }
    });
}
class AnswerCollector {
    resolve;
    reject;
    head;
    first = [];
    firstBytes = 0;
    decoder = new external_node_string_decoder_.StringDecoder('utf8');
    text = '';
    pieces = [];
    received = 0;
    settled = false;
    constructor(resolve, reject) {
        this.resolve = resolve;
        this.reject = reject;
    }
    onRequestStart() { }
    onResponseStart(_controller, statusCode, headers) {
        if (statusCode < 200 || this.settled)
            return; // 1xx: informational, the answer follows
        this.head = { statusCode, headers };
    }
    onResponseData(_controller, chunk) {
        if (!this.head || this.settled)
            return;
        this.received += chunk.length;
        if (this.firstBytes < CUT_OFF_KEPT) {
            this.first.push(chunk);
            this.firstBytes += chunk.length;
        }
        this.pieces.push(this.decoder.write(chunk));
        if (this.pieces.length === PIECES_JOINED)
            this.text += this.pieces.splice(0).join('');
    }
    onResponseEnd() {
        this.finish(false);
    }
    onResponseError(_controller, error) {
        if (!this.head) {
            if (!this.settled)
                this.reject(error);
            this.settled = true;
            return;
        }
        this.finish(true, error);
    }
    finish(cutOff, error) {
        if (this.settled || !this.head)
            return;
        this.settled = true;
        const text = cutOff
            ? Buffer.concat(this.first).subarray(0, CUT_OFF_KEPT).toString('utf8')
            : this.text + this.pieces.join('') + this.decoder.end();
        this.first.length = 0;
        this.pieces.length = 0;
        this.text = '';
        this.resolve({ ...this.head, read: { text, cutOff, received: this.received, error } });
    }
}
/** The message inside the error bodies the flavors send ({"error":{"message"}} or {"error":"..."}), else the text. */
function messageInBody(text) {
    try {
        const body = JSON.parse(text);
        if (typeof body.error === 'string')
            return body.error;
        if (body.error && typeof body.error.message === 'string')
            return body.error.message;
        if (typeof body.message === 'string')
            return body.message;
    }
    catch {
        // not JSON: HTML error pages are shown by their first characters
    }
    return text;
}

// EXTERNAL MODULE: ./src/transport/proxy-note.ts
var proxy_note = __webpack_require__(9078);
;// CONCATENATED MODULE: ./src/transport/rate-limit.ts
// The server's admin rate limit as its answers state it (X-RateLimit-Limit / -Remaining / -Reset;
// v10: 30 requests per 15 minutes per client IP). Known only after the first /admin answer: the
// health check is not under /admin and carries none. Used to pace admin requests (no 429 needed)
// and to say up front when a batch cannot fit.
const first = (value) => (Array.isArray(value) ? value[0] : value)?.trim();
const wholeNumber = (value) => {
    const raw = first(value);
    return raw && /^\d+$/.test(raw) ? Number(raw) : undefined;
};
/**
 * Paces admin requests by what the answers say. The lowest `remaining` of a window is the latest
 * count the server told; requests sent after the one it answered and still unanswered had not been
 * counted yet. Slightly optimistic by design: a request the server refuses anyway gets a 429 with
 * Retry-After, which the HTTP client waits out; a pessimistic guess could instead wait out a
 * whole window (15 minutes on v10) for nothing.
 */
class RateLimitTracker {
    limit;
    /** `remaining` of the answer the estimate rests on, and the ticket of its request. */
    base;
    resetAt = 0;
    nextTicket = 0;
    inFlight = new Set();
    /** The window passed: the next answer starts a new one, whatever it says. */
    stale = false;
    get known() {
        return this.base !== undefined;
    }
    /**
     * Asks to send one admin request. `ticket` when it may go now (hand it to observe/release),
     * else `waitMs` until asking again makes sense.
     */
    acquire(now = Date.now()) {
        if (this.base !== undefined) {
            this.roll(now);
            if (this.available() <= 0)
                return { waitMs: this.stale ? 1000 : Math.max(1, this.resetAt - now) };
        }
        return { ticket: this.count() };
    }
    /** A ticket for a request sent without asking (a retry). */
    count() {
        const ticket = this.nextTicket++;
        this.inFlight.add(ticket);
        return ticket;
    }
    /** The request of `ticket` is over (answered or failed). */
    release(ticket) {
        this.inFlight.delete(ticket);
    }
    /** Reads the headers of an /admin answer (any status, 429 included) to the request of `ticket`. */
    observe(headers, ticket, now = Date.now()) {
        const remaining = wholeNumber(headers['x-ratelimit-remaining']);
        if (remaining === undefined)
            return;
        const reset = wholeNumber(headers['x-ratelimit-reset']);
        // Epoch seconds (v10, GitHub style) or, in the IETF draft style, seconds from now.
        const resetAt = reset === undefined ? now + 60_000 : reset > 1_000_000_000 ? reset * 1000 : now + reset * 1000;
        this.limit = wholeNumber(headers['x-ratelimit-limit']) ?? this.limit;
        if (this.base === undefined || resetAt >= this.resetAt + 1000) {
            this.base = { remaining, ticket };
            this.resetAt = resetAt;
            this.stale = false;
        }
        else if (!this.stale && remaining < this.base.remaining) {
            // Same window; a late answer of a window that has passed tells nothing.
            this.base = { remaining, ticket };
        }
    }
    /** The current window as far as known; undefined before the first answer with the headers. */
    window(now = Date.now()) {
        if (this.base === undefined)
            return undefined;
        this.roll(now);
        return { limit: this.limit, available: Math.max(0, this.available()), resetAt: new Date(this.resetAt) };
    }
    /** Whether `needed` more admin requests fit now, and if not, how many do and when the rest could. */
    plan(needed, now = Date.now()) {
        const window = this.window(now);
        if (!window)
            return undefined;
        // From the number, not the Date: an X-RateLimit-Reset past any date is an Invalid Date, yet a wait.
        return { ...window, needed, fits: window.available >= needed, waitMs: Math.max(0, this.resetAt - now) };
    }
    available() {
        if (this.base === undefined)
            return Number.POSITIVE_INFINITY;
        let uncounted = 0;
        for (const ticket of this.inFlight)
            if (ticket > this.base.ticket)
                uncounted += 1;
        return this.base.remaining - uncounted;
    }
    /** Once the window has passed, the server counts afresh: its limit again (unbounded if unknown). */
    roll(now) {
        if (this.stale || now < this.resetAt)
            return;
        this.stale = true;
        this.base = { remaining: this.limit ?? Number.POSITIVE_INFINITY, ticket: this.nextTicket - 1 };
    }
}

;// CONCATENATED MODULE: ./src/transport/retry-policy.ts
// The decisions behind every attempt of the run's requests, for the HTTP client (./http.ts):
// - whether a failed attempt is tried again: idempotent requests retry network errors, 5xx and 429;
//   a create (POST) retries only what never reached the server or was refused by its rate limit,
//   because repeating it could make a second key (issue-keys reconciles those instead);
// - how long to wait first (full-jitter backoff or the server's Retry-After, ./retry.ts), out of
//   one budget for the run (max-wait-seconds);
// - when an admin request may go, under the admin rate limit (./rate-limit.ts);
// - when the server is taken for gone: it has answered nothing for so long that another attempt
//   could end past (retries + 1) \u00d7 timeout + max-wait, with at least retries + 1 timeouts since its
//   last answer. The run then sends nothing more.




/** The request never reached the server: safe to repeat whatever it was. */
const NOT_SENT = new Set(['ECONNREFUSED', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_PRX_CONN']);
/** The outcome is unknown: repeated only when the request is idempotent. */
const UNCERTAIN = new Set([
    'ECONNRESET',
    'EPIPE',
    'UND_ERR_SOCKET',
    'UND_ERR_CLOSED',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT',
    'ETIMEDOUT',
    'QK_DEADLINE',
    'ENETUNREACH',
    'EHOSTUNREACH',
    'ENETDOWN',
]);
const RETRY_STATUSES = new Set([500, 502, 503, 504]);
/** Statuses the policy decides on (retryAnswer): the rate limit's refusal, and a server or gateway failing for now. */
const REFUSED_FOR_NOW = new Set([429, ...RETRY_STATUSES]);
/** A header value shown in a message: printable ASCII, cut short (it is the server's, untrusted). */
const shown = (raw) => (raw.length > 40 ? `${raw.slice(0, 40)}\u2026` : raw).replace(/[^\x20-\x7e\u2026]/g, '?');
class RetryPolicy {
    options;
    /** Every wait of the run comes out of this (max-wait-seconds). */
    budget;
    /** The admin rate limit, as the answers state it. */
    rateLimit = new RateLimitTracker();
    /** Retries made over the run. */
    retriesMade = 0;
    /** Attempts in a row that hit their deadline; any complete answer resets it. */
    consecutiveTimeouts = 0;
    /** When the last complete answer arrived (or the policy was made). */
    lastAnswerAt = Date.now();
    constructor(options) {
        this.options = options;
        this.budget = new WaitBudget(options.maxWaitMs);
    }
    /** A complete answer arrived: the server is there. */
    answered() {
        this.consecutiveTimeouts = 0;
        this.lastAnswerAt = Date.now();
    }
    /** An attempt hit its deadline. */
    timedOut() {
        this.consecutiveTimeouts += 1;
    }
    /**
     * The server (or a proxy) is not answering: retries + 1 attempts or more timed out since its last
     * complete answer, and an attempt started now could end later than (retries + 1) \u00d7 timeout +
     * max-wait after that answer. Occasional slow answers among good ones never get here.
     */
    stalled() {
        const { retries, timeoutMs } = this.options;
        if (this.consecutiveTimeouts < retries + 1)
            return false;
        return Date.now() - this.lastAnswerAt + timeoutMs > (retries + 1) * timeoutMs + this.budget.maxMs;
    }
    stalledError(target) {
        const idle = Math.round((Date.now() - this.lastAnswerAt) / 1000);
        const each = this.options.timeoutMs / 1000;
        return new NetworkError('timeout', target, `not sent: no complete answer for ${idle} s (${this.consecutiveTimeouts} attempts timed out after ` +
            `${each} s each)`, false);
    }
    /**
     * Whether an answer whose status may be refused for now (429, 500, 502, 503, 504) is asked again: true once the
     * wait is over. A 429 was refused before anything was done, so even a create may be repeated.
     */
    async retryAnswer(statusCode, headers, request) {
        const { attempt, idempotent } = request;
        let retry = statusCode === 429 ? this.options.onRateLimit !== 'fail' : idempotent && RETRY_STATUSES.has(statusCode);
        if (retry && statusCode !== 429)
            attempt.earlierMayHaveActed = true;
        let retryAfter;
        const asked = readRetryAfter(headers['retry-after']);
        if (asked && 'ms' in asked)
            retryAfter = { ms: asked.ms, by: 'Retry-After' };
        else if (statusCode === 429) {
            retryAfter = this.windowWait();
            // The server said how long, in words no wait can be read from: not sent again blindly.
            if (asked && !retryAfter) {
                attempt.refused = { waitMs: Number.NaN, serverAsked: true, by: 'Retry-After', unreadable: asked.unreadable };
                retry = false;
            }
        }
        return retry && this.retryAfterWait(request, `answered ${statusCode}`, retryAfter);
    }
    /** Whether an attempt that failed before any answer is sent again: true once the wait is over. */
    async retryFailure(err, request) {
        const { attempt, idempotent } = request;
        const code = err.code ?? '';
        // undici's connect timeout (a host that drops SYNs) counts like our deadline (which counts itself).
        if (code === 'UND_ERR_CONNECT_TIMEOUT')
            this.timedOut();
        const retry = NOT_SENT.has(code) || (idempotent && UNCERTAIN.has(code));
        if (retry && UNCERTAIN.has(code))
            attempt.earlierMayHaveActed = true;
        return retry && this.retryAfterWait(request, classify(err).detail, undefined);
    }
    async retryAfterWait(request, why, retryAfter) {
        const { attempt, target } = request;
        const again = await this.waitBeforeRetry(attempt, target, why, retryAfter);
        if (again)
            this.renewTicket(attempt);
        return again;
    }
    /** Waits before the next attempt; false when no attempt should follow (retries, budget or cancellation). */
    async waitBeforeRetry(attempt, target, why, retryAfter) {
        const { cancellation, log, retries } = this.options;
        if (cancellation?.requested || attempt.retries >= retries || this.stalled())
            return false;
        const delay = retryAfter?.ms ?? fullJitter(attempt.retries, this.options.random);
        if (!this.budget.reserve(delay)) {
            attempt.refused = { waitMs: delay, serverAsked: retryAfter !== undefined, by: retryAfter?.by };
            log?.debug(`${target}: ${why}; not retried: waiting ${waitText(delay)} exceeds what max-wait-seconds ` +
                `leaves (${Math.floor(this.budget.left() / 1000)} s)`);
            return false;
        }
        attempt.retries += 1;
        this.retriesMade += 1;
        log?.debug(`${target}: ${why}; retry ${attempt.retries} of ${retries} in ${(delay / 1000).toFixed(1)} s` +
            `${retryAfter ? ` (${retryAfter.by})` : ''}`);
        return (0,cancel/* sleep */.yy)(delay, cancellation?.signal);
    }
    /** An admin request's ticket: at once when the rate limit has room (no promise on a batch's hot path). */
    ticketFor(target) {
        const turn = this.rateLimit.acquire();
        return 'ticket' in turn ? turn.ticket : this.paceForRateLimit(target);
    }
    /** Holds an admin request until the rate limit has room: waits out the window (budget permitting) or fails. */
    async paceForRateLimit(target) {
        const { cancellation, log } = this.options;
        for (;;) {
            const turn = this.rateLimit.acquire();
            if ('ticket' in turn)
                return turn.ticket;
            const { waitMs } = turn;
            const resetAt = new Date(Date.now() + waitMs);
            if (this.options.onRateLimit === 'fail')
                throw new RateLimitedError(target, resetAt, false, 'on-rate-limit is fail');
            if (!this.budget.reserve(waitMs)) {
                throw new RateLimitedError(target, resetAt, false, `waiting ${waitText(waitMs)} for the next window exceeds what max-wait-seconds leaves (` +
                    `${Math.floor(this.budget.left() / 1000)} s)`);
            }
            log?.debug(`${target}: admin rate limit used up; waiting ${waitText(waitMs)} for the next window`);
            if (!(await (0,cancel/* sleep */.yy)(waitMs + 100, cancellation?.signal)))
                throw new cancel/* CancelledError */.cc(cancellation?.reason ?? 'cancelled');
        }
    }
    /** A retry is one more request against the admin rate limit. */
    renewTicket(attempt) {
        if (attempt.ticket === undefined)
            return;
        this.rateLimit.release(attempt.ticket);
        attempt.ticket = this.rateLimit.count();
    }
    /** Until the window resets, when the latest answer says nothing of it remains (a 429 without Retry-After). */
    windowWait() {
        const plan = this.rateLimit.plan(1);
        return plan && !plan.fits ? { ms: plan.waitMs, by: 'X-RateLimit-Reset' } : undefined;
    }
    /** The 429 that ended a request's retries, as the error that says when to try again. */
    rateLimitedError(target, answer) {
        const { refused } = answer;
        const left = `more than max-wait-seconds leaves (${Math.floor(this.budget.left() / 1000)} s)`;
        if (refused?.unreadable !== undefined) {
            const why = `its Retry-After "${shown(refused.unreadable)}" is no wait (whole seconds or an HTTP date)`;
            const advice = "run again once the server's rate limit has passed";
            return new RateLimitedError(target, new Date(Number.NaN), true, why, answer.headers, advice);
        }
        const waitMs = refused?.waitMs ??
            parseRetryAfter(answer.headers['retry-after']) ??
            Math.max(0, (this.rateLimit.window()?.resetAt.getTime() ?? Date.now()) - Date.now());
        const why = refused
            ? refused.by === 'X-RateLimit-Reset'
                ? `its rate limit resets in ${waitText(waitMs)} (X-RateLimit-Reset), ${left}`
                : `the server asks to wait ${waitText(waitMs)}, ${left}`
            : this.options.onRateLimit === 'fail'
                ? 'on-rate-limit is fail'
                : `still refused after ${answer.retries + 1} attempts`;
        const retryAt = new Date(Date.now() + waitMs);
        return new RateLimitedError(target, retryAt, true, why, answer.headers, retryAdvice(retryAt));
    }
}

// EXTERNAL MODULE: ./src/transport/undici-parts.ts
var undici_parts = __webpack_require__(9566);
;// CONCATENATED MODULE: ./src/transport/http.ts









const IDEMPOTENT = new Set(['GET', 'HEAD', 'DELETE', 'PUT', 'OPTIONS']);
class HttpClient {
    options;
    dispatcher;
    /** Every wait of the run comes out of this (max-wait-seconds). */
    budget;
    /** The admin rate limit, as the answers state it. */
    rateLimit;
    /** Server clock minus ours, from the Date header of the latest answer (1 s resolution). */
    serverClockOffsetMs;
    policy;
    agent;
    origin;
    basePath;
    /** " through the proxy \u2026 (HTTP_PROXY)" when one applies: a refused connection is then the proxy's. */
    viaProxy;
    maxAnswerBytes;
    /** The latest answer's Date header, and its time. */
    dateText;
    dateMs = Number.NaN;
    /** The token (every form and piece of it) out of answer snippets, before they are cut or shortened. */
    tokenRedactor = new redact/* Redactor */.pO();
    constructor(options) {
        this.options = options;
        this.tokenRedactor.addSecret(options.token);
        // Credentials in the URL are never sent nor shown: the admin token is the only credential.
        const base = new URL(options.baseUrl.href);
        base.username = '';
        base.password = '';
        this.origin = base.origin;
        this.basePath = base.pathname.replace(/\/+$/, '');
        this.viaProxy = (0,proxy_note/* proxyNote */.d)(base, process.env);
        const { timeoutMs, onRateLimit, cancellation, log } = options;
        const retries = options.retries ?? 3;
        this.policy = new RetryPolicy({
            retries,
            timeoutMs,
            maxWaitMs: options.maxWaitMs ?? 120_000,
            onRateLimit,
            cancellation,
            log,
            random: options.random ?? Math.random,
        });
        this.budget = this.policy.budget;
        this.rateLimit = this.policy.rateLimit;
        this.maxAnswerBytes = options.maxAnswerBytes ?? MAX_ANSWER_BYTES;
        // Honours HTTP_PROXY / HTTPS_PROXY / NO_PROXY. Every request goes to the one origin: where no proxy
        // applies to it (proxyNote reads the variables as the agent does), the agent would send it through
        // its plain keep-alive Agent after parsing each request's origin and reading NO_PROXY (7 % of a
        // 3,000-key batch's CPU, docs/performance.md): that Agent is used directly then.
        const agentOptions = {
            connections: options.connections,
            keepAliveTimeout: 10_000,
            connect: { timeout: options.timeoutMs },
        };
        this.agent = this.viaProxy ? new undici_parts.EnvHttpProxyAgent(agentOptions) : new undici_parts/* Agent */.g(agentOptions);
        // Every dispatch is one attempt, with its own deadline; send() repeats it.
        this.dispatcher = this.agent.compose(attemptLimits());
    }
    /** Retries made over the run. */
    get retriesMade() {
        return this.policy.retriesMade;
    }
    /** `METHOD <url>` with credentials removed, for messages (built for every request: keep it cheap). */
    describe(method, path) {
        return `${method} ${this.origin}${this.basePath}${path}`;
    }
    /** The request target exactly as sent: base path + path + query, never normalised (a `..` cannot climb out). */
    pathFor(path, query) {
        return requestPath(this.basePath, path, query);
    }
    /** The URL a request goes to (for display and tests; requests use pathFor's exact target). */
    urlFor(path, query) {
        return new URL(this.origin + this.pathFor(path, query));
    }
    async request(method, path, opts = {}) {
        const target = this.describe(method, path);
        const cancellation = this.options.cancellation;
        if (cancellation?.requested)
            throw new cancel/* CancelledError */.cc(cancellation.reason ?? 'cancelled');
        const idempotent = opts.idempotent ?? IDEMPOTENT.has(method);
        // The rate limit covers /admin only (the health check is outside it).
        const admin = /^\/admin(\/|$|\?)/.test(path);
        const attempt = { retries: 0, earlierMayHaveActed: false };
        if (admin) {
            const ticket = this.policy.ticketFor(target);
            attempt.ticket = typeof ticket === 'number' ? ticket : await ticket;
        }
        try {
            return await this.send(method, path, opts, { target, idempotent, attempt });
        }
        finally {
            if (attempt.ticket !== undefined)
                this.rateLimit.release(attempt.ticket);
        }
    }
    /** Request and parse a JSON answer; non-2xx \u2192 HttpStatusError (429: RateLimitedError), non-JSON \u2192 BadAnswerError. */
    async json(method, path, opts = {}) {
        const answer = await this.request(method, path, opts);
        const target = this.describe(method, path);
        if (answer.status === 429)
            throw this.policy.rateLimitedError(target, answer);
        if (answer.status < 200 || answer.status > 299) {
            throw new HttpStatusError(answer.status, target, this.tokenRedactor.snippet(messageInBody(this.tokenRedactor.redact(answer.text))), answer.headers, statusNote(answer), answer.earlierMayHaveActed === true);
        }
        try {
            return { body: (opts.readJson ?? JSON.parse)(answer.text), answer };
        }
        catch (error) {
            // JSON.parse throws only for text that is not JSON; a reader of its own may throw its own errors.
            if (!opts.readJson || error instanceof SyntaxError)
                throw this.badAnswer(method, path, answer);
            throw error;
        }
    }
    /** The error of an answer whose text is not the JSON expected. */
    badAnswer(method, path, answer) {
        const target = this.describe(method, path);
        return new BadAnswerError(answer.status, target, this.tokenRedactor.snippet(answer.text) || '(empty body)');
    }
    /**
     * Closes the connections. A request undici still holds (a proxy that keeps failing its tunnel, an
     * attempt given up at its deadline before it had a connection) would keep close() waiting, so
     * after a second the agent is destroyed instead: nothing of this run is waiting for an answer.
     */
    async close() {
        let timer;
        const closed = this.dispatcher.close().then(() => true, () => true);
        const late = new Promise((resolve) => (timer = setTimeout(() => resolve(false), 1000)));
        const done = await Promise.race([closed, late]);
        clearTimeout(timer);
        if (!done)
            await this.agent.destroy().catch(() => undefined);
    }
    /** Sends the request until an answer is whole, or no attempt may follow. */
    async send(method, path, opts, sending) {
        const { target, attempt } = sending;
        const dispatch = this.dispatchOptions(method, path, opts);
        const started = Date.now();
        for (;;) {
            if (this.policy.stalled())
                throw this.policy.stalledError(target);
            let response;
            try {
                response = await exchange(this.dispatcher, dispatch);
            }
            catch (error) {
                if (error instanceof AnswerTooLargeError)
                    throw answerTooLarge(target, error, attempt.retries + 1);
                if (await this.policy.retryFailure(error, sending))
                    continue;
                this.options.log?.debug(`${target}: ${classify(error).detail} after ${Date.now() - started} ms`);
                throw networkErrorOf(error, target, attempt.retries + 1, this.options.timeoutMs, this.viaProxy);
            }
            if (attempt.ticket !== undefined)
                this.rateLimit.observe(response.headers, attempt.ticket);
            this.observeDate(response.headers);
            const { read, statusCode } = response;
            const ending = read.error instanceof AnswerTooLargeError || read.error instanceof AttemptAbandonedError;
            // Decided on the status even when the body broke off: a 429 was refused before anything was done.
            // The status decides alone: a refusal not repeated (on-rate-limit fail, an unreadable Retry-After,
            // no retry left) is not sent again because its body broke off.
            const decidedByStatus = !ending && REFUSED_FOR_NOW.has(statusCode);
            if (decidedByStatus && (await this.policy.retryAnswer(statusCode, response.headers, sending)))
                continue;
            const ended = read.error instanceof DeadlineError
                ? 'timed out'
                : read.error instanceof AnswerTooLargeError
                    ? 'too large'
                    : 'cut off';
            const after = attempt.retries ? ` after ${attempt.retries} retries` : '';
            this.options.log?.debug(`${target} \u2192 ${statusCode}${read.cutOff ? ` (${ended})` : ''} in ${Date.now() - started} ms${after}`);
            if (!read.cutOff)
                this.policy.answered();
            if (read.error instanceof AnswerTooLargeError)
                throw answerTooLarge(target, read.error, attempt.retries + 1, statusCode);
            if (read.error instanceof AttemptAbandonedError)
                throw new NetworkError('network', target, 'abandoned (cancelled) while the answer arrived', true, attempt.retries + 1);
            if (!read.cutOff) {
                const { retries, refused, earlierMayHaveActed } = attempt;
                return {
                    status: statusCode,
                    headers: response.headers,
                    text: read.text,
                    retries,
                    refused,
                    earlierMayHaveActed,
                };
            }
            if (!decidedByStatus && (await this.retryCutOff(read, sending)))
                continue;
            const { headers } = response;
            throw brokenOffError({ status: statusCode, headers, snippet: this.tokenRedactor.snippet(read.text), ...read }, target, attempt.retries + 1, this.options.timeoutMs);
        }
    }
    /** What undici is asked for: one attempt's limits ride along. */
    dispatchOptions(method, path, opts) {
        const cancellation = this.options.cancellation;
        const signal = opts.signal && cancellation
            ? AbortSignal.any([opts.signal, cancellation.abortSignal])
            : (opts.signal ?? cancellation?.abortSignal);
        const headers = { accept: 'application/json' };
        if (opts.auth !== false && this.options.token)
            headers.authorization = `Bearer ${this.options.token}`;
        let body;
        if (opts.body !== undefined) {
            body = JSON.stringify(opts.body);
            headers['content-type'] = 'application/json';
        }
        const limits = {
            deadlineMs: this.options.timeoutMs,
            maxAnswerBytes: this.maxAnswerBytes,
            // The run's abort signal and the request's own (the health check drops a /healthz that hangs).
            signal,
            onDeadline: () => this.policy.timedOut(),
        };
        return {
            origin: this.origin,
            path: this.pathFor(path, opts.query),
            method: method,
            headers,
            body,
            [LIMITS]: limits,
            headersTimeout: this.options.timeoutMs,
            bodyTimeout: this.options.timeoutMs,
        };
    }
    /**
     * A cut-off answer to a read is read again (true once the wait is over); to a create it is an unknown outcome
     * (issue-keys reconciles).
     */
    async retryCutOff(read, sending) {
        const { target, idempotent, attempt } = sending;
        attempt.earlierMayHaveActed = true;
        const why = read.error instanceof DeadlineError ? 'the answer did not finish in time' : 'the answer was cut off';
        if (!idempotent || !(await this.policy.waitBeforeRetry(attempt, target, why, undefined)))
            return false;
        this.policy.renewTicket(attempt);
        return true;
    }
    observeDate(headers) {
        // Answers in the same second carry the same Date: it is parsed once.
        const text = String(headers.date ?? '');
        if (text !== this.dateText) {
            this.dateText = text;
            this.dateMs = Date.parse(text);
        }
        if (!Number.isNaN(this.dateMs))
            this.serverClockOffsetMs = this.dateMs - Date.now();
    }
}

;// CONCATENATED MODULE: ./src/run.ts
// The flow every platform shares: health first, then the command; the platform entries only turn
// inputs into Options and the returned report into outputs, summary, artifact and exit code.















/**
 * The CSV's private temp file, created before the first request: a path that cannot take it (name
 * too long, a folder that refuses files, /proc) is bad input, found before any key exists.
 */
function openCsvBeforeRequests(options) {
    if (!commands/* COMMAND_SPECS */.fH[options.command].keysCsv(options))
        return undefined;
    try {
        return new CsvWriter(options.output);
    }
    catch (error) {
        const reason = error.code ?? (0,errors/* errorMessage */.g)(error);
        throw new config_options/* InputError */.dz('output', options.output, `the CSV cannot be created there (${reason}); expected a writable folder and a file name the file system accepts`);
    }
}
/** The audit log, opened (0600) before the first request: a path that cannot take it is bad input. */
function openAuditBeforeRequests(options, context, server, log) {
    if (!options.auditLog)
        return undefined;
    const { command, token } = options;
    const origin = context.origin ?? (0,config_context/* runOrigin */.sd)(context.platform, {});
    try {
        return new AuditLog(options.auditLog, { command, server, origin, token }, (m) => log.warning(m));
    }
    catch (error) {
        const reason = error.code ?? (0,errors/* errorMessage */.g)(error);
        throw new config_options/* InputError */.dz('audit-log', options.auditLog, `the audit log cannot be written there (${reason})`);
    }
}
/** The HTTP client and the quota-proxy API of one run, and the context every command receives. */
function commandContext(options, context, log, cancellation, progress, sinks) {
    const server = (0,redact/* redactUrl */.BO)(options.url.href);
    // Before the CSV's temp file: a refused audit path must not leave one behind.
    const auditLog = openAuditBeforeRequests(options, context, server, log);
    const csv = openCsvBeforeRequests(options);
    const plainHttp = (0,plain_http/* plainHttpWarning */.BS)(options.url);
    if (plainHttp && options.token)
        log.warning(plainHttp);
    const http = new HttpClient({
        baseUrl: options.url,
        token: options.token,
        timeoutMs: options.timeoutMs,
        connections: options.concurrency,
        retries: options.retries,
        maxWaitMs: options.maxWaitMs,
        onRateLimit: options.onRateLimit,
        cancellation,
        log,
    });
    const api = new QuotaProxy(http, options.serverFlavor);
    progress.waitsFrom?.((remaining) => rateLimitWait(api, options, remaining));
    const report = new report_report/* Report */.pl(`quota-proxy ${options.command}`, sinks);
    report.facts.set('server', server).set('audit_log', auditLog?.file);
    const audit = auditLog && ((event) => auditLog.record(event));
    return { ctx: { options, context, log, api, server, report, cancellation, csv, progress, audit }, auditLog };
}
/**
 * The wait the admin rate limit puts before `remaining` more items (one admin request each), as the
 * client will wait it (on-rate-limit wait, within max-wait-seconds): the progress's ETA counts it.
 */
function rateLimitWait(api, options, remaining) {
    const plan = api.rateLimitPlan(remaining);
    if (!plan || plan.fits)
        return undefined;
    const waits = options.onRateLimit === 'wait' && plan.waitMs <= api.waitBudgetLeft();
    return { available: plan.available, waitMs: waits ? plan.waitMs : undefined, perWindow: plan.limit };
}
/** The run was stopped by a signal (exit 130/143): what the command reported stands, marked so. */
function cancelled(ctx, cancellation, keepFailure = true) {
    const reason = cancellation.reason ?? 'cancelled';
    const { report } = ctx;
    report.cancelled = reason;
    report.fail((keepFailure && report.failure) || `Cancelled (${reason}) before ${ctx.options.command} finished.`);
    return report;
}
/** Step: the health check; true when the run must stop here. */
async function checkHealth(ctx, cancellation) {
    const result = await ctx.api.health(ctx.options.healthPath);
    ctx.report.outputs.healthy = String(result.healthy);
    ctx.report.facts.set('healthy', result.healthy);
    if (result.healthy) {
        ctx.log.info(`${ctx.server}: healthy${result.note ? `: ${result.note}` : ''}`);
        return false;
    }
    // A signal during the health check abandons it: that is a cancelled run (exit 130/143), not an unhealthy server.
    if (cancellation.requested) {
        cancelled(ctx, cancellation, false);
        return true;
    }
    const advice = result.failure === 'network' ? tlsAdvice(result.problem) : undefined;
    ctx.report.fail(advice ? `${result.problem} ${advice}` : result.problem);
    return true;
}
/**
 * Health, the token check before any create, then the command; the CSV and the client are closed
 * whatever happens. `sinks` are the channels the report's rows stream to as they are reported.
 */
async function run(options, context, log, cancellation = new cancel/* Cancellation */.mT(), progress = shared_progress/* NO_PROGRESS */.cf, sinks = []) {
    if (options.token)
        log.secret(options.token, 'token');
    const { ctx, auditLog } = commandContext(options, context, log, cancellation, progress, sinks);
    const report = await runSteps(ctx, cancellation, progress);
    // The artifact takes the audit log only when this run wrote to it, never a file that was merely there.
    if (auditLog && auditLog.lines > 0)
        report.auditPath = auditLog.file;
    return report;
}
/** The steps of `run`; the CSV and the client are closed whatever happens. */
async function runSteps(ctx, cancellation, progress) {
    const { api, csv, options, log, report } = ctx;
    try {
        if (!options.skipHealthCheck && (await checkHealth(ctx, cancellation)))
            return report;
        // A wrong token is found before the first key is made, not by the creates.
        if (commands/* COMMAND_SPECS */.fH[options.command].createsFirst && !cancellation.requested) {
            const refusal = await checkAdminToken(api, options.tokenSource, (m) => log.warning(m));
            // Its request abandoned by a signal fails like an unreachable server: the run was cancelled.
            if (cancellation.requested)
                return cancelled(ctx, cancellation, false);
            if (refusal)
                return report.fail(refusal);
        }
        await RUNNERS[options.command](ctx);
        return cancellation.requested ? cancelled(ctx, cancellation) : report;
    }
    catch (error) {
        // A request abandoned by the signal fails with its own error; the run was cancelled all the same.
        if (error instanceof cancel/* CancelledError */.cc || cancellation.requested)
            return cancelled(ctx, cancellation, false);
        throw error;
    }
    finally {
        progress.done();
        // Opened up front but not used (a failure before the command wrote, nothing to replace): no file is left.
        if (csv && !csv.settled)
            await csv.discard();
        if (api.flavor) {
            report.outputs.flavor = api.flavor;
            report.facts.set('flavor', api.flavor);
        }
        await api.close();
    }
}


/***/ }),

/***/ 3672:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ forEachBounded)
/* harmony export */ });
// At most `concurrency` calls in flight over a list: the HTTP pool has that many connections.
/** Calls `fn` for every item, at most `concurrency` at a time; `fn` handles its own errors. */
async function forEachBounded(items, concurrency, fn) {
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            await fn(items[index], index);
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
}


/***/ }),

/***/ 9566:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EnvHttpProxyAgent: () => (/* binding */ EnvHttpProxyAgent),
/* harmony export */   g: () => (/* binding */ Agent)
/* harmony export */ });
/* harmony import */ var undici_lib_api_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6615);
/* harmony import */ var undici_lib_dispatcher_agent_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7405);
/* harmony import */ var undici_lib_dispatcher_agent_js__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(undici_lib_dispatcher_agent_js__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var undici_lib_dispatcher_dispatcher_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(883);
/* harmony import */ var undici_lib_dispatcher_dispatcher_js__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(undici_lib_dispatcher_dispatcher_js__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var undici_lib_dispatcher_env_http_proxy_agent_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3137);
/* harmony import */ var undici_lib_dispatcher_env_http_proxy_agent_js__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(undici_lib_dispatcher_env_http_proxy_agent_js__WEBPACK_IMPORTED_MODULE_3__);




if (!("request" in (undici_lib_dispatcher_dispatcher_js__WEBPACK_IMPORTED_MODULE_2___default().prototype)))
    Object.assign((undici_lib_dispatcher_dispatcher_js__WEBPACK_IMPORTED_MODULE_2___default().prototype), undici_lib_api_index_js__WEBPACK_IMPORTED_MODULE_0__);
const Agent = (undici_lib_dispatcher_agent_js__WEBPACK_IMPORTED_MODULE_1___default());
const EnvHttpProxyAgent = (undici_lib_dispatcher_env_http_proxy_agent_js__WEBPACK_IMPORTED_MODULE_3___default());


/***/ })

};
