export const id = 65;
export const ids = [65];
export const modules = {

/***/ 5065:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   scheduleCommand: () => (/* binding */ scheduleCommand)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_config_config_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7156);
/* harmony import */ var _core_schedule_cron_rules_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(911);
/* harmony import */ var _core_config_duration_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6740);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4296);
/* harmony import */ var _core_types_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(3054);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6890);
/* harmony import */ var _commands_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1654);
/* harmony import */ var _when_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9964);
/* harmony import */ var _workflow_file_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(9668);











const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;
/** `owner/repo[/path]@ref`, or a local `./path`. */
const USES = /^(?:[\w.-]+\/[\w.-]+(?:\/[\w./-]+)?@[\w./-]+|\.\/[\w./-]*)$/;
const LABEL = /^[\w.-]+$/;
/**
 * `schedule`: check the cron against GitHub's rules, then write
 * `.github/workflows/qualytics-export-<name>.yml` and say when it runs.
 */
async function scheduleCommand(argv) {
    const flags = (0,_args_js__WEBPACK_IMPORTED_MODULE_6__/* .parseFlags */ .bQ)(_commands_js__WEBPACK_IMPORTED_MODULE_7__/* .SCHEDULE */ .c7, argv);
    const { spec, warnings } = buildSpec(flags);
    const text = (0,_workflow_file_js__WEBPACK_IMPORTED_MODULE_9__/* .renderWorkflow */ .cn)(spec);
    if (flags.print) {
        process.stdout.write(text);
    }
    else {
        const dir = (0,_args_js__WEBPACK_IMPORTED_MODULE_6__/* .stringFlag */ .AM)(flags, 'dir') ?? _commands_js__WEBPACK_IMPORTED_MODULE_7__/* .DEFAULT_DIR */ .eJ;
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, (0,_workflow_file_js__WEBPACK_IMPORTED_MODULE_9__/* .workflowFileName */ .Jo)(spec.name));
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(dir, { recursive: true });
        try {
            // 'wx' refuses an existing file atomically; --force replaces it.
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(path, text, { flag: flags.force ? 'w' : 'wx' });
        }
        catch (error) {
            if (error.code !== 'EEXIST')
                throw error;
            process.stderr.write(`qualytics-export schedule: ${path} already exists; add --force to replace it, or pick another --name.\n`);
            return 1;
        }
        process.stdout.write(`Wrote ${path}\n`);
    }
    const out = flags.print ? process.stderr : process.stdout;
    const zone = spec.timezone ?? 'UTC';
    out.write([
        `Schedule: ${spec.description} (${zone}), cron '${spec.cron}'.`,
        'Next runs:',
        ...(0,_when_js__WEBPACK_IMPORTED_MODULE_8__/* .nextRuns */ .Oz)(spec.cron, zone, 3).map(d => `  ${(0,_when_js__WEBPACK_IMPORTED_MODULE_8__/* .formatRun */ .TI)(d, zone)}`),
        ...warnings.map(w => `Warning: cron '${spec.cron}' ${w}.`),
        ...(flags.print
            ? []
            : [
                'Next: set the repository variable QUALYTICS_URL and the secret QUALYTICS_TOKEN,',
                'then commit the file to the default branch (GitHub runs schedules only there).'
            ]),
        ''
    ].join('\n'));
    return 0;
}
/** Validate every flag and turn them into what the workflow will hold. */
function buildSpec(flags) {
    // Shell quoting varies; the file gets single spaces, as GitHub splits on them.
    const cron = (0,_args_js__WEBPACK_IMPORTED_MODULE_6__/* .requiredFlag */ .SN)(flags, 'crontab', "'17 6 * * *'")
        .split(/\s+/)
        .join(' ');
    const datastore = (0,_args_js__WEBPACK_IMPORTED_MODULE_6__/* .requiredFlag */ .SN)(flags, 'datastore', '42');
    const timezone = (0,_args_js__WEBPACK_IMPORTED_MODULE_6__/* .stringFlag */ .AM)(flags, 'timezone');
    const config = checkInputs(flags, datastore, timezone);
    const options = flags.options === undefined
        ? 'all'
        : config.assetTypes.join(',') === _core_types_js__WEBPACK_IMPORTED_MODULE_10__/* .ALL_ASSET_TYPES */ .H.join(',')
            ? 'all'
            : config.assetTypes.join(',');
    const ids = config.datastores.join(',');
    const name = (0,_args_js__WEBPACK_IMPORTED_MODULE_6__/* .stringFlag */ .AM)(flags, 'name') ?? (0,_workflow_file_js__WEBPACK_IMPORTED_MODULE_9__/* .defaultScheduleName */ .Ul)(ids, options);
    if (!NAME.test(name))
        throw new _args_js__WEBPACK_IMPORTED_MODULE_6__/* .UsageError */ .eb(`--name '${name}' must be letters, digits, '.', '_' or '-' (at most 80, starting with a letter or digit)`);
    const { errors, warnings } = (0,_core_schedule_cron_rules_js__WEBPACK_IMPORTED_MODULE_3__/* .checkCron */ .Pi)(cron, name);
    if (errors.length > 0)
        throw new _args_js__WEBPACK_IMPORTED_MODULE_6__/* .UsageError */ .eb(`--crontab '${cron}' is not a schedule GitHub runs:\n${errors.map(e => `  - ${e}`).join('\n')}`);
    const uses = (0,_args_js__WEBPACK_IMPORTED_MODULE_6__/* .stringFlag */ .AM)(flags, 'uses') ?? _workflow_file_js__WEBPACK_IMPORTED_MODULE_9__/* .DEFAULT_USES */ .tX;
    if (!USES.test(uses))
        throw new _args_js__WEBPACK_IMPORTED_MODULE_6__/* .UsageError */ .eb(`--uses '${uses}' is not an action reference such as ${_workflow_file_js__WEBPACK_IMPORTED_MODULE_9__/* .DEFAULT_USES */ .tX} or ./`);
    const runsOn = (0,_args_js__WEBPACK_IMPORTED_MODULE_6__/* .stringFlag */ .AM)(flags, 'runs-on') ?? 'ubuntu-latest';
    if (!LABEL.test(runsOn))
        throw new _args_js__WEBPACK_IMPORTED_MODULE_6__/* .UsageError */ .eb(`--runs-on '${runsOn}' is not a runner label`);
    const timeout = (0,_args_js__WEBPACK_IMPORTED_MODULE_6__/* .stringFlag */ .AM)(flags, 'timeout');
    return {
        spec: {
            name,
            cron,
            timezone: config.timezone,
            datastore: ids,
            options,
            containers: config.containers.join(','),
            timeout,
            timeoutMinutes: Math.ceil((0,_core_config_duration_js__WEBPACK_IMPORTED_MODULE_4__/* .parseDuration */ .E)('timeout', timeout ?? '30m') / 60_000),
            uses,
            runsOn,
            description: (0,_when_js__WEBPACK_IMPORTED_MODULE_8__/* .describeCron */ .MX)(cron)
        },
        warnings
    };
}
/**
 * Check datastore, containers, options and time zone with the action's own
 * parser, so a schedule never fails at run time on input the CLI accepted.
 * The placeholders stand in for what only the runner will have.
 */
