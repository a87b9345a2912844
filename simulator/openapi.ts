/**
 * GET /api/openapi.json: what this simulator serves, in the place a real
 * Qualytics publishes its spec (the vendor CLI's `doctor` reads
 * `info.version` there). Built from the routes, so it cannot drift from them.
 */
import type { Route } from './routes.js'

/** `info.version`: the spec the simulator follows, marked as a simulator's. */
export const SIMULATOR_API_VERSION = '20251024-simulator'

function parameters(route: Route): Record<string, unknown>[] {
  const inPath = [...route.doc.path.matchAll(/\{(\w+)\}/g)].map(m => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'integer' }
  }))
  const inQuery = (route.doc.query ?? []).map(name => ({
    name,
    in: 'query',
    required: name === 'path',
    schema: { type: 'string' }
  }))
  return [...inPath, ...inQuery]
}

/** The OpenAPI 3.1 document of these routes. */
export function openApiDocument(
  routes: readonly Route[]
): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const route of routes) {
    const { doc } = route
    const ok =
      route.method === 'GET' && doc.path === '/api/health' ? '204' : '200'
    const operation: Record<string, unknown> = {
      summary: doc.summary,
      ...(route.auth && { security: [{ AsyncHTTPBearer: [] }] }),
      parameters: parameters(route),
      ...(doc.body && {
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: { title: doc.body } }
          }
        }
      }),
      responses: {
        [ok]: {
          description: doc.model ?? 'No body',
          ...(doc.model && {
            content: { 'application/json': { schema: { title: doc.model } } }
          })
        }
      }
    }
    paths[doc.path] = {
      ...paths[doc.path],
      [route.method.toLowerCase()]: operation
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Qualytics API (qualytics-export-action simulator)',
      version: SIMULATOR_API_VERSION
    },
    paths,
    components: {
      securitySchemes: {
        AsyncHTTPBearer: { type: 'http', scheme: 'bearer' }
      }
    }
  }
}
