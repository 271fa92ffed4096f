/**
 * The server's logger: the few levels it uses, so tests can pass a quiet or recording one
 * and production a structured one (observability/json-logger.ts) without touching callers.
 */
export interface Logger {
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
  /**
   * A logger whose every line also carries `bindings` (a board's id, for a room or a
   * connection). Optional: a logger without fields (a test's) is used as it is.
   */
  child?(bindings: LogBindings): Logger;
}

/** Fields a child logger adds to each of its lines. */
export interface LogBindings {
  /** The board the line is about. */
  board?: string;
  /** A private writer's draft room (`<board>.<writer digest>`), for lines about it. */
  draft?: string;
}

/** `logger` with `bindings` on every line, or `logger` itself if it has no fields. */
export function childLogger(logger: Logger, bindings: LogBindings): Logger {
  return logger.child ? logger.child(bindings) : logger;
}

/** Plain console lines: the default of a store or server started without a logger. */
export const consoleLogger: Logger = {
  info: (message, ...details) => console.info(`[lienzo] ${message}`, ...details),
  warn: (message, ...details) => console.warn(`[lienzo] ${message}`, ...details),
  error: (message, ...details) => console.error(`[lienzo] ${message}`, ...details),
};

/** The message of an unknown thrown value, for log lines and close reasons. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
