/**
 * The reference server: @y/websocket-server 0.1.1's connection handler (`setupWSConnection`
 * from its utils), as its own bin wires it, without persistence (YPERSISTENCE unset), in a
 * child process under the bench's control. Rooms are served at /sync/<boardId> like ours, so
 * the same clients talk to both. Any board id is accepted: the reference creates a document
 * on first use and has no API.
 *
 * One difference from its bin: the WebSocketServer is the project's ws 8 (the package's own
 * bin pins ws 6), so both servers use the same socket library and only the sync code differs.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';
import { serveUnderControl } from './control';

const SYNC_PREFIX = '/sync/';

await serveUnderControl(async () => {
  const wss = new WebSocketServer({ noServer: true });
  const server = createServer((_request, response) => {
    response.writeHead(404).end();
  });
  server.on('upgrade', (request, socket, head) => {
    const pathname = new URL(request.url ?? '/', 'http://upgrade.invalid').pathname;
    if (!pathname.startsWith(SYNC_PREFIX)) {
      socket.destroy();
      return;
    }
    const docName = pathname.slice(SYNC_PREFIX.length);
    wss.handleUpgrade(request, socket, head, (ws) => setupWSConnection(ws, request, { docName }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
});
