/**
 * Every workflow in examples/, run as its scheduled run would run it: the
 * export step's inputs evaluated with GitHub's expression library in the
 * scheduled run's contexts, then the action's entry point in-process
 * against the simulator on a fast clock. The examples' schema and lint
 * checks are in blackbox/workflows.test.ts.
 */
import { describe, expect, it } from '@jest/globals'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { inProcessSuite } from './helpers/action-in-process.js'
import {
  actionStep,
  readWorkflow,
  scheduledContexts,
  type Step,
  stepInputs,
  type Workflow
} from './helpers/workflow-steps.js'

const EXAMPLES = readdirSync('examples')
  .filter(f => f.endsWith('.yml'))
  .map(f => join('examples', f))

const { simulate, runAction } = inProcessSuite()

describe('the examples, run as a scheduled run would run them', () => {
  it.each(EXAMPLES)('%s exports against the simulator', async file => {
    const workflow = readWorkflow(file)
    const schedule = workflow.on.schedule?.[0]
    expect(schedule?.cron).toMatch(/^([1-9]|[1-5]\d) /) // off the hour
    const { step, matrix } = exportStep(workflow)
    const sim = await simulate({}, 200)
    const contexts = scheduledContexts(matrix, {
      'vars.QUALYTICS_URL': sim.url,
      'secrets.QUALYTICS_TOKEN': sim.token
    })
    const inputs = stepInputs(step, contexts)
    const run = await runAction({ inputs, scheduleCron: schedule?.cron })
    expect(run.errors).toEqual([])
    expect(run.outputs.result).toBe('success')
    expect(run.code).toBe(0)
    if (schedule?.timezone)
      expect(run.summary).toContain(`${schedule.timezone}`)
  })
})

/**
 * The step that exports, and its matrix. In a fan-out workflow the first
 * action step is a dry run whose `matrix` output a later job expands; that
 * later job is the one that exports, given here one entry of the shape the
 * contract promises (a comma-separated group of ids).
 */
function exportStep(workflow: Workflow): {
  step: Step
  matrix: Record<string, unknown>
} {
  const first = actionStep(workflow)
  if (String(first.step.with?.['dry-run']) !== 'true') return first
  const [planName] = Object.entries(workflow.jobs).find(([, job]) =>
    job.steps.includes(first.step)
  ) ?? ['']
  const plan = workflow.jobs[planName] as {
    outputs?: Record<string, string>
  }
  expect(plan.outputs?.matrix).toBe(
    `\${{ steps.${first.step.id}.outputs.matrix }}`
  )
  const fanned = Object.values(workflow.jobs).find(
    job =>
      (job.strategy?.matrix as unknown) ===
      `\${{ fromJSON(needs.${planName}.outputs.matrix) }}`
  ) as (typeof workflow.jobs)[string] & {
    needs?: string
    strategy?: { 'max-parallel'?: number }
  }
  expect(fanned.needs).toBe(planName)
  expect(fanned.strategy?.['max-parallel']).toBeGreaterThan(0)
  const step = fanned.steps.find(s =>
    /\/qualytics-export-action@/.test(s.uses ?? '')
  ) as Step
  expect(step.with?.datastore).toBe('${{ matrix.datastore }}')
  expect(Number(step.with?.['max-request-rate'])).toBeGreaterThan(0)
  return { step, matrix: { datastore: ['42,43'] } }
}
