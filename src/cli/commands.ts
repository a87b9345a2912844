import type { CommandSpec, FlagSpec } from './args.js'
import { DEFAULT_USES } from './workflow-file.js'

/** Where GitHub reads workflows from. */
export const DEFAULT_DIR = '.github/workflows'

const dir: FlagSpec = {
  type: 'string',
  value: '<path>',
  description: `Workflow directory (default ${DEFAULT_DIR}).`
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
    datastore: {
      type: 'string',
      value: '<ids>',
      description: 'Datastore id, or several comma-separated.'
    },
    'datastore-tags': {
      type: 'string',
      value: '<tags>',
      description:
        'Instead of --datastore: every datastore with one of these tags.'
    },
    containers: {
      type: 'string',
      value: '<ids>',
      description: 'Container ids, comma-separated (single datastore only).'
    },
    'container-tags': {
      type: 'string',
      value: '<tags>',
      description: 'Container tags, comma-separated (not with --containers).'
    },
    options: {
      type: 'string',
      value: '<types>',
      description:
        'anomalies, checks, profiles, comma-separated, or all (default).'
    },
    timezone: {
      type: 'string',
      value: '<zone>',
      description:
        'IANA time zone of the cron (default UTC), e.g. Europe/Berlin.'
    },
    name: {
      type: 'string',
      value: '<name>',
      description:
        'Schedule name; the file is qualytics-export-<name>.yml.\nDefault: ds<datastores>-<options>, e.g. ds42-anomalies-checks.'
    },
    timeout: {
      type: 'string',
      value: '<duration>',
      description: "The action's timeout (default 30m); the job gets 15m more."
    },
    'poll-interval': {
      type: 'string',
      value: '<duration>',
      description: "The action's poll-interval (default 10s, at least 200ms)."
    },
    'max-parallel': {
      type: 'string',
      value: '<n>',
      description: 'Most exports running at once (default 4).'
    },
    'include-deleted': {
      type: 'boolean',
      description: 'Also export deleted assets.'
    },
    'fail-on-warning': {
      type: 'boolean',
      description: 'Fail the run when an export succeeds with a warning.'
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
    'The workflow reads the URL from the repository variable QUALYTICS_URL and',
    'the token from the secret QUALYTICS_TOKEN; it never holds a token itself.'
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

const value = (v: string, description: string): FlagSpec => ({
  type: 'string',
  value: v,
  description
})
const flag = (description: string): FlagSpec => ({
  type: 'boolean',
  description
})

/** `run`: the action's export, from any terminal or CI. */
export const RUN: CommandSpec = {
  name: 'run',
  summary: 'Export now, as the action does, from a terminal or any CI.',
  usage:
    'run --url <url> (--datastore <ids> | --datastore-tags <tags>) [flags]',
  flags: {
    url: value('<url>', 'Qualytics URL (default: $QUALYTICS_URL).'),
    datastore: value('<ids>', 'Datastore id, or several comma-separated.'),
    'datastore-tags': value(
      '<tags>',
      'Instead of --datastore: every datastore with one of these tags.'
    ),
    containers: value('<ids>', 'Container ids (single datastore only).'),
    'container-tags': value('<tags>', 'Container tags, comma-separated.'),
    options: value('<types>', 'anomalies, checks, profiles, or all (default).'),
    timeout: value('<duration>', 'Longest wait for all exports (default 30m).'),
    'poll-interval': value(
      '<duration>',
      'Longest pause between checks (default 10s).'
    ),
    'max-parallel': value('<n>', 'Most exports running at once (default 4).'),
    wait: value('<bool>', 'false: trigger and return at once (default true).'),
    'abort-on-timeout': value(
      '<bool>',
      'Abort running exports on timeout (default true).'
    ),
    'abort-on-cancel': value(
      '<bool>',
      'Abort running exports on Ctrl-C/SIGTERM (default true).'
    ),
    'include-deleted': flag('Also export deleted assets.'),
    'fail-on-warning': flag('Exit 1 when an export succeeds with a warning.'),
    'dry-run': flag(
      'Check token and datastores, print the plan, trigger nothing.'
    ),
    json: flag(
      "Print the operations as JSON (the action's `operations` output)."
    ),
    'summary-file': value(
      '<path>',
      'Also write a Markdown summary of the run there (GitLab, other CI).'
    )
  },
  notes: [
    'The token comes from the QUALYTICS_TOKEN environment variable only.',
    'Exit codes: 0 success or warning, 1 failed export, timeout, cancel or API',
    'error, 2 bad flags or input.'
  ]
}

/** Every command, in the order `--help` lists them. */
export const COMMANDS: readonly CommandSpec[] = [
  RUN,
  SCHEDULE,
  LIST,
  CHECK,
  REMOVE
]
