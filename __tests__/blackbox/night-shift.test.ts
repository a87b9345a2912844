/**
 * `retry-failed` and `skip-if-fresh` in the bundled action: one retry, one
 * reuse and the edges the contract names (helpers/night-shift-edges.ts,
 * which ../night-shift.test.ts runs in-process too).
 */
import { afterEach } from '@jest/globals'
import { runAction } from '../helpers/bundle.js'
import { closeSimulators, startSimulator } from '../helpers/fixtures.js'
import { nightShiftCases } from '../helpers/night-shift-edges.js'

afterEach(closeSimulators)

nightShiftCases({ simulate: scenario => startSimulator(scenario), runAction })
