import { type FSWatcher, watch } from 'node:fs';
import type { Logger } from 'pino';
import type { Engine } from '../engine/index.ts';
import { KnowledgeError } from '../kb/load.ts';
import type { EngineHolder } from './engineHolder.ts';

export type ReloadResult =
  | { ok: true; version: string; previousVersion: string; ms: number }
  /** The old knowledge keeps serving; `version` is the one still in use. */
  | { ok: false; version: string; file: string; field: string; problem: string };

export interface KnowledgeReloaderOptions {
  holder: EngineHolder;
  /** Reads, validates and indexes the knowledge files; throws on a broken file. */
  buildEngine: () => Engine;
  logger: Logger;
  onReloaded?: (result: ReloadResult) => void;
}

/**
 * Re-reads the knowledge and swaps the engine only when the new one is complete: a broken edit
 * leaves the old knowledge serving (unlike clearing first and loading after, which leaves nothing).
 */
export function createKnowledgeReloader(options: KnowledgeReloaderOptions): () => ReloadResult {
  const { holder, buildEngine, logger } = options;
  return () => {
    const previousVersion = holder.version();
    const started = performance.now();
    let result: ReloadResult;
    try {
      const next = buildEngine();
      holder.swap(next);
      result = {
        ok: true,
        version: holder.version(),
        previousVersion,
        ms: Math.round(performance.now() - started),
      };
      logger.info(
        { event: 'knowledge-reload', version: result.version, previousVersion, ms: result.ms },
        'knowledge reloaded',
      );
    } catch (error) {
      const known = error instanceof KnowledgeError;
      result = {
        ok: false,
        version: previousVersion,
        file: known ? error.file : '',
        field: known ? error.field : '',
        problem: known ? error.problem : String((error as Error)?.message ?? error),
      };
      logger.error(
        {
          event: 'knowledge-reload-failed',
          file: result.file,
          field: result.field,
          problem: result.problem,
          keptVersion: previousVersion,
          ...(known ? {} : { err: error }),
        },
        `knowledge reload failed, still serving version ${previousVersion}: ${known ? error.message : result.problem}`,
      );
    }
    options.onReloaded?.(result);
    return result;
  };
}

/**
 * Calls `onChange` once a burst of changes under `dir` has settled: editors and `git checkout`
 * write several files, or one file in several steps, and one reload should see them all.
 */
export function watchKnowledgeDir(
  dir: string,
  onChange: () => void,
  options: { debounceMs?: number; onError?: (error: Error) => void } = {},
): { close(): void } {
  const debounceMs = options.debounceMs ?? 300;
  let timer: NodeJS.Timeout | undefined;
  const watcher: FSWatcher = watch(dir, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  });
  // The folder can vanish (a checkout replacing it): report it, do not crash the bot.
  watcher.on('error', (error) => options.onError?.(error));
  return {
    close() {
      clearTimeout(timer);
      watcher.close();
    },
  };
}
