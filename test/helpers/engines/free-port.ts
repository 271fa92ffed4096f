import { createServer, connect } from 'node:net';

/** The loopback address every engine of the tests listens on. */
export const LOOPBACK = '127.0.0.1';

/**
 * A TCP port of 127.0.0.1 that nothing listens on right now. The OS picks it (bind to 0), so
 * test files running in parallel get different ones; another process could still take it
 * before the engine binds it, which is why the engine helpers retry a failed start with a
 * fresh port.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('the OS gave no port'));
      });
    });
  });
}

/** True when something accepts a TCP connection on the port of 127.0.0.1. */
export function acceptsConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: LOOPBACK, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