function checkInputs(flags, datastore, timezone) {
    try {
        const config = (0,_core_config_config_js__WEBPACK_IMPORTED_MODULE_2__/* .parseConfig */ .o4)({
            url: 'https://placeholder.invalid',
            token: 'placeholder',
            datastore,
            containers: (0,_args_js__WEBPACK_IMPORTED_MODULE_6__/* .stringFlag */ .AM)(flags, 'containers'),
            options: (0,_args_js__WEBPACK_IMPORTED_MODULE_6__/* .stringFlag */ .AM)(flags, 'options'),
            timeout: (0,_args_js__WEBPACK_IMPORTED_MODULE_6__/* .stringFlag */ .AM)(flags, 'timeout'),
            'schedule-timezone': timezone
        });
        return {
            ...config,
            timezone: timezone === undefined ? undefined : spelling(timezone)
        };
    }
    catch (error) {
        if (error instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz && error.input === 'schedule-timezone')
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz('timezone', error.problem);
        throw error;
    }
}
/**
 * The zone as the file should spell it. Intl accepts any case and answers
 * with ICU's canonical id, which for some zones is the legacy one
 * (Asia/Kolkata comes back as Asia/Calcutta): keep the user's name, only
 * fixing its case when Intl knows it.
 */
function spelling(zone) {
    const known = Intl.supportedValuesOf('timeZone').find(z => z.toLowerCase() === zone.toLowerCase());
    return known ?? zone;
}


/***/ }),

/***/ 9964:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B2: () => (/* binding */ firingsBetween),
/* harmony export */   MX: () => (/* binding */ describeCron),
/* harmony export */   Oz: () => (/* binding */ nextRuns),
/* harmony export */   TI: () => (/* binding */ formatRun)
/* harmony export */ });
/* unused harmony export formatInZone */
/* harmony import */ var cron_parser__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8628);
/* harmony import */ var cron_parser__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(cron_parser__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var cronstrue__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2507);
/* harmony import */ var cronstrue__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(cronstrue__WEBPACK_IMPORTED_MODULE_1__);
/**
 * A cron in words and its firing times, in the schedule's zone and in UTC.
 * Loaded only by the commands that show schedules.
 */


