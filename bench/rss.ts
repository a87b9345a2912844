/**
 * Peak resident memory of a child process, from /proc/<pid>/status.
 * VmHWM is the kernel's own high-water mark, so sampling it every 20 ms
 * misses at most what the process grew in its last 20 ms. RssAnon is what
 * the process allocated itself; the rest of its RSS is mostly the node
 * binary's code, mapped from disk.
 */
import { readFileSync } from 'node:fs'

/** Peak RSS and the largest anonymous (private) part seen, in bytes. */
export interface PeakRss {
  peak: number
  anon: number
}

/** Read one sample; undefined when the process is gone or not on Linux. */
function readRss(pid: number): PeakRss | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = (field: string): number | undefined => {
      const value = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status)
      return value?.[1] === undefined ? undefined : Number(value[1]) * 1024
    }
    const peak = kb('VmHWM')
    return peak === undefined ? undefined : { peak, anon: kb('RssAnon') ?? 0 }
  } catch {
    return undefined
  }
}

/** Sample a process until stopped; `stop()` returns the peaks (undefined if no sample was read). */
export function watchPeakRss(
  pid: number,
  everyMs = 20
): { stop: () => PeakRss | undefined } {
  let seen: PeakRss | undefined
  const sample = (): void => {
    const now = readRss(pid)
    if (now)
      seen = {
        peak: Math.max(seen?.peak ?? 0, now.peak),
        anon: Math.max(seen?.anon ?? 0, now.anon)
      }
  }
  sample()
  const timer = setInterval(sample, everyMs)
  return {
    stop: () => {
      clearInterval(timer)
      return seen
    }
  }
}
