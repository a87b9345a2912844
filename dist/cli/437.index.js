export const id = 437;
export const ids = [437];
export const modules = {

/***/ 414:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B2: () => (/* binding */ firingsBetween),
/* harmony export */   NA: () => (/* binding */ cronProblems),
/* harmony export */   Oz: () => (/* binding */ nextRuns),
/* harmony export */   Pi: () => (/* binding */ checkCron)
/* harmony export */ });
/* unused harmony exports cronWarnings, offMinuteSuggestion, shortestGapMinutes */
/* harmony import */ var _actions_workflow_parser_model_converter_cron__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5130);
/* harmony import */ var cron_parser__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8628);
/* harmony import */ var cron_parser__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(cron_parser__WEBPACK_IMPORTED_MODULE_1__);
/**
 * GitHub's verdict on an `on.schedule` cron expression, and our reasons.
 * The verdict is GitHub's own: `isValidCron` from @actions/workflow-parser,
 * the module its workflow editor and linter use. When it refuses, the
 * explainer below says which field is wrong and why in words a person can
 * act on (its parser says only yes or no). When it accepts, two things it
 * does not check are checked here: that the schedule fires at all (30
 * February), and that two runs never come closer than the 5 minutes GitHub
 * honours (its own check reads the minute field alone). Then, for a cron
 * that passed, when it fires. Used by the command line, before a workflow
 * is written or trusted, and to show and compare schedules. Pure.
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
 * GitHub's parser decides whether the syntax is accepted, the explainer
 * says why not; then whether it can fire at all and whether two runs come
 * closer than 5 minutes.
 */
function cronProblems(cron) {
    if (!(0,_actions_workflow_parser_model_converter_cron__WEBPACK_IMPORTED_MODULE_0__/* .isValidCron */ .lg)(cron)) {
        const reasons = syntaxProblems(cron);
        return reasons.length > 0
            ? reasons
            : [
                "is refused by GitHub's cron parser; write 5 fields (minute hour day-of-month month day-of-week), e.g. 17 6 * * *"
            ];
    }
    let fields;
    try {
        fields = readFields(cron);
    }
    catch (error) {
        // GitHub's parser reads numbers with JavaScript's `+x`, so it lets
        // through steps of 1.5 and hex minutes that no scheduler can run.
        const reason = error instanceof Error ? error.message : String(error);
        if (/day of month/i.test(reason))
            return [
                'never fires: no month has that day (e.g. 31 in a 30-day month, or 30 February)'
            ];
        const reasons = syntaxProblems(cron);
        return reasons.length > 0 ? reasons : [`cannot be evaluated: ${reason}`];
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
/** Why GitHub's parser refused it, field by field (empty when we cannot tell). */
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
    const expr = cron_parser__WEBPACK_IMPORTED_MODULE_1__.CronExpressionParser.parse(cron.trim(), {
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
    const days = cron_parser__WEBPACK_IMPORTED_MODULE_1__.CronExpressionParser.parse(`0 0 ${dom} ${month} ${dow}`, {
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
/** The next `count` firings after `from`, in zone `tz`. */
function nextRuns(cron, tz, count, from = new Date()) {
    return cron_parser__WEBPACK_IMPORTED_MODULE_1__.CronExpressionParser.parse(cron.trim(), { tz, currentDate: from })
        .take(count)
        .map(d => d.toDate());
}
/** Every firing in [from, to), at most `cap` of them. */
function firingsBetween(cron, tz, from, to, cap = 5000) {
    const expr = cron_parser__WEBPACK_IMPORTED_MODULE_1__.CronExpressionParser.parse(cron.trim(), {
        tz,
        currentDate: from,
        endDate: to
    });
    const out = [];
    while (out.length < cap && expr.hasNext())
        out.push(expr.next().toDate());
    return out;
}


/***/ }),

/***/ 1855:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ry: () => (/* binding */ ExistsError),
/* harmony export */   k0: () => (/* binding */ UnsafePathError),
/* harmony export */   q5: () => (/* binding */ ensureRealDir),
/* harmony export */   qI: () => (/* binding */ writeFileNoFollow)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);



/** Why a file was not written; the message says what to do. */
class UnsafePathError extends Error {
    constructor(message) {
        super(message);
        this.name = 'UnsafePathError';
    }
}
/** The target exists and replacing it was not asked for. */
class ExistsError extends Error {
    path;
    constructor(path) {
        super(`${path} already exists`);
        this.path = path;
        this.name = 'ExistsError';
    }
}
const code = (error) => error.code;
/**
 * Make sure every folder from `base` down through `parts` is a real folder
 * (created when missing, if `create`) and none is a symbolic link, so a
 * planted link cannot carry a write or a deletion outside the tree.
 * Returns the folder's path.
 */
async function ensureRealDir(base, parts, shown, create = true) {
    // The base is the user's own choice (their repository, or --dir's parent).
    if (create)
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(base, { recursive: true });
    let dir = base;
    for (const part of parts) {
        dir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, part);
        let stat = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)(dir).catch((error) => {
            if (code(error) === 'ENOENT')
                return null;
            throw error;
        });
        if (stat === null) {
            if (!create)
                throw new UnsafePathError(`${shown(dir)} does not exist.`);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(dir).catch((error) => {
                if (code(error) !== 'EEXIST')
                    throw error;
            });
            stat = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)(dir);
        }
        if (stat.isSymbolicLink())
            throw new UnsafePathError(`${shown(dir)} is a symbolic link; not following it. Replace it with a real folder.`);
        if (!stat.isDirectory())
            throw new UnsafePathError(`${shown(dir)} exists and is not a folder.`);
    }
    // A link above `base` is the user's own layout; below it, the walk saw none.
    const real = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)(dir);
    const expected = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)(base), ...parts);
    if (real !== expected)
        throw new UnsafePathError(`${shown(dir)} resolves to ${real}, outside the expected folder; not writing there.`);
    return dir;
}
/**
 * Write `text` to `dir/name` without ever following a link: the text goes
 * to a new temporary file in the same folder (created exclusively, so a
 * planted link cannot be opened) and is then moved into place. Without
 * `replace`, an existing entry of any kind (file or link) is kept and
 * ExistsError thrown; with it, a regular file is replaced atomically, and
 * a link or anything else at the target is refused.
 */
