import { resolve } from 'node:path';
import { DEFAULT_SNAPSHOT_MINUTES } from './history/history-recorder';
import {
  DEFAULT_AWARENESS_PER_MINUTE,
  DEFAULT_MESSAGES_PER_MINUTE,
} from './limits/connection-quota';
import { parseAllowedOrigins } from './sync/origin';

/** A day: longer than any working session, so an interval past it is surely a typo. */
const MAX_SNAPSHOT_MINUTES = 24 * 60;

/**
 * The server's settings, read from the environment once at start. Every problem is reported
 * at once, with the variable's name, so a bad deployment fails before it listens.
 *
 *   PORT                      port to listen on (default 3000; 0 picks a free one)
 *   HOST                      interface to listen on (default 0.0.0.0)
 *   LIENZO_DATA_DIR           folder of the SQLite database (default ./data)
 *   LIENZO_ALLOWED_ORIGINS    comma-separated extra origins allowed to open the sync socket
 *   LIENZO_MAX_MESSAGE_BYTES  largest sync frame accepted (default 2 MiB)
 *   LIENZO_SNAPSHOT_MINUTES   an automatic version of a board after this many minutes of
 *                             activity (default 10; server/history)
 *   LIENZO_AWARENESS_PER_MINUTE  presence changes one connection may send a minute; more are
 *                             dropped (default 4800; server/limits/connection-quota.ts)
 *   LIENZO_MESSAGES_PER_MINUTE   messages one connection may send a minute; more close it
 *                             with 4429 (default 12000)
 */
export interface LienzoConfig {
  port: number;
  host: string;
  /** Absolute path. */
  dataDir: string;
  allowedOrigins: string[];
  maxMessageBytes: number;
  snapshotMinutes: number;
  awarenessPerMinute: number;
  messagesPerMinute: number;
}

export const DEFAULT_PORT = 3000;
export const DEFAULT_HOST = '0.0.0.0';
export const DEFAULT_DATA_DIR = './data';
/**
 * 2 MiB: the largest frame is a sync step 2 carrying a whole board (a client that edited
 * offline sends everything at once). A busy board is tens to a few hundred KiB, so this
 * leaves ample room while bounding what one frame can make the server hold and decode.
 */
export const DEFAULT_MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

const MAX_PORT = 65_535;
/** A per-connection rate beyond a million messages a minute would limit nothing. */
const MAX_PER_MINUTE = 1_000_000;

/** The environment, or any map of variables (tests). */
type Env = Readonly<Record<string, string | undefined>>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function readInteger(
  env: Env,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    problems.push(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
    return fallback;
  }
  return value;
}

export function readConfig(env: Env = process.env, cwd = process.cwd()): LienzoConfig {
  const problems: string[] = [];
  const port = readInteger(env, 'PORT', DEFAULT_PORT, 0, MAX_PORT, problems);
  const maxMessageBytes = readInteger(
    env,
    'LIENZO_MAX_MESSAGE_BYTES',
    DEFAULT_MAX_MESSAGE_BYTES,
    1,
    Number.MAX_SAFE_INTEGER,
    problems,
  );
  const snapshotMinutes = readInteger(
    env,
    'LIENZO_SNAPSHOT_MINUTES',
    DEFAULT_SNAPSHOT_MINUTES,
    1,
    MAX_SNAPSHOT_MINUTES,
    problems,
  );
  const awarenessPerMinute = readInteger(
    env,
    'LIENZO_AWARENESS_PER_MINUTE',
    DEFAULT_AWARENESS_PER_MINUTE,
    1,
    MAX_PER_MINUTE,
    problems,
  );
  const messagesPerMinute = readInteger(
    env,
    'LIENZO_MESSAGES_PER_MINUTE',
    DEFAULT_MESSAGES_PER_MINUTE,
    1,
    MAX_PER_MINUTE,
    problems,
  );
  let allowedOrigins: string[] = [];
  try {
    const entries = (env.LIENZO_ALLOWED_ORIGINS ?? '').split(',').map((entry) => entry.trim());
    allowedOrigins = parseAllowedOrigins(entries.filter((entry) => entry !== ''));
  } catch (error) {
    problems.push(`LIENZO_ALLOWED_ORIGINS: ${(error as Error).message}`);
  }
  if (problems.length > 0)
    throw new ConfigError(`invalid configuration:\n  ${problems.join('\n  ')}`);
  return {
    port,
    host: env.HOST?.trim() || DEFAULT_HOST,
    dataDir: resolve(cwd, env.LIENZO_DATA_DIR?.trim() || DEFAULT_DATA_DIR),
    allowedOrigins,
    maxMessageBytes,
    snapshotMinutes,
    awarenessPerMinute,
    messagesPerMinute,
  };
}
