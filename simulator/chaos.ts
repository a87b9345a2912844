import type { Answer } from './http.js'
import { mulberry32, pick } from './random.js'
import type { ChaosConfig, EndpointKey, RateTable } from './types.js'

/** Fault kinds, also the keys of `QualyticsSimulator.faults`. */
export type FaultKind =
  | 'error'
  | 'reset'
  | 'rate-limit'
  | 'corrupt'
  | 'storm'
  | 'drop-after-create'
  /** Over the scenario's rateLimit (a gateway limiter, not chaos). */
  | 'throttled'

/** How the answer to one request is spoiled, decided before it is handled. */
export interface ChaosDecision {
  fault?: Exclude<FaultKind, 'drop-after-create'>
  /** A draw in [0, 1) that picks the fault's variant (status, body form). */
  variant: number
  latencyMs: number
  /** Only for a trigger that succeeds: how its answer gets lost. */
  dropAfterCreate?: 'reset' | 502 | 504
}

/** Draws taken per request, whatever the config, to keep runs aligned. */
const DRAWS = 7

function rate(table: RateTable | undefined, key: EndpointKey | null): number {
  // A rate for the endpoint overrides the '*' rate rather than adding to it.
  const specific = key === null ? undefined : table?.[key]
  return specific ?? table?.['*'] ?? 0
}

function html(title: string, text: string): string {
  return (
    `<!DOCTYPE html>\n<html><head><title>${title}</title></head>\n` +
    `<body><center><h1>${text}</h1></center><hr><center>nginx</center>` +
    `</body></html>\n`
  )
}

/** A page from a gateway in front of the API: not JSON at all. */
export function gatewayPage(status: 502 | 503 | 504): Answer {
  const text = {
    502: '502 Bad Gateway',
    503: '503 Service Temporarily Unavailable',
    504: '504 Gateway Time-out'
  }[status]
  return { status, raw: html(text, text), contentType: 'text/html' }
}

/** What an SSO proxy or captive portal answers with a 200. */
const LOGIN_PAGE =
  '<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body>' +
  '<form method="post" action="/login"><input name="username">' +
  '<input name="password" type="password"></form></body></html>\n'

/**
 * Decides faults with a seeded PRNG in a fixed order (storm, then reset,
 * rate limit, error, corrupt), taking the same number of draws on every
 * request, so the same seed and the same requests give the same faults.
 */
export class ChaosEngine {
  #config: ChaosConfig | undefined
  #rng: () => number = mulberry32(1)
  #rateLimits = 0

  /** Decide the fate of one request under the scenario's current chaos. */
  decide(
    chaos: ChaosConfig | undefined,
    key: EndpointKey | null,
    isRun: boolean
  ): ChaosDecision {
    if (!chaos) return { variant: 0, latencyMs: 0 }
    // Tests may swap the chaos object between steps; a new object starts a
    // new reproducible sequence from its own seed.
    if (chaos !== this.#config) {
      this.#config = chaos
      this.#rng = mulberry32(chaos.seed ?? 1)
    }
    const u = Array.from({ length: DRAWS }, () => this.#rng())
    const [uReset, uLimit, uError, uCorrupt, variant, uLatency, uDrop] = u as [
      number,
      number,
      number,
      number,
      number,
      number,
      number
    ]
    const decision: ChaosDecision = {
      variant,
      latencyMs: this.#latency(chaos.latencyMs, uLatency)
    }
    if ((chaos.rateLimitStorm ?? 0) > 0) {
      chaos.rateLimitStorm = (chaos.rateLimitStorm ?? 1) - 1
      decision.fault = 'storm'
    } else if (uReset < rate(chaos.resetRate, key)) decision.fault = 'reset'
    else if (uLimit < rate(chaos.rateLimitRate, key)) {
      decision.fault = 'rate-limit'
    } else if (uError < rate(chaos.errorRate, key)) decision.fault = 'error'
    else if (uCorrupt < rate(chaos.corruptRate, key)) {
      decision.fault = 'corrupt'
    }
    if (isRun && uDrop < (chaos.dropAfterCreateRate ?? 0)) {
      decision.dropAfterCreate = pick(['reset', 'reset', 502, 504], variant)
    }
    return decision
  }

  #latency(latency: ChaosConfig['latencyMs'], u: number): number {
    if (latency === undefined) return 0
    if (typeof latency === 'number') return Math.max(0, latency)
    const [min, max] = latency
    return Math.max(0, min + u * (max - min))
  }

  /**
   * A 429. Retry-After alternates between its two legal forms (seconds and
   * HTTP-date) so clients are tested on both. The date comes from the
   * simulator's clock, rounded up to a whole second so it never reads as
   * "retry now".
   */
  rateLimited(chaos: ChaosConfig | undefined, nowMs: number): Answer {
    const seconds = Math.max(0, chaos?.retryAfterSeconds ?? 1)
    const useDate = this.#rateLimits++ % 2 === 1
    const at = Math.ceil(nowMs / 1000) * 1000 + seconds * 1000
    const retryAfter = useDate ? new Date(at).toUTCString() : String(seconds)
    return {
      status: 429,
      body: { detail: 'Too Many Requests' },
      headers: { 'retry-after': retryAfter }
    }
  }

  /** A 5xx: FastAPI's JSON or a gateway's HTML, chosen by the draw. */
  serverError(variant: number): Answer {
    return pick<() => Answer>(
      [
        () => ({ status: 500, body: { detail: 'Internal Server Error' } }),
        () => gatewayPage(502),
        () => ({ status: 503, body: { detail: 'Service Unavailable' } }),
        () => gatewayPage(503)
      ],
      variant
    )()
  }

  /**
   * A 200 whose body cannot be used: a login page, or the real JSON answer
   * cut in half (when there is one).
   */
  corrupt(variant: number, real: string | undefined): Answer {
    if (variant < 0.5 || real === undefined || real.length < 2) {
      return { status: 200, raw: LOGIN_PAGE, contentType: 'text/html' }
    }
    return { status: 200, raw: real.slice(0, Math.floor(real.length / 2)) }
  }
}