async function writeFileNoFollow(dir, name, text, replace, shown) {
    const target = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, name);
    const existing = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)(target).catch((error) => {
        if (code(error) === 'ENOENT')
            return null;
        throw error;
    });
    if (existing?.isSymbolicLink())
        throw new UnsafePathError(`${shown(target)} is a symbolic link; not writing through it, even with --force. Delete the link first.`);
    if (existing && !existing.isFile())
        throw new UnsafePathError(`${shown(target)} exists and is not a file.`);
    if (existing && !replace)
        throw new ExistsError(shown(target));
    const temp = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, `.${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(name)}.${process.pid}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}.tmp`);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(temp, text, { flag: 'wx', mode: 0o644 });
    try {
        if (replace) {
            // rename replaces the entry itself; it never writes through a link.
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(temp, target);
        }
        else {
            // link fails with EEXIST on any entry, also one created since the check.
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.link)(temp, target).catch(async (error) => {
                if (code(error) === 'EEXIST')
                    throw new ExistsError(shown(target));
                if (!['EPERM', 'ENOTSUP', 'ENOSYS', 'EXDEV'].includes(code(error) ?? ''))
                    throw error;
                // No hard links on this file system: O_EXCL also refuses any entry.
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(target, text, { flag: 'wx', mode: 0o644 }).catch((e) => {
                    throw code(e) === 'EEXIST' ? new ExistsError(shown(target)) : e;
                });
            });
        }
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.unlink)(temp).catch(() => undefined);
    }
}


/***/ }),

