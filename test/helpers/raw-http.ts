import { connect } from 'node:net';

export interface RawAnswer {
  /** Everything the server sent before it closed the connection. */
  text: string;
  /** The status of the first response line; null when the server sent nothing. */
  status: number | null;
  /** Milliseconds from the first byte written to the connection's close. */
  closedAfterMs: number;
}

/**
 * Writes `head` on a plain TCP connection, then `trickle` one byte every `byteIntervalMs`
 * (a slow or hostile client), and resolves with what the server answered once it closes.
 * Gives up after `giveUpMs` and reports what it saw so far.
 */
export function rawRequest(
  url: string,
  head: string,
  options: { trickle?: string; byteIntervalMs?: number; giveUpMs?: number } = {},
): Promise<RawAnswer> {
  const { port, hostname } = new URL(url);
  const { trickle = '', byteIntervalMs = 1_000, giveUpMs = 10_000 } = options;
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    const started = Date.now();
    let text = '';
    let sent = 0;
    let timer: NodeJS.Timeout | undefined;
    const finish = () => {
      clearInterval(timer);
      clearTimeout(giveUp);
      socket.destroy();
      const status = /^HTTP\/1\.1 (\d{3})/.exec(text)?.[1];
      resolve({
        text,
        status: status ? Number(status) : null,
        closedAfterMs: Date.now() - started,
      });
    };
    const giveUp = setTimeout(finish, giveUpMs);
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('close', finish);
    socket.on('error', () => {});
    socket.on('connect', () => {
      socket.write(head);
      timer = setInterval(() => {
        if (sent < trickle.length && socket.writable) socket.write(trickle[sent++]!);
      }, byteIntervalMs);
    });
  });
}
