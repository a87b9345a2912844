/**
 * The fan-out recipe (examples/fan-out.yml) walked end to end with its own
 * data: the plan job's `matrix`, one export leg per entry writing its
 * results file, and the gather job merging them. Every `${{ }}` of the
 * steps is evaluated by GitHub's own expression library, so the recipe's
 * wiring (fromJSON of the plan's output, the matrix value, the artifact
 * names) is what is tested, not a copy of it.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { data, Evaluator, Lexer, Parser } from '@actions/expressions'
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { QualyticsSimulator } from '../../simulator/index.js'
import { runAction } from '../helpers/bundle.js'
import { DATASTORES, operationsOf } from '../helpers/fixtures.js'

let sim: QualyticsSimulator | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})

interface Step {
  id?: string
  uses: string
  with?: Record<string, unknown>
}
interface Job {
  strategy?: { matrix: unknown }
  steps: Step[]
  outputs?: Record<string, string>
}
const workflow = parse(readFileSync('examples/fan-out.yml', 'utf8')) as {
  jobs: Record<string, Job>
}

/** A JSON-like value as the expression library's data. */
function toData(value: unknown): data.ExpressionData {
  if (value === null || value === undefined) return new data.Null()
  if (typeof value === 'string') return new data.StringData(value)
  if (typeof value === 'number') return new data.NumberData(value)
  if (typeof value === 'boolean') return new data.BooleanData(value)
  if (Array.isArray(value)) return new data.Array(...value.map(toData))
  const dict = new data.Dictionary()
  for (const [k, v] of Object.entries(value as Record<string, unknown>))
    dict.add(k, toData(v))
  return dict
}

/** The library's data back as JSON-like values. */
function fromData(value: data.ExpressionData): unknown {
  if (value instanceof data.Array) return value.values().map(fromData)
  if (value instanceof data.Dictionary)
    return Object.fromEntries(
      value.pairs().map(p => [p.key, fromData(p.value)])
    )
  return value.coerceString()
}

/** Evaluate one expression (without `${{ }}`) in the contexts. */
function evaluate(
  expression: string,
  contexts: Record<string, unknown>
): data.ExpressionData {
  const lexed = new Lexer(expression).lex()
  const tree = new Parser(lexed.tokens, Object.keys(contexts), []).parse()
  return new Evaluator(tree, toData(contexts) as data.Dictionary).evaluate()
}

/** A `with:` value: whole-expression values keep their type, others interpolate. */
function value(raw: unknown, contexts: Record<string, unknown>): string {
  return String(raw).replace(/\$\{\{(.*?)\}\}/g, (_, e: string) =>
    evaluate(e.trim(), contexts).coerceString()
  )
}

function inputsOf(
  step: Step,
  contexts: Record<string, unknown>
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(step.with ?? {}).map(([k, v]) => [k, value(v, contexts)])
  )
}

const action = (job: Job): Step => {
  const step = job.steps.find(s => s.uses.startsWith('qualytics/'))
  if (!step) throw new Error('no action step')
  return step
}

describe('examples/fan-out.yml, end to end', () => {
  it('plans, runs one leg per matrix entry writing its results file, and the gather job merges them', async () => {
    sim = await QualyticsSimulator.start({
      datastores: DATASTORES.map(d => ({ ...d, tags: ['nightly-export'] })),
      queuedMs: 0,
      behaviour: ({ datastoreId, assetType }) => ({
        durationMs: 150,
        result:
          datastoreId === 43 && assetType === 'checks' ? 'failure' : 'success',
        message:
          datastoreId === 43 && assetType === 'checks'
            ? 'warehouse connection lost'
            : null
      })
    })
    const base = {
      vars: { QUALYTICS_URL: sim.url },
      secrets: { QUALYTICS_TOKEN: sim.token }
    }
    const { plan, export: leg, gather } = workflow.jobs
    if (!plan || !leg || !gather)
      throw new Error('the recipe has no plan, export and gather jobs')

    // plan: a dry run that resolves the tag and emits the matrix.
    const planned = await runAction({ inputs: inputsOf(action(plan), base) })
    expect(planned.code).toBe(0)
    const planOutputs = Object.fromEntries(
      Object.entries(plan.outputs ?? {}).map(([k, v]) => [
        k,
        value(v, { ...base, steps: { plan: { outputs: planned.outputs } } })
      ])
    )
    const needs = { plan: { outputs: planOutputs } }
    const matrix = fromData(
      evaluate(
        String(leg.strategy?.matrix)
          .replace(/^\$\{\{|\}\}$/g, '')
          .trim(),
        { ...base, needs }
      )
    ) as { datastore: string[] }
    // Datastore 7 carries the tag but has no enrichment link: skipped.
    expect(matrix).toEqual({ datastore: ['42', '43'] })

    // export: one leg per entry; each uploads its file under its own name.
    const artifacts = mkdtempSync(join(tmpdir(), 'qea-artifacts-'))
    const upload = leg.steps.find(s =>
      s.uses.startsWith('actions/upload-artifact')
    )
    for (const [index, datastore] of matrix.datastore.entries()) {
      const contexts = {
        ...base,
        needs,
        matrix: { datastore },
        strategy: { 'job-index': index }
      }
      const work = mkdtempSync(join(tmpdir(), 'qea-leg-'))
      const inputs = inputsOf(action(leg), contexts)
      const run = await runAction({
        inputs: {
          ...inputs,
          'results-file': join(work, inputs['results-file'] ?? '')
        }
      })
      expect(run.code).toBe(datastore === '43' ? 1 : 0)
      const up = inputsOf(upload as Step, contexts)
      const named = join(artifacts, up.name ?? '')
      mkdirSync(named)
      copyFileSync(join(work, up.path ?? ''), join(named, up.path ?? ''))
    }
    expect(new Set(readdir(artifacts)).size).toBe(2)

    // gather: download every artifact by pattern into one folder, then merge.
    const download = gather.steps.find(s =>
      s.uses.startsWith('actions/download-artifact')
    )
    const down = inputsOf(download as Step, base)
    expect(down.pattern).toBe('qualytics-results-*')
    const cwd = mkdtempSync(join(tmpdir(), 'qea-gather-'))
    const into = join(cwd, down.path ?? '')
    mkdirSync(into)
    for (const name of readdir(artifacts)) {
      mkdirSync(join(into, name))
      copyFileSync(
        join(artifacts, name, 'qualytics-results.json'),
        join(into, name, 'qualytics-results.json')
      )
    }
    const requests = sim.requests.length
    const mergeInputs = inputsOf(action(gather), base)
    const merged = await runAction({
      inputs: {
        ...mergeInputs,
        'merge-results': join(cwd, mergeInputs['merge-results'] ?? '')
      }
    })
    expect(sim.requests.length).toBe(requests)
    expect(merged.code).toBe(1)
    expect(merged.outputs.result).toBe('failure')
    expect(
      operationsOf(merged.outputs).map(r => [
        r.datastore_id,
        r.asset_type,
        r.result
      ])
    ).toEqual([
      [42, 'anomalies', 'success'],
      [42, 'checks', 'success'],
      [43, 'anomalies', 'success'],
      [43, 'checks', 'failure']
    ])
    expect(merged.summary).toMatch(/Merged 2 results files with 4 exports/)
    expect(merged.summary).toContain('warehouse connection lost')
    const gatherResult = value(gather.outputs?.result, {
      steps: { merge: { outputs: merged.outputs } }
    })
    expect(gatherResult).toBe('failure')
  }, 120_000)
})

function readdir(dir: string): string[] {
  return readdirSync(dir).sort()
}
