import { pino, stdTimeFunctions, type DestinationStream, type Logger as Pino } from 'pino';
import type { LogBindings, Logger } from '../log';

/**
 * The production logger: one JSON object a line (pino), readable by any log collector.
 *
 *   {"level":"info","time":"2026-12-04T21:30:00.000Z","pid":4242,"hostname":"web-1",
 *    "board":"k3j…","msg":"board k3j…: editor link regenerated"}
 *
 * Every line has `pid` and `hostname` (which of several processes said it); a line about a
 * board has `board`, set by the child logger of its room or connection (log.ts). The message
 * stays the sentence it always was, so an operator reading the raw stream, or grepping for
 * "had no share links", finds it as before. Details (the callers' extra arguments) go in
 * `detail` (text) and `err` (an Error, with its stack).
 */

/** What LIENZO_LOG_LEVEL may say; the server itself writes info, warn and error lines. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const DEFAULT_LOG_LEVEL: LogLevel = 'info';

export function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}

/** The fields pino gets for a line's extra arguments. */
function fields(details: unknown[]): { err?: Error; detail?: string } {
  const err = details.find((detail): detail is Error => detail instanceof Error);
  const text = details.filter((detail) => !(detail instanceof Error)).map(String);
  return { ...(err ? { err } : {}), ...(text.length > 0 ? { detail: text.join(' ') } : {}) };
}

function wrap(log: Pino): Logger {
  const line =
    (level: 'info' | 'warn' | 'error') =>
    (message: string, ...details: unknown[]): void => {
      if (details.length === 0) log[level](message);
      else log[level](fields(details), message);
    };
  return {
    info: line('info'),
    warn: line('warn'),
    error: line('error'),
    child: (bindings: LogBindings) => wrap(log.child(bindings)),
  };
}

/**
 * A JSON logger at `level`, writing to `destination` (default stdout, written synchronously:
 * the server logs a few lines a minute, and the line before a crash's exit must not be lost).
 */
export function createJsonLogger(
  level: LogLevel = DEFAULT_LOG_LEVEL,
  destination: DestinationStream = pino.destination({ dest: 1, sync: true }),
): Logger {
  return wrap(
    pino(
      {
        level,
        timestamp: stdTimeFunctions.isoTime,
        // "level":"warn" rather than pino's number: readable without a lookup table.
        formatters: { level: (label) => ({ level: label }) },
      },
      destination,
    ),
  );
}
