import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// `.ci/run` sets SALDO_TEST_REPORT to count the tests from vitest's JSON report.
const report = process.env.SALDO_TEST_REPORT;

// One project per runtime; test/ mirrors the source tree.
export default defineConfig({
  test: {
    reporters: report ? ['default', 'json'] : ['default'],
    ...(report ? { outputFile: { json: report } } : {}),
    projects: [
      {
        test: { name: 'shared', include: ['test/shared/**/*.test.ts'], environment: 'node' },
      },
      {
        test: { name: 'electron', include: ['test/electron/**/*.test.ts'], environment: 'node' },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['test/renderer/setup.ts'],
        },
      },
      {
        // Real Chromium against the real server: slower than unit tests, so longer time-outs.
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: { name: 'tooling', include: ['test/tooling/**/*.test.ts'], environment: 'node' },
      },
      {
        // Adversarial proofs (hostile servers, kills, fuzz, secret search), bounded for CI; each records
        // figures that the global setup prints as one table when the run ends.
        test: {
          name: 'proofs',
          include: ['test/proofs/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/proofs/support/print-figures.ts'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
