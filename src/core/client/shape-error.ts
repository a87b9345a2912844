/** Raised when a 2xx body is not the JSON shape the API documents. */
export class ShapeError extends Error {
  constructor(
    message: string,
    /** An unreadable body (HTML page, cut JSON) may be a passing fault; a wrong shape is not. */
    readonly retryable = false
  ) {
    super(message)
    this.name = 'ShapeError'
  }
}
