import js from '@eslint/js'
import tseslint from 'typescript-eslint'

/** The @actions/core functions that write to the log, outputs, state or summary. */
const WRITE_CALLS =
  '/^(info|debug|notice|warning|error|startGroup|endGroup|group|setOutput|saveState|setFailed|setSecret|summary|exportVariable|addPath|setCommandEcho|markdownSummary)$/'

/**
 * The folders of src/core, each with the folders it may import: the domain
 * (results, records, their rules) at the floor, report and output above
 * it, the run above the client. The files at the top of src/core (types,
 * errors, clock, signals, version) sit under everything and import none.
 */
const CORE_LAYERS = {
  domain: [],
  config: ['domain'],
  output: ['domain'],
  schedule: ['domain'],
  client: ['domain', 'output'],
  report: ['domain', 'config', 'output', 'schedule'],
  run: ['domain', 'client', 'config', 'output', 'schedule'],
  fleet: ['domain', 'config', 'output', 'report', 'schedule']
}

const ADAPTERS_APART =
  'The front ends do not import each other: shared code lives in src/core.'

/** One no-restricted-imports block per core folder, from CORE_LAYERS. */
function coreLayers() {
  const folders = Object.keys(CORE_LAYERS)
  const rule = patterns => ({
    'no-restricted-imports': [
      'error',
      {
        paths: [
          {
            name: '@actions/core',
            message: 'src/core never imports @actions/core.'
          }
        ],
        patterns: [
          {
            regex: '(^|/)(action|cli)/',
            message: 'src/core never imports a front end.'
          },
          ...patterns
        ]
      }
    ]
  })
  const above = (folder, prefix) => {
    const banned = folders.filter(
      f => f !== folder && !CORE_LAYERS[folder]?.includes(f)
    )
    return {
      regex: `^${prefix}(${banned.join('|')})/`,
      message: `${folder === '' ? 'src/core/*.ts' : `src/core/${folder}`} may import only ${CORE_LAYERS[folder]?.join(', ') || 'the top files of src/core'} (layers point down).`
    }
  }
  return [
    { files: ['src/core/*.ts'], rules: rule([above('', '\\./')]) },
    ...folders.map(folder => ({
      files: [`src/core/${folder}/**/*.ts`],
      rules: rule([above(folder, '\\.\\./')])
    }))
  ]
}

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'coverage/',
      'node_modules/',
      'bench/out/',
      '.tmp/',
      'screenshots/'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      // One program for every file, as `tsc` sees it (NodeNext). The
      // project service would pick src/tsconfig.json, the bundle's own
      // view, for src/ and build a second program beside it: a different
      // module setting, and 27-35 CPU-seconds a run here against 21-25.
      parserOptions: {
        project: './tsconfig.json',
        tsconfigRootDir: import.meta.dirname
      }
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_' }
      ]
    }
  },
  // One way out: only the writers may write (src/action/writer.ts over
  // @actions/core, src/cli/terminal.ts over stdout and stderr). Everything
  // else hands its text to them, so it is redacted, neutralised and capped.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/action/writer.ts', 'src/cli/terminal.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `MemberExpression[object.name='core'][property.name=${WRITE_CALLS}]`,
          message: 'Write through src/action/writer.ts (the one way out).'
        },
        {
          selector: `ImportSpecifier[imported.name=${WRITE_CALLS}]`,
          message: 'Write through src/action/writer.ts (the one way out).'
        },
        {
          selector:
            "MemberExpression[object.object.name='process'][object.property.name=/^(stdout|stderr)$/][property.name='write']",
          message: 'Write through src/cli/terminal.ts (the one way out).'
        },
        {
          selector: "MemberExpression[object.name='console']",
          message: 'Write through the writer (the one way out).'
        }
      ]
    }
  },
  // Layers that only point down: the core never imports an adapter or
  // @actions/core, each folder of the core only the folders below it, and
  // the two front ends not each other.
  ...coreLayers(),
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(^|/)action/', message: ADAPTERS_APART }] }
      ]
    }
  },
  {
    files: ['src/action/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(^|/)cli/', message: ADAPTERS_APART }] }
      ]
    }
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', console: 'readonly' }
    }
  }
)