/***/ 8437:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  scheduleCommand: () => (/* binding */ scheduleCommand)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/config/config.ts
var config_config = __webpack_require__(5390);
// EXTERNAL MODULE: ./src/core/config/inputs-table.ts
var inputs_table = __webpack_require__(6808);
// EXTERNAL MODULE: ./src/cli/cron-rules.ts
var cron_rules = __webpack_require__(414);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/types.ts
var types = __webpack_require__(3054);
// EXTERNAL MODULE: ./src/cli/args.ts + 1 modules
var args = __webpack_require__(6890);
// EXTERNAL MODULE: ./src/cli/commands.ts
var commands = __webpack_require__(1654);
// EXTERNAL MODULE: ./src/cli/safe-write.ts
var safe_write = __webpack_require__(1855);
// EXTERNAL MODULE: ./src/core/schedule/describe.ts
var describe = __webpack_require__(9700);
// EXTERNAL MODULE: ./src/core/schedule/zone-time.ts
var zone_time = __webpack_require__(1925);
// EXTERNAL MODULE: ./src/cli/workflow-file.ts
var workflow_file = __webpack_require__(9668);
// EXTERNAL MODULE: ./src/cli/workflow-dir.ts
var workflow_dir = __webpack_require__(8011);
// EXTERNAL MODULE: ./src/core/version.ts
var version = __webpack_require__(3323);
;// CONCATENATED MODULE: ./src/cli/gitlab-file.ts
/**
 * `schedule --target gitlab`: the CI file that includes the GitLab
 * component (templates/export.yml) for one schedule, and the pipeline
 * schedule to create, since GitLab keeps crons outside the YAML.
 */



/**
 * Whether the GitLab CI/CD component (templates/export.yml) has an input
 * for it: not a secret (a masked CI/CD variable carries those), not one
 * the command line refuses, not marked `gitlab: false`.
 */
function inGitlabComponent(input) {
    return input.run !== null && !input.secret && input.gitlab !== false;
}
/** Where `schedule --target gitlab` writes, at the repository's root. */
const GITLAB_DIR = '.gitlab';
/** The pipeline variable that tells a scheduled pipeline which export job to run. */
const SCHEDULE_VARIABLE = 'QUALYTICS_EXPORT_SCHEDULE';
/**
 * The component, at the release of this command line: a remote include
 * works on any GitLab that can reach GitHub, with no catalog mirror.
 */
const COMPONENT_URL = `https://raw.githubusercontent.com/qualytics/qualytics-export-action/v${version/* VERSION */.x}/templates/export.yml`;
/**
 * Whether the component takes the input: `schedule` refuses the others'
 * flags for GitLab, except the cron's zone, which goes to the pipeline
 * schedule (`--cronTimeZone`) as a GitLab run reads no cron.
 */
