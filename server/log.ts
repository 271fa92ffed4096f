/**
 * The server's logger: the few levels it uses, so tests can pass a quiet or recording one
 * and production can swap in a structured logger without touching the callers.
 */
export interface Logger {
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}

export const consoleLogger: Logger = {
  info: (message, ...details) => console.info(`[lienzo] ${message}`, ...details),
  warn: (message, ...details) => console.warn(`[lienzo] ${message}`, ...details),
  error: (message, ...details) => console.error(`[lienzo] ${message}`, ...details),
};

/** The message of an unknown thrown value, for log lines and close reasons. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
