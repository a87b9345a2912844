import * as core from '@actions/core'
import { INPUT_NAMES, type RawInputs } from '../core/config/config.js'

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
 * server might echo: as is and URL-encoded.
 */
export function maskToken(raw: RawInputs, env: NodeJS.ProcessEnv): string {
  const token = (raw.token || env.QUALYTICS_TOKEN || '').trim()
  if (token !== '') {
    core.setSecret(token)
    const encoded = encodeURIComponent(token)
    if (encoded !== token) core.setSecret(encoded)
  }
  return token
}
