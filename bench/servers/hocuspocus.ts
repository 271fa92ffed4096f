/**
 * Hocuspocus 4.7 (@hocuspocus/server): a plain `Server` with its documented defaults and no
 * extension (no persistence, no authentication hook: every token is accepted), in a child
 * process under the bench's control. Its WebSocket server is its own (crossws with the `ws` it
 * bundles); it declares Node >= 22 but runs on Node 20.
 *
 * Hocuspocus does not speak y-websocket's framing: every message starts with the document's
 * name and a connection must authenticate each document first. The URL path is ignored, so
 * the bench clients for this server are bench/lib/hocuspocus-client.ts, which name the board
 * in each message.
 */
import { Server } from '@hocuspocus/server';
import { serveUnderControl } from './control';

await serveUnderControl(async () => {
  const server = new Server({
    port: 0,
    address: '127.0.0.1',
    // No start screen; the bench owns this process's signals (control.ts).
    quiet: true,
    stopOnSignals: false,
  });
  await server.listen();
  return {
    port: server.address.port,
    close: () => server.destroy(),
  };
});
