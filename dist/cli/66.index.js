export const id = 66;
export const ids = [66];
export const modules = {

/***/ 2066:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  REACH_ADVICE: () => (/* binding */ REACH_ADVICE),
  TOKEN_FLAG_REFUSED: () => (/* binding */ TOKEN_FLAG_REFUSED),
  exitCode: () => (/* binding */ exitCode),
  runCommand: () => (/* binding */ runCommand),
  stopText: () => (/* binding */ stopText)
});

;// CONCATENATED MODULE: ./src/core/client/retry.ts
/** Pure retry rules shared by every read the client makes, and the named policies. */
/** Longest Retry-After we honour; a server asking for more is treated as down. */
const MAX_RETRY_AFTER_MS = 5 * 60_000;
/**
 * Full-jitter exponential backoff (AWS architecture blog, "Exponential
 * Backoff And Jitter"): a random pause in [0, min(cap, base * 2^n)], so
 * many clients retrying together spread out. A server's Retry-After is a
 * floor.
 */
function backoffDelay(retry, policy, random, retryAfterMs) {
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
    const jittered = Math.floor(random() * ceiling);
    return Math.max(jittered, retryAfterMs ?? 0);
}
/**
 * Read a Retry-After header in either form RFC 9110 allows: delay-seconds
 * or an HTTP date. Returns milliseconds, or undefined when absent or
 * unreadable.
 */
function parseRetryAfter(header, nowMs) {
    if (!header)
        return undefined;
    const value = header.trim();
    let ms;
    if (/^\d+$/.test(value))
        ms = Number(value) * 1000;
    else {
        const at = Date.parse(value);
        if (Number.isNaN(at))
            return undefined;
        ms = Math.max(0, at - nowMs);
    }
    return Math.min(ms, MAX_RETRY_AFTER_MS);
}
/**
 * Whether an HTTP status is worth repeating a read for: 5xx, 408, 429, and a
 * 403 that carries rate-limit headers (some gateways throttle with 403).
 */
function isRetryableStatus(status, headers) {
    if (status >= 500 || status === 408 || status === 429)
        return true;
    if (status === 403) {
        return (headers['retry-after'] !== undefined ||
            headers['x-ratelimit-remaining'] === '0' ||
            headers['ratelimit-remaining'] === '0');
    }
    return false;
}
/**
 * Network errors raised before the request could reach the server. Only
 * these make a failed POST safe to send again without looking first.
 */
function isConnectError(error) {
    const code = error?.code;
    return (code === 'ECONNREFUSED' ||
        code === 'ENOTFOUND' ||
        code === 'EAI_AGAIN' ||
        code === 'EHOSTUNREACH' ||
        code === 'ENETUNREACH' ||
        // A TLS handshake that failed sent no request.
        code === 'EPROTO');
}
/*
 * The policies: how hard each request of a job is tried, in one place.
 * Reads inside the run are quick (the loop keeps trying on its own); the
 * preflight is patient (nothing has started yet); the POST is never
 * repeated blindly (trigger.ts decides), only paced.
 */
/** Preflight reads give up after about this long (the contract's 30 s). */
const PREFLIGHT_BUDGET_MS = 30_000;
/** The look before the first POST waits no longer than this. */
const LOOK_BUDGET_MS = 5000;
/** A count read gets at most this long: it is a nicety. */
const COUNT_READ_MS = 10_000;
/** One verification read (listing or rows) gets at most this long. */
const VERIFY_READ_MS = 20_000;
/** Quick retries for reads inside the loop; the loop itself keeps trying. */
function readPolicy(maxAttempts, deadline) {
    return { maxAttempts, baseDelayMs: 250, maxDelayMs: 2000, deadline };
}
/** A policy for one preflight phase starting now. */
function preflightPolicy(now) {
    return {
        maxAttempts: 8,
        baseDelayMs: 500,
        maxDelayMs: 8000,
        deadline: now + PREFLIGHT_BUDGET_MS
    };
}
/** A status read of watched exports (single or batch). */
function statusPolicy(deadline) {
    return readPolicy(2, deadline);
}
/** The count of what Qualytics holds for an export. */
function countPolicy(now, deadline) {
    return readPolicy(2, Math.min(deadline, now + COUNT_READ_MS));
}
/** A read of an enrichment datastore's tables or rows (verify). */
function verifyPolicy(now, deadline) {
    return readPolicy(3, Math.min(deadline, now + VERIFY_READ_MS));
}
/** A list read of a datastore's exports before one of its POSTs. */
function lookPolicy(now, deadline) {
    return {
        maxAttempts: 3,
        baseDelayMs: 250,
        maxDelayMs: 1000,
        deadline: Math.min(deadline, now + LOOK_BUDGET_MS)
    };
}
/**
 * Posting one export: at most this many POSTs (the first included), paced
 * by this backoff; the search for the export an uncertain POST may have
 * made reads with the same policy, since a list read is safe to repeat.
 */
function triggerPolicy(deadline) {
    return { maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 4000, deadline };
}
/** One try, no retry (the post step, which lives for seconds). */
function oncePolicy(deadline) {
    return { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0, deadline };
}

;// CONCATENATED MODULE: ./src/core/run/stopping.ts

/**
 * Ask Qualytics to abort these operations, all at once, giving up after
 * `budgetMs` (a cancelled job is killed about ten seconds after SIGINT, so
 * the abort must leave well before). Abort is asynchronous and best-effort
 * on the server: an answer still `running` means "requested".
 */
async function abortOperations(client, ids, budgetMs) {
    const outcomes = new Map();
    let timer;
    const overdue = new Promise(resolve => {
        timer = setTimeout(resolve, budgetMs);
    });
    await Promise.race([
        Promise.all(ids.map(async (id) => {
            try {
                const operation = await client.abort(id);
                outcomes.set(id, {
                    state: operation.result === 'success' || operation.result === 'failure'
                        ? 'already-ended'
                        : 'requested',
                    operation
                });
            }
            catch (error) {
                outcomes.set(id, {
                    state: 'failed',
                    error: error instanceof Error ? error.message : String(error)
                });
            }
        })),
        overdue
    ]);
    clearTimeout(timer);
    for (const id of ids) {
        if (!outcomes.has(id))
            outcomes.set(id, {
                state: 'failed',
                error: `no answer within ${budgetMs} ms`
            });
    }
    return outcomes;
}
/*
 * Stopping on a cancel is bounded phase by phase, well inside the 7.5 s
 * GitHub leaves between SIGINT and SIGTERM: triggers on the wire (their
 * requests are cancelled by the signal at once) 1 s, aborts 3 s, counts
 * and other late reads 0.5 s: 4.5 s in the worst case, plus writing the
 * outputs and summary.
 */
/** How long aborts may take when the run is cancelled. */
const CANCEL_ABORT_BUDGET_MS = 3000;
/** How long a cancel waits for triggers already on the wire. */
const CANCEL_TRIGGER_GRACE_MS = 1000;
/** After a cancel, counts and other late reads get this long. */
const CANCEL_READS_BUDGET_MS = 500;
/** How long aborts may take after the timeout. */
const TIMEOUT_ABORT_BUDGET_MS = 10_000;
/** After a timeout or cancel, the last reads (counts, last look) get this long. */
const STOPPING_READS_BUDGET_MS = 2000;
/**
 * Work the run starts beside its loop and collects at the end: the count
 * of what Qualytics holds for an export, and the abort of an export whose
 * status could not be read. Neither ever holds up the loop.
 */
/** An export the watch gave up on gets this long for its abort. */
const ABANDON_ABORT_MS = 5000;
/**
 * How many anomalies or checks Qualytics holds now, into `record.count`;
 * null (no read) for profiles and for tag-filtered exports, whose count
 * the endpoints cannot give (they filter by container id, not by tag).
 */
function startCount(ctx, config, { assetType, datastoreId }, record) {
    if (assetType === 'profiles' || config.containerTags.length > 0)
        return null;
    const policy = countPolicy(ctx.clock.now(), ctx.deadline);
    return ctx.client
        .countAssets(assetType, datastoreId, config.containers, policy)
        .then(n => void (record.count = n));
}
/**
 * The watch gave up on an export it cannot read. The run stops waiting
 * for it, as on a timeout: abort it under abort-on-timeout, or say it may
 * still be running. Never left running unwatched and unnamed.
 */
function abandonExport(client, record, abortOnTimeout) {
    const id = record.id;
    if (record.adopted) {
        record.notes.push(`Export ${id} may still be running in Qualytics; this run did not start it, so it did not abort it.`);
        return null;
    }
    if (!abortOnTimeout) {
        record.notes.push(`Export ${id} may still be running in Qualytics (abort-on-timeout: false); check Activity.`);
        return null;
    }
    return abortOperations(client, [id], ABANDON_ABORT_MS).then(outcomes => {
        const outcome = outcomes.get(id);
        record.notes.push(outcome?.state === 'failed'
            ? `Abort of export ${id} failed (${outcome.error}); it may still be running in Qualytics.`
            : `Abort of export ${id} requested, since its status could not be read.`);
        if (outcome?.state === 'failed')
            record.abortPending = true;
    });
}
/**
 * Turn the runner's cancellation signals into an AbortSignal. On cancel,
 * GitHub sends SIGINT, then SIGTERM 7.5 s later, then kills the process
 * 2.5 s after that: the handler only flags the cancel, and the run loop
 * sends its aborts and writes its outputs well inside that window.
 */
function onCancelSignals(log) {
    const controller = new AbortController();
    let received = null;
    const handler = (name) => {
        if (controller.signal.aborted)
            return;
        received = name;
        log(`Received ${name}: the workflow run is being cancelled.`);
        controller.abort();
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
    return {
        signal: controller.signal,
        received: () => received,
        dispose: () => {
            process.off('SIGINT', handler);
            process.off('SIGTERM', handler);
        }
    };
}

;// CONCATENATED MODULE: ./src/core/clock.ts
/** The real clock: wall time read through the monotonic performance timer. */
const systemClock = {
    now: () => performance.timeOrigin + performance.now(),
    sleep: (ms, signal) => new Promise(resolve => {
        if (signal?.aborted || ms <= 0)
            return resolve();
        const done = () => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        };
        const timer = setTimeout(done, ms);
        signal?.addEventListener('abort', done, { once: true });
    })
};
/**
 * Wait for `work`, but no longer than `ms`: true when it settled in time.
 * The timer is cleared either way, so it never holds the process open.
 */
async function settleWithin(clock, ms, work) {
    const timer = new AbortController();
    let settled = false;
    await Promise.race([
        work.then(() => (settled = true), () => (settled = true)),
        clock.sleep(ms, timer.signal)
    ]);
    timer.abort();
    return settled;
}
/**
 * The run loop's sleep: until a given time, or until work beside the loop
 * (a trigger, a status read) settles and wakes it, or until the run is
 * cancelled, whichever comes first. A wake that comes while the loop is
 * busy is kept, so the next sleep returns at once and nothing is missed.
 */
class LoopSleeper {
    clock;
    signal;
    #controller;
    #woken = false;
    constructor(clock, signal) {
        this.clock = clock;
        this.signal = signal;
    }
    async until(at) {
        if (this.#woken) {
            this.#woken = false;
            return;
        }
        const controller = new AbortController();
        this.#controller = controller;
        const cancel = () => controller.abort();
        this.signal?.addEventListener('abort', cancel, { once: true });
        await this.clock.sleep(at - this.clock.now(), controller.signal);
        this.signal?.removeEventListener('abort', cancel);
        this.#controller = undefined;
        this.#woken = false;
    }
    wake() {
        this.#woken = true;
        this.#controller?.abort();
    }
}

// EXTERNAL MODULE: ./src/core/config/config.ts
var config_config = __webpack_require__(5390);
// EXTERNAL MODULE: ./src/core/config/inputs-table.ts
var inputs_table = __webpack_require__(6808);
// EXTERNAL MODULE: ./src/core/fleet/session.ts + 1 modules
var session = __webpack_require__(7054);
// EXTERNAL MODULE: ./src/core/config/duration.ts
var duration = __webpack_require__(6740);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js + 1 modules
var lib = __webpack_require__(4942);
;// CONCATENATED MODULE: ./src/core/client/http.ts

/** Bodies above this are refused: no Qualytics answer we read comes near it. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;
/** Raised when a body would exceed MAX_BODY_BYTES. */
class BodyTooLargeError extends Error {
    constructor() {
        super(`response body larger than ${MAX_BODY_BYTES / 1024 / 1024} MB`);
        this.name = 'BodyTooLargeError';
    }
}
/** No whole answer (headers and body) came within the request deadline. */
class RequestDeadlineError extends Error {
    code = 'EDEADLINE';
    constructor(ms) {
        super(`request timeout: no whole answer within ${Math.round(ms / 100) / 10} s`);
        this.name = 'RequestDeadlineError';
    }
}
/** The run's signal aborted while the request was open. */
class RequestCancelledError extends Error {
    code = 'ECANCELLED';
    constructor() {
        super('request cancelled');
        this.name = 'RequestCancelledError';
    }
}
/**
 * The transport over `@actions/http-client`, which brings the runner's proxy
 * settings (HTTPS_PROXY, NO_PROXY). Its own retries stay off: they cover
 * only 502-504 and never 429, so the client retries itself.
 */
function createHttpTransport(userAgent, requestTimeoutMs) {
    const http = new lib/* HttpClient */.Qq(userAgent, undefined, {
        allowRetries: false,
        allowRedirects: false,
        keepAlive: true,
        socketTimeout: requestTimeoutMs
    });
    return {
        request(method, url, body, headers, signal) {
            let stream;
            let over = false;
            const work = (async () => {
                const response = await http.request(method, url, body ?? null, headers);
                stream = response.message;
                if (over)
                    destroy(stream);
                const text = await readCapped(response.message);
                return {
                    status: response.message.statusCode ?? 0,
                    headers: response.message.headers,
                    body: text
                };
            })();
            return withDeadline(work, requestTimeoutMs, signal, () => {
                over = true;
                if (stream)
                    destroy(stream);
            });
        },
        dispose: () => http.dispose()
    };
}
function destroy(stream) {
    ;
    stream.destroy?.();
}
/**
 * One deadline over the whole exchange, headers and body: a socket timeout
 * alone lets a body that drips a byte at a time hold a request open for
 * ever. The signal ends it at once. `giveUp` closes the socket.
 */
function withDeadline(work, ms, signal, giveUp) {
    if (signal?.aborted) {
        giveUp();
        work.catch(() => undefined);
        return Promise.reject(new RequestCancelledError());
    }
    return new Promise((resolve, reject) => {
        let done = false;
        const finish = (error, value) => {
            if (done)
                return;
            done = true;
            clearTimeout(timer);
            signal?.removeEventListener('abort', onAbort);
            if (error) {
                giveUp();
                reject(error);
            }
            else
                resolve(value);
        };
        const onAbort = () => finish(new RequestCancelledError());
        const timer = setTimeout(() => finish(new RequestDeadlineError(ms)), ms);
        signal?.addEventListener('abort', onAbort, { once: true });
        work.then(value => finish(null, value), (error) => finish(error instanceof Error ? error : new Error(String(error))));
    });
}
/** Read a body as UTF-8, giving up past MAX_BODY_BYTES. */
async function readCapped(stream) {
    const chunks = [];
    let size = 0;
    for await (const chunk of stream) {
        const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        size += buffer.length;
        if (size > MAX_BODY_BYTES) {
            ;
            stream.destroy?.();
            throw new BodyTooLargeError();
        }
        chunks.push(buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
}
/** A signal that aborts `ms` after `signal` does. */
function delayedSignal(signal, ms) {
    if (!signal)
        return undefined;
    const delayed = new AbortController();
    const fire = () => {
        setTimeout(() => delayed.abort(), ms).unref();
    };
    if (signal.aborted)
        fire();
    else
        signal.addEventListener('abort', fire, { once: true });
    return delayed.signal;
}

;// CONCATENATED MODULE: ./src/core/client/schema.ts
/**
 * A few typed combinators for reading JSON from the wire. Chosen over a
 * schema library because start-up is at its budget (cold start ~1.9x of
 * `node -e 0`, limit 2.0x): these cost a few hundred bytes, and each
 * endpoint's schema (schemas.ts) still reads as a declaration.
 *
 * A schema either returns a typed value or throws ShapeError naming where
 * the value went wrong. `lenient` turns a field the action can live
 * without into null instead of refusing the whole answer.
 */
/** Raised when a 2xx body is not the JSON shape the API documents. */
class ShapeError extends Error {
    retryable;
    constructor(message, 
    /** An unreadable body (HTML page, cut JSON) may be a passing fault; a wrong shape is not. */
    retryable = false) {
        super(message);
        this.retryable = retryable;
        this.name = 'ShapeError';
    }
}
const show = (value) => (JSON.stringify(value) ?? String(value)).slice(0, 40);
/** Largest id the action accepts anywhere (main, state, post): 2^53 - 1. */
const MAX_WIRE_ID = Number.MAX_SAFE_INTEGER;
/**
 * A positive whole id. A decimal string ("1234") is read too: it names one
 * operation without doubt, and refusing it would leave a real export
 * untracked. Fractions, zero, negatives and values past 2^53 - 1 (which a
 * JSON number cannot hold exactly) are refused.
 */
const id = (value, at) => {
    const n = typeof value === 'string' && /^[1-9]\d{0,15}$/.test(value)
        ? Number(value)
        : value;
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1)
        throw new ShapeError(`${at}: id ${show(value)} is not a positive whole number`);
    return n;
};
/** A string. */
const string = (value, at) => {
    if (typeof value !== 'string')
        throw new ShapeError(`${at}: ${show(value)} is not a string`);
    return value;
};
/** A whole number >= 0. */
const count = (value, at) => {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
        throw new ShapeError(`${at}: ${show(value)} is not a count`);
    return value;
};
/** One of the given words. */
function oneOf(words) {
    return (value, at) => {
        if (typeof value !== 'string' || !words.includes(value))
            throw new ShapeError(`${at}: unknown word ${show(value)}`);
        return value;
    };
}
/** A JSON boolean. */
const schema_boolean = (value, at) => {
    if (typeof value !== 'boolean')
        throw new ShapeError(`${at}: ${show(value)} is not true or false`);
    return value;
};
/** Anything; presence only (schedule, flow links). */
const present = value => value !== null && value !== undefined && value !== false;
/** The value as JSON text, capped (for messages about a value not understood). */
const jsonText = value => value === undefined ? 'nothing' : show(value);
/** The value, or null when it is absent, null, or does not read. */
function lenient(schema) {
    return (value, at) => {
        if (value === null || value === undefined)
            return null;
        try {
            return schema(value, at);
        }
        catch {
            return null;
        }
    };
}
/** Read a field at `datastore.id`, or at the first of several such paths. */
function at(paths, schema) {
    return {
        paths: typeof paths === 'string' ? [paths.split('.')] : paths,
        schema
    };
}
function dig(json, names) {
    let value = json;
    for (const name of names) {
        if (value === null || typeof value !== 'object')
            return undefined;
        value = value[name];
    }
    return value;
}
/**
 * A JSON object; each output field is read from the input field of the same
 * name, or from where `at` says. Unknown input fields are ignored.
 */
function object(fields) {
    return (value, where) => {
        if (value === null || typeof value !== 'object' || Array.isArray(value))
            throw new ShapeError(`${where}: expected a JSON object`);
        const out = {};
        for (const [name, field] of Object.entries(fields)) {
            if (typeof field === 'function') {
                out[name] = field(dig(value, [name]), `${where}.${name}`);
                continue;
            }
            const found = field.paths.find(p => {
                const v = dig(value, p);
                return v !== undefined && v !== null;
            }) ??
                field.paths[0] ??
                [];
            out[name] = field.schema(dig(value, found), `${where}.${found.join('.')}`);
        }
        return out;
    };
}
/** A list, each item read by `item`; items that do not read are counted, not dropped silently. */
function list(item) {
    return (value, at) => {
        if (!Array.isArray(value))
            throw new ShapeError(`${at}: expected a list`);
        const items = [];
        let unreadable = 0;
        value.forEach((v, i) => {
            try {
                items.push(item(v, `${at}[${i}]`));
            }
            catch {
                unreadable++;
            }
        });
        return { items, unreadable };
    };
}
/** A list whose every item must read: one that does not refuses the whole list. */
function every(item) {
    return (value, at) => {
        if (!Array.isArray(value))
            throw new ShapeError(`${at}: expected a list`);
        return value.map((v, i) => item(v, `${at}[${i}]`));
    };
}
/** Absent or null reads as `fallback`; anything else must read. */
function optional(schema, fallback) {
    return (value, at) => value === null || value === undefined ? fallback : schema(value, at);
}
/** Exactly `true` (a flag the wire may leave out). */
const isTrue = value => value === true;
/** The value as it is (checked by the caller). */
const anything = value => value;
/**
 * The first of several places in an object that holds a usable value
 * (`schema` gives null for one that does not), or null.
 */
function firstOf(paths, schema) {
    return at([[]], (value, where) => {
        for (const path of paths) {
            const found = schema(dig(value, path.split('.')), `${where}.${path}`);
            if (found !== null)
                return found;
        }
        return null;
    });
}
/** Apply a function to a schema's result. */
function map(schema, fn) {
    return (value, at) => fn(schema(value, at));
}
/** `2026-12-02 06:00[:00][.123456][ ][Z|UTC|+0000|+00:00|+00]`, T or space. */
const SERVER_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.(\d+))?\s*(Z|UTC|[+-]\d{2}(?::?\d{2})?)?$/i;
/**
 * The one reader of a time a server wrote as text, the API's and the
 * warehouse's alike: the instant, reading a time without a zone as UTC, and
 * whether the text named its zone. The API's FastAPI models write naive UTC
 * datetimes, which JavaScript alone would read as local time, off by the
 * runner's zone; a warehouse column may hold a local wall time, so its
 * reader refuses what names no zone. A date alone is no instant: null.
 */
