// `npm run check`: every gate CI runs, the static ones beside the tests.
//
// The machine's cores are the limit: every gate keeps one busy, except
// the tests, which also wait on child processes, sockets and clocks. So
// the gates that keep a core busy (the bundle, format, types, dead code,
// lint) run one at a time, the bundle first, and the tests run beside
// them once check-dist has built the bundle they share (see cachedBundle
// in bundle.mjs). Both jest projects run in one jest: one set of workers
// loads the tooling once, and a worker that would wait on a black-box
// suite's child takes a unit suite meanwhile. Each gate's output is
// printed whole when it ends, so logs never interleave; the exit code is
// 1 when any gate failed.
import { spawn } from 'node:child_process'
import { Buffer } from 'node:buffer'
import { availableParallelism } from 'node:os'
import { performance } from 'node:perf_hooks'
import { findNode24 } from './node24.mjs'

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm'
/**
 * Three workers per core: the black-box suites mostly wait. Measured here
 * (2 cores), the one jest at 6 workers took less time and less CPU than
 * the two projects apart at 2 and 4.
 */
const TEST_WORKERS = String(Math.max(2, availableParallelism() * 3))

/** The gates that keep a core busy, in the order they run. */
const ONE_AT_A_TIME = [
  { name: 'dist', args: ['run', '--silent', 'check-dist'] },
  { name: 'format', args: ['run', '--silent', 'format:check'] },
  { name: 'typecheck', args: ['run', '--silent', 'typecheck'] },
  { name: 'dead code', args: ['run', '--silent', 'knip'] },
  { name: 'lint', args: ['run', '--silent', 'lint'] }
]
/** The tests, and the gate whose end each waits for (success or not). */
const BESIDE = [
  {
    name: 'tests',
    args: ['test', '--silent', '--', `--maxWorkers=${TEST_WORKERS}`],
    after: 'dist'
  },
  { name: 'node 24', args: ['run', '--silent', 'test:node24'], after: 'dist' }
]

const started = performance.now()
const seconds = since => ((performance.now() - since) / 1000).toFixed(1)

/** Run one gate to its end; resolves with its name, success and time. */
function run(gate) {
  const at = performance.now()
  return new Promise(resolve => {
    const child = spawn(NPM, gate.args, {
      env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    const chunks = []
    child.stdout.on('data', c => chunks.push(c))
    child.stderr.on('data', c => chunks.push(c))
    child.on('close', code => {
      const ok = code === 0
      const time = seconds(at)
      process.stdout.write(
        `\n── ${gate.name}: ${ok ? 'passed' : 'FAILED'} in ${time} s ──\n${Buffer.concat(chunks).toString()}`
      )
      resolve({ name: gate.name, ok, time })
    })
  })
}

const ended = new Map()
let previous = Promise.resolve()
for (const gate of ONE_AT_A_TIME) {
  previous = previous.then(() => run(gate))
  ended.set(gate.name, previous)
}
// The Node 24 binary both test gates run is fetched beside the bundle,
// since it mostly waits on the disk: on a fresh clone its npm install
// held up the tests' set-up by 6 s alone and by 15 s under load. (When
// there is none, the gates say so themselves.)
const node24 = findNode24()
for (const gate of BESIDE)
  ended.set(
    gate.name,
    Promise.all([ended.get(gate.after), node24]).then(() => run(gate))
  )

const results = await Promise.all(ended.values())
const failed = results.filter(r => !r.ok)
process.stdout.write(
  `\n${results.map(r => `${r.ok ? 'ok    ' : 'FAILED'} ${r.name} (${r.time} s)`).join('\n')}\n` +
    `check: ${failed.length === 0 ? 'all gates passed' : `${failed.length} gate(s) failed`} in ${seconds(started)} s\n`
)
process.exit(failed.length === 0 ? 0 : 1)
