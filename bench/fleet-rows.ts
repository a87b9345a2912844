/**
 * Rows of the fleet measurements: selection by tag in a dry run, and the
 * `matrix` it emits through GitHub's workflow parser.
 */
import type { FleetRun, MatrixCheck } from './fleet.js'
import { formatMs, verdict, type Row } from './table.js'

export const FLEET = 'Fleet (datastore-tags)'
/** Wall time of a 1,000-datastore dry run by tag. */
const FLEET_WALL_TARGET_MS = 2000

/** Whether a parsed matrix covers the selected ids once, in order, in at most 256 string entries. */
export function matrixProblems(
  check: MatrixCheck,
  selected: readonly number[]
): string[] {
  const problems = [...check.errors]
  if (check.entries.length > 256)
    problems.push(`${check.entries.length} entries (GitHub allows 256)`)
  if (!check.entries.every(e => typeof e === 'string'))
    problems.push('an entry is not a string')
  const ids = check.entries.flatMap(e => String(e).split(',').map(Number))
  if (JSON.stringify(ids) !== JSON.stringify(selected))
    problems.push('the entries do not cover each selected id once, in order')
  return problems
}

/** Requests, wall time and matrix validity of one fleet dry run. */
export function fleetRows(run: FleetRun, check: MatrixCheck): Row[] {
  const problems = matrixProblems(check, run.ids)
  return [
    {
      section: FLEET,
      measure: `${run.datastores} datastores, dry run by tag: requests`,
      result: `${run.requests} (${run.selected} selected)`,
      target: `≤ ${run.requestBudget} (ceil(${run.datastores} / 100) + 2)`,
      verdict: verdict(run.requests, run.requestBudget)
    },
    {
      section: FLEET,
      measure: `${run.datastores} datastores, dry run by tag: wall time (spawn to exit)`,
      result: formatMs(run.wallMs),
      target: `< ${formatMs(FLEET_WALL_TARGET_MS)}`,
      verdict: run.wallMs < FLEET_WALL_TARGET_MS ? 'PASS' : 'MISS'
    },
    {
      section: FLEET,
      measure: `matrix of ${run.selected} datastores in a two-job workflow (@actions/workflow-parser)`,
      result:
        problems.length === 0
          ? `valid: ${check.entries.length} entries`
          : `invalid: ${problems.join('; ').slice(0, 200)}`,
      target: 'valid, ≤ 256 entries',
      verdict: problems.length === 0 ? 'PASS' : 'MISS'
    }
  ]
}
