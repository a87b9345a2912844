/**
 * Proof that the simulator is the documented Qualytics and that the action
 * speaks to it in documented shapes: the real bundle (action and command
 * line) runs against the simulator, every request it sends and every answer
 * it gets is checked by Ajv against the project's schemas of the vendor's
 * models (schemas/qualytics/), and a drifted answer is caught.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  QualyticsSimulator,
  SIMULATOR_API_VERSION,
  type Answer,
  type RequestRecord,
  type Scenario
} from '../../simulator/index.js'
import { runAction } from '../helpers/bundle.js'
import { runCli } from '../helpers/cli.js'
import { SHARED } from '../helpers/sim-client.js'
import {
  checkExchange,
  ENDPOINTS,
  loadSchemas,
  schemaFiles
} from '../helpers/qualytics-schemas.js'

const ajv = loadSchemas()

/** One request as sent and the answer as the simulator sent it. */
interface Exchange {
  record: RequestRecord
  answer: Answer
}

/** Run against a fresh simulator (queued 1 s first, as by default), collecting every exchange. */
async function against(
  scenario: Partial<Scenario>,
  drive: (sim: QualyticsSimulator) => Promise<unknown>,
  into: Exchange[]
): Promise<void> {
  const sim = await QualyticsSimulator.start(
    {
      datastores: SHARED,
      behaviour: ({ assetType }) => ({
        durationMs: assetType === 'profiles' ? 60_000 : 600,
        result: 'success',
        message: null
      }),
      ...scenario
    },
    { onAnswer: (record, answer) => into.push({ record, answer }) }
  )
  try {
    await drive(sim)
  } finally {
    await sim.close()
  }
}

const exchanges: Exchange[] = []

beforeAll(async () => {
  // The action: a tag selection planned in a dry run; exports with a
  // container selection and with container tags, counts, history and
  // verify; and a profiles export it aborts at its timeout.
  await against(
    {},
    sim =>
      runAction({
        inputs: {
          url: sim.url,
          token: sim.token,
          'datastore-tags': 'nightly-export',
          options: 'anomalies,checks',
          'dry-run': 'true'
        }
      }),
    exchanges
  )
  await against(
    {},
    sim =>
      runAction({
        inputs: {
          url: sim.url,
          token: sim.token,
          datastore: '42',
          options: 'anomalies,checks',
          containers: '5,6',
          'poll-interval': '1s',
          timeout: '60s'
        }
      }),
    exchanges
  )
  await against(
    {},
    sim =>
      runAction({
        inputs: {
          url: sim.url,
          token: sim.token,
          datastore: '43',
          options: 'anomalies,profiles',
          'container-tags': 'pii',
          'poll-interval': '1s',
          timeout: '6s'
        }
      }),
    exchanges
  )
  // The command line, through the same core.
  await against(
    {},
    sim =>
      runCli(
        [
          'run',
          '--url',
          sim.url,
          '--datastore',
          '42',
          '--options',
          'checks',
          '--poll-interval',
          '1s',
          '--timeout',
          '30s'
        ],
        { env: { QUALYTICS_TOKEN: sim.token } }
      ),
    exchanges
  )
}, 120_000)

afterAll(() => {
  exchanges.length = 0
})

describe('the schemas of the Qualytics models', () => {
  it('compile under Ajv strict mode and each names the model and the source it is written from', () => {
    const files = schemaFiles()
    expect(files.size).toBeGreaterThanOrEqual(20)
    for (const [file, schema] of files) {
      expect(schema.$id).toBe(file)
      expect(schema.title).toEqual(expect.any(String))
      expect(schema.$comment).toMatch(
        /Qualytics\/(qualytics-examples|userguide)/
      )
      expect(ajv.getSchema(file)).toBeDefined()
    }
  })
})

