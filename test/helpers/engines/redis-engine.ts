import { mkdtempSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from './engine';
import { LOOPBACK } from './free-port';

const REDIS_SERVER = process.env.LIENZO_REDIS_SERVER ?? 'redis-server';
/** A probe that has no answer after this is talking to a server that is not up (ms). */
const PROBE_TIMEOUT_MS = 1_000;

/** A running Redis (see Engine for stop, start, stopFor, destroy). */
export type RedisEngine = Engine & { url: string };

/** True when a Redis on the port answers PING with PONG. */
function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: LOOPBACK, port });
    const done = (result: boolean) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(PROBE_TIMEOUT_MS, () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (chunk: Buffer) => done(chunk.toString().startsWith('+PONG')));
    socket.once('error', () => done(false));
  });
}

/** A Redis 7 on 127.0.0.1 without persistence (no RDB, no AOF), as the cluster runs it. */
export async function startRedis(): Promise<RedisEngine> {
  const folder = mkdtempSync(join(tmpdir(), 'lienzo-redis-'));
  const engine = await Engine.launch(
    {
      name: 'Redis',
      command: REDIS_SERVER,
      args: (port) => [
        '--port',
        String(port),
        '--bind',
        LOOPBACK,
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        folder,
      ],
      answers,
      signals: { clean: 'SIGTERM', crash: 'SIGKILL' },
    },
    folder,
  );
  return Object.assign(engine, { url: `redis://${LOOPBACK}:${engine.port}` });
}
