import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CreateEngineOptions, Engine } from '../engine/index.ts';
import type { SerializedIndex } from '../engine/indexArtifact.ts';
import { installLanguage } from '../kb/language.ts';
import type { Language } from '../kb/load.ts';
import { knowledgeHash } from '../knowledgeHash.ts';

/**
 * The one-question CLI's engine artifact: `npm run build` validates the knowledge, builds the
 * engine's indexes once and writes them with the knowledge and language files as JSON
 * (dist/cli/ask.engine.json, src/cli/writeAskArtifact.ts). `npm run ask` reads that file instead of
 * building the indexes, in the same process. It is used only while every file of the knowledge
 * folder it answers from (knowledge/ or KNOWLEDGE_DIR) has the content it was built from;
 * otherwise the CLI validates and builds as before, with identical answers.
 *
 * The file is a header line ({@link AskArtifactHeader}) and the body, so that a stale artifact
 * costs a hash of the knowledge folder and not the parse of the whole file.
 */

/** Changes whenever the file's shape does, so that an older artifact is never read as a newer one. */
export const ASK_ARTIFACT_FORMAT = 1;

/** Set to `off` to always validate and build (benchmarks, tests, suspicion of the artifact). */
export const ASK_ARTIFACT_SWITCH = 'K2_ASK_ARTIFACT';

/** Beside the compiled CLI: dist/cli/ask.engine.json. From src/ (tsx) there is none: it validates. */
export function askArtifactFile(cliDir: string): string {
  return join(cliDir, 'ask.engine.json');
}

export interface AskArtifactHeader {
  format: number;
  /** {@link knowledgeHash} of the knowledge folder it was built from. */
  knowledgeHash: string;
}

export interface AskArtifactBody {
  language: Language;
  /** The knowledge and its indexes (engine/indexArtifact.ts). */
  engine: SerializedIndex;
}

/** The file's text: the header line, then the body. */
export function askArtifactText(header: AskArtifactHeader, body: AskArtifactBody): string {
  return `${JSON.stringify(header)}\n${JSON.stringify(body)}\n`;
}

export type AskArtifactRead = { usable: true; body: AskArtifactBody } | { usable: false; reason: string };

/** The artifact at `file` if it may answer for `knowledgeDir`, otherwise the reason. */
export function readAskArtifact(file: string, knowledgeDir: string, env: NodeJS.ProcessEnv): AskArtifactRead {
  const no = (reason: string): AskArtifactRead => ({ usable: false, reason });
  if (env[ASK_ARTIFACT_SWITCH] === 'off') return no(`${ASK_ARTIFACT_SWITCH}=off`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return no('no engine artifact was built');
  }
  const headerEnd = text.indexOf('\n');
  let header: AskArtifactHeader;
  try {
    header = JSON.parse(text.slice(0, headerEnd));
  } catch {
    return no('the engine artifact is damaged');
  }
  if (header?.format !== ASK_ARTIFACT_FORMAT) return no('the engine artifact is of another format');
  try {
    if (knowledgeHash(knowledgeDir) !== header.knowledgeHash)
      return no('the knowledge changed since the build');
  } catch {
    // An unreadable folder: validation names the file.
    return no('the knowledge folder cannot be read');
  }
  try {
    return { usable: true, body: JSON.parse(text.slice(headerEnd + 1)) };
  } catch {
    return no('the engine artifact is damaged');
  }
}

/**
 * Reads the engine of an artifact's knowledge back; the function it resolves to builds the engine
 * over the restored indexes (with the options askCommand chooses). Installs the artifact's language
 * first: the engine's modules read it as they load, so they are imported only now. Rejects when the
 * body is not an artifact's, before anything is answered, so that the caller can still validate.
 */
export async function restoreArtifactEngine(
  body: AskArtifactBody,
): Promise<(options?: CreateEngineOptions) => Engine> {
  if (!installLanguage(body.language)) throw new Error('this thread already speaks another language');
  const [{ createEngine }, { restoreIndex }] = await Promise.all([
    import('../engine/index.ts'),
    import('../engine/indexArtifact.ts'),
  ]);
  const { knowledge, index } = restoreIndex(body.engine);
  return (options) => createEngine(knowledge, { ...options, index });
}
