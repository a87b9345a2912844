import * as core from '@actions/core'
import type { RawInputs } from '../core/config/config.js'
import { INPUT_NAMES, secretInputs } from '../core/config/inputs-table.js'
import { secretsOf, type Redactor } from '../core/output/redact.js'
import type { ActionWriter } from './writer.js'

/**
 * Every input as the runner passed it (trimmed, '' when absent). Parsing
 * and validation happen in the core, shared with the command line.
 */
export function readRawInputs(): RawInputs {
  const raw: RawInputs = {}
  for (const name of INPUT_NAMES) raw[name] = core.getInput(name)
  return raw
}

/**
 * Mask the token before anything else can print it, in every form a
 * server might echo (the writer masks it on the runner and redacts it
 * from every text it writes). Returns the redaction.
 */
export function maskToken(
  raw: RawInputs,
  env: NodeJS.ProcessEnv,
  out: ActionWriter
): Redactor {
  const token = (raw.token || env.QUALYTICS_TOKEN || '').trim()
  // Every other secret of the input table (a heartbeat URL) is masked too.
  return out.protect(
    ...secretsOf(token, raw.url || env.QUALYTICS_URL || ''),
    ...secretInputs(raw)
  )
}
