/**
 * The action's id and result outputs as a dotenv file, for CI systems that
 * pass variables between jobs that way (GitLab's `artifacts:reports:dotenv`).
 * Every value is a result word, a number or a list of numbers: nothing the
 * server wrote reaches the file, so nothing needs escaping.
 */
import type { OperationRecord, Result } from '../types.js'

/** Longest list value written. GitLab refuses a dotenv report above 5 KB. */
const DOTENV_LIST_CAP = 2000

/** The variables' prefix: each name is the output's, upper case, `_` for `-`. */
const DOTENV_PREFIX = 'QUALYTICS_EXPORT_'

/**
 * `QUALYTICS_EXPORT_RESULT`, `…_OPERATION_ID`, `…_OPERATION_IDS` and
 * `…_DATASTORES` (comma-separated, plan order). A list longer than
 * DOTENV_LIST_CAP is left out (the JSON and JUnit reports hold it all).
 */
export function renderDotenv(
  result: Result,
  records: readonly OperationRecord[]
): string {
  const ids = records.flatMap(r => (r.id === null ? [] : [r.id]))
  const datastores = [...new Set(records.map(r => r.datastoreId))]
  const values: Array<[string, string]> = [
    ['RESULT', result],
    ['OPERATION_ID', ids[0] === undefined ? '' : String(ids[0])],
    ['OPERATION_IDS', ids.join(',')],
    ['DATASTORES', datastores.join(',')]
  ]
  return values
    .filter(([, value]) => value.length <= DOTENV_LIST_CAP)
    .map(([name, value]) => `${DOTENV_PREFIX}${name}=${value}\n`)
    .join('')
}
