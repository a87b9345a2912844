/**
 * The project's JSON Schemas of the Qualytics models it relies on
 * (schemas/qualytics/), compiled by Ajv, and the map from each endpoint the
 * action calls to the schema of its answer and of its request body.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import type { Answer, RequestRecord } from '../../simulator/index.js'

type AddFormats = (ajv: Ajv2020) => Ajv2020
// ajv-formats is CommonJS: depending on the loader, the plugin is the
// module itself or its `default`.
const formatsModule = addFormatsModule as unknown as
  AddFormats | { default: AddFormats }
const addFormats: AddFormats =
  typeof formatsModule === 'function' ? formatsModule : formatsModule.default

/** Where the schemas live. */
export const SCHEMA_DIR = 'schemas/qualytics'

/** Every schema file, parsed, by file name. */
export function schemaFiles(): Map<string, Record<string, unknown>> {
  const files = readdirSync(SCHEMA_DIR).filter(f => f.endsWith('.schema.json'))
  return new Map(
    files.map(f => [
      f,
      JSON.parse(readFileSync(join(SCHEMA_DIR, f), 'utf8')) as Record<
        string,
        unknown
      >
    ])
  )
}

/** A strict Ajv (draft 2020-12, formats) holding every schema under its file name. */
export function loadSchemas(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true })
  addFormats(ajv)
  for (const schema of schemaFiles().values()) ajv.addSchema(schema)
  return ajv
}

/** Each endpoint the action calls: method, path pattern, answer and body schemas. */
export const ENDPOINTS: readonly {
  key: string
  method: string
  pattern: RegExp
  answer: string
  body?: string
}[] = [
  {
    key: 'me',
    method: 'GET',
    pattern: /^\/api\/users\/me$/,
    answer: 'user.schema.json'
  },
  {
    key: 'datastore',
    method: 'GET',
    pattern: /^\/api\/datastores\/\d+$/,
    answer: 'datastore.schema.json'
  },
  {
    key: 'datastores',
    method: 'GET',
    pattern: /^\/api\/datastores$/,
    answer: 'datastore-page.schema.json'
  },
  {
    key: 'listing',
    method: 'GET',
    pattern: /^\/api\/datastores\/\d+\/listing$/,
    answer: 'datastore-path-listing.schema.json'
  },
  {
    key: 'source-records',
    method: 'GET',
    pattern: /^\/api\/datastores\/\d+\/source-records$/,
    answer: 'container-source-records.schema.json'
  },
  {
    key: 'run',
    method: 'POST',
    pattern: /^\/api\/operations\/run$/,
    answer: 'export-operation.schema.json',
    body: 'create-export-operation.schema.json'
  },
  {
    key: 'abort',
    method: 'PUT',
    pattern: /^\/api\/operations\/abort\/\d+$/,
    answer: 'abort-answer.schema.json'
  },
  {
    key: 'operations',
    method: 'GET',
    pattern: /^\/api\/operations$/,
    answer: 'operation-page.schema.json'
  },
  {
    key: 'operation',
    method: 'GET',
    pattern: /^\/api\/operations\/\d+$/,
    answer: 'get-export-operation.schema.json'
  },
  {
    key: 'anomalies',
    method: 'GET',
    pattern: /^\/api\/anomalies$/,
    answer: 'anomaly-page.schema.json'
  },
  {
    key: 'quality-checks',
    method: 'GET',
    pattern: /^\/api\/quality-checks$/,
    answer: 'quality-check-page.schema.json'
  }
]

/** The export-row schema of a table, from its name (either naming form). */
export function rowSchemaOf(table: string): string | null {
  if (/(_anomalies_export|_export_anomalies)$/.test(table))
    return 'export-row-anomalies.schema.json'
  if (/(_checks_export|_export_checks)$/.test(table))
    return 'export-row-checks.schema.json'
  if (/(_field_profiles_export|_export_field_profiles)$/.test(table))
    return 'export-row-profiles.schema.json'
  return null
}

function describe(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .map(e => `${e.instancePath || '/'} ${e.message ?? ''}`)
    .join('; ')
}

/** One exchange, as checked: which endpoint, and what did not match. */
export interface Checked {
  key: string | null
  problems: string[]
}

/**
 * Check one request and its answer against the schemas: the body of a
 * request that has one, a 2xx answer's body, and each decoded row of a
 * source-records answer. Error answers (4xx, 5xx) are FastAPI's, not a
 * model's: only their request body is checked.
 */
export function checkExchange(
  ajv: Ajv2020,
  record: Pick<RequestRecord, 'method' | 'path' | 'query' | 'body'>,
  answer: Pick<Answer, 'status' | 'body'>
): Checked {
  const endpoint = ENDPOINTS.find(
    e => e.method === record.method && e.pattern.test(record.path)
  )
  if (!endpoint) return { key: null, problems: [] }
  const problems: string[] = []
  const check = (schema: string, value: unknown, what: string): void => {
    const validate = ajv.getSchema(schema)
    if (!validate) throw new Error(`no schema ${schema}`)
    if (!validate(value))
      problems.push(`${what} (${schema}): ${describe(validate.errors)}`)
  }
  const where = `${record.method} ${record.path}`
  if (endpoint.body) check(endpoint.body, record.body, `${where} request body`)
  // The abort and every read take no body (the vendor CLI sends none).
  else if (record.body !== undefined)
    problems.push(`${where}: a request body where the API takes none`)
  if (answer.status < 200 || answer.status >= 300)
    return { key: endpoint.key, problems }
  check(endpoint.answer, answer.body, `${where} answer`)
  if (endpoint.key === 'source-records') {
    const text = (answer.body as { source_records?: unknown } | null)
      ?.source_records
    const table = record.query.path
    const rowSchema = typeof table === 'string' ? rowSchemaOf(table) : null
    if (typeof text === 'string' && rowSchema) {
      const rows = JSON.parse(text) as unknown
      if (!Array.isArray(rows)) problems.push(`${where}: rows are not a list`)
      else
        rows.forEach((row, i) => check(rowSchema, row, `${where} row ${i + 1}`))
    }
  }
  return { key: endpoint.key, problems }
}
