// Entry point of an answer-pool worker thread: its own engine over the knowledge the pool hands it.
import { workerData } from 'node:worker_threads';
import type { PreparedTexts } from '../engine/preparedTexts.ts';
import type { Language } from '../kb/load.ts';
import type { KnowledgeBase } from '../kb/schema.ts';

export interface AnswerWorkerData {
  /** Already validated by the main thread (at start or by a reload): the worker does not read files. */
  knowledge?: KnowledgeBase | undefined;
  /** The language files validated with `knowledge`; the worker's engine speaks them. */
  language?: Language | undefined;
  /** The build's prepared texts for `knowledge` and `language` (kb/snapshot.ts), when the main thread has them. */
  prepared?: PreparedTexts | undefined;
  /** Read and validated here when `knowledge` is not given (the repository's folder when unset). */
  knowledgeDir?: string | undefined;
}

const data = (workerData ?? {}) as AnswerWorkerData;
// The engine's modules read the language when they load, so it is installed before they are imported.
if (data.language) {
  const { installLanguage } = await import('../kb/language.ts');
  installLanguage(data.language);
  if (data.knowledge && data.prepared) {
    const { adoptPreparedTexts } = await import('../kb/snapshot.ts');
    adoptPreparedTexts(data.knowledge, data.language, data.prepared);
  }
}
const [{ createEngine }, { loadKnowledge }, { serveAnswers }] = await Promise.all([
  import('../engine/index.ts'),
  import('../kb/load.ts'),
  import('./answerWorkerProtocol.ts'),
]);
serveAnswers(createEngine(data.knowledge ?? loadKnowledge(data.knowledgeDir)));
