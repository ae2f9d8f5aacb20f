import { resolve } from 'node:path';
import { installLanguage } from '../kb/language.ts';
import { readKnowledgeSnapshot } from '../kb/snapshot.ts';
import { knowledgeHash } from '../knowledgeHash.ts';
import { writeFileWhole } from '../writeFileWhole.ts';
import { ASK_ARTIFACT_FORMAT, type AskArtifactBody, askArtifactText } from './askArtifact.ts';

// `node dist/cli/writeAskArtifact.js <knowledge dir> <file>`, run by scripts/build.mjs after it
// wrote the knowledge snapshot: builds the engine's indexes from the knowledge the build just
// validated and writes the one-question CLI's artifact (askArtifact.ts). Before writing, an
// engine restored from the artifact must answer every sample question of every topic exactly as
// an engine built the normal way; otherwise it writes nothing and exits 1 saying why.

const [dirArg, fileArg] = process.argv.slice(2);
if (!dirArg || !fileArg) {
  console.error('usage: node dist/cli/writeAskArtifact.js <knowledge dir> <artifact file>');
  process.exit(2);
}
const knowledgeDir = resolve(dirArg);
const file = resolve(fileArg);

const hash = knowledgeHash(knowledgeDir);
const validated = readKnowledgeSnapshot(knowledgeDir);
if (!validated) {
  console.error('no knowledge snapshot of the current knowledge (dist/knowledge.snapshot.json)');
  process.exit(1);
}
installLanguage(validated.language);
const [{ createEngine }, { serializeIndex, restoreIndex }] = await Promise.all([
  import('../engine/index.ts'),
  import('../engine/indexArtifact.ts'),
]);

const body: AskArtifactBody = { language: validated.language, engine: serializeIndex(validated.knowledge) };
const text = askArtifactText({ format: ASK_ARTIFACT_FORMAT, knowledgeHash: hash }, body);

const restored = restoreIndex((JSON.parse(text.slice(text.indexOf('\n') + 1)) as AskArtifactBody).engine);
const fromArtifact = createEngine(restored.knowledge, { warmUp: 'none', index: restored.index });
const built = createEngine(validated.knowledge, { warmUp: 'none' });
const questions = validated.knowledge.topics.flatMap((t) => [t.title, ...t.questions, ...t.keywords]);
for (const q of questions) {
  const [expected, got] = [built.ask(q), fromArtifact.ask(q)].map((a) => JSON.stringify(a));
  if (got !== expected) {
    console.error(`an engine read from it answers "${q}" differently`);
    process.exit(1);
  }
}

if (knowledgeHash(knowledgeDir) !== hash) {
  console.error('the knowledge changed during the build');
  process.exit(1);
}
writeFileWhole(file, text);
