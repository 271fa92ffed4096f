'use client';
import { useCallback, useEffect, useState } from 'react';
import {
  fetchVersionState,
  listVersions,
  saveVersion,
  type VersionMeta,
} from '@/lib/api/snapshots';

export interface VersionHistory {
  /** Newest first; null while loading or when the server could not be asked. */
  versions: VersionMeta[] | null;
  failed: boolean;
  refresh(): Promise<void>;
  save(name: string): Promise<VersionMeta | null>;
  /** A version's document (Yjs update format v2), or null when it cannot be had. */
  load(version: VersionMeta): Promise<Uint8Array | null>;
}

/** The board's saved versions through the API, refreshed after every save. */
export function useVersionHistory(boardId: string, token: string): VersionHistory {
  const [versions, setVersions] = useState<VersionMeta[] | null>(null);
  const [failed, setFailed] = useState(false);

  const refresh = useCallback(async () => {
    const list = await listVersions(boardId, token);
    setFailed(list === null);
    if (list) setVersions(list);
  }, [boardId, token]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const save = useCallback(
    async (name: string) => {
      const saved = await saveVersion(boardId, token, name);
      await refresh();
      return saved;
    },
    [boardId, token, refresh],
  );

  const load = useCallback(
    (version: VersionMeta) => fetchVersionState(boardId, token, version.id),
    [boardId, token],
  );

  return { versions, failed, refresh, save, load };
}
