import { defineConfig } from 'vitest/config';
import { existsSync } from 'node:fs';

/** The e2e project drives Debian's Chromium; it joins `npm test` wherever Chromium is installed (CI installs it). */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const withE2e = existsSync(chromiumPath);

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'shared', environment: 'node', include: ['test/shared/**/*.test.ts'] } },
      {
        test: {
          name: 'main',
          environment: 'node',
          include: ['test/main/**/*.test.ts'],
          globalSetup: ['test/global-build.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        esbuild: { jsx: 'automatic' },
        test: { name: 'renderer', environment: 'jsdom', include: ['test/renderer/**/*.test.{ts,tsx}'], setupFiles: ['test/renderer/setup.ts'], testTimeout: 30_000 },
      },
      ...(withE2e
        ? [{
            test: {
              name: 'e2e',
              environment: 'node',
              include: ['test/e2e/**/*.test.ts'],
              globalSetup: ['test/global-build.ts'],
              testTimeout: 120_000,
              hookTimeout: 180_000,
              fileParallelism: false,
            },
          }]
        : []),
    ],
  },
});
