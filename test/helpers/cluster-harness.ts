import { createClient } from 'redis';
import { afterEach, beforeEach } from 'vitest';
import { ClusterChannels } from '../../server/cluster/channels';
import { decodeFrame, type Frame } from '../../server/cluster/frames';
import { SharedLog, startNode, type TestNode } from './cluster-node';
import { useRedis, type RedisEngine } from './engines/redis';

export interface ClusterHarness {
  readonly redis: RedisEngine;
  /** The shared store of the current test. */
  readonly log: SharedLog;
  /** A plain Redis client, to publish frames as a broken or foreign process would. */
  readonly raw: ReturnType<typeof createClient>;
  readonly channels: ClusterChannels;
  /** Starts a "process" (closed after the test). */
  node(name: string, options?: Parameters<typeof startNode>[3]): Promise<TestNode>;
  /** Every frame published on `channel` from now on, until `close`. */
  listen(channel: string): Promise<{ frames: Frame[]; close(): Promise<void> }>;
}

/**
 * Processes of a cluster in one test file: one real Redis on loopback for the file (no
 * persistence), and per test a fresh shared log, a raw client, and the nodes it starts.
 */
export function useCluster(): ClusterHarness {
  const redis = useRedis();
  const channels = new ClusterChannels();
  let log = new SharedLog();
  let nodes: TestNode[] = [];
  let raw: ReturnType<typeof createClient> | undefined;
  beforeEach(async () => {
    log = new SharedLog();
    nodes = [];
    raw = createClient({ url: redis.engine.url });
    raw.on('error', () => {});
    await raw.connect();
  });
  afterEach(async () => {
    await Promise.all(nodes.map((node) => node.close()));
    if (raw?.isOpen) await raw.close();
  });
  const client = () => {
    if (!raw) throw new Error('useCluster: no test is running');
    return raw;
  };
  return {
    get redis() {
      return redis.engine;
    },
    get log() {
      return log;
    },
    get raw() {
      return client();
    },
    channels,
    async node(name, options = {}) {
      const started = await startNode(name, redis.engine.url, log, options);
      nodes.push(started);
      return started;
    },
    async listen(channel) {
      const frames: Frame[] = [];
      const listener = client().duplicate();
      listener.on('error', () => {});
      await listener.connect();
      await listener.subscribe(
        channel,
        (message) => {
          const frame = decodeFrame(message);
          if (frame) frames.push(frame);
        },
        true,
      );
      return { frames, close: () => listener.close() };
    },
  };
}
