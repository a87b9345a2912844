export const id = 881;
export const ids = [881];
export const modules = {

/***/ 4881:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkCommand: () => (/* binding */ checkCommand),
  lintWorkflow: () => (/* binding */ lintWorkflow)
});

// EXTERNAL MODULE: ./src/core/config/parsers.ts
var parsers = __webpack_require__(514);
// EXTERNAL MODULE: ./src/cli/cron-rules.ts
var cron_rules = __webpack_require__(414);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/cli/args.ts + 1 modules
var args = __webpack_require__(6890);
;// CONCATENATED MODULE: ./src/cli/check-format.ts

const FORMATS = ['text', 'json', 'github'];
/** `--json` is short for `--format json`; any other pairing is refused. */
function checkFormat(flags) {
    const given = flags.format;
    if (given === undefined)
        return flags.json ? 'json' : 'text';
    const format = FORMATS.find(f => f === String(given).trim().toLowerCase());
    if (format === undefined)
        throw new args/* UsageError */.eb(`--format '${String(given)}' is not one of ${FORMATS.join(', ')}`);
    if (flags.json && format !== 'json')
        throw new args/* UsageError */.eb(`--json and --format ${format} disagree; give one`);
    return format;
}
/** The closing line: counts, or that nothing uses the action. */
function summaryLine(report) {
    const { dir, workflows, findings } = report;
    const errors = findings.filter(f => f.level === 'error').length;
    const warnings = findings.length - errors;
    const s = (n) => (n === 1 ? '' : 's');
    return workflows === 0
        ? `No workflow in ${dir} uses the export action.`
        : `${errors} error${s(errors)}, ${warnings} warning${s(warnings)} in ${workflows} workflow${s(workflows)}.`;
}
/**
 * The report as the format wants it. `github` writes one workflow command
 * per finding, so each appears as an annotation on its file and line; the
 * text of a finding (which quotes the file's own values) is escaped so it
 * can neither end its line nor its properties.
 */
