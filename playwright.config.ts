// End-to-end tests against the browser host with a real central server (e2e/*.spec.ts).
// Debian's Chromium, never a downloaded browser; one worker (the specs share the primary
// server, and the machine is small). Screenshots land in test-results/ as artefacts.
import { defineConfig } from '@playwright/test';
import { PRIMARY } from './e2e/harness';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: PRIMARY.url,
    locale: 'en-US',
    timezoneId: 'Asia/Almaty',
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: 'npx tsx e2e/primary-console.ts',
    url: PRIMARY.url,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
