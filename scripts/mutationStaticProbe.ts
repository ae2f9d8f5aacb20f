import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';

// The test file of `npm run test:mutation -- <group> --static-only`'s first step (scripts/mutation.mjs).
// It imports the group's mutated modules while it loads and runs none of their code in a test, so
// Stryker sees every mutant reached while a module loads as static and every other one as not
// covered: a run of seconds whose report lists exactly the static mutants, which the second step
// then runs. MUTATION_PROBE_MUTATE holds the group's `mutate` patterns (one folder level each).

const root = join(import.meta.dirname, '..');
const patterns = (process.env.MUTATION_PROBE_MUTATE ?? '').split(',').filter(Boolean);

/** `gate?*.ts` → a RegExp over file names (the patterns use only `?` and `*`). */
const nameMatcher = (glob: string) =>
  new RegExp(
    `^${glob
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\?/g, '.')
      .replace(/\*/g, '.*')}$`,
  );

function matching(pattern: string): string[] {
  const folder = dirname(pattern);
  const matcher = nameMatcher(basename(pattern));
  return readdirSync(join(root, folder))
    .filter((name) => matcher.test(name))
    .map((name) => `${folder}/${name}`);
}

const excluded = new Set(patterns.filter((p) => p.startsWith('!')).flatMap((p) => matching(p.slice(1))));
const modules = patterns
  .filter((p) => !p.startsWith('!'))
  .flatMap(matching)
  .filter((file) => !excluded.has(file));
for (const file of modules) await import(pathToFileURL(join(root, file)).href);

it('imported the group’s modules', () => {
  expect(modules.length).toBeGreaterThan(0);
});