function readServerTime(text) {
    const match = SERVER_TIME.exec(text.trim());
    if (!match)
        return null;
    const [, day, clock, fraction = '', zone] = match;
    const offset = zone === undefined || /^(z|utc)$/i.test(zone)
        ? 'Z'
        : `${zone.slice(0, 3)}:${zone.slice(3).replace(':', '') || '00'}`;
    const ms = Date.parse(`${day}T${clock}${clock?.length === 5 ? ':00' : ''}.${fraction.padEnd(3, '0').slice(0, 3)}${offset}`);
    return Number.isFinite(ms) ? { ms, zoned: zone !== undefined } : null;
}
/** A server time, normalised to ISO 8601 UTC. */
const time = (value, at) => {
    const read = typeof value === 'string' ? readServerTime(value) : null;
    if (read === null)
        throw new ShapeError(`${at}: ${show(value)} is not a time`);
    return new Date(read.ms).toISOString();
};

;// CONCATENATED MODULE: ./src/core/client/api-errors.ts




/*
 * How each way a request can fail becomes an ApiError: method, path, status
 * and the server's detail, redacted, with whether a retry may help. The
 * query string is left out of messages: it never helps the reader.
 */
const shortPath = (path) => `/api/${path.split('?')[0]}`;
/** A non-2xx answer. */
function statusError(redact, method, path, response, 
/** The client's clock, for a Retry-After given as a date. */
nowMs) {
    const detail = errorDetail(response.body);
    const safeDetail = detail === undefined ? undefined : redact(detail);
    const retryAfter = response.headers['retry-after'];
    return new errors/* ApiError */.hD(redact(`${method} ${shortPath(path)} answered ${response.status}${safeDetail ? `: ${safeDetail}` : ''}`), method, `/api/${path}`, response.status, safeDetail, isRetryableStatus(response.status, response.headers), parseRetryAfter(typeof retryAfter === 'string' ? retryAfter : undefined, nowMs));
}
/** No usable answer: a network error, a timeout, or a body too large to read. */
function networkError(redact, method, path, error) {
    if (error instanceof BodyTooLargeError) {
        // No Qualytics answer is that large: hostile or broken, not passing.
        return new errors/* ApiError */.hD(`${method} ${shortPath(path)} answered with a ${error.message}`, method, `/api/${path}`, undefined, undefined, false);
    }
    const code = error?.code;
    const text = error instanceof Error ? error.message : String(error);
    if (isPlainHttpAnswer(code, text)) {
        // TLS to a server that answers in plain HTTP never fixes itself.
        return new errors/* ApiError */.hD(`${method} ${shortPath(path)} failed: ${PLAIN_HTTP_HINT}`, method, `/api/${path}`, undefined, undefined, false);
    }
    const reason = typeof code === 'string' && !text.includes(code) ? `${code} ${text}` : text;
    return new errors/* ApiError */.hD(redact(`${method} ${shortPath(path)} failed: ${reason}`), method, `/api/${path}`, undefined, undefined, 
    // A cancelled request is not tried again; a deadline passed may be.
    code !== 'ECANCELLED');
}
/** What to say when https:// meets a plain-HTTP server. */
const PLAIN_HTTP_HINT = 'the server speaks plain HTTP; use http://';
/** OpenSSL's answer to a plain-HTTP reply to a TLS hello. */
function isPlainHttpAnswer(code, text) {
    return (/wrong version number|packet length too long|http request/i.test(text) &&
        (code === 'EPROTO' || /ssl/i.test(text)));
}
/** A 2xx whose body is not what the API documents. */
function shapeError(redact, method, path, error) {
    const message = error instanceof Error ? error.message : String(error);
    return new errors/* ApiError */.hD(redact(message), method, `/api/${path}`, 200, undefined, !(error instanceof ShapeError) || error.retryable);
}
/**
 * The server's explanation from a FastAPI error body: `detail` as a string,
 * or the messages of a 422 `detail` list. Falls back to the first line of
 * non-JSON text (a proxy's HTML page says little worth repeating).
 */
function errorDetail(body) {
    try {
        const json = JSON.parse(body);
        if (typeof json.detail === 'string')
            return json.detail.slice(0, 500);
        if (Array.isArray(json.detail)) {
            return json.detail
                .map((d) => [
                Array.isArray(d?.loc) ? d.loc.join('.') : '',
                typeof d?.msg === 'string' ? d.msg : ''
            ]
                .filter(Boolean)
                .join(': '))
                .join('; ')
                .slice(0, 500);
        }
        if (typeof json.message === 'string')
            return json.message.slice(0, 500);
    }
    catch {
        // not JSON: fall through
    }
    const text = body
        .replace(/<[^>]*>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    return text === '' ? undefined : text.slice(0, 200);
}

;// CONCATENATED MODULE: ./src/core/client/schemas.ts

/** Parse a body as JSON, or throw ShapeError (HTML pages, truncation). */
function parseJson(body, what) {
    try {
        return JSON.parse(body);
    }
    catch {
        const start = body.trimStart().slice(0, 1);
        const kind = start === '<'
            ? 'an HTML page'
            : body.trim() === ''
                ? 'an empty body'
                : 'text that is not JSON';
        throw new ShapeError(`${what}: expected JSON, got ${kind}`, true);
    }
}
const API_RESULTS = [
    'queued',
    'running',
    'success',
    'failure',
    'aborted'
];
/**
 * An export's `containers` as its container selection (`skip-if-fresh`):
 * null or [] when it was started without a filter, the ids when it lists
 * stubs with readable ids, undefined when the field is absent or cannot be
 * read (then it is never reused).
 */
const containerSelection = value => {
    if (value === null)
        return null;
    if (!Array.isArray(value))
        return undefined;
    const ids = value.map((item) => typeof item === 'object' && item !== null
        ? item.id
        : item);
    return ids.every(i => typeof i === 'number' && Number.isSafeInteger(i))
        ? ids
        : undefined;
};
const operationFields = object({
    id: id,
    type: lenient(string),
    result: lenient(oneOf(API_RESULTS)),
    resultText: at('result', jsonText),
    message: lenient(string),
    startTime: at('start_time', lenient(time)),
    endTime: at('end_time', lenient(time)),
    ended: at('end_time', present),
    totalContainers: at('status.total_containers', lenient(count)),
    datastoreId: at([['datastore', 'id'], ['datastore_id']], lenient(id)),
    assetType: at('asset_type', lenient(string)),
    includeDeleted: at('include_deleted', lenient(schema_boolean)),
    containers: containerSelection,
    created: lenient(time),
    schedule: present,
    action_execution: present
});
/**
 * An operation (`ExportOperation`, `GetExportOperation`). Only the id is
 * required: a 2xx answer with a readable id names the export whatever
 * else it holds. An unknown `result` word reads as null, for the caller
 * to judge; it is never guessed into a success.
 */
const operation = (value, where) => {
    const o = operationFields(value, where);
    return {
        id: o.id,
        type: o.type,
        result: o.result,
        resultText: o.resultText,
        message: o.message,
        startTime: o.startTime,
        endTime: o.endTime,
        ended: o.ended,
        totalContainers: o.totalContainers,
        datastoreId: o.datastoreId,
        assetType: o.assetType,
        includeDeleted: o.includeDeleted,
        containers: o.containers,
        created: o.created,
        startedByQualytics: o.schedule || o.action_execution
    };
};
/** GET /api/users/me. */
const me = object({ name: lenient(string), role: lenient(string) });
const enrichmentLink = object({ id: lenient(id), name: lenient(string) });
/** A non-empty prefix, trimmed; null for anything else. */
const prefixText = value => typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
/**
 * The export tables' prefix: `enrichment_prefix` (older specs:
 * `enrich_container_prefix`) on the datastore, else on the linked stub;
 * null when neither says (the product's default is `_qualytics`).
 */
const enrichmentPrefix = firstOf([
    'enrichment_prefix',
    'enrich_container_prefix',
    'enrich_datastore.enrichment_prefix',
    'enrich_datastore.enrich_container_prefix'
], prefixText);
const datastoreFields = object({
    name: lenient(string),
    enrich_datastore: (value, where) => value === null || value === undefined || value === false
        ? null
        : typeof value === 'object'
            ? enrichmentLink(value, where)
            : // A bare id (or other truthy value): linked, details unknown.
                { id: lenient(id)(value, where), name: null },
    prefix: enrichmentPrefix
});
/**
 * GET /api/datastores/{id}: what preflight needs, its name and
 * `enrich_datastore` (an object when an enrichment datastore is linked,
 * null when not).
 */
function datastore(json, id) {
    const ds = datastoreFields(json, `GET /api/datastores/${id}`);
    return {
        id,
        name: ds.name ?? `datastore ${id}`,
        enrichmentPrefix: ds.prefix,
        enrichment: ds.enrich_datastore
    };
}
/** `global_tags`: a list of objects with a `name`; absent or null is none. */
const tagNames = optional(every(map(object({ name: string }), tag => tag.name)), []);
/**
 * One item of GET /api/datastores, read strictly (it decides what gets
 * exported): id, name, tags and link, or ShapeError. A link field that is
 * absent is undefined (the detail GET must tell), null is "not linked".
 */
const listedDatastore = map(object({
    id: id,
    name: string,
    tags: at('global_tags', tagNames),
    enrich_datastore: (value, where) => value === undefined
        ? undefined
        : value === null
            ? null
            : object({ id: optional(id, null), name: lenient(string) })(value, where),
    enrichment_only: isTrue,
    enrich_only: isTrue,
    prefix: enrichmentPrefix
}), d => ({
    id: d.id,
    name: d.name,
    tags: d.tags,
    enrichment: d.enrich_datastore,
    enrichmentOnly: d.enrichment_only || d.enrich_only,
    enrichmentPrefix: d.prefix
}));
/** Page size asked of GET /api/datastores: fastapi-pagination's usual maximum. */
const DATASTORE_PAGE_SIZE = 100;
const datastorePageFields = object({
    items: every(listedDatastore),
    total: count,
    size: (value, where) => (value === undefined ? null : count(value, where)),
    pages: optional(count, null),
    page: anything
});
/**
 * How many pages of the datastore list to read, from what page 1 showed:
 * `pages` is believed only as far as `total` and the page size the server
 * actually used allow (its `size` may not be what it applied), so a list
 * of 3 that claims 1,000 pages costs one request, not 1,000.
 */
function pagesToRead(first) {
    if (first.items.length >= first.total)
        return 1;
    if (first.items.length === 0)
        throw new ShapeError(`GET /api/datastores: page 1 holds no items but the server counts ${first.total}`);
    return Math.min(first.pages, Math.ceil(first.total / first.items.length));
}
/** The page envelope `{items, total, page, size, pages}` of GET /api/datastores. */
function datastorePage(value, page) {
    const what = `GET /api/datastores page ${page}`;
    const p = datastorePageFields(value, what);
    if (p.page !== undefined && p.page !== page)
        throw new ShapeError(`${what}: the server answered page ${JSON.stringify(p.page)?.slice(0, 20)}`);
    const pages = p.pages ?? Math.ceil(p.total / Math.max(1, p.size ?? DATASTORE_PAGE_SIZE));
    return { items: p.items, total: p.total, pages };
}
/** A page envelope `{items, total, ...}` of operations. */
const operationPage = object({
    items: list(operation),
    total: lenient(count)
});
/** A count endpoint's envelope: only `total` matters. */
const total = map(object({ total: count }), t => t.total);
const ASSET_TYPES = ['anomalies', 'checks', 'profiles'];
/**
 * An operation a list showed, as evidence of an export: its type,
 * datastore, asset type and result must all be stated and known.
 */
function asListedExport(op) {
    if (op.type !== 'export' || op.result === null)
        return null;
    if (op.datastoreId === null || op.assetType === null)
        return null;
    if (!ASSET_TYPES.includes(op.assetType))
        return null;
    return {
        ...op,
        datastoreId: op.datastoreId,
        assetType: op.assetType
    };
}
/** Read one raw list item as an export, or null when it is not evidence of one. */
function listedExport(item) {
    try {
        return asListedExport(operation(item, 'GET /api/operations'));
    }
    catch {
        return null;
    }
}
const LISTING = 'GET /api/datastores/{id}/listing';
/** A table of a listing: a bare name, or `{name, type}`. */
const tableName = (value, where) => typeof value === 'string'
    ? value
    : object({ name: string })(value, where).name;
const listingPage = object({
    items: every(tableName),
    pages: lenient(count)
});
/**
 * One answer of GET /api/datastores/{id}/listing: the table names (a plain
 * array, or a page envelope with `items`), and how many pages there are.
 */
function listing(value, where = LISTING) {
    if (Array.isArray(value))
        return { names: every(tableName)(value, where), pages: 1 };
    const page = listingPage(value, where);
    return {
        names: page.items,
        pages: page.pages !== null && page.pages > 1 ? page.pages : 1
    };
}
/**
 * `{"source_records": "<JSON string of rows>"}` (an array in place of the
 * string is accepted): each row's datastore id, GENERATED_AT and columns,
 * whatever case the warehouse gave the column names.
 */
function sourceRecords(json, what = 'GET /api/datastores/{id}/source-records') {
    if (json === null || typeof json !== 'object' || Array.isArray(json))
        throw new ShapeError(`${what}: expected a JSON object`);
    let records = json.source_records;
    if (typeof records === 'string') {
        try {
            records = JSON.parse(records);
        }
        catch {
            throw new ShapeError(`${what}: source_records is not JSON`);
        }
    }
    if (records === null || records === undefined)
        return [];
    if (!Array.isArray(records))
        throw new ShapeError(`${what}: source_records is not a list of rows`);
    return records.map((row, i) => {
        if (row === null || typeof row !== 'object' || Array.isArray(row))
            throw new ShapeError(`${what}: row ${i + 1} is not an object`);
        const byName = new Map();
        for (const [key, value] of Object.entries(row)) {
            const name = key.toUpperCase();
            // Both spellings present: the documented lower-case one wins.
            if (!byName.has(name) || key === key.toLowerCase())
                byName.set(name, value);
        }
        return {
            datastoreId: readRowId(byName.get('DATASTORE_ID')),
            generatedAt: warehouseTime(byName.get('GENERATED_AT')),
            columns: [...byName.keys()]
        };
    });
}
/** A datastore id as a warehouse may return it: a number or a numeric string. */
function readRowId(value) {
    const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value)
        ? Number(value)
        : value;
    return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : null;
}
/*
 * Epoch numbers are told apart by magnitude: any time from 1973 to 5138 is
 * below 1e11 in seconds, between 1e11 and 1e14 in milliseconds, and between
 * 1e14 and 1e17 in microseconds. Larger (nanoseconds) is not a form the
 * contract lists.
 */
const SECONDS_BELOW = 1e11;
const MILLISECONDS_BELOW = 1e14;
const MICROSECONDS_BELOW = 1e17;
/**
 * GENERATED_AT as the warehouse gives it back: ISO 8601 with an offset,
 * `YYYY-MM-DD HH:MM:SS+0000`, or epoch seconds, milliseconds or
 * microseconds (numbers or digit strings). A wall time without a zone is
 * `zoneless`: reading it as UTC could verify a stale table.
 */
function warehouseTime(value) {
    const number = typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value)
        ? Number(value)
        : value;
    if (typeof number === 'number') {
        if (!Number.isFinite(number) || number <= 0)
            return { kind: 'unreadable' };
        if (number < SECONDS_BELOW)
            return { kind: 'zoned', ms: number * 1000 };
        if (number < MILLISECONDS_BELOW)
            return { kind: 'zoned', ms: number };
        if (number < MICROSECONDS_BELOW)
            return { kind: 'zoned', ms: number / 1000 };
        return { kind: 'unreadable' };
    }
    if (typeof value !== 'string')
        return { kind: 'unreadable' };
    const read = readServerTime(value);
    if (read === null)
        return { kind: 'unreadable' };
    return read.zoned
        ? { kind: 'zoned', ms: read.ms }
        : { kind: 'zoneless', text: value.trim() };
}

;// CONCATENATED MODULE: ./src/core/client/rate-limit.ts
/**
 * The run's request budget: every request the client sends takes a slot
 * from here first (style.md section 10, after the AWS SDKs' adaptive retry
 * mode). Slots are spaced 1/rate apart, so no one-second window ever holds
 * more than `rate` requests; a 429 halves the rate (multiplicative
 * decrease) and it climbs back slowly while answers are not 429 (additive
 * increase, over time), never above the configured `max-request-rate`.
 */
/** The rate never drops below this many requests per second. */
const MIN_RATE = 0.5;
/** A 429 multiplies the rate by this. */
const DECREASE_FACTOR = 0.5;
/** After a cut, the rate climbs back by this many requests per second, per second. */
const INCREASE_PER_SECOND = 0.5;
/**
 * 429s within this long of a cut answer requests sent before it: they cut
 * no further (as TCP cuts once per round trip), so one burst of refusals
 * halves the rate once instead of to nothing.
 */
const CUT_COOLDOWN_MS = 1000;
/** Raised when the run is cancelled while a request waits for its slot. */
class BudgetCancelledError extends Error {
    /** Never sent, so a POST cancelled here is safe: no export was created. */
    code = 'EBUDGETCANCELLED';
    constructor() {
        super('cancelled before the request was sent');
        this.name = 'BudgetCancelledError';
    }
}
/**
 * AIMD rate (pure): the rate after a cut at `cutAt` to `cutRate`, at time
 * `now`, climbing INCREASE_PER_SECOND per second up to `maxRate`.
 */
function rateAt(maxRate, cutRate, cutAt, now) {
    const climbed = cutRate + (INCREASE_PER_SECOND * (now - cutAt)) / 1000;
    return Math.min(maxRate, climbed);
}
/**
 * One queue in front of every request. Normal requests go in order of
 * arrival; priority ones (aborts on timeout and cancel, which must get out
 * before the runner kills the job) take the next slot ahead of every waiting
 * normal request, are never cancelled by the run's signal, and are spaced
 * by the configured rate, not the lowered one: they are the last requests
 * of the run, and the post step tries again what they miss.
 */
class RequestBudget {
    clock;
    signal;
    /** Answers 429 seen (the AIMD cuts made). */
    throttled = 0;
    #maxRate;
    #cutRate;
    #cutAt = Number.NEGATIVE_INFINITY;
    /** When the last slot was handed out. */
    #lastSlotAt = Number.NEGATIVE_INFINITY;
    #queue = [];
    #pumping = false;
    /** Ends the pump's pause early (a priority request arrived). */
    #nap;
    constructor(maxRate, clock, signal) {
        this.clock = clock;
        this.signal = signal;
        this.#maxRate = maxRate;
        this.#cutRate = maxRate;
        signal?.addEventListener('abort', () => this.#cancelNormal(), {
            once: true
        });
    }
    /** Requests per second allowed now. */
    get rate() {
        return rateAt(this.#maxRate, this.#cutRate, this.#cutAt, this.clock.now());
    }
    /** Wait for a slot; rejects with BudgetCancelledError on cancel (normal requests only). */
    take(priority = false) {
        if (!priority && this.signal?.aborted)
            return Promise.reject(new BudgetCancelledError());
        return new Promise((resolve, reject) => {
            const waiter = { priority, resolve, reject };
            if (priority) {
                const firstNormal = this.#queue.findIndex(w => !w.priority);
                if (firstNormal < 0)
                    this.#queue.push(waiter);
                else
                    this.#queue.splice(firstNormal, 0, waiter);
                this.#nap?.abort();
            }
            else
                this.#queue.push(waiter);
            void this.#pump();
        });
    }
    /** Tell the budget what the server answered (0: no answer). */
    answered(status) {
        if (status !== 429)
            return;
        this.throttled++;
        const now = this.clock.now();
        if (now - this.#cutAt < CUT_COOLDOWN_MS)
            return;
        this.#cutRate = Math.max(MIN_RATE, this.rate * DECREASE_FACTOR);
        this.#cutAt = now;
    }
    async #pump() {
        if (this.#pumping)
            return;
        this.#pumping = true;
        try {
            while (this.#queue.length > 0) {
                const head = this.#queue[0];
                const rate = head.priority ? this.#maxRate : this.rate;
                const due = this.#lastSlotAt + 1000 / rate;
                const wait = due - this.clock.now();
                if (wait > 0) {
                    // A cancel or a priority arrival ends the pause at once.
                    const nap = new AbortController();
                    this.#nap = nap;
                    const stop = () => nap.abort();
                    if (!head.priority)
                        this.signal?.addEventListener('abort', stop);
                    await this.clock.sleep(wait, nap.signal);
                    this.signal?.removeEventListener('abort', stop);
                    this.#nap = undefined;
                    continue;
                }
                this.#queue.shift();
                this.#lastSlotAt = Math.max(this.clock.now(), due);
                head.resolve();
            }
        }
        finally {
            this.#pumping = false;
        }
    }
    #cancelNormal() {
        for (let i = this.#queue.length - 1; i >= 0; i--) {
            const waiter = this.#queue[i];
            if (waiter.priority)
                continue;
            this.#queue.splice(i, 1);
            waiter.reject(new BudgetCancelledError());
        }
    }
}

;// CONCATENATED MODULE: ./src/core/client/trigger-outcome.ts




