import { defineConfig } from '@playwright/test';

// Browsers are launched by e2e/harness.ts (Debian's /usr/bin/chromium, persistent context for the
// extension), so there are no Playwright "projects" here. One worker: the machines have 2 cores.
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  retries: 0,
  reporter: [['list']],
  outputDir: '../test-results',
});