function formatReport(report, format) {
    const errors = report.findings.filter(f => f.level === 'error').length;
    if (format === 'json')
        return `${JSON.stringify({
            dir: report.dir,
            workflows: report.workflows,
            errors,
            warnings: report.findings.length - errors,
            findings: report.findings.map(f => ({ ...f, line: f.line ?? null }))
        }, null, 2)}\n`;
    const lines = format === 'github'
        ? report.findings.map(annotation)
        : report.findings.map(f => `${f.path}${f.line === undefined ? '' : `:${f.line}`}: ${f.level}: ${f.message}`);
    return `${[...lines, summaryLine(report)].join('\n')}\n`;
}
/** `::error file=…,line=…,title=…::message`, escaped as the runner reads it. */
function annotation(finding) {
    const properties = [
        `file=${escapeProperty(finding.path)}`,
        ...(finding.line === undefined ? [] : [`line=${finding.line}`]),
        `title=${escapeProperty('qualytics-export check')}`
    ];
    return `::${finding.level} ${properties.join(',')}::${escapeData(finding.message)}`;
}
function escapeData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text) {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

// EXTERNAL MODULE: ./src/cli/commands.ts
var commands = __webpack_require__(1654);
// EXTERNAL MODULE: ./src/cli/workflow-dir.ts
var workflow_dir = __webpack_require__(8011);
// EXTERNAL MODULE: ./src/core/schedule/zone-time.ts
var zone_time = __webpack_require__(1925);
;// CONCATENATED MODULE: ./src/cli/overlap.ts


/** At most this many firings per schedule: a 5-minute cron for 7 days is 2016. */
const MAX_FIRINGS = 2100;
/**
 * Schedules that export the same datastore and asset type in the same
 * minute, over the `days` after `from`, each in its own time zone. Both
 * exports replace the same table in the enrichment datastore at once.
 */
function findOverlaps(entries, from, days = 7) {
    const to = new Date(from.getTime() + days * 86_400_000);
    const minutes = entries.map(e => new Set((0,cron_rules/* firingsBetween */.B2)(e.cron, e.zone, from, to, MAX_FIRINGS).map(d => Math.floor(d.getTime() / 60_000))));
    const overlaps = [];
    entries.forEach((b, j) => {
        entries.slice(0, j).forEach((a, i) => {
            if (a.path === b.path && a.entry === b.entry)
                return;
            const shared = a.datastores.flatMap(ds => b.datastores.includes(ds)
                ? a.types
                    .filter(t => b.types.includes(t))
                    .map(t => `${t} of datastore ${ds}`)
                : []);
            if (shared.length === 0)
                return;
            const setA = minutes[i];
            const first = [...minutes[j]].find(m => setA.has(m));
            if (first === undefined)
                return;
            const where = a.path === b.path ? 'another schedule of this file' : a.path;
            overlaps.push({
                path: b.path,
                line: b.line,
                message: `cron '${b.cron}' exports ${shared.join(', ')} in the same minute as ${where} (cron '${a.cron}'${a.zone === 'UTC' ? '' : ` ${a.zone}`}), first at ${(0,zone_time/* whenInZone */.W)(new Date(first * 60_000), b.zone)}; both replace the same export table. Move one by a few minutes.`
            });
        });
    });
    return overlaps;
}

// EXTERNAL MODULE: ./src/cli/workflow-file.ts
var workflow_file = __webpack_require__(9668);
// EXTERNAL MODULE: ./src/cli/workflow-scan.ts
var workflow_scan = __webpack_require__(4667);
// EXTERNAL MODULE: ./src/cli/terminal.ts
var terminal = __webpack_require__(1028);
;// CONCATENATED MODULE: ./src/cli/check.ts











/**
 * `check`: lint every workflow that uses the action. Errors (exit 1) are
 * what makes a schedule fail or misbehave; warnings (exit 0) are advice.
 */
async function checkCommand(argv) {
    const flags = (0,args/* parseFlags */.bQ)(commands/* CHECK */.fi, argv);
    const format = checkFormat(flags);
    const dir = (await (0,workflow_dir/* workflowDir */.N)(flags, 'check', false)).shown;
    // A typo in --dir must not pass CI as "nothing to check".
    if (!(await isDirectory(dir)))
        throw new args/* UsageError */.eb(`${dir} is not a folder: give --dir the folder that holds the workflows (default ${commands/* DEFAULT_DIR */.eJ} at the repository's root)`);
    const workflows = await (0,workflow_scan/* scanWorkflows */.wG)(dir);
    const findings = [];
    const firings = [];
    for (const workflow of workflows)
        findings.push(...lintWorkflow(workflow, firings));
    for (const overlap of findOverlaps(firings, new Date()))
        findings.push({
            path: overlap.path,
            line: overlap.line,
            level: 'error',
            message: overlap.message
        });
    terminal/* stdout */.Uo.write(formatReport({ dir, workflows: workflows.length, findings }, format));
    return findings.some(f => f.level === 'error') ? 1 : 0;
}
async function isDirectory(path) {
    try {
        return (await (0,promises_.stat)(path)).isDirectory();
    }
    catch {
        return false;
    }
}
/** Findings for one workflow; its valid schedules go into `firings` for the overlap check. */
function lintWorkflow(w, firings) {
    const found = [];
    const add = (level) => (message, line = w.line) => void found.push({ path: w.path, line, level, message });
    const error = add('error');
    const warning = add('warning');
    if (w.error) {
        error(`not valid YAML: ${w.error}`);
        return found;
    }
    const scheduled = w.schedules.length > 0;
    if (scheduled && !w.dispatch)
        warning('no workflow_dispatch: add it so the export can be run by hand (and tested) between ticks');
    if (scheduled && !w.concurrency)
        warning('no concurrency group: a slow export and the next tick can overlap; add concurrency with cancel-in-progress: false');
    const zones = [];
    for (const [index, entry] of w.schedules.entries()) {
        const at = `schedule ${index + 1}`;
        const line = entry.line ?? w.line;
        if (typeof entry.cron !== 'string') {
            error(`${at}: cron is missing or not a string; quote it, e.g. '17 6 * * *'`, line);
            continue;
        }
        // Seeded by the schedule's name, so the suggestion matches what `schedule` said.
        const { errors, warnings } = (0,cron_rules/* checkCron */.Pi)(entry.cron, (0,workflow_file/* scheduleName */.V5)(w.file));
        for (const e of errors)
            error(`cron '${entry.cron}' ${e}`, line);
        for (const x of warnings)
            warning(`cron '${entry.cron}' ${x}`, line);
        const zone = readZone(entry.timezone, at, m => error(m, line));
        if (zone === null)
            continue;
        zones.push(zone);
        if (errors.length === 0)
            firings.push(...stepFirings(w, index, entry.cron, zone, line));
    }
    for (const step of w.steps) {
        const where = `job ${step.job}`;
        const error = (m) => add('error')(m, step.line ?? w.line);
        const warning = (m) => add('warning')(m, step.line ?? w.line);
        if (step.token === 'literal')
            error(`${where}: the token is written in the file; anyone who can read the repository has it. Revoke it and pass token: \${{ secrets.QUALYTICS_TOKEN }}`);
        else if (step.token === 'missing' && !step.merges)
            error(`${where}: no token; pass token: \${{ secrets.QUALYTICS_TOKEN }}`);
        else if (step.token === 'expression')
            warning(`${where}: the token does not come from a secret; use \${{ secrets.QUALYTICS_TOKEN }}`);
        if (step.heartbeat === 'literal')
            error(`${where}: the heartbeat URL is written in the file; anyone who can read the repository can ping it and silence the alarm. Pass heartbeat-url: \${{ secrets.QUALYTICS_HEARTBEAT_URL }}`);
        if (step.datastoreTags && step.datastore)
            error(`${where}: datastore and datastore-tags are both set; the action refuses that, keep one`);
        if (scheduled &&
            !step.merges &&
            step.datastore === '' &&
            step.datastoreTags === '')
            error(`${where}: a scheduled run has no inputs, so datastore is empty on every tick; write datastore: \${{ inputs.datastore || '42' }} with your id`);
        for (const problem of inputProblems(step.datastore, step.datastoreTags, step.options))
            error(`${where}: ${problem}`);
        const stepZone = sameZone(step.scheduleTimezone);
        if (stepZone === undefined)
            error(`${where}: schedule-timezone '${(0,workflow_scan/* yamlText */.pS)(step.scheduleTimezone)}' is not an IANA time zone; the action refuses it`);
        for (const zone of new Set(zones))
            if (stepZone && stepZone !== zone)
                warning(`${where}: schedule-timezone is '${stepZone}' but the schedule runs in '${zone}'; the action's next-run and summary will use the wrong zone`);
    }
    return found;
}
/** Datastore and options a scheduled run would pass, checked as the action will. */
function inputProblems(datastore, datastoreTags, options) {
    const problems = [];
    for (const check of [
        () => datastore && (0,parsers/* parseIdList */.hG)('datastore', datastore),
        () => datastoreTags && (0,parsers/* parseTagList */.cl)('datastore-tags', datastoreTags),
        () => options && (0,parsers/* parseOptions */.Ac)(options)
    ]) {
        try {
            check();
        }
        catch (e) {
            problems.push(e instanceof Error ? e.message : String(e));
        }
    }
    return problems;
}
/**
 * A `schedule-timezone` value in the form readZone gives: null for an
 * expression (unknowable), undefined when the action would refuse it.
 */
function sameZone(value) {
    if (typeof value === 'string' && value.includes('${{'))
        return null;
    try {
        return (0,parsers/* parseTimezone */.hr)((0,workflow_scan/* yamlText */.pS)(value).trim() || 'UTC');
    }
    catch {
        return undefined;
    }
}
function readZone(value, at, error) {
    if (value === undefined)
        return 'UTC';
    try {
        return (0,parsers/* parseTimezone */.hr)((0,workflow_scan/* yamlText */.pS)(value));
    }
    catch {
        error(`${at}: timezone '${(0,workflow_scan/* yamlText */.pS)(value)}' is not an IANA time zone such as Europe/Berlin`);
        return null;
    }
}
/** What each export step of the workflow exports when this cron fires. */
function stepFirings(w, entry, cron, zone, line) {
    return w.steps.flatMap(step => {
        try {
            // Datastores chosen by tag are known only to Qualytics: no overlap to tell.
            if (step.datastore === undefined || step.options === undefined)
                return [];
            const datastores = (0,parsers/* parseIdList */.hG)('datastore', step.datastore);
            const types = (0,parsers/* parseOptions */.Ac)(step.options || 'all');
            return [{ path: w.path, line, entry, cron, zone, datastores, types }];
        }
        catch {
            return []; // Reported above; it cannot collide with anything.
        }
    });
}


/***/ }),

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

