/** The Node 24 binary the benchmark measures with: see scripts/node24.mjs. */
export { findNode24, type Node24 } from '../scripts/node24.mjs'
