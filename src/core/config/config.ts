import { InputError } from '../errors.js'
import { INPUTS, type InputName, type InputValues } from './inputs-table.js'
import { parseIdList, parseTagList } from './parsers.js'
import { normalizeBaseUrl } from './url.js'
import type { ExportRequestBody, PlannedExport } from '../types.js'

/** Raw input strings by the action's input names (`poll-interval`, ...). */
export type RawInputs = Partial<Record<InputName, string>>

/** Everything the core needs to run, parsed and validated once. */
export interface ExportConfig extends InputValues {
  /** Normalised API base, ending in `/api/`. */
  apiBase: string
  /** The base without `/api`, for links. */
  origin: string
  /** Plain http to a non-loopback host. */
  insecure: boolean
  token: string
  /** Source datastores, in the order given, without repeats; empty when selected by tag. */
  datastores: number[]
  /** `datastore-tags`: select every linked datastore with one of these tags (case-insensitive). */
  datastoreTags: string[]
  /** `container_ids`, only with a single datastore. */
  containers: number[]
  /** `container_tags`. */
  containerTags: string[]
  /** `merge-results`: globs of results files; when given, the run merges and triggers nothing. */
  mergeResults: string[]
}

/** Longest value any input may have; longer is a paste accident or an attack. */
const MAX_INPUT_LENGTH = 4096

/**
 * Turn raw inputs into an ExportConfig, or throw an InputError naming the
 * input and the bad value. Nothing here touches the network.
 */
export function parseConfig(
  raw: RawInputs,
  env: Record<string, string | undefined> = {}
): ExportConfig {
  const get = (name: InputName): string => {
    const value = (raw[name] ?? '').trim()
    if (value.length > MAX_INPUT_LENGTH) {
      throw new InputError(
        name,
        `is ${value.length} characters long (at most ${MAX_INPUT_LENGTH})`
      )
    }
    return value === ''
      ? (INPUTS.find(i => i.name === name)?.default ?? '')
      : value
  }
  const datastores = parseIdList('datastore', get('datastore'))
  const datastoreTags = parseTagList('datastore-tags', get('datastore-tags'))
  const mergeResults = get('merge-results')
    .split(/[\n,]/)
    .map(p => p.trim())
    .filter(p => p !== '')
  const given = [
    datastores.length > 0 && 'datastore',
    datastoreTags.length > 0 && 'datastore-tags',
    mergeResults.length > 0 && 'merge-results'
  ].filter(Boolean)
  if (given.length > 1) {
    throw new InputError(
      given[1] as string,
      `cannot be combined with ${given[0] as string}; give exactly one of datastore, datastore-tags and merge-results`
    )
  }
  if (given.length === 0) {
    throw new InputError(
      'datastore',
      'is empty; give a datastore id such as 42, or datastore-tags (or merge-results to merge results files)'
    )
  }
  // A merge reads files only: no token and no URL are needed.
  const merging = mergeResults.length > 0
  const token = get('token') || (env.QUALYTICS_TOKEN ?? '').trim()
  if (token === '' && !merging) {
    throw new InputError(
      'token',
      'is empty; pass secrets.QUALYTICS_TOKEN or set QUALYTICS_TOKEN'
    )
  }
  // Invisible characters (zero-width spaces and joiners, soft hyphens, the
  // byte-order mark: Unicode's format class) come with a copy and paste; a
  // token holding one can never work, and would be retried as unreachable.
  if (/[\s\p{Cc}\p{Cf}]/u.test(token)) {
    // The value itself is never quoted: it is the secret.
    throw new InputError(
      'token',
      'contains white space, control or invisible characters (such as a zero-width space or a soft hyphen); copy the token again'
    )
  }
  const rawUrl = get('url') || (env.QUALYTICS_URL ?? '')
  const url =
    merging && rawUrl === ''
      ? { apiBase: '', origin: '', insecure: false }
      : normalizeBaseUrl(rawUrl)
  const containers = parseIdList('containers', get('containers'))
  const containerTags = parseTagList('container-tags', get('container-tags'))
  if (containers.length > 0 && datastores.length !== 1) {
    throw new InputError(
      'containers',
      datastoreTags.length > 0
        ? 'only works with a single datastore, not with datastore-tags'
        : `only works with a single datastore (got ${datastores.join(',')})`
    )
  }
  if (containers.length > 0 && containerTags.length > 0) {
    throw new InputError(
      'container-tags',
      'cannot be combined with containers; use one of them'
    )
  }
  const values: Record<string, unknown> = {}
  for (const input of INPUTS)
    if (input.key !== undefined)
      values[input.key] = input.parse(get(input.name))
  return {
    ...(values as InputValues),
    apiBase: url.apiBase,
    origin: url.origin,
    insecure: url.insecure,
    token,
    datastores,
    datastoreTags,
    containers,
    containerTags,
    mergeResults
  }
}

/**
 * One export per datastore and asset type, datastores outermost, both in the
 * order given. The API takes one datastore per request (`datastore_id`,
 * singular: the seed page's `datastore_ids` list is refused with 422).
 */
export function buildPlan(config: ExportConfig): PlannedExport[] {
  return config.datastores.flatMap(datastoreId =>
    config.assetTypes.map(assetType => {
      const body: ExportRequestBody = {
        type: 'export',
        datastore_id: datastoreId,
        asset_type: assetType,
        // Always sent: the server's default for checks is documented both ways.
        include_deleted: config.includeDeleted
      }
      if (config.containers.length > 0) body.container_ids = config.containers
      if (config.containerTags.length > 0)
        body.container_tags = config.containerTags
      return { datastoreId, assetType, body }
    })
  )
}
