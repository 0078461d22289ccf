import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        // Some unit tests walk a million reviews or fuzz the seed deck: correct, but slow on a busy 2-core machine.
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], globalSetup: ['test/support/tempFolder.ts'], testTimeout: 30_000 },
      },
      {
        test: {
          name: 'hostile',
          include: ['test/hostile/**/*.test.ts'],
          globalSetup: ['test/support/tempFolder.ts', 'test/e2e/globalSetup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/support/tempFolder.ts', 'test/e2e/globalSetup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
