import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 20_000,
    // Tests must not inherit colour or CI settings from whoever runs them.
    env: { NO_COLOR: '', FORCE_COLOR: '', CX_AUDIT_DEBUG: '' },
  },
});