function componentInput(name) {
    const input = inputs_table/* INPUTS */.mc.find(i => i.name === name);
    return input !== undefined && inGitlabComponent(input);
}
/** A value as the component's typed input wants it: booleans and numbers bare. */
function typed(name, value) {
    const form = inputs_table/* INPUTS */.mc.find(i => i.name === name)?.run;
    const bare = form !== undefined &&
        form !== null &&
        ('flag' in form || form.value === '<bool>' || form.value === '<n>');
    return bare ? value : (0,workflow_file.sq)(value);
}
/** The job's name in the pipeline. */
function gitlabJobName(spec) {
    return `${workflow_file/* FILE_PREFIX */.us}${spec.name}`;
}
/** The CI file for a schedule, to include from .gitlab-ci.yml. */
function renderGitlabFile(spec) {
    const only = `$${SCHEDULE_VARIABLE} == "${spec.name}"`;
    const inputs = [
        ['job-name', (0,workflow_file.sq)(gitlabJobName(spec))],
        spec.datastoreTags
            ? ['datastore-tags', (0,workflow_file.sq)(spec.datastoreTags)]
            : ['datastore', (0,workflow_file.sq)(spec.datastore)],
        ['options', (0,workflow_file.sq)(spec.options)],
        ...(spec.containers
            ? [['containers', (0,workflow_file.sq)(spec.containers)]]
            : []),
        ...(spec.containerTags
            ? [['container-tags', (0,workflow_file.sq)(spec.containerTags)]]
            : []),
        ...spec.more
            .filter(([name]) => componentInput(name))
            .map(([name, value]) => [name, typed(name, value)])
    ];
    return `# Qualytics metadata export "${spec.name}": ${spec.description} (${spec.timezone ?? 'UTC'}).
# Written by \`qualytics-export schedule --target gitlab\` ${version/* VERSION */.x}; edit freely.
# Include it from .gitlab-ci.yml. GitLab keeps the cron in a pipeline
# schedule (Build > Pipeline schedules) that sets ${SCHEDULE_VARIABLE}
# to "${spec.name}"; the command that wrote this file printed how to create it.
# Needs the CI/CD variables QUALYTICS_URL and QUALYTICS_TOKEN (masked).
include:
  - remote: ${(0,workflow_file.sq)(COMPONENT_URL)}
    inputs:
      rules:
        - if: ${(0,workflow_file.sq)(`$CI_PIPELINE_SOURCE == "schedule" && ${only}`)}
        - if: ${(0,workflow_file.sq)(`$CI_PIPELINE_SOURCE == "web" && ${only}`)}
${inputs.map(([name, value]) => `      ${name}: ${value}`).join('\n')}
`;
}
/** A word for a POSIX shell, in single quotes. */
function shellWord(value) {
    return `'${value.replace(/'/g, `'\\''`)}'`;
}
/**
 * How to create the pipeline schedule: with glab, or with the REST API
 * (POST /projects/:id/pipeline_schedules, then its variable).
 */
function pipelineScheduleHowTo(spec, ref) {
    const zone = spec.timezone ?? 'UTC';
    const description = `Qualytics export ${spec.name}`;
    return [
        'Create the pipeline schedule (GitLab keeps crons outside the YAML), with glab:',
        `  glab schedule create --description ${shellWord(description)} --ref ${shellWord(ref)} \\`,
        `    --cron ${shellWord(spec.cron)} --cronTimeZone ${shellWord(zone)} \\`,
        `    --variable ${shellWord(`${SCHEDULE_VARIABLE}:${spec.name}`)}`,
        'or with the API (a token with the api scope; <project> is the project id or its URL-encoded path):',
        '  curl --fail --request POST --header "PRIVATE-TOKEN: $GITLAB_TOKEN" \\',
        `    --data-urlencode ${shellWord(`description=${description}`)} --data-urlencode ${shellWord(`ref=${ref}`)} \\`,
        `    --data-urlencode ${shellWord(`cron=${spec.cron}`)} --data-urlencode ${shellWord(`cron_timezone=${zone}`)} \\`,
        '    "https://<your GitLab>/api/v4/projects/<project>/pipeline_schedules"',
        '  curl --fail --request POST --header "PRIVATE-TOKEN: $GITLAB_TOKEN" \\',
        `    --data-urlencode ${shellWord(`key=${SCHEDULE_VARIABLE}`)} --data-urlencode ${shellWord(`value=${spec.name}`)} \\`,
        '    "https://<your GitLab>/api/v4/projects/<project>/pipeline_schedules/<id from the answer>/variables"',
        'or in the UI: Build > Pipeline schedules > New schedule, with that cron, zone and variable.'
    ];
}

// EXTERNAL MODULE: ./src/cli/terminal.ts
var terminal = __webpack_require__(1028);
;// CONCATENATED MODULE: ./src/cli/schedule.ts
















const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;
/** `owner/repo[/path]@ref`, or a local `./path`. */
const USES = /^(?:[\w.-]+\/[\w.-]+(?:\/[\w./-]+)?@[\w./-]+|\.\/[\w./-]*)$/;
const LABEL = /^[\w.-]+$/;
/**
 * `schedule`: check the cron against GitHub's rules, then write
 * `.github/workflows/qualytics-export-<name>.yml` and say when it runs.
 */
async function scheduleCommand(argv) {
    const flags = (0,args/* parseFlags */.bQ)(commands/* SCHEDULE */.c7, argv);
    const target = ciTarget(flags);
    const { spec, warnings } = buildSpec(flags, target);
    const gitlab = target === 'gitlab';
    const text = gitlab ? renderGitlabFile(spec) : (0,workflow_file/* renderWorkflow */.cn)(spec);
    let written;
    if (flags.print) {
        terminal/* stdout */.Uo.write(text);
    }
    else {
        const dir = await (0,workflow_dir/* workflowDir */.N)(flags, 'schedule', true, process.cwd(), gitlab ? GITLAB_DIR : commands/* DEFAULT_DIR */.eJ);
        const shown = (path) => (0,external_node_path_.relative)(process.cwd(), path);
        const file = (0,workflow_file/* workflowFileName */.Jo)(spec.name);
        const path = (0,external_node_path_.join)(dir.shown, file);
        try {
            const real = await (0,safe_write/* ensureRealDir */.q5)(dir.base, dir.parts, shown);
            // 'force' replaces a regular file only; a link there is refused.
            await (0,safe_write/* writeFileNoFollow */.qI)(real, file, text, flags.force === true, shown);
        }
        catch (error) {
            if (error instanceof safe_write/* ExistsError */.Ry) {
                terminal/* stderr */.vF.write(`qualytics-export schedule: ${path} already exists; add --force to replace it, or pick another --name.\n`);
                return 1;
            }
            if (error instanceof safe_write/* UnsafePathError */.k0) {
                terminal/* stderr */.vF.write(`qualytics-export schedule: ${error.message}\n`);
                return 1;
            }
            throw error;
        }
        terminal/* stdout */.Uo.write(`Wrote ${path}\n`);
        const root = (await (0,workflow_dir/* findRepoRoot */.G)(dir.absolute)) ?? process.cwd();
        written = {
            shown: path,
            fromRoot: (0,external_node_path_.relative)(root, (0,external_node_path_.join)(dir.absolute, file)).split(external_node_path_.sep).join('/')
        };
    }
    const out = flags.print ? terminal/* stderr */.vF : terminal/* stdout */.Uo;
    const zone = spec.timezone ?? 'UTC';
    const next = gitlab
        ? [
            ...(written
                ? [
                    'Next: include the file from .gitlab-ci.yml:',
                    '  include:',
                    `    - local: ${written.fromRoot}`
                ]
                : []),
            'Set the CI/CD variables QUALYTICS_URL and QUALYTICS_TOKEN (masked) in',
            'Settings > CI/CD > Variables.',
            ...pipelineScheduleHowTo(spec, (0,args/* stringFlag */.AM)(flags, 'ref') ?? 'main')
        ]
        : flags.print
            ? []
            : [
                'Next: set the repository variable QUALYTICS_URL and the secret QUALYTICS_TOKEN,',
                ...secretFlags(flags).map(name => `the secret ${secretOf(name) ?? ''} to the --${name} you gave (the file names the secret, not the value),`),
                'then commit the file to the default branch (GitHub runs schedules only there).'
            ];
    out.write([
        `Schedule: ${spec.description} (${zone}), cron '${spec.cron}'.`,
        'Next runs:',
        ...(0,cron_rules/* nextRuns */.Oz)(spec.cron, zone, 3).map(d => `  ${(0,zone_time/* whenInZone */.W)(d, zone)}`),
        ...warnings.map(w => `Warning: cron '${spec.cron}' ${w}.`),
        ...next,
        ''
    ].join('\n'));
    return 0;
}
/** Flags that only make sense for one target. */
const GITHUB_ONLY = ['uses', 'pin', 'runs-on'];
/** `--target`: github (default) or gitlab, with the flags each refuses. */
function ciTarget(flags) {
    const target = ((0,args/* stringFlag */.AM)(flags, 'target') ?? 'github').toLowerCase();
    if (target !== 'github' && target !== 'gitlab')
        throw new args/* UsageError */.eb(`--target '${target}' must be github or gitlab`);
    const foreign = target === 'gitlab'
        ? GITHUB_ONLY.filter(f => flags[f] !== undefined)
        : flags.ref === undefined
            ? []
            : ['ref'];
    if (foreign.length > 0)
        throw new args/* UsageError */.eb(`--${foreign[0]} does not apply to --target ${target}${target === 'gitlab' ? ': the GitLab job runs the component on your GitLab runners' : ': it is the branch of a GitLab pipeline schedule'}`);
    // GitLab refuses an include with an input the component lacks, and a
    // secret must not land in a committed file.
    const lacking = inputs_table/* INPUTS */.mc.find(i => i.schedule === true &&
        !inGitlabComponent(i) &&
        flags[i.name] !== undefined);
    if (target === 'gitlab' && lacking)
        throw new args/* UsageError */.eb(`--${lacking.name} does not apply to --target gitlab: ${lacking.secret ? 'a secret goes in a masked CI/CD variable of the project (docs/gitlab.md), never in a file' : 'the GitLab component has no such input'}`);
    return target;
}
/** Validate every flag and turn them into what the workflow will hold. */
function buildSpec(flags, target) {
    // Shell quoting varies; the file gets single spaces, as GitHub splits on them.
    const cron = (0,args/* requiredFlag */.SN)(flags, 'crontab', "'17 6 * * *'")
        .split(/\s+/)
        .join(' ');
    const datastore = (0,args/* stringFlag */.AM)(flags, 'datastore');
    const datastoreTags = (0,args/* stringFlag */.AM)(flags, 'datastore-tags');
    if (datastore === undefined && datastoreTags === undefined)
        throw new args/* UsageError */.eb('--datastore is required (e.g. --datastore 42), or --datastore-tags to select datastores by tag');
    const timezone = (0,args/* stringFlag */.AM)(flags, 'timezone');
    const config = checkInputs(flags, timezone);
    const options = flags.options === undefined
        ? 'all'
        : config.assetTypes.join(',') === types/* ALL_ASSET_TYPES */.H.join(',')
            ? 'all'
            : config.assetTypes.join(',');
    const ids = config.datastores.join(',');
    const tags = config.datastoreTags.join(',');
    const name = (0,args/* stringFlag */.AM)(flags, 'name') ??
        (ids
            ? (0,workflow_file/* defaultScheduleName */.Ul)(ids, options)
            : `tags-${slug(tags)}-${options.split(',').join('-')}`);
    if (!NAME.test(name))
        throw new args/* UsageError */.eb(`--name '${name}' must be letters, digits, '.', '_' or '-' (at most 80, starting with a letter or digit)`);
    const { errors, warnings } = (0,cron_rules/* checkCron */.Pi)(cron, name);
    if (errors.length > 0)
        throw new args/* UsageError */.eb(`--crontab '${cron}' is not a schedule ${target === 'gitlab' ? 'GitLab' : 'GitHub'} runs:\n${errors.map(e => `  - ${e}`).join('\n')}`);
    const { uses, usesComment } = actionRef(flags);
    const runsOn = (0,args/* stringFlag */.AM)(flags, 'runs-on') ?? 'ubuntu-latest';
    if (!LABEL.test(runsOn))
        throw new args/* UsageError */.eb(`--runs-on '${runsOn}' is not a runner label`);
    const special = [
        'datastore',
        'datastore-tags',
        'containers',
        'container-tags',
        'options'
    ];
    // A secret input (the heartbeat URL) was checked above like any value,
    // but the file, which gets committed, names a repository secret instead.
    const more = Object.entries(config.raw)
        .filter((entry) => entry[1] !== undefined && !special.includes(entry[0]))
        .map(([name, value]) => {
        const secret = secretOf(name);
        return [name, secret ? `\${{ secrets.${secret} }}` : value];
    });
    return {
        spec: {
            name,
            cron,
            timezone: config.timezone,
            datastore: ids,
            datastoreTags: tags,
            options,
            containers: config.containers.join(','),
            containerTags: config.containerTags.join(','),
            more,
            timeoutMinutes: Math.ceil(config.timeoutMs / 60_000),
            uses,
            usesComment,
            runsOn,
            description: (0,describe/* describeCron */.M)(cron) ?? cron
        },
        warnings
    };
}
/** Tags as part of a file name: lower case, anything else becomes '-'. */
function slug(tags) {
    return tags
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 60);
}
/**
 * `--uses`, and `--pin`: the same action at a full commit SHA (organisations
 * can require SHA pins), with the tag it replaces kept as a comment.
 */
function actionRef(flags) {
    const uses = (0,args/* stringFlag */.AM)(flags, 'uses') ?? workflow_file/* DEFAULT_USES */.tX;
    if (!USES.test(uses))
        throw new args/* UsageError */.eb(`--uses '${uses}' is not an action reference such as ${workflow_file/* DEFAULT_USES */.tX} or ./`);
    const pin = (0,args/* stringFlag */.AM)(flags, 'pin');
    if (pin === undefined)
        return { uses };
    if (!/^[0-9a-f]{40}$/i.test(pin))
        throw new args/* UsageError */.eb(`--pin '${pin}' is not a full commit SHA; give all 40 hex digits (git rev-parse v1), as GitHub pins only full SHAs`);
    if (uses.startsWith('./'))
        throw new args/* UsageError */.eb(`--pin needs an owner/repo@ref action; --uses '${uses}' is a local path`);
    const at = uses.lastIndexOf('@');
    const ref = uses.slice(at + 1);
    return {
        uses: `${uses.slice(0, at)}@${pin.toLowerCase()}`,
        usesComment: /^[0-9a-f]{40}$/i.test(ref) ? undefined : ref
    };
}
/**
 * Check every input the workflow will pass with the action's own parser, so
 * a schedule never fails at run time on input the CLI accepted. The
 * placeholders stand in for what only the runner will have. `raw` holds
 * what the flags gave, by action input name, in the input table's order.
 */
function checkInputs(flags, timezone) {
    const raw = {};
    for (const input of inputs_table/* INPUTS */.mc) {
        if (!input.schedule)
            continue;
        const flag = typeof input.schedule === 'string' ? input.schedule : input.name;
        const value = flags[flag] === true ? 'true' : (0,args/* stringFlag */.AM)(flags, flag);
        if (value === undefined)
            continue;
        raw[input.name] =
            input.name === 'schedule-timezone' ? spelling(value) : value;
    }
    try {
        const config = (0,config_config/* parseConfig */.o)({
            ...raw,
            url: 'https://placeholder.invalid',
            token: 'placeholder'
        });
        return {
            ...config,
            raw,
            timezone: timezone === undefined ? undefined : spelling(timezone)
        };
    }
    catch (error) {
        if (error instanceof errors/* InputError */.dz && error.input === 'schedule-timezone')
            throw new errors/* InputError */.dz('timezone', error.problem);
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
/**
 * The repository secret a secret input is written as (`heartbeat-url`:
 * QUALYTICS_HEARTBEAT_URL), or null for an input that is not a secret.
 */
function secretOf(name) {
    const input = inputs_table/* INPUTS */.mc.find(i => i.name === name);
    return input && 'secret' in input && input.secret && name !== 'token'
        ? `QUALYTICS_${name.toUpperCase().replace(/-/g, '_')}`
        : null;
}
/** The secret inputs the flags set. */
function secretFlags(flags) {
    return inputs_table/* INPUTS */.mc.filter(i => secretOf(i.name) && flags[i.name] !== undefined).map(i => i.name);
}


/***/ }),

/***/ 8011:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ findRepoRoot),
/* harmony export */   N: () => (/* binding */ workflowDir)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6890);
/* harmony import */ var _commands_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1654);




/**
 * The closest folder at or above `start` that holds `.git` (a folder, or a
 * file in a worktree or submodule); null outside a repository.
 */
async function findRepoRoot(start) {
    let dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(start);
    for (;;) {
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, '.git'));
            return dir;
        }
        catch {
            // Not here: look one folder up.
        }
        const up = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(dir);
        if (up === dir)
            return null;
        dir = up;
    }
}
/**
 * The workflow folder a command works on. `--dir` is taken as given
 * (relative to the current folder). Otherwise it is `.github/workflows` at
 * the repository's root, as GitHub reads it there only: from a subfolder the
 * file would land where no workflow runs. Outside a repository, `write`
 * refuses (a schedule there would never run) and reading falls back to the
 * current folder.
 */
async function workflowDir(flags, command, write, cwd = process.cwd(), defaultDir = _commands_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_DIR */ .eJ) {
    const given = (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .stringFlag */ .AM)(flags, 'dir');
    if (given !== undefined) {
        const absolute = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, given);
        const inside = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(cwd, absolute);
        // Below the current folder, every folder of the way is checked for links.
        const below = inside !== '' && !inside.startsWith('..') && !(0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(inside);
        return {
            absolute,
            shown: given,
            base: below ? cwd : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(absolute),
            parts: below ? inside.split(/[\\/]+/) : [(0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(absolute)]
        };
    }
    const root = await findRepoRoot(cwd);
    if (root === null && write)
        throw new _args_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`qualytics-export ${command}: ${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd)} is not inside a git repository (no .git here or above), and ${defaultDir === _commands_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_DIR */ .eJ ? "GitHub reads workflows only from .github/workflows at a repository's root" : `the file belongs in ${defaultDir} at a repository's root`}. Run it from your repository, or give --dir.`);
    const base = root ?? cwd;
    const absolute = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(base, defaultDir);
    return {
        absolute,
        shown: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(cwd, absolute) || '.',
        base,
        parts: defaultDir.split('/')
    };
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


/***/ }),

/***/ 9700:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ describeCron)
/* harmony export */ });
/* harmony import */ var _actions_workflow_parser_model_converter_cron__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5130);
/**
 * A cron in words, as GitHub's workflow editor words it: its own describer
 * from @actions/workflow-parser (cronstrue beneath, 0 = Sunday, 24-hour
 * clock), so the summary, the command line and the editor read a schedule
 * the same way. Loaded only where a schedule is shown.
 */

/** `Runs at 06:17`; null for an expression GitHub would refuse. */
function describeCron(cron) {
    return (0,_actions_workflow_parser_model_converter_cron__WEBPACK_IMPORTED_MODULE_0__/* .getCronDescription */ .h9)(cron.trim()) ?? null;
}


/***/ }),

/***/ 1925:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ whenInZone)
/* harmony export */ });
/**
 * `Thu 2026-11-26 06:17 Europe/Berlin (05:17 UTC)`: one way to write a
 * firing time, in the summary and on the command line alike. The
 * schedule's own zone comes first, since that is how the cron was written.
 * Built from parts, not a locale format, so it reads the same on every Node
 * and ICU version.
 */
function whenInZone(when, timezone) {
    const date = new Date(when);
    if (Number.isNaN(date.getTime()))
        return String(when);
    const utcIso = date.toISOString();
    const utc = `${weekday(date)} ${utcIso.slice(0, 10)} ${utcIso.slice(11, 16)} UTC`;
    const local = isUtc(timezone) ? null : partsIn(date, timezone);
    if (!local)
        return utc;
    const day = new Date(`${local.day}T00:00:00Z`);
    const utcDay = utcIso.startsWith(local.day) ? '' : `${weekday(date)} `;
    return `${weekday(day)} ${local.day} ${local.time} ${timezone} (${utcDay}${utcIso.slice(11, 16)} UTC)`;
}
function isUtc(timezone) {
    return timezone === 'UTC' || timezone === 'Etc/UTC';
}
function partsIn(date, timeZone) {
    try {
        const parts = new Intl.DateTimeFormat('en-US', {
            timeZone,
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit',
            hourCycle: 'h23'
        }).formatToParts(date);
        const get = (type) => parts.find(p => p.type === type)?.value ?? '';
        return {
            day: `${get('year')}-${get('month')}-${get('day')}`,
            time: `${get('hour')}:${get('minute')}`
        };
    }
    catch {
        return null;
    }
}
function weekday(date) {
    return ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][date.getUTCDay()];
}


/***/ })

};
