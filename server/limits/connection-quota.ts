import { TokenBucket, type Clock, type RateLimit } from './rate-limiter';

/**
 * What one sync connection may send. Measured against Lienzo's page: a cursor is published at
 * most every 33 ms (~30 a second, components/board-page/use-presence-sync.ts), a follow me
 * leader's view every 50 ms (20 a second, use-follow.ts), selection and editing on each
 * gesture, and a renewal every 15 s (y-protocols): at most ~55 awareness messages a second
 * while panning with the mouse, plus a document update per keystroke or drop.
 */
export interface ConnectionLimits {
  /** Every message (sync, awareness, query); over it the connection is closed with 4429. */
  messages: RateLimit;
  /** Awareness messages that change something; over it they are dropped, the socket kept. */
  awareness: RateLimit;
}

/** 80 a second: half again the ~55 a second a leader panning with the mouse sends. */
export const DEFAULT_AWARENESS_PER_MINUTE = 4_800;
/** 200 a second: the awareness budget with room for typing, dragging and syncing besides. */
export const DEFAULT_MESSAGES_PER_MINUTE = 12_000;
/** A burst of two seconds' worth of awareness: a cursor never waits after a pause. */
const AWARENESS_BURST_SECONDS = 2;
/** A burst of ten seconds' worth of messages: an offline tab's catch-up fits in it. */
const MESSAGE_BURST_SECONDS = 10;
const SECONDS_PER_MINUTE = 60;

function limit(perMinute: number, burstSeconds: number): RateLimit {
  return {
    perMinute,
    burst: Math.max(1, Math.round((perMinute / SECONDS_PER_MINUTE) * burstSeconds)),
  };
}

/** The limits for the configured rates (server/config.ts), bursts derived from them. */
export function connectionLimits(
  awarenessPerMinute = DEFAULT_AWARENESS_PER_MINUTE,
  messagesPerMinute = DEFAULT_MESSAGES_PER_MINUTE,
): ConnectionLimits {
  return {
    messages: limit(messagesPerMinute, MESSAGE_BURST_SECONDS),
    awareness: limit(awarenessPerMinute, AWARENESS_BURST_SECONDS),
  };
}

/**
 * One connection's budgets. A stock y-websocket client sends back every awareness message it
 * receives (its awareness handler forwards changes whatever their origin), so in a workshop
 * of 200 most of what it sends is the others' cursors: those echoes are free, up to the
 * number of awareness messages the server sent it (at most a message burst's worth banked).
 */
export class ConnectionQuota {
  private readonly messages: TokenBucket;
  private readonly awareness: TokenBucket;
  private echoCredit = 0;
  private readonly maxEchoCredit: number;

  constructor(limits: ConnectionLimits, now: Clock = Date.now) {
    this.messages = new TokenBucket(limits.messages, now);
    this.awareness = new TokenBucket(limits.awareness, now);
    this.maxEchoCredit = limits.messages.burst;
  }

  /** A message: false when the connection is over its cap (close it). */
  takeMessage(): boolean {
    return this.messages.take();
  }

  /** An awareness change (also a message, taken separately): false to drop it. */
  takeAwareness(): boolean {
    return this.awareness.take();
  }

  /** An awareness message that changes nothing: free while it can be an echo. */
  takeEcho(): boolean {
    if (this.echoCredit === 0) return this.takeMessage();
    this.echoCredit--;
    return true;
  }

  /** The server sent this connection an awareness message: the client may echo it. */
  sentAwareness(): void {
    if (this.echoCredit < this.maxEchoCredit) this.echoCredit++;
  }
}
