import { defineConfig } from 'vitest/config';

// Unit tests live beside the code (src/**/*.test.ts) or in tests/unit. The browser
// tests in tests/e2e use node:test and real browsers, so vitest must not pick them up.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'tests/unit/**/*.test.ts', 'bench/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**', 'build/**'],
  },
});
