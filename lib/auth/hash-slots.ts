// Bounds how many password hashes run at once in this process (argon2id takes ~19 MiB and tens of
// milliseconds each): a flood of sign-ins queues briefly, and past a short queue is refused at once
// instead of exhausting memory and every core.

export const BUSY = Symbol('busy')

export class HashSlots {
  private running = 0
  private readonly waiting: (() => void)[] = []

  constructor(
    private readonly limit: number,
    private readonly maxWaiting: number,
  ) {}

  /** Runs `work` in a slot, or answers BUSY without running it when the queue is full. */
  async run<T>(work: () => Promise<T>): Promise<T | typeof BUSY> {
    if (this.running >= this.limit) {
      if (this.waiting.length >= this.maxWaiting) return BUSY
      await new Promise<void>((resolve) => this.waiting.push(resolve))
    } else {
      this.running++
    }
    try {
      return await work()
    } finally {
      const next = this.waiting.shift()
      if (next) next()
      else this.running--
    }
  }
}
