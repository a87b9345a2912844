/**
 * One describer and one zone formatter for both front ends
 * (src/core/schedule/describe.ts, zone-time.ts): the action's summary and
 * the command line say the same words, and the words are GitHub's editor's.
 */
import { describe, expect, it } from '@jest/globals'
import { getCronDescription } from '@actions/workflow-parser/model/converter/cron'
import { describeCron } from '../src/core/schedule/describe.js'
import { describeSchedule } from '../src/core/schedule/next-run.js'
import { whenInZone } from '../src/core/schedule/zone-time.js'

describe('describeCron', () => {
  it.each([
    ['17 6 * * *', 'Runs at 06:17'],
    // 0 is Sunday, as in GitHub's editor (cronstrue alone would say Monday).
    ['17 6 * * 0', 'Runs at 06:17, only on Sunday'],
    ['17 18 * * 1-5', 'Runs at 18:17, Monday through Friday']
  ])('%s reads %j, as GitHub words it', (cron, words) => {
    expect(describeCron(cron)).toBe(words)
    expect(describeCron(cron)).toBe(getCronDescription(cron))
  })

  it('has no words for an expression GitHub refuses', () => {
    expect(describeCron('17 6 * * 7')).toBeNull()
    expect(describeCron('@daily')).toBeNull()
  })

  it("is the summary's describer too", async () => {
    const info = await describeSchedule(
      '17 6 * * 0',
      'Europe/Berlin',
      new Date('2026-11-26T05:20:00Z')
    )
    expect(info.description).toBe(describeCron('17 6 * * 0'))
  })
})

describe('whenInZone', () => {
  const at = new Date('2026-11-26T05:17:00Z')
  it('writes the zone first and UTC beside it, from a Date or an ISO time', () => {
    expect(whenInZone(at, 'Europe/Berlin')).toBe(
      'Thu 2026-11-26 06:17 Europe/Berlin (05:17 UTC)'
    )
    expect(whenInZone(at.toISOString(), 'Europe/Berlin')).toBe(
      whenInZone(at, 'Europe/Berlin')
    )
  })

  it('names the UTC day when the zone is on another day, and writes UTC once', () => {
    expect(whenInZone(new Date('2026-11-26T20:00:00Z'), 'Asia/Tokyo')).toBe(
      'Fri 2026-11-27 05:00 Asia/Tokyo (Thu 20:00 UTC)'
    )
    expect(whenInZone(at, 'UTC')).toBe('Thu 2026-11-26 05:17 UTC')
    expect(whenInZone(at, 'Etc/UTC')).toBe('Thu 2026-11-26 05:17 UTC')
  })
})
