/**
 * End-to-end tests in Debian's Chromium against the built app (`next start`), on the database
 * DATABASE_URL names (a fresh SQLite file or PostgreSQL database prepared by scripts/test.mjs).
 */
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3210);
// E2E_BASE_URL runs the specs against a server that is already up (e.g. a `next dev` while
// developing; DATABASE_URL must then name that server's database). Otherwise a built app is started.
const external = process.env.E2E_BASE_URL;
const baseURL = external ?? `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  // On CI, one retry: a rare hang of Chromium while Playwright closes a finished test's browser
  // context ("Tearing down context exceeded the test timeout", seen once in a CI run, never
  // reproduced in 30 repeats under load) must not fail the run. A real failure fails both tries;
  // a test that passed only on its retry is listed as flaky and counted in npm test's summary.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    },
  },
  webServer: external
    ? undefined
    : {
        command: `node node_modules/next/dist/bin/next start -p ${port} -H 127.0.0.1`,
        url: `${baseURL}/api/health`,
        reuseExistingServer: false,
        timeout: 60_000,
        env: {
          DATABASE_URL: process.env.DATABASE_URL ?? '',
          NEXTAUTH_SECRET: 'e2e-secret-not-for-production-0123456789',
          NEXTAUTH_URL: baseURL,
        },
      },
});
