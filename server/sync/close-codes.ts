/**
 * WebSocket close codes the sync server sends (RFC 6455 §7.4.1), and the error a message
 * handler throws to close its connection (only that one) with one of them.
 */
export const CLOSE = {
  /** The server is shutting down. */
  goingAway: 1001,
  /** A text frame, or a message type this server does not speak. */
  unsupportedData: 1003,
  /** A message of a known type whose content cannot be decoded or applied. */
  invalidPayload: 1007,
  /** A message bigger than the configured maximum (ws sends it itself for maxPayload). */
  messageTooBig: 1009,
  /** The server could not do its part: the board did not load or an update was not stored. */
  internalError: 1011,
} as const;

export type CloseCode = (typeof CLOSE)[keyof typeof CLOSE];

/** Thrown while handling a message: closes that connection with `code`, the message as reason. */
export class ConnectionError extends Error {
  override name = 'ConnectionError';

  constructor(
    readonly code: CloseCode,
    message: string,
  ) {
    super(message);
  }
}

/** Close reasons are limited to 123 bytes by the protocol; longer ones make ws throw. */
const MAX_CLOSE_REASON_BYTES = 123;

export function closeReason(text: string): string {
  let reason = text;
  while (Buffer.byteLength(reason) > MAX_CLOSE_REASON_BYTES) reason = reason.slice(0, -1);
  return reason;
}