const PATH = 'operations/run';
/** The POST failed before any answer: not sent, or perhaps acted on. */
function outcomeOfFailure(redact, error) {
    const apiError = networkError(redact, 'POST', PATH, error);
    return isConnectError(error) || error instanceof BudgetCancelledError
        ? { kind: 'not-sent', error: apiError }
        : { kind: 'ambiguous', error: apiError };
}
/** The POST was answered. */
function outcomeOfAnswer(redact, response, what, nowMs) {
    if (response.status >= 200 && response.status < 300) {
        try {
            // A readable id is this run's export, whatever else the answer
            // holds (`result` "queued" or null, fields missing).
            return {
                kind: 'created',
                operation: operation(parseJson(response.body, what), what)
            };
        }
        catch (error) {
            // It answered 2xx, so an operation probably exists: cannot tell.
            return {
                kind: 'unreadable',
                error: shapeError(redact, 'POST', PATH, error)
            };
        }
    }
    const error = statusError(redact, 'POST', PATH, response, nowMs);
    if (response.status === 429)
        return { kind: 'not-sent', error };
    if (response.status >= 500 || response.status === 408)
        return { kind: 'ambiguous', error };
    return { kind: 'rejected', error };
}

;// CONCATENATED MODULE: ./src/core/client/client.ts









/**
 * A cancel gives a POST on the wire this long to bring its id (so the
 * export can be aborted) before the request is cut.
 */
const POST_CANCEL_GRACE_MS = 800;
/** Page size of a history read (also what the trigger's look asks for). */
const HISTORY_PAGE_SIZE = 50;
/** Page size of a batched status read (the most fastapi-pagination allows). */
const STATUS_PAGE_SIZE = 100;
/** Datastore list pages read at once after the first. */
const PAGES_AT_ONCE = 4;
/** Most datastore list pages read before giving up (100,000 datastores at 100 a page). */
const MAX_PAGES = 1000;
/** Most listing pages followed when the answer is a page envelope. */
const MAX_LISTING_PAGES = 50;
/** Answers that say the server refuses a query parameter it does not know. */
const REFUSED_PARAMETER = new Set([400, 422]);
/**
 * The Qualytics API as the action uses it: one typed method per call, each
 * answer read by its schema (schemas.ts), so no caller builds a URL or sees
 * raw JSON. Every error it raises names method, path, status and the
 * server's `detail`, with the token removed.
 */
