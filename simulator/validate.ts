import type { AssetType } from './types.js'
import type { ValidationItem } from './http.js'

/** A trigger body that passed validation. */
export interface ExportRequest {
  datastoreId: number
  assetType: AssetType
  includeDeleted: boolean
  containerIds: number[] | null
  containerTags: string[] | null
}

const ASSET_TYPES: readonly string[] = ['anomalies', 'checks', 'profiles']

/** Pydantic's message for a value that is not an integer. */
export const INT_MSG =
  'Input should be a valid integer, unable to parse string as an integer'

/**
 * Pydantic's lax integer: a JSON integer or a string of digits. Being lax
 * like the real server matters: a stricter simulator would hide nothing,
 * but a looser client would pass here and fail in production.
 */
export function laxInt(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value
  if (typeof value === 'string' && /^\s*-?\d{1,15}\s*$/.test(value)) {
    return Number(value)
  }
  return undefined
}

/** A path parameter that must be an integer, or the 422 item for it. */
export function pathInt(name: string, raw: string): number | ValidationItem {
  const n = laxInt(decodeURIComponent(raw))
  if (n !== undefined) return n
  return { type: 'int_parsing', loc: ['path', name], msg: INT_MSG, input: raw }
}

function missing(field: string, input: unknown): ValidationItem {
  return { type: 'missing', loc: ['body', field], msg: 'Field required', input }
}

function intList(
  field: string,
  value: unknown,
  errors: ValidationItem[]
): number[] | null {
  if (value === undefined || value === null) return null
  if (!Array.isArray(value)) {
    const msg = 'Input should be a valid list'
    errors.push({ type: 'list_type', loc: ['body', field], msg, input: value })
    return null
  }
  return value.map((item: unknown, i) => {
    const n = laxInt(item)
    if (n === undefined) {
      const loc = ['body', field, i]
      errors.push({ type: 'int_parsing', loc, msg: INT_MSG, input: item })
    }
    return n ?? 0
  })
}

function stringList(
  field: string,
  value: unknown,
  errors: ValidationItem[]
): string[] | null {
  if (value === undefined || value === null) return null
  if (!Array.isArray(value)) {
    const msg = 'Input should be a valid list'
    errors.push({ type: 'list_type', loc: ['body', field], msg, input: value })
    return null
  }
  return value.map((item: unknown, i) => {
    if (typeof item === 'string') return item
    const msg = 'Input should be a valid string'
    errors.push({
      type: 'string_type',
      loc: ['body', field, i],
      msg,
      input: item
    })
    return ''
  })
}

/**
 * Validate a POST /api/operations/run body the way FastAPI and Pydantic do
 * for `CreateExportOperation`: every error at once, unknown fields ignored.
 * Ignoring unknown fields is why `datastore_ids` (the seed page's mistake)
 * fails as "datastore_id: Field required" rather than as an unknown field.
 * Only `type: "export"` is modelled; other operation types get a 422.
 */
export function validateExportBody(
  text: string
): ExportRequest | ValidationItem[] {
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    const msg = 'JSON decode error'
    return [{ type: 'json_invalid', loc: ['body', 0], msg, input: {} }]
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    const msg =
      'Input should be a valid dictionary or object to extract fields from'
    return [{ type: 'model_attributes_type', loc: ['body'], msg, input: body }]
  }
  const b = body as Record<string, unknown>
  const errors: ValidationItem[] = []

  if (b.type === undefined) errors.push(missing('type', body))
  else if (b.type !== 'export') {
    const msg = "Input should be 'export'"
    errors.push({
      type: 'literal_error',
      loc: ['body', 'type'],
      msg,
      input: b.type
    })
  }

  const datastoreId = laxInt(b.datastore_id)
  if (b.datastore_id === undefined) errors.push(missing('datastore_id', body))
  else if (datastoreId === undefined) {
    const loc = ['body', 'datastore_id']
    errors.push({
      type: 'int_parsing',
      loc,
      msg: INT_MSG,
      input: b.datastore_id
    })
  }

  if (b.asset_type === undefined) errors.push(missing('asset_type', body))
  else if (
    typeof b.asset_type !== 'string' ||
    !ASSET_TYPES.includes(b.asset_type)
  ) {
    const msg = "Input should be 'anomalies', 'checks' or 'profiles'"
    errors.push({
      type: 'enum',
      loc: ['body', 'asset_type'],
      msg,
      input: b.asset_type
    })
  }

  const containerIds = intList('container_ids', b.container_ids, errors)
  const containerTags = stringList('container_tags', b.container_tags, errors)

  // Strict boolean on purpose: Pydantic would also take "true" or 1, but a
  // client sending those has a bug worth seeing in tests.
  if (
    b.include_deleted !== undefined &&
    typeof b.include_deleted !== 'boolean'
  ) {
    const msg = 'Input should be a valid boolean'
    const loc = ['body', 'include_deleted']
    errors.push({ type: 'bool_type', loc, msg, input: b.include_deleted })
  }

  if (errors.length > 0 || datastoreId === undefined) return errors
  return {
    datastoreId,
    assetType: b.asset_type as AssetType,
    includeDeleted: b.include_deleted === true,
    containerIds,
    containerTags
  }
}
