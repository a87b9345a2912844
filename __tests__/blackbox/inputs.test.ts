/**
 * Inputs and secrets in the bundled action: url and token from the
 * environment, and a token the server echoes back in every form. The
 * refusals of bad input, tokens and schedules run in-process in
 * ../inputs.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { runAction } from '../helpers/bundle.js'
import type { QualyticsSimulator } from '../../simulator/index.js'
import { inputsFor, startSimulator } from '../helpers/fixtures.js'

let sim: QualyticsSimulator
beforeAll(async () => {
  sim = await startSimulator({}, 200)
})
afterAll(() => sim.close())

describe('inputs from the environment', () => {
  it('reads url and token from QUALYTICS_URL and QUALYTICS_TOKEN', async () => {
    const run = await runAction({
      inputs: { datastore: '42', options: 'checks' },
      env: { QUALYTICS_URL: sim.url, QUALYTICS_TOKEN: sim.token }
    })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`::add-mask::${sim.token}`)
  })
})

describe('tokens', () => {
  it('never lets the token out, even when the server echoes it whole, encoded or in part', async () => {
    sim.scenario.echoToken = true
    try {
      const run = await runAction({
        inputs: inputsFor(sim, { datastore: '999' })
      })
      expect(run.code).toBe(1)
      expect(run.errors.join('\n')).toContain('***')
      const seen = [
        run.stdout.replace(`::add-mask::${sim.token}`, ''),
        run.summary,
        JSON.stringify(run.outputs),
        JSON.stringify(run.state)
      ].join('\n')
      for (const leak of [
        sim.token,
        encodeURIComponent(sim.token),
        sim.token.slice(0, 12)
      ]) {
        expect(seen).not.toContain(leak)
      }
    } finally {
      sim.scenario.echoToken = false
    }
  })
})
