import { UsageError, type Flags } from './args.js'

/** One finding of `check`. */
export interface Finding {
  path: string
  /** 1-based line the finding is about, when known. */
  line?: number
  level: 'error' | 'warning'
  message: string
}

/** How `check` prints its findings. */
export type CheckFormat = 'text' | 'json' | 'github'

const FORMATS: readonly CheckFormat[] = ['text', 'json', 'github']

/** `--json` is short for `--format json`; any other pairing is refused. */
export function checkFormat(flags: Flags): CheckFormat {
  const given = flags.format
  if (given === undefined) return flags.json ? 'json' : 'text'
  const format = FORMATS.find(f => f === String(given).trim().toLowerCase())
  if (format === undefined)
    throw new UsageError(
      `--format '${String(given)}' is not one of ${FORMATS.join(', ')}`
    )
  if (flags.json && format !== 'json')
    throw new UsageError(`--json and --format ${format} disagree; give one`)
  return format
}

/** What a run of `check` found, ready to print. */
export interface CheckReport {
  dir: string
  workflows: number
  findings: Finding[]
}

/** The closing line: counts, or that nothing uses the action. */
function summaryLine(report: CheckReport): string {
  const { dir, workflows, findings } = report
  const errors = findings.filter(f => f.level === 'error').length
  const warnings = findings.length - errors
  const s = (n: number): string => (n === 1 ? '' : 's')
  return workflows === 0
    ? `No workflow in ${dir} uses the export action.`
    : `${errors} error${s(errors)}, ${warnings} warning${s(warnings)} in ${workflows} workflow${s(workflows)}.`
}

/**
 * The report as the format wants it. `github` writes one workflow command
 * per finding, so each appears as an annotation on its file and line; the
 * text of a finding (which quotes the file's own values) is escaped so it
 * can neither end its line nor its properties.
 */
export function formatReport(report: CheckReport, format: CheckFormat): string {
  const errors = report.findings.filter(f => f.level === 'error').length
  if (format === 'json')
    return `${JSON.stringify(
      {
        dir: report.dir,
        workflows: report.workflows,
        errors,
        warnings: report.findings.length - errors,
        findings: report.findings.map(f => ({ ...f, line: f.line ?? null }))
      },
      null,
      2
    )}\n`
  const lines =
    format === 'github'
      ? report.findings.map(annotation)
      : report.findings.map(
          f =>
            `${f.path}${f.line === undefined ? '' : `:${f.line}`}: ${f.level}: ${f.message}`
        )
  return `${[...lines, summaryLine(report)].join('\n')}\n`
}

/** `::error file=…,line=…,title=…::message`, escaped as the runner reads it. */
function annotation(finding: Finding): string {
  const properties = [
    `file=${escapeProperty(finding.path)}`,
    ...(finding.line === undefined ? [] : [`line=${finding.line}`]),
    `title=${escapeProperty('qualytics-export check')}`
  ]
  return `::${finding.level} ${properties.join(',')}::${escapeData(finding.message)}`
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}