/** The cron in words, read the way GitHub's editor reads it (0 = Sunday, 24 h clock). */
function describeCron(cron) {
    try {
        return cronstrue__WEBPACK_IMPORTED_MODULE_1___default().toString(cron.trim(), {
            dayOfWeekStartIndexZero: true,
            use24HourTimeFormat: true,
            throwExceptionOnParseError: true
        });
    }
    catch {
        return cron;
    }
}
/** The next `count` firings after `from`, in zone `tz` (validate the cron first). */
function nextRuns(cron, tz, count, from = new Date()) {
    return cron_parser__WEBPACK_IMPORTED_MODULE_0__.CronExpressionParser.parse(cron.trim(), { tz, currentDate: from })
        .take(count)
        .map(d => d.toDate());
}
/** Every firing in [from, to), at most `cap` of them. */
function firingsBetween(cron, tz, from, to, cap = 5000) {
    const expr = cron_parser__WEBPACK_IMPORTED_MODULE_0__.CronExpressionParser.parse(cron.trim(), {
        tz,
        currentDate: from,
        endDate: to
    });
    const out = [];
    while (out.length < cap && expr.hasNext())
        out.push(expr.next().toDate());
    return out;
}
/** `Mon 2025-01-06 06:17 CET`, in the given zone. */
function formatInZone(date, tz) {
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
        timeZone: tz,
        weekday: 'short',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZoneName: 'short'
    })
        .formatToParts(date)
        .map(p => [p.type, p.value]));
    return `${parts.weekday} ${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} ${parts.timeZoneName}`;
}
/** A firing in the schedule's zone, with UTC beside it unless the zone is UTC. */
function formatRun(date, tz) {
    const local = formatInZone(date, tz);
    return tz === 'UTC' || tz === 'Etc/UTC'
        ? local
        : `${local} (${formatInZone(date, 'UTC')})`;
}


/***/ }),

/***/ 7156:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Qh: () => (/* binding */ INPUT_NAMES),
  o4: () => (/* binding */ parseConfig),
  hG: () => (/* binding */ parseIdList),
  Ac: () => (/* binding */ parseOptions),
  hr: () => (/* binding */ parseTimezone)
});

// UNUSED EXPORTS: DEFAULTS, parseBoolean, parseTagList

// EXTERNAL MODULE: ./src/core/config/duration.ts
var duration = __webpack_require__(6740);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/types.ts
var core_types = __webpack_require__(3054);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
;// CONCATENATED MODULE: ./src/core/config/url.ts


/**
 * Normalise the `url` input the way the vendor CLI does
 * (`validate_and_format_url`): add https:// when no scheme is given, keep an
 * explicit http://, strip a trailing `/api` and append `/api/`.
 */
function normalizeBaseUrl(raw) {
    const value = raw.trim();
    if (value === '') {
        throw new errors/* InputError */.dz('url', 'is empty; set it or the QUALYTICS_URL variable');
    }
    if (/\s/.test(value)) {
        throw new errors/* InputError */.dz('url', `${(0,errors/* quote */.A0)(value)} contains white space`);
    }
    const schemeMatch = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value);
    if (schemeMatch && !/^https?$/i.test(schemeMatch[1] ?? '')) {
        throw new errors/* InputError */.dz('url', `${(0,errors/* quote */.A0)(value)} must use https:// or http://`);
    }
    let parsed;
    try {
        parsed = new URL(schemeMatch ? value : `https://${value}`);
    }
    catch {
        throw new errors/* InputError */.dz('url', `${(0,errors/* quote */.A0)(value)} is not a valid URL`);
    }
    if (parsed.username || parsed.password) {
        // Never echo the value: it holds a credential.
        throw new errors/* InputError */.dz('url', 'must not contain a user name or password; pass the token in `token`');
    }
    if (parsed.search || parsed.hash) {
        throw new errors/* InputError */.dz('url', `${(0,errors/* quote */.A0)(value)} must not have a query or fragment`);
    }
    const path = parsed.pathname.replace(/\/+$/, '').replace(/\/api$/i, '');
    const origin = `${parsed.protocol}//${parsed.host}${path}`;
    return {
        apiBase: `${origin}/api/`,
        origin,
        insecure: parsed.protocol === 'http:' && !isLoopback(parsed.hostname)
    };
}
/** localhost, 127.0.0.0/8 and ::1: plain http there never leaves the machine. */
function isLoopback(hostname) {
    const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
    if (host === 'localhost' || host.endsWith('.localhost'))
        return true;
    if ((0,external_node_net_.isIP)(host) === 4)
        return host.startsWith('127.');
    return host === '::1';
}

