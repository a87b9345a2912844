/** Raw HTTP access to the simulator for its own tests (what a client sees on the wire). */
import { expect } from '@jest/globals'
import {
  ManualClock,
  QualyticsSimulator,
  type Scenario,
  type SimDatastore
} from '../../simulator/index.js'

export const DATASTORES: SimDatastore[] = [
  {
    id: 42,
    name: 'Sales',
    enrichment: { id: 100, name: 'Enrich', prefix: 'Analytics Bronze' },
    anomalies: 12,
    checks: 30
  },
  { id: 43, name: 'Marketing', enrichment: { id: 101, name: 'Enrich 2' } },
  { id: 7, name: 'Legacy', enrichment: null }
]

/** Two datastores sharing enrichment datastore 100 under their own prefixes, one tagged twice. */
export const SHARED: SimDatastore[] = [
  {
    id: 42,
    name: 'Sales',
    enrichment: { id: 100, name: 'Enrich', prefix: 'Sales' },
    anomalies: 3,
    checks: 2,
    tags: ['nightly-export', 'finance']
  },
  {
    id: 43,
    name: 'Marketing',
    enrichment: { id: 100, name: 'Enrich', prefix: 'marketing' },
    anomalies: 2,
    tags: ['nightly-export']
  },
  { id: 7, name: 'Legacy', enrichment: null, tags: ['Finance'] }
]

export const READ_ONLY = 'read-only-token-abcdef'

let sims: QualyticsSimulator[] = []

/** Close every simulator `start` opened (call from afterEach). */
export async function closeAll(): Promise<void> {
  await Promise.all(sims.map(s => s.close()))
  sims = []
}

/** A simulator on a manual clock unless told otherwise. */
export async function start(
  scenario: Partial<Scenario> = {},
  clock = new ManualClock()
): Promise<QualyticsSimulator> {
  const sim = await QualyticsSimulator.start(
    { datastores: DATASTORES, readOnlyTokens: [READ_ONLY], ...scenario },
    { clock }
  )
  sims.push(sim)
  return sim
}

/** The JSON fields the tests read; anything else stays unknown. */
export interface ApiBody {
  [key: string]: unknown
  id?: number
  detail?: unknown
  items?: ApiBody[]
  total?: number
  result?: string
  end_time?: string | null
}

export interface Reply {
  status: number
  /** Parsed JSON; {} when the body is not JSON (see `text`). */
  body: ApiBody
  text: string
  headers: Headers
}

/** The items of a FastAPI 422 detail list. */
export function errors(r: Reply): { loc: unknown[]; msg: string }[] {
  return r.body.detail as { loc: unknown[]; msg: string }[]
}

/** Operation ids of a list answer, in order. */
export function ids(r: Reply): (number | undefined)[] {
  return (r.body.items ?? []).map(o => o.id)
}

export async function call(
  sim: QualyticsSimulator,
  method: string,
  path: string,
  options: { body?: unknown; token?: string | null } = {}
): Promise<Reply> {
  const token = options.token === undefined ? sim.token : options.token
  const res = await fetch(`${sim.url}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token !== null && { authorization: `Bearer ${token}` })
    },
    ...(options.body !== undefined && { body: JSON.stringify(options.body) })
  })
  const text = await res.text()
  let body: ApiBody = {}
  try {
    body = JSON.parse(text) as ApiBody
  } catch {
    // Not JSON (HTML, empty): the tests read `text` instead.
  }
  return { status: res.status, body, text, headers: res.headers }
}

export const exportBody = (datastoreId: number, assetType = 'checks') => ({
  type: 'export',
  datastore_id: datastoreId,
  asset_type: assetType,
  include_deleted: false
})

export async function trigger(
  sim: QualyticsSimulator,
  datastoreId = 42,
  assetType = 'checks'
): Promise<number> {
  const r = await call(sim, 'POST', '/api/operations/run', {
    body: exportBody(datastoreId, assetType)
  })
  expect(r.status).toBe(200)
  return r.body.id ?? -1
}
