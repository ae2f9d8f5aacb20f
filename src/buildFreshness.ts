import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestFileMs(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestFileMs(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * `npm start` runs dist/, built by `npm ci` or `npm run build`. After an edit to src/ it would quietly
 * run the old code; this names the problem instead. Returns undefined when the build is current, when
 * this is not a build (tsx runs src/ itself), or when src/ is absent (a production copy of dist/).
 */
export function staleBuildWarning(distFolder: string, srcFolder: string): string | undefined {
  const stamp = statSync(join(distFolder, '.built'), { throwIfNoEntry: false });
  const sources = statSync(srcFolder, { throwIfNoEntry: false });
  if (!stamp || !sources?.isDirectory()) return undefined;
  if (newestFileMs(srcFolder) <= stamp.mtimeMs) return undefined;
  return 'src/ has changed since dist/ was built, so this runs the previous build: run `npm run build`, or `npm run dev` to run the sources directly';
}