;// CONCATENATED MODULE: ./src/core/config/config.ts




/** Every input of action.yml; the CLI uses the same names for its flags. */
const INPUT_NAMES = [
    'url',
    'token',
    'datastore',
    'containers',
    'container-tags',
    'options',
    'include-deleted',
    'wait',
    'poll-interval',
    'timeout',
    'abort-on-timeout',
    'abort-on-cancel',
    'fail-on-warning',
    'max-parallel',
    'dry-run',
    'schedule-timezone',
    'datastore-tags',
    'if-running',
    'max-request-rate',
    'verify'
];
/** Defaults of action.yml, used when an input is empty (scheduled runs have no dispatch inputs). */
const DEFAULTS = {
    options: 'all',
    'include-deleted': 'false',
    wait: 'true',
    'poll-interval': '10s',
    timeout: '30m',
    'abort-on-timeout': 'true',
    'abort-on-cancel': 'true',
    'fail-on-warning': 'false',
    'max-parallel': '4',
    'dry-run': 'false',
    'schedule-timezone': 'UTC',
    'if-running': 'wait',
    'max-request-rate': '20',
    verify: 'true'
};
/** Longest value any input may have; longer is a paste accident or an attack. */
const MAX_INPUT_LENGTH = 4096;
/** Ids are positive and fit the API's 32-bit integers. */
const MAX_ID = 2_147_483_647;
const MAX_PARALLEL = 500;
/** Requests per second: above this no rate limiter is worth having. */
const MAX_REQUEST_RATE = 1000;
const ASSET_ALIASES = {
    anomalies: 'anomalies',
    checks: 'checks',
    profiles: 'profiles',
    'field-profiles': 'profiles'
};
/**
 * Turn raw inputs into an ExportConfig, or throw an InputError naming the
 * input and the bad value. Nothing here touches the network.
 */
