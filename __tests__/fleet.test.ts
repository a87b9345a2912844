/**
 * `datastore-tags` end to end through the action's entry point,
 * in-process, against a generated fleet in the simulator on one fast clock
 * (selection, skipped and empty cases, the refusal, the `datastores` and
 * `matrix` outputs up to 1,000 datastores), and the `matrix` through
 * GitHub's workflow parser in a two-job fan-out. The bundle's run and
 * hostile list answers are in blackbox/fleet.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { checkMatrixWorkflow, fanOutWorkflow } from '../bench/fleet.js'
import { matrixProblems } from '../bench/fleet-rows.js'
import { runActionInProcess } from './helpers/action-in-process.js'
import { FastClock } from './helpers/virtual-clock.js'
import type { ActionOptions } from '../simulator/harness.js'
import {
  expectedSelection,
  generateFleet,
  QualyticsSimulator,
  type SimDatastore
} from '../simulator/index.js'
import { parseConfig } from '../src/core/config/config.js'
import { byTags, operationsOf } from './helpers/fixtures.js'

/** Each test's clock, shared by the action and the simulator: 10x real time. */
let clock = new FastClock(10)
beforeEach(() => {
  clock = new FastClock(10)
})
const runAction = (options: Omit<ActionOptions, 'entry' | 'node'>) =>
  runActionInProcess({ ...options, clock })

let sim: QualyticsSimulator | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})

async function startFleet(
  datastores: SimDatastore[]
): Promise<QualyticsSimulator> {
  sim = await QualyticsSimulator.start(
    {
      datastores,
      behaviour: () => ({ durationMs: 200, result: 'success', message: null })
    },
    { clock }
  )
  return sim
}

const json = <T>(text: string | undefined): T => JSON.parse(text ?? '') as T

describe('datastore-tags against a fleet of 1,000', () => {
  const fleet = generateFleet({ count: 1000 })

  it('selects every linked datastore with any tag, ascending, in ceil(1000/100)+2 requests, and fans it out over 256 entries', async () => {
    const s = await startFleet(fleet)
    const tags = ['PROD', 'Finance']
    const run = await runAction({ inputs: byTags(s, tags.join(', ')) })
    expect(run.code).toBe(0)
    expect(run.outputs.result).toBe('dry-run')
    const { linked, unlinked } = expectedSelection(fleet, tags)
    expect(linked.length).toBeGreaterThan(256)
    expect(unlinked.length).toBeGreaterThan(0)
    expect(json<number[]>(run.outputs.datastores)).toEqual(linked)
    const rows = operationsOf(run.outputs)
    expect(rows).toHaveLength(linked.length * 3)
    expect([...new Set(rows.map(r => r.datastore_id))]).toEqual(linked)
    const matrix = json<{ datastore: string[] }>(run.outputs.matrix)
    expect(matrix.datastore).toHaveLength(256)
    expect(matrix.datastore.flatMap(e => e.split(',').map(Number))).toEqual(
      linked
    )
    // The list pages stand in for per-datastore GETs; nothing is triggered.
    expect(s.requests.length).toBeLessThanOrEqual(Math.ceil(1000 / 100) + 2)
    expect(s.count('GET', '/api/datastores/')).toBe(0)
    expect(s.count('POST')).toBe(0)
    // The skipped ones are named in one warning; enrichment datastores are not.
    expect(run.warnings).toHaveLength(1)
    expect(run.warnings[0]).toContain(
      `Skipped ${unlinked.length} datastores with the tags PROD, Finance`
    )
    expect(run.warnings[0]).toContain(`${unlinked[0]} (Fleet ${unlinked[0]})`)
    expect(run.stdout).toMatch(
      /Not exported: 26 \(Fleet Enrichment 1\), 52 .* enrichment datastores/
    )
    expect(linked).not.toContain(26)
  })

  it('gives one id per matrix entry when the selection fits in 256', async () => {
    const small = generateFleet({ count: 120, seed: 3 })
    const s = await startFleet(small)
    const run = await runAction({ inputs: byTags(s, 'pii') })
    const { linked } = expectedSelection(small, ['pii'])
    expect(linked.length).toBeGreaterThan(5)
    expect(json<number[]>(run.outputs.datastores)).toEqual(linked)
    expect(json(run.outputs.matrix)).toEqual({ datastore: linked.map(String) })
  })
})

