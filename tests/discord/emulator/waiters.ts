import { EventEmitter } from 'node:events';

/**
 * Level-triggered waiting: every state change pings `changed`, and each waiter re-runs its check.
 * This avoids the race where the bot answers before the test starts waiting.
 */
export class ChangeSignal {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  notify(): void {
    this.emitter.emit('change');
  }

  /** Resolves with the first non-undefined result of `check`; rejects if `check` throws or on timeout. */
  waitFor<T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const finish = (): void => {
        clearTimeout(timer);
        this.emitter.off('change', onChange);
      };
      const onChange = (): void => {
        let result: T | undefined;
        try {
          result = check();
        } catch (error) {
          finish();
          reject(error);
          return;
        }
        if (result !== undefined) {
          finish();
          resolve(result);
        }
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`DiscordEmulator: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      this.emitter.on('change', onChange);
      onChange();
    });
  }
}
