/**
 * What the Marketplace sees: action.yml's listing fields within the
 * Marketplace's limits. The npm package is package.test.ts's.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'

describe('action.yml listing', () => {
  const action = parse(readFileSync('action.yml', 'utf8')) as {
    name: string
    description: string
    author?: string
  }

  it('has a description the Marketplace accepts (under 125 characters)', () => {
    expect(action.description.length).toBeGreaterThan(40)
    expect(action.description.length).toBeLessThan(125)
  })

  it('names an author that is not a placeholder', () => {
    expect(action.author).toMatch(/qualytics-export-action/)
    expect(action.author).not.toMatch(/contributors|TODO|your name/i)
  })
})
