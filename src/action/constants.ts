/** Output names of action.yml. */
export const Outputs = {
  Result: 'result',
  OperationId: 'operation-id',
  OperationIds: 'operation-ids',
  Operations: 'operations',
  NextRun: 'next-run',
  ScheduledAt: 'scheduled-at',
  Datastores: 'datastores',
  Matrix: 'matrix'
} as const

/** Keys of the state the main step leaves for the post step. */
export const State = {
  /** Set by main: the post step knows it is the post step. */
  IsPost: 'isPost',
  /** Ids main was still watching; '' once main ended normally. */
  Watching: 'watching',
  /** Ids main meant to abort (timeout or cancel) without the abort getting through. */
  AbortPending: 'abortPending'
} as const

/** Prefix of every failure message, so it reads well among other steps. */
export const FAILURE_PREFIX = 'qualytics-export-action'
