/**
 * The one input table: action.yml's inputs are the table's, and every
 * export input of action.yml is a flag of `run` and an option `schedule`
 * writes into the workflow, as the bundled command line shows them.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { renderActionYaml } from '../../scripts/readme-tables.js'
import { INPUTS } from '../../src/core/config/inputs-table.js'
import { runCli } from '../helpers/cli.js'

interface ActionYaml {
  inputs: Record<string, { default?: string; description: string }>
}

const ACTION_TEXT = readFileSync('action.yml', 'utf8')
const ACTION = parse(ACTION_TEXT) as ActionYaml
/** The inputs that say what to export and how (url and token say where and who). */
const EXPORT_INPUTS = Object.keys(ACTION.inputs).filter(
  name => !['url', 'token'].includes(name) && name !== 'merge-results'
)

describe('the input table', () => {
  it('is what action.yml declares, name for name, default for default', () => {
    expect(renderActionYaml(ACTION_TEXT)).toBe(ACTION_TEXT)
    expect(Object.keys(ACTION.inputs)).toEqual(INPUTS.map(i => i.name))
    for (const input of INPUTS)
      expect([input.name, ACTION.inputs[input.name]?.default ?? '']).toEqual([
        input.name,
        input.default
      ])
  })

  it('gives every input without a default an example, and every export input a run flag', () => {
    for (const input of INPUTS) {
      if (input.default === '' && input.export)
        expect([input.name, input.example]).toEqual([
          input.name,
          expect.any(String)
        ])
      if (input.export)
        expect([input.name, input.run]).not.toEqual([input.name, null])
    }
  })
})

describe('the command line offers every export input of action.yml', () => {
  it('run --help lists a flag for each', async () => {
    const help = await runCli(['run', '--help'])
    expect(help.code).toBe(0)
    const flags = [...help.stdout.matchAll(/^ {2}--([a-z-]+)/gm)].map(m => m[1])
    expect(EXPORT_INPUTS.filter(name => !flags.includes(name))).toEqual([])
  })

  it('schedule writes each into the step it generates', async () => {
    // Two schedules between them set every input: datastore and
    // datastore-tags (and containers and container-tags) exclude each other.
    const written = new Map<string, string>()
    for (const [skip, datastore] of [
      [
        ['datastore-tags', 'container-tags'],
        ['--datastore', '42']
      ],
      [['datastore', 'containers'], []]
    ] as const) {
      const args = [
        'schedule',
        '--print',
        '--crontab',
        '17 6 * * *',
        ...datastore
      ]
      for (const input of INPUTS) {
        if (!input.schedule || skip.includes(input.name as never)) continue
        if (input.name === 'datastore') continue
        const flag =
          typeof input.schedule === 'string' ? input.schedule : input.name
        const value = input.example ?? (input.default || 'true')
        if (input.run && 'flag' in input.run) args.push(`--${flag}`)
        else
          args.push(
            `--${flag}`,
            input.name === 'schedule-timezone' ? 'Europe/Berlin' : value
          )
      }
      const run = await runCli(args)
      expect(run.stderr).toMatch(/^Schedule: /)
      expect(run.code).toBe(0)
      const workflow = parse(run.stdout) as {
        jobs: { export: { steps: Array<{ with: Record<string, string> }> } }
      }
      for (const [name, value] of Object.entries(
        workflow.jobs.export.steps[0]?.with ?? {}
      ))
        written.set(name, value)
    }
    expect(EXPORT_INPUTS.filter(name => !written.has(name))).toEqual([])
  })
})
