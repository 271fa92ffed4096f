import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness';
import * as Y from 'yjs';
import { shouldPublishAwareness } from '../../server/cluster/awareness-relay';
import { Cluster, type ClusterOptions } from '../../server/cluster/cluster';
import { RemotePresence } from '../../server/cluster/remote-presence';
import type { RevokeLinkCommand } from '../../server/cluster/socket-commands';
import type { BoardFeed, SequencedUpdate } from '../../server/cluster/update-bus';
import { recordingLogger } from './logger';
import { waitFor } from './wait';

/**
 * The store as the processes of a test share it: every board's updates by seq, dense, as the
 * store's per-board sequence gives them. The truth the bus reads back from.
 */
export class SharedLog {
  private readonly boards = new Map<string, SequencedUpdate[]>();

  append(board: string, update: Uint8Array): number {
    const rows = this.rows(board);
    rows.push({ seq: rows.length + 1, update });
    return rows.length;
  }

  after(board: string, seq: number): SequencedUpdate[] {
    return this.rows(board).filter((row) => row.seq > seq);
  }

  latest(board: string): number {
    return this.rows(board).length;
  }

  private rows(board: string): SequencedUpdate[] {
    let rows = this.boards.get(board);
    if (!rows) this.boards.set(board, (rows = []));
    return rows;
  }
}

/** Bytes no text framing survives: NUL, bytes that are not UTF-8, every value once. */
export function binaryUpdate(seq: number): Uint8Array {
  const bytes = new Uint8Array(260);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (seq + i) % 256;
  return bytes;
}

/** A board's presence in one process, wired as the room wires it (server/cluster/README.md). */
export interface PresenceRoom {
  /** The room's awareness (what its connections are sent). */
  room: Awareness;
  host: RemotePresence;
  /**
   * A local connection publishes its client's state (checked by the gate in the real room),
   * after `changes` changes (its clock).
   */
  connect(clientId: number, state: Record<string, unknown>, changes?: number): void;
  /** That connection leaves: its state is removed (origin null, as Room.leave does). */
  disconnect(clientId: number): void;
}

export interface TestNode {
  cluster: Cluster;
  delivered: Map<string, SequencedUpdate[]>;
  /** How many times each board was read back from the store. */
  readBacks: Map<string, number>;
  /** The seq each board was loaded at. */
  loadedAt: Map<string, number>;
  revoked: RevokeLinkCommand[];
  open(board: string): Promise<BoardFeed>;
  /** Stores an update as this process (into the shared log), then publishes it. */
  write(board: string): Promise<boolean>;
  presence(board: string): PresenceRoom;
  close(): Promise<void>;
}

/** One "process" of a cluster in this test process: a Cluster and the rooms it feeds. */
export async function startNode(
  name: string,
  redisUrl: string,
  log: SharedLog,
  options: Partial<ClusterOptions> = {},
): Promise<TestNode> {
  const delivered = new Map<string, SequencedUpdate[]>();
  const readBacks = new Map<string, number>();
  const loadedAt = new Map<string, number>();
  const revoked: RevokeLinkCommand[] = [];
  const feeds = new Map<string, BoardFeed>();
  const cluster = await Cluster.start({
    redisUrl,
    logger: recordingLogger(),
    processId: name,
    onRevokeLink: (command) => revoked.push(command),
    ...options,
  });
  await waitFor(() => cluster.reachable, `${name} reaching Redis`);
  const node: TestNode = {
    cluster,
    delivered,
    readBacks,
    loadedAt,
    revoked,
    async open(board) {
      delivered.set(board, []);
      const feed = await cluster.bus.open(board, {
        readBack: async (afterSeq) => {
          readBacks.set(board, (readBacks.get(board) ?? 0) + 1);
          return log.after(board, afterSeq);
        },
        deliver: (update) => delivered.get(board)!.push(update),
      });
      // Read the store after the subscription, as a room's load does.
      const seq = log.latest(board);
      loadedAt.set(board, seq);
      feed.loaded(seq);
      feeds.set(board, feed);
      return feed;
    },
    write(board) {
      const feed = feeds.get(board);
      if (!feed) throw new Error(`${name} has not opened ${board}`);
      const update = binaryUpdate(log.latest(board) + 1);
      return feed.publish(log.append(board, update), update);
    },
    presence: (board) => presenceRoom(cluster, board),
    close: () => cluster.close(),
  };
  return node;
}

function presenceRoom(cluster: Cluster, board: string): PresenceRoom {
  const room = new Awareness(new Y.Doc());
  room.setLocalState(null);
  const local = new Set<number>();
  const host = new RemotePresence(room, (clientId) => local.has(clientId));
  room.on(
    'update',
    (changes: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      if (!shouldPublishAwareness(origin)) return;
      const changed = [...changes.added, ...changes.updated, ...changes.removed];
      void cluster.awareness.publish(board, encodeAwarenessUpdate(room, changed));
    },
  );
  cluster.awareness.attach(board, host);
  const connection = { name: 'a local connection' };
  return {
    room,
    host,
    connect(clientId, state, changes = 1) {
      const doc = new Y.Doc();
      doc.clientID = clientId;
      const client = new Awareness(doc);
      for (let i = 0; i < changes; i++) client.setLocalState({ ...state, change: i });
      local.add(clientId);
      applyAwarenessUpdate(room, encodeAwarenessUpdate(client, [clientId]), connection);
      client.destroy();
      doc.destroy();
    },
    disconnect(clientId) {
      local.delete(clientId);
      removeAwarenessStates(room, [clientId], null);
    },
  };
}
