import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Ceilings, not expectations: a busy 2-core machine runs the same work several times slower.
    testTimeout: 120_000,
    hookTimeout: 120_000
  }
})
