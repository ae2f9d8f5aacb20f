import type { SettingsStore } from '../../src/store/settingsStore.ts';
import { openSqliteStore } from '../../src/store/sqliteStore.ts';

/** A real in-memory store whose reads fail with `message`; every other call works. */
export function failingStore(message: string): SettingsStore {
  const store = openSqliteStore(':memory:');
  return new Proxy(store, {
    get(target, property) {
      if (property === 'getGuildSettings') return () => Promise.reject(new Error(message));
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** A real in-memory store whose reads never answer. */
export const silentStore = (): SettingsStore => {
  const store = openSqliteStore(':memory:');
  return new Proxy(store, {
    get(target, property) {
      if (property === 'getGuildSettings') return () => new Promise(() => {});
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
};