class QualyticsClient {
    stats = { requests: 0, retries: 0 };
    /** Server clock minus ours, from the last Date header (for adoption). */
    serverSkewMs = 0;
    #options;
    #transport;
    #headers;
    #clock;
    #random;
    /** Every request takes a slot here first (max-request-rate, AIMD on 429). */
    budget;
    constructor(options) {
        this.#options = options;
        this.#clock = options.clock ?? systemClock;
        this.#random = options.random ?? Math.random;
        this.budget = new RequestBudget(options.maxRequestRate ?? 20, this.#clock, options.signal);
        this.#transport =
            options.transport ??
                createHttpTransport(options.userAgent, options.requestTimeoutMs ?? 30_000);
        this.#headers = {
            Authorization: `Bearer ${options.token}`,
            Accept: 'application/json',
            'Content-Type': 'application/json'
        };
    }
    /** GET /api/users/me: does the token work? */
    me(policy) {
        return this.#read('users/me', policy, json => me(json, 'GET /api/users/me'));
    }
    /** GET /api/datastores/{id}: name and enrichment link. */
    getDatastore(id, policy) {
        return this.#read(`datastores/${id}`, policy, json => datastore(json, id));
    }
    /**
     * Every page of GET /api/datastores (`page`, `size`), read strictly: an
     * item or page that cannot be read is "cannot tell" (ShapeError), never
     * "not selected". The whole list must hold together: as many distinct
     * ids as `total` says, no id twice. A list that changed while it was
     * read, or a server that ignores `page`, fails here instead of exporting
     * a partial selection.
     */
    async listDatastores(policy) {
        const first = await this.#datastorePage(1, policy());
        const all = [...first.items];
        const pages = pagesToRead(first);
        if (pages > MAX_PAGES)
            throw new ShapeError(`GET /api/datastores: ${first.total} datastores in ${pages} pages is more than this action reads (${MAX_PAGES} pages)`);
        // The rest in parallel, a few at a time: a fleet's list is the long
        // pole of a dry run, and page order does not matter (ids are sorted).
        const rest = Array.from({ length: Math.max(0, pages - 1) }, (_, i) => i + 2);
        const read = [];
        const worker = async () => {
            for (let page = rest.shift(); page !== undefined; page = rest.shift()) {
                const next = await this.#datastorePage(page, policy());
                read.push(next);
                // An empty page is the end, whatever was promised: the count
                // check below says whether the list held together.
                if (next.items.length === 0)
                    rest.length = 0;
            }
        };
        await Promise.all(Array.from({ length: PAGES_AT_ONCE }, worker));
        for (const next of read) {
            if (next.total !== first.total)
                throw new ShapeError(`GET /api/datastores: the total changed from ${first.total} to ${next.total} while the pages were read`);
            all.push(...next.items);
        }
        const ids = new Set(all.map(d => d.id));
        if (ids.size !== all.length || all.length !== first.total)
            throw new ShapeError(`GET /api/datastores: read ${all.length} items (${ids.size} distinct) but the server counts ${first.total}; the list changed while it was read, or the server ignores page`);
        return all;
    }
    /** GET /api/datastores?page=N&size=S. */
    #datastorePage(page, policy) {
        // No `tag` filter is sent: whether the server has one, and whether it
        // compares names case-insensitively as the contract does, is unconfirmed.
        const path = `datastores?page=${page}&size=${DATASTORE_PAGE_SIZE}`;
        return this.#read(path, policy, json => datastorePage(json, page));
    }
    /** GET /api/operations/{id}. */
    getOperation(id, policy) {
        return this.#read(`operations/${id}`, policy, json => operation(json, `GET /api/operations/${id}`));
    }
    /**
     * Exports of one datastore, newest first (as asked; the server may
     * ignore the filters and the order, so callers check every item). A page
     * that cannot be read is "cannot tell", never an empty list.
     */
    async exportsOf(datastoreId, policy, size = HISTORY_PAGE_SIZE) {
        const path = exportsPath([datastoreId], 1, size);
        try {
            const page = await this.#readOptional(path, policy, json => operationPage(json, 'GET /api/operations'));
            if (page === null)
                return { kind: 'missing' };
            return {
                kind: 'listed',
                items: page.items.items,
                unreadable: page.items.unreadable,
                total: page.total,
                size
            };
        }
        catch (error) {
            return {
                kind: 'cannot-tell',
                reason: error instanceof Error ? error.message : String(error)
            };
        }
    }
    /**
     * One page of exports of these datastores, newest first (as asked; the
     * server may not sort), each item checked as evidence of an export.
     * Null when the server has no list endpoint (404); throws ApiError when
     * the page cannot be read.
     */
    listExports(datastoreIds, options, policy) {
        const path = exportsPath(datastoreIds, options.page ?? 1, options.size);
        return this.#readOptional(path, policy, json => {
            const page = operationPage(json, 'GET /api/operations');
            const items = page.items.items;
            return {
                exports: items.flatMap(op => asListedExport(op) ?? []),
                full: items.length + page.items.unreadable >= options.size,
                foreign: items.filter(op => (op.type !== null && op.type !== 'export') ||
                    (op.datastoreId !== null && !datastoreIds.includes(op.datastoreId))).length
            };
        });
    }
    /** How many anomalies or checks Qualytics holds; null when it cannot say. */
    async countAssets(kind, datastoreId, containers, policy) {
        const base = kind === 'anomalies' ? 'anomalies' : 'quality-checks';
        const filter = containers.map(c => `&container=${c}`).join('');
        try {
            return await this.#readOptional(`${base}?datastore=${datastoreId}${filter}&page=1&size=1`, policy, json => total(json, `GET /api/${base}`));
        }
        catch {
            return null; // a count is a nicety; its absence never fails an export
        }
    }
    /**
     * POST /api/operations/run, exactly once. Never retried here: the call is
     * not idempotent, and a blind retry can start a second export. The caller
     * decides from the outcome's kind what is safe.
     */
    async runExport(body) {
        const what = `POST /api/operations/run (${body.asset_type} of datastore ${body.datastore_id})`;
        let response;
        try {
            response = await this.#send('POST', 'operations/run', JSON.stringify(body), delayedSignal(this.#options.signal, POST_CANCEL_GRACE_MS));
        }
        catch (error) {
            return outcomeOfFailure(this.#options.redact, error);
        }
        return outcomeOfAnswer(this.#options.redact, response, what, this.#clock.now());
    }
    /** PUT /api/operations/abort/{id} with no body, once (best effort). */
    async abort(id) {
        const path = `operations/abort/${id}`;
        let response;
        try {
            response = await this.#send('PUT', path, undefined);
        }
        catch (error) {
            throw networkError(this.#options.redact, 'PUT', path, error);
        }
        if (response.status < 200 || response.status >= 300) {
            throw statusError(this.#options.redact, 'PUT', path, response, this.#clock.now());
        }
        try {
            return operation(parseJson(response.body, `PUT /api/${path}`), `PUT /api/${path}`);
        }
        catch (error) {
            throw shapeError(this.#options.redact, 'PUT', path, error);
        }
    }
    /**
     * GET /api/datastores/{id}/listing: the names of the enrichment
     * datastore's tables, or null when the endpoint is not there (404). The
     * shape is unconfirmed: the documented variants read, anything else is
     * ShapeError ("cannot tell").
     */
    async listTables(enrichmentId, policy) {
        const names = [];
        for (let page = 1; page <= MAX_LISTING_PAGES; page++) {
            const path = `datastores/${enrichmentId}/listing${page > 1 ? `?page=${page}` : ''}`;
            const answer = await this.#readOptional(path, policy, json => listing(json));
            if (answer === null)
                return page === 1 ? null : names;
            names.push(...answer.names);
            if (answer.pages <= page)
                return names;
        }
        return names;
    }
    /**
     * GET /api/datastores/{id}/source-records?path=<table>, filtered to one
     * datastore's rows (`filter=datastore_id='42'`, the documented condition
     * form). A server that refuses the filter is asked once more without it;
     * one that ignores it is caught by the caller, which checks every row's
     * datastore id. One row is asked for (`limit` is undocumented, so more may
     * come). Null when the endpoint is not there (404).
     */
    async tableRows(enrichmentId, table, datastoreId, policy) {
        const base = `datastores/${enrichmentId}/source-records?path=${encodeURIComponent(table)}`;
        const filter = encodeURIComponent(`datastore_id='${datastoreId}'`);
        const parse = (json) => sourceRecords(json);
        try {
            const rows = await this.#readOptional(`${base}&filter=${filter}&limit=1`, policy, parse);
            return rows && { rows, filtered: true };
        }
        catch (error) {
            const status = error instanceof errors/* ApiError */.hD ? error.status : undefined;
            if (status === undefined || !REFUSED_PARAMETER.has(status))
                throw error;
        }
        const rows = await this.#readOptional(`${base}&limit=1`, policy, parse);
        return rows && { rows, filtered: false };
    }
    /** Close kept-alive sockets so the process can exit at once. */
    dispose() {
        this.#transport.dispose();
    }
    /** A GET that answers null on 404 (the endpoint is optional). */
    async #readOptional(path, policy, parse) {
        try {
            return await this.#read(path, policy, parse);
        }
        catch (error) {
            if (error instanceof errors/* ApiError */.hD && error.status === 404)
                return null;
            throw error;
        }
    }
    /**
     * A GET with retries: network errors, 5xx, 408, 429, rate-limit 403s and
     * unreadable bodies are tried again with full-jitter backoff, honouring
     * Retry-After, within the policy's attempts and deadline.
     */
    async #read(path, policy, parse) {
        const what = `GET /api/${path.split('?')[0]}`;
        for (let attempt = 1;; attempt++) {
            let failure;
            try {
                const response = await this.#send('GET', path, undefined, this.#options.signal);
                if (response.status >= 200 && response.status < 300) {
                    try {
                        return parse(parseJson(response.body, what));
                    }
                    catch (error) {
                        failure = shapeError(this.#options.redact, 'GET', path, error);
                    }
                }
                else
                    failure = statusError(this.#options.redact, 'GET', path, response, this.#clock.now());
            }
            catch (error) {
                failure = networkError(this.#options.redact, 'GET', path, error);
            }
            const delayMs = backoffDelay(attempt - 1, policy, this.#random, failure.retryAfterMs);
            const canRetry = failure.retryable &&
                attempt < policy.maxAttempts &&
                this.#clock.now() + delayMs < policy.deadline &&
                !this.#options.signal?.aborted;
            if (!canRetry)
                throw failure;
            this.stats.retries++;
            this.#options.onRetry?.({
                what,
                attempt,
                delayMs,
                reason: failure.message
            });
            await this.#clock.sleep(delayMs, this.#options.signal);
        }
    }
    /**
     * The one way out to the wire and back: every request passes here (the
     * place for a rate limiter). Reads and the POST are cancelled by the
     * run's signal; an abort is not, since a cancel is what sends it.
     */
    async #send(method, path, body, signal) {
        // Aborts are how a stopping run ends: they go ahead of queued reads.
        await this.budget.take(method === 'PUT' && path.startsWith('operations/abort/'));
        this.stats.requests++;
        let response;
        try {
            response = await this.#transport.request(method, `${this.#options.apiBase}${path}`, body, this.#headers, signal);
        }
        catch (error) {
            this.budget.answered(0);
            throw error;
        }
        this.budget.answered(response.status);
        const date = response.headers.date;
        if (typeof date === 'string' && !Number.isNaN(Date.parse(date))) {
            this.serverSkewMs = Date.parse(date) - this.#clock.now();
        }
        return response;
    }
}
/**
 * The one query for exports: of these datastores, newest first (as asked;
 * the server may ignore the filters and the order, so callers check every
 * item).
 */
function exportsPath(datastoreIds, page, size) {
    const filter = datastoreIds.map(id => `datastore=${id}`).join('&');
    return `operations?${filter}&operation_type=export&sort_created=desc&page=${page}&size=${size}`;
}

// EXTERNAL MODULE: ./src/core/domain/results.ts
var results = __webpack_require__(1518);
;// CONCATENATED MODULE: ./src/core/domain/export-tables.ts
/**
 * The columns Qualytics documents for each export table that the check
 * may require (qualytics-api.md, "Export tables"): the full set for
 * anomalies, the ones verification reads for the two wider tables.
 */
const DOCUMENTED_COLUMNS = {
    anomalies: [
        'ID',
        'CREATED',
        'UUID',
        'TYPE',
        'STATUS',
        'GLOBAL_TAGS',
        'CONTAINER_ID',
        'SOURCE_CONTAINER',
        'DATASTORE_ID',
        'SOURCE_DATASTORE',
        'GENERATED_AT'
    ],
    checks: ['ID', 'DATASTORE_ID', 'GENERATED_AT'],
    profiles: ['DATASTORE_ID', 'GENERATED_AT']
};
/**
 * The names of the export tables in the enrichment datastore. Two naming
 * forms are documented (`_<prefix>_anomalies_export`, newest userguide;
 * `_<prefix>_export_anomalies`, older page), and whether the leading
 * underscore doubles with a prefix that already starts with one is
 * unconfirmed: every variant is a candidate, compared case-insensitively
 * (warehouses such as Snowflake list names in upper case).
 */
/** The product's default prefix. */
const DEFAULT_PREFIX = '_qualytics';
const ASSET_PART = {
    anomalies: 'anomalies',
    checks: 'checks',
    profiles: 'field_profiles'
};
/**
 * The prefix as the product normalises it: snake_case with one leading
 * underscore, at most 60 characters; the default when none is known.
 */
function normalisePrefix(prefix) {
    const snake = (prefix ?? '')
        .trim()
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '_')
        .replace(/^_+|_+$/g, '');
    return snake === '' ? DEFAULT_PREFIX : `_${snake}`.slice(0, 60);
}
/** Candidate table names, most likely first (newest form, single underscore). */
function exportTableNames(prefix, assetType) {
    const base = normalisePrefix(prefix); // `_qualytics`
    const part = ASSET_PART[assetType];
    const prefixes = [base, `_${base}`];
    return [
        ...prefixes.map(p => `${p}_${part}_export`),
        ...prefixes.map(p => `${p}_export_${part}`)
    ];
}
/**
 * The table an export wrote, among the listed names: the first candidate
 * that is listed (case-insensitively), as the server spells it; null when
 * none is.
 */
function findExportTable(listed, prefix, assetType) {
    const byFolded = new Map();
    for (const name of listed) {
        const folded = name.toLowerCase();
        if (!byFolded.has(folded))
            byFolded.set(folded, name);
    }
    for (const candidate of exportTableNames(prefix, assetType)) {
        const found = byFolded.get(candidate);
        if (found !== undefined)
            return found;
    }
    return null;
}
/**
 * Datastores linked to the same enrichment datastore with the same table
 * prefix (as the product normalises it): their exports replace each
 * other's tables, and Qualytics does not check this when they are linked.
 * A datastore that reports no prefix is counted under the default
 * `_qualytics`, the name its tables get when none is set (UNCONFIRMED for
 * a datastore whose prefix the server simply leaves out): the warning says
 * so, erring toward telling.
 */
function prefixCollisions(datastores) {
    const groups = new Map();
    const seen = new Set();
    for (const ds of [...datastores].sort((a, b) => a.id - b.id)) {
        const enrichmentId = ds.enrichment?.id;
        if (enrichmentId == null || seen.has(ds.id))
            continue;
        seen.add(ds.id);
        const prefix = normalisePrefix(ds.enrichmentPrefix);
        const key = `${enrichmentId}\u0000${prefix}`;
        const group = groups.get(key) ?? {
            enrichment: { id: enrichmentId, name: ds.enrichment?.name ?? null },
            prefix,
            assumedDefault: false,
            datastores: []
        };
        group.datastores.push(ds);
        if (!ds.enrichmentPrefix?.trim())
            group.assumedDefault = true;
        groups.set(key, group);
    }
    return [...groups.values()].filter(g => g.datastores.length > 1);
}
/** Most datastores one collision warning names. */
const NAMED_AT_MOST = 20;
/** Most collisions told one by one; the rest are counted in one more warning. */
const COLLISIONS_TOLD = 5;
/** The collision warnings of a run: one each, at most COLLISIONS_TOLD, then a count. */
function collisionWarnings(collisions) {
    const told = collisions.slice(0, COLLISIONS_TOLD).map(describeCollision);
    const rest = collisions.slice(COLLISIONS_TOLD);
    if (rest.length > 0)
        told.push(`${rest.length} more group${rest.length === 1 ? '' : 's'} of datastores share export tables the same way: ${rest
            .map(c => `${c.datastores.length} datastores with the prefix ${c.prefix} in enrichment datastore ${c.enrichment.id}`)
            .join('; ')}. Give each datastore its own prefix in its Enrichment settings in Qualytics.`);
    return told;
}
/** The preflight warning for one collision: every datastore, the enrichment datastore, the prefix. */
function describeCollision(collision) {
    const named = collision.datastores.map(d => `${d.id} (${d.name})`);
    // A fleet's block may hold dozens: the first names tell the user where to look.
    const more = named.length - NAMED_AT_MOST;
    const list = more > 0
        ? `${named.slice(0, NAMED_AT_MOST).join(', ')} and ${more} more`
        : `${named.slice(0, -1).join(', ')} and ${named.at(-1)}`;
    const enrichment = `enrichment datastore ${collision.enrichment.id}${collision.enrichment.name ? ` (${collision.enrichment.name})` : ''}`;
    const assumed = collision.assumedDefault
        ? ` (a datastore that reports no prefix is taken to use the default ${DEFAULT_PREFIX})`
        : '';
    return `Datastores ${list} export to the same tables: all are linked to ${enrichment} with the table prefix ${collision.prefix}${assumed}, so each export replaces the tables of the other${named.length === 2 ? '' : 's'}, and Qualytics does not check this. Give each datastore its own prefix in its Enrichment settings in Qualytics.`;
}

;// CONCATENATED MODULE: ./src/core/run/verify.ts



/**
 * `verify`: after an export succeeded, look in the enrichment datastore
 * for its table and check that the newest row was generated no earlier
 * than the export started. The finding goes to `table`, `verified` and
 * `notes`; Qualytics' own `message` is left alone, and nothing here can
 * turn a failed export into a success (only successes are looked at).
 */
/**
 * Pauses before looking again at a table that is missing or stale. The
 * export writes its table before Qualytics marks it a success, so a table
 * is normally there at once; the userguide's "in a couple of minutes" is
 * the export's own run time. Two short re-checks (7 s in all) cover a
 * listing that lags the write, without holding a scheduled job for minutes.
 */
const VERIFY_RECHECK_MS = [2000, 5000];
/** GENERATED_AT may be cut to whole seconds where start_time is not. */
const GENERATED_AT_SLACK_MS = 1000;
/** Most verifications in flight at once. */
const VERIFY_PARALLEL = 4;
/**
 * Verify every export that succeeded (with or without a message). A
 * missing or stale table makes a success a warning, with a note that
 * names datastore and table; an unknown leaves `verified` null.
 */
async function verifyExports(records, datastores, ctx, recheckMs = VERIFY_RECHECK_MS) {
    const info = new Map(datastores.map(d => [d.id, d]));
    let pending = records.filter(r => r.id !== null &&
        (r.result === 'success' || r.result === 'warning') &&
        info.get(r.datastoreId)?.enrichment?.id != null);
    const looks = new Map();
    const pauses = [...recheckMs];
    for (;;) {
        if (stopped(ctx))
            break;
        // One listing per enrichment datastore and round: many exports share one.
        const listings = new Map();
        await pool(pending, VERIFY_PARALLEL, async (record) => {
            if (stopped(ctx))
                return;
            const ds = info.get(record.datastoreId);
            looks.set(record, await lookOnce(record, ds, listings, ctx));
        });
        pending = pending.filter(r => {
            const state = looks.get(r)?.state;
            return state === 'missing' || state === 'stale';
        });
        const pause = pauses.shift();
        if (pending.length === 0 || pause === undefined)
            break;
        if (ctx.clock.now() + pause >= ctx.deadline)
            break;
        ctx.hooks.log?.(`Looking again in ${pause / 1000} s for the export tables of ${pending.length} export${pending.length === 1 ? '' : 's'}.`);
        await ctx.clock.sleep(pause, ctx.signal);
    }
    // Stopped (cancel, deadline): the caller stopped waiting and may be
    // writing the outputs; what was learnt is dropped, rows stay unverified.
    if (ctx.signal?.aborted)
        return;
    for (const [record, look] of looks)
        apply(record, info.get(record.datastoreId), look, m => ctx.hooks.log?.(m));
}
/**
 * verifyExports, but never waiting past the deadline or a cancel: a read
 * that hangs for its whole request timeout would otherwise hold a
 * cancelled job past the runner's kill. Rows not verified in time stay
 * `verified: null`.
 */
async function verifyWithin(records, datastores, ctx) {
    const stop = new AbortController();
    const onAbort = () => stop.abort();
    if (ctx.signal?.aborted)
        return;
    ctx.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = ctx.clock
        .sleep(Math.max(0, ctx.deadline - ctx.clock.now()), stop.signal)
        .then(onAbort);
    try {
        await Promise.race([
            verifyExports(records, datastores, { ...ctx, signal: stop.signal }),
            timer
        ]);
    }
    finally {
        ctx.signal?.removeEventListener('abort', onAbort);
        stop.abort();
    }
}
function stopped(ctx) {
    return Boolean(ctx.signal?.aborted) || ctx.clock.now() >= ctx.deadline;
}
async function lookOnce(record, ds, listings, ctx) {
    const enrichmentId = ds.enrichment?.id;
    const policy = verifyPolicy(ctx.clock.now(), ctx.deadline);
    let table = null;
    try {
        let listing = listings.get(enrichmentId);
        if (!listing) {
            listing = ctx.client.listTables(enrichmentId, policy);
            listings.set(enrichmentId, listing);
        }
        const names = await listing;
        if (names === null)
            return { state: 'unknown', table: null, why: null };
        const prefix = ds.enrichmentPrefix;
        table = findExportTable(names, prefix, record.assetType);
        if (table === null)
            return {
                state: 'missing',
                looked: exportTableNames(prefix, record.assetType)
            };
        const read = await ctx.client.tableRows(enrichmentId, table, ds.id, policy);
        if (read === null)
            return { state: 'unknown', table, why: null };
        const lacking = lackingColumns(read.rows, record.assetType);
        return { ...judge(read, table, ds.id, record.startTime), lacking };
    }
    catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        return { state: 'unknown', table, why: `could not verify: ${why}` };
    }
}
/**
 * What the rows of this datastore say about the export: only rows whose
 * own datastore id is this datastore's count, and only a time with a zone
 * can show that the table was written after the export started.
 */
function judge(read, table, datastoreId, startTime) {
    const startMs = readServerTime(startTime ?? '')?.ms ?? Number.NaN;
    const unknown = (why) => ({ state: 'unknown', table, why });
    if (Number.isNaN(startMs))
        return unknown(`Qualytics gave no start time for the export to compare ${table} with`);
    if (read.rows.length === 0)
        return unknown(read.filtered
            ? `table ${table} holds no rows of datastore ${datastoreId}, so when it was written cannot be read`
            : `table ${table} holds no rows, so when it was written cannot be read`);
    const ours = read.rows.filter(r => r.datastoreId === datastoreId);
    if (ours.length === 0) {
        const others = [
            ...new Set(read.rows.map(r => r.datastoreId).filter(id => id !== null))
        ];
        return unknown(others.length > 0
            ? `the rows read from ${table} are of datastore ${others.slice(0, 5).join(', ')}, not ${datastoreId}, so they cannot show that this export wrote it`
            : `the rows of ${table} carry no DATASTORE_ID, so whose they are cannot be told`);
    }
    let newestMs = null;
    let zoneless = null;
    for (const { generatedAt: at } of ours) {
        if (at.kind === 'zoned')
            newestMs = Math.max(newestMs ?? at.ms, at.ms);
        else if (at.kind === 'zoneless')
            zoneless ??= at.text;
    }
    if (newestMs === null)
        return unknown(zoneless === null
            ? `the rows of ${table} carry no readable GENERATED_AT`
            : `GENERATED_AT in ${table} (${zoneless}) names no time zone, so it cannot show that the table was written after the export started at ${new Date(startMs).toISOString()}`);
    if (newestMs + GENERATED_AT_SLACK_MS < startMs)
        return { state: 'stale', table, newestMs, startMs };
    return { state: 'verified', table };
}
/** Documented columns missing from any of the rows, in documented order. */
function lackingColumns(rows, assetType) {
    return DOCUMENTED_COLUMNS[assetType].filter(column => rows.some(row => !row.columns.includes(column)));
}
/**
 * Write a look into the record. A finding that cannot tell (a time
 * without a zone, rows of another datastore) is a note in the row and the
 * log, not a warning: the export itself may well be fine.
 */
function apply(record, ds, look, log) {
    const where = `enrichment datastore ${ds.enrichment?.id}${ds.enrichment?.name ? ` (${ds.enrichment.name})` : ''}`;
    const what = `Export ${record.id} (${record.assetType} of datastore ${ds.id} (${ds.name}))`;
    const check = "Check the export's log under Activity in Qualytics and that the enrichment datastore's connection can write; `verify: false` turns this check off.";
    let warned = false;
    switch (look.state) {
        case 'verified':
            record.table = look.table;
            record.verified = true;
            break;
        case 'unknown':
            record.table = look.table;
            record.verified = null;
            if (look.why) {
                const note = `Not verified: ${look.why}.`;
                record.notes.push(note);
                log?.(`${what}: ${note}`);
            }
            break;
        case 'missing':
            record.table = null;
            record.verified = false;
            record.notes.push(`${what} succeeded, but its table is not in ${where}: looked for ${look.looked[0]} (also ${look.looked.slice(1).join(', ')}). ${check}`);
            warned = true;
            break;
        case 'stale':
            record.table = look.table;
            record.verified = false;
            record.notes.push(`${what} succeeded, but table ${look.table} in ${where} was last written at ${new Date(look.newestMs).toISOString()}, before the export started at ${new Date(look.startMs).toISOString()}: the export did not replace it. ${check}`);
            warned = true;
            break;
    }
    if (look.lacking?.length) {
        // Not the table Qualytics documents: whatever its times say, it is not
        // the export's output as the user expects to read it.
        record.verified = false;
        record.notes.push(`Table ${record.table} in ${where} lacks the column${look.lacking.length === 1 ? '' : 's'} ${look.lacking.join(', ')} that Qualytics documents for the ${record.assetType} export table; whatever reads it may break.`);
        warned = true;
    }
    // The run still succeeds, as with an empty export, unless fail-on-warning.
    if (warned && record.result === 'success')
        record.result = 'warning';
}
/** Run `fn` over items, at most `limit` at once. */
async function pool(items, limit, fn) {
    let next = 0;
    const worker = async () => {
        while (next < items.length)
            await fn(items[next++]);
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

;// CONCATENATED MODULE: ./src/core/client/identity.ts
/**
 * A list item is evidence of an export of this datastore and asset type
 * only when it says so: `type` export, and the datastore and asset type
 * present and equal. An item without them is not evidence of anything.
 */
function isExportOf(op, planned) {
    return (op.type === 'export' &&
        op.datastoreId === planned.datastoreId &&
        op.assetType === planned.assetType);
}
/**
 * For a status read of an id this run holds: what the answer says that
 * contradicts the plan, or null. Absent fields contradict nothing (the id
 * came from our own POST); a present, different one means the answer is not
 * about this export.
 */
function identityMismatch(op, planned) {
    const wrong = [];
    if (op.type !== null && op.type !== 'export')
        wrong.push(`type ${op.type}`);
    if (op.datastoreId !== null && op.datastoreId !== planned.datastoreId)
        wrong.push(`datastore ${op.datastoreId}`);
    if (op.assetType !== null && op.assetType !== planned.assetType)
        wrong.push(`asset type ${op.assetType}`);
    return wrong.length === 0
        ? null
        : `the answer for operation ${op.id} names ${wrong.join(', ')}, not ${planned.assetType} of datastore ${planned.datastoreId}`;
}

;// CONCATENATED MODULE: ./src/core/run/polling.ts
/**
 * When to look at an export next. Detection latency is bounded by the pause
 * before the check that sees the end, so the pause grows with the export's
 * age: at most 5% of how long it has run (but at least a second), and never
 * more than `poll-interval`. A 3-second export is seen finished within about
 * a second; a 30-minute one costs about as many requests as fixed 10-second
 * polling.
 */
/** The first check comes this soon after the trigger. */
const FIRST_CHECK_MS = 1000;
/** The pause never drops below this (unless poll-interval is shorter). */
const MIN_PAUSE_MS = 1000;
/** The pause is at most this share of the export's age. */
const AGE_SHARE = 0.05;
/** Pause after a check at `ageMs` into the export. */
function nextPause(ageMs, pollIntervalMs) {
    const floor = Math.min(MIN_PAUSE_MS, pollIntervalMs);
    return Math.round(Math.min(pollIntervalMs, Math.max(floor, ageMs * AGE_SHARE)));
}
/** Pause before the first check. */
function firstPause(pollIntervalMs) {
    return Math.min(FIRST_CHECK_MS, pollIntervalMs);
}
/**
 * After a failed status read, wait longer each time (doubling from the
 * normal pause, capped at poll-interval), or as long as the server asked.
 */
function pauseAfterFailure(normalPauseMs, consecutiveFailures, pollIntervalMs, retryAfterMs) {
    const doubled = normalPauseMs * 2 ** Math.min(consecutiveFailures, 10);
    return Math.max(Math.min(doubled, Math.max(pollIntervalMs, normalPauseMs)), retryAfterMs ?? 0);
}
/**
 * When to check an export next, `now` being the end of the last check:
 * the usual pause for its age, or the longer one after failed reads.
 */
function nextCheckTime(now, triggeredAt, consecutiveFailures, pollIntervalMs, retryAfterMs) {
    const pause = nextPause(now - triggeredAt, pollIntervalMs);
    return (now +
        (consecutiveFailures === 0
            ? pause
            : pauseAfterFailure(pause, consecutiveFailures, pollIntervalMs, retryAfterMs)));
}
/** Check times of fixed-interval polling (the vendor CLI: 10 s) for comparison. */
function checksOfSchedule(durationMs, pause, first) {
    let checks = 0;
    let at = first;
    for (;; checks++) {
        if (at >= durationMs)
            return checks + 1;
        at += pause(at);
    }
}
/**
 * When to look at an export whose earlier runs are known. The last few
 * successful exports of the same datastore and asset type say when this one
 * is likely to end: look every `poll-interval` (rather than the adaptive
 * schedule's quick early looks) until just before the shortest of them
 * ended, every second from there until just after the longest, and fall back
 * to today's adaptive schedule (above) once the export has outlived its
 * history.
 *
 * `poll-interval` caps every pause, history or not (the contract's "History
 * paces polling, poll-interval caps it"): 1.1 let the history stretch the
 * pause to a minute, so with `poll-interval: 2s` a failure 2 s into an
 * expected ten minutes was seen 58 s late.
 */
/** Pause inside the window around the expected end. */
const DENSE_PAUSE_MS = 1000;
/** Margin around the window: this share of the expected length (at least DENSE_PAUSE_MS). */
const MARGIN_SHARE = 0.01;
/** With fewer samples than this, the margin widens to WIDE_MARGIN_SHARE. */
const FEW_SAMPLES = 3;
const WIDE_MARGIN_SHARE = 0.05;
/** A window wider than this share of the expected length (and 10 s) is not polled densely. */
const DENSE_WINDOW_SHARE = 0.1;
/**
 * The expectation from earlier durations (milliseconds), or null when
 * there are none: then the adaptive schedule applies unchanged.
 */
function expectationFrom(durations, pollIntervalMs) {
    const valid = durations.filter(d => Number.isFinite(d) && d >= 0);
    if (valid.length === 0)
        return null;
    const sorted = [...valid].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    const expectedMs = sorted.length % 2 === 1
        ? sorted[mid]
        : (sorted[mid - 1] + sorted[mid]) / 2;
    const share = sorted.length < FEW_SAMPLES ? WIDE_MARGIN_SHARE : MARGIN_SHARE;
    const margin = Math.max(DENSE_PAUSE_MS, expectedMs * share);
    const windowStartMs = Math.max(0, sorted[0] - margin);
    const windowEndMs = sorted.at(-1) + margin;
    return {
        expectedMs,
        windowStartMs,
        windowEndMs,
        sparsePauseMs: pollIntervalMs,
        dense: windowEndMs - windowStartMs <=
            Math.max(10_000, expectedMs * DENSE_WINDOW_SHARE)
    };
}
/** Pause after a check at `ageMs` into the export (also the first pause, at age 0). */
function historyPause(ageMs, expect, pollIntervalMs) {
    const floor = Math.min(DENSE_PAUSE_MS, pollIntervalMs);
    if (ageMs < expect.windowStartMs) {
        const toWindow = expect.windowStartMs - ageMs;
        return Math.round(Math.max(floor, Math.min(expect.sparsePauseMs, toWindow)));
    }
    if (ageMs < expect.windowEndMs && expect.dense)
        return floor;
    // Inside a wide window, or past the history: today's schedule.
    return nextPause(ageMs, pollIntervalMs);
}
/**
 * When to check next, `now` being the end of the last check: the history's
 * pause while reads succeed, today's rule (with its backoff) otherwise.
 * The history's pause counts from when the last check was sent
 * (`checkSentAt`), so a slow round trip does not stretch the one-second
 * steps around the expected end.
 */
function nextCheckWithHistory(now, startedAt, consecutiveFailures, pollIntervalMs, expect, retryAfterMs, checkSentAt = now) {
    if (expect === null || consecutiveFailures > 0)
        return nextCheckTime(now, startedAt, consecutiveFailures, pollIntervalMs, retryAfterMs);
    const from = Math.min(now, checkSentAt);
    return Math.max(now, from + historyPause(from - startedAt, expect, pollIntervalMs));
}
/** Check ages of the history schedule for an export of `durationMs` (for the benchmark). */
function checksWithHistory(durationMs, expect, pollIntervalMs) {
    let at = historyPause(0, expect, pollIntervalMs);
    let checks = 1;
    while (at < durationMs) {
        at += historyPause(at, expect, pollIntervalMs);
        checks++;
    }
    return { checks, seenAtMs: at };
}

;// CONCATENATED MODULE: ./src/core/domain/records.ts

/** A row for a planned export that has not been triggered yet. */
function newRecord(planned, result = 'running') {
    return {
        datastoreId: planned.datastoreId,
        assetType: planned.assetType,
        id: null,
        result,
        message: null,
        startTime: null,
        endTime: null,
        totalContainers: null,
        count: null,
        adopted: false,
        queued: false,
        lastSuccessAt: null,
        missedRuns: null,
        table: null,
        verified: null,
        reused: false,
        attempts: 0,
        retriedIds: [],
        notes: []
    };
}
/**
 * Copy what the server said into the record. Returns whether the export
 * has ended. A field the server left out keeps what was known before.
 */
function applyOperation(record, op) {
    applyFields(record, op);
    record.result = (0,results/* classify */.L8)(op);
    const ended = (0,results/* isTerminal */.Hd)(op);
    record.queued = op.result === 'queued' && !ended;
    const why = (0,results/* unknownEnd */.EI)(op);
    if (why && !record.notes.includes(why))
        record.notes.push(why);
    return ended;
}
/**
 * Copy the times, message and container count the server sent, leaving
 * the result alone (an answer whose `result` word is unknown still tells
 * when the export started). Nothing the server sent before is dropped.
 */
function applyFields(record, op) {
    record.startTime = op.startTime ?? record.startTime;
    record.endTime = op.endTime ?? record.endTime;
    record.message = op.message ?? record.message;
    record.totalContainers = op.totalContainers ?? record.totalContainers;
}
/**
 * Mark an export that was still running when the run stopped (timeout or
 * cancel), saying what became of the abort. Returns false when the abort
 * answer shows it had ended after all (the record then holds that end).
 */
function markStopped(record, result, waited, abort, outcome) {
    if (outcome?.state === 'already-ended') {
        applyOperation(record, outcome.operation);
        return false;
    }
    const state = record.queued ? 'queued' : 'running';
    record.result = result;
    // The post step tries again for aborts that did not get through.
    record.abortPending = abort && outcome?.state !== 'requested';
    const why = result === 'timeout'
        ? `${record.queued ? 'still queued after' : 'still running after'} ${waited}`
        : `the run was cancelled${record.queued ? ' while the export was queued' : ''}`;
    record.queued = false;
    const input = result === 'timeout' ? 'abort-on-timeout' : 'abort-on-cancel';
    if (record.adopted) {
        // Followed, not started by this run: someone else's export to stop.
        record.abortPending = false;
        record.notes.push(`${why}; left ${state} in Qualytics: this run did not start it (adopted), so it never aborts it`);
        return true;
    }
    record.notes.push(!abort
        ? `${why}; left ${state} in Qualytics (${input}: false)`
        : outcome?.state === 'requested'
            ? `${why}; abort requested`
            : `${why}; abort failed: ${outcome?.state === 'failed' ? outcome.error : 'no answer'}`);
    return true;
}
/**
 * Report an earlier export that `skip-if-fresh` found fresh enough, in place
 * of triggering one; `window` is the input's value as the user reads it.
 */
function markReused(record, fresh, window) {
    applyOperation(record, fresh);
    record.id = fresh.id;
    record.reused = true;
    record.notes.push(`reused export ${fresh.id}, which succeeded at ${fresh.endTime ?? '?'} (skip-if-fresh: ${window}); nothing was triggered`);
}
/**
 * Ready a failed row for another attempt (`retry-failed`): what the server
 * said of the failed attempt goes, its id and why it failed stay in the row.
 */
function markRetried(record) {
    record.notes.push(`attempt ${record.attempts} (export ${record.id}) failed${record.message ? `: ${record.message}` : ''}; triggered again (retry-failed)`);
    record.retriedIds.push(record.id);
    Object.assign(record, {
        id: null,
        result: 'running',
        message: null,
        startTime: null,
        endTime: null,
        totalContainers: null,
        count: null,
        table: null,
        verified: null
    });
}
/** Mark an export that never started because the run stopped first. */
function markNotStarted(record, result, waited) {
    record.result = result;
    record.notes.push(result === 'timeout'
        ? `not started: the timeout (${waited}) came first`
        : 'not started: the run was cancelled');
}
/**
 * Mark an export whose trigger was still on the wire when the run stopped:
 * it may have started, and nothing here can tell or abort it.
 */
function markUnknown(record, result, waited) {
    record.result = result;
    record.notes.push(`may have started: its request was still open when the run stopped after ${waited}; check Activity in Qualytics`);
}
/**
 * An export of anomalies or checks when Qualytics held none replaced the
 * export table with an empty one: worth a warning, not a silent success.
 */
function flagEmptyExports(records) {
    for (const record of records) {
        if (record.result === 'success' && record.count === 0) {
            record.result = 'warning';
            // Qualytics' own message stays as it was: this finding is the action's.
            record.notes.push(`Qualytics held no ${record.assetType} for datastore ${record.datastoreId} at export time, so the export wrote an empty table.`);
        }
    }
}

;// CONCATENATED MODULE: ./src/core/run/watch.ts







/**
 * How long answers that say nothing usable (a 404, an answer about another
 * export, an `end_time` that is not a time) are tolerated before the run
 * gives up on an export: at least this long and this many reads in a row.
 * A real Qualytics answers 404 only briefly. A `queued` export, or one
 * whose `result` word is unknown while `end_time` is null, is still going:
 * that is no doubt, and only the timeout bounds it.
 */
const DOUBT_WINDOW_MS = 60_000;
const DOUBT_READS = 3;
/**
 * The exports being waited on, and their status reads. Each read runs
 * beside the run loop: a slow or hanging one never holds up the others.
 */
class StatusWatch {
    ctx;
    pollIntervalMs;
    events;
    #watched = [];
    #reads = new Set();
    #batch;
    constructor(ctx, pollIntervalMs, events) {
        this.ctx = ctx;
        this.pollIntervalMs = pollIntervalMs;
        this.events = events;
        this.#batch = new BatchStatus(ctx.client);
    }
    /** How many exports are still watched. */
    get size() {
        return this.#watched.length;
    }
    /** Watch a just-triggered export (an adopted one may have ended already). */
    watch(record, op, info = {}) {
        const now = this.ctx.clock.now();
        const expect = info.expect ?? null;
        const startedAt = Math.min(now, info.startedAt ?? now);
        const { pollIntervalMs } = this;
        const tracked = {
            record,
            triggeredAt: startedAt,
            nextCheckAt: expect === null
                ? now + firstPause(pollIntervalMs)
                : now + historyPause(now - startedAt, expect, pollIntervalMs),
            failures: 0,
            doubtSince: null,
            doubts: 0,
            checking: false,
            expect,
            ownReadAt: now,
            said: null
        };
        if (!applyOperation(record, op)) {
            this.#watched.push(tracked);
            this.#sayState(tracked, op);
        }
    }
    /** Start a read of every export that is due and not being read. */
    checkDue(now) {
        const idle = this.#watched.filter(t => !t.checking);
        if (this.#batch.worth(idle.length) && idle.some(t => t.nextCheckAt <= now))
            return this.#startBatch(idle, now);
        for (const tracked of this.#watched) {
            if (tracked.checking || tracked.nextCheckAt > now)
                continue;
            tracked.checking = true;
            tracked.lastCheckAt = now;
            const read = this.#check(tracked).finally(() => {
                tracked.checking = false;
                this.#reads.delete(read);
                this.events.onSettled();
            });
            this.#reads.add(read);
        }
    }
    /** When the next read falls due (Infinity when none waits). */
    nextDueAt() {
        return Math.min(...this.#watched.filter(t => !t.checking).map(t => t.nextCheckAt));
    }
    /** One last read of each export not being read now (before calling a timeout). */
    async lastLook() {
        await Promise.all(this.#watched.filter(t => !t.checking).map(t => this.#check(t)));
    }
    /** Stop watching: the records still running, for the caller to mark. */
    release() {
        return this.#watched.splice(0).map(t => t.record);
    }
    async #check(tracked) {
        const { record } = tracked;
        const previous = record.result;
        try {
            const op = await this.ctx.client.getOperation(record.id, statusPolicy(this.ctx.deadline));
            // Released (timeout, cancel) while this read was on the wire: too late.
            if (!this.#watched.includes(tracked))
                return;
            tracked.failures = 0;
            tracked.ownReadAt = this.ctx.clock.now();
            const doubt = doubtAbout(op, record);
            if (doubt)
                this.#doubt(tracked, doubt);
            else {
                tracked.doubtSince = null;
                tracked.doubts = 0;
                this.#apply(tracked, op);
            }
        }
        catch (error) {
            if (!this.#watched.includes(tracked))
                return;
            const message = error instanceof Error ? error.message : String(error);
            if (error instanceof errors/* ApiError */.hD && error.status === 404) {
                // Just created, not yet readable everywhere: doubt, not failure.
                this.#doubt(tracked, message);
            }
            else if (error instanceof errors/* ApiError */.hD && error.retryable) {
                // Status reads keep trying until the timeout: the export runs on regardless.
                tracked.failures++;
                if (tracked.failures === 1 || tracked.failures % 10 === 0) {
                    this.ctx.hooks.warn?.(`Could not read the status of export ${record.id} (${tracked.failures}x): ${message}`);
                }
                this.#scheduleNext(tracked, error.retryAfterMs);
            }
            else
                this.#giveUp(tracked, message);
        }
        if (record.result !== previous)
            this.ctx.hooks.changed?.(record, previous);
    }
    /**
     * One list read for every idle export: those due within the next tick are
     * read through it (single reads for what it cannot tell), and any other
     * it shows ended is settled too.
     */
    #startBatch(idle, now) {
        const due = idle.filter(t => t.nextCheckAt <= now + BATCH_AHEAD_MS);
        idle.forEach(t => (t.checking = true));
        due.forEach(t => (t.lastCheckAt = now));
        const read = this.#checkBatch(idle, due).finally(() => {
            this.#reads.delete(read);
            this.events.onSettled();
        });
        this.#reads.add(read);
    }
    async #checkBatch(idle, due) {
        let found = new Map();
        try {
            found = await this.#batch.read(idle.map(t => ({
                id: t.record.id,
                datastoreId: t.record.datastoreId,
                assetType: t.record.assetType
            })), statusPolicy(this.ctx.deadline));
        }
        catch {
            // Unreadable list: this tick falls back to single reads.
        }
        const singles = [];
        for (const tracked of idle) {
            tracked.checking = false;
            if (!this.#watched.includes(tracked))
                continue;
            const op = found.get(tracked.record.id);
            const isDue = due.includes(tracked);
            // Not on the page, not usable as it stands, or the list alone has
            // said "still going" for too long (it may lag): its own read decides.
            if (op === undefined ||
                doubtAbout(op, tracked.record) !== null ||
                (isDue && !(0,results/* isTerminal */.Hd)(op) && this.#ownReadDue(tracked))) {
                if (isDue)
                    singles.push(tracked);
                continue;
            }
            const previous = tracked.record.result;
            if (isDue)
                tracked.failures = 0;
            this.#apply(tracked, op, isDue);
            if (tracked.record.result !== previous)
                this.ctx.hooks.changed?.(tracked.record, previous);
        }
        await Promise.all(singles.map(async (t) => {
            t.checking = true;
            try {
                await this.#check(t);
            }
            finally {
                t.checking = false;
            }
        }));
    }
    /**
     * Take a usable answer: unwatch an export that ended, else say a new
     * state once and (when the read was due) schedule the next read.
     */
    #apply(tracked, op, reschedule = true) {
        if (applyOperation(tracked.record, op)) {
            this.#unwatch(tracked);
            const now = this.ctx.clock.now();
            const pause = nextCheckWithHistory(now, tracked.triggeredAt, 0, this.pollIntervalMs, tracked.expect) - now;
            return this.events.onEnded?.(tracked.record, pause);
        }
        this.#sayState(tracked, op);
        if (reschedule)
            this.#scheduleNext(tracked);
    }
    /**
     * One log line when a still-going export is queued, leaves the queue, or
     * reports a word the action does not know: a wait that says why it waits.
     */
    #sayState(tracked, op) {
        const word = op.result ?? op.resultText;
        const before = tracked.said;
        if (word === before)
            return;
        tracked.said = word;
        const id = tracked.record.id;
        if (op.result === 'queued')
            this.ctx.hooks.log?.(`Export ${id} is queued in Qualytics, waiting for a worker; waiting for it up to the timeout.`);
        else if (op.result === 'running') {
            if (before === 'queued')
                this.ctx.hooks.log?.(`Export ${id} left the queue and is running.`);
        }
        else
            this.ctx.hooks.log?.(`Export ${id} reports result ${op.resultText}, a word the action does not know; without an end_time it is still going, so the action keeps waiting up to the timeout.`);
    }
    /** An answer that says nothing usable: tolerated for a bounded time. */
    #doubt(tracked, why) {
        const now = this.ctx.clock.now();
        tracked.doubtSince ??= now;
        tracked.doubts++;
        if (tracked.doubts >= DOUBT_READS &&
            now - tracked.doubtSince >= DOUBT_WINDOW_MS)
            return this.#giveUp(tracked, why);
        if (tracked.doubts === 1)
            this.ctx.hooks.warn?.(`The status of export ${tracked.record.id} says nothing usable yet (${why}); reading again for up to ${DOUBT_WINDOW_MS / 1000} s.`);
        this.#scheduleNext(tracked);
    }
    /** Stop watching an export that cannot be read: a failure, never left silently. */
    #giveUp(tracked, why) {
        const { record } = tracked;
        record.result = 'failure';
        record.notes.push(`Could not read the status of export ${record.id}: ${why}`);
        this.#unwatch(tracked);
        this.events.onGaveUp?.(record);
    }
    /** Whether the list alone has spoken for this export for OWN_READ_EVERY_MS. */
    #ownReadDue(t) {
        return this.ctx.clock.now() - t.ownReadAt >= OWN_READ_EVERY_MS;
    }
    /**
     * The next check: sooner for young exports, later after failed reads,
     * and never later than when its own read falls due.
     */
    #scheduleNext(t, retryAfterMs) {
        const now = this.ctx.clock.now();
        const next = nextCheckWithHistory(now, t.triggeredAt, t.failures, this.pollIntervalMs, t.expect, retryAfterMs, t.lastCheckAt);
        const ownDue = Math.max(now, t.ownReadAt + OWN_READ_EVERY_MS);
        t.nextCheckAt = t.failures > 0 ? next : Math.min(next, ownDue);
    }
    #unwatch(tracked) {
        this.#watched.splice(this.#watched.indexOf(tracked), 1);
    }
}
/** Why an answer cannot be applied to this record, or null when it can. */
function doubtAbout(op, record) {
    const mismatch = identityMismatch(op, record);
    if (mismatch)
        return mismatch;
    if (op.ended && op.endTime === null)
        return 'end_time is not a time';
    return null;
}
/**
 * Status of many exports in one request: with several exports watched, one
 * `GET /api/operations` read per tick stands in for their single reads. An
 * export counts as read only when the list shows its id with the type,
 * datastore and asset type it was triggered with; an id absent from the
 * page is "cannot tell" (not "ended"), and gets its single read.
 */
