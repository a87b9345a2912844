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
/* harmony import */ var _workflow_dir_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8011);
/* harmony import */ var _commands_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1654);
/* harmony import */ var _workflow_file_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9668);
/* harmony import */ var _safe_write_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1855);
/* harmony import */ var _workflow_scan_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4667);
/* harmony import */ var _terminal_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1028);









const shownPath = (path) => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(process.cwd(), path);
/**
 * `remove`: delete `qualytics-export-<name>.yml`, but only when it still uses
 * the export action; any other workflow is left alone, whatever its name.
 */
async function removeCommand(argv) {
    const flags = (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .parseFlags */ .bQ)(_commands_js__WEBPACK_IMPORTED_MODULE_4__/* .REMOVE */ .t2, argv);
    const where = await (0,_workflow_dir_js__WEBPACK_IMPORTED_MODULE_3__/* .workflowDir */ .N)(flags, 'remove', false);
    const dir = where.shown;
    const name = (0,_workflow_file_js__WEBPACK_IMPORTED_MODULE_8__/* .scheduleName */ .V5)((0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .requiredFlag */ .SN)(flags, 'name', 'daily-audit'));
    const fail = (message) => {
        _terminal_js__WEBPACK_IMPORTED_MODULE_7__/* .stderr */ .vF.write(`qualytics-export remove: ${message}\n`);
        return 1;
    };
    const all = await (0,_workflow_scan_js__WEBPACK_IMPORTED_MODULE_6__/* .scanWorkflows */ .wG)(dir);
    const written = all.filter(w => w.file.startsWith(_workflow_file_js__WEBPACK_IMPORTED_MODULE_8__/* .FILE_PREFIX */ .us));
    const ours = written.filter(w => (0,_workflow_file_js__WEBPACK_IMPORTED_MODULE_8__/* .scheduleName */ .V5)(w.file) === name);
    const target = ours.find(w => !w.error);
    if (!target) {
        if (ours[0])
            return fail(`${ours[0].path} is not valid YAML (${ours[0].error}); fix or delete it by hand.`);
        // The name `list` shows for a workflow written by hand.
        const byHand = all.find(w => !w.file.startsWith(_workflow_file_js__WEBPACK_IMPORTED_MODULE_8__/* .FILE_PREFIX */ .us) && (0,_workflow_file_js__WEBPACK_IMPORTED_MODULE_8__/* .scheduleName */ .V5)(w.file) === name);
        if (byHand)
            return fail(`'${name}' is ${byHand.path}, a workflow written by hand (list marks it so); remove deletes only files 'qualytics-export schedule' wrote. Delete it yourself (git rm ${byHand.path}) if you mean to.`);
        const other = await firstExisting([`${_workflow_file_js__WEBPACK_IMPORTED_MODULE_8__/* .FILE_PREFIX */ .us}${name}.yml`, `${_workflow_file_js__WEBPACK_IMPORTED_MODULE_8__/* .FILE_PREFIX */ .us}${name}.yaml`, name].map(f => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, f)));
        if (other)
            return fail(`${other} does not look like a workflow 'qualytics-export schedule' wrote (no qualytics-export-<name>.yml file that uses the export action); not deleting it.`);
        const names = written.map(w => (0,_workflow_file_js__WEBPACK_IMPORTED_MODULE_8__/* .scheduleName */ .V5)(w.file));
        return fail(`no schedule named '${name}' in ${dir}.${names.length ? ` Schedules: ${names.join(', ')}.` : ''}`);
    }
    try {
        // Never delete through a linked .github or workflows folder.
        await (0,_safe_write_js__WEBPACK_IMPORTED_MODULE_5__/* .ensureRealDir */ .q5)(where.base, where.parts, shownPath, false);
    }
    catch (error) {
        if (error instanceof _safe_write_js__WEBPACK_IMPORTED_MODULE_5__/* .UnsafePathError */ .k0)
            return fail(error.message);
        throw error;
    }
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.unlink)(target.path);
    _terminal_js__WEBPACK_IMPORTED_MODULE_7__/* .stdout */ .Uo.write(`Removed ${target.path}. Commit the deletion to the default branch to stop the schedule.\n`);
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


/***/ })

};
