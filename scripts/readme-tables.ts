/**
 * `npm run docs`: regenerate the parts of README.md and docs/*.md that
 * other files own.
 *
 * - action.yml's `inputs:`, from the input table (src/core/config/inputs-table.ts);
 * - the GitLab component's input parts (templates/export.yml), from the
 *   input table too (see gitlab-component.ts);
 * - `<!-- start inputs -->` … `<!-- end inputs -->`: the inputs table, from the input table;
 * - `<!-- start outputs -->` … `<!-- end outputs -->`: the outputs table, from action.yml;
 * - `<!-- start example examples/x.yml -->` … `<!-- end example -->`: that
 *   workflow file, verbatim, so the README's YAML is the YAML the tests validate.
 *
 * `--check` writes nothing and exits 1 when a file is out of date. The
 * result goes through prettier, so `npm run format:check` agrees with it.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import * as prettier from 'prettier'
import { parse } from 'yaml'
import { INPUTS, type InputSpec } from '../src/core/config/inputs-table.js'
import { COMPONENT, renderComponent } from './gitlab-component.js'

interface ActionYaml {
  outputs: Record<string, { description: string }>
}

/**
 * The release that brought each input and output added after 1.0.0, shown
 * first in its table row, so a workflow pinned to an older release knows
 * what it lacks: the inputs' from the input table, the outputs' here (a
 * test holds every name of action.yml to it).
 */
export const SINCE: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    INPUTS.filter(i => i.since !== '1.0').map(i => [i.name, i.since])
  ),
  datastores: '1.1',
  matrix: '1.1',
  'scheduled-at': '1.2'
}

/** A description cell, led by the release that brought the name. */
function described(name: string, description: string): string {
  const since = SINCE[name]
  return cell(since ? `_Since ${since}._ ${description}` : description)
}

/** One table cell: a single line, pipes escaped. */
function cell(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim()
}

/** The inputs table: name, required, default, description. */
export function inputsTable(inputs: readonly InputSpec[] = INPUTS): string {
  const rows = inputs.map(input => {
    const fallback = /`(QUALYTICS_[A-Z]+)`\s+environment\s+variable/.exec(
      input.description
    )?.[1]
    const required = fallback ? `yes, or env \`${fallback}\`` : 'no'
    const def = input.default === '' ? '' : `\`${input.default}\``
    return `| \`${input.name}\` | ${required} | ${def} | ${described(input.name, input.description)} |`
  })
  return [
    '| Input | Required | Default | Description |',
    '| --- | --- | --- | --- |',
    ...rows
  ].join('\n')
}

/** A YAML single-quoted scalar. */
function sq(text: string): string {
  return `'${text.replace(/'/g, "''")}'`
}

/**
 * action.yml's `inputs:` block from the input table: each description as
 * written there, `required: false` (url and token fall back to the
 * environment, datastore and datastore-tags exclude each other), and the
 * default of every export input.
 */
export function actionInputs(inputs: readonly InputSpec[] = INPUTS): string {
  const blocks = inputs.map(input => {
    const description = input.description.includes('\n')
      ? `|-\n${input.description
          .split('\n')
          .map(line => `      ${line}`)
          .join('\n')}`
      : sq(input.description)
    return [
      `  ${input.name}:`,
      `    description: ${description}`,
      '    required: false',
      ...(input.export ? [`    default: ${sq(input.default)}`] : [])
    ].join('\n')
  })
  return `inputs:\n${blocks.join('\n')}\n`
}

/** action.yml with its `inputs:` block replaced by the generated one. */
export function renderActionYaml(current: string): string {
  const start = current.indexOf('\ninputs:\n')
  const end = current.indexOf('\noutputs:\n')
  if (start < 0 || end < start)
    throw new Error('action.yml: no `inputs:` block before `outputs:`')
  return `${current.slice(0, start + 1)}${actionInputs()}${current.slice(end)}`
}

