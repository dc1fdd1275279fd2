// Integration tests: lib/server against a real database (DATABASE_URL, prepared and migrated by
// scripts/test.mjs). One worker, so tests that share the database do not interleave.
import baseConfig from './jest.config.mjs';

export default async function config() {
  const base = await baseConfig();
  return {
    ...base,
    testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
    testPathIgnorePatterns: ['/node_modules/', '/.next/'],
    maxWorkers: 1,
  };
}
