// Playwright configuration for Casebook's browser tests (run through scripts/e2e.sh).
//
// The global setup starts the real `casebook` server on a free port with a fresh SQLite
// database and ./dist; tests read its URL through the `baseURL` fixture (see fixtures.ts).
// Browsers cannot be downloaded here: Debian's Chromium is used.
import { defineConfig } from '@playwright/test';

const chromium = process.env.CASEBOOK_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: './artifacts/test-results',
  globalSetup: './global-setup.ts',
  // One shared server; specs create their own data (unique titles/spaces), so files may run in
  // parallel. Two workers suit the 2-core machines this runs on.
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: [['list'], ['json', { outputFile: './artifacts/results.json' }]],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
