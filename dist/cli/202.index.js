export const id = 202;
export const ids = [202];
export const modules = {

/***/ 933:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  IU: () => (/* binding */ reportFiles),
  Li: () => (/* binding */ writeReports)
});

// UNUSED EXPORTS: renderDotenv

// EXTERNAL MODULE: ./src/core/domain/results.ts
var results = __webpack_require__(1518);
// EXTERNAL MODULE: ./src/core/output/records.ts
var output_records = __webpack_require__(323);
// EXTERNAL MODULE: ./src/core/report/verdict.ts
var verdict = __webpack_require__(8971);
;// CONCATENATED MODULE: ./src/core/report/junit.ts
/**
 * The run as a JUnit XML report, the one test report format that GitLab
 * (pipeline and merge request), Azure Pipelines, Jenkins and Bitbucket all
 * read. Pure: records in, XML out; server text is redacted and capped
 * before it is escaped.
 */



/**
 * How a result shows in JUnit. An export that ended `failure` or `aborted`
 * is a test that ran and failed (`<failure>`); one stopped by `timeout` or
 * `cancelled` never reached a verdict, which JUnit calls an error
 * (`<error>`); not waited for (`running`) or a dry run did not run
 * (`<skipped>`). A warning passes with its message as output, unless
 * `fail-on-warning` makes it a failure.
 */
function junitOutcome(result, failOnWarning) {
    switch (result) {
        case 'failure':
        case 'aborted':
            return 'failure';
        case 'timeout':
        case 'cancelled':
            return 'error';
        case 'running':
        case 'dry-run':
            return 'skipped';
        case 'warning':
            return failOnWarning ? 'failure' : 'passed';
        default:
            return 'passed';
    }
}
/** Characters XML 1.0 cannot carry at all, escaped or not (and lone surrogates). */
const NOT_XML = 
// eslint-disable-next-line no-control-regex
/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udfff]/gu;
/** Text for an attribute or element: no markup, no character XML refuses. */
function xmlText(text) {
    return text
        .replace(NOT_XML, '')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&apos;')
        .replace(/\r/g, '&#13;');
}
const attrs = (values) => Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlText(String(v))}"`)
    .join('');
/** The text of a case: Qualytics' message, then the action's notes, then the id. */
function caseText(record) {
    return [
        record.message,
        ...record.notes,
        record.id === null ? null : `Operation ${record.id} (${record.result}).`
    ]
        .filter(Boolean)
        .join('\n');
}
/** The first line of a text, short, for the `message` attribute. */
const headline = (text) => {
    const first = text.split('\n')[0] ?? '';
    return first.length > 200 ? `${first.slice(0, 199)}…` : first;
};
function testCase(record, names, failOnWarning) {
    const seconds = (0,results/* durationSeconds */.o8)(record);
    const open = `    <testcase${attrs({
        classname: `qualytics-export.datastore-${record.datastoreId}`,
        name: (0,verdict/* exportLabel */.TM)(record, names),
        time: seconds === null ? undefined : seconds.toFixed(3)
    })}`;
    const text = caseText(record);
    const outcome = junitOutcome(record.result, failOnWarning);
    const body = outcome === 'passed'
        ? text && record.result !== 'success'
            ? `      <system-out>${xmlText(text)}</system-out>`
            : ''
        : outcome === 'skipped'
            ? `      <skipped${attrs({ message: record.result === 'dry-run' ? 'Dry run: nothing was triggered.' : 'Not waited for: still running in Qualytics.' })}/>`
            : `      <${outcome}${attrs({ message: headline(text) || record.result, type: record.result })}>${xmlText(text || record.result)}</${outcome}>`;
    return body ? `${open}>\n${body}\n    </testcase>` : `${open}/>`;
}
/**
 * The JUnit XML of a run: one `<testsuite>` named `qualytics-export`, one
 * `<testcase>` per export (classname `qualytics-export.datastore-<id>`,
 * named by asset type and datastore). A run that stopped before any export
 * is one case in error, so the report never shows an empty green suite.
 */
