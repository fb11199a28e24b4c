import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // tests/unit: main and the contract (tsconfig.node.json); tests/renderer: the renderer's pure modules,
    // type-checked with the renderer's own settings (tsconfig.web.json).
    include: ['tests/unit/**/*.test.ts', 'tests/renderer/**/*.test.ts'],
    // better-sqlite3 is a native addon: forks isolate it more simply than worker threads.
    pool: 'forks',
    // A fresh, empty CROSSWALK_HOME per test (the mapping memory lives there).
    setupFiles: ['tests/setup/empty-home.ts'],
    testTimeout: 20_000,
  },
});
