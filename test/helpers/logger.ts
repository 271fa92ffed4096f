import type { Logger } from '../../server/log';

/** A logger that keeps its lines for assertions instead of printing them. */
export function recordingLogger(): Logger & { lines: { level: string; message: string }[] } {
  const lines: { level: string; message: string }[] = [];
  const record =
    (level: string) =>
    (message: string, ...details: unknown[]) =>
      lines.push({ level, message: [message, ...details.map(String)].join(' ') });
  return { lines, info: record('info'), warn: record('warn'), error: record('error') };
}
