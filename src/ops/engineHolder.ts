import type { Engine } from '../engine/index.ts';

export type SwapListener = (next: Engine, previous: Engine) => void;

/**
 * The engine in use, replaced whole on a knowledge reload. A question takes `current()` once and
 * keeps that engine to the end, so a swap never mixes two knowledge versions in one answer.
 * Listeners (metrics, a worker pool that must rebuild its workers) hear about every swap.
 */
export class EngineHolder {
  #engine: Engine;
  readonly #listeners = new Set<SwapListener>();

  constructor(engine: Engine) {
    this.#engine = engine;
  }

  current(): Engine {
    return this.#engine;
  }

  /** The knowledge version of the engine in use (`knowledge/meta.json` version). */
  version(): string {
    return this.#engine.knowledge.meta.version;
  }

  swap(next: Engine): void {
    const previous = this.#engine;
    this.#engine = next;
    for (const listener of this.#listeners) listener(next, previous);
  }

  /** Returns the function that unsubscribes. */
  onSwap(listener: SwapListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
