// `npm run check`: every gate CI runs, the static ones beside the tests.
//
// Run one after another, the gates took as long as their sum, while the
// black-box tests, which mostly wait on child processes and sockets, left
// the cores idle. Here each gate starts as soon as what it needs exists:
// the static checks and the unit tests at once, the black-box tests and
// the Node 24 rerun once the bundle of the source is built (check-dist
// builds it into the cache they share; see cachedBundle in bundle.mjs).
// Each gate's output is printed whole when it ends, so logs never
// interleave; the exit code is 1 when any gate failed.
import { spawn } from 'node:child_process'
import { performance } from 'node:perf_hooks'

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm'

/** name, command, and the gate whose end it waits for (success or not). */
const GATES = [
  { name: 'format', args: ['run', '--silent', 'format:check'] },
  { name: 'lint', args: ['run', '--silent', 'lint'] },
  { name: 'typecheck', args: ['run', '--silent', 'typecheck'] },
  { name: 'dead code', args: ['run', '--silent', 'knip'] },
  { name: 'dist', args: ['run', '--silent', 'check-dist'] },
  {
    name: 'unit tests',
    args: ['test', '--silent', '--', '--selectProjects', 'unit']
  },
  {
    name: 'black-box tests',
    args: ['test', '--silent', '--', '--selectProjects', 'blackbox'],
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
const ending = gate =>
  (gate.after ? ended.get(gate.after) : Promise.resolve()).then(() => run(gate))
for (const gate of GATES.filter(g => !g.after))
  ended.set(gate.name, ending(gate))
for (const gate of GATES.filter(g => g.after))
  ended.set(gate.name, ending(gate))

const results = await Promise.all(ended.values())
const failed = results.filter(r => !r.ok)
process.stdout.write(
  `\n${results.map(r => `${r.ok ? 'ok    ' : 'FAILED'} ${r.name} (${r.time} s)`).join('\n')}\n` +
    `check: ${failed.length === 0 ? 'all gates passed' : `${failed.length} gate(s) failed`} in ${seconds(started)} s\n`
)
process.exit(failed.length === 0 ? 0 : 1)
