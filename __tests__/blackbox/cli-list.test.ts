/**
 * `qualytics-export list`: what each workflow exports, as a scheduled run
 * would select it, for the workflows `schedule` writes.
 */
import { describe, expect, it } from '@jest/globals'
import { selection } from '../../src/cli/list.js'
import { runCli, tmpRepo } from '../helpers/cli.js'

describe('qualytics-export list', () => {
  it('shows the datastore-tags and container-tags selection of a workflow schedule wrote', async () => {
    const cwd = tmpRepo()
    const made = await runCli(
      [
        'schedule',
        '--crontab',
        '17 6 * * *',
        '--datastore-tags',
        'finance,sales',
        '--container-tags',
        'pii',
        '--options',
        'checks',
        '--name',
        'tagged'
      ],
      { cwd }
    )
    expect(made.code).toBe(0)
    const run = await runCli(['list'], { cwd })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(
      '  exports checks of every datastore tagged finance,sales, containers tagged pii  [job export,'
    )
    expect(run.stdout).not.toContain('set by an expression')
    const json = await runCli(['list', '--json'], { cwd })
    const [row] = JSON.parse(json.stdout) as Array<{
      exports: Array<Record<string, unknown>>
    }>
    expect(row?.exports[0]).toMatchObject({
      datastore: '',
      datastoreTags: 'finance,sales',
      containers: '',
      containerTags: 'pii',
      options: 'checks'
    })
  })

  it('says what it cannot tell, and containers by id', () => {
    const none = { containers: '', containerTags: '' }
    expect(
      selection({
        datastore: '42',
        datastoreTags: '',
        ...none,
        containers: '1,2'
      })
    ).toBe('datastore 42, containers 1,2')
    expect(selection({ datastore: null, datastoreTags: '', ...none })).toBe(
      'datastore (set by an expression)'
    )
    expect(selection({ datastore: '', datastoreTags: '', ...none })).toMatch(
      /^no datastore/
    )
  })
})
