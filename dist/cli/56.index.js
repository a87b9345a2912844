export const id = 56;
export const ids = [56];
export const modules = {

/***/ 1056:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   removeCommand: () => (/* binding */ removeCommand)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6890);
/* harmony import */ var _commands_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1654);
/* harmony import */ var _workflow_file_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9668);
/* harmony import */ var _workflow_scan_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4667);






/**
 * `remove`: delete `qualytics-export-<name>.yml`, but only when it still uses
 * the export action; any other workflow is left alone, whatever its name.
 */
async function removeCommand(argv) {
    const flags = (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .parseFlags */ .bQ)(_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .REMOVE */ .t2, argv);
    const dir = (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .stringFlag */ .AM)(flags, 'dir') ?? _commands_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_DIR */ .eJ;
    const name = (0,_workflow_file_js__WEBPACK_IMPORTED_MODULE_5__/* .scheduleName */ .V5)((0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .requiredFlag */ .SN)(flags, 'name', 'daily-audit'));
    const fail = (message) => {
        process.stderr.write(`qualytics-export remove: ${message}\n`);
        return 1;
    };
    const written = (await (0,_workflow_scan_js__WEBPACK_IMPORTED_MODULE_4__/* .scanWorkflows */ .wG)(dir)).filter(w => w.file.startsWith(_workflow_file_js__WEBPACK_IMPORTED_MODULE_5__/* .FILE_PREFIX */ .us));
    const ours = written.filter(w => (0,_workflow_file_js__WEBPACK_IMPORTED_MODULE_5__/* .scheduleName */ .V5)(w.file) === name);
    const target = ours.find(w => !w.error);
    if (!target) {
        if (ours[0])
            return fail(`${ours[0].path} is not valid YAML (${ours[0].error}); fix or delete it by hand.`);
        const other = await firstExisting([`${_workflow_file_js__WEBPACK_IMPORTED_MODULE_5__/* .FILE_PREFIX */ .us}${name}.yml`, `${_workflow_file_js__WEBPACK_IMPORTED_MODULE_5__/* .FILE_PREFIX */ .us}${name}.yaml`, name].map(f => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, f)));
        if (other)
            return fail(`${other} does not look like a workflow 'qualytics-export schedule' wrote (no qualytics-export-<name>.yml file that uses the export action); not deleting it.`);
        const names = written.map(w => (0,_workflow_file_js__WEBPACK_IMPORTED_MODULE_5__/* .scheduleName */ .V5)(w.file));
        return fail(`no schedule named '${name}' in ${dir}.${names.length ? ` Schedules: ${names.join(', ')}.` : ''}`);
    }
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.unlink)(target.path);
    process.stdout.write(`Removed ${target.path}. Commit the deletion to the default branch to stop the schedule.\n`);
    return 0;
}
async function firstExisting(paths) {
    for (const path of paths) {
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.access)(path);
            return path;
        }
        catch {
            // Not there: try the next.
        }
    }
    return undefined;
}


/***/ }),

/***/ 4667:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   pS: () => (/* binding */ yamlText),
/* harmony export */   wG: () => (/* binding */ scanWorkflows)
/* harmony export */ });
/* unused harmony exports usesExportAction, readWorkflow, scheduledValue */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


const isMapping = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const EXPRESSION = /^\$\{\{[\s\S]*\}\}$/;
/** `${{ inputs.x }}` or `${{ inputs.x || 'fallback' }}` (also github.event.inputs). */
const INPUT_EXPRESSION = /^\$\{\{\s*(?:github\.event\.)?inputs\.[\w-]+\s*(?:\|\|\s*'((?:[^']|'')*)'\s*)?\}\}$/;
/** Whether a `uses:` value is this action (published or the repository's own `./`). */
function usesExportAction(uses) {
    return (typeof uses === 'string' &&
        (uses.includes('qualytics-export-action') || /^\.\/?$/.test(uses.trim())));
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
    const { parse } = await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 8815, 19));
    const found = [];
    for (const file of names) {
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, file);
        const text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8');
        let doc;
        try {
            doc = parse(text, { uniqueKeys: true });
        }
        catch (error) {
            if (/qualytics-export-action|uses:\s*\.\/?\s*$/m.test(text)) {
                const message = error instanceof Error ? error.message : String(error);
                found.push({ ...empty(path, file), error: message.split('\n')[0] });
            }
            continue;
        }
        const workflow = readWorkflow(doc, path, file);
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
function readWorkflow(doc, path, file) {
    if (!isMapping(doc) || !isMapping(doc.jobs))
        return null;
    const steps = [];
    for (const [job, body] of Object.entries(doc.jobs)) {
        if (!isMapping(body) || !Array.isArray(body.steps))
            continue;
        for (const step of body.steps) {
            if (!isMapping(step) || !usesExportAction(step.uses))
                continue;
            const given = isMapping(step.with) ? step.with : {};
            const env = [step.env, body.env, doc.env].find(e => isMapping(e) && e.QUALYTICS_TOKEN !== undefined);
            steps.push({
                job,
                uses: step.uses,
                datastore: scheduledValue(given.datastore),
                options: scheduledValue(given.options),
                scheduleTimezone: given['schedule-timezone'] ?? '',
                token: tokenSource(given.token ?? env?.QUALYTICS_TOKEN)
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
        schedules: schedule.map(entry => ({
            cron: isMapping(entry) ? entry.cron : entry,
            timezone: isMapping(entry) ? entry.timezone : undefined
        })),
        dispatch: triggers.includes('workflow_dispatch'),
        concurrency: doc.concurrency !== undefined,
        steps
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
function tokenSource(value) {
    if (value === undefined || value === null || value === '')
        return 'missing';
    // Text around an expression (`Bearer ${{ secrets.T }}`) is still no literal token.
    if (typeof value !== 'string' || !value.includes('${{'))
        return 'literal';
    return /\bsecrets\./.test(value) ? 'secret' : 'expression';
}
/** A YAML value as the text a user wrote (numbers stay numbers, not `[object Object]`). */
function yamlText(value) {
    return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}


/***/ })

};
