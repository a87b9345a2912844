/**
 * The README and docs/ are part of the product: their generated tables and
 * examples match their sources, every message they quote is one the action
 * really prints, every input or preflight error the action can raise is in
 * docs/troubleshooting.md, the README keeps to what a user needs to adopt
 * the action, and its quick start works as written against the simulator.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { documentFiles, renderReadme } from '../../scripts/readme-tables.js'
import { runAction } from '../helpers/bundle.js'
import type { QualyticsSimulator } from '../../simulator/index.js'
import { operationsOf, startSimulator } from '../helpers/fixtures.js'
import {
  actionStep,
  scheduledContexts,
  type Workflow,
  stepInputs
} from '../helpers/workflow-steps.js'

const README = readFileSync('README.md', 'utf8')
/** The full troubleshooting page, which the README's short table links. */
const TROUBLESHOOTING = readFileSync('docs/troubleshooting.md', 'utf8')

/** The text of a README `## Heading` section, up to the next `## `. */
function section(heading: string): string {
  const start = README.indexOf(`\n## ${heading}\n`)
  if (start < 0) throw new Error(`README has no '## ${heading}'`)
  const end = README.indexOf('\n## ', start + 1)
  return README.slice(start, end < 0 ? undefined : end)
}

/** Every TypeScript file under a folder, concatenated. */
function sourceText(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(f => f.isFile() && f.name.endsWith('.ts'))
    .map(f => readFileSync(join(f.parentPath, f.name), 'utf8'))
    .join('\n')
}

/**
 * The literal pieces of a quoted message: `…` and `<placeholder>` stand for
 * values filled in at run time. Pieces too short to mean anything are dropped.
 */
function fragments(message: string): string[] {
  return message
    .split(/…|<[a-z-]+>/)
    .map(s => s.trim())
    .filter(s => s.length >= 4)
}

