/** Plain-text helpers of the job summary (no HTML here: the caller escapes). */
import type { Result } from '../types.js'

/** Icons that read at a glance in the job summary and in a terminal. */
export const RESULT_ICON: Record<Result, string> = {
  success: '✅',
  warning: '⚠️',
  failure: '❌',
  aborted: '🛑',
  timeout: '⏱️',
  cancelled: '🚫',
  running: '⏳',
  'dry-run': '🔍'
}

/** Messages longer than this show their start, with the whole text folded. */
const MESSAGE_PREVIEW = 160
/** Nothing in a summary cell grows without bound (GitHub caps a summary at 1 MiB). */
const MESSAGE_MAX = 2000
/** Names up to this length never wrap; longer ones may, at their spaces. */
export const NAME_NOWRAP_MAX = 24

/** A message cut for display: the start, and the rest to fold away (if any). */
export interface MessageParts {
  preview: string
  rest: string | null
}

/**
 * A long message shows its start; the rest folds out beneath it. Every cut
 * falls on white space: a token echoed in the message is never split in
 * two (the redaction that follows must see it whole).
 */
export function splitMessage(text: string): MessageParts {
  const end = spaceBefore(text, MESSAGE_MAX) || MESSAGE_MAX
  const full = text.length > MESSAGE_MAX ? `${text.slice(0, end)}…` : text
  const cut = spaceBefore(full, MESSAGE_PREVIEW)
  if (full.length <= MESSAGE_PREVIEW || cut === 0)
    return { preview: full, rest: null }
  return { preview: full.slice(0, cut), rest: full.slice(cut + 1) }
}

/** The last space before `limit` in its second half, or 0 when there is none. */
function spaceBefore(text: string, limit: number): number {
  const at = text.lastIndexOf(' ', limit)
  return at > limit / 2 ? at : 0
}

/** `1 export`, `3 exports`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}
