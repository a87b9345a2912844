/**
 * Just enough of GitLab's `include: inputs:` to take the component in
 * templates/ and turn it into the job a pipeline would get: the inputs
 * checked against `spec:inputs` (required, type, options) and `$[[ inputs.x ]]`
 * interpolated in keys and values, a whole-value reference keeping its type
 * (an array of rules stays an array).
 */
import { readFileSync } from 'node:fs'
import { parseAllDocuments } from 'yaml'

/** One input of `spec:inputs`. */
export interface InputSpec {
  type?: 'string' | 'boolean' | 'number' | 'array'
  default?: unknown
  options?: unknown[]
  description?: string
}

/** A job, as the tests read it. */
export interface GitlabJob {
  stage: string
  image: string
  rules: Array<{ if: string }>
  resource_group?: string
  variables: Record<string, string>
  before_script: string[]
  script: string[]
  artifacts: {
    when: string
    expose_as?: string
    paths: string[]
    reports: { junit: string; dotenv: string }
  }
}

/** The component file: its spec and its (uninterpolated) jobs. */
export function readComponent(path: string): {
  inputs: Record<string, InputSpec>
  body: Record<string, unknown>
} {
  const docs = parseAllDocuments(readFileSync(path, 'utf8'))
  if (!Array.isArray(docs) || docs.length !== 2)
    throw new Error(`${path}: expected a spec document and a jobs document`)
  const [spec, body] = docs.map(d => d.toJS() as Record<string, unknown>)
  return {
    inputs: (spec?.spec as { inputs: Record<string, InputSpec> }).inputs,
    body: body ?? {}
  }
}

function typeOf(value: unknown): string {
  return Array.isArray(value) ? 'array' : typeof value
}

/** The values GitLab would use: defaults, then the given ones, each checked. */
export function resolveInputs(
  inputs: Record<string, InputSpec>,
  given: Record<string, unknown>
): Record<string, unknown> {
  for (const name of Object.keys(given))
    if (!(name in inputs)) throw new Error(`unknown input '${name}'`)
  const values: Record<string, unknown> = {}
  for (const [name, spec] of Object.entries(inputs)) {
    const value = name in given ? given[name] : spec.default
    if (value === undefined) throw new Error(`input '${name}' is required`)
    const type = spec.type ?? 'string'
    if (typeOf(value) !== type)
      throw new Error(
        `input '${name}' is a ${type}, got ${JSON.stringify(value)}`
      )
    if (spec.options && !spec.options.includes(value))
      throw new Error(
        `input '${name}' is not one of ${spec.options.join(', ')}`
      )
    values[name] = value
  }
  return values
}

const REFERENCE = /\$\[\[\s*inputs\.([\w-]+)\s*\]\]/g

function interpolate(node: unknown, values: Record<string, unknown>): unknown {
  if (typeof node === 'string') {
    const whole = /^\$\[\[\s*inputs\.([\w-]+)\s*\]\]$/.exec(node)
    if (whole) return lookup(whole[1] ?? '', values)
    return node.replace(REFERENCE, (_, name: string) =>
      String(lookup(name, values))
    )
  }
  if (Array.isArray(node)) return node.map(n => interpolate(n, values))
  if (node && typeof node === 'object')
    return Object.fromEntries(
      Object.entries(node).map(([k, v]) => [
        interpolate(k, values) as string,
        interpolate(v, values)
      ])
    )
  return node
}

function lookup(name: string, values: Record<string, unknown>): unknown {
  if (!(name in values)) throw new Error(`no input '${name}'`)
  return values[name]
}

/** The jobs a pipeline gets from `include: [{ component, inputs: given }]`. */
export function includeComponent(
  path: string,
  given: Record<string, unknown>
): Record<string, GitlabJob> {
  const { inputs, body } = readComponent(path)
  return interpolate(body, resolveInputs(inputs, given)) as Record<
    string,
    GitlabJob
  >
}