describe('datastore-tags: the edges', () => {
  const tagged = (id: number, tags: string[], linked = true): SimDatastore => ({
    id,
    name: `DS ${id}`,
    tags,
    enrichment: linked ? { id: 900 + id, name: `E ${id}` } : null
  })

  it('fails before any POST when no datastore carries a tag', async () => {
    const s = await startFleet([tagged(1, ['prod']), tagged(2, [])])
    const run = await runAction({
      inputs: byTags(s, 'dev,qa', { 'dry-run': 'false' })
    })
    expect(run.code).toBe(1)
    expect(run.outputs.result).toBe('failure')
    expect(run.errors.join('\n')).toContain(
      'No source datastore carries any of the tags dev, qa'
    )
    expect(s.count('POST')).toBe(0)
    expect(run.outputs.datastores).toBeUndefined()
  })

  it('fails before any POST when every selected datastore is unlinked', async () => {
    const s = await startFleet([
      tagged(1, ['prod'], false),
      tagged(2, ['prod'], false),
      tagged(3, ['dev'])
    ])
    const run = await runAction({
      inputs: byTags(s, 'prod', { 'dry-run': 'false' })
    })
    expect(run.code).toBe(1)
    expect(run.errors.join('\n')).toMatch(
      /Every datastore with the tags prod has no enrichment datastore linked: 1 \(DS 1\), 2 \(DS 2\)/
    )
    expect(s.count('POST')).toBe(0)
  })

  it('refuses datastore and datastore-tags together before any request', async () => {
    const s = await startFleet([tagged(1, ['prod'])])
    const run = await runAction({
      inputs: byTags(s, 'prod', { datastore: '1', 'dry-run': 'false' })
    })
    expect(run.code).toBe(1)
    expect(run.errors.join('\n')).toContain(
      "Invalid input 'datastore-tags': cannot be combined with datastore"
    )
    expect(s.requests).toHaveLength(0)
  })

  it('refuses containers with datastore-tags', () => {
    expect(() =>
      parseConfig(
        {
          url: 'https://q.example',
          token: 't',
          'datastore-tags': 'prod',
          containers: '5'
        },
        {}
      )
    ).toThrow(/containers/)
  })
})

describe("the matrix in GitHub's workflow parser", () => {
  it('parses as the matrix of a two-job fan-out for 1 to 1,000 datastores', async () => {
    const fleet = generateFleet({ count: 1000 })
    const s = await startFleet(fleet)
    const run = await runAction({ inputs: byTags(s, 'prod,staging,pii') })
    const ids = json<number[]>(run.outputs.datastores)
    expect(ids.length).toBeGreaterThan(512)
    const check = await checkMatrixWorkflow(run.outputs.matrix ?? '')
    expect(check.errors).toEqual([])
    expect(check.entries).toHaveLength(256)
    expect(matrixProblems(check, ids)).toEqual([])
    // Each entry is valid `datastore` input of the export job.
    for (const entry of check.entries)
      expect(
        parseConfig(
          { url: 'https://q.example', token: 't', datastore: String(entry) },
          {}
        ).datastores
      ).toEqual(String(entry).split(',').map(Number))
    for (const small of [[7], [3, 1, 2]]) {
      const one = await checkMatrixWorkflow(
        JSON.stringify({ datastore: small.map(String) })
      )
      expect(matrixProblems(one, small)).toEqual([])
    }
  })

  it('catches a matrix the parser refuses, and entries that are not strings', async () => {
    const refused = await checkMatrixWorkflow('{"datastore":"1,2"}')
    expect(refused.errors.join('\n')).toContain("Unexpected value '1,2'")
    const objects = await checkMatrixWorkflow('{"datastore":[{"id":1}]}')
    expect(matrixProblems(objects, [1])).toContain('an entry is not a string')
  })

  it('parses the fromJSON form the README recipe uses', async () => {
    const { parseWorkflow, NoOperationTraceWriter } =
      await import('@actions/workflow-parser')
    const parsed = parseWorkflow(
      { name: 'f.yml', content: fanOutWorkflow(null, false) },
      new NoOperationTraceWriter()
    )
    expect(parsed.context.errors.getErrors()).toEqual([])
  })
})
