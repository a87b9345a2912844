import {
  type Clock,
  QualyticsSimulator,
  type Scenario,
  type SimDatastore
} from '../../simulator/index.js'

/** Two linked datastores and one without an enrichment link. */
export const DATASTORES: SimDatastore[] = [
  {
    id: 42,
    name: 'Sales Warehouse',
    enrichment: { id: 100, name: 'Sales Enrichment' },
    anomalies: 12,
    checks: 30
  },
  {
    id: 43,
    name: 'Marketing Lake',
    enrichment: { id: 101, name: 'Marketing Enrichment' },
    anomalies: 3,
    checks: 8
  },
  { id: 7, name: 'Legacy CRM', enrichment: null }
]

/** DATASTORES with 42's enrichment tables under the prefix `sales` (`_sales_…`). */
export const SALES_PREFIXED: SimDatastore[] = DATASTORES.map(d =>
  d.id === 42 && d.enrichment
    ? { ...d, enrichment: { ...d.enrichment, prefix: 'sales' } }
    : d
)

let started: QualyticsSimulator[] = []

/**
 * A simulator whose exports succeed after `durationMs`, unless the scenario
 * says otherwise. No queued phase unless the scenario asks for one: these
 * tests count reads and time ends to the second. closeSimulators closes it.
 */
export async function startSimulator(
  scenario: Partial<Scenario> = {},
  durationMs = 400,
  clock?: Clock
): Promise<QualyticsSimulator> {
  const sim = await QualyticsSimulator.start(
    {
      datastores: DATASTORES,
      behaviour: () => ({ durationMs, result: 'success', message: null }),
      queuedMs: 0,
      ...scenario
    },
    { clock }
  )
  started.push(sim)
  return sim
}

/** Close every simulator startSimulator opened: `afterEach(closeSimulators)`. */
export async function closeSimulators(): Promise<void> {
  const open = started
  started = []
  await Promise.all(open.map(s => s.close()))
}

/** Inputs that point the action at the simulator. */
export function inputsFor(
  sim: QualyticsSimulator,
  extra: Record<string, string> = {}
): Record<string, string> {
  return {
    url: sim.url,
    token: sim.token,
    datastore: '42',
    options: 'anomalies',
    'poll-interval': '10s',
    timeout: '30s',
    ...extra
  }
}

/** Paths of the export triggers the simulator received, with their bodies. */
export function triggers(sim: QualyticsSimulator): unknown[] {
  return sim.requests
    .filter(r => r.method === 'POST' && r.path === '/api/operations/run')
    .map(r => r.body)
}

/** The `operations` output as objects. */
/** What a row says: Qualytics' message and the action's own notes. */
export function textOf(row: Record<string, unknown> | undefined): string {
  const notes = Array.isArray(row?.notes) ? (row.notes as string[]) : []
  return [row?.message, ...notes].filter(Boolean).join(' — ')
}

export function operationsOf(
  outputs: Record<string, string>
): Array<Record<string, unknown>> {
  return JSON.parse(outputs.operations ?? '[]') as Array<
    Record<string, unknown>
  >
}

/** Poll a condition until it holds (for tests that signal a running action). */
export async function waitFor(
  check: () => boolean,
  ms = 10_000
): Promise<void> {
  const until = Date.now() + ms
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time')
    await new Promise(r => setTimeout(r, 20))
  }
}

/** A scenario whose checks exports fail with `message`; the rest succeed. */
export function checksFail(message: string): Partial<Scenario> {
  return {
    behaviour: ({ assetType }) =>
      assetType === 'checks'
        ? { durationMs: 200, result: 'failure', message }
        : { durationMs: 200, result: 'success', message: null }
  }
}

/** A dry run of every datastore with one of `tags` (comma-separated). */
export function byTags(
  s: QualyticsSimulator,
  tags: string,
  extra: Record<string, string> = {}
): Record<string, string> {
  return {
    url: s.url,
    token: s.token,
    'datastore-tags': tags,
    'dry-run': 'true',
    ...extra
  }
}
