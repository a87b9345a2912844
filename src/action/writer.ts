/**
 * The action's one way out: the only module that calls @actions/core to
 * write anything (log lines, group titles, annotations, outputs, state,
 * the failure, the job summary, masks). Each text is redacted, neutralised
 * for its destination and capped by the core's way-out functions first.
 * A test and a lint rule keep every other module of src/ off these calls.
 */
import * as core from '@actions/core'
import { randomUUID } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { bytes, capBytes, SUMMARY_CAP_BYTES } from '../core/output/cap.js'
import { safeSummaryInput } from '../core/report/summary.js'
import {
  createRedactor,
  createRedactors,
  type Redactor
} from '../core/output/redact.js'
import { createSafeText, type SafeText } from '../core/output/safe.js'
import { renderSummary, type SummaryInput } from '../core/report/summary.js'

/** Everything the action writes, through one redaction. */
export interface ActionWriter {
  /** Mask the secrets on the runner (every form) and redact them from here on. */
  protect(...secrets: string[]): Redactor
  readonly redact: Redactor
  info(text: string): void
  warning(text: string, title?: string): void
  error(text: string, title?: string): void
  /** A collapsible log group; its title is server text too (a datastore name). */
  group(title: string, body: () => void): void
  /**
   * Several lines of server text (a multi-line message) as they are, inside
   * `::stop-commands::` with a random token so none of them is read as a
   * workflow command; each line is still neutralised and capped.
   */
  block(text: string): void
  output(name: string, value: string): void
  /** An output holding JSON (kept valid). */
  jsonOutput(name: string, json: string): void
  state(name: string, value: string): void
  /** Fail the step with one error annotation. */
  fail(text: string): void
  /** Append the job summary; its inputs are redacted before rendering. */
  summary(input: SummaryInput): Promise<void>
  /** Write a file on the runner (the results file), redacted. */
  file(path: string, text: string): Promise<void>
}

/** The writer; redaction starts as soon as `protect` is called. */
export function createActionWriter(): ActionWriter {
  let safe: SafeText = createSafeText(createRedactor(''))
  const props = (title?: string): core.AnnotationProperties =>
    title ? { title: safe.title(title) } : {}
  return {
    protect: (...secrets) => {
      const tokens = secrets.map(t => t.trim()).filter(t => t !== '')
      // Exact-match masks on the runner; our redaction covers the rest.
      for (const form of new Set(
        tokens.flatMap(t => [
          t,
          encodeURIComponent(t),
          t.toLowerCase(),
          t.toUpperCase()
        ])
      ))
        core.setSecret(form)
      safe = createSafeText(createRedactors(tokens))
      return safe.redact
    },
    get redact() {
      return safe.redact
    },
    info: text => core.info(safe.logLine(text)),
    warning: (text, title) => core.warning(safe.logLine(text), props(title)),
    error: (text, title) => core.error(safe.logLine(text), props(title)),
    group: (title, body) => {
      core.startGroup(safe.title(title))
      try {
        body()
      } finally {
        core.endGroup()
      }
    },
    block: text => {
      const lines = text.split(/\r\n|[\n\r\v\f\u0085\u2028\u2029]/)
      if (lines.length === 1) return core.info(safe.logLine(text))
      const resume = randomUUID()
      core.info(`::stop-commands::${resume}`)
      for (const line of lines.slice(0, 200)) core.info(safe.logLine(line))
      if (lines.length > 200)
        core.info(`… [cut: ${lines.length - 200} more lines]`)
      core.info(`::${resume}::`)
    },
    output: (name, value) => core.setOutput(name, safe.value(value)),
    jsonOutput: (name, json) => core.setOutput(name, safe.json(json)),
    state: (name, value) => core.saveState(name, safe.value(value)),
    fail: text => core.setFailed(safe.logLine(text)),
    file: (path, text) => writeFile(path, safe.redact(text)),
    summary: async input => {
      if (!process.env.GITHUB_STEP_SUMMARY) return
      const html = safe.redact(
        renderSummary(safeSummaryInput(input, safe.redact))
      )
      await core.summary
        .addRaw(
          bytes(html) <= SUMMARY_CAP_BYTES
            ? html
            : capBytes(html, SUMMARY_CAP_BYTES)
        )
        .write()
    }
  }
}
