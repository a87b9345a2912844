import type { Clock } from './clock.js'
import type { ExportBehaviour, OperationResult, SimOperation } from './types.js'
import type { ExportRequest } from './validate.js'
import type { SeedOperation } from './types.js'

/** How long an abort takes to land: the real abort is asynchronous. */
export const ABORT_DELAY_MS = 300

/** Default message of a failed export that did not set one. */
export const DEFAULT_FAILURE_MESSAGE =
  'Export failed: could not write to enrichment datastore'

/** Default message of an aborted export. */
const DEFAULT_ABORT_MESSAGE = 'Operation aborted by user request'

/**
 * How long a new export waits in the queue by default: long enough for a
 * demo or a poll to see `queued`, short enough not to slow a test.
 */
export const DEFAULT_QUEUED_MS = 1000

/** Ids start here, so they never look like datastore or container ids. */
const FIRST_ID = 1001

function defaultMessage(result: OperationResult): string | null {
  if (result === 'failure') return DEFAULT_FAILURE_MESSAGE
  if (result === 'aborted') return DEFAULT_ABORT_MESSAGE
  return null
}

/**
 * The server's operations. State is computed lazily from the clock (no
 * timers), so a ManualClock drives exports of minutes in milliseconds and
 * nothing keeps the event loop alive after close().
 */
export class OperationStore {
  /** Server-side truth, by id. */
  readonly operations = new Map<number, SimOperation>()
  readonly #clock: Clock
  /** Operations whose abort landed before they ended on their own. */
  readonly #abortLanded = new Set<number>()
  #nextId = FIRST_ID
  #seq = 0

  constructor(clock: Clock) {
    this.#clock = clock
  }

  /** 1-based sequence number for the next export's behaviour. */
  nextSeq(): number {
    this.#seq += 1
    return this.#seq
  }

  /**
   * Create an export, `queued` for `queuedMs` (then running); its fate is
   * fixed now, by `behaviour`.
   */
  create(
    req: ExportRequest,
    behaviour: ExportBehaviour,
    queuedMs: number
  ): SimOperation {
    const now = this.#clock.now()
    const runsFrom = now + Math.max(0, behaviour.queuedMs ?? queuedMs)
    const op: SimOperation = {
      id: this.#nextId++,
      datastoreId: req.datastoreId,
      assetType: req.assetType,
      includeDeleted: req.includeDeleted,
      containerIds: req.containerIds,
      containerTags: req.containerTags,
      created: now,
      startTime: now,
      runsFrom,
      plannedEnd: runsFrom + Math.max(0, behaviour.durationMs),
      endTime: null,
      result: runsFrom > now ? 'queued' : 'running',
      message: null,
      abortRequested: false,
      behaviour
    }
    this.operations.set(op.id, op)
    return op
  }

  /** An operation that existed before the run (simulator/history.ts), created at `originMs + startOffsetMs`. */
  seed(s: SeedOperation, originMs: number): SimOperation {
    const start = originMs + s.startOffsetMs
    const runsFrom = start + Math.max(0, s.queuedMs ?? 0)
    const op: SimOperation = {
      id: this.#nextId++,
      datastoreId: s.datastoreId,
      assetType: s.assetType,
      includeDeleted: s.includeDeleted ?? false,
      containerIds: s.containerIds ?? null,
      containerTags: null,
      created: start,
      startTime: start,
      runsFrom,
      plannedEnd: runsFrom + Math.max(0, s.durationMs),
      endTime: null,
      result: 'queued',
      message: null,
      abortRequested: false,
      behaviour: {
        durationMs: s.durationMs,
        result: s.result ?? 'success',
        message: s.message
      },
      ...(s.type !== undefined && { type: s.type }),
      ...(s.scheduled && { scheduled: true })
    }
    this.operations.set(op.id, op)
    return op
  }

  /** The operation, brought up to date with the clock. */
  get(id: number): SimOperation | undefined {
    const op = this.operations.get(id)
    return op && this.refresh(op)
  }

  /** Bring every operation up to date, so `operations` reads as truth. */
  refreshAll(): void {
    for (const op of this.operations.values()) this.refresh(op)
  }

  /** Move the operation through queued, running and its end by the clock. */
  refresh(op: SimOperation): SimOperation {
    if (op.endTime !== null) return op
    const now = this.#clock.now()
    if (now < op.plannedEnd) {
      op.result = now < op.runsFrom ? 'queued' : 'running'
      return op
    }
    op.endTime = op.plannedEnd
    if (this.#abortLanded.has(op.id)) {
      op.result = 'aborted'
      op.message = DEFAULT_ABORT_MESSAGE
    } else {
      const { result, message } = op.behaviour
      op.result = result
      op.message = message !== undefined ? message : defaultMessage(result)
    }
    return op
  }

  /**
   * Request an abort. A finished operation is left as it is (the CLI calls
   * abort a no-op then). A queued or running one (the userguide: abort
   * "while the Run is Queued or Running") keeps its state in this answer and ends
   * `aborted` ABORT_DELAY_MS later, unless it ends on its own first.
   */
  abort(op: SimOperation): SimOperation {
    this.refresh(op)
    if (op.endTime !== null || op.abortRequested) return op
    op.abortRequested = true
    const lands = this.#clock.now() + ABORT_DELAY_MS
    if (lands < op.plannedEnd) {
      op.plannedEnd = lands
      this.#abortLanded.add(op.id)
    }
    return op
  }

  /** What the operation ended, or will end, with. */
  finalResult(op: SimOperation): OperationResult {
    this.refresh(op)
    if (op.endTime !== null) return op.result
    return this.#abortLanded.has(op.id) ? 'aborted' : op.behaviour.result
  }

  /**
   * status.total_containers: grows with elapsed time while running, since
   * the real counter can change during the run.
   */
  totalContainers(op: SimOperation): number {
    const total = op.behaviour.totalContainers ?? op.containerIds?.length ?? 3
    if (op.endTime !== null && op.result !== 'aborted') return total
    const duration = Math.max(1, op.behaviour.durationMs)
    const at = Math.min(this.#clock.now(), op.plannedEnd)
    const fraction = Math.min(1, Math.max(0, (at - op.runsFrom) / duration))
    return Math.floor(total * fraction)
  }
}