function renderJunit(input, redact) {
    const names = (0,output_records/* safeNames */.KU)(input.datastoreNames, redact);
    const records = input.records.map(r => (0,output_records/* safeRecord */.v7)(r, redact));
    const cases = records.map(r => testCase(r, names, input.failOnWarning));
    const counts = { failure: 0, error: 0, skipped: 0 };
    for (const r of records) {
        const outcome = junitOutcome(r.result, input.failOnWarning);
        if (outcome !== 'passed')
            counts[outcome]++;
    }
    if (input.problem !== undefined) {
        const problem = redact(input.problem);
        cases.push(`    <testcase${attrs({ classname: 'qualytics-export', name: 'preflight' })}>\n      <error${attrs({ message: headline(problem), type: 'preflight' })}>${xmlText(problem)}</error>\n    </testcase>`);
        counts.error++;
    }
    const suite = attrs({
        name: 'qualytics-export',
        tests: cases.length,
        failures: counts.failure,
        errors: counts.error,
        skipped: counts.skipped,
        time: input.elapsedMs === null
            ? undefined
            : (input.elapsedMs / 1000).toFixed(3),
        timestamp: input.startedAt
    });
    return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites${attrs({ name: 'qualytics-export', tests: cases.length, failures: counts.failure, errors: counts.error })}>`,
        `  <testsuite${suite}>`,
        '    <properties>',
        `      <property${attrs({ name: 'qualytics.host', value: redact(input.origin) })}/>`,
        '    </properties>',
        ...cases,
        '  </testsuite>',
        '</testsuites>',
        ''
    ].join('\n');
}

// EXTERNAL MODULE: ./src/core/config/duration.ts
var duration = __webpack_require__(6740);
// EXTERNAL MODULE: ./src/core/output/cap.ts
var cap = __webpack_require__(3905);
;// CONCATENATED MODULE: ./src/core/report/links.ts
/**
 * Links from the job summary into the Qualytics app. They are built only
 * from the configured origin (ours, validated by the config) and numeric
 * ids, never from text a server sent, so a server cannot plant a link.
 *
 * The operation page form is the one the Qualytics user guide gives for a
 * Flow notification's `{{target_link}}` of an operation:
 * `https://<instance>.qualytics.io/datastores/<datastore-id>/activity?operation_id=<id>`
 * (Qualytics/userguide, Flows notification examples).
 */
/** The app's home page, or null when the origin is not http(s). */
function appUrl(origin) {
    const base = parseOrigin(origin);
    return base ? `${base}/` : null;
}
/** The operation in the datastore's Activity tab, or null when not linkable. */
function operationUrl(origin, datastoreId, operationId) {
    const base = parseOrigin(origin);
    if (!base || !isId(datastoreId) || !isId(operationId))
        return null;
    return `${base}/datastores/${datastoreId}/activity?operation_id=${operationId}`;
}
/** `https://host[:port]` of an http(s) origin, without path or trailing slash. */
function parseOrigin(origin) {
    try {
        const url = new URL(origin);
        if (url.protocol !== 'https:' && url.protocol !== 'http:')
            return null;
        // Only scheme, host and port: a path or credentials never reach a link.
        return url.origin;
    }
    catch {
        return null;
    }
}
function isId(n) {
    return Number.isSafeInteger(n) && n > 0;
}

// EXTERNAL MODULE: ./src/core/output/neutralise.ts
var neutralise = __webpack_require__(3939);
// EXTERNAL MODULE: ./src/core/report/summary-text.ts
var summary_text = __webpack_require__(5796);
// EXTERNAL MODULE: ./src/core/schedule/zone-time.ts
var zone_time = __webpack_require__(1925);
;// CONCATENATED MODULE: ./src/core/report/summary-rows.ts
/**
 * The exports table of the job summary. Few, narrow columns whose words do
 * not wrap; everything long (Qualytics' message, the action's own notes,
 * where the export landed) goes on a full-width line under its row, where
 * it wraps instead of pushing the table past the page.
 */






/** How the count reads under a row, explained in a footnote. */
const HELD = 'Held at export';
const COLUMNS = [
    {
        head: 'Result',
        // No break between icon and word: a wrapped icon reads as a separate cell.
        // A queued export (wait: false, or a partial summary) is still going,
        // but not yet running: the word says which.
        cell: r => r.result === 'running' && r.queued
            ? `🕒&nbsp;queued`
            : `${summary_text/* RESULT_ICON */.kF[r.result]}&nbsp;${r.result}`
    },
    { head: 'Datastore', cell: (r, c) => datastoreCell(r.datastoreId, c) },
    { head: 'Asset', cell: r => r.assetType },
    {
        head: 'Operation',
        cell: (r, c) => operationCell(r, c.origin),
        optional: r => r.id !== null
    }
];
/** The exports as a table of the columns some of its rows fill. */
function exportTable(records, context) {
    const columns = COLUMNS.filter(c => !c.optional || records.some(c.optional));
    const head = columns.map(c => `<th>${c.head}</th>`).join('');
    const rows = records.flatMap(r => {
        const row = `<tr>${columns.map(c => `<td>${c.cell(r, context)}</td>`).join('')}</tr>`;
        const detail = detailLines(r, context);
        return detail.length === 0
            ? [row]
            : [
                row,
                `<tr><td colspan="${columns.length}">${detail.join('<br>')}</td></tr>`
            ];
    });
    return `<table>\n<tr>${head}</tr>\n${rows.join('\n')}\n</table>`;
}
/** `Sales&nbsp;Warehouse <code>42</code>`: a short name never wraps. */
function datastoreCell(id, context) {
    const name = context.datastoreNames.get(id);
    if (!name)
        return `<code>${id}</code>`;
    const text = escapeHtml(name);
    const shown = name.length <= summary_text/* NAME_NOWRAP_MAX */.jr ? text.replace(/ /g, '&nbsp;') : text;
    // A plain space before the id: when the window is narrow the id moves
    // under the name, and the name itself stays whole.
    return `${shown} <code>${id}</code>`;
}
/**
 * The id, linked to the operation in Qualytics when it has one, and how
 * long it took (in the same cell: a column of its own would push the
 * table past a narrow window).
 */
function operationCell(record, origin) {
    if (record.id === null)
        return '–';
    const code = `<code>${record.id}</code>`;
    const url = operationUrl(origin, record.datastoreId, record.id);
    const link = url ? `<a href="${escapeHref(url)}">${code}</a>` : code;
    const seconds = (0,results/* durationSeconds */.o8)(record);
    if (seconds === null)
        return link;
    return `${link}&nbsp;·&nbsp;${(0,duration/* formatDuration */.a3)(seconds * 1000).replace(/ /g, '&nbsp;')}`;
}
/**
 * What goes under a row: a line of facts (the count, where the export
 * landed, how fresh the last good one is), the action's own findings, and
 * Qualytics' message, labelled as its own.
 */
function detailLines(record, context) {
    const lines = [];
    const facts = factsOf(record, context);
    if (facts.length > 0)
        lines.push(facts.join(' · '));
    for (const note of record.notes)
        lines.push(`ℹ️ ${escapeHtml(note)}`);
    // Last: a long message folds into a block, and nothing should follow it.
    if (record.message)
        lines.push(message(record.message));
    return lines;
}
function factsOf(record, context) {
    const facts = [];
    if (record.count !== null)
        facts.push(`${record.count} held at export`);
    if (record.adopted)
        facts.push('followed an export already running in Qualytics');
    const table = record.table ? `<code>${escapeHtml(record.table)}</code>` : null;
    if (record.verified === true)
        facts.push(`landed in ${table ?? 'its table'} ✅`);
    else if (record.verified === false)
        facts.push(`⚠️ ${table ?? 'the export table'} missing or not written by this export`);
    else if (table)
        facts.push(`table ${table} (not verified)`);
    const missed = record.missedRuns ?? 0;
    if (missed > 0)
        facts.push(`⚠️ ${nowrap((0,summary_text/* plural */.LS)(missed, 'missed run'))}`);
    // The last good snapshot matters when this one is not good (or runs were missed).
    if (record.lastSuccessAt && (record.result !== 'success' || missed > 0)) {
        const zone = context.schedule?.timezone ?? 'UTC';
        facts.push(`last good snapshot ${nowrap((0,zone_time/* whenInZone */.W)(record.lastSuccessAt, zone))}`);
    }
    return facts;
}
/** Escaped, with spaces that do not break (a date read across two lines misleads). */
function nowrap(text) {
    return escapeHtml(text).replace(/ /g, '&nbsp;');
}
/** A long message shows its start; the rest folds out beneath it. */
function message(text) {
    const label = '<strong>Qualytics:</strong> ';
    const { preview, rest } = (0,summary_text/* splitMessage */.kw)(text);
    if (rest === null)
        return label + escapeHtml(preview);
    return `<details><summary>${label}${escapeHtml(preview)}…</summary>…${escapeHtml(rest)}</details>`;
}
/**
 * Escape one non-literal string for the summary: the way out's summary
 * neutraliser (HTML specials and Markdown punctuation as entities, no line
 * breaks, no control characters). Redaction happens before, on the input.
 */
function escapeHtml(text) {
    return (0,neutralise/* forSummary */.oN)(text);
}
/**
 * Escape a link the action built itself (our origin and numeric ids) for an
 * `href`: only the HTML specials, so the address stays as written.
 */
function escapeHref(url) {
    return url.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
}

;// CONCATENATED MODULE: ./src/core/report/summary.ts








/** How the tally line counts each result ("28 succeeded"). */
const TALLY_WORDS = {
    failure: 'failed',
    cancelled: 'cancelled',
    timeout: 'timed out',
    aborted: 'aborted',
    warning: 'with a warning',
    running: 'still running',
    'dry-run': 'planned',
    success: 'succeeded'
};
/** More rows than this: the successes fold into a <details> below the rest. */
const FOLD_SUCCESSES_ABOVE = 10;
/**
 * The job summary as one HTML block (GitHub renders HTML in step summaries;
 * no blank line inside, so no Markdown comes alive in it): outcome,
 * schedule and a tally on top, then the exports, failing ones first, each
 * message on a full-width line under its row, so the one thing a failed run
 * must show is in view in a narrow window beside the jobs sidebar. With
 * many exports the successes fold away.
 */
function renderSummary(input) {
    const { records, result } = input;
    const parts = [
        `<h2>${summary_text/* RESULT_ICON */.kF[result]} Qualytics export: ${result}</h2>`
    ];
    if (input.schedule)
        parts.push(scheduleLine(input.schedule));
    if (input.merged)
        parts.push(mergedSection(input.merged));
    else
        parts.push(`<p>${input.problem ? escapeHtml(input.problem) : factsLine(input)}</p>`);
    // A tally only says something when results differ (a fleet always counts).
    if (new Set(records.map(r => r.result)).size > 1 ||
        (input.merged && records.length > 0))
        parts.push(`<p>${tally(records)}</p>`);
    if (input.advice)
        parts.push(`<p><strong>What to do:</strong> ${escapeHtml(input.advice)}</p>`);
    if (input.preflight)
        parts.push(planSection(input, input.preflight));
    const sorted = worstFirst(records);
    const fold = records.length > FOLD_SUCCESSES_ABOVE;
    const shown = fold ? sorted.filter(r => r.result !== 'success') : sorted;
    const folded = fold ? sorted.filter(r => r.result === 'success') : [];
    if (shown.length > 0)
        parts.push(exportTable(shown, input));
    if (folded.length > 0) {
        parts.push(`<details><summary>${summary_text/* RESULT_ICON */.kF.success} ${folded.length} exports succeeded (show them)</summary>\n${exportTable(folded, input)}\n</details>`);
    }
    if (records.some(r => r.count !== null)) {
        parts.push(`<p><sub>${HELD}: how many anomalies or checks Qualytics held for the datastore (or the chosen containers) when the export ran; not a count of rows written. Field profiles have no count.</sub></p>`);
    }
    return parts.join('\n') + '\n' + durationCharts(records);
}
/** Charts shown at most: a fleet's summary stays readable and small. */
const MAX_CHARTS = 10;
/**
 * How each chart is drawn, as Mermaid front matter: lower than Mermaid's
 * 700 by 500 so a chart fits a laptop's window; bars in a blue that reads
 * on GitHub's light and dark pages alike (Mermaid's light theme draws them
 * nearly white), on the page's own background.
 */
const CHART_CONFIG = [
    '---',
    'config:',
    '  xyChart:',
    '    height: 300',
    '  themeVariables:',
    '    xyChart:',
    '      plotColorPalette: "#2f81f7"',
    '      backgroundColor: transparent',
    '---'
];
/** Longer than this (seconds), a chart counts in minutes. */
const MINUTES_FROM = 180;
/**
 * The top of a chart's axis: a round number at or above the longest bar.
 * The axis starts at 0, so bar heights compare as durations do (Mermaid's
 * own range starts at the shortest bar, which makes noise look like a
 * slowdown).
 */
function axisTop(value) {
    if (!(value > 0))
        return 1;
    const power = 10 ** Math.floor(Math.log10(value));
    const step = [1, 2, 2.5, 5, 10].find(m => m * power >= value) ?? 10;
    return step * power;
}
/**
 * Earlier exports' durations beside this one's, as Mermaid bar charts in a
 * fold, for each export whose history holds three or more earlier
 * successes: a slowdown shows before anyone reads numbers. Outside the
 * HTML block (Mermaid needs a Markdown fence); titles hold only our own
 * words and numbers, never server text.
 */
function durationCharts(records) {
    const charts = records
        .map(r => ({ r, now: (0,results/* durationSeconds */.o8)(r) }))
        .filter(({ r, now }) => now !== null && !r.reused && (r.earlierSeconds?.length ?? 0) >= 3)
        .slice(0, MAX_CHARTS)
        .map(({ r, now }) => {
        const earlier = r.earlierSeconds ?? [];
        const seconds = [...earlier, now];
        const unit = Math.max(...seconds) > MINUTES_FROM ? 'minutes' : 'seconds';
        const bars = seconds.map(s => unit === 'minutes' ? Math.round(s / 6) / 10 : s);
        const labels = [
            ...earlier.map((_, i) => `"-${earlier.length - i}"`),
            '"this"'
        ];
        return [
            '```mermaid',
            ...CHART_CONFIG,
            'xychart-beta',
            `  title "${r.assetType} of datastore ${r.datastoreId}"`,
            `  x-axis "earlier exports, oldest first, then this one" [${labels.join(', ')}]`,
            `  y-axis "${unit}" 0 --> ${axisTop(Math.max(...bars))}`,
            `  bar [${bars.join(', ')}]`,
            '```'
        ].join('\n');
    });
    if (charts.length === 0)
        return '';
    return `\n<details><summary>📈 Durations against earlier exports</summary>\n\n${charts.join('\n\n')}\n\n</details>\n`;
}
/** `on acme.qualytics.io`, linked to the app when the origin allows. */
function hostLink(origin) {
    const host = `<code>${escapeHtml(origin.replace(/^https?:\/\//, ''))}</code>`;
    const url = appUrl(origin);
    return url ? `<a href="${escapeHref(url)}">${host}</a>` : host;
}
function factsLine(input) {
    const { records } = input;
    const datastores = new Set(records.map(r => r.datastoreId)).size;
    const what = `${(0,summary_text/* plural */.LS)(records.length, 'export')} of ${(0,summary_text/* plural */.LS)(datastores, 'datastore')}`;
    const where = `on ${hostLink(input.origin)}`;
    switch (input.result) {
        case 'dry-run':
            return `Dry run: ${what} planned ${where}. The token and the datastores were checked; nothing was triggered.`;
        case 'running':
            return `${what} started ${where} and not waited for (<code>wait: false</code>); follow them in Qualytics.`;
        default:
            return [
                what,
                input.elapsedMs !== null ? `in ${(0,duration/* formatDuration */.a3)(input.elapsedMs)}` : '',
                where
            ]
                .filter(Boolean)
                .join(' ');
    }
}
/** What a merge read: its sentence, then each file it could not merge. */
function mergedSection(merged) {
    const bad = merged.bad.map(b => `<li>${summary_text/* RESULT_ICON */.kF.failure} <code>${escapeHtml(b.path)}</code> ${escapeHtml(b.problem)}</li>`);
    return [
        `<p>🧩 ${escapeHtml(merged.sentence)}</p>`,
        ...(bad.length > 0 ? ['<ul>', ...bad, '</ul>'] : [])
    ].join('\n');
}
function scheduleLine(schedule) {
    // GitHub's words start a sentence ("Runs at 06:17"); here they sit in brackets.
    const said = schedule.description;
    const words = [
        said && said[0].toLowerCase() + said.slice(1),
        schedule.timezone
    ]
        .filter(Boolean)
        .map(w => escapeHtml(w))
        .join(', ');
    const next = schedule.nextRun
        ? ` · next run <strong>${escapeHtml((0,zone_time/* whenInZone */.W)(schedule.nextRun, schedule.timezone))}</strong>`
        : '';
    const late = schedule.scheduledAt && schedule.lateSeconds != null
        ? ` · slot <strong>${escapeHtml((0,zone_time/* whenInZone */.W)(schedule.scheduledAt, schedule.timezone))}</strong>, started ${schedule.lateSeconds < 60 ? 'on time' : `<strong>${escapeHtml((0,duration/* formatDuration */.a3)(schedule.lateSeconds * 1000))} late</strong>`}`
        : '';
    return `<p>🗓️ Scheduled by <code>${escapeHtml(schedule.cron)}</code> (${words})${next}${late}</p>`;
}
const CHECK_WORDS = {
    passed: '✅&nbsp;ready',
    unlinked: '❌&nbsp;no&nbsp;enrichment',
    failed: '❌&nbsp;failed',
    unchecked: '➖&nbsp;not&nbsp;checked'
};
/**
 * A run that preflight stopped: what would have been exported, and which
 * datastores passed, so a fix for one datastore is not a guess about the
 * others.
 */
function planSection(input, pre) {
    const ids = [...new Set(pre.plan.map(p => p.datastoreId))];
    const rows = ids.map(id => {
        const check = pre.checked.find(c => c.id === id);
        const outcome = check?.outcome ?? 'unchecked';
        const name = check?.name ?? input.datastoreNames.get(id);
        const where = outcome === 'passed' && check?.enrichment
            ? ` → ${escapeHtml(check.enrichment)}`
            : '';
        const assets = pre.plan
            .filter(p => p.datastoreId === id)
            .map(p => p.assetType)
            .join(', ');
        return `<tr><td>${name ? `${escapeHtml(name)} ` : ''}<code>${id}</code></td><td>${CHECK_WORDS[outcome]}${where}</td><td>${assets}</td></tr>`;
    });
    return [
        `<p>Nothing was triggered. The plan (${(0,summary_text/* plural */.LS)(pre.plan.length, 'export')} on ${hostLink(input.origin)}), and what the checks found:</p>`,
        '<table>',
        '<tr><th>Datastore</th><th>Check</th><th>Planned</th></tr>',
        ...rows,
        '</table>'
    ].join('\n');
}
function tally(records) {
    return results/* WORST_FIRST */.vh.map(result => [result, records.filter(r => r.result === result).length])
        .filter(([, n]) => n > 0)
        .map(([result, n]) => `${summary_text/* RESULT_ICON */.kF[result]} ${n} ${TALLY_WORDS[result]}`)
        .join(' · ');
}
function worstFirst(records) {
    return records
        .map((record, index) => ({ record, index }))
        .sort((a, b) => results/* WORST_FIRST */.vh.indexOf(a.record.result) -
        results/* WORST_FIRST */.vh.indexOf(b.record.result) || a.index - b.index)
        .map(({ record }) => record);
}
/** Summary input with every server string redacted and capped, before rendering. */
function safeSummaryInput(input, redact) {
    const text = (t) => t === undefined
        ? undefined
        : (0,cap/* cap */.Np)(redact((0,cap/* window */.x)(t, cap/* MESSAGE_CAP */.pT)), cap/* MESSAGE_CAP */.pT);
    return {
        ...input,
        records: input.records.map(r => (0,output_records/* safeRecord */.v7)(r, redact)),
        datastoreNames: (0,output_records/* safeNames */.KU)(input.datastoreNames, redact),
        origin: redact(input.origin),
        problem: text(input.problem),
        advice: text(input.advice),
        merged: input.merged && {
            sentence: text(input.merged.sentence) ?? '',
            bad: input.merged.bad.map(b => ({
                path: (0,output_records/* capField */.Dl)(b.path, redact, output_records/* NAME_CAP */.X7) ?? '',
                problem: text(b.problem) ?? ''
            }))
        },
        // Preflight's datastore and enrichment names are server text too.
        preflight: input.preflight && {
            plan: input.preflight.plan,
            checked: input.preflight.checked.map(c => ({
                ...c,
                name: (0,output_records/* capField */.Dl)(c.name, redact, output_records/* NAME_CAP */.X7),
                enrichment: (0,output_records/* capField */.Dl)(c.enrichment, redact, output_records/* NAME_CAP */.X7)
            }))
        }
    };
}

// EXTERNAL MODULE: ./src/cli/args.ts + 1 modules
var args = __webpack_require__(6890);
;// CONCATENATED MODULE: ./src/cli/reports.ts
/**
 * The report files `run` writes for a CI system: the Markdown summary
 * (`--summary-file`), JUnit XML (`--junit-file`) and the outputs as dotenv
 * (`--dotenv-file`). All go through the terminal's writer (redacted, no
 * control sequences), on success, failure and a run that stopped early.
 */




/** The report flags `run` was given. */
function reportFiles(flags) {
    const files = {};
    const summary = (0,args/* stringFlag */.AM)(flags, 'summary-file');
    const junit = (0,args/* stringFlag */.AM)(flags, 'junit-file');
    const dotenv = (0,args/* stringFlag */.AM)(flags, 'dotenv-file');
    if (summary)
        files.summary = summary;
    if (junit)
        files.junit = junit;
    if (dotenv)
        files.dotenv = dotenv;
    return files;
}
/** Write every report asked for, from the same facts as the summary. */
async function writeReports(term, files, input) {
    const redact = term.safe.redact;
    if (files.summary)
        await term.file(files.summary, renderSummary(safeSummaryInput(input, redact)));
    if (files.junit)
        await term.file(files.junit, renderJunit({
            records: input.records,
            datastoreNames: input.datastoreNames,
            failOnWarning: input.failOnWarning,
            origin: input.origin,
            elapsedMs: input.elapsedMs,
            startedAt: input.startedAt,
            ...(input.problem === undefined ? {} : { problem: input.problem })
        }, redact));
    if (files.dotenv)
        await term.file(files.dotenv, renderDotenv(input.result, input.records));
}
/** Longest list value written. GitLab refuses a dotenv report above 5 KB. */
const DOTENV_LIST_CAP = 2000;
/** The variables' prefix: each name is the output's, upper case, `_` for `-`. */
const DOTENV_PREFIX = 'QUALYTICS_EXPORT_';
/**
 * The id and result outputs as a dotenv file, for CI systems that pass
 * variables between jobs that way (GitLab's `artifacts:reports:dotenv`):
 * `QUALYTICS_EXPORT_RESULT`, `…_OPERATION_ID`, `…_OPERATION_IDS` and
 * `…_DATASTORES` (comma-separated, plan order). A list longer than
 * DOTENV_LIST_CAP is left out (the JSON and JUnit reports hold it all).
 * Every value is a result word, a number or a list of numbers: nothing the
 * server wrote reaches the file, so nothing needs escaping.
 */
function renderDotenv(result, records) {
    const ids = records.flatMap(r => (r.id === null ? [] : [r.id]));
    const datastores = [...new Set(records.map(r => r.datastoreId))];
    const values = [
        ['RESULT', result],
        ['OPERATION_ID', ids[0] === undefined ? '' : String(ids[0])],
        ['OPERATION_IDS', ids.join(',')],
        ['DATASTORES', datastores.join(',')]
    ];
    return values
        .filter(([, value]) => value.length <= DOTENV_LIST_CAP)
        .map(([name, value]) => `${DOTENV_PREFIX}${name}=${value}\n`)
        .join('');
}


/***/ }),

