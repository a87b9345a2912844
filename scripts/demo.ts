/**
 * `npm run demo`: the bundled action against the built-in simulator, as a
 * scheduled run would do it. Two datastores, every asset type; one export
 * ends with a warning. Shows the log as GitHub would, the outputs, and the
 * job summary as text, and writes the summary as GitHub renders it to a
 * page to open in a browser. `tsx scripts/demo.ts [bundle folder]`: the
 * folder defaults to dist (the tests pass the bundle they built).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { runAction } from '../simulator/harness.js'
import { demoScenario, QualyticsSimulator } from '../simulator/index.js'
import { githubPage } from './github-render.js'
import { createLogView, summaryAsText } from './demo-view.js'

const bundle = process.argv[2] ?? 'dist'
const sim = await QualyticsSimulator.start(demoScenario())
const inputs = {
  url: sim.url,
  token: sim.token,
  datastore: '42,43',
  options: 'all',
  'max-parallel': '6'
}
console.log(
  `Simulator on ${sim.url}. Running ${join(bundle, 'index.js')} as a scheduled run of '17 6 * * *' with:`
)
for (const [name, value] of Object.entries(inputs)) {
  console.log(`  ${name}: ${name === 'token' ? '***' : value}`)
}
console.log(
  '\n--- action log (as GitHub shows it: groups folded, the mask line hidden) ---'
)
let pending = ''
const view = createLogView()
const run = await runAction({
  entry: join(bundle, 'index.js'),
  inputs,
  scheduleCron: '17 6 * * *',
  onStdout: text => {
    const lines = (pending + text).split('\n')
    pending = lines.pop() ?? ''
    for (const line of lines) {
      const shown = view(line)
      if (shown !== null) console.log(shown)
    }
  }
})
await sim.close()
console.log(
  `--- exit code ${run.code} after ${(run.wallMs / 1000).toFixed(1)} s ---\n`
)
console.log('--- outputs ---')
for (const [name, value] of Object.entries(run.outputs)) {
  if (name !== 'operations') {
    console.log(`${name}: ${value}`)
    continue
  }
  // One line per operation: the array is long, and each row reads alone.
  const rows = JSON.parse(value) as unknown[]
  console.log(
    `${name}: [\n${rows.map(r => `  ${JSON.stringify(r)}`).join(',\n')}\n]`
  )
}
console.log('\n--- job summary (as text) ---')
console.log(summaryAsText(run.summary))
const page = resolve('.tmp/demo-summary.html')
mkdirSync(resolve('.tmp'), { recursive: true })
writeFileSync(
  page,
  githubPage('Qualytics export demo', run.summary, 'light', { jobIcon: '⚠️' })
)
const leaked = [JSON.stringify(run.outputs), run.summary].some(t =>
  t.includes(sim.token)
)
console.log(`
The job summary as GitHub renders it: ${page}
Open it in a browser (file://${page}).
The token appeared in no output and not in the summary: ${!leaked}

Try next:
  npm run simulator -- --help                    its datastores and tokens
  npm run simulator -- --result failure --message "disk full"
                                                 a simulator whose exports fail
  node dist/cli/index.js --help                  the command line (run, check, schedule)
  npx tsx scripts/screenshot-summary.ts          the summary cases as pictures (needs chromium
                                                 and an emoji font: apt-get install fonts-noto-color-emoji)
`)
process.exitCode = run.code ?? 1
