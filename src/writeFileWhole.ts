import { renameSync, rmSync, writeFileSync } from 'node:fs';

/**
 * Writes a whole file under a temporary name, then renames it: a reader sees the old file or the
 * new one. Kept to Node built-ins so that the build's artifact writer does not load the validator.
 */
export function writeFileWhole(file: string, text: string): void {
  const partial = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(partial, text);
    renameSync(partial, file);
  } finally {
    rmSync(partial, { force: true });
  }
}
