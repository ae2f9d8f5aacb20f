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
// The engine's modules read the language when they load, so it is installed before they are
// imported. What the main thread validated is taken as it is: the worker loads kb/load.ts, and with
// it zod (about 5 MB of heap and 0.1-0.2 s of CPU per thread), only when it reads files itself.
const loader = data.knowledge && data.language ? undefined : await import('../kb/load.ts');
const { installLanguage } = await import('../kb/language.ts');
const language = data.language ?? loader?.loadLanguage();
if (language) installLanguage(language);
const knowledge = data.knowledge ?? loader?.loadKnowledge(data.knowledgeDir);
if (!knowledge || !language) throw new Error('an answer worker needs knowledge or a knowledge folder');
if (data.knowledge && data.prepared) {
  const { adoptPreparedTexts } = await import('../kb/snapshot.ts');
  adoptPreparedTexts(knowledge, language, data.prepared);
}
const [{ createEngine }, { serveAnswers }] = await Promise.all([
  import('../engine/index.ts'),
  import('./answerWorkerProtocol.ts'),
]);
serveAnswers(createEngine(knowledge));
