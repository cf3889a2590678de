import { defineConfig } from 'vitest/config';

/** Browser tests: Node drives Debian's Chromium (playwright-core) against `vite preview` of the build. */
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    // Fails any test that caused a CSP violation or an off-origin request.
    setupFiles: ['tests/helpers/browser/setup.ts'],
    environment: 'node',
    testTimeout: 240_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