/***/ 1518:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DI: () => (/* binding */ isFailing),
/* harmony export */   EI: () => (/* binding */ unknownEnd),
/* harmony export */   Hd: () => (/* binding */ isTerminal),
/* harmony export */   L8: () => (/* binding */ classify),
/* harmony export */   ZH: () => (/* binding */ overallResult),
/* harmony export */   o8: () => (/* binding */ durationSeconds),
/* harmony export */   vh: () => (/* binding */ WORST_FIRST),
/* harmony export */   vq: () => (/* binding */ toOutputRow)
/* harmony export */ });
/**
 * Worst first: the overall result is the first of these any export has,
 * and the summary lists rows in this order. `dry-run` only ever stands
 * alone.
 */
const WORST_FIRST = [
    'failure',
    'cancelled',
    'timeout',
    'aborted',
    'warning',
    'running',
    'dry-run',
    'success'
];
/**
 * An operation has ended when `end_time` is set or `result` is `success`,
 * `failure` or `aborted` (qualytics-api.md, "Results and the terminal
 * test"). `queued`, `running` and any word the action does not know, while
 * `end_time` is null, mean it is still going: only the timeout bounds that.
 */
function isTerminal(op) {
    return op.ended || hasOutcomeWord(op);
}
/**
 * Why an ended export whose `result` is not an outcome word counts as a
 * failure (null when the word is an outcome, or the export has not ended).
 */
