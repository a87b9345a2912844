import { INPUTS } from '../core/config/inputs-table.js'
import type { CommandSpec, FlagSpec } from './args.js'
import { DEFAULT_USES } from './workflow-file.js'

/** Where GitHub reads workflows from. */
export const DEFAULT_DIR = '.github/workflows'

const dir: FlagSpec = {
  type: 'string',
  value: '<path>',
  description: `Workflow directory (default ${DEFAULT_DIR}).`
}

/**
 * The flags a command takes for the action's inputs, from the one input
 * table: `run` takes every input but the token; `schedule` every input it
 * can write into a workflow, some under another name (`--timezone`).
 */
function inputFlags(command: 'run' | 'schedule'): Record<string, FlagSpec> {
  const flags: Record<string, FlagSpec> = {}
  for (const input of INPUTS) {
    const form = input.run
    const name =
      command === 'run'
        ? input.name
        : typeof input.schedule === 'string'
          ? input.schedule
          : input.schedule && input.name
    if (form === null || !name) continue
    flags[name] =
      'flag' in form
        ? { type: 'boolean', description: form.help }
        : { type: 'string', value: form.value, description: form.help }
  }
  return flags
}

/** `schedule`: write a workflow that runs the export on a cron. */
export const SCHEDULE: CommandSpec = {
  name: 'schedule',
  summary: 'Write a workflow that runs the export on a cron (not a crontab).',
  usage:
    'schedule --crontab <cron> (--datastore <ids> | --datastore-tags <tags>) [flags]',
  flags: {
    crontab: {
      type: 'string',
      value: '<cron>',
      description:
        "5-field cron, checked against GitHub's rules (e.g. '17 6 * * *')."
    },
    ...inputFlags('schedule'),
    name: {
      type: 'string',
      value: '<name>',
      description:
        'Schedule name; the file is qualytics-export-<name>.yml.\nDefault: ds<datastores>-<options>, e.g. ds42-anomalies-checks.'
    },
    uses: {
      type: 'string',
      value: '<action>',
      description: `Action reference (default ${DEFAULT_USES}).`
    },
    pin: {
      type: 'string',
      value: '<sha>',
      description:
        'Pin the action to this full 40-character commit SHA (the tag it\nreplaces stays as a comment, which Dependabot updates).'
    },
    target: {
      type: 'string',
      value: '<ci>',
      description:
        'github (default): a workflow in .github/workflows. gitlab: a CI file\nin .gitlab that includes the GitLab component, and the pipeline\nschedule to create.'
    },
    ref: {
      type: 'string',
      value: '<branch>',
      description:
        'With --target gitlab: the branch the pipeline schedule runs on\n(default main).'
    },
    'runs-on': {
      type: 'string',
      value: '<label>',
      description: 'Runner label (default ubuntu-latest).'
    },
    dir,
    force: { type: 'boolean', description: 'Replace an existing file.' },
    print: {
      type: 'boolean',
      description: 'Print the workflow instead of writing it.'
    }
  },
  notes: [
    'Example:',
    "  qualytics-export schedule --crontab '17 6 * * *' --datastore 42 \\",
    '    --options anomalies,checks --timezone Europe/Berlin --name daily-audit',
    '',
    'The file goes to .github/workflows at the root of the git repository you',
    'are in (GitHub reads no other place); outside a repository give --dir.',
    '',
    'Every other flag is the action input of the same name (--timezone also sets',
    "schedule-timezone); the job's timeout-minutes is the action's timeout + 15.",
    '',
    'The workflow reads the URL from the repository variable QUALYTICS_URL and',
    'the token from the secret QUALYTICS_TOKEN; it never holds a token itself.',
    '',
    'GitLab: --target gitlab writes .gitlab/qualytics-export-<name>.yml (include',
    'it from .gitlab-ci.yml) and prints the pipeline schedule to create.'
  ]
}

/** `list`: the workflows that use the action. */
export const LIST: CommandSpec = {
  name: 'list',
  summary: 'List the workflows that use the action, with their schedules.',
  usage: 'list [--dir <path>] [--json]',
  flags: {
    dir,
    json: { type: 'boolean', description: 'Print JSON instead of text.' }
  }
}

