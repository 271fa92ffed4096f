/**
 * How often each process says "I am here, and these are my boards' latest seqs" (ms). One
 * second bounds how long a missed last update goes unnoticed.
 */
export const HEARTBEAT_INTERVAL_MS = 1_000;
/**
 * A process not heard for this long (ms) is gone: its clients' presence is removed
 * everywhere. Five heartbeats, so a busy event loop or a short Redis hiccup does not make
 * cursors blink; a paused (SIGSTOP) or killed process's cursors go within about 5 s.
 */
export const PEER_TIMEOUT_MS = 5_000;

/**
 * The other processes this one hears from, and when it last did. A process that said bye,
 * or has not been heard for PEER_TIMEOUT_MS, is reported gone once; should it speak again it
 * is simply a peer again.
 */
export class PeerWatch {
  private readonly lastHeard = new Map<string, number>();

  constructor(
    private readonly onGone: (processId: string) => void,
    private readonly timeoutMs: number = PEER_TIMEOUT_MS,
  ) {}

  heard(processId: string, now: number = Date.now()): void {
    this.lastHeard.set(processId, now);
  }

  left(processId: string): void {
    if (this.lastHeard.delete(processId)) this.onGone(processId);
  }

  /** Reports every peer silent for longer than the timeout. */
  sweep(now: number = Date.now()): void {
    for (const [processId, at] of this.lastHeard)
      if (now - at > this.timeoutMs) this.left(processId);
  }

  get peers(): string[] {
    return [...this.lastHeard.keys()];
  }
}