function unknownEnd(op) {
    if (!op.ended || hasOutcomeWord(op))
        return null;
    return `ended (end_time set) with result ${op.resultText}, which is not success, failure or aborted`;
}
function hasOutcomeWord(op) {
    return (op.result === 'success' ||
        op.result === 'failure' ||
        op.result === 'aborted');
}
/**
 * The action's word for an API operation: a success that carries a message
 * is a warning (the vendor CLI reads it the same way).
 */
function classify(op) {
    switch (op.result) {
        case 'success':
            return op.message ? 'warning' : 'success';
        case 'failure':
            return 'failure';
        case 'aborted':
            return 'aborted';
        case 'queued':
        case 'running':
            // end_time set while result still says queued or running: trust
            // end_time, but never call it a success without the server saying so.
            return op.ended ? 'failure' : 'running';
        case null:
            // A word the action does not know: never a success it did not state.
            return op.ended ? 'failure' : 'running';
    }
}
/** The worst result among the records; `success` for none. */
function overallResult(records) {
    if (records.length > 0 && records.every(r => r.result === 'dry-run')) {
        return 'dry-run';
    }
    let worst = WORST_FIRST.length - 1;
    for (const { result } of records) {
        const rank = WORST_FIRST.indexOf(result);
        if (rank >= 0 && rank < worst)
            worst = rank;
    }
    return WORST_FIRST[worst] ?? 'success';
}
/** Whether a run with this overall result fails the step. */
function isFailing(result, failOnWarning) {
    switch (result) {
        case 'failure':
        case 'aborted':
        case 'timeout':
        case 'cancelled':
            return true;
        case 'warning':
            return failOnWarning;
        default:
            return false;
    }
}
/** Seconds between start and end, when both are known and sane. */
function durationSeconds(record) {
    if (!record.startTime || !record.endTime)
        return null;
    const ms = Date.parse(record.endTime) - Date.parse(record.startTime);
    return Number.isFinite(ms) && ms >= 0 ? Math.round(ms / 100) / 10 : null;
}
/** One row of the `operations` output, with the contract's snake_case names. */
function toOutputRow(record) {
    return {
        id: record.id,
        datastore_id: record.datastoreId,
        asset_type: record.assetType,
        result: record.result,
        message: record.message,
        start_time: record.startTime,
        end_time: record.endTime,
        duration_seconds: durationSeconds(record),
        total_containers: record.totalContainers,
        count: record.count,
        last_success_at: record.lastSuccessAt,
        missed_runs: record.missedRuns,
        adopted: record.adopted,
        table: record.table,
        verified: record.verified,
        reused: record.reused,
        attempts: record.attempts,
        retried_ids: record.retriedIds,
        // The action's own findings, apart from Qualytics' message.
        notes: record.notes
    };
}


