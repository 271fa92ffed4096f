import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { NON_PAGE_POLICY, SECURITY_HEADERS } from '../http/security-headers';

/** Answers a refused upgrade with a plain HTTP response and closes the socket. */
export function rejectUpgrade(
  socket: Duplex,
  status: number,
  error: string,
  extraHeaders: Readonly<Record<string, string>> = {},
): void {
  const body = JSON.stringify({ error });
  const headers = {
    ...SECURITY_HEADERS,
    'Content-Security-Policy': NON_PAGE_POLICY,
    ...extraHeaders,
    Connection: 'close',
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
  };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.on('error', () => {});
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n${lines.join('')}\r\n${body}`);
}
