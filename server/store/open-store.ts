import type { Logger } from '../log';
import { PostgresStore } from './postgres/postgres-store';
import { SqliteStore } from './sqlite-engine';
import { StoreOpenError, type Store, type StoreConfig } from './store';

/**
 * The one place that picks the engine from the configuration: LIENZO_DATABASE_URL unset
 * keeps the embedded SQLite database in LIENZO_DATA_DIR; a `postgres://` URL chooses
 * PostgreSQL (added here, by the PostgreSQL engine). Rejects with StoreOpenError (store.ts)
 * when the store cannot open, for a one-line message at start.
 */
export async function openStore(config: StoreConfig, logger: Logger): Promise<Store> {
  if (config.databaseUrl !== null) {
    const { protocol } = new URL(config.databaseUrl);
    if (protocol === 'postgres:' || protocol === 'postgresql:')
      return PostgresStore.open(config.databaseUrl, { logger });
    throw new StoreOpenError(`LIENZO_DATABASE_URL: no engine for ${protocol}`);
  }
  return SqliteStore.open(config.dataDir, { logger, maxPages: config.sqliteMaxPages ?? null });
}
