import { describe, expect, it } from '@jest/globals'
import { buildPlan, parseConfig } from '../src/core/config/config.js'
import {
  checksOfSchedule,
  firstPause,
  nextPause,
  pauseAfterFailure
} from '../src/core/run/polling.js'
import {
  classify,
  isFailing,
  overallResult
} from '../src/core/domain/results.js'
import {
  backoffDelay,
  isRetryableStatus,
  parseRetryAfter
} from '../src/core/client/retry.js'
import type { Operation, Result } from '../src/core/types.js'

describe('buildPlan', () => {
  it('orders datastores outermost and sends datastore_id singular with include_deleted always', () => {
    const config = parseConfig({
      url: 'q.io',
      token: 't0k3n-t0k3n',
      datastore: '43,42',
      options: 'checks,anomalies'
    })
    expect(buildPlan(config).map(p => p.body)).toEqual([
      {
        type: 'export',
        datastore_id: 43,
        asset_type: 'checks',
        include_deleted: false
      },
      {
        type: 'export',
        datastore_id: 43,
        asset_type: 'anomalies',
        include_deleted: false
      },
      {
        type: 'export',
        datastore_id: 42,
        asset_type: 'checks',
        include_deleted: false
      },
      {
        type: 'export',
        datastore_id: 42,
        asset_type: 'anomalies',
        include_deleted: false
      }
    ])
  })

  it('adds container filters only when given', () => {
    const config = parseConfig({
      url: 'q.io',
      token: 't0k3n-t0k3n',
      datastore: '42',
      options: 'anomalies',
      containers: '100,101',
      'include-deleted': 'true'
    })
    expect(buildPlan(config)[0]?.body).toEqual({
      type: 'export',
      datastore_id: 42,
      asset_type: 'anomalies',
      include_deleted: true,
      container_ids: [100, 101]
    })
  })
})

describe('result rules', () => {
  const op = (
    result: Operation['result'],
    message: string | null = null,
    endTime: string | null = '2026-01-01T00:00:00Z'
  ): Operation => ({
    id: 1,
    type: 'export',
    result,
    resultText: JSON.stringify(result),
    message,
    endTime,
    ended: endTime !== null,
    startTime: null,
    totalContainers: null,
    datastoreId: 42,
    includeDeleted: null,
    assetType: 'checks',
    created: null,
    startedByQualytics: false
  })

  it('reads a success with a message as a warning', () => {
    expect(classify(op('success'))).toBe('success')
    expect(classify(op('success', 'Some containers were skipped'))).toBe(
      'warning'
    )
    expect(classify(op('failure', 'boom'))).toBe('failure')
    expect(classify(op('running', null, null))).toBe('running')
    expect(classify(op('running', null, '2026-01-01T00:00:00Z'))).toBe(
      'failure'
    )
  })

  it('lets the worst result win', () => {
    const of = (...results: Result[]) =>
      overallResult(results.map(result => ({ result })))
    expect(of('success', 'warning', 'aborted')).toBe('aborted')
    expect(of('timeout', 'cancelled')).toBe('cancelled')
    expect(of('failure', 'cancelled')).toBe('failure')
    expect(of('running', 'success')).toBe('running')
    expect(of('dry-run', 'dry-run')).toBe('dry-run')
  })

  it('fails the step on failure, aborted, timeout, cancelled, and on warning only when asked', () => {
    expect(
      ['failure', 'aborted', 'timeout', 'cancelled'].every(r =>
        isFailing(r as Result, false)
      )
    ).toBe(true)
    expect(isFailing('warning', false)).toBe(false)
    expect(isFailing('warning', true)).toBe(true)
    expect(isFailing('running', true)).toBe(false)
  })
})

describe('poll schedule', () => {
  it('checks first after a second and keeps the pause within 5% of the age', () => {
    expect(firstPause(10_000)).toBe(1000)
    expect(nextPause(2_000, 10_000)).toBe(1000)
    expect(nextPause(60_000, 10_000)).toBe(3000)
    expect(nextPause(600_000, 10_000)).toBe(10_000)
    expect(nextPause(60_000, 500)).toBe(500)
  })

  it('never pauses longer than max(1 s, 5% of the age), so detection latency stays within that', () => {
    for (let age = 0; age < 3_600_000; age += 997) {
      expect(nextPause(age, 10_000)).toBeLessThanOrEqual(
        Math.max(1000, age * 0.05) + 1
      )
    }
  })

  it('costs at most 1.2x the requests of fixed 10 s polling for an hour-long export', () => {
    // The 5% bound forces about 67 checks in the first 200 s, so shorter
    // exports cost more than fixed polling: that is the price of latency.
    const ours = checksOfSchedule(
      60 * 60_000,
      age => nextPause(age, 10_000),
      1000
    )
    const fixed = checksOfSchedule(60 * 60_000, () => 10_000, 10_000)
    expect(ours / fixed).toBeLessThanOrEqual(1.2)
  })

  it('backs off after failed reads, honouring Retry-After', () => {
    expect(pauseAfterFailure(1000, 1, 10_000)).toBe(2000)
    expect(pauseAfterFailure(1000, 8, 10_000)).toBe(10_000)
    expect(pauseAfterFailure(1000, 1, 10_000, 30_000)).toBe(30_000)
  })
})

describe('retry rules', () => {
  it('uses full jitter under an exponential ceiling, with Retry-After as a floor', () => {
    const policy = { baseDelayMs: 500, maxDelayMs: 8000 }
    expect(backoffDelay(0, policy, () => 0.999)).toBe(499)
    expect(backoffDelay(3, policy, () => 0.5)).toBe(2000)
    expect(backoffDelay(10, policy, () => 0.999)).toBe(7992)
    expect(backoffDelay(0, policy, () => 0, 3000)).toBe(3000)
  })

  it('reads Retry-After in seconds and as an HTTP date', () => {
    const now = Date.parse('2026-11-25T12:00:00Z')
    expect(parseRetryAfter('7', now)).toBe(7000)
    expect(parseRetryAfter('Wed, 25 Nov 2026 12:00:05 GMT', now)).toBe(5000)
    expect(parseRetryAfter('soon', now)).toBeUndefined()
    expect(parseRetryAfter(undefined, now)).toBeUndefined()
  })

  it('retries 5xx, 429 and rate-limit 403s, not other 4xx', () => {
    expect(isRetryableStatus(503, {})).toBe(true)
    expect(isRetryableStatus(429, {})).toBe(true)
    expect(isRetryableStatus(403, { 'x-ratelimit-remaining': '0' })).toBe(true)
    expect(isRetryableStatus(403, {})).toBe(false)
    expect(isRetryableStatus(404, {})).toBe(false)
  })
})