/***/ }),

/***/ 3793:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ readResultsFile),
/* harmony export */   _: () => (/* binding */ resultsFileText)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _output_records_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(323);
/* harmony import */ var _domain_results_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1518);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3054);
/**
 * The `results-file`: one run's outcome as JSON, written when the run ends
 * (also on failure, timeout and cancel), and read back by `merge-results`
 * and `qualytics-export report` to give a fleet of matrix legs one view.
 *
 * Version 1 holds `version`, `result`, `operations` (the `operations`
 * output's rows), `plan`, `datastores` (ids and names, for the summary),
 * `schedule`, `host`, `started_at`, `ended_at` and `problem` (why nothing
 * ran, when preflight or the input stopped the run).
 */




/** The only version this release writes and reads. */
const RESULTS_VERSION = 1;
/** The file's text: redacted, capped like the `operations` output, valid JSON. */
function resultsFileText(facts, redact) {
    const names = (0,_output_records_js__WEBPACK_IMPORTED_MODULE_1__/* .safeNames */ .KU)(facts.datastoreNames, redact);
    const head = {
        version: RESULTS_VERSION,
        result: facts.result,
        host: redact(facts.origin),
        started_at: new Date(facts.startedAt).toISOString(),
        ended_at: new Date(facts.endedAt).toISOString(),
        problem: facts.problem === undefined ? null : redact(facts.problem),
        plan: facts.plan.map(p => ({
            datastore_id: p.datastoreId,
            asset_type: p.assetType
        })),
        datastores: [...names].map(([id, name]) => ({ id, name })),
        schedule: facts.schedule && {
            cron: facts.schedule.cron,
            timezone: facts.schedule.timezone,
            scheduled_at: facts.schedule.scheduledAt ?? null,
            late_seconds: facts.schedule.lateSeconds ?? null,
            next_run: facts.schedule.nextRun
        }
    };
    // The rows exactly as the `operations` output has them (already safe JSON).
    const operations = (0,_output_records_js__WEBPACK_IMPORTED_MODULE_1__/* .operationsJson */ .H5)(facts.records, redact);
    const text = JSON.stringify(head, null, 2);
    return `${text.slice(0, -2)},\n  "operations": ${operations}\n}\n`;
}
const RESULTS = new Set(_domain_results_js__WEBPACK_IMPORTED_MODULE_2__/* .WORST_FIRST */ .vh);
/**
 * Read and check one results file: JSON, `version` 1, a known `result`,
 * `operations` rows of the shape this action writes. Anything else is a
 * BadResults naming the file and what is wrong, never a guess.
 */
