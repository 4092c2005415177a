import { defineConfig } from 'vitest/config';

// Unit tests only; end-to-end specs under e2e/ run in Playwright with real browsers.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
