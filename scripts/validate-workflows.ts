/**
 * Validate workflow files and action.yml with GitHub's own schema: the
 * engine of GitHub's VS Code extension (`@actions/languageservice`).
 *
 *   npx tsx scripts/validate-workflows.ts <file.yml>...
 *
 * Prints `file:line:col: severity: message` per problem and exits 1 when
 * there is any (warnings count: these are our own files). Run it through
 * tsx: the package's dist imports JSON without import attributes, which
 * plain Node refuses (ERR_IMPORT_ATTRIBUTE_MISSING).
 *
 * A `uses:` of this action (`<owner>/qualytics-export-action@<ref>`) is
 * checked against action.yml, so a misspelt or missing input is caught in
 * the examples and the README's workflows too.
 */
import {
  validate,
  type ActionsMetadataProvider
} from '@actions/languageservice'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { TextDocument } from 'vscode-languageserver-textdocument'
import { parse } from 'yaml'

/** The repository name under which workflows call this action. */
const ACTION_NAME = 'qualytics-export-action'
/** LSP severities; a diagnostic without one is an error. */
const SEVERITY = ['error', 'error', 'warning', 'info', 'hint'] as const

/** One problem the validator found. */
interface Problem {
  file: string
  line: number
  column: number
  severity: (typeof SEVERITY)[number]
  message: string
}

interface ActionYaml {
  name: string
  description: string
  inputs?: Record<string, { description: string; required?: boolean }>
  outputs?: Record<string, { description: string }>
}

/**
 * This action's metadata from action.yml, for `uses:` of it. Other actions
 * get metadata without inputs: the validator then leaves their `with:`
 * alone instead of calling them unresolvable (there is no network here).
 */
function ownActionMetadata(root: string): ActionsMetadataProvider {
  const action = parse(
    readFileSync(resolve(root, 'action.yml'), 'utf8')
  ) as ActionYaml
  return {
    fetchActionMetadata: ref =>
      Promise.resolve(
        ref.name === ACTION_NAME && !ref.path
          ? {
              name: action.name,
              description: action.description,
              inputs: action.inputs,
              outputs: action.outputs
            }
          : { name: ref.name, description: '' }
      )
  }
}

/**
 * Validate one document. The file name decides the schema: `action.yml` or
 * `action.yaml` is action metadata, anything else a workflow.
 */
async function validateText(
  file: string,
  text: string,
  root = process.cwd()
): Promise<Problem[]> {
  const doc = TextDocument.create(
    pathToFileURL(resolve(file)).href,
    'yaml',
    1,
    text
  )
  const diagnostics = await validate(doc, {
    actionsMetadataProvider: ownActionMetadata(root)
  })
  return diagnostics.map(d => ({
    file,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    severity: SEVERITY[d.severity ?? 1] ?? 'error',
    message: typeof d.message === 'string' ? d.message : d.message.value
  }))
}

const files = process.argv.slice(2)
if (files.length === 0) {
  console.error('usage: tsx scripts/validate-workflows.ts <file.yml>...')
  process.exit(2)
}
let problems = 0
for (const file of files) {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    console.error(`${file}: cannot read: ${(error as Error).message}`)
    problems++
    continue
  }
  for (const p of await validateText(file, text)) {
    console.log(`${p.file}:${p.line}:${p.column}: ${p.severity}: ${p.message}`)
    problems++
  }
}
console.log(
  problems === 0
    ? `${files.length} file(s) valid.`
    : `${problems} problem(s) in ${files.length} file(s).`
)
process.exitCode = problems === 0 ? 0 : 1
