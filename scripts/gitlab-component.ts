/**
 * The parts of the GitLab CI/CD component (templates/export.yml) that follow
 * the input table, so that a new input reaches GitLab through `npm run docs`
 * rather than by hand:
 *
 * - `# start generated: inputs` … `# end generated` in `spec:inputs`: one
 *   entry per input the component offers;
 * - `# start generated: variables` … `# end generated` in the job's
 *   `variables:`: a `QE_*` variable per text input, and the booleans and
 *   numbers as `flag=value` words;
 * - the script's `for flag in …; do` line (a YAML comment cannot mark a
 *   line inside a block scalar): the text inputs' names.
 *
 * Everything else (the job's own inputs, its body) is written by hand.
 */
import { parse } from 'yaml'
import { INPUTS, type InputSpec } from '../src/core/config/inputs-table.js'
import { inGitlabComponent } from '../src/cli/gitlab-file.js'

/** The component, under the repository root. */
export const COMPONENT = 'templates/export.yml'

/**
 * How an input reaches the command: a presence flag given when true
 * (switch), a boolean or number always given as `--flag value` (word), or
 * text in a variable of its own, left out when empty.
 */
type Passing = 'switch' | 'word' | 'text'

/** One input as the component declares and passes it. */
interface ComponentInput {
  name: string
  type: 'string' | 'boolean' | 'number'
  passing: Passing
  default: string
  options?: string[]
  description: string
}

/**
 * The inputs the component offers, in the table's order. Secrets stay out
 * (they come from masked CI/CD variables), and so do inputs the command
 * line refuses or the table marks `gitlab: false`.
 */
function componentInputs(
  inputs: readonly InputSpec[] = INPUTS
): ComponentInput[] {
  return inputs.flatMap((input): ComponentInput[] => {
    const form = input.run
    if (!form || !inGitlabComponent(input)) return []
    const offered = {
      name: input.name,
      default: input.default,
      description:
        typeof input.gitlab === 'string'
          ? input.gitlab
          : form.help.replace(/\s*\(default\b[^)]*\)(?=\.$)/, '')
    }
    if ('flag' in form)
      return [{ ...offered, type: 'boolean', passing: 'switch' }]
    if (form.value === '<bool>')
      return [{ ...offered, type: 'boolean', passing: 'word' }]
    if (form.value === '<n>')
      return [{ ...offered, type: 'number', passing: 'word' }]
    // `<wait|trigger>`: a choice, which GitLab offers as options.
    const choice = /^<([\w-]+(?:\|[\w-]+)+)>$/.exec(form.value)?.[1]
    return [
      {
        ...offered,
        type: 'string',
        passing: 'text',
        ...(choice ? { options: choice.split('|') } : {})
      }
    ]
  })
}

/** A YAML scalar as the component writes it: plain when that reads back as the same string. */
function scalar(text: string): string {
  if (/^[\w./-]+$/.test(text) && parse(text) === text) return text
  // Prettier's choice: single quotes, unless the text holds one.
  return text.includes("'") && !/["\\]/.test(text)
    ? JSON.stringify(text)
    : `'${text.replace(/'/g, "''")}'`
}

/** A default as GitLab checks it against the type: a boolean or number must be one. */
function typedDefault(input: ComponentInput): string {
  const valid =
    input.type === 'boolean'
      ? /^(true|false)$/
      : input.type === 'number'
        ? /^\d+$/
        : null
  if (!valid) return scalar(input.default)
  if (!valid.test(input.default))
    throw new Error(
      `input table: ${input.name}'s default '${input.default}' is not a GitLab ${input.type}`
    )
  return input.default
}

/** `spec:inputs` entries, indented for their place. */
function specInputs(inputs: readonly ComponentInput[]): string[] {
  return inputs.flatMap(input => [
    `    ${input.name}:`,
    ...(input.type === 'string' ? [] : [`      type: ${input.type}`]),
    `      default: ${typedDefault(input)}`,
    ...(input.options ? [`      options: [${input.options.join(', ')}]`] : []),
    `      description: ${scalar(input.description)}`
  ])
}

/** The variable a text input travels in: QE_ and its name in capitals. */
function variable(name: string): string {
  return `QE_${name.toUpperCase().replace(/-/g, '_')}`
}

/** The job's variables that carry the inputs, indented for their place. */
function jobVariables(inputs: readonly ComponentInput[]): string[] {
  const words = (passing: Passing): string =>
    `'${inputs
      .filter(i => i.passing === passing)
      .map(i => `${i.name}=$[[ inputs.${i.name} ]]`)
      .join(' ')}'`
  return [
    '    # Text inputs, one variable each (empty ones are left out).',
    ...inputs
      .filter(i => i.passing === 'text')
      .map(i => `    ${variable(i.name)}: '$[[ inputs.${i.name} ]]'`),
    '    # Typed inputs as flag=value words: GitLab has checked each is a boolean',
    '    # or a number, so no word holds a space or a shell character.',
    `    QE_VALUES: ${words('word')}`,
    `    QE_SWITCHES: ${words('switch')}`
  ]
}

const REGION =
  /^([ \t]*# start generated: ([\w-]+)\n)[\s\S]*?^([ \t]*# end generated\n)/gm
const FOR_FLAGS = /^([ \t]*for flag in )[^;\n]*(; do)$/gm

/**
 * The component with its generated parts rebuilt from `inputs`. Throws
 * when a region is unknown or unclosed, or the `for flag in` line is not
 * there exactly once, so a hand edit cannot drop a part unnoticed.
 */
export function renderComponent(
  current: string,
  inputs: readonly InputSpec[] = INPUTS
): string {
  const offered = componentInputs(inputs)
  const renders: Record<string, () => string[]> = {
    inputs: () => specInputs(offered),
    variables: () => jobVariables(offered)
  }
  const starts = current.match(/# start generated:/g)?.length ?? 0
  const ends = current.match(/# end generated\n/g)?.length ?? 0
  const names = [...current.matchAll(REGION)].map(m => m[2])
  if (starts !== ends || names.join() !== Object.keys(renders).join())
    throw new Error(
      `${COMPONENT}: expected the generated regions ${Object.keys(renders).join(', ')}, once each and closed; found ${starts} start(s), ${ends} end(s): ${names.join(', ')}`
    )
  if ((current.match(FOR_FLAGS)?.length ?? 0) !== 1)
    throw new Error(`${COMPONENT}: expected one 'for flag in …; do' line`)
  return current
    .replace(
      REGION,
      (_, start: string, name: string, end: string) =>
        `${start}${(renders[name] ?? (() => []))().join('\n')}\n${end}`
    )
    .replace(
      FOR_FLAGS,
      (_, head: string, tail: string) =>
        `${head}${offered
          .filter(i => i.passing === 'text')
          .map(i => i.name)
          .join(' ')}${tail}`
    )
}
