/**
 * Run the simulator by hand (`npm run simulator -- --help` lists it all):
 *
 *   npx tsx simulator/cli.ts [--port 8787] [--host 127.0.0.1]
 *     [--scenario demo] [--duration 2500] [--queued 1000] [--error-rate 0.1] [--seed 1]
 *     [--token T] [--result success|failure|aborted] [--message TEXT]
 *
 * Prints one JSON line `{"url":...,"token":...}` (for scripts to read), then
 * one line per request (method path status [fault]). Stops on SIGINT or
 * SIGTERM.
 */
import { parseArgs } from 'node:util'
import { demoScenario } from './scenario.js'
import { helpText } from './cli-help.js'
import { QualyticsSimulator } from './server.js'
import type { RequestRecord, Scenario } from './types.js'

function fatal(message: string): never {
  process.stderr.write(`simulator: ${message}\n`)
  process.exit(2)
}

function number(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined
  const n = Number(raw)
  if (raw.trim() === '' || !Number.isFinite(n) || n < 0) {
    fatal(`--${name} must be a non-negative number, got '${raw}'`)
  }
  return n
}

const OPTIONS = {
  port: { type: 'string', default: '8787' },
  host: { type: 'string', default: '127.0.0.1' },
  scenario: { type: 'string', default: 'demo' },
  duration: { type: 'string' },
  queued: { type: 'string' },
  'error-rate': { type: 'string' },
  seed: { type: 'string' },
  token: { type: 'string' },
  result: { type: 'string' },
  message: { type: 'string' },
  help: { type: 'boolean', short: 'h' }
} as const

function parse(): ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>> {
  try {
    return parseArgs({ options: OPTIONS })
  } catch (error) {
    // A mistyped option is a usage error, not a crash with a stack trace.
    fatal(
      `${error instanceof Error ? error.message : String(error)} (see --help)`
    )
  }
}
const { values } = parse()

if (values.scenario !== 'demo') {
  fatal(`unknown scenario '${values.scenario}' (known: demo)`)
}
const scenario: Scenario = demoScenario()
if (values.help) {
  process.stdout.write(helpText(scenario))
  process.exit(0)
}
if (values.token !== undefined) {
  if (values.token.trim() === '' || /\s/.test(values.token))
    fatal('--token must be one word without spaces')
  scenario.token = values.token
}

const RESULTS = ['success', 'failure', 'aborted'] as const
type EndResult = (typeof RESULTS)[number]
const result = values.result as EndResult | undefined
if (result !== undefined && !RESULTS.includes(result))
  fatal(`--result must be one of ${RESULTS.join(', ')}, got '${values.result}'`)
const message = values.message
if (result !== undefined || message !== undefined) {
  const demo = scenario.behaviour
  // Every export ends this way (the duration stays the demo's).
  scenario.behaviour = req => {
    const base = demo?.(req) ?? {
      durationMs: 2500,
      result: 'success',
      message: null
    }
    return {
      ...base,
      result: result ?? base.result,
      message: message ?? (result ? null : base.message)
    }
  }
}

const duration = number('duration', values.duration)
const base = scenario.behaviour
if (duration !== undefined && base) {
  // Keep the demo's outcomes (the warning) and change only how long they take.
  scenario.behaviour = req => ({ ...base(req), durationMs: duration })
}

const queued = number('queued', values.queued)
if (queued !== undefined) scenario.queuedMs = queued

const errorRate = number('error-rate', values['error-rate'])
if (errorRate !== undefined) {
  scenario.chaos = {
    seed: number('seed', values.seed) ?? 1,
    errorRate: { '*': errorRate }
  }
}

function describe(r: RequestRecord): string {
  const status = r.status === 0 ? 'dropped' : String(r.status)
  const fault = r.fault ? ` [${r.fault}]` : ''
  const query = new URLSearchParams(
    Object.entries(r.query).flatMap(([k, v]) =>
      (Array.isArray(v) ? v : [v]).map((x): [string, string] => [k, x])
    )
  ).toString()
  return `${r.method} ${r.path}${query ? `?${query}` : ''} ${status}${fault}`
}

const sim = await QualyticsSimulator.start(scenario, {
  port: number('port', values.port) ?? 8787,
  host: values.host,
  onRequest: r => process.stdout.write(`${describe(r)}\n`)
}).catch((error: unknown) =>
  fatal(error instanceof Error ? error.message : String(error))
)

process.stdout.write(`${JSON.stringify({ url: sim.url, token: sim.token })}\n`)

const stop = (): void => {
  void sim.close().then(() => process.exit(0))
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