/** Batch only when at least this many exports are watched. */
const BATCH_MIN_WATCHED = 2;
/** A batch read covers every export due within this long (so ticks come about once a second). */
const BATCH_AHEAD_MS = 1000;
/** At most this many pages per tick (more than 100 exports watched). */
const watch_MAX_PAGES = 3;
/**
 * An export the list alone keeps showing as going gets its own read at
 * least this often: a list that lags holds no export more than about a
 * minute past the end its own read shows (this, plus one tick).
 */
const OWN_READ_EVERY_MS = 50_000;
/**
 * The operations the list vouches for, by id: same id, datastore and asset
 * type (the type was checked when the item was read). Pure.
 */
function matchListed(wanted, listed) {
    const byId = new Map(wanted.map(w => [w.id, w]));
    const found = new Map();
    for (const item of listed) {
        const w = byId.get(item.id);
        if (!w || item.datastoreId !== w.datastoreId)
            continue;
        if (item.assetType !== w.assetType)
            continue;
        found.set(item.id, item);
    }
    return found;
}
/**
 * The batched reader of one run; turns itself off when the server has no
 * list, or when its list ignores the filters (items of other datastores or
 * types): such a list is read no further than its first page, once, and
 * the exports' own reads take over.
 */
class BatchStatus {
    client;
    #missing = false;
    #ignoresFilters = false;
    constructor(client) {
        this.client = client;
    }
    /** Whether a batch read is worth making for this many watched exports. */
    worth(watched) {
        return (!this.#missing && !this.#ignoresFilters && watched >= BATCH_MIN_WATCHED);
    }
    /**
     * Read these exports' statuses in as few list reads as the page size
     * allows. Returns what the list vouches for; throws when a page cannot be
     * read (the caller falls back to single reads for this tick).
     */
    async read(wanted, policy) {
        const datastores = [...new Set(wanted.map(w => w.datastoreId))].sort((a, b) => a - b);
        const found = new Map();
        for (let page = 1; page <= watch_MAX_PAGES; page++) {
            const result = await this.client.listExports(datastores, { page, size: STATUS_PAGE_SIZE }, policy);
            if (result === null) {
                this.#missing = true;
                return found;
            }
            for (const [id, op] of matchListed(wanted, result.exports))
                found.set(id, op);
            if (result.foreign > 0) {
                this.#ignoresFilters = true;
                break;
            }
            if (!result.full || found.size === wanted.length)
                break;
        }
        return found;
    }
}

;// CONCATENATED MODULE: ./src/core/schedule/missed-runs.ts
/**
 * Missed snapshots: GitHub delays and drops scheduled runs (and disables
 * them after 60 days in public repositories), so a scheduled run counts the
 * fire times of its own cron that fell strictly between the start of the
 * last earlier successful export and its own fire time. Each one is a
 * snapshot that never happened.
 */
/** Look back at most this far (the contract's 35 days). */
const LOOK_BACK_MS = 35 * 86_400_000;
/** A cron firing every minute fires 50 400 times in 35 days; stop well past that. */
const MAX_STEPS = 60_000;
/**
 * Count the fire times of `cron` (in `timezone`) strictly between
 * `lastSuccessStartMs` and this run's fire time (the latest one not after
 * `nowMs`), looking back at most 35 days. Null when the cron cannot be read
 * or never fired before now. cron-parser loads here only, so runs that were
 * not scheduled never pay for it.
 */
async function countMissedRuns(cron, timezone, lastSuccessStartMs, nowMs) {
    const { CronExpressionParser } = await __webpack_require__.e(/* import() */ 628).then(__webpack_require__.t.bind(__webpack_require__, 8628, 23));
    let firedAt;
    let walk;
    try {
        const expr = CronExpressionParser.parse(cron.trim(), {
            tz: timezone,
            // Just after now, so a fire time exactly at now counts as this run's.
            currentDate: new Date(nowMs + 1)
        });
        firedAt = expr.prev().getTime();
        walk = expr;
    }
    catch {
        return null;
    }
    const floor = Math.max(lastSuccessStartMs, firedAt - LOOK_BACK_MS);
    let missed = 0;
    for (let step = 0; step < MAX_STEPS; step++) {
        let at;
        try {
            at = walk.prev().getTime();
        }
        catch {
            break; // no earlier fire time
        }
        if (at <= floor)
            break;
        missed++;
    }
    return { firedAt, missed };
}
/** The warning for a row whose snapshots were missed. */
function missedRunsWarning(datastore, assetType, missed, lastSuccessAt) {
    const runs = missed === 1 ? 'run was' : 'runs were';
    return `${datastore}, ${assetType}: ${missed} scheduled ${runs} missed since the last successful export (ended ${lastSuccessAt}); those snapshots never happened. GitHub delays or drops scheduled runs under load and disables them after 60 days without repository activity.`;
}

;// CONCATENATED MODULE: ./src/core/run/history.ts







/**
 * What the operations history says about one planned export: how long the
 * last successful exports of that datastore and asset type took (to poll
 * when the end is likely), when the last one succeeded (missed snapshots),
 * and whether one is running now (`if-running: wait`). One read per
 * datastore, before triggering, serves all three; a read that fails, a 404
 * or an empty history leaves each answer empty, never fails the run.
 */
/** Durations of at most this many earlier successes inform the schedule. */
const HISTORY_SAMPLES = 5;
/**
 * The history a list answer gives: the datastore's exports, newest first,
 * each checked for type, datastore and asset type (the server may ignore
 * the filter). It is the same read the trigger's look is made from.
 */
function historyFrom(list, datastoreId) {
    if (list.kind === 'missing')
        return { state: 'unknown', reason: 'the server cannot list operations' };
    if (list.kind === 'cannot-tell')
        return { state: 'unknown', reason: list.reason };
    return { state: 'read', exports: exportsIn(list, datastoreId) };
}
function ofType(history, assetType) {
    return history.state === 'read'
        ? history.exports.filter(e => e.assetType === assetType)
        : [];
}
function ms(iso) {
    return readServerTime(iso ?? '')?.ms ?? Number.NaN;
}
/** Successful, ended exports of this asset type with readable times, latest end first. */
function successes(history, assetType) {
    return ofType(history, assetType)
        .filter(e => e.result === 'success' &&
        Number.isFinite(ms(e.startTime)) &&
        Number.isFinite(ms(e.endTime)) &&
        ms(e.endTime) >= ms(e.startTime))
        .sort((a, b) => ms(b.endTime) - ms(a.endTime));
}
/**
 * How long the last few successful exports of this asset type ran
 * (milliseconds, latest first). Empty without history.
 */
function recentDurations(history, assetType, samples = HISTORY_SAMPLES) {
    return successes(history, assetType)
        .slice(0, samples)
        .map(e => ms(e.endTime) - ms(e.startTime));
}
/** The most recent earlier success: when it started and ended, or null. */
function lastSuccess(history, assetType, beforeMs) {
    const last = successes(history, assetType).find(e => ms(e.endTime) <= beforeMs);
    return last
        ? { startMs: ms(last.startTime), endTime: last.endTime }
        : null;
}
/**
 * `skip-if-fresh`: the latest export of the planned datastore and asset
 * type that succeeded within `freshMs` before `nowMs` and did what the
 * plan would do: the same `include_deleted` (an item that does not say is
 * never reused) and the same container selection (none for none, exactly
 * the same ids for ids; a plan with container tags never reuses, as the
 * list cannot say which containers tags chose). Null: export.
 */
function freshExport(history, planned, freshMs, nowMs) {
    const { body } = planned;
    if (body.container_tags !== undefined)
        return null;
    const wanted = [...(body.container_ids ?? [])].sort((a, b) => a - b);
    const sameContainers = (listed) => {
        if (listed === undefined)
            return false;
        const had = [...(listed ?? [])].sort((a, b) => a - b);
        return (had.length === wanted.length && had.every((id, i) => id === wanted[i]));
    };
    return (successes(history, planned.assetType).find(e => ms(e.endTime) <= nowMs &&
        nowMs - ms(e.endTime) <= freshMs &&
        e.includeDeleted === body.include_deleted &&
        sameContainers(e.containers)) ?? null);
}
/**
 * Exports of the planned datastore and asset type that the list shows
 * running now, and that may be followed instead of starting another
 * (`if-running: wait`): queued or running with no end time, not claimed by
 * this run, and doing what ours would. A Qualytics schedule's or flow's
 * export counts too: it writes the same table, and a second one is the
 * pile-up the input exists to prevent. A plan with a container filter
 * never follows one (the list cannot say which containers a running
 * export covers), and neither does one whose `include_deleted` differs.
 * Oldest (lowest id) first: the one that ends soonest. The list only
 * proposes; confirmRunning decides.
 */
function runningExports(history, planned, claimed) {
    const { body } = planned;
    if (body.container_ids !== undefined || body.container_tags !== undefined)
        return [];
    return ofType(history, planned.assetType)
        .filter(e => (e.result === 'running' || e.result === 'queued') &&
        e.endTime === null &&
        !claimed.has(e.id) &&
        (e.includeDeleted === null || e.includeDeleted === body.include_deleted))
        .sort((a, b) => a.id - b.id);
}
/** A running export older than this is stuck (unless its kind runs longer). */
const STUCK_FLOOR_MS = 24 * 3_600_000;
/** ...or older than this many times the longest successful export of its kind. */
const STUCK_FACTOR = 5;
/**
 * How old a running export may be and still be followed: the longest of
 * a day and five times the longest successful export of this asset type
 * in the history.
 */
function stuckAfterMs(history, assetType) {
    const longest = successes(history, assetType).reduce((m, e) => Math.max(m, ms(e.endTime) - ms(e.startTime)), 0);
    return Math.max(STUCK_FLOOR_MS, STUCK_FACTOR * longest);
}
/**
 * The list proposed a running export; its own `GET /api/operations/{id}`
 * decides: it must say queued or running (no end), not contradict the
 * plan, and have started no longer ago than `stuckAfter` on `nowMs` (a
 * start the read does not give, or one in the future, is not stuck).
 */
function judgeRunning(own, planned, nowMs, stuckAfter) {
    const id = own.id;
    const mismatch = identityMismatch(own, planned);
    if (mismatch)
        return { follow: false, why: mismatch };
    if ((0,results/* isTerminal */.Hd)(own))
        return {
            follow: false,
            why: `the list shows export ${id} running, but its own read says it ended (result ${own.resultText})`
        };
    if (own.result !== 'queued' && own.result !== 'running')
        return {
            follow: false,
            why: `export ${id} reports result ${own.resultText}, neither queued nor running`
        };
    const started = ms(own.startTime ?? own.created);
    if (Number.isFinite(started) && nowMs - started > stuckAfter)
        return {
            follow: false,
            stuck: true,
            why: `export ${id} (${planned.assetType} of datastore ${planned.datastoreId}) has been ${own.result} since ${own.startTime ?? own.created}, longer than ${(0,duration/* formatDuration */.a3)(stuckAfter)}: it looks stuck, so it is not followed and this run starts its own`
        };
    return { follow: true, operation: own };
}
/**
 * The first of the listed running exports whose own read confirms it
 * (judgeRunning), or null. A stuck one is a warning; one the own read
 * cannot confirm is a log line. Each candidate costs one read.
 */
async function confirmRunning(candidates, planned, options) {
    for (const listed of candidates.slice(0, MAX_FOLLOW_READS)) {
        let own;
        try {
            own = await options.client.getOperation(listed.id, options.policy);
        }
        catch (error) {
            const why = error instanceof Error ? error.message : String(error);
            options.log(`Export ${listed.id} is listed as running, but its own read failed (${why}); not following it.`);
            continue;
        }
        const verdict = judgeRunning(own, planned, options.nowMs, options.stuckAfter);
        if (verdict.follow)
            return verdict.operation;
        if (verdict.stuck)
            options.warn(`${verdict.why}.`);
        else
            options.log(`Not following: ${verdict.why}.`);
    }
    return null;
}
/** Listed running exports whose own read is tried before triggering. */
const MAX_FOLLOW_READS = 3;
/**
 * The history of each datastore, made from the one read of its exports
 * before the first POST (the trigger's look uses the same read).
 */
class HistoryBook {
    read;
    log;
    #histories = new Map();
    constructor(read, log) {
        this.read = read;
        this.log = log;
    }
    /** The history of a datastore. */
    of(datastoreId) {
        let history = this.#histories.get(datastoreId);
        if (!history) {
            history = this.read(datastoreId).then(list => {
                const h = historyFrom(list, datastoreId);
                if (h.state === 'unknown')
                    this.log(`No export history for datastore ${datastoreId} (${h.reason}); polling as usual.`);
                return h;
            });
            this.#histories.set(datastoreId, history);
        }
        return history;
    }
}
/**
 * Fill the record's `last_success_at` and, on a scheduled run,
 * `missed_runs` (with a note when above 0); return the expectation and the
 * age past which a running export is stuck.
 */
async function learnFromHistory(record, planned, history, options) {
    const last = lastSuccess(history, planned.assetType, options.nowMs);
    record.lastSuccessAt = last?.endTime ?? null;
    if (last && options.schedule) {
        const counted = await countMissedRuns(options.schedule.cron, options.schedule.timezone, last.startMs, options.nowMs);
        record.missedRuns = counted?.missed ?? null;
        if (counted && counted.missed > 0)
            record.notes.push(`${counted.missed} scheduled run${counted.missed === 1 ? '' : 's'} missed since the last good snapshot (${last.endTime})`);
    }
    const durations = recentDurations(history, planned.assetType);
    // The summary's chart: up to ten earlier successes, oldest first.
    record.earlierSeconds = recentDurations(history, planned.assetType, 10)
        .reverse()
        .map(ms => Math.round(ms / 100) / 10);
    return {
        expect: expectationFrom(durations, options.pollIntervalMs),
        stuckAfter: stuckAfterMs(history, planned.assetType)
    };
}
/**
 * Make the record follow an export already running (`if-running: wait`):
 * claimed, adopted, noted. Returns the log line.
 */
function followRunning(record, op, claimed) {
    claimed.add(op.id);
    record.id = op.id;
    record.adopted = true;
    record.notes.push(`followed export ${op.id}, already running in Qualytics (if-running: wait)`);
    return `Following export ${op.id} (${record.assetType} of datastore ${record.datastoreId}), already ${op.result === 'queued' ? 'queued' : 'running'} in Qualytics, instead of starting another (if-running: wait); this run did not start it, so it never aborts it.`;
}
/** When a server-reported export started, on our clock (server minus skew). */
function startedOnOurClock(op, serverSkewMs) {
    const started = readServerTime(op.startTime ?? op.created ?? '');
    return started ? started.ms - serverSkewMs : undefined;
}
/** The listed exports of one datastore in a list answer (the server may ignore the filter). */
function exportsIn(list, datastoreId) {
    return list.items
        .flatMap(op => asListedExport(op) ?? [])
        .filter(e => e.datastoreId === datastoreId);
}

;// CONCATENATED MODULE: ./src/core/run/trigger.ts


/** Pauses before each look for an export an ambiguous POST may have made. */
const LOOK_PAUSES_MS = [0, 1000, 2000];
/**
 * What triggering keeps across the run's exports: the ids the run owns,
 * and the reads of each datastore's exports before its POSTs (the look, below).
 */
class TriggerState {
    /** Ids already owned by this run: never adopted twice. */
    claimed = new Set();
    lookout;
    constructor(ctx) {
        this.lookout = new Lookout(datastoreId => ctx.client.exportsOf(datastoreId, lookPolicy(ctx.clock.now(), ctx.deadline)), () => ctx.clock.now());
    }
}
/**
 * Read every planned datastore's exports, in parallel, before the first
 * POST: the POSTs then leave in plan order, each after its datastore's read.
 */
async function takeLooks(plan, state) {
    await Promise.all(plan.map(p => state.lookout.first(p.datastoreId)));
}
/**
 * Start one export. `POST /api/operations/run` is not idempotent, so it is
 * never simply repeated:
 * - a 2xx with a readable id: this run's export, whatever else it holds;
 * - 4xx other than 429: final, reported as this export's failure;
 * - 429 or a connection that never opened: the server did not act, post again;
 * - a dropped connection, a timeout or a 5xx: the export may exist. Look
 *   for one (see pickOurs) and adopt it; post again only when a readable,
 *   whole list shows none;
 * - a 2xx that cannot be read: "cannot tell". Look, adopt what is found,
 *   and never post again.
 */
async function triggerExport(planned, ctx, state) {
    const policy = triggerPolicy(ctx.deadline);
    const what = `${planned.assetType} of datastore ${planned.datastoreId}`;
    let last = '';
    for (let attempt = 1; attempt <= policy.maxAttempts; attempt++) {
        // Before each POST: what is listed now is never this POST's doing.
        const look = await state.lookout.look(planned.datastoreId);
        if (ctx.signal?.aborted)
            return { ok: false, stopped: true, message: last };
        const outcome = await ctx.client.runExport(planned.body);
        if (outcome.kind === 'created') {
            if (state.claimed.has(outcome.operation.id)) {
                return {
                    ok: false,
                    message: `Qualytics returned operation ${outcome.operation.id} for ${what}, which this run already tracks`
                };
            }
            state.claimed.add(outcome.operation.id);
            return { ok: true, operation: outcome.operation };
        }
        last = outcome.error.message;
        // Cancelled while the POST was open: the run names it as may-have-started.
        if (ctx.signal?.aborted && outcome.kind !== 'rejected')
            return {
                ok: false,
                stopped: true,
                uncertain: outcome.kind !== 'not-sent',
                message: last
            };
        if (outcome.kind === 'rejected')
            return { ok: false, message: `Could not start the export: ${last}` };
        if (outcome.kind === 'ambiguous' || outcome.kind === 'unreadable') {
            const found = await findOurExport(planned, look, ctx, state, policy);
            if ('found' in found && found.found) {
                state.claimed.add(found.found.id);
                ctx.hooks.log?.(`Adopted export ${found.found.id} (${what}) that Qualytics created for the uncertain request: ${last}`);
                return { ok: true, operation: found.found };
            }
            if ('cannotTell' in found || outcome.kind === 'unreadable') {
                const why = 'cannotTell' in found
                    ? found.cannotTell
                    : 'no export of it is listed yet';
                return {
                    ok: false,
                    message: `The export may or may not have started (${last}), and Qualytics cannot tell (${why}); it was not sent again, to avoid a duplicate. Check Activity in Qualytics.`
                };
            }
            ctx.hooks.log?.(`No export of ${what} was created by the failed request (${last}); sending it again.`);
        }
        else if (!outcome.error.retryable) {
            return { ok: false, message: `Could not start the export: ${last}` };
        }
        else
            ctx.hooks.log?.(`Export of ${what} not accepted yet (${last}); sending it again.`);
        const delay = backoffDelay(attempt, policy, ctx.random, outcome.error.retryAfterMs);
        // Cancelled, or out of time: not this export's failure. The run
        // reports it as never started (cancelled or timeout).
        if (ctx.signal?.aborted || ctx.clock.now() + delay >= ctx.deadline) {
            return { ok: false, stopped: true, message: last };
        }
        await ctx.clock.sleep(delay, ctx.signal);
        if (ctx.signal?.aborted) {
            return { ok: false, stopped: true, message: last };
        }
    }
    return {
        ok: false,
        message: `Could not start the export after retries: ${last}`
    };
}
/**
 * Look for the export an uncertain POST may have made. Three looks over
 * about three seconds: the list may lag the create, and a backend behind a
 * gateway that timed out may still be at work. "Cannot tell" ends the
 * search. The list only proposes: the export's own read decides (it must
 * exist and not contradict the plan) before it is adopted.
 */
async function findOurExport(planned, look, ctx, state, policy) {
    let search = { found: null };
    for (const pause of LOOK_PAUSES_MS) {
        if (pause > 0)
            await ctx.clock.sleep(pause, ctx.signal);
        if (ctx.signal?.aborted)
            return { cannotTell: 'the run was cancelled' };
        const sentAt = ctx.clock.now();
        // Looking is safe to repeat: the read retries on its own, unlike the POST.
        const list = await ctx.client.exportsOf(planned.datastoreId, policy);
        search = pickOurs(list, planned, look, state.claimed);
        if ('found' in search && search.found)
            return confirmOurs(search.found, planned, ctx, policy);
        if (!('found' in search))
            return search;
        // Nothing of ours on it: the next POST's look starts from this read.
        state.lookout.saw(planned.datastoreId, list, sentAt);
    }
    return search;
}
/** The export's own read settles what the list proposed. */
async function confirmOurs(listed, planned, ctx, policy) {
    let own;
    try {
        own = await ctx.client.getOperation(listed.id, policy);
    }
    catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        return {
            cannotTell: `the list shows export ${listed.id}, but its own read failed: ${why}`
        };
    }
    const mismatch = identityMismatch(own, planned);
    if (mismatch)
        return {
            cannotTell: `the list shows export ${listed.id}, but its own read disagrees: ${mismatch}`
        };
    return { found: own };
}
/** A full page that is not in the server's newest-first order cannot be trusted. */
const UNORDERED = 'the list of operations is neither complete nor in newest-first order';
/** Whether a page lists ids strictly descending, as newest first implies. */
function descending(items) {
    return items.every((op, i) => i === 0 || op.id < items[i - 1].id);
}
function isFull(list) {
    return list.items.length + list.unreadable >= list.size;
}
/**
 * The look one list read makes, joined with the ids earlier reads of the
 * datastore showed (`seen`). A full page must be in the server's order
 * (ids descending); a page that is not full lists every operation.
 */
