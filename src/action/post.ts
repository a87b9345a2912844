import * as core from '@actions/core'
import { createActionWriter, type ActionWriter } from './writer.js'
import { isTerminal } from '../core/domain/results.js'
import { abortOperations } from '../core/run/stopping.js'
import { QualyticsClient } from '../core/client/client.js'
import { oncePolicy } from '../core/client/retry.js'
import type { Clock } from '../core/clock.js'
import { parseConfig } from '../core/config/config.js'
import { MAX_WIRE_ID } from '../core/client/schema.js'
import { USER_AGENT } from '../core/version.js'
import { maskToken, readRawInputs } from './inputs.js'

/** Keys of the state the main step leaves for the post step. */
export const State = {
  /** Set by main: the post step knows it is the post step. */
  IsPost: 'isPost',
  /** Ids main was still watching; '' once main ended normally. */
  Watching: 'watching',
  /** Ids main meant to abort (timeout or cancel) without the abort getting through. */
  AbortPending: 'abortPending'
} as const

/**
 * The post step: the third cancel path. When the main step was killed
 * before it could abort what it started (its ids are still in state), abort
 * those that are still running. It never fails the job; it only reports.
 */
export async function runPost(clock: Clock): Promise<void> {
  const out = createActionWriter()
  try {
    await post(out, clock)
  } catch (error) {
    // Never out of the post step: a crash here prints the bundle's source.
    out.warning(
      `Post step could not check exports left by the main step: ${error instanceof Error ? error.name : 'error'}`
    )
  }
}

async function post(out: ActionWriter, clock: Clock): Promise<void> {
  // Killed main step: its watched exports fall under abort-on-cancel.
  const watchedState = parseStateIds(core.getState(State.Watching))
  // Aborts main asked for (under the setting that applied) but could not confirm.
  const pendingState = parseStateIds(core.getState(State.AbortPending))
  const watched = watchedState.ids
  const pending = pendingState.ids
  if (watchedState.ignored + pendingState.ignored > 0)
    out.warning(
      `Post step ignored ${watchedState.ignored + pendingState.ignored} unreadable id(s) in the main step's state.`
    )
  if (watched.length + pending.length === 0) return
  const raw = readRawInputs()
  const redact = maskToken(raw, process.env, out)
  const ids = [...new Set([...pending, ...watched])]
  try {
    const config = parseConfig(raw, process.env)
    if (!config.abortOnCancel && watched.length > 0) {
      out.info(
        `Exports ${watched.join(', ')} may still be running; abort-on-cancel is false, so they are left alone.`
      )
    }
    const targets = config.abortOnCancel ? ids : pending
    if (targets.length === 0) return
    const client = new QualyticsClient({
      apiBase: config.apiBase,
      token: config.token,
      userAgent: USER_AGENT,
      redact,
      requestTimeoutMs: 5000
    })
    try {
      const running: number[] = []
      for (const id of targets) {
        try {
          const op = await client.getOperation(
            id,
            oncePolicy(clock.now() + 5000)
          )
          // Queued, running or an unknown word without an end: still going.
          if (!isTerminal(op)) running.push(id)
        } catch {
          running.push(id) // unknown state: an abort of a finished export is a no-op
        }
      }
      if (running.length === 0) return
      const outcomes = await abortOperations(client, running, 5000)
      for (const [id, outcome] of outcomes) {
        out.warning(
          outcome.state === 'failed'
            ? `Could not abort export ${id} left running by the main step: ${outcome.error}`
            : `Aborted export ${id}, left running when the main step was stopped.`
        )
      }
    } finally {
      client.dispose()
    }
  } catch (error) {
    out.warning(
      `Post step could not check exports ${ids.join(', ')}: ${error instanceof Error ? error.message : String(error)}`
    )
  }
}

/**
 * The ids in a comma-separated state value, and how many items were not
 * ids. State is a file anything in the job could have written: nothing in
 * it may throw. Ids follow the same rule as the client (client/schema.ts
 * `id`): whole numbers 1 to 2^53 - 1.
 */
export function parseStateIds(raw: unknown): {
  ids: number[]
  ignored: number
} {
  const ids: number[] = []
  let ignored = 0
  const text = typeof raw === 'string' ? raw.slice(0, 100_000) : ''
  for (const item of text.split(',').map(s => s.trim())) {
    if (item === '') continue
    const id = /^[1-9]\d{0,15}$/.test(item) ? Number(item) : NaN
    if (!Number.isSafeInteger(id) || id > MAX_WIRE_ID) {
      ignored++
      continue
    }
    if (!ids.includes(id)) ids.push(id)
  }
  return { ids, ignored }
}
