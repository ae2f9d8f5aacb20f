// Entry point of an answer-pool worker thread: its own engine over the same knowledge files.
import { workerData } from 'node:worker_threads';
import { createEngine } from '../engine/index.ts';
import { loadKnowledge } from '../kb/load.ts';
import type { KnowledgeBase } from '../kb/schema.ts';
import { serveAnswers } from './answerWorkerProtocol.ts';

const { knowledgeDir, knowledge } = workerData as { knowledgeDir?: string; knowledge?: KnowledgeBase };
// After a reload the pool passes the knowledge it validated; at start the worker reads the folder.
serveAnswers(createEngine(knowledge ?? (knowledgeDir ? loadKnowledge(knowledgeDir) : loadKnowledge())));