function parseConfig(raw, env = {}) {
    const get = (name) => {
        const value = (raw[name] ?? '').trim();
        if (value.length > MAX_INPUT_LENGTH) {
            throw new errors/* InputError */.dz(name, `is ${value.length} characters long (at most ${MAX_INPUT_LENGTH})`);
        }
        return value === '' ? (DEFAULTS[name] ?? '') : value;
    };
    const token = get('token') || (env.QUALYTICS_TOKEN ?? '').trim();
    if (token === '') {
        throw new errors/* InputError */.dz('token', 'is empty; pass secrets.QUALYTICS_TOKEN or set QUALYTICS_TOKEN');
    }
    if (/[\s\p{Cc}]/u.test(token)) {
        // The value itself is never quoted: it is the secret.
        throw new errors/* InputError */.dz('token', 'contains white space or control characters');
    }
    const url = normalizeBaseUrl(get('url') || (env.QUALYTICS_URL ?? ''));
    const datastores = parseIdList('datastore', get('datastore'));
    const datastoreTags = parseTagList('datastore-tags', get('datastore-tags'));
    if (datastores.length > 0 && datastoreTags.length > 0) {
        throw new errors/* InputError */.dz('datastore-tags', 'cannot be combined with datastore; give one of them');
    }
    if (datastores.length === 0 && datastoreTags.length === 0) {
        throw new errors/* InputError */.dz('datastore', 'is empty; give a datastore id such as 42, or datastore-tags');
    }
    const containers = parseIdList('containers', get('containers'));
    const containerTags = parseTagList('container-tags', get('container-tags'));
    if (containers.length > 0 && datastores.length !== 1) {
        throw new errors/* InputError */.dz('containers', datastoreTags.length > 0
            ? 'only works with a single datastore, not with datastore-tags'
            : `only works with a single datastore (got ${datastores.join(',')})`);
    }
    if (containers.length > 0 && containerTags.length > 0) {
        throw new errors/* InputError */.dz('container-tags', 'cannot be combined with containers; use one of them');
    }
    return {
        apiBase: url.apiBase,
        origin: url.origin,
        insecure: url.insecure,
        token,
        datastores,
        datastoreTags,
        containers,
        containerTags,
        assetTypes: parseOptions(get('options')),
        includeDeleted: parseBoolean('include-deleted', get('include-deleted')),
        wait: parseBoolean('wait', get('wait')),
        pollIntervalMs: (0,duration/* parseDuration */.E)('poll-interval', get('poll-interval')),
        timeoutMs: (0,duration/* parseDuration */.E)('timeout', get('timeout')),
        abortOnTimeout: parseBoolean('abort-on-timeout', get('abort-on-timeout')),
        abortOnCancel: parseBoolean('abort-on-cancel', get('abort-on-cancel')),
        failOnWarning: parseBoolean('fail-on-warning', get('fail-on-warning')),
        maxParallel: parseCount('max-parallel', get('max-parallel'), MAX_PARALLEL),
        dryRun: parseBoolean('dry-run', get('dry-run')),
        scheduleTimezone: parseTimezone(get('schedule-timezone')),
        ifRunning: parseChoice('if-running', get('if-running'), IF_RUNNING),
        maxRequestRate: parseRate('max-request-rate', get('max-request-rate')),
        verify: parseBoolean('verify', get('verify'))
    };
}
/** YAML 1.2 core booleans, as `core.getBooleanInput` accepts them. */
function parseBoolean(input, raw) {
    if (/^(true|True|TRUE)$/.test(raw))
        return true;
    if (/^(false|False|FALSE)$/.test(raw))
        return false;
    throw new errors/* InputError */.dz(input, `${(0,errors/* quote */.A0)(raw)} is not a boolean; use true or false`);
}
/** Comma-separated positive integer ids; repeats collapse to their first place. */
function parseIdList(input, raw) {
    const ids = [];
    for (const item of raw.split(',').map(s => s.trim())) {
        if (item === '')
            continue;
        if (!/^\d+$/.test(item)) {
            throw new errors/* InputError */.dz(input, `${(0,errors/* quote */.A0)(item)} is not an id; use positive whole numbers such as 42 or 42,43`);
        }
        const id = Number(item);
        if (id < 1 || id > MAX_ID) {
            throw new errors/* InputError */.dz(input, `${(0,errors/* quote */.A0)(item)} is out of range (1 to ${MAX_ID})`);
        }
        if (!ids.includes(id))
            ids.push(id);
    }
    return ids;
}
/** Comma-separated tag names; repeats collapse to their first place. */
function parseTagList(input, raw) {
    const tags = [];
    for (const tag of raw.split(',').map(s => s.trim())) {
        if (tag === '')
            continue;
        if (/\p{Cc}/u.test(tag) || tag.length > 200) {
            throw new errors/* InputError */.dz(input, `${(0,errors/* quote */.A0)(tag)} is not a valid tag`);
        }
        if (!tags.includes(tag))
            tags.push(tag);
    }
    return tags;
}
/** `options`: names, `all`, the legacy `field-profiles`; order kept, repeats dropped. */
function parseOptions(raw) {
    const types = [];
    for (const item of raw.split(',').map(s => s.trim().toLowerCase())) {
        if (item === '')
            continue;
        const expanded = item === 'all' ? core_types/* ALL_ASSET_TYPES */.H : [ASSET_ALIASES[item]];
        if (expanded[0] === undefined) {
            throw new errors/* InputError */.dz('options', `${(0,errors/* quote */.A0)(item)} is not one of anomalies, checks, profiles, field-profiles, all`);
        }
        for (const type of expanded)
            if (type && !types.includes(type))
                types.push(type);
    }
    if (types.length === 0) {
        throw new errors/* InputError */.dz('options', 'is empty; use anomalies, checks, profiles or all');
    }
    return types;
}
const IF_RUNNING = ['wait', 'trigger'];
/** One of a fixed set of words, compared without regard to case. */
function parseChoice(input, raw, choices) {
    const found = choices.find(c => c === raw.toLowerCase());
    if (found === undefined) {
        throw new errors/* InputError */.dz(input, `${(0,errors/* quote */.A0)(raw)} is not one of ${choices.join(', ')}`);
    }
    return found;
}
/** A positive number of requests per second (fractions allowed: 0.5 is one every 2 s). */
function parseRate(input, raw) {
    const rate = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : NaN;
    if (!(rate > 0 && rate <= MAX_REQUEST_RATE)) {
        throw new errors/* InputError */.dz(input, `${(0,errors/* quote */.A0)(raw)} must be a number of requests per second above 0 and at most ${MAX_REQUEST_RATE}`);
    }
    return rate;
}
function parseCount(input, raw, max) {
    if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > max) {
        throw new errors/* InputError */.dz(input, `${(0,errors/* quote */.A0)(raw)} must be a whole number from 1 to ${max}`);
    }
    return Number(raw);
}
/** An IANA zone that this Node's Intl knows (GitHub's `timezone:` takes IANA names). */
function parseTimezone(raw) {
    try {
        new Intl.DateTimeFormat('en-US', { timeZone: raw });
    }
    catch {
        throw new errors/* InputError */.dz('schedule-timezone', `${(0,errors/* quote */.A0)(raw)} is not an IANA time zone such as UTC or Europe/Berlin`);
    }
    // The user's spelling, not Intl's canonical one (Node 20 says Asia/Calcutta for Asia/Kolkata).
    return raw;
}


