import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { askArtifactFile, readAskArtifact, restoreArtifactEngine } from './askArtifact.ts';
import { runAskInProcess } from './askCommand.ts';

// `npm run ask` and `node dist/cli/ask.js`, one process: when the build's engine artifact fits the
// knowledge folder (askArtifact.ts), the engine is read from it; otherwise askCommand.js validates
// the knowledge and builds the engine. dist/cli/ask.js is one esbuild file without the validation
// code and zod (scripts/build.mjs); dist/cli/askCommand.js, imported only when the artifact does
// not fit, is another with them.

// V8 runs a regular expression in its interpreter until it has run once, then compiles it. One
// question runs hundreds of large word-list patterns a few times each: interpreting them first cost
// about a third more CPU for that question than compiling them at once. Matches are the same.
setFlagsFromString('--no-regexp-tier-up');

const cliDir = dirname(fileURLToPath(import.meta.url));
const knowledgeDir = resolve(process.env.KNOWLEDGE_DIR || resolve(cliDir, '..', '..', 'knowledge'));
const artifact = readAskArtifact(askArtifactFile(cliDir), knowledgeDir, process.env);
// An artifact that cannot be read back (damaged in a way JSON does not notice) is passed over too.
const engineOf = artifact.usable ? await restoreArtifactEngine(artifact.body).catch(() => null) : null;
if (engineOf) {
  await runAskInProcess(async (_dir, options) => engineOf(options));
} else {
  const validating = await import('./askCommand.ts');
  await validating.runAskInProcess();
}