async function readResultsFile(path) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8');
    }
    catch (error) {
        const code = error.code;
        return {
            path,
            problem: code === 'ENOENT' ? 'is missing' : `cannot be read (${code ?? 'error'})`
        };
    }
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch {
        return { path, problem: 'is not JSON (garbled or cut short)' };
    }
    if (!isObject(doc))
        return { path, problem: 'is not a JSON object' };
    if (doc.version !== RESULTS_VERSION)
        return {
            path,
            problem: `has version ${JSON.stringify(doc.version ?? null).slice(0, 20)}; this release reads version ${RESULTS_VERSION}`
        };
    if (typeof doc.result !== 'string' || !RESULTS.has(doc.result))
        return { path, problem: 'has no known `result`' };
    if (!Array.isArray(doc.operations))
        return { path, problem: 'has no `operations` array' };
    const records = [];
    for (const [index, row] of doc.operations.entries()) {
        const record = recordOf(row);
        if (!record)
            return { path, problem: `has an unreadable row at operations[${index}]` };
        records.push(record);
    }
    const names = new Map();
    if (Array.isArray(doc.datastores))
        for (const d of doc.datastores)
            if (isObject(d) && isId(d.id) && typeof d.name === 'string')
                names.set(d.id, d.name);
    return {
        path,
        result: doc.result,
        records,
        names,
        host: typeof doc.host === 'string' ? doc.host : null
    };
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isId(value) {
    return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}
const str = (v) => (typeof v === 'string' ? v : null);
const num = (v) => typeof v === 'number' && Number.isFinite(v) ? v : null;
const flag = (v) => (typeof v === 'boolean' ? v : null);
/** One `operations` row back into a record; null when it is not one. */
function recordOf(row) {
    if (!isObject(row))
        return null;
    const assetType = row.asset_type;
    if (!isId(row.datastore_id))
        return null;
    if (!_types_js__WEBPACK_IMPORTED_MODULE_3__/* .ALL_ASSET_TYPES */ .H.includes(assetType))
        return null;
    if (typeof row.result !== 'string' || !RESULTS.has(row.result))
        return null;
    if (row.id !== null && !isId(row.id))
        return null;
    const retried = Array.isArray(row.retried_ids)
        ? row.retried_ids.filter(isId)
        : [];
    return {
        datastoreId: row.datastore_id,
        assetType: assetType,
        id: row.id,
        result: row.result,
        message: str(row.message),
        startTime: str(row.start_time),
        endTime: str(row.end_time),
        totalContainers: num(row.total_containers),
        count: num(row.count),
        adopted: row.adopted === true,
        lastSuccessAt: str(row.last_success_at),
        missedRuns: num(row.missed_runs),
        table: str(row.table),
        verified: flag(row.verified),
        reused: row.reused === true,
        attempts: num(row.attempts) ?? 0,
        retriedIds: retried,
        notes: Array.isArray(row.notes)
            ? row.notes.filter((n) => typeof n === 'string')
            : []
    };
}


/***/ }),

/***/ 7054:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  BM: () => (/* binding */ badFileLines),
  ak: () => (/* binding */ describeMerge),
  lb: () => (/* binding */ endRun),
  rE: () => (/* binding */ mergedSummary)
});

// EXTERNAL MODULE: ./src/core/report/summary-text.ts
var summary_text = __webpack_require__(5796);
;// CONCATENATED MODULE: ./src/core/fleet/heartbeat-ping.ts
/** A ping may hold the end of a run up this long, no longer. */
const PING_TIMEOUT_MS = 10_000;
/** Results that ping the URL itself; every other ends at `<url>/fail`. */
const HEALTHY = ['success', 'warning', 'running'];
/** The address a run with this result pings: the URL, or `<url>/fail`. */
function pingTarget(url, result) {
    if (HEALTHY.includes(result))
        return url;
    const target = new URL(url);
    target.pathname = `${target.pathname.replace(/\/+$/, '')}/fail`;
    return target.href;
}
/**
 * Send the ping. Resolves to null when the monitor answered 2xx, else to
 * what went wrong, in words that hold no part of the URL.
 */
async function pingHeartbeat(url, result, fetcher = fetch, timeoutMs = PING_TIMEOUT_MS) {
    try {
        const response = await fetcher(pingTarget(url, result), {
            method: 'GET',
            // A redirect could lead the key to another host or to plain http.
            redirect: 'manual',
            signal: AbortSignal.timeout(timeoutMs)
        });
        await response.body?.cancel().catch(() => undefined);
        return response.status >= 200 && response.status < 300
            ? null
            : `the monitor answered HTTP ${response.status}`;
    }
    catch (error) {
        if (error instanceof Error && error.name === 'TimeoutError')
            return `no answer within ${timeoutMs / 1000} s`;
        const cause = error.cause;
        const code = typeof cause?.code === 'string' ? cause.code : 'network error';
        return `the request failed (${code})`;
    }
}

// EXTERNAL MODULE: ./src/core/fleet/results-file.ts
var results_file = __webpack_require__(3793);
;// CONCATENATED MODULE: ./src/core/fleet/session.ts



