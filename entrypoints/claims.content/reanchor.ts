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

  /** A run that works in slices is under way (see `run`). */
  private running = false;

  /**
   * `run` does its work at once, or in slices: then it returns a promise of the time it was busy
   * (its slices' total), and no other run starts before it ends.
   */
  constructor(
    private readonly run: () => unknown,
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
    if (this.running) return; // the run under way ends by looking at the changes made meanwhile
    this.firstChange = null;
    const start = this.clock.now();
    let result: unknown;
    try {
      result = this.run();
    } finally {
      if (!(result instanceof Promise)) this.ranFor(this.clock.now() - start);
    }
    if (result instanceof Promise) {
      this.running = true;
      const done = (busy: number) => {
        this.running = false;
        this.ranFor(busy);
        // Changes made meanwhile (their run was held back): the run again, as timing allows.
        if (this.firstChange !== null && this.timer === undefined) this.changed();
      };
      (result as Promise<number>).then(done, () => done(this.clock.now() - start));
    }
  }

  /** Spaces the next run after one that kept the thread busy for `cost` ms. */
  private ranFor(cost: number) {
    this.nextAllowed = this.clock.now() + cost * (1 / this.timing.maxShare - 1);
  }
}