/***/ }),

/***/ 6740:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ parseDuration),
/* harmony export */   a: () => (/* binding */ formatDuration)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);

const UNIT_MS = {
    ms: 1,
    s: 1000,
    m: 60_000,
    h: 3_600_000
};
/** A day is far beyond GitHub's 6-hour job cap; larger values are typos. */
const MAX_DURATION_MS = 24 * 3_600_000;
/**
 * Parse a duration input: a bare number is seconds; otherwise number+unit
 * pairs (`ms`, `s`, `m`, `h`) that add up (`1h30m`). Zero, negative,
 * fractional-looking garbage and absurdly large values are refused.
 */
function parseDuration(input, raw) {
    const value = raw.trim().toLowerCase();
    if (/^\d+(\.\d+)?$/.test(value))
        return check(input, raw, Number(value) * 1000);
    const parts = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/.test(value)
        ? [...value.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)]
        : [];
    if (parts.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .A0)(raw)} is not a duration; use seconds (90) or units like 90s, 15m, 2h, 1h30m`);
    }
    const total = parts.reduce((sum, [, amount, unit]) => sum + Number(amount) * (UNIT_MS[unit ?? 's'] ?? 0), 0);
    return check(input, raw, total);
}
function check(input, raw, ms) {
    if (!Number.isFinite(ms) || ms < 1) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .A0)(raw)} must be greater than zero`);
    }
    if (ms > MAX_DURATION_MS) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .A0)(raw)} is longer than 24h`);
    }
    return Math.round(ms);
}
/** Durations in words for logs and the summary: `850 ms`, `2.5 s`, `42 s`, `3 min 5 s`, `1 h 2 min`. */
function formatDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)} ms`;
    if (ms < 9950)
        return `${(ms / 1000).toFixed(1)} s`;
    const totalSeconds = Math.round(ms / 1000);
    if (totalSeconds < 60)
        return `${totalSeconds} s`;
    const hours = Math.floor(totalSeconds / 3600);
    const minutes = Math.floor((totalSeconds % 3600) / 60);
    const seconds = totalSeconds % 60;
    if (hours > 0)
        return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
    return seconds > 0 ? `${minutes} min ${seconds} s` : `${minutes} min`;
}


/***/ }),

/***/ 911:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NA: () => (/* binding */ cronProblems),
/* harmony export */   Pi: () => (/* binding */ checkCron)
/* harmony export */ });
/* unused harmony exports MIN_INTERVAL_MINUTES, cronWarnings, offMinuteSuggestion, shortestGapMinutes */
/* harmony import */ var cron_parser__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8628);
/* harmony import */ var cron_parser__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(cron_parser__WEBPACK_IMPORTED_MODULE_0__);
/**
 * GitHub's rules for `on.schedule` cron expressions, checked before a
 * workflow is written or trusted. Pure: no I/O, the same answer every time.
 * GitHub's own parser (@actions/workflow-parser) is the reference; the tests
 * compare the two, and where this module is stricter it says why.
 */

/** GitHub runs a schedule at most once every 5 minutes. */
const MIN_INTERVAL_MINUTES = 5;
const MONTHS = {
    ...{ jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6 },
    ...{ jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 }
};
const DAYS = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
const FIELDS = [
    { name: 'minute', min: 0, max: 59 },
    { name: 'hour', min: 0, max: 23 },
    { name: 'day-of-month', min: 1, max: 31 },
    { name: 'month', min: 1, max: 12, names: MONTHS },
    { name: 'day-of-week', min: 0, max: 6, names: DAYS }
];
/** What each macro means, so the refusal can say what to write instead. */
const MACROS = {
    '@yearly': '0 0 1 1 *',
    '@annually': '0 0 1 1 *',
    '@monthly': '0 0 1 * *',
    '@weekly': '0 0 * * 0',
    '@daily': '0 0 * * *',
    '@midnight': '0 0 * * *',
    '@hourly': '0 * * * *'
};
/** Any fixed instant works: the field sets, not the date, decide the gaps. */
const REFERENCE = new Date('2025-01-01T00:00:00Z');
/** Four years hold every calendar pattern a 5-field cron can express (Feb 29). */
const DAY_WINDOW = 4 * 366;
/** Errors and warnings together; `seed` spreads suggested minutes (use the schedule's name). */
function checkCron(cron, seed = '') {
    const errors = cronProblems(cron);
    return { errors, warnings: errors.length ? [] : cronWarnings(cron, seed) };
}
/**
 * Every reason GitHub would refuse this expression or never honour it:
 * syntax first (5 fields, no macros, no L/W/#/?, names in the right field,
 * day of week 0-6, sane ranges and steps); then whether it can fire at all
 * and whether two runs come closer than 5 minutes.
 */
