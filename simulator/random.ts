/**
 * mulberry32: a tiny seeded PRNG. Chaos must be reproducible (same seed, same
 * requests, same faults), which Math.random cannot give.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Pick one element of a non-empty list with a draw u in [0, 1). */
export function pick<T>(items: readonly [T, ...T[]], u: number): T {
  const i = Math.min(items.length - 1, Math.floor(u * items.length))
  return items[i] ?? items[0]
}
