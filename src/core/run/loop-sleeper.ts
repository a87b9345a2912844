import type { Clock } from '../clock.js'

/**
 * The run loop's sleep: until a given time, or until work beside the loop
 * (a trigger, a status read) settles and wakes it, or until the run is
 * cancelled, whichever comes first. A wake that comes while the loop is
 * busy is kept, so the next sleep returns at once and nothing is missed.
 */
export class LoopSleeper {
  #controller?: AbortController
  #woken = false

  constructor(
    private readonly clock: Clock,
    private readonly signal?: AbortSignal
  ) {}

  async until(at: number): Promise<void> {
    if (this.#woken) {
      this.#woken = false
      return
    }
    const controller = new AbortController()
    this.#controller = controller
    const cancel = (): void => controller.abort()
    this.signal?.addEventListener('abort', cancel, { once: true })
    await this.clock.sleep(at - this.clock.now(), controller.signal)
    this.signal?.removeEventListener('abort', cancel)
    this.#controller = undefined
    this.#woken = false
  }

  wake(): void {
    this.#woken = true
    this.#controller?.abort()
  }
}