/**
 * The run's end: the results file (also after a failure, a timeout or a
 * cancel, which is why the front ends call this from every way out), then
 * one heartbeat ping for a run that exported. Never throws: a file that
 * cannot be written and a ping that fails are warnings.
 */
async function endRun(config, facts, out, fetcher) {
    if (config.resultsFile) {
        try {
            await out.file(config.resultsFile, (0,results_file/* resultsFileText */._)(facts, out.redact));
            out.info(`Results written to ${config.resultsFile}.`);
        }
        catch (error) {
            const code = error.code ?? String(error);
            out.warning(`Could not write results-file ${config.resultsFile} (${code}); a merge of this run will name it missing.`, 'Results file not written');
        }
    }
    // A dry run and a run stopped before it exported say nothing to a monitor.
    if (config.heartbeatUrl && facts.result !== 'dry-run') {
        const problem = await pingHeartbeat(config.heartbeatUrl, facts.result, fetcher);
        if (problem)
            out.warning(`The heartbeat ping failed: ${problem}. The run's result stands; the monitor may report it missed.`, 'Heartbeat not sent');
        else
            out.info(`Heartbeat sent (${['success', 'warning', 'running'].includes(facts.result) ? 'ok' : 'fail'}).`);
    }
}
/** The merge in one sentence: how many files and exports, and which files failed. */
function describeMerge(merged) {
    const bad = merged.bad.length > 0
        ? `; ${(0,summary_text/* plural */.LS)(merged.bad.length, 'file')} could not be merged`
        : '';
    return `Merged ${(0,summary_text/* plural */.LS)(merged.files.length, 'results file')} with ${(0,summary_text/* plural */.LS)(merged.records.length, 'export')}${bad}.`;
}
/** The job summary of a merge (advice added by the front end). */
function mergedSummary(merged) {
    return {
        result: merged.result,
        records: merged.records,
        datastoreNames: merged.datastoreNames,
        schedule: null,
        elapsedMs: null,
        origin: merged.origin,
        merged: { sentence: describeMerge(merged), bad: merged.bad }
    };
}
/** One error line per file that could not be merged. */
function badFileLines(merged) {
    return merged.bad.map(b => `Results file ${b.path} ${b.problem}: its exports are not in the merged result, which is at best failure.`);
}


/***/ }),

/***/ 323:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dl: () => (/* binding */ capField),
/* harmony export */   H5: () => (/* binding */ operationsJson),
/* harmony export */   KU: () => (/* binding */ safeNames),
/* harmony export */   X7: () => (/* binding */ NAME_CAP),
/* harmony export */   v7: () => (/* binding */ safeRecord)
/* harmony export */ });
/* harmony import */ var _domain_results_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1518);
/* harmony import */ var _cap_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3905);
/* harmony import */ var _neutralise_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3939);
/**
 * Server text inside records, made safe before anything renders it:
 * redacted on the raw text (never after HTML or JSON escaping) and capped
 * per field. The renderers (log lines, summary, `operations`) then only
 * escape for their destination.
 */



/** A datastore name, a table name: short things, short caps. */
const NAME_CAP = 256;
/** Redact and cap a server string (null stays null). */
function capField(text, redact, max) {
    return text === null ? null : (0,_cap_js__WEBPACK_IMPORTED_MODULE_1__/* .cap */ .Np)(redact((0,_cap_js__WEBPACK_IMPORTED_MODULE_1__/* .window */ .x)(text, max)), max);
}
/** A record whose server strings are redacted and capped. */
function safeRecord(record, redact, messageCap = _cap_js__WEBPACK_IMPORTED_MODULE_1__/* .MESSAGE_CAP */ .pT) {
    return {
        ...record,
        message: capField(record.message, redact, messageCap),
        table: capField(record.table, redact, NAME_CAP),
        notes: record.notes.map(n => (0,_cap_js__WEBPACK_IMPORTED_MODULE_1__/* .cap */ .Np)(redact((0,_cap_js__WEBPACK_IMPORTED_MODULE_1__/* .window */ .x)(n, _cap_js__WEBPACK_IMPORTED_MODULE_1__/* .MESSAGE_CAP */ .pT)), _cap_js__WEBPACK_IMPORTED_MODULE_1__/* .MESSAGE_CAP */ .pT))
    };
}
/** Datastore names, redacted and capped. */
function safeNames(names, redact) {
    return new Map([...names].map(([id, name]) => [id, capField(name, redact, NAME_CAP) ?? '']));
}
/** Message caps tried in turn until `operations` fits in one output. */
const SHRINKING_CAPS = [_cap_js__WEBPACK_IMPORTED_MODULE_1__/* .MESSAGE_CAP */ .pT, 1024, 256, 64, 0];
/**
 * The `operations` output: one row per record in plan order, always valid
 * JSON and within GitHub's 1 MB per output. Each `message` is Qualytics'
 * own text, redacted and capped at 4 KB; when there are so many rows that
 * the whole would not fit, messages are cut shorter (and marked cut).
 */
function operationsJson(records, redact, limit = _cap_js__WEBPACK_IMPORTED_MODULE_1__/* .OUTPUT_CAP_BYTES */ .tn) {
    let json = '[]';
    for (const max of SHRINKING_CAPS) {
        json = (0,_neutralise_js__WEBPACK_IMPORTED_MODULE_0__/* .safeJson */ .oi)(redact(JSON.stringify(records.map(r => (0,_domain_results_js__WEBPACK_IMPORTED_MODULE_2__/* .toOutputRow */ .vq)(safeRecord(r, redact, max))))));
        if ((0,_cap_js__WEBPACK_IMPORTED_MODULE_1__/* .bytes */ .ee)(json) <= limit)
            return json;
    }
    return json;
}


/***/ }),

/***/ 5796:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LS: () => (/* binding */ plural),
/* harmony export */   jr: () => (/* binding */ NAME_NOWRAP_MAX),
/* harmony export */   kF: () => (/* binding */ RESULT_ICON),
/* harmony export */   kw: () => (/* binding */ splitMessage)
/* harmony export */ });
/** Icons that read at a glance in the job summary and in a terminal. */
const RESULT_ICON = {
    success: '✅',
    warning: '⚠️',
    failure: '❌',
    aborted: '🛑',
    timeout: '⏱️',
    cancelled: '🚫',
    running: '⏳',
    'dry-run': '🔍'
};
/** Messages longer than this show their start, with the whole text folded. */
const MESSAGE_PREVIEW = 160;
/** Nothing in a summary cell grows without bound (GitHub caps a summary at 1 MiB). */
const MESSAGE_MAX = 2000;
/** Names up to this length never wrap; longer ones may, at their spaces. */
const NAME_NOWRAP_MAX = 24;
/**
 * A long message shows its start; the rest folds out beneath it. Every cut
 * falls on white space: a token echoed in the message is never split in
 * two (the redaction that follows must see it whole).
 */
