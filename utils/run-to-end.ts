/**
 * Runs work written as steps (a generator that yields between them, so a caller on a page's main
 * thread may pause there) to its end in one go, and returns its result.
 */
export function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
