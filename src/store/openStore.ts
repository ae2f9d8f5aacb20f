import { openPostgresStore } from './postgresStore.ts';
import type { SettingsStore, StoreLogger } from './settingsStore.ts';
import { openSqliteStore } from './sqliteStore.ts';

/** PostgreSQL when DATABASE_URL is set (shared by every process), else the SQLite file. */
export async function openSettingsStore(
  config: { DATABASE_URL?: string | undefined; DATABASE_PATH: string },
  logger: StoreLogger,
): Promise<SettingsStore> {
  if (config.DATABASE_URL) return openPostgresStore(config.DATABASE_URL, { logger });
  return openSqliteStore(config.DATABASE_PATH, { logger });
}