function lookFrom(list, seen = new Set()) {
    if (list.kind === 'missing')
        return { usable: false, reason: 'Qualytics cannot list operations' };
    if (list.kind === 'cannot-tell')
        return { usable: false, reason: list.reason };
    const whole = !isFull(list);
    if (!whole && !descending(list.items))
        return { usable: false, reason: UNORDERED };
    const ids = new Set(seen);
    for (const op of list.items)
        ids.add(op.id);
    const top = list.items.reduce((m, op) => Math.max(m, op.id), 0);
    return { usable: true, ids, whole, topId: top > 0 ? top : null };
}
/**
 * Pick this run's export from a list read after an uncertain POST: an
 * export of the planned datastore and asset type (every item checked),
 * not claimed, not started by a Qualytics schedule or flow, and not
 * listed before the POST. When the look was a full page, only an id above
 * its highest counts (the server's order says it came later). The lowest
 * such id first: that is the one the POST made. Without a usable look,
 * nothing is ours and nothing may be posted again: "cannot tell".
 */
function pickOurs(list, planned, look, claimed) {
    if (list.kind === 'missing')
        return { cannotTell: 'Qualytics cannot list operations' };
    if (list.kind === 'cannot-tell')
        return { cannotTell: list.reason };
    if (!look.usable)
        return { cannotTell: look.reason };
    // A full page out of order may hide the lowest new id anywhere.
    if (isFull(list) && !descending(list.items))
        return { cannotTell: UNORDERED };
    const candidates = list.items.filter(op => isExportOf(op, planned) &&
        !op.startedByQualytics &&
        !claimed.has(op.id) &&
        !look.ids.has(op.id) &&
        (look.whole || look.topId === null || op.id > look.topId));
    const lowest = candidates.sort((a, b) => a.id - b.id)[0];
    if (lowest)
        return { found: lowest };
    if (list.unreadable > 0)
        return {
            cannotTell: `${list.unreadable} listed operation(s) could not be read`
        };
    if (!isFull(list))
        return { found: null };
    // A full page (in order) tells only when it reaches back to what was
    // listed before: then anything newer, ours included, is on it.
    const reachesBack = list.items.some(op => look.ids.has(op.id));
    return reachesBack
        ? { found: null }
        : { cannotTell: 'the list of operations is longer than one page' };
}
/**
 * The reads of a datastore's exports before its POSTs. The first (also
 * the history) is read once; before each later POST the list is read
 * again unless a read of it was sent within FRESH_READ_MS, so an export
 * another run started meanwhile is seen (`if-running`) and the look is
 * current. A read that could not be read serves nothing: the next POST
 * reads again. Every id any read showed joins the look.
 */
/** A read of the list serves the POSTs sent within this long after it. */
const FRESH_READ_MS = 5000;
/** The reads of each datastore's exports, and the ids they showed. */
class Lookout {
    read;
    now;
    #first = new Map();
    #latest = new Map();
    #seen = new Map();
    constructor(read, now) {
        this.read = read;
        this.now = now;
    }
    /** The first read of the datastore's exports (the history): once. */
    first(datastoreId) {
        let read = this.#first.get(datastoreId);
        if (!read) {
            read = this.#start(datastoreId);
            this.#first.set(datastoreId, read);
        }
        return read.list;
    }
    /** A read sent within FRESH_READ_MS that did not fail, or a new one. */
    fresh(datastoreId) {
        const latest = this.#latest.get(datastoreId);
        if (latest && !latest.failed && this.now() - latest.sentAt <= FRESH_READ_MS)
            return latest.list;
        return this.#start(datastoreId).list;
    }
    /**
     * A read made elsewhere (the search after an uncertain POST, sent at
     * `sentAt`) joins the look and serves the next POST like a fresh read.
     */
    saw(datastoreId, list, sentAt) {
        this.#note(datastoreId, list);
        this.#latest.set(datastoreId, { sentAt, list: Promise.resolve(list) });
    }
    /** Something changed (an export of it ended): the next POST reads again. */
    forget(datastoreId) {
        this.#latest.delete(datastoreId);
    }
    /** The look before a POST: the fresh read, plus every id seen before. */
    async look(datastoreId) {
        const list = await this.fresh(datastoreId);
        return lookFrom(list, this.#seen.get(datastoreId));
    }
    #start(datastoreId) {
        const read = {
            sentAt: this.now(),
            list: this.read(datastoreId).then(list => {
                read.failed = list.kind === 'cannot-tell';
                this.#note(datastoreId, list);
                return list;
            })
        };
        this.#latest.set(datastoreId, read);
        return read;
    }
    #note(datastoreId, list) {
        if (list.kind !== 'listed')
            return;
        let seen = this.#seen.get(datastoreId);
        if (!seen)
            this.#seen.set(datastoreId, (seen = new Set()));
        for (const op of list.items)
            seen.add(op.id);
    }
}

;// CONCATENATED MODULE: ./src/core/run/runner.ts









/** A follower's margin, past the starter's pause, for its read and POST. */
const FOLLOWER_GRACE_MS = 2000;
/**
 * Trigger every planned export (at most `max-parallel` running at once) and
 * watch them all from one loop until each has ended, the timeout passes
 * (the context's deadline) or the run is cancelled. Knows nothing of
 * GitHub: adapters listen on hooks. `schedule` is the cron that started
 * this run (`on.schedule`), for missed runs.
 */