/** Code spans in the table columns that quote what the action prints. */
function quotedMessages(text: string): string[] {
  const quoted: string[] = []
  let columns: number[] = []
  for (const line of text.split('\n')) {
    if (!line.startsWith('|')) {
      columns = []
      continue
    }
    const cells = line.split(/(?<!\\)\|/).slice(1, -1)
    if (columns.length === 0) {
      columns = cells.flatMap((c, i) =>
        /^\s*(Problem|What the log says)\s*$/.test(c) ? [i] : []
      )
      continue
    }
    for (const i of columns)
      for (const [, span] of (cells[i] ?? '').matchAll(/`([^`]+)`/g))
        quoted.push(span ?? '')
  }
  return quoted
}

/**
 * The longest static piece of each message an InputError or PreflightError
 * is built with: the first string argument that is not an input name.
 */
function raisedMessages(source: string): string[] {
  const messages: string[] = []
  for (const match of source.matchAll(
    /new (?:InputError|PreflightError)\(\s*(?:'[a-z-]+',|[a-z]+,)?\s*(['`"])((?:\\.|(?!\1).)*)\1/gs
  )) {
    // Up to an opening parenthesis or backtick: what follows is detail.
    const pieces = (match[2] ?? '')
      .split(/\$\{[^}]*\}/)
      .map(p => p.split(/ \(|`/)[0]?.trim() ?? '')
    messages.push(pieces.sort((a, b) => b.length - a.length)[0] ?? '')
  }
  return messages
}

describe('README.md and docs/', () => {
  it.each(documentFiles(process.cwd()))(
    '%s has the inputs, outputs and examples exactly as `npm run docs` writes them',
    async file => {
      const text = readFileSync(file, 'utf8')
      expect(await renderReadme(text, process.cwd())).toBe(text)
    }
  )

  it('shows every example workflow, in the README or docs/recipes.md', () => {
    const examples = readdirSync('examples').filter(f => f.endsWith('.yml'))
    expect(examples.length).toBeGreaterThanOrEqual(8)
    const shown = README + readFileSync('docs/recipes.md', 'utf8')
    for (const file of examples)
      expect(shown).toContain(`<!-- start example examples/${file} -->`)
    // The daily recipe is the quick start; the fan-out by tag is named and
    // linked from the front page, its whole workflow in docs/recipes.md.
    expect(README).toContain('<!-- start example examples/daily.yml -->')
    expect(section('Recipes')).toContain('### Many datastores, by tag')
    for (const link of [
      '](examples/fan-out.yml)',
      '](docs/recipes.md#many-datastores-by-tag)',
      '](docs/recipes.md#a-night-that-needs-no-one)'
    ])
      expect(section('Recipes')).toContain(link)
  })

  it('lists every input and output of action.yml', () => {
    const action = parse(readFileSync('action.yml', 'utf8')) as {
      inputs: object
      outputs: object
    }
    for (const name of Object.keys(action.inputs))
      expect(section('Inputs')).toContain(`| \`${name}\``)
    for (const name of Object.keys(action.outputs))
      expect(section('Outputs')).toContain(`| \`${name}\``)
  })

  it('has its sections in the order users look for them', () => {
    const order = [
      'Quick start',
      'Recipes',
      'Where the data lands',
      'Missed runs, running exports and the request budget',
      'Inputs',
      'Outputs',
      'Permissions',
      'Runners, proxies and certificates',
      'Troubleshooting',
      'Versioning',
      'Command line',
      'Development'
    ].map(h => README.indexOf(`\n## ${h}\n`))
    expect(order.every(i => i > 0)).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
  })

  it('stays a front page: at most 400 lines, no benchmark verdicts, the rest in docs/', () => {
    // The generated inputs table and the quick start's workflow are most of it.
    expect(README.split('\n').length).toBeLessThanOrEqual(400)
    expect(README).not.toMatch(/\|\s*(MISS|PASS)\s*\|/)
    for (const page of [
      'docs/troubleshooting.md',
      'docs/reliability.md',
      'docs/performance.md',
      'docs/cli.md',
      'docs/development.md',
      'docs/recipes.md'
    ])
      expect(README).toContain(`](${page}`)
  })

  it('links only to files and headings that exist', () => {
    const slug = (heading: string): string =>
      heading
        .toLowerCase()
        .replace(/[^\p{L}\p{N} _-]/gu, '')
        .replace(/ /g, '-')
    for (const file of documentFiles(process.cwd())) {
      const text = readFileSync(file, 'utf8')
      const dir = file.includes('/')
        ? file.slice(0, file.lastIndexOf('/'))
        : '.'
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/.test(target ?? '')) continue // https:, mailto:
        const [path, anchor] = (target ?? '').split('#')
        const linked = path ? join(dir, path) : file
        expect([file, target, existsSync(linked)]).toEqual([file, target, true])
        if (!anchor || !linked.endsWith('.md')) continue
        const headings = [
          ...readFileSync(linked, 'utf8').matchAll(/^#+ (.+)$/gm)
        ].map(m => slug(m[1] ?? ''))
        expect([file, target, headings.includes(anchor)]).toEqual([
          file,
          target,
          true
        ])
      }
    }
  })

  it('keeps the two development commands', () => {
    const dev = section('Development')
    expect(dev).toContain('```sh\nnpm ci && npm run demo\n```')
    expect(dev).toContain('```sh\nnpm ci && npm run check\n```')
    // .ci/run, CI's entry, runs exactly that.
    const ci = readFileSync('.ci/run', 'utf8')
    expect(ci).toMatch(/^npm ci\b.*\nnpm run check$/m)
  })

  it('tells users about proxies, custom CAs, the runner version and actionlint', () => {
    const runners = section('Runners, proxies and certificates')
    for (const needed of [
      'HTTPS_PROXY',
      'NO_PROXY',
      'NODE_EXTRA_CA_CERTS',
      'v2.327.1',
      '1.7.12'
    ])
      expect(runners).toContain(needed)
    expect(readFileSync('action.yml', 'utf8')).toContain("using: 'node24'")
  })

  it('quotes only messages the action really prints', () => {
    const quoted = quotedMessages(TROUBLESHOOTING)
    expect(quoted.length).toBeGreaterThan(30)
    const short = quotedMessages(section('Troubleshooting'))
    expect(short.length).toBeGreaterThan(5)
    const line = /The log line reads\s+`([^`]+)`/.exec(TROUBLESHOOTING)?.[1]
    expect(line).toBeDefined()
    const source = sourceText('src')
    const missing = [...quoted, ...short, line ?? '']
      .flatMap(fragments)
      .filter(f => !source.includes(f))
    expect(missing).toEqual([])
  })

  it('explains every input and preflight error the action can raise', () => {
    const action = ['core', 'action']
      .map(dir => sourceText(join('src', dir)))
      .join('\n')
    const raised = raisedMessages(action)
    expect(raised.length).toBeGreaterThan(20)
    expect(raised.filter(m => !TROUBLESHOOTING.includes(m))).toEqual([])
  })

  it('covers every row of the vendor page’s troubleshooting table', () => {
    for (const symptom of [
      /Invalid cron expression/,
      /The schedule never runs/,
      /\*\*60 days\*\*/,
      /\*\*default branch\*\*/,
      /runs late/,
      /No enrichment datastore/,
      /token is refused/,
      /Success, but no new records/
    ])
      expect(TROUBLESHOOTING).toMatch(symptom)
    // "Success but no new records" leads to `verify`, in both places.
    for (const text of [TROUBLESHOOTING, section('Troubleshooting')]) {
      const row = text
        .split('\n')
        .find(l => /Success, but no new records/.test(l))
      expect(row).toContain('`verify`')
    }
  })
})

describe('the README’s quick start, run as written', () => {
  let sim: QualyticsSimulator | undefined
  afterEach(async () => {
    await sim?.close()
    sim = undefined
  })

  it('exports against the simulator as a scheduled run', async () => {
    const yaml = /## Quick start[\s\S]*?```yaml\n([\s\S]*?)```/.exec(
      README
    )?.[1]
    const workflow = parse(yaml ?? '') as Workflow
    expect(workflow.permissions).toEqual({ contents: 'read' })
    const cron = workflow.on.schedule?.[0]?.cron ?? ''
    expect(cron).toMatch(/^([1-9]|[1-5]\d) /) // an off-minute
    expect(workflow.on).toHaveProperty('workflow_dispatch')
    const { step, matrix } = actionStep(workflow)
    expect(step.uses).toBe('qualytics/qualytics-export-action@v1')
    sim = await startSimulator()
    const contexts = scheduledContexts(matrix, {
      'vars.QUALYTICS_URL': sim.url,
      'secrets.QUALYTICS_TOKEN': sim.token
    })
    const inputs = stepInputs(step, contexts)
    const run = await runAction({ inputs, scheduleCron: cron })
    expect(run.errors).toEqual([])
    expect(run.code).toBe(0)
    expect(run.outputs.result).toBe('success')
    expect(
      operationsOf(run.outputs).map(r => [r.datastore_id, r.asset_type])
    ).toEqual([
      [42, 'anomalies'],
      [42, 'checks']
    ])
    expect(run.outputs['next-run']).toMatch(/^\d{4}-\d\d-\d\dT06:17:00/)
    // The summary writes Markdown punctuation (the cron's `*`) as entities.
    expect(run.summary).toContain(
      `Scheduled by <code>${cron.replace(/\*/g, '&#42;')}</code>`
    )
  })
})