/***/ 4667:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   pS: () => (/* binding */ yamlText),
/* harmony export */   wG: () => (/* binding */ scanWorkflows)
/* harmony export */ });
/* unused harmony export tokenSource */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


const isMapping = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const EXPRESSION = /^\$\{\{[\s\S]*\}\}$/;
/** `${{ inputs.x }}` or `${{ inputs.x || 'fallback' }}` (also github.event.inputs). */
const INPUT_EXPRESSION = /^\$\{\{\s*(?:github\.event\.)?inputs\.[\w-]+\s*(?:\|\|\s*'((?:[^']|'')*)'\s*)?\}\}$/;
/**
 * Whether a `uses:` value is this action (published or the repository's own
 * `./`). GitHub matches owner and repository without regard to case, so
 * `Qualytics/Qualytics-Export-Action@v1` is this action too.
 */
function usesExportAction(uses) {
    return (typeof uses === 'string' &&
        (/qualytics-export-action/i.test(uses) || /^\.\/?$/.test(uses.trim())));
}
/**
 * Every workflow in `dir` that uses the export action, sorted by file name.
 * A file whose YAML does not parse is included (with `error`) when its text
 * mentions the action, so `check` can report it. A missing directory is an
 * empty list.
 */
async function scanWorkflows(dir) {
    let names;
    try {
        names = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(dir)).filter(n => /\.ya?ml$/i.test(n)).sort();
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return [];
        throw error;
    }
    const { LineCounter, parseDocument } = await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 8815, 19));
    const found = [];
    for (const file of names) {
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, file);
        const text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8');
        const lines = new LineCounter();
        const document = parseDocument(text, {
            uniqueKeys: true,
            lineCounter: lines
        });
        const lineAt = (offset) => lines.linePos(offset).line;
        let doc;
        let problem = document.errors[0];
        try {
            if (!problem)
                doc = document.toJS();
        }
        catch (error) {
            problem = error;
        }
        if (problem) {
            if (/qualytics-export-action|uses:\s*\.\/?\s*$/im.test(text)) {
                const line = problem.pos ? lineAt(problem.pos[0]) : undefined;
                found.push({
                    ...empty(path, file),
                    error: problem.message.split('\n')[0],
                    line
                });
            }
            continue;
        }
        const lineOf = at => {
            const node = document.getIn(at, true);
            const start = node?.range?.[0];
            return start === undefined ? undefined : lineAt(start);
        };
        const workflow = readWorkflow(doc, path, file, lineOf);
        if (workflow)
            found.push(workflow);
    }
    return found;
}
function empty(path, file) {
    return {
        path,
        file,
        schedules: [],
        dispatch: false,
        concurrency: false,
        steps: []
    };
}
/** The parts of a parsed workflow the CLI cares about; null when it does not use the action. */
function readWorkflow(doc, path, file, lineOf = () => undefined) {
    if (!isMapping(doc) || !isMapping(doc.jobs))
        return null;
    const steps = [];
    for (const [job, body] of Object.entries(doc.jobs)) {
        if (!isMapping(body) || !Array.isArray(body.steps))
            continue;
        for (const [index, step] of body.steps.entries()) {
            if (!isMapping(step) || !usesExportAction(step.uses))
                continue;
            const given = isMapping(step.with) ? step.with : {};
            // The action reads QUALYTICS_TOKEN when `token` is empty; a literal in
            // any env level is in the file whichever one wins.
            const envTokens = [step.env, body.env, doc.env].map(e => isMapping(e) ? e.QUALYTICS_TOKEN : undefined);
            const sources = [given.token, ...envTokens].map(tokenSource);
            const used = [given.token, ...envTokens].find(v => v !== undefined && v !== null && v !== '');
            steps.push({
                job,
                uses: step.uses,
                datastore: scheduledValue(given.datastore),
                datastoreTags: scheduledValue(given['datastore-tags']),
                containers: scheduledValue(given.containers),
                containerTags: scheduledValue(given['container-tags']),
                options: scheduledValue(given.options),
                scheduleTimezone: given['schedule-timezone'] ?? '',
                token: sources.includes('literal') ? 'literal' : tokenSource(used),
                heartbeat: tokenSource(given['heartbeat-url']),
                merges: Boolean(given['merge-results']),
                line: lineOf(['jobs', job, 'steps', index])
            });
        }
    }
    if (steps.length === 0)
        return null;
    const on = doc.on;
    const triggers = isMapping(on)
        ? Object.keys(on)
        : Array.isArray(on)
            ? on.map(String)
            : [String(on)];
    const schedule = isMapping(on) && Array.isArray(on.schedule) ? on.schedule : [];
    return {
        path,
        file,
        schedules: schedule.map((entry, index) => ({
            cron: isMapping(entry) ? entry.cron : entry,
            timezone: isMapping(entry) ? entry.timezone : undefined,
            line: lineOf(['on', 'schedule', index])
        })),
        dispatch: triggers.includes('workflow_dispatch'),
        concurrency: doc.concurrency !== undefined,
        steps,
        line: lineOf(['on'])
    };
}
/**
 * What a scheduled run passes for an input written as `value`. A scheduled
 * run has no dispatch inputs, so `${{ inputs.x }}` is empty there (the
 * dispatch default does not apply) and `${{ inputs.x || '42' }}` is `42`.
 * Undefined for any other expression (`${{ vars.X }}`): it cannot be told
 * from the file.
 */
