// Entry point of an answer-pool worker thread: its own engine over the same knowledge files.
import { workerData } from 'node:worker_threads';
import { createEngine } from '../engine/index.ts';
import { loadKnowledge } from '../kb/load.ts';
import { serveAnswers } from './answerWorkerProtocol.ts';

const { knowledgeDir } = workerData as { knowledgeDir?: string };
serveAnswers(createEngine(knowledgeDir ? loadKnowledge(knowledgeDir) : loadKnowledge()));
