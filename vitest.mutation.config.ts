import { chmodSync } from 'node:fs';
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

// The vitest config of mutation runs (stryker.config.mjs), loaded from Stryker's sandbox copy of the
// repository. Stryker creates that copy readable by its owner only; tests that run a script as an
// unprivileged user (tests/store/unprivileged.ts) need to read its sources.
chmodSync(import.meta.dirname, 0o755);

// Instrumented code with per-test coverage runs several times slower than the real thing; Stryker
// times each mutant out on its own measure.
export default mergeConfig(base, defineConfig({ test: { testTimeout: 120_000 } }));
