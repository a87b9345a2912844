import type { Answer } from './http.js'

/**
 * The ways a careless server leaks a token into an error body: the raw
 * header, the URL-encoded form (as in a logged URL) and a 12-character
 * prefix (as in "key sim-token-01..."). A client's redaction must catch all
 * three before it prints an error.
 */
function echoText(authorization: string): string {
  const token = authorization.replace(/^Bearer\s+/i, '')
  return (
    `invalid request for token ${authorization}` +
    ` (url: /api?token=${encodeURIComponent(authorization)},` +
    ` key: ${token.slice(0, 12)}...)`
  )
}

function detailText(detail: unknown): string {
  return typeof detail === 'string' ? detail : JSON.stringify(detail)
}

/**
 * The answer with the token echoed into its JSON `detail`, for error
 * answers only: a string detail gets the text appended, a 422 list gets
 * one more item.
 */
export function withEchoedToken(answer: Answer, authorization: string): Answer {
  if (answer.status < 400 || typeof answer.body !== 'object') return answer
  const body = answer.body as { detail?: unknown } | null
  if (!body || body.detail === undefined) return answer
  const echo = echoText(authorization)
  const detail = Array.isArray(body.detail)
    ? [
        ...(body.detail as unknown[]),
        {
          type: 'value_error',
          loc: ['header', 'authorization'],
          msg: echo,
          input: authorization
        }
      ]
    : `${detailText(body.detail)}: ${echo}`
  return { ...answer, body: { ...body, detail } }
}
