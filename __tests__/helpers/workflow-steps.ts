/**
 * Just enough of a workflow runner to take a step of this action out of a
 * workflow file (the README's or an example's) and run it as written: the
 * `with:` values are evaluated the way GitHub would for a scheduled run;
 * and GitHub's own schema check of workflow files (validateWorkflows).
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'

/**
 * Run scripts/validate-workflows.ts (GitHub's schema) on files, as a
 * developer does, in one process (`node --import tsx`). Not in-process:
 * the language service imports JSON without import attributes, which
 * plain Node refuses and jest 30 only warns about before refusing it too.
 */
export function validateWorkflows(files: string[]): {
  code: number | null
  output: string
} {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/validate-workflows.ts', ...files],
    { encoding: 'utf8' }
  )
  return { code: run.status, output: `${run.stdout}${run.stderr}` }
}

/** A step as the workflow file writes it. */
export interface Step {
  id?: string
  name?: string
  uses?: string
  run?: string
  with?: Record<string, unknown>
  env?: Record<string, unknown>
  if?: string
  'continue-on-error'?: boolean
}

/** The parts of a workflow the tests read. */
export interface Workflow {
  on: {
    schedule?: Array<{ cron: string; timezone?: string }>
    workflow_dispatch?: unknown
  }
  permissions?: unknown
  jobs: Record<
    string,
    {
      steps: Step[]
      strategy?: { matrix?: Record<string, unknown> }
    }
  >
}

/** Parse a workflow file. */
export function readWorkflow(path: string): Workflow {
  return parse(readFileSync(path, 'utf8')) as Workflow
}

/** The first job's step that uses this action (`…/qualytics-export-action@…`). */
export function actionStep(workflow: Workflow): {
  step: Step
  matrix: Record<string, unknown>
} {
  for (const job of Object.values(workflow.jobs)) {
    const step = job.steps.find(s =>
      /\/qualytics-export-action@/.test(s.uses ?? '')
    )
    if (step) return { step, matrix: job.strategy?.matrix ?? {} }
  }
  throw new Error('no step uses qualytics-export-action')
}

/** Values of the contexts an expression may read; anything else is an error. */
export type Contexts = Record<string, string | undefined>

/**
 * Evaluate `${{ … }}` in a value. Supports context paths looked up in
 * `contexts` (`vars.QUALYTICS_URL`, `inputs.datastore`, `steps.x.outputs.y`),
 * quoted literals and `a || b`; throws on anything else, so a workflow
 * that needs more is noticed rather than half-run.
 */
export function evaluate(value: unknown, contexts: Contexts): string {
  return String(value).replace(/\$\{\{(.*?)\}\}/g, (_, expression: string) => {
    for (const operand of expression.split('||').map(s => s.trim())) {
      const literal = /^'(.*)'$/.exec(operand)
      const result = literal
        ? literal[1]
        : operand in contexts
          ? contexts[operand]
          : // GitHub reads a secret that is not set as empty.
            operand.startsWith('secrets.')
            ? ''
            : (() => {
                throw new Error(`cannot evaluate '${operand}' in ${expression}`)
              })()
      if (result) return result
    }
    return ''
  })
}

/**
 * The contexts of a scheduled run: every `inputs.*` empty (a schedule has
 * no dispatch inputs), `matrix.*` the first value of each matrix axis.
 */
export function scheduledContexts(
  matrix: Record<string, unknown>,
  known: Contexts
): Contexts {
  const contexts: Contexts = { ...known }
  for (const [name, values] of Object.entries(matrix))
    if (Array.isArray(values)) contexts[`matrix.${name}`] = String(values[0])
  return new Proxy(contexts, {
    has: (target, key) =>
      typeof key === 'string' && (key in target || key.startsWith('inputs.'))
  })
}

/** The `with:` of a step, each value evaluated in `contexts`. */
export function stepInputs(
  step: Step,
  contexts: Contexts
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(step.with ?? {}).map(([k, v]) => [k, evaluate(v, contexts)])
  )
}
