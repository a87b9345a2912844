import js from '@eslint/js'
import tseslint from 'typescript-eslint'

/** The @actions/core functions that write to the log, outputs, state or summary. */
const WRITE_CALLS =
  '/^(info|debug|notice|warning|error|startGroup|endGroup|group|setOutput|saveState|setFailed|setSecret|summary|exportVariable|addPath|setCommandEcho|markdownSummary)$/'

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
      parserOptions: {
        projectService: true,
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
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@actions/core',
              message: 'src/core never imports @actions/core.'
            }
          ]
        }
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