function splitMessage(text) {
    const end = spaceBefore(text, MESSAGE_MAX) || MESSAGE_MAX;
    const full = text.length > MESSAGE_MAX ? `${text.slice(0, end)}…` : text;
    const cut = spaceBefore(full, MESSAGE_PREVIEW);
    if (full.length <= MESSAGE_PREVIEW || cut === 0)
        return { preview: full, rest: null };
    return { preview: full.slice(0, cut), rest: full.slice(cut + 1) };
}
/** The last space before `limit` in its second half, or 0 when there is none. */
function spaceBefore(text, limit) {
    const at = text.lastIndexOf(' ', limit);
    return at > limit / 2 ? at : 0;
}
/** `1 export`, `3 exports`. */
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}


/***/ }),

/***/ 8971:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TM: () => (/* binding */ exportLabel),
/* harmony export */   Vv: () => (/* binding */ describePreflight),
/* harmony export */   WJ: () => (/* binding */ verdict),
/* harmony export */   df: () => (/* binding */ describePlan),
/* harmony export */   eV: () => (/* binding */ describeRetry),
/* harmony export */   uQ: () => (/* binding */ describeChange)
/* harmony export */ });
/* unused harmony export lateLine */
/* harmony import */ var _config_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6740);
/* harmony import */ var _summary_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5796);
/* harmony import */ var _domain_results_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1518);




/** `anomalies of datastore 42 (Sales Warehouse)` */
function exportLabel(record, names) {
    const name = names.get(record.datastoreId);
    return `${record.assetType} of datastore ${record.datastoreId}${name ? ` (${name})` : ''}`;
}
/**
 * One line for an export's state, for logs and terminals:
 * `✅ Export 1001 · checks of datastore 42 (Sales): success after 2.5 s`.
 * `runningMs` shows a live clock on a running export (terminal progress).
 */
function describeChange(record, names, runningMs) {
    // Not triggered yet (waiting for a max-parallel slot), or waiting in
    // Qualytics' own queue for a worker: two different waits, named apart.
    const notStarted = record.id === null && record.result === 'running';
    const queued = record.result === 'running' && record.queued === true;
    const icon = notStarted || queued ? '○' : _summary_text_js__WEBPACK_IMPORTED_MODULE_1__/* .RESULT_ICON */ .kF[record.result];
    const id = record.id === null ? 'Export' : `Export ${record.id}`;
    const took = (0,_domain_results_js__WEBPACK_IMPORTED_MODULE_2__/* .durationSeconds */ .o8)(record);
    const state = notStarted
        ? 'not started yet'
        : queued
            ? 'queued in Qualytics'
            : record.result === 'running' && runningMs !== undefined
                ? `running ${(0,_config_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(Math.max(0, runningMs))}`
                : record.result;
    const after = took === null || record.result === 'running'
        ? ''
        : ` after ${(0,_config_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(took * 1000)}`;
    const said = [record.message, ...record.notes].filter(Boolean).join(' — ');
    const message = said ? ` — ${said}` : '';
    return `${icon} ${id} · ${exportLabel(record, names)}: ${state}${after}${message}`;
}
/**
 * The run in one sentence, naming the ids of every export that did not end
 * well, grouped by result: `2 of 3 exports failed: timeout 1002 after 30 min;
 * failure 1003.`
 */
function verdict(records, result, elapsedMs) {
    const bad = records.filter(r => (0,_domain_results_js__WEBPACK_IMPORTED_MODULE_2__/* .isFailing */ .DI)(r.result, false));
    const took = elapsedMs === null ? '' : ` (${(0,_config_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(elapsedMs)})`;
    const total = `${records.length} export${records.length === 1 ? '' : 's'}`;
    if (bad.length === 0) {
        return `${total} ended ${result === 'running' ? 'triggered and left running' : `with result ${result}`}${took}.`;
    }
    const groups = new Map();
    for (const r of bad)
        groups.set(r.result, [
            ...(groups.get(r.result) ?? []),
            r.id === null
                ? `(not started: ${r.assetType} of ${r.datastoreId})`
                : String(r.id)
        ]);
    const listed = [...groups]
        .map(([res, ids]) => `${res} ${ids.join(', ')}`)
        .join('; ');
    const after = elapsedMs === null ? '' : ` after ${(0,_config_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(elapsedMs)}`;
    return `${bad.length} of ${total} did not succeed${after}: ${listed}.`;
}
/** One line for a retry: `Retrying GET /api/users/me in 1.2 s (attempt 1 failed: ...)`. */
function describeRetry(retry) {
    return `Retrying ${retry.what} in ${(0,_config_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(retry.delayMs)} (attempt ${retry.attempt} failed: ${retry.reason})`;
}
/** The plan in one line, before preflight: `Plan: 6 exports (anomalies, checks, profiles) of datastore 42, 43 on …`. */
function describePlan(config, plan) {
    if (config.datastoreTags.length > 0)
        return `${config.assetTypes.join(', ')} of every datastore with the tags ${config.datastoreTags.join(', ')} on ${config.origin}`;
    return `${plan.length} export${plan.length === 1 ? '' : 's'} (${config.assetTypes.join(', ')}) of datastore ${config.datastores.join(', ')} on ${config.origin}`;
}
/** Datastores named in one preflight line at the most (a tag may select hundreds). */
const NAMED_DATASTORES = 20;
/** What preflight found, in one line: the user and where each datastore exports to. */
function describePreflight(report) {
    const { user, datastores } = report;
    const who = user.name
        ? ` (user ${user.name}${user.role ? `, ${user.role}` : ''})`
        : '';
    const shown = datastores.slice(0, NAMED_DATASTORES);
    const more = datastores.length - shown.length;
    const where = shown
        .map(d => `datastore ${d.id} (${d.name}) exports to ${d.enrichment?.name ?? `enrichment datastore ${d.enrichment?.id}`}`)
        .join('; ');
    return `Token accepted${who}; ${where}${more > 0 ? `; and ${more} more datastores` : ''}.`;
}
/**
 * `This run belongs to the schedule's slot of Mon 2026-11-30 06:00 UTC and
 * started 4 h 46 min after it.`: how late GitHub started a scheduled run.
 * Null when the run was not scheduled or the slot is unknown.
 */
function lateLine(schedule) {
    if (!schedule?.scheduledAt || schedule.lateSeconds == null)
        return null;
    const slot = whenInZone(schedule.scheduledAt, schedule.timezone);
    const late = schedule.lateSeconds;
    const by = late < 60
        ? 'on time (within a minute)'
        : `${formatDuration(late * 1000)} after it`;
    return `This run belongs to the schedule's slot of ${slot} and started ${by}.`;
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
