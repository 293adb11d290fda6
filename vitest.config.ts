import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Two projects: `unit` (pure core and extension glue, fast, in Node/happy-dom) and `e2e`
// (the built extension in real Chromium; needs `wxt build` first, see scripts/test.mjs).
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['utils/**/*.test.ts', 'cli/**/*.test.ts', 'components/**/*.test.{ts,tsx}', 'entrypoints/**/*.test.{ts,tsx}', 'tests/**/*.test.{ts,tsx}'],
          environment: 'node',
          // A guard against a test that hangs, not a speed check (speed is measured by `npm run
          // bench`): the fuzz tests and the command-line tests that start a process take seconds
          // on a busy 2-core machine.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
