// Browser journeys against the real `loket` binary (see e2e/support/global-setup.ts), on
// SQLite and on PostgreSQL, each at a desktop and a phone viewport, in Debian's Chromium; the
// accessibility sweep of every page in both languages on the first engine.
// LOKET_E2E_ENGINES narrows the engines (default: sqlite,postgres); LOKET_BIN names the
// binary; CHROMIUM the browser (default /usr/bin/chromium).
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { defineConfig, devices } from '@playwright/test';

// The runner writes what it started here; its workers inherit the variable.
process.env['LOKET_E2E_STATE'] ??= join(tmpdir(), `loket-e2e-${process.pid}.json`);

const engines = (process.env['LOKET_E2E_ENGINES'] ?? 'sqlite,postgres')
  .split(',')
  .map((e) => e.trim())
  .filter(Boolean);

const viewports = {
  desktop: { viewport: { width: 1280, height: 800 } },
  phone: { ...devices['Pixel 7'] },
};

export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/support/global-setup.ts',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: Number(process.env['LOKET_E2E_WORKERS'] ?? 2),
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env['CHROMIUM'] ?? '/usr/bin/chromium',
      args: [
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
  projects: engines.flatMap((engine) =>
    Object.entries(viewports).map(([name, device]) => ({
      name: `${engine}-${name}`,
      use: { ...device, browserName: 'chromium' as const, engine },
      // The page-by-page accessibility sweep looks at the HTML, which does not depend on the
      // database: it runs on the first engine only. Every journey runs on every engine and
      // checks its own pages with axe there too. The policy-file journey starts a server of
      // its own on SQLite: once per run.
      testIgnore: [
        ...(engine === engines[0] ? [] : ['**/a11y.spec.ts']),
        ...(engine === engines[0] && name === 'desktop' ? [] : ['**/console-policy.spec.ts']),
      ],
    })),
  ),
});