function cronProblems(cron) {
    const syntax = syntaxProblems(cron);
    if (syntax.length > 0)
        return syntax;
    let fields;
    try {
        fields = readFields(cron);
    }
    catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return [
            /day of month/i.test(reason)
                ? 'never fires: no month has that day (e.g. 31 in a 30-day month, or 30 February)'
                : `cannot be evaluated: ${reason}`
        ];
    }
    const gap = shortestGapMinutes(cron, fields);
    return gap < MIN_INTERVAL_MINUTES
        ? [
            `runs ${gap === 1 ? 'every minute' : `${gap} minutes apart`} at the closest; GitHub runs a schedule at most once every ${MIN_INTERVAL_MINUTES} minutes`
        ]
        : [];
}
/** Advice for a valid expression: top-of-hour delays, day-of-month OR day-of-week. */
function cronWarnings(cron, seed = '') {
    const [minute = '', , dom = '', , dow = ''] = cron.trim().split(/ +/);
    const warnings = [];
    if (readFields(cron).minutes.includes(0)) {
        const better = offMinuteSuggestion(cron, seed);
        warnings.push(`fires at minute 0: GitHub delays (and may drop) scheduled runs at the top of the hour, its busiest time${better ? `; prefer an off minute, e.g. '${better}'` : `; move minute field '${minute}' off 0`}`);
    }
    if (dom !== '*' && dow !== '*') {
        warnings.push(`sets both day-of-month '${dom}' and day-of-week '${dow}': it fires when EITHER matches, not when both do`);
    }
    return warnings;
}
/**
 * The same schedule moved off minute 0, or null when the minute field is too
 * involved to rewrite. The minute comes from the seed, so two schedules with
 * different names land on different minutes.
 */