/** The outputs table: name, description. */
export function outputsTable(action: ActionYaml): string {
  const rows = Object.entries(action.outputs).map(
    ([name, output]) =>
      `| \`${name}\` | ${described(name, output.description)} |`
  )
  return ['| Output | Description |', '| --- | --- |', ...rows].join('\n')
}

/**
 * A document (README.md or a docs/ page) with every generated region
 * rebuilt from the files under `root`. Throws when a region's start has no
 * end, or an example is missing.
 */
export async function renderReadme(
  readme: string,
  root: string
): Promise<string> {
  const action = parse(
    readFileSync(join(root, 'action.yml'), 'utf8')
  ) as ActionYaml
  const regions: Array<[RegExp, (match: string[]) => string]> = [
    [
      /(<!-- start inputs -->)[\s\S]*?(<!-- end inputs -->)/g,
      () => inputsTable()
    ],
    [
      /(<!-- start outputs -->)[\s\S]*?(<!-- end outputs -->)/g,
      () => outputsTable(action)
    ],
    [
      /(<!-- start example ([\w./-]+) -->)[\s\S]*?(<!-- end example -->)/g,
      ([, , file]) =>
        `\`\`\`yaml\n${readFileSync(join(root, file ?? ''), 'utf8').trimEnd()}\n\`\`\``
    ]
  ]
  for (const marker of ['inputs', 'outputs', 'example']) {
    const starts = readme.split(`<!-- start ${marker}`).length - 1
    const ends = readme.split(`<!-- end ${marker} -->`).length - 1
    if (starts !== ends)
      throw new Error(
        `README.md: ${starts} '<!-- start ${marker}' but ${ends} '<!-- end ${marker} -->'`
      )
  }
  let text = readme
  for (const [pattern, render] of regions) {
    text = text.replace(pattern, (...args: unknown[]) => {
      const groups = args.slice(0, -2).map(String)
      const start = groups[1] ?? ''
      const end = groups.at(-1) ?? ''
      return `${start}\n\n${render(groups)}\n\n${end}`
    })
  }
  const options = await prettier.resolveConfig(join(root, 'README.md'))
  return prettier.format(text, { ...options, parser: 'markdown' })
}

/** The documents `npm run docs` keeps: README.md, then docs/*.md, as paths under root. */
export function documentFiles(root: string): string[] {
  const docs = join(root, 'docs')
  return [
    'README.md',
    ...(existsSync(docs)
      ? readdirSync(docs)
          .filter(f => f.endsWith('.md'))
          .sort()
          .map(f => join('docs', f))
      : [])
  ]
}

/** A file `npm run docs` keeps, and how to rebuild it from the current text. */
interface Generated {
  file: string
  render: (current: string) => string | Promise<string>
}

/**
 * Every generated file under root that is out of date, in the order
 * checked; with `write`, each is rewritten first. action.yml and the
 * component come first: the documents do not read them.
 */
export async function updateDocs(
  root: string,
  write: boolean
): Promise<string[]> {
  const generated: Generated[] = [
    { file: 'action.yml', render: renderActionYaml },
    {
      file: COMPONENT,
      render: async text => {
        const options = await prettier.resolveConfig(join(root, COMPONENT))
        return prettier.format(renderComponent(text), {
          ...options,
          parser: 'yaml'
        })
      }
    },
    ...documentFiles(root).map(file => ({
      file,
      render: (text: string) => renderReadme(text, root)
    }))
  ]
  const stale: string[] = []
  for (const { file, render } of generated) {
    const path = join(root, file)
    const current = readFileSync(path, 'utf8')
    const wanted = await render(current)
    if (wanted === current) continue
    stale.push(file)
    if (write) writeFileSync(path, wanted)
  }
  return stale
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check')
  const stale = await updateDocs(process.cwd(), !check)
  for (const file of stale)
    if (check) console.error(`${file} is out of date: run \`npm run docs\`.`)
    else console.log(`${file} updated.`)
  if (stale.length === 0) console.log('Every generated file is up to date.')
  if (check && stale.length > 0) process.exitCode = 1
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await main()
}
