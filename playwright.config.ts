import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH_OPTIONS } from './e2e/fixtures/chromium';

/**
 * End-to-end tests drive the real app (production build) and the real sync server in
 * Debian's Chromium. Playwright's own browser download cannot run here (no internet), so
 * the browser is the system one; CHROMIUM_PATH overrides it.
 */
export default defineConfig({
  testDir: 'e2e',
  // One worker: each test runs the app server and two browser contexts on a 2-core machine.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: true,
  reporter: [['list']],
  use: {
    viewport: { width: 1400, height: 900 },
    actionTimeout: 10_000,
    launchOptions: CHROMIUM_LAUNCH_OPTIONS,
    trace: 'retain-on-failure',
  },
});
