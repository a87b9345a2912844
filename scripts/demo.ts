/**
 * `npm run demo`: the bundled action against the built-in simulator, as a
 * scheduled run would do it. Two datastores, every asset type; one export
 * ends with a warning. Prints the log as it happens, then the outputs and
 * the job summary.
 */
import { runAction } from '../simulator/harness.js'
import { demoScenario, QualyticsSimulator } from '../simulator/index.js'

const sim = await QualyticsSimulator.start(demoScenario())
const inputs = {
  url: sim.url,
  token: sim.token,
  datastore: '42,43',
  options: 'all',
  'max-parallel': '6'
}
console.log(
  `Simulator on ${sim.url}. Running dist/index.js as a scheduled run of '17 6 * * *' with:`
)
for (const [name, value] of Object.entries(inputs)) {
  console.log(`  ${name}: ${name === 'token' ? '***' : value}`)
}
console.log('\n--- action log ---')
const run = await runAction({
  inputs,
  scheduleCron: '17 6 * * *',
  onStdout: text => process.stdout.write(text)
})
await sim.close()
console.log(
  `--- exit code ${run.code} after ${(run.wallMs / 1000).toFixed(1)} s ---\n`
)
console.log('--- outputs ---')
for (const [name, value] of Object.entries(run.outputs)) {
  const shown =
    name === 'operations' ? JSON.stringify(JSON.parse(value), null, 2) : value
  console.log(`${name}: ${shown}`)
}
console.log('\n--- job summary (HTML, as GITHUB_STEP_SUMMARY receives it) ---')
console.log(run.summary)
console.log(
  `Simulator saw ${sim.requests.length} requests; the token never appeared in outputs or summary: ${!JSON.stringify(run.outputs).includes(sim.token) && !run.summary.includes(sim.token)}`
)
process.exitCode = run.code ?? 1
