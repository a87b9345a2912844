/**
 * `retry-failed` and `skip-if-fresh`: one retry and one reuse, and the
 * edges the contract names (no retry after a refused trigger or an abort;
 * no reuse of an export with other containers, other include_deleted or
 * older than the window), written once and run twice: in-process on a fast clock
 * (../night-shift.test.ts) and in the bundle (blackbox/night-shift.test.ts).
 */
import { describe, expect, it } from '@jest/globals'
import type {
  QualyticsSimulator,
  Scenario,
  SeedOperation
} from '../../simulator/index.js'
import type { ActionOptions, ActionRun } from '../../simulator/harness.js'
import { inputsFor, operationsOf, triggers } from './fixtures.js'

/** How a suite starts a simulator and runs the action against it. */
export interface Harness {
  simulate: (scenario?: Partial<Scenario>) => Promise<QualyticsSimulator>
  runAction: (
    options: Omit<ActionOptions, 'entry' | 'node'>
  ) => Promise<ActionRun>
}

/** The pause before a retry, shortened for the test (30 s in a real run). */
export const FAST_RETRY = { QUALYTICS_RETRY_PAUSE_MS: '300' }

/** An unfiltered anomalies export of datastore 42 that ended an hour ago. */
export const anHourAgo = (
  extra: Partial<SeedOperation> = {}
): SeedOperation => ({
  datastoreId: 42,
  assetType: 'anomalies',
  startOffsetMs: -3_600_000,
  durationMs: 60_000,
  ...extra
})

/** The cases, as tests of the calling suite. */
export function nightShiftCases({ simulate, runAction }: Harness): void {
  describe('retry-failed, in both', () => {
    it('triggers a failed export again and keeps the earlier id', async () => {
      const sim = await simulate({
        queuedMs: 0,
        behaviour: ({ seq }) => ({
          durationMs: 200,
          result: seq === 1 ? 'failure' : 'success',
          message: seq === 1 ? 'warehouse connection lost' : null
        })
      })
      const run = await runAction({
        inputs: inputsFor(sim, { 'retry-failed': '2', verify: 'false' }),
        env: FAST_RETRY
      })
      expect(run.code).toBe(0)
      const [row] = operationsOf(run.outputs)
      expect(row).toMatchObject({ result: 'success', attempts: 2 })
      expect(row?.retried_ids).toEqual([1001])
      expect(row?.id).toBe(1002)
      expect(run.outputs['operation-ids']).toBe('1002')
      expect(triggers(sim)).toHaveLength(2)
      expect(run.summary).toMatch(
        /attempt 1 \(export 1001\) failed: warehouse connection lost; triggered again/
      )
    })

    it('does not retry a trigger Qualytics refused', async () => {
      const sim = await simulate({ readOnlyTokens: ['read-only-token'] })
      const run = await runAction({
        inputs: inputsFor(sim, {
          token: 'read-only-token',
          'retry-failed': '3'
        }),
        env: FAST_RETRY
      })
      expect(run.code).toBe(1)
      const [row] = operationsOf(run.outputs)
      expect(row).toMatchObject({
        result: 'failure',
        id: null,
        attempts: 1,
        retried_ids: []
      })
      expect(triggers(sim)).toHaveLength(1)
    })

    it('does not retry an export aborted in Qualytics', async () => {
      const sim = await simulate({
        queuedMs: 0,
        behaviour: () => ({ durationMs: 100, result: 'aborted', message: null })
      })
      const run = await runAction({
        inputs: inputsFor(sim, { 'retry-failed': '3' }),
        env: FAST_RETRY
      })
      expect(run.code).toBe(1)
      expect(operationsOf(run.outputs)[0]).toMatchObject({
        result: 'aborted',
        attempts: 1
      })
      expect(triggers(sim)).toHaveLength(1)
    })
  })

  describe('skip-if-fresh, in both', () => {
    it('reports a recent success instead of triggering, with no request beyond the run without it', async () => {
      const sim = await simulate({ history: [anHourAgo()] })
      const run = await runAction({
        inputs: inputsFor(sim, { 'skip-if-fresh': '20h', verify: 'false' })
      })
      expect(run.code).toBe(0)
      const [row] = operationsOf(run.outputs)
      expect(row).toMatchObject({
        reused: true,
        attempts: 0,
        result: 'success'
      })
      expect(row?.id).toBe(
        run.outputs['operation-id'] && Number(run.outputs['operation-id'])
      )
      expect(triggers(sim)).toHaveLength(0)
      // users/me, the datastore, and the one history read of every run.
      expect(sim.requests.map(r => `${r.method} ${r.path}`)).toEqual([
        'GET /api/users/me',
        'GET /api/datastores/42',
        'GET /api/operations'
      ])
      expect(run.summary).toMatch(/reused export/)
      // Its log group says no request was sent for it.
      expect(run.stdout).not.toContain('Request: POST')
      expect(run.stdout).toContain(
        `Request: none; reused export ${String(row?.id)}`
      )
    })

    it.each([
      ['older than the window', anHourAgo(), '30m', {}],
      [
        'of other containers',
        anHourAgo({ containerIds: [5] }),
        '20h',
        { containers: '6' }
      ],
      [
        'filtered when the plan is not',
        anHourAgo({ containerIds: [5] }),
        '20h',
        {}
      ],
      [
        'with another include_deleted',
        anHourAgo({ includeDeleted: true }),
        '20h',
        {}
      ]
    ])(
      'triggers a new export when the earlier one is %s',
      async (_, seed, fresh, extra) => {
        const sim = await simulate({ history: [seed] })
        const run = await runAction({
          inputs: inputsFor(sim, {
            'skip-if-fresh': fresh,
            verify: 'false',
            // The earlier export took a minute, so the run would first look
            // after poll-interval; this one ends in 400 ms.
            'poll-interval': '1s',
            ...extra
          })
        })
        expect(run.code).toBe(0)
        expect(operationsOf(run.outputs)[0]).toMatchObject({
          reused: false,
          attempts: 1
        })
        expect(triggers(sim)).toHaveLength(1)
      }
    )
  })
}