function offMinuteSuggestion(cron, seed = '') {
    const parts = cron.trim().split(/ +/);
    const step = /^(?:\*|0)\/(\d+)$/.exec(parts[0] ?? '');
    const hash = [...seed].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
    let minute;
    if (parts[0] === '0') {
        let m = 3 + (hash % 54);
        if (m % 5 === 0)
            m++;
        minute = String(m);
    }
    else if (step && Number(step[1]) > 1) {
        minute = `${1 + (hash % (Number(step[1]) - 1))}/${step[1]}`;
    }
    else
        return null;
    return [minute, ...parts.slice(1)].join(' ');
}
function syntaxProblems(cron) {
    if (cron.trim() === '')
        return ['is empty; write 5 fields, e.g. 17 6 * * *'];
    const macro = MACROS[cron.trim().toLowerCase()];
    if (cron.trim().startsWith('@')) {
        return [
            `macros such as ${cron.trim()} are not supported by GitHub; write the 5 fields${macro ? ` (${cron.trim()} is '${macro}')` : ''}`
        ];
    }
    if (/[\t\r\n\v\f]/.test(cron))
        return ['contains a tab or line break; separate the 5 fields with spaces'];
    if (cron !== cron.trim())
        return [
            'starts or ends with a space; GitHub reads a leading space as an empty field'
        ];
    const parts = cron.split(/ +/);
    if (parts.length !== 5) {
        return [
            `has ${parts.length} field${parts.length === 1 ? '' : 's'}; GitHub needs exactly 5 (minute hour day-of-month month day-of-week)${parts.length > 5 ? ', without seconds or years' : ''}`
        ];
    }
    return parts.flatMap((part, i) => fieldProblems(part, FIELDS[i]));
}
function fieldProblems(part, field) {
    const problems = [];
    for (const item of part.split(',')) {
        const problem = item === '' ? 'has an empty list item' : itemProblem(item, field);
        if (problem)
            problems.push(`${field.name} '${item === '' ? part : item}': ${problem}`);
    }
    return problems;
}
function itemProblem(item, field) {
    if (item.includes('#'))
        return "'#' (nth weekday of the month) is not supported";
    if (item.includes('?'))
        return "'?' is not supported; use *";
    const match = /^(\*|[0-9a-z]+)(?:-([0-9a-z]+))?(?:\/(.*))?$/i.exec(item);
    if (!match)
        return 'is not a value, range (1-5), list (1,5) or step (*/15)';
    const [, start = '', end, step] = match;
    if (start === '*' && end !== undefined)
        return '* cannot start a range';
    const first = start === '*' ? null : valueProblem(start, field);
    if (typeof first === 'string')
        return first;
    if (end !== undefined) {
        const last = valueProblem(end, field);
        if (typeof last === 'string')
            return last;
        if (first !== null && last < first)
            return 'is a reversed range; GitHub does not wrap ranges around';
    }
    if (step === undefined)
        return null;
    if (!/^\d+$/.test(step))
        return `the step after / must be a whole number, not '${step}'`;
    if (Number(step) === 0)
        return 'a step of 0 never advances';
    if (Number(step) > field.max)
        return `step ${step} is larger than the field allows (at most ${field.max})`;
    return null;
}
/** A value's number, or why it is not one GitHub accepts in this field. */
function valueProblem(value, field) {
    if (/^\d+$/.test(value)) {
        const n = Number(value);
        if (field.name === 'day-of-week' && n === 7)
            return '7 is out of range (0-6); use 0 for Sunday';
        return n >= field.min && n <= field.max
            ? n
            : `${value} is out of range (${field.min}-${field.max})`;
    }
    const lower = value.toLowerCase();
    const named = field.names?.[lower];
    if (named !== undefined)
        return named;
    if (/^\d*l$|^l\d*$|^lw$/i.test(value))
        return 'L (last day) is not supported';
    if (/^\d+w$|^w$/i.test(value))
        return 'W (nearest weekday) is not supported';
    if (/^h$/i.test(value))
        return 'H (hashed value) is not supported; pick a number';
    if (lower in MONTHS)
        return `${value} is a month name; it belongs in the month field`;
    if (lower in DAYS)
        return `${value} is a day name; it belongs in the day-of-week field`;
    return `${value} is not a number${field.names ? ` or a ${field.name === 'month' ? 'month (JAN-DEC)' : 'day (SUN-SAT)'} name` : ''}`;
}
/** The minute and hour sets, as cron-parser expands them; throws when it never fires. */
function readFields(cron) {
    const expr = cron_parser__WEBPACK_IMPORTED_MODULE_0__.CronExpressionParser.parse(cron.trim(), {
        tz: 'UTC',
        currentDate: REFERENCE
    });
    return {
        minutes: [...expr.fields.minute.values].map(Number).sort((a, b) => a - b),
        hours: [...expr.fields.hour.values].map(Number).sort((a, b) => a - b)
    };
}
/**
 * The shortest time between two firings, in minutes, as far as the 5-minute
 * rule needs it. Every firing day repeats the same hours x minutes, so the
 * gaps inside a day come straight from those sets (as cron-parser expands
 * them). The only other gap, from a day's last firing to the next day's
 * first, exists only when two consecutive calendar days both fire; when it
 * is short enough to matter, the firing days are walked with cron-parser
 * over four years to see whether that ever happens. (Walking every firing
 * would take half a second for a schedule that fires every five minutes.)
 * A schedule that fires once a day reports 1440, even if it fires weekly.
 */
function shortestGapMinutes(cron, fields = readFields(cron)) {
    const times = fields.hours.flatMap(h => fields.minutes.map(m => h * 60 + m));
    let gap = Infinity;
    for (let i = 1; i < times.length; i++)
        gap = Math.min(gap, times[i] - times[i - 1]);
    const overnight = 1440 - (times.at(-1) ?? 0) + (times[0] ?? 0);
    const matters = overnight < Math.min(gap, MIN_INTERVAL_MINUTES);
    return matters && !firesOnConsecutiveDays(cron)
        ? gap
        : Math.min(gap, overnight);
}
function firesOnConsecutiveDays(cron) {
    const [, , dom, month, dow] = cron.trim().split(/ +/);
    const days = cron_parser__WEBPACK_IMPORTED_MODULE_0__.CronExpressionParser.parse(`0 0 ${dom} ${month} ${dow}`, {
        tz: 'UTC',
        currentDate: REFERENCE
    });
    const end = REFERENCE.getTime() + DAY_WINDOW * 86_400_000;
    let previous = days.next().getTime();
    while (previous < end) {
        const current = days.next().getTime();
        if (current - previous === 86_400_000)
            return true;
        previous = current;
    }
    return false;
}


/***/ }),

/***/ 3054:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ ALL_ASSET_TYPES)
/* harmony export */ });
/** Shared vocabulary of the core: asset types, results, records. */
/** `all` expands to these, in this order. */
const ALL_ASSET_TYPES = [
    'anomalies',
    'checks',
    'profiles'
];


/***/ })

};