describe('every exchange of the action and the command line with the simulator', () => {
  it('reaches every endpoint the action calls, with a 2xx answer', () => {
    const reached = new Set(
      exchanges
        .filter(e => e.answer.status >= 200 && e.answer.status < 300)
        .map(e => checkExchange(ajv, e.record, e.answer).key)
    )
    expect([...reached].sort()).toEqual(ENDPOINTS.map(e => e.key).sort())
  })

  it('sends only documented request bodies and gets only documented answers', () => {
    const problems = exchanges.flatMap(
      e => checkExchange(ajv, e.record, e.answer).problems
    )
    expect(problems).toEqual([])
    const bodies = exchanges.filter(e => e.record.method === 'POST')
    expect(bodies.length).toBeGreaterThanOrEqual(5)
    // The answers really held the documented states worth checking.
    const results = exchanges.flatMap(e => {
      const body = e.answer.body as { result?: string; items?: unknown }
      return Array.isArray(body?.items)
        ? (body.items as { result?: string }[]).map(i => i.result)
        : [body?.result]
    })
    expect(results).toEqual(
      expect.arrayContaining(['queued', 'running', 'success'])
    )
    const rows = exchanges.filter(e =>
      e.record.path.endsWith('/source-records')
    )
    expect(rows.length).toBeGreaterThan(0)
  })
})

describe("the simulator's /api/openapi.json", () => {
  it('names, for each endpoint the action calls, the model whose schema checks it', async () => {
    const files = schemaFiles()
    const title = (file: string) => files.get(file)?.title
    await against(
      {},
      async sim => {
        const res = await fetch(`${sim.url}/api/openapi.json`)
        const doc = (await res.json()) as {
          info: { version: string }
          paths: Record<string, Record<string, OpenApiOperation>>
        }
        expect(doc.info.version).toBe(SIMULATOR_API_VERSION)
        for (const endpoint of ENDPOINTS) {
          const path = Object.keys(doc.paths).find(p =>
            endpoint.pattern.test(p.replace(/\{\w+\}/g, '1'))
          )
          expect([endpoint.key, path]).toEqual([
            endpoint.key,
            expect.any(String)
          ])
          const op = doc.paths[path as string]?.[endpoint.method.toLowerCase()]
          const answer = op?.responses['200']?.content?.['application/json']
          expect([endpoint.key, answer?.schema.title]).toEqual([
            endpoint.key,
            title(endpoint.answer)
          ])
          if (endpoint.body)
            expect(
              op?.requestBody?.content['application/json']?.schema.title
            ).toBe(title(endpoint.body))
        }
      },
      []
    )
  })
})

interface OpenApiOperation {
  responses: Record<
    string,
    { content?: Record<string, { schema: { title: string } }> }
  >
  requestBody?: { content: Record<string, { schema: { title: string } }> }
}

/** A copy of the first captured 2xx answer of an endpoint (whose text holds `holding`), for mutation. */
function captured(key: string, holding: string | null): Exchange {
  const found = exchanges.find(
    e =>
      e.answer.status >= 200 &&
      e.answer.status < 300 &&
      checkExchange(ajv, e.record, e.answer).key === key &&
      (holding === null || JSON.stringify(e.answer.body).includes(holding))
  )
  if (!found) throw new Error(`no ${key} answer captured`)
  return JSON.parse(JSON.stringify(found)) as Exchange
}

type Json = Record<string, unknown>
const first = (value: unknown): Json => (value as Json[])[0] as Json

