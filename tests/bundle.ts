import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';

const KB_MODULE = new URL('../src/kb/load.ts', import.meta.url);

/**
 * A TypeScript entry point and everything it imports as one JavaScript file in `dir`, for a worker
 * thread or a child process to load without tsx: tsx transpiles every module again in each thread or
 * process: for a worker over the real engine 2.9 CPU-s to its first answer where the bundle takes
 * 1.2, the stub's worker about 0.55 CPU-s more per thread, the adversarial run 5.2 CPU-s where the
 * bundle takes 3.9 (measured 2026-12-01); esbuild bundles one in about 0.3 CPU-s. In the bundle `import.meta.url` is that of src/kb/load.ts: the only
 * modules that use it (kb/load.ts and kb/snapshot.ts) sit in src/kb and find knowledge/ from there.
 * Returns the file's URL.
 */
export function bundleForNode(dir: string, entry: URL, name: string): string {
  const outfile = join(dir, `${name}.mjs`);
  buildSync({
    entryPoints: [fileURLToPath(entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(fileURLToPath(KB_MODULE)).href) },
    logLevel: 'error',
  });
  return pathToFileURL(outfile).href;
}
