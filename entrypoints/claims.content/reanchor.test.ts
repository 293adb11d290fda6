import { describe, expect, it } from 'vitest';
import { ReanchorScheduler, type Clock } from './reanchor';

/** A clock the test moves by hand; `work` makes the next run take that long. */
function fakeClock() {
  let now = 0;
  let seq = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const clock: Clock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      timers.set(++seq, { at: now + ms, fn });
      return seq;
    },
    clearTimeout: (id) => void timers.delete(id as number),
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const next = [...timers.entries()].sort((a, b) => a[1].at - b[1].at)[0];
      if (!next || next[1].at > end) break;
      timers.delete(next[0]);
      now = next[1].at;
      next[1].fn();
    }
    now = end;
  };
  return { clock, advance, spend: (ms: number) => void (now += ms) };
}

const timing = { delay: 250, maxWait: 1000, maxShare: 0.1 };

describe('ReanchorScheduler', () => {
  it('runs once the page has been quiet for the delay', () => {
    const { clock, advance } = fakeClock();
    const runs: number[] = [];
    const s = new ReanchorScheduler(() => runs.push(clock.now()), timing, clock);
    s.changed();
    advance(100);
    s.changed();
    advance(200);
    expect(runs).toEqual([]);
    advance(100);
    expect(runs).toEqual([350]);
    expect(s.pending).toBe(false);
  });

  it('a page that never goes quiet still gets a run at most maxWait after its first change', () => {
    const { clock, advance } = fakeClock();
    const runs: number[] = [];
    const s = new ReanchorScheduler(() => runs.push(clock.now()), timing, clock);
    // A change every 10 ms for 5 seconds.
    for (let t = 0; t < 5000; t += 10) {
      s.changed();
      advance(10);
    }
    expect(runs.length).toBeGreaterThanOrEqual(4);
    expect(runs.length).toBeLessThanOrEqual(5);
    for (let i = 1; i < runs.length; i++) expect(runs[i] - runs[i - 1]).toBeLessThanOrEqual(1010);
  });

  it('a costly run keeps the next one back, so runs take at most the allowed share of the time', () => {
    const { clock, advance, spend } = fakeClock();
    let runs = 0;
    const s = new ReanchorScheduler(() => {
      runs++;
      spend(400); // each run takes 400 ms
    }, timing, clock);
    for (let t = 0; t < 40_000; t += 10) {
      s.changed();
      advance(10);
    }
    // 400 ms of work at most 10 % of the time: about one run per 4 s.
    expect(runs).toBeGreaterThanOrEqual(8);
    expect(runs).toBeLessThanOrEqual(11);
  });

  it('cancel drops a waiting run', () => {
    const { clock, advance } = fakeClock();
    let runs = 0;
    const s = new ReanchorScheduler(() => runs++, timing, clock);
    s.changed();
    s.cancel();
    advance(5000);
    expect(runs).toBe(0);
  });
});

describe('ReanchorScheduler with a run in slices', () => {
  it('starts no run while one is under way, runs once after it for the changes made meanwhile, and spaces runs by the time the slices were busy', async () => {
    const { clock, advance } = fakeClock();
    const runs: number[] = [];
    let finish: ((busy: number) => void) | null = null;
    const s = new ReanchorScheduler(
      () => {
        runs.push(clock.now());
        return new Promise<number>((resolve) => (finish = resolve));
      },
      timing,
      clock,
    );
    s.changed();
    advance(250);
    expect(runs).toEqual([250]);
    // Changes while the run is under way: no second run yet, however long it takes.
    s.changed();
    advance(2000);
    expect(runs).toEqual([250]);
    // The run ends, its slices busy 40 ms in all: the next waits 40 / 0.1 − 40 = 360 ms from now.
    finish!(40);
    await Promise.resolve();
    await Promise.resolve();
    advance(359);
    expect(runs).toEqual([250]);
    advance(1);
    expect(runs).toEqual([250, 2610]);
    // A run that fails still ends: the next change gets its run.
    let failed = 0;
    const failing = new ReanchorScheduler(
      () => {
        failed++;
        return Promise.reject(new Error('page changed under it'));
      },
      timing,
      clock,
    );
    failing.changed();
    advance(250);
    await Promise.resolve();
    await Promise.resolve();
    failing.changed();
    advance(5000);
    expect(failed).toBe(2);
  });
});