/** How an answer or a body could drift from the documentation, and what should catch it. */
const DRIFTS: [string, string, (e: Exchange) => void, string?][] = [
  [
    'me',
    'teams as bare names',
    e => ((e.answer.body as Json).teams = ['Public'])
  ],
  [
    'datastore',
    'global tags as bare names',
    e => ((e.answer.body as Json).global_tags = ['finance'])
  ],
  [
    'datastore',
    'no enrich_container_prefix',
    e => delete (e.answer.body as Json).enrich_container_prefix
  ],
  [
    'datastores',
    'an item without a name',
    e => delete first((e.answer.body as Json).items).name
  ],
  [
    'operation',
    'a result word outside the lifecycle',
    e => ((e.answer.body as Json).result = 'pending')
  ],
  [
    'operation',
    'a top-level datastore_id in place of the stub',
    e => delete (e.answer.body as Json).datastore
  ],
  [
    'operations',
    'a container stub without its tracking flags',
    e => {
      const items = (e.answer.body as Json).items as Json[]
      const op = items.find(i => Array.isArray(i.containers)) as Json
      delete first(op.containers).volumetric_tracking_enabled
    },
    '"containers":[{'
  ],
  [
    'operations',
    'tags as bare names',
    e => {
      const items = (e.answer.body as Json).items as Json[]
      const op = items.find(i => Array.isArray(i.tags)) as Json
      op.tags = ['pii']
    },
    '"tags":[{'
  ],
  ['operation', 'no status', e => delete (e.answer.body as Json).status],
  [
    'operations',
    'no pages in the envelope',
    e => delete (e.answer.body as Json).pages
  ],
  [
    'listing',
    'an item without a label',
    e => delete first(e.answer.body).label
  ],
  [
    'listing',
    'a page envelope in place of the plain list',
    e => (e.answer.body = { items: e.answer.body, total: 1 })
  ],
  [
    'source-records',
    'rows as an array in place of a JSON string',
    e => {
      const b = e.answer.body as Json
      b.source_records = JSON.parse(b.source_records as string) as unknown
    }
  ],
  [
    'source-records',
    'upper-case keys',
    e => {
      const b = e.answer.body as Json
      const rows = JSON.parse(b.source_records as string) as Json[]
      b.source_records = JSON.stringify(
        rows.map(r =>
          Object.fromEntries(
            Object.entries(r).map(([k, v]) => [k.toUpperCase(), v])
          )
        )
      )
    }
  ],
  [
    'source-records',
    'generated_at without a zone',
    e => {
      const b = e.answer.body as Json
      const rows = JSON.parse(b.source_records as string) as Json[]
      b.source_records = JSON.stringify(
        rows.map(r => ({ ...r, generated_at: '2026-12-06 06:00:00' }))
      )
    }
  ],
  [
    'run',
    'a body naming datastore_ids',
    e => {
      const b = e.record.body as Json
      b.datastore_ids = [b.datastore_id]
      delete b.datastore_id
    }
  ],
  [
    'run',
    'an asset type outside ExportableType',
    e => ((e.record.body as Json).asset_type = 'field-profiles')
  ],
  [
    'abort',
    'a request body on the abort',
    e => (e.record.body = { reason: 'timeout' })
  ],
  [
    'abort',
    'an answer without the operation id',
    e => delete (e.answer.body as Json).id
  ],
  [
    'anomalies',
    'a total that is not a count',
    e => ((e.answer.body as Json).total = '4')
  ]
]

describe('a drift from the documented shape', () => {
  // Every row has four cells: jest takes a trailing parameter a row does
  // not fill for the `done` callback.
  const rows = DRIFTS.map(
    ([key, what, drift, field]) =>
      [key, what, drift, field ?? null] as [
        string,
        string,
        (e: Exchange) => void,
        string | null
      ]
  )
  it.each(rows)('in %s (%s) is caught', (key, _what, drift, field) => {
    const exchange = captured(key, field)
    expect(
      checkExchange(ajv, exchange.record, exchange.answer).problems
    ).toEqual([])
    drift(exchange)
    expect(
      checkExchange(ajv, exchange.record, exchange.answer).problems.length
    ).toBeGreaterThan(0)
  })

  it('is caught on the wire: a simulator answering the undocumented listing envelope fails the check', async () => {
    const drifted: Exchange[] = []
    await against(
      { listingShape: 'envelope' },
      sim =>
        runAction({
          inputs: {
            url: sim.url,
            token: sim.token,
            datastore: '42',
            options: 'anomalies',
            'poll-interval': '1s',
            timeout: '30s'
          }
        }),
      drifted
    )
    const problems = drifted.flatMap(
      e => checkExchange(ajv, e.record, e.answer).problems
    )
    expect(problems).toEqual([
      expect.stringMatching(/^GET \/api\/datastores\/100\/listing answer/)
    ])
  }, 60_000)
})
