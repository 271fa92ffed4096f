import type { Logger } from '../log';
import { isSequenced, StoreOpenError, type Store } from '../store/store';
import { Cluster } from './cluster';
import type { RevokeLinkCommand } from './socket-commands';

/**
 * Joins the cluster (LIENZO_REDIS_URL) on a store that numbers its logs: processes learn
 * what the others stored by seq, so a store without one (SQLite) cannot back a cluster.
 */
export async function startCluster(
  redisUrl: string,
  store: Store,
  logger: Logger,
  onRevokeLink: (command: RevokeLinkCommand) => void,
): Promise<Cluster> {
  if (!isSequenced(store))
    throw new StoreOpenError(
      `LIENZO_REDIS_URL needs a store shared by every process (PostgreSQL), not ${store.engine}`,
    );
  return Cluster.start({ redisUrl, logger, onRevokeLink });
}
