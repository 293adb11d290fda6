/**
 * When to find the claims again after the page changed: once the page has been quiet for a
 * moment, but never later than a fixed wait after the first change (a page with a ticker never
 * goes quiet), and never so often that finding them takes more than a set share of the page's
 * main thread (a slow page waits longer between runs).
 */
export interface ReanchorTiming {
  /** Quiet time to wait for after the last change. */
  delay: number;
  /** Longest wait after the first change, however busy the page stays. */
  maxWait: number;
  /** Largest share of the time spent running (0–1): after a run of `t` ms the next waits `t/share − t`. */
  maxShare: number;
}

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

export const browserClock: Clock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
};

export class ReanchorScheduler {
  private firstChange: number | null = null;
  private timer: unknown = undefined;
  /** Earliest time of the next run, from what the last one cost. */
  private nextAllowed = -Infinity;

  constructor(
    private readonly run: () => void,
    private readonly timing: ReanchorTiming,
    private readonly clock: Clock = browserClock,
  ) {}

  /** Whether a run is waiting to happen. */
  get pending(): boolean {
    return this.firstChange !== null;
  }

  /** The page changed: (re)schedules the run. */
  changed(): void {
    const now = this.clock.now();
    this.firstChange ??= now;
    const due = Math.max(Math.min(now + this.timing.delay, this.firstChange + this.timing.maxWait), this.nextAllowed);
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = this.clock.setTimeout(() => this.fire(), Math.max(0, due - now));
  }

  /** Drops a waiting run. */
  cancel(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.firstChange = null;
  }

  private fire() {
    this.timer = undefined;
    this.firstChange = null;
    const start = this.clock.now();
    try {
      this.run();
    } finally {
      const end = this.clock.now();
      const cost = end - start;
      this.nextAllowed = end + cost * (1 / this.timing.maxShare - 1);
    }
  }
}