/** `remove`: delete a workflow this tool wrote. */
export const REMOVE: CommandSpec = {
  name: 'remove',
  summary: 'Delete a workflow that `schedule` wrote.',
  usage: 'remove --name <name> [--dir <path>]',
  flags: {
    name: {
      type: 'string',
      value: '<name>',
      description: 'Schedule name, as `list` shows it.'
    },
    dir
  }
}

/** `check`: lint the workflows that use the action. */
export const CHECK: CommandSpec = {
  name: 'check',
  summary: 'Lint the workflows that use the action (exit 1 on errors).',
  usage: 'check [--dir <path>] [--json | --format text|json|github]',
  flags: {
    dir,
    json: {
      type: 'boolean',
      description: 'Print JSON (same as --format json).'
    },
    format: {
      type: 'string',
      value: '<format>',
      description:
        'text (default), json, or github: one ::error/::warning annotation\nper finding, on its file and line, for a CI step.'
    }
  },
  notes: [
    'Errors: a cron GitHub refuses or runs more often than every 5 minutes, a',
    "literal token (also as a fallback `secrets.X || '...'`, around an",
    'expression, or in env:), an input a scheduled run leaves empty, two',
    'schedules that export the same datastore and asset type in the same',
    'minute (next 7 days).',
    'Warnings: no workflow_dispatch, minute 0, no concurrency group, a',
    'schedule-timezone that differs from the timezone: key.',
    '',
    'In a CI step: qualytics-export check --format github'
  ]
}

/** `run`: the action's export, from any terminal or CI. */
export const RUN: CommandSpec = {
  name: 'run',
  summary: 'Export now, as the action does, from a terminal or any CI.',
  usage:
    'run --url <url> (--datastore <ids> | --datastore-tags <tags>) [flags]',
  flags: {
    ...inputFlags('run'),
    json: {
      type: 'boolean',
      description:
        "Print the operations as JSON (the action's `operations` output)."
    },
    'summary-file': {
      type: 'string',
      value: '<path>',
      description:
        'Also write a Markdown summary of the run there (GitLab, other CI).'
    },
    'junit-file': {
      type: 'string',
      value: '<path>',
      description:
        'Also write a JUnit XML report there: one test case per export.'
    },
    'dotenv-file': {
      type: 'string',
      value: '<path>',
      description:
        "Also write the result and ids as QUALYTICS_EXPORT_* variables there\n(a dotenv file, for GitLab's artifacts:reports:dotenv)."
    }
  },
  notes: [
    'The token comes from the QUALYTICS_TOKEN environment variable only.',
    'Exit codes: 0 success or warning, 1 failed export, timeout or API error,',
    '2 bad flags or input, 130 after Ctrl-C (143 after SIGTERM).'
  ]
}

/** `report`: merge results files, as the action's `merge-results`. */
export const REPORT: CommandSpec = {
  name: 'report',
  summary: 'Merge results files of many runs into one verdict and summary.',
  usage: 'report <file|glob>... [--summary-file <path>] [--junit-file <path>]',
  operands: true,
  flags: {
    'summary-file': {
      type: 'string',
      value: '<path>',
      description: 'Write the merged Markdown summary there.'
    },
    'junit-file': {
      type: 'string',
      value: '<path>',
      description: 'Write the merged exports there as JUnit XML.'
    },
    'dotenv-file': {
      type: 'string',
      value: '<path>',
      description: 'Write the merged result and ids there as dotenv.'
    },
    'fail-on-warning': {
      type: 'boolean',
      description: 'Exit 1 when the merged result is a warning.'
    },
    json: {
      type: 'boolean',
      description: 'Print the merged operations as JSON.'
    }
  },
  notes: [
    "The files are what `run --results-file` (or the action's results-file)",
    'wrote; globs are expanded here too (quote them for the shell to pass).',
    'Nothing is sent to Qualytics. A missing, garbled or other-version file is',
    'named, and the merged result is then at best failure.',
    'Exit codes: 0 success or warning, 1 anything worse, 2 bad flags.'
  ]
}

/** Every command, in the order `--help` lists them. */
export const COMMANDS: readonly CommandSpec[] = [
  RUN,
  REPORT,
  SCHEDULE,
  LIST,
  CHECK,
  REMOVE
]
