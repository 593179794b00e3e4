import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.{ts,tsx}', 'tests/county/**/*.test.ts'],
    environment: 'node',
    // scrypt at OWASP's N=2^17 costs ~0.4 s per sign-in or password set on an idle machine and
    // several seconds on a loaded 2-core one; a test that signs staff in and out a dozen times
    // needs the room. A hang still fails, only later.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
