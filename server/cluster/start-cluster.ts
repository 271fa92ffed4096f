import type { Logger } from '../log';
import { isSequenced, StoreOpenError, type Store } from '../store/store';
import { Cluster } from './cluster';
import type { RevokeLinkCommand } from './socket-commands';

/**
 * The digest a revokeLink command carries until regeneration hands over the old token's
 * (SyncServer closes by board and role meanwhile; see server/cluster/README.md).
 */
export const NO_DIGEST = new Uint8Array(0);

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