function runExports(config, plan, ctx, schedule = null, retryPauseMs = RETRY_PAUSE_MS) {
    return new ExportRun(config, plan, ctx, schedule, retryPauseMs).execute();
}
/** `retry-failed` waits at least this long before triggering again (the contract's 30 s). */
const RETRY_PAUSE_MS = 30_000;
class ExportRun {
    config;
    plan;
    ctx;
    schedule;
    retryPauseMs;
    #records;
    #queue;
    #watch;
    #starting = new Set();
    /** Plan indices whose trigger is on the wire, or was when cancelled. */
    #startingIndices = new Set();
    #uncertain = new Set();
    /** Set once the run stops: late answers no longer change the records. */
    #stopped = false;
    #counting = [];
    #start;
    #deadline;
    #triggers;
    #hooks;
    #sleeper;
    #history;
    /** Per datastore: no POST before this (a followed export just ended). */
    #holdUntil = new Map();
    /** `retry-failed`: plan index to the time its next attempt is due. */
    #retryAt = new Map();
    /** Failed rows already judged for a retry (retried, or no room left). */
    #judged = new Set();
    constructor(config, plan, ctx, schedule, retryPauseMs) {
        this.config = config;
        this.plan = plan;
        this.ctx = ctx;
        this.schedule = schedule;
        this.retryPauseMs = retryPauseMs;
        this.#records = plan.map(p => newRecord(p));
        this.#queue = plan.map((_, index) => index);
        this.#start = ctx.clock.now();
        this.#deadline = ctx.deadline;
        this.#hooks = ctx.hooks;
        this.#sleeper = new LoopSleeper(ctx.clock, ctx.signal);
        this.#triggers = new TriggerState(ctx);
        this.#watch = new StatusWatch(ctx, config.pollIntervalMs, {
            onSettled: () => this.#sleeper.wake(),
            onGaveUp: record => this.#abandon(record),
            onEnded: (record, pauseMs) => {
                // A read from before this end cannot speak for after it.
                this.#triggers.lookout.forget(record.datastoreId);
                // Whoever started it sees the end within pauseMs and posts next.
                if (record.adopted)
                    this.#holdUntil.set(record.datastoreId, ctx.clock.now() + pauseMs + FOLLOWER_GRACE_MS);
            }
        });
        this.#history = new HistoryBook(id => this.#triggers.lookout.first(id), m => this.#hooks.log?.(m));
    }
    async execute() {
        const { clock, signal } = this.ctx;
        await takeLooks(this.plan, this.#triggers);
        if (!this.config.wait) {
            // Everything is triggered; max-parallel only bounds what is waited on.
            while (this.#queue.length > 0 && !signal?.aborted) {
                await Promise.all(this.#queue
                    .splice(0, this.config.maxParallel)
                    .map(i => this.#trigger(i)));
            }
            if (signal?.aborted)
                return this.#stop('cancelled');
            const waited = (0,duration/* formatDuration */.a3)(clock.now() - this.#start);
            for (const record of this.#records) {
                // Out of time before it could start (the only other way to stop).
                if (record.id === null && record.result === 'running')
                    markNotStarted(record, 'timeout', waited);
            }
            return this.#finish('not-waited');
        }
        for (;;) {
            if (signal?.aborted)
                return this.#stop('cancelled');
            while (this.#queue.length > 0 &&
                this.#watch.size + this.#starting.size < this.config.maxParallel &&
                clock.now() < this.#deadline) {
                this.#launch(this.#queue.shift());
            }
            this.#retryFailed(clock.now());
            if (this.#watch.size +
                this.#starting.size +
                this.#queue.length +
                this.#retryAt.size ===
                0)
                return this.#finish('finished');
            if (clock.now() >= this.#deadline)
                return this.#stop('timeout');
            this.#watch.checkDue(clock.now());
            await this.#sleeper.until(Math.min(this.#deadline, this.#watch.nextDueAt(), ...this.#retryAt.values()));
        }
    }
    /**
     * `retry-failed`: an export that ran and ended `failure` in Qualytics is
     * triggered again after the pause, while tries and time remain. Not a
     * trigger Qualytics refused (no id), nor an aborted, timed-out or
     * cancelled export (other results). Each attempt's id is kept.
     */
    #retryFailed(now) {
        const limit = this.config.retryFailed;
        if (limit === 0)
            return;
        this.#records.forEach((record, index) => {
            if (record.result !== 'failure' || record.id === null)
                return;
            if (this.#retryAt.has(index) || this.#startingIndices.has(index))
                return;
            const key = `${index}:${record.id}`;
            if (this.#judged.has(key) || record.retriedIds.length >= limit)
                return;
            this.#judged.add(key);
            if (now + this.retryPauseMs >= this.#deadline) {
                record.notes.push(`not retried: the timeout leaves no room for another attempt after a ${(0,duration/* formatDuration */.a3)(this.retryPauseMs)} pause`);
                return;
            }
            this.#retryAt.set(index, now + this.retryPauseMs);
            this.#hooks.log?.(`Export ${record.id} (${record.assetType} of datastore ${record.datastoreId}) failed in Qualytics; triggering it again in ${(0,duration/* formatDuration */.a3)(this.retryPauseMs)} (retry-failed: ${limit}).`);
        });
        for (const [index, at] of this.#retryAt) {
            const record = this.#records[index];
            if (at > now || !record)
                continue;
            if (this.#watch.size + this.#starting.size >= this.config.maxParallel)
                break;
            this.#retryAt.delete(index);
            const previous = record.result;
            markRetried(record);
            this.#hooks.changed?.(record, previous);
            this.#launch(index);
        }
    }
    /** A trigger runs beside the loop, which wakes when it settles. */
    #launch(index) {
        this.#startingIndices.add(index);
        const task = this.#trigger(index).finally(() => {
            this.#starting.delete(task);
            this.#startingIndices.delete(index);
            this.#sleeper.wake();
        });
        this.#starting.add(task);
    }
    async #trigger(index) {
        const planned = this.plan[index];
        const record = this.#records[index];
        if (!planned || !record)
            return;
        // One history read per datastore: expected end, missed runs. Counted
        // on the runner's clock: a gateway's Date header may be cached or off.
        const history = await this.#history.of(planned.datastoreId);
        const learned = await learnFromHistory(record, planned, history, {
            nowMs: this.ctx.clock.now(),
            pollIntervalMs: this.config.pollIntervalMs,
            schedule: this.schedule
        });
        if (this.#stopped || this.ctx.signal?.aborted)
            return;
        const fresh = this.config.skipIfFreshMs === null || record.retriedIds.length > 0
            ? null
            : freshExport(history, planned, this.config.skipIfFreshMs, this.ctx.clock.now() + this.ctx.client.serverSkewMs);
        if (fresh) {
            // Reported, not triggered: no POST, no count, no status read.
            markReused(record, fresh, (0,duration/* formatDuration */.a3)(this.config.skipIfFreshMs ?? 0));
            this.#hooks.log?.(`Reusing export ${fresh.id} (${record.assetType} of datastore ${record.datastoreId}), which succeeded at ${fresh.endTime ?? '?'}, within skip-if-fresh; not triggering another.`);
            this.#hooks.changed?.(record, 'pending');
            this.#hooks.triggered?.(this.#records);
            return;
        }
        await this.#holdForStarter(planned.datastoreId);
        if (this.#stopped || this.ctx.signal?.aborted)
            return;
        const running = this.config.ifRunning === 'wait'
            ? await this.#runningNow(planned, learned.stuckAfter)
            : null;
        if (this.#stopped || this.ctx.signal?.aborted)
            return;
        if (running) {
            this.#hooks.log?.(followRunning(record, running, this.#triggers.claimed));
            this.#count(planned, record);
            if (this.config.wait)
                this.#watch.watch(record, running, {
                    expect: learned.expect,
                    startedAt: startedOnOurClock(running, this.ctx.client.serverSkewMs)
                });
            else
                applyFields(record, running);
            this.#hooks.changed?.(record, 'pending');
            this.#hooks.triggered?.(this.#records);
            return;
        }
        record.attempts += 1;
        const outcome = await triggerExport(planned, this.ctx, this.#triggers);
        // Too late: the run has stopped and reported this export as not started.
        if (this.#stopped)
            return;
        if (!outcome.ok && outcome.stopped) {
            // Cancelled: #stop marks it. Out of time (the next attempt would
            // pass the deadline): it never started, and that is the timeout's doing.
            if (this.ctx.signal?.aborted) {
                if (outcome.uncertain)
                    this.#uncertain.add(index);
                return;
            }
            record.result = 'timeout';
            record.notes.push(`not started: the next attempt would pass the timeout; last answer: ${outcome.message}`);
            this.#hooks.changed?.(record, 'pending');
            return;
        }
        if (!outcome.ok) {
            record.result = 'failure';
            record.notes.push(outcome.message);
        }
        else {
            record.id = outcome.operation.id;
            this.#count(planned, record);
            if (this.config.wait)
                this.#watch.watch(record, outcome.operation, { expect: learned.expect });
            else if (outcome.operation.result === 'queued') {
                // Not waited for: the row and the summary still say where it stands.
                record.queued = true;
                this.#hooks.log?.(`Export ${record.id} is queued in Qualytics, waiting for a worker (wait: false, so the action does not follow it).`);
            }
        }
        this.#hooks.changed?.(record, 'pending');
        this.#hooks.triggered?.(this.#records);
    }
    /**
     * After following another run's export of this datastore, let that run
     * post its next export first: it sees the end within one pause of ours,
     * and the read before our POST then finds its export to follow instead
     * of starting a duplicate at the same moment.
     */
    async #holdForStarter(datastoreId) {
        const until = this.#holdUntil.get(datastoreId);
        if (until === undefined || this.config.ifRunning !== 'wait')
            return;
        const { clock, signal } = this.ctx;
        const wait = Math.min(until, this.#deadline) - clock.now();
        if (wait > 0)
            await clock.sleep(wait, signal);
    }
    /**
     * An export of this kind running now that `if-running: wait` follows:
     * the datastore's exports are read again before each POST (one read
     * serves the POSTs within FRESH_READ_MS), and the list's candidates are
     * settled by their own reads.
     */
    async #runningNow(planned, stuckAfter) {
        const { claimed, lookout } = this.#triggers;
        const list = await lookout.fresh(planned.datastoreId);
        const candidates = runningExports(historyFrom(list, planned.datastoreId), planned, claimed);
        if (candidates.length === 0)
            return null;
        const op = await confirmRunning(candidates, planned, {
            client: this.ctx.client,
            policy: readPolicy(3, this.#deadline),
            nowMs: this.ctx.clock.now(),
            stuckAfter,
            log: m => this.#hooks.log?.(m),
            warn: m => this.#hooks.warn?.(m)
        });
        // Another export of the run may have claimed it during the reads.
        return op !== null && !claimed.has(op.id) ? op : null;
    }
    /** How many anomalies or checks Qualytics holds now: best effort, off the critical path. */
    #count(planned, record) {
        const count = startCount(this.ctx, this.config, planned, record);
        if (count)
            this.#counting.push(count);
    }
    /** The watch gave up on an export: abort it or name it (stopping.ts). */
    #abandon(record) {
        const { client } = this.ctx;
        const done = abandonExport(client, record, this.config.abortOnTimeout);
        if (done)
            this.#counting.push(done);
    }
    /** Timeout or cancel: settle triggers on the wire, abort what still runs, mark the rest. */
    async #stop(result) {
        const { clock, client } = this.ctx;
        const grace = result === 'cancelled'
            ? CANCEL_TRIGGER_GRACE_MS
            : Math.max(0, this.#deadline - clock.now()) + 5000;
        // Triggers on the wire may still bring ids worth aborting; status reads
        // on the wire are moot (release() makes their late answers void).
        await settleWithin(clock, grace, Promise.all(this.#starting));
        if (result === 'timeout') {
            // One last look: an export that ended during the final pause is no timeout.
            await settleWithin(clock, STOPPING_READS_BUDGET_MS, this.#watch.lastLook());
        }
        this.#stopped = true;
        const abort = result === 'timeout'
            ? this.config.abortOnTimeout
            : this.config.abortOnCancel;
        const running = [
            ...this.#watch.release(),
            // With wait: false nothing is watched; a cancel still stops what this run started.
            ...(this.config.wait
                ? []
                : this.#records.filter(r => r.id !== null && r.result === 'running'))
        ];
        const budget = result === 'timeout' ? TIMEOUT_ABORT_BUDGET_MS : CANCEL_ABORT_BUDGET_MS;
        // An export this run did not start (followed) is never aborted.
        const started = running.filter(r => !r.adopted).map(r => r.id);
        const outcomes = abort
            ? await abortOperations(client, started, budget)
            : new Map();
        const waited = (0,duration/* formatDuration */.a3)(clock.now() - this.#start);
        for (const record of running) {
            const previous = record.result;
            markStopped(record, result, waited, abort, outcomes.get(record.id));
            this.#hooks.changed?.(record, previous);
        }
        this.#queue.length = 0;
        this.#records.forEach((record, index) => {
            if (record.id !== null || record.result !== 'running')
                return;
            if (this.#startingIndices.has(index) || this.#uncertain.has(index))
                markUnknown(record, result, waited);
            else
                markNotStarted(record, result, waited);
        });
        return this.#finish(result);
    }
    async #finish(ended) {
        const stopping = ended === 'timeout' || ended === 'cancelled';
        // Counts are a nicety: a stopping run (SIGKILL follows SIGINT within
        // seconds) does not wait long for them; one that lost the race stays null.
        const counted = Promise.all(this.#counting);
        if (stopping)
            await settleWithin(this.ctx.clock, ended === 'cancelled'
                ? CANCEL_READS_BUDGET_MS
                : STOPPING_READS_BUDGET_MS, counted);
        else
            await counted;
        flagEmptyExports(this.#records);
        return {
            records: this.#records,
            result: (0,results/* overallResult */.ZH)(this.#records),
            ended,
            elapsedMs: this.ctx.clock.now() - this.#start
        };
    }
}

;// CONCATENATED MODULE: ./src/core/run/context.ts
/** The context of a run that starts now and may take `timeoutMs`. */
function runContext(parts) {
    return {
        client: parts.client,
        clock: parts.clock,
        deadline: parts.clock.now() + parts.timeoutMs,
        signal: parts.signal,
        hooks: safeHooks(parts.hooks ?? {}),
        random: parts.random ?? Math.random
    };
}
/**
 * Hooks that cannot break the run: a hook that throws (an output file that
 * cannot be written) would otherwise reject a promise nobody awaits and
 * crash the process with exports left running.
 */
function safeHooks(hooks) {
    const guard = (fn) => (...args) => {
        try {
            fn?.(...args);
        }
        catch {
            // The run goes on; the adapter reports at the end.
        }
    };
    return {
        triggered: guard(hooks.triggered?.bind(hooks)),
        changed: guard(hooks.changed?.bind(hooks)),
        log: guard(hooks.log?.bind(hooks)),
        warn: guard(hooks.warn?.bind(hooks))
    };
}

// EXTERNAL MODULE: ./src/core/version.ts
var version = __webpack_require__(3323);
;// CONCATENATED MODULE: ./src/core/config/token.ts

/** What to do about a token that is rejected, expired or about to expire. */
const TOKEN_HINT = 'Create a service token in Qualytics (Settings > Tokens; a service account with the Editor role is recommended for automation) and update the QUALYTICS_TOKEN secret.';
/** Tokens that expire sooner than this get a warning on every run. */
const EXPIRY_WARNING_MS = 14 * 24 * 3_600_000;
/**
 * Read a JWT's `exp` locally. Qualytics tokens are JWTs; "Never" tokens have
 * no `exp`. Anything that does not decode is used as it is: the server has
 * the last word, and a non-JWT token may be perfectly valid.
 */
function readTokenExpiry(token, nowMs) {
    const parts = token.split('.');
    if (parts.length !== 3 || !parts[1])
        return { state: 'unknown' };
    let claims;
    try {
        claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    }
    catch {
        return { state: 'unknown' };
    }
    const exp = claims?.exp;
    if (typeof exp !== 'number' || !Number.isFinite(exp))
        return { state: 'unknown' };
    const expiresAt = new Date(exp * 1000);
    if (Number.isNaN(expiresAt.getTime()))
        return { state: 'unknown' };
    if (expiresAt.getTime() <= nowMs)
        return { state: 'expired', expiresAt };
    if (expiresAt.getTime() - nowMs <= EXPIRY_WARNING_MS) {
        return { state: 'expiring', expiresAt };
    }
    return { state: 'valid', expiresAt };
}
/**
 * The check both front ends make before any request: an expired JWT throws
 * PreflightError (nothing is sent); one about to expire returns a warning
 * with the date, so a schedule does not break silently one morning.
 */
function checkTokenExpiry(token, nowMs) {
    const expiry = readTokenExpiry(token, nowMs);
    if (expiry.state === 'expired') {
        throw new errors/* PreflightError */.wG(`The Qualytics token expired on ${expiry.expiresAt.toISOString()}; nothing was sent.`, TOKEN_HINT);
    }
    if (expiry.state === 'expiring') {
        return `The Qualytics token expires on ${expiry.expiresAt.toISOString().slice(0, 10)}; scheduled exports will fail from then on. ${TOKEN_HINT}`;
    }
    return null;
}

;// CONCATENATED MODULE: ./src/core/run/job.ts












/**
 * The one core both front ends share: check the token and datastores, then
 * (unless dry-run) trigger and watch every planned export. Throws
 * PreflightError or ApiError when nothing could be started.
 */
async function runExportJob(config, deps) {
    const client = new QualyticsClient({
        apiBase: config.apiBase,
        token: config.token,
        userAgent: version/* USER_AGENT */._,
        redact: deps.redact,
        clock: deps.clock,
        signal: deps.signal,
        onRetry: deps.onRetry,
        random: deps.random,
        maxRequestRate: config.maxRequestRate,
        requestTimeoutMs: requestTimeoutMs(process.env.QUALYTICS_TIMEOUT)
    });
    try {
        const now = () => deps.clock.now();
        const report = await untilCancelled(config.datastoreTags.length > 0
            ? preflightByTags(client, config.datastoreTags, now, m => deps.warn?.(m), m => deps.hooks?.log?.(m))
            : preflight(client, config.datastores, now), deps.signal);
        // Tag-selected datastores are known only now, in ascending id order.
        const plan = (0,config_config/* buildPlan */.G)(report === null || config.datastoreTags.length === 0
            ? config
            : { ...config, datastores: report.datastores.map(d => d.id) });
        if (report === null) {
            // Cancelled before anything started: nothing to abort, nothing to wait for.
            const records = plan.map(p => newRecord(p));
            records.forEach(r => markNotStarted(r, 'cancelled', ''));
            const preflightReport = {
                user: { name: null, role: null },
                datastores: []
            };
            return {
                records,
                result: 'cancelled',
                ended: 'cancelled',
                elapsedMs: 0,
                preflight: preflightReport,
                datastoreNames: new Map(),
                requests: client.stats.requests,
                retries: client.stats.retries,
                plan
            };
        }
        deps.onPreflight?.(report);
        // GitHub shows a step's first ten warnings: a bad fleet gets a few and a count.
        for (const warning of collisionWarnings(prefixCollisions(report.datastores)))
            deps.warn?.(warning, 'Export tables shared');
        const datastoreNames = new Map(report.datastores.map(d => [d.id, d.name]));
        let outcome;
        if (config.dryRun) {
            const records = plan.map(p => newRecord(p, 'dry-run'));
            outcome = { records, result: 'dry-run', ended: 'finished', elapsedMs: 0 };
        }
        else {
            const ctx = runContext({
                client,
                clock: deps.clock,
                timeoutMs: config.timeoutMs,
                signal: deps.signal,
                hooks: deps.hooks,
                random: deps.random
            });
            outcome = await runExports(config, plan, ctx, deps.schedule ?? null, retryPauseMs(process.env.QUALYTICS_RETRY_PAUSE_MS));
            // Only a run that saw every export end is verified: after a timeout
            // or a cancel there is no time left to look.
            if (config.verify && outcome.ended === 'finished') {
                await verifyWithin(outcome.records, report.datastores, ctx);
                outcome = { ...outcome, result: (0,results/* overallResult */.ZH)(outcome.records) };
            }
        }
        return {
            ...outcome,
            preflight: report,
            datastoreNames,
            requests: client.stats.requests,
            retries: client.stats.retries,
            plan
        };
    }
    finally {
        client.dispose();
    }
}
/**
 * The pause before a `retry-failed` attempt: 30 s, or
 * `QUALYTICS_RETRY_PAUSE_MS` when it is a number of at least 100 ms (tests
 * and demos only; the contract's pause is at least 30 s).
 */
function retryPauseMs(env) {
    const ms = Number(env);
    return env && Number.isFinite(ms) && ms >= 100 ? ms : RETRY_PAUSE_MS;
}
/** Per-request timeout: QUALYTICS_TIMEOUT seconds (as the vendor CLI reads it), else 30 s. */
function requestTimeoutMs(env) {
    const seconds = Number(env);
    return env && Number.isFinite(seconds) && seconds > 0
        ? Math.min(seconds, 600) * 1000
        : 30_000;
}
/**
 * Settle with the promise's value, or null as soon as the signal aborts: a
 * preflight read may hang for its whole request timeout, longer than a
 * cancelled job lives.
 */
async function untilCancelled(promise, signal) {
    if (!signal)
        return promise;
    if (signal.aborted)
        return null;
    let onAbort = () => undefined;
    const aborted = new Promise(resolve => {
        onAbort = () => resolve(null);
        signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
        return await Promise.race([promise, aborted]);
    }
    catch (error) {
        if (signal.aborted)
            return null;
        throw error;
    }
    finally {
        signal.removeEventListener('abort', onAbort);
    }
}
/*
 * Preflight: the token, then each datastore (or the tag selection), read
 * before anything is triggered, so a bad input fails the job with nothing
 * started.
 */
/**
 * Check the token and every datastore before anything is triggered: one
 * datastore without an enrichment link means nothing is exported, so a
 * half-done snapshot never passes for a whole one.
 */
async function preflight(client, datastoreIds, now) {
    let user;
    try {
        user = await checkToken(client, now);
    }
    catch (error) {
        throw withChecks(error, datastoreIds, []);
    }
    // Every datastore is read to the end, so a failure can say which passed.
    const settled = await Promise.allSettled(datastoreIds.map(id => client.getDatastore(id, preflightPolicy(now()))));
    const failedAt = settled.findIndex(s => s.status === 'rejected');
    if (failedAt >= 0) {
        const reason = settled[failedAt].reason;
        throw withChecks(explainDatastoreError(datastoreIds[failedAt], reason), datastoreIds, settled);
    }
    const datastores = settled.map(s => s.value);
    const unlinked = datastores.filter(d => d.enrichment === null);
    if (unlinked.length > 0) {
        const names = unlinked.map(d => `${d.id} (${d.name})`).join(', ');
        throw withChecks(new errors/* PreflightError */.wG(`Datastore ${names} has no enrichment datastore linked, so there is nowhere to export to. Nothing was exported.`, "Link an enrichment datastore in Qualytics (the datastore's Enrichment settings, or PATCH /api/datastores/{id}/enrichment/{enrichment_id}), then run again."), datastoreIds, settled);
    }
    return { user, datastores };
}
/** Attach what each datastore's check found to a PreflightError. */
function withChecks(error, ids, settled) {
    if (!(error instanceof errors/* PreflightError */.wG))
        return error;
    error.checked = ids.map((id, i) => {
        const s = settled[i];
        if (!s)
            return { id, name: null, enrichment: null, outcome: 'unchecked' };
        if (s.status === 'rejected')
            return { id, name: null, enrichment: null, outcome: 'failed' };
        const { name, enrichment } = s.value;
        return enrichment === null
            ? { id, name, enrichment: null, outcome: 'unlinked' }
            : { id, name, enrichment: enrichment.name, outcome: 'passed' };
    });
    return error;
}
/** GET /api/users/me, with a PreflightError that says what to do on 401 or 403. */
async function checkToken(client, now) {
    try {
        return await client.me(preflightPolicy(now()));
    }
    catch (error) {
        throw explainTokenError(error);
    }
}
function explainTokenError(error) {
    if (error instanceof errors/* ApiError */.hD && error.status === 401) {
        return new errors/* PreflightError */.wG(`The Qualytics token was rejected or has expired (${error.message}).`, TOKEN_HINT);
    }
    if (error instanceof errors/* ApiError */.hD && error.status === 403) {
        return new errors/* PreflightError */.wG(`The Qualytics token works but lacks permission to read the current user (${error.message}).`, "Use a token of a user with at least the Member role; exporting needs Editor permission on the datastore's team.");
    }
    return error instanceof Error ? error : new Error(String(error));
}
/** Why a datastore read in preflight failed, as the user can act on it. */
function explainDatastoreError(id, error) {
    if (error instanceof errors/* ApiError */.hD && error.status === 404) {
        return new errors/* PreflightError */.wG(`Datastore ${id} was not found in Qualytics (${error.message}).`, "Check the `datastore` input: use the numeric id shown in the datastore's URL in Qualytics.");
    }
    if (error instanceof errors/* ApiError */.hD && error.status === 403) {
        return new errors/* PreflightError */.wG(`The token may not read datastore ${id} (${error.message}).`, "Give the token's user Editor permission on the team that owns the datastore.");
    }
    return error instanceof Error ? error : new Error(String(error));
}
/**
 * Sort the list by the tags (names compared case-insensitively, any one
 * tag suffices), in ascending id order. Pure: the list is filtered here
 * whatever the server did with a filter.
 */
function chooseByTags(listed, tags) {
    const wanted = new Set(tags.map(foldTag));
    const choice = {
        linked: [],
        unlinked: [],
        enrichmentOnly: [],
        unknown: []
    };
    const carrying = listed
        .filter(d => d.tags.some(t => wanted.has(foldTag(t))))
        .sort((a, b) => a.id - b.id);
    for (const d of carrying) {
        if (d.enrichmentOnly)
            choice.enrichmentOnly.push(d);
        else if (d.enrichment === undefined)
            choice.unknown.push(d);
        else if (d.enrichment === null)
            choice.unlinked.push(d);
        else
            choice.linked.push(d);
    }
    return choice;
}
/** Tag names compare case-insensitively (and without surrounding space). */
function foldTag(tag) {
    return tag.trim().toLocaleLowerCase('en-US');
}
/** `42 (Sales), 43 (Marketing)`, at most `limit` named. */
function nameList(datastores, limit = 20) {
    const named = datastores
        .slice(0, limit)
        .map(d => `${d.id} (${d.name})`)
        .join(', ');
    const more = datastores.length - limit;
    return more > 0 ? `${named} and ${more} more` : named;
}
/**
 * Preflight for `datastore-tags`: the token, then every page of the list,
 * then the selection. Throws PreflightError when the list cannot be read
 * whole, when no datastore carries a tag, or when none of those is linked.
 * `warn` hears of skipped datastores (a `::warning::` in the action).
 */
async function preflightByTags(client, tags, now, warn, log = () => undefined) {
    const user = await checkToken(client, now);
    let listed;
    try {
        listed = await client.listDatastores(() => preflightPolicy(now()));
    }
    catch (error) {
        throw explainListError(error);
    }
    const choice = chooseByTags(listed, tags);
    // A list item without `enrich_datastore` cannot tell; the detail can.
    const details = await Promise.all(choice.unknown.map(async (d) => {
        try {
            return await client.getDatastore(d.id, preflightPolicy(now()));
        }
        catch (error) {
            throw explainDatastoreError(d.id, error);
        }
    }));
    const linked = [
        ...choice.linked.map(toInfo),
        ...details.filter(d => d.enrichment !== null)
    ].sort((a, b) => a.id - b.id);
    const unlinked = [
        ...choice.unlinked,
        ...details.filter(d => d.enrichment === null)
    ].sort((a, b) => a.id - b.id);
    const shown = tags.join(', ');
    if (choice.enrichmentOnly.length > 0)
        log(`Not exported: ${nameList(choice.enrichmentOnly)} carry the tags but are enrichment datastores.`);
    if (linked.length === 0 && unlinked.length === 0) {
        throw new errors/* PreflightError */.wG(`No source datastore carries any of the tags ${shown} (${listed.length} datastores listed). Nothing was exported.`, 'Check the `datastore-tags` input against the tags on the datastores in Qualytics (names compare case-insensitively), or name the datastores with `datastore`.');
    }
    if (linked.length === 0) {
        throw new errors/* PreflightError */.wG(`Every datastore with the tags ${shown} has no enrichment datastore linked: ${nameList(unlinked)}. Nothing was exported.`, "Link an enrichment datastore in Qualytics (the datastore's Enrichment settings, or PATCH /api/datastores/{id}/enrichment/{enrichment_id}), then run again.");
    }
    if (unlinked.length > 0)
        warn(`Skipped ${unlinked.length} datastore${unlinked.length === 1 ? '' : 's'} with the tags ${shown} that ha${unlinked.length === 1 ? 's' : 've'} no enrichment datastore linked: ${nameList(unlinked)}. Link one in Qualytics to export ${unlinked.length === 1 ? 'it' : 'them'}.`);
    return { user, datastores: linked };
}
function toInfo(d) {
    return {
        id: d.id,
        name: d.name,
        enrichment: d.enrichment ?? null,
        enrichmentPrefix: d.enrichmentPrefix
    };
}
/** A list that cannot be read whole is "cannot tell": nothing is exported. */
function explainListError(error) {
    if (error instanceof errors/* ApiError */.hD && error.status === 403) {
        return new errors/* PreflightError */.wG(`The token may not list datastores (${error.message}). Nothing was exported.`, "Give the token's user permission to read the datastores, or name them with the `datastore` input.");
    }
    if (error instanceof errors/* ApiError */.hD && error.status === 404) {
        return new errors/* PreflightError */.wG(`This Qualytics has no datastore list to select by tag from (${error.message}). Nothing was exported.`, 'Name the datastores with the `datastore` input instead of `datastore-tags`.');
    }
    const why = error instanceof Error ? error.message : String(error);
    return new errors/* PreflightError */.wG(`The datastore list could not be read whole, so the datastores with these tags cannot be told (${why}). Nothing was exported.`, 'Re-run the workflow; if it persists, name the datastores with the `datastore` input.');
}

// EXTERNAL MODULE: ./src/core/output/records.ts
var records = __webpack_require__(323);
// EXTERNAL MODULE: ./src/core/output/redact.ts
var output_redact = __webpack_require__(3284);
// EXTERNAL MODULE: ./src/core/report/verdict.ts
var verdict = __webpack_require__(8971);
;// CONCATENATED MODULE: ./src/core/report/heartbeat.ts


/**
 * How often a long run says it is still alive. Slow on purpose: the log of
 * an hour-long export should read as a few lines.
 */
const HEARTBEAT_MS = 5 * 60_000;
/**
 * The first line comes sooner: a minute of silence after the exports
 * started is when a reader starts to wonder; a run shorter than that never
 * sees one.
 */
const FIRST_HEARTBEAT_MS = 60_000;
/** Exports named in one heartbeat line; the rest are counted. */
const NAMED = 3;
/** Shortest pace `QUALYTICS_HEARTBEAT_MS` may set (tests and demos use it). */
const HEARTBEAT_FLOOR_MS = 1000;
/** The pace: `QUALYTICS_HEARTBEAT_MS` when it is a number of at least 1 s, else 5 min. */
function heartbeatMs(env) {
    const ms = Number(env);
    return env && Number.isFinite(ms) && ms >= HEARTBEAT_FLOOR_MS
        ? ms
        : HEARTBEAT_MS;
}
/**
 * `2 of 6 exports still running, 12 min: 1001 · checks of datastore 42
 * (Sales Warehouse); 1004 · …`, naming up to three: null when nothing is
 * running (no heartbeat for a run that is only waiting to end).
 */
function heartbeatLine(records, elapsedMs, names = new Map()) {
    const running = records.filter(r => r.result === 'running');
    if (running.length === 0)
        return null;
    const total = records.length;
    const what = total === 1
        ? 'The export is still running'
        : `${running.length} of ${total} exports still running`;
    // Whole minutes: a heartbeat is a rough sign of life, not a stopwatch.
    const ms = Math.max(0, elapsedMs);
    const shown = ms >= 60_000 ? Math.round(ms / 60_000) * 60_000 : ms;
    const named = running
        .slice(0, NAMED)
        .map(r => `${r.id === null ? '' : `${r.id} · `}${(0,verdict/* exportLabel */.TM)(r, names)}`);
    const more = running.length > NAMED ? `; ${running.length - NAMED} more` : '';
    return `${what}, ${(0,duration/* formatDuration */.a3)(shown)}: ${named.join('; ')}${more}`;
}
/**
 * Say `heartbeatLine` while the run goes on: first after
 * FIRST_HEARTBEAT_MS (or `everyMs`, when shorter), then every `everyMs`.
 * Returns the stop function. The timers never keep the process alive.
 */
function startHeartbeat(records, say, everyMs, names = new Map(), now = Date.now) {
    const start = now();
    const beat = () => {
        const line = heartbeatLine(records(), now() - start, names);
        if (line)
            say(line);
    };
    let timer = setTimeout(() => {
        beat();
        timer = setInterval(beat, everyMs);
        timer.unref();
    }, Math.min(everyMs, FIRST_HEARTBEAT_MS));
    timer.unref();
    return () => clearTimeout(timer);
}

// EXTERNAL MODULE: ./src/cli/args.ts + 1 modules
var args = __webpack_require__(6890);
// EXTERNAL MODULE: ./src/cli/commands.ts
var commands = __webpack_require__(1654);
// EXTERNAL MODULE: ./src/core/output/safe.ts
var output_safe = __webpack_require__(3772);
;// CONCATENATED MODULE: ./src/cli/progress.ts


/** A renderer for the stream: live lines on a terminal, one line per change in a pipe. */
function createProgress(stream, options) {
    return options.tty
        ? liveProgress(stream, options)
        : plainProgress(stream, options);
}

function plainProgress(stream, options) {
    const { names } = options;
    const safe = (0,output_safe/* createSafeText */.P)(options.redact).terminalLine;
    const shown = new Map();
    const print = (record) => {
        const line = (0,verdict/* describeChange */.uQ)(record, names);
        if (shown.get(record) === line)
            return;
        shown.set(record, line);
        stream.write(`${safe(line)}\n`);
    };
    return {
        track: () => undefined,
        changed: print,
        log: m => void stream.write(`${safe(m)}\n`),
        warn: m => void stream.write(`${safe(`Warning: ${m}`)}\n`),
        // Results the runner settles at the very end (an empty export becomes a warning).
        finish: records => records.forEach(print),
        cutsLines: false
    };
}
/** Redraw one line per export in place, once a second and on every change. */
function liveProgress(stream, options) {
    const { names } = options;
    const safe = (0,output_safe/* createSafeText */.P)(options.redact).terminalLine;
    const now = options.now ?? Date.now;
    let rows = [];
    const startedAt = new Map();
    let drawn = 0;
    const fit = (line) => {
        // A pty without a window size reports 0 columns. The icon takes two
        // cells but counts as one character, and a full line would wrap.
        const width = Math.max(20, (stream.columns || 100) - 2);
        return line.length > width ? `${line.slice(0, width - 1)}…` : line;
    };
    // \x1b[nF: up n lines to column 1; \x1b[2K: clear the line; \x1b[J: clear below.
    const up = () => (drawn > 0 ? `\x1b[${drawn}F` : '');
    const draw = () => {
        const lines = rows.map(r => {
            if (r.id !== null && !startedAt.has(r))
                startedAt.set(r, now());
            const since = startedAt.get(r);
            return fit(safe((0,verdict/* describeChange */.uQ)(r, names, since === undefined ? undefined : now() - since)));
        });
        stream.write(`${up()}${lines.map(l => `\x1b[2K${l}\n`).join('')}\x1b[J`);
        drawn = lines.length;
    };
    const above = (text) => {
        stream.write(`${up()}\x1b[J${safe(text)}\n`);
        drawn = 0;
        draw();
    };
    const timer = setInterval(draw, 1000);
    timer.unref();
    return {
        track: records => {
            rows = records;
            draw();
        },
        changed: draw,
        log: above,
        warn: m => above(`Warning: ${m}`),
        finish: records => {
            clearInterval(timer);
            rows = records;
            draw();
        },
        cutsLines: true
    };
}

// EXTERNAL MODULE: ./src/cli/reports.ts + 4 modules
var reports = __webpack_require__(933);
// EXTERNAL MODULE: ./src/cli/terminal.ts
var terminal = __webpack_require__(1028);
;// CONCATENATED MODULE: ./src/cli/run.ts





















/** Why there is no `--token`: said whenever someone tries one. */
const TOKEN_FLAG_REFUSED = 'qualytics-export run: --token is not accepted: a token on the command line is kept in shell history and shown to every user by `ps`. Set the QUALYTICS_TOKEN environment variable instead (in CI, from a masked secret variable).';
/**
 * `run`: the action's export from any terminal or CI, through the same core
 * (parseConfig, runExportJob, isFailing) with a terminal front end.
 */
async function runCommand(argv) {
    // Before parsing: the refusal must not depend on where the flag sits.
    if (argv.some(a => a === '--token' || a.startsWith('--token=')))
        throw new args/* UsageError */.eb(TOKEN_FLAG_REFUSED);
    const flags = (0,args/* parseFlags */.bQ)(commands/* RUN */.oq, argv);
    if (!(process.env.QUALYTICS_TOKEN ?? '').trim())
        throw new args/* UsageError */.eb('qualytics-export run: QUALYTICS_TOKEN is not set; export it in the environment (the CLI takes the token from nowhere else).');
    // Raw inputs without a token: parseConfig reads QUALYTICS_TOKEN (and QUALYTICS_URL) from env.
    const raw = rawInputs(flags);
    const config = (0,config_config/* parseConfig */.o)(raw, process.env);
    const redact = (0,output_redact/* createRedactors */.A_)([
        ...(0,output_redact/* secretsOf */.Fj)(config.token, (0,args/* stringFlag */.AM)(flags, 'url') ?? process.env.QUALYTICS_URL ?? ''),
        ...(0,inputs_table/* secretInputs */._y)(raw)
    ]);
    const startedAt = Date.now();
    const term = (0,terminal/* createTerminal */.PB)(redact);
    const json = flags.json === true;
    const files = (0,reports/* reportFiles */.IU)(flags);
    // With --json, stdout carries only the JSON; everything else goes to stderr.
    const out = json ? term.stderr : term.stdout;
    const say = (line) => out.line(line);
    const ending = {
        redact: term.safe.redact,
        info: say,
        warning: m => say(`Warning: ${m}`),
        file: (path, text) => term.file(path, text)
    };
    const end = (facts) => (0,session/* endRun */.lb)(config, {
        ...facts,
        schedule: null,
        origin: config.origin,
        startedAt,
        endedAt: Date.now()
    }, ending);
    let expiring;
    try {
        expiring = checkTokenExpiry(config.token, Date.now());
    }
    catch (error) {
        if (!(error instanceof errors/* PreflightError */.wG))
            throw error;
        term.stderr.line(`qualytics-export run: ${error.message} ${error.hint}`);
        await end({
            result: 'failure',
            records: [],
            plan: (0,config_config/* buildPlan */.G)(config),
            datastoreNames: new Map(),
            problem: error.message
        });
        return 1;
    }
    if (expiring)
        say(`Warning: ${expiring}`);
    if (config.insecure)
        say(`Warning: ${config.origin} uses plain http; the token travels unencrypted. Use https.`);
    const plan = (0,config_config/* buildPlan */.G)(config);
    say(`${config.dryRun ? 'Dry run: ' : ''}${(0,verdict/* describePlan */.df)(config, plan)}`);
    const names = new Map();
    const tty = out.isTTY && process.env.TERM !== 'dumb';
    const progress = createProgress(term.raw(json ? 'stderr' : 'stdout'), {
        tty,
        redact,
        names
    });
    const cancel = onCancelSignals(() => progress.warn(config.abortOnCancel
        ? 'Interrupted: aborting the exports still running...'
        : 'Interrupted: leaving the exports running in Qualytics (--abort-on-cancel false).'));
    let tracked = [];
    // A terminal shows live clocks; a CI log gets a line every few minutes.
    const stopHeartbeat = tty || !config.wait
        ? () => undefined
        : startHeartbeat(() => tracked, line => progress.log(line), heartbeatMs(process.env.QUALYTICS_HEARTBEAT_MS), names);
    let outcome;
    try {
        outcome = await runExportJob(config, {
            clock: systemClock,
            redact,
            signal: cancel.signal,
            onRetry: r => progress.log((0,verdict/* describeRetry */.eV)(r)),
            warn: m => progress.warn(m),
            onPreflight: report => {
                for (const d of report.datastores)
                    names.set(d.id, d.name);
                progress.log((0,verdict/* describePreflight */.Vv)(report));
                if (!config.dryRun)
                    progress.track(placeholders((0,config_config/* buildPlan */.G)({
                        ...config,
                        datastores: report.datastores.map(d => d.id)
                    })));
            },
            hooks: {
                triggered: records => {
                    tracked = records;
                    progress.track(records);
                },
                changed: record => progress.changed(record),
                log: m => progress.log(m),
                warn: m => progress.warn(m)
            }
        });
    }
    catch (error) {
        progress.finish([]);
        if (!(error instanceof errors/* InputError */.dz || error instanceof args/* UsageError */.eb)) {
            const { problem, advice: hint } = stopText(error, cancel.received());
            term.stderr.line(`${problem} ${hint}`);
            await (0,reports/* writeReports */.Li)(term, files, {
                failOnWarning: config.failOnWarning,
                startedAt: new Date(startedAt).toISOString(),
                result: 'failure',
                records: [],
                datastoreNames: names,
                schedule: null,
                elapsedMs: null,
                origin: config.origin,
                problem,
                advice: hint
            });
            await end({
                result: 'failure',
                records: [],
                plan: (0,config_config/* buildPlan */.G)(config),
                datastoreNames: names,
                problem
            });
            return exitCode(true, cancel.received());
        }
        throw error;
    }
    finally {
        stopHeartbeat();
        cancel.dispose();
    }
    progress.finish(config.dryRun ? [] : outcome.records);
    if (json)
        term.json((0,records/* operationsJson */.H5)(outcome.records, redact));
    const tip = report(outcome, config, names, say, progress.cutsLines);
    await (0,reports/* writeReports */.Li)(term, files, {
        failOnWarning: config.failOnWarning,
        startedAt: new Date(startedAt).toISOString(),
        result: outcome.result,
        records: outcome.records,
        datastoreNames: outcome.datastoreNames,
        schedule: null,
        elapsedMs: outcome.elapsedMs,
        origin: config.origin,
        ...(tip ? { advice: tip } : {})
    });
    await end({
        result: outcome.result,
        records: outcome.records,
        plan: outcome.plan,
        datastoreNames: outcome.datastoreNames
    });
    return exitCode((0,results/* isFailing */.DI)(outcome.result, config.failOnWarning), cancel.received());
}
/** What the CLI says when nothing could be read from Qualytics: the action's advice, for wherever it runs. */
const REACH_ADVICE = 'Check that Qualytics is reachable from here (the URL, HTTPS_PROXY and NO_PROXY, a firewall), then run again.';
/**
 * Why a run stopped before its exports could be reported, and what to do:
 * a preflight finding with its own hint, an interrupt, or (as the action
 * says) an API or network error that survived the retries.
 */
function stopText(error, signal) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof errors/* PreflightError */.wG)
        return { problem: message, advice: error.hint };
    if (signal)
        return {
            problem: `Interrupted (${signal}) before the exports were under way.`,
            advice: 'Look in Qualytics for exports this run may have started.'
        };
    const problem = message.endsWith('.') ? message : `${message}.`;
    return { problem, advice: REACH_ADVICE };
}
/**
 * The exit code: 128 + the signal's number after Ctrl-C (130) or SIGTERM
 * (143), as a shell reports a command a signal stopped; else 1 or 0.
 */
function exitCode(failing, signal) {
    if (signal)
        return 128 + (external_node_os_.constants.signals[signal] ?? 0);
    return failing ? 1 : 0;
}
/** Flags to the action's raw inputs: the same names, booleans as 'true'. */
function rawInputs(flags) {
    const raw = {};
    for (const name of inputs_table/* INPUT_NAMES */.Qh) {
        const value = flags[name];
        if (typeof value === 'string')
            raw[name] = value;
        else if (value === true)
            raw[name] = 'true';
    }
    return raw;
}
/** Lines for the plan before anything is triggered. */
function placeholders(plan) {
    return plan.map(p => newRecord(p));
}
function report(outcome, config, names, say, linesWereCut) {
    const { records, result } = outcome;
    if (result === 'dry-run') {
        for (const r of records)
            say(`Would export ${(0,verdict/* exportLabel */.TM)(r, names)}.`);
        say('Dry run: token and datastores checked; nothing was triggered.');
        return undefined;
    }
    // Failures and warnings again, untruncated, under the live lines (which
    // a terminal cuts to its width). Plain lines were printed whole already.
    if (linesWereCut)
        for (const r of records.filter(r => r.message && r.result !== 'success'))
            say((0,verdict/* describeChange */.uQ)(r, names));
    say(outcome.ended === 'not-waited'
        ? `Started ${records.filter(r => r.id !== null).length} of ${records.length} exports; not waiting (--wait false). Ids: ${records.map(r => r.id ?? '-').join(',')}`
        : (0,verdict/* verdict */.WJ)(records, result, outcome.elapsedMs));
    const advice = {
        timeout: `Raise --timeout (now ${(0,duration/* formatDuration */.a3)(config.timeoutMs)}), or look at the exports in Qualytics: ${config.origin}`,
        cancelled: config.abortOnCancel
            ? 'Interrupted; the exports still running were asked to abort.'
            : 'Interrupted; the exports were left running in Qualytics.',
        failure: 'Fix the cause named above and run again.',
        aborted: 'An export was aborted in Qualytics; run again when that is resolved.',
        warning: config.failOnWarning
            ? 'An export ended with a warning and --fail-on-warning is set.'
            : undefined
    };
    const tip = advice[result];
    if (tip)
        say(tip);
    return tip;
}


/***/ }),

/***/ 5390:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ buildPlan),
/* harmony export */   o: () => (/* binding */ parseConfig)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _inputs_table_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6808);
/* harmony import */ var _parsers_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(514);
/* harmony import */ var _url_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2316);




/** Longest value any input may have; longer is a paste accident or an attack. */
const MAX_INPUT_LENGTH = 4096;
/**
 * Turn raw inputs into an ExportConfig, or throw an InputError naming the
 * input and the bad value. Nothing here touches the network.
 */
function parseConfig(raw, env = {}) {
    const get = (name) => {
        const value = (raw[name] ?? '').trim();
        if (value.length > MAX_INPUT_LENGTH) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `is ${value.length} characters long (at most ${MAX_INPUT_LENGTH})`);
        }
        return value === ''
            ? (_inputs_table_js__WEBPACK_IMPORTED_MODULE_1__/* .INPUTS */ .mc.find(i => i.name === name)?.default ?? '')
            : value;
    };
    const datastores = (0,_parsers_js__WEBPACK_IMPORTED_MODULE_2__/* .parseIdList */ .hG)('datastore', get('datastore'));
    const datastoreTags = (0,_parsers_js__WEBPACK_IMPORTED_MODULE_2__/* .parseTagList */ .cl)('datastore-tags', get('datastore-tags'));
    const mergeResults = get('merge-results')
        .split(/[\n,]/)
        .map(p => p.trim())
        .filter(p => p !== '');
    const given = [
        datastores.length > 0 && 'datastore',
        datastoreTags.length > 0 && 'datastore-tags',
        mergeResults.length > 0 && 'merge-results'
    ].filter(Boolean);
    if (given.length > 1) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(given[1], `cannot be combined with ${given[0]}; give exactly one of datastore, datastore-tags and merge-results`);
    }
    if (given.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('datastore', 'is empty; give a datastore id such as 42, or datastore-tags (or merge-results to merge results files)');
    }
    // A merge reads files only: no token and no URL are needed.
    const merging = mergeResults.length > 0;
    const token = get('token') || (env.QUALYTICS_TOKEN ?? '').trim();
    if (token === '' && !merging) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('token', 'is empty; pass secrets.QUALYTICS_TOKEN or set QUALYTICS_TOKEN');
    }
    // Invisible characters (zero-width spaces and joiners, soft hyphens, the
    // byte-order mark: Unicode's format class) come with a copy and paste; a
    // token holding one can never work, and would be retried as unreachable.
    if (/[\s\p{Cc}\p{Cf}]/u.test(token)) {
        // The value itself is never quoted: it is the secret.
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('token', 'contains white space, control or invisible characters (such as a zero-width space or a soft hyphen); copy the token again');
    }
    const rawUrl = get('url') || (env.QUALYTICS_URL ?? '');
    const url = merging && rawUrl === ''
        ? { apiBase: '', origin: '', insecure: false }
        : (0,_url_js__WEBPACK_IMPORTED_MODULE_3__/* .normalizeBaseUrl */ .qT)(rawUrl);
    const containers = (0,_parsers_js__WEBPACK_IMPORTED_MODULE_2__/* .parseIdList */ .hG)('containers', get('containers'));
    const containerTags = (0,_parsers_js__WEBPACK_IMPORTED_MODULE_2__/* .parseTagList */ .cl)('container-tags', get('container-tags'));
    if (containers.length > 0 && datastores.length !== 1) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('containers', datastoreTags.length > 0
            ? 'only works with a single datastore, not with datastore-tags'
            : `only works with a single datastore (got ${datastores.join(',')})`);
    }
    if (containers.length > 0 && containerTags.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('container-tags', 'cannot be combined with containers; use one of them');
    }
    const values = {};
    for (const input of _inputs_table_js__WEBPACK_IMPORTED_MODULE_1__/* .INPUTS */ .mc)
        if (input.key !== undefined)
            values[input.key] = input.parse(get(input.name));
    return {
        ...values,
        apiBase: url.apiBase,
        origin: url.origin,
        insecure: url.insecure,
        token,
        datastores,
        datastoreTags,
        containers,
        containerTags,
        mergeResults
    };
}
/**
 * One export per datastore and asset type, datastores outermost, both in the
 * order given. The API takes one datastore per request (`datastore_id`,
 * singular: the seed page's `datastore_ids` list is refused with 422).
 */
function buildPlan(config) {
    return config.datastores.flatMap(datastoreId => config.assetTypes.map(assetType => {
        const body = {
            type: 'export',
            datastore_id: datastoreId,
            asset_type: assetType,
            // Always sent: the server's default for checks is documented both ways.
            include_deleted: config.includeDeleted
        };
        if (config.containers.length > 0)
            body.container_ids = config.containers;
        if (config.containerTags.length > 0)
            body.container_tags = config.containerTags;
        return { datastoreId, assetType, body };
    }));
}


/***/ })

};