function scheduledValue(value) {
    if (value === undefined || value === null)
        return '';
    if (typeof value !== 'string')
        return yamlText(value);
    const text = value.trim();
    const input = INPUT_EXPRESSION.exec(text);
    if (input)
        return (input[1] ?? '').replace(/''/g, "'").trim();
    return EXPRESSION.test(text) ? undefined : text;
}
/** `${{ ... }}` in a value, with what is inside. */
const EXPRESSIONS = /\$\{\{([\s\S]*?)\}\}/g;
/** A single-quoted string literal of an expression, and what comes before it. */
const STRING_LITERAL = /(\|\||&&|\[|,|\()?\s*'((?:[^']|'')*)'/g;
/** Token-like text: long, no spaces, not a NAME_IN_CAPS (a secret's or variable's name). */
const TOKEN_LIKE = /^(?![A-Z0-9_]+$)[^\s{}]{16,}$/;
/**
 * Where a token value comes from. Any text outside `${{ }}` is written in
 * the file (`'abc${{ github.sha }}'`), and so is a string literal inside one
 * that is a fallback (`secrets.X || 'abc'`) or looks like a token; a secret's
 * name in `secrets['X']` or a format string is not.
 */
function tokenSource(value) {
    if (value === undefined || value === null || value === '')
        return 'missing';
    if (typeof value !== 'string')
        return 'literal';
    const inner = [...value.matchAll(EXPRESSIONS)].map(m => m[1] ?? '');
    if (inner.length === 0 || value.replace(EXPRESSIONS, '').trim() !== '')
        return 'literal';
    for (const expression of inner)
        for (const [, before, text = ''] of expression.matchAll(STRING_LITERAL)) {
            const fallback = (before === '||' || before === '&&') && text !== '';
            if (fallback || (before !== '[' && TOKEN_LIKE.test(text)))
                return 'literal';
        }
    return inner.every(e => /\bsecrets\s*[.[]/i.test(e)) ? 'secret' : 'expression';
}
/** A YAML value as the text a user wrote (numbers stay numbers, not `[object Object]`). */
function yamlText(value) {
    return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
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
