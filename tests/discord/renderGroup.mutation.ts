// The Discord renderer's test files as one file, for mutation testing only (stryker.config.mjs,
// group `render`): Stryker reruns every file that covers a mutant, and each file imports
// discord.js afresh (vitest.mutation.config.ts isolates files so that static mutants take
// effect); one file imports it once per mutant instead of three times, a third of the run time.
// `npm test` runs the files themselves (this name does not end in .test.ts).
import './renderEmbeds.test.ts';
import './renderMutants.test.ts';
import './renderEmbedsMutants.test.ts';
