/**
 * Fleet: a dry run that selects datastores by tag from a generated fleet
 * (requests and wall time), and whether the `matrix` it emits is valid
 * input to GitHub's workflow parser in the two-job fan-out workflow.
 */
import {
  convertWorkflowTemplate,
  NoOperationTraceWriter,
  parseWorkflow
} from '@actions/workflow-parser'
import { stringify } from 'yaml'
import { startAction } from '../simulator/harness.js'
import {
  expectedSelection,
  generateFleet,
  QualyticsSimulator
} from '../simulator/index.js'

/** What one fleet dry run came to. */
export interface FleetRun {
  datastores: number
  /** Datastores selected (the `datastores` output). */
  selected: number
  /** Their ids, in plan order. */
  ids: number[]
  requests: number
  /** ceil(fleet / page size) + 2. */
  requestBudget: number
  wallMs: number
  /** The `matrix` output, as set. */
  matrix: string
}

/** The page size the action asks for (see src/core/client/datastore-list.ts). */
const FLEET_PAGE_SIZE = 100

/** Run the bundled action's dry run over a generated fleet, selecting by tags. */
export async function measureFleet(
  count: number,
  entry: string,
  node = process.execPath,
  tags = ['prod', 'finance']
): Promise<FleetRun> {
  const fleet = generateFleet({ count })
  const sim = await QualyticsSimulator.start({
    // No queue, as before 1.2's simulator queued each export for 1 s:
    // the figures compare with the earlier versions'.
    queuedMs: 0,
    datastores: fleet
  })
  try {
    const run = await startAction({
      node,
      entry,
      inputs: {
        url: sim.url,
        token: sim.token,
        'datastore-tags': tags.join(','),
        'dry-run': 'true'
      }
    }).done
    const expected = expectedSelection(fleet, tags).linked
    const got = JSON.parse(run.outputs.datastores ?? '[]') as number[]
    if (run.code !== 0 || JSON.stringify(got) !== JSON.stringify(expected))
      throw new Error(
        `the dry run did not select the expected ${expected.length} datastores (exit ${run.code}): ${run.stdout.slice(-300)}`
      )
    return {
      datastores: count,
      selected: got.length,
      ids: got,
      requests: sim.requests.length,
      requestBudget: Math.ceil(count / FLEET_PAGE_SIZE) + 2,
      wallMs: run.wallMs,
      matrix: run.outputs.matrix ?? ''
    }
  } finally {
    await sim.close()
  }
}

/** The two-job fan-out, with the matrix written in (`literal`) or read through fromJSON. */
export function fanOutWorkflow(matrix: unknown, literal: boolean): string {
  const uses = 'acme/qualytics-export-action@v1'
  return stringify({
    name: 'Export the fleet',
    on: { schedule: [{ cron: '17 6 * * *' }], workflow_dispatch: {} },
    permissions: { contents: 'read' },
    jobs: {
      plan: {
        'runs-on': 'ubuntu-latest',
        outputs: { matrix: '${{ steps.plan.outputs.matrix }}' },
        steps: [
          {
            id: 'plan',
            uses,
            with: {
              url: '${{ vars.QUALYTICS_URL }}',
              token: '${{ secrets.QUALYTICS_TOKEN }}',
              'datastore-tags': 'prod',
              'dry-run': true
            }
          }
        ]
      },
      export: {
        needs: 'plan',
        'runs-on': 'ubuntu-latest',
        strategy: {
          'fail-fast': false,
          'max-parallel': 8,
          matrix: literal
            ? matrix
            : '${{ fromJSON(needs.plan.outputs.matrix) }}'
        },
        steps: [
          {
            uses,
            with: {
              url: '${{ vars.QUALYTICS_URL }}',
              token: '${{ secrets.QUALYTICS_TOKEN }}',
              datastore: '${{ matrix.datastore }}'
            }
          }
        ]
      }
    }
  })
}

/** What GitHub's parser made of a fan-out workflow. */
export interface MatrixCheck {
  errors: string[]
  /** Entries of the export job's `matrix.datastore`, as the parser read them. */
  entries: unknown[]
}

/**
 * Parse a fan-out workflow with the matrix written in, through
 * `@actions/workflow-parser` (parse, then convert to the job model), and
 * read the entries back from the parsed `strategy` token.
 */
export async function checkMatrixWorkflow(
  matrixJson: string
): Promise<MatrixCheck> {
  const content = fanOutWorkflow(JSON.parse(matrixJson) as unknown, true)
  const parsed = parseWorkflow(
    { name: 'fan-out.yml', content },
    new NoOperationTraceWriter()
  )
  const errors = parsed.context.errors.getErrors().map(e => e.message)
  if (!parsed.value) return { errors: [...errors, 'no workflow'], entries: [] }
  const template = await convertWorkflowTemplate(parsed.context, parsed.value)
  errors.push(...(template.errors ?? []).map(e => e.Message))
  const job = (template.jobs ?? []).find(j => j.id.value === 'export')
  // toJSON leaves nested tokens as tokens; a round trip makes plain data.
  const strategy = JSON.parse(JSON.stringify(job?.strategy ?? null)) as
    { map?: { Key: unknown; Value: unknown }[] } | undefined
  const matrix = findValue(strategy, 'matrix') as
    { map?: { Key: unknown; Value: unknown }[] } | undefined
  const datastore = findValue(matrix, 'datastore') as
    { seq?: unknown[] } | undefined
  return { errors, entries: datastore?.seq ?? [] }
}

/** The value of a key in a serialised mapping token. */
function findValue(
  token: { map?: { Key: unknown; Value: unknown }[] } | undefined,
  key: string
): unknown {
  return token?.map?.find(pair => pair.Key === key)?.Value
}
