import { randomBytes } from 'node:crypto';
import type { BoardId } from '../../lib/model';
import type { Store, StoredVersion, StoredVersionMeta, VersionKind } from '../store/store';

/**
 * Named versions of a board (the History tab): each one the whole document at a moment, in
 * Yjs update format v2 (Y.encodeStateAsUpdateV2), kept by the store apart from the board's
 * update log so that compaction never touches them (Store.addVersion). This file gives them
 * their ids and the policy of how many automatic ones are kept.
 */

export { VERSION_KINDS as SNAPSHOT_KINDS } from '../store/store';
export type SnapshotKind = VersionKind;

/**
 * Automatic versions kept per board; older ones are deleted as new ones are taken. Manual
 * versions are never deleted: someone named them on purpose.
 */
export const MAX_AUTO_SNAPSHOTS = 50;

/** What the list shows of a version. */
export type SnapshotMeta = StoredVersionMeta;
export type Snapshot = StoredVersion;

const SNAPSHOT_ID_PATTERN = /^snap_[A-Za-z0-9_-]{16}$/;

export function isSnapshotId(value: string): boolean {
  return SNAPSHOT_ID_PATTERN.test(value);
}

function newSnapshotId(): string {
  return `snap_${randomBytes(12).toString('base64url')}`;
}

/** A board's versions, over the store. */
export class SnapshotStore {
  constructor(private readonly store: Pick<Store, 'addVersion' | 'listVersions' | 'getVersion'>) {}

  /** Stores a version (and, for an automatic one, drops the oldest automatic ones). */
  async add(
    board: BoardId,
    input: { name: string; kind: SnapshotKind; state: Uint8Array; createdAt?: number },
  ): Promise<SnapshotMeta> {
    const meta: SnapshotMeta = {
      id: newSnapshotId(),
      name: input.name,
      kind: input.kind,
      createdAt: input.createdAt ?? Date.now(),
    };
    await this.store.addVersion(board, { ...meta, state: input.state }, MAX_AUTO_SNAPSHOTS);
    return meta;
  }

  /** A board's versions, newest first. */
  list(board: BoardId): Promise<SnapshotMeta[]> {
    return this.store.listVersions(board);
  }

  get(board: BoardId, id: string): Promise<Snapshot | null> {
    return this.store.getVersion(board, id);
  }
}
