export const id = 199;
export const ids = [199];
export const modules = {

/***/ 9199:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  reportCommand: () => (/* binding */ reportCommand)
});

// EXTERNAL MODULE: ./src/core/domain/results.ts
var results = __webpack_require__(1518);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/fleet/results-file.ts
var results_file = __webpack_require__(3793);
;// CONCATENATED MODULE: ./src/core/fleet/merge.ts
/**
 * `merge-results` and `qualytics-export report`: many results files, one
 * verdict. Nothing here calls Qualytics; it reads files only.
 */




/** Most files one merge reads: a matrix has at most 256 legs, with room to spare. */
const MAX_MERGED_FILES = 4096;
/**
 * Merge the files the patterns name (one glob per line or comma). A
 * pattern that matches nothing, and a file that is missing, unreadable,
 * garbled or of another version, is a BadResults; any of them makes the
 * result at best `failure`.
 */
async function mergeResults(patterns, cwd) {
    const bad = [];
    const paths = new Set();
    for (const pattern of patterns) {
        const found = await expandGlob(pattern, cwd);
        if (found.length === 0)
            bad.push({
                path: pattern,
                problem: hasWildcard(pattern) ? 'matches no file' : 'is missing'
            });
        for (const path of found)
            paths.add(path);
    }
    const files = [...paths].sort().slice(0, MAX_MERGED_FILES);
    const records = [];
    const names = new Map();
    const merged = [];
    let origin = '';
    for (const path of files) {
        const read = await (0,results_file/* readResultsFile */.B)(path);
        const shown = (0,external_node_path_.relative)(cwd, path) || path;
        if ('problem' in read) {
            bad.push({ path: shown, problem: read.problem });
            continue;
        }
        merged.push(shown);
        records.push(...read.records);
        for (const [id, name] of read.names)
            names.set(id, name);
        origin ||= read.host ?? '';
    }
    const result = (0,results/* overallResult */.ZH)(records);
    return {
        // A file that could not be read may hide a failure: never better than that.
        result: bad.length > 0
            ? worse(result, 'failure')
            : records.length === 0
                ? 'failure'
                : result,
        records,
        datastoreNames: names,
        files: merged,
        bad,
        origin
    };
}
function worse(a, b) {
    return (0,results/* overallResult */.ZH)([{ result: a }, { result: b }]);
}
function hasWildcard(pattern) {
    return /[*?[]/.test(pattern);
}
/**
 * The files a glob names, absolute and sorted: `*` and `?` within one path
 * segment, `**` for any depth, `[abc]` classes. A pattern without
 * wildcards names one file (returned when it exists).
 */
async function expandGlob(pattern, cwd) {
    const absolute = (0,external_node_path_.resolve)(cwd, pattern);
    const parts = absolute.split(external_node_path_.sep);
    const fixed = parts.findIndex(p => hasWildcard(p));
    if (fixed < 0) {
        try {
            return (await (0,promises_.stat)(absolute)).isFile() ? [absolute] : [];
        }
        catch {
            return [];
        }
    }
    const base = parts.slice(0, fixed).join(external_node_path_.sep) || external_node_path_.sep;
    const matcher = globRegExp(parts.slice(fixed).join('/'));
    const found = [];
    const deep = parts.slice(fixed).includes('**');
    const depth = parts.length - fixed;
    await walk(base, '', deep ? Infinity : depth, rel => {
        if (matcher.test(rel))
            found.push((0,external_node_path_.join)(base, rel));
    });
    return found.sort();
}
async function walk(dir, rel, depth, visit) {
    if (depth <= 0)
        return;
    let entries;
    try {
        entries = await (0,promises_.readdir)((0,external_node_path_.join)(dir, rel), { withFileTypes: true });
    }
    catch {
        return;
    }
    for (const entry of entries) {
        const path = rel ? `${rel}/${entry.name}` : entry.name;
        if (entry.isDirectory())
            await walk(dir, path, depth - 1, visit);
        else if (entry.isFile())
            visit(path);
    }
}
/** A glob (with `/` separators) as an anchored regular expression. */
function globRegExp(glob) {
    let source = '';
    for (let i = 0; i < glob.length; i++) {
        const c = glob[i];
        if (c === '*' && glob[i + 1] === '*') {
            // `**/` matches no directory too.
            source += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
            i += glob[i + 2] === '/' ? 2 : 1;
        }
        else if (c === '*')
            source += '[^/]*';
        else if (c === '?')
            source += '[^/]';
        else if (c === '[') {
            const end = glob.indexOf(']', i + 1);
            if (end < 0)
                source += '\\[';
            else {
                source += `[${glob
                    .slice(i + 1, end)
                    .replace(/^!/, '^')
                    .replace(/\\/g, '\\\\')}]`;
                i = end;
            }
        }
        else
            source += c.replace(/[.+^${}()|\\]/g, '\\$&');
    }
    return new RegExp(`^${source}$`);
}

// EXTERNAL MODULE: ./src/core/fleet/session.ts + 1 modules
var session = __webpack_require__(7054);
// EXTERNAL MODULE: ./src/core/output/records.ts
var records = __webpack_require__(323);
// EXTERNAL MODULE: ./src/core/report/verdict.ts
var verdict = __webpack_require__(8971);
// EXTERNAL MODULE: ./src/cli/args.ts + 1 modules
var args = __webpack_require__(6890);
// EXTERNAL MODULE: ./src/cli/reports.ts + 4 modules
var reports = __webpack_require__(933);
// EXTERNAL MODULE: ./src/cli/commands.ts
var commands = __webpack_require__(1654);
// EXTERNAL MODULE: ./src/cli/terminal.ts
var terminal = __webpack_require__(1028);
;// CONCATENATED MODULE: ./src/cli/report.ts









/**
 * `report <files…>`: the action's `merge-results` from a terminal: one
 * verdict, the problems listed, a summary and JUnit file for the CI, and
 * the exit code one run of them all would have. Reads files only.
 */
async function reportCommand(argv) {
    const { flags, operands } = (0,args/* parseCommandLine */.Du)(commands/* REPORT */.ri, argv);
    if (operands.length === 0)
        throw new args/* UsageError */.eb("qualytics-export report: give the results files (or a quoted glob such as 'results/*.json')");
    const term = (0,terminal/* createTerminal */.PB)();
    const json = flags.json === true;
    const out = json ? term.stderr : term.stdout;
    const merged = await mergeResults(operands, process.cwd());
    for (const line of (0,session/* badFileLines */.BM)(merged))
        term.stderr.line(`Error: ${line}`);
    // Problems first, each on its own line; successes only counted.
    for (const record of merged.records.filter(r => r.result !== 'success'))
        out.line((0,verdict/* describeChange */.uQ)(record, merged.datastoreNames));
    out.line((0,session/* describeMerge */.ak)(merged));
    out.line((0,verdict/* verdict */.WJ)(merged.records, merged.result, null));
    if (json)
        term.json((0,records/* operationsJson */.H5)(merged.records, term.safe.redact));
    // The same report files as `run` writes (cli/reports.ts), from the merge.
    await (0,reports/* writeReports */.Li)(term, (0,reports/* reportFiles */.IU)(flags), {
        ...(0,session/* mergedSummary */.rE)(merged),
        failOnWarning: flags['fail-on-warning'] === true,
        startedAt: new Date().toISOString()
    });
    return (0,results/* isFailing */.DI)(merged.result, flags['fail-on-warning'] === true) ? 1 : 0;
}


/***/ })

};
