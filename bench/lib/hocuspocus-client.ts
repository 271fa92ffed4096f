/**
 * A minimal Hocuspocus client: what @hocuspocus/provider (packages/provider/src, 4.x) puts on
 * the wire, for one document over one socket, with nothing else (no reconnect, no batching, no
 * stateless messages). The provider is not a dependency of Lienzo; this is the few frames the
 * bench needs, built from lib0 and y-protocols as the provider builds them.
 *
 * Every frame is varString(document name), varUint(message type), then the payload, which for
 * sync and awareness messages is y-websocket's. On open the provider sends an authentication
 * message (Auth, Token, varString(token)) and its sync step 1 at once, without waiting for the
 * answer: the server queues what comes before authentication. The server answers step 1 with
 * its step 2 and its own step 1, and acknowledges each update with a SyncStatus message.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { benchPresence } from './presence';

/** Hocuspocus' message types (@hocuspocus/server src/types.ts MessageType). */
const MESSAGE = {
  sync: 0,
  awareness: 1,
  auth: 2,
} as const;

/** @hocuspocus/common AuthMessageType: the client's message carries a token. */
const AUTH_TOKEN = 0;

/** Hocuspocus without an onAuthenticate hook accepts any token; the provider sends "" then. */
const NO_TOKEN = '';

export interface HocuspocusClientOptions {
  /** Whether the client publishes a presence (awareness) state, as a provider does. */
  presence: boolean;
}

export class HocuspocusClient {
  readonly socket: WebSocket;
  readonly awareness: awarenessProtocol.Awareness | null;
  /** True once the server's sync step 2 arrived, as the provider's `synced`. */
  synced = false;

  constructor(
    url: string,
    private readonly name: string,
    readonly doc: Y.Doc,
    { presence }: HocuspocusClientOptions,
  ) {
    this.awareness = presence ? new awarenessProtocol.Awareness(doc) : null;
    this.awareness?.setLocalState(benchPresence(doc));
    this.socket = new WebSocket(url);
    this.socket.binaryType = 'arraybuffer';
    this.socket.on('open', this.onOpen);
    this.socket.on('message', this.onMessage);
    // A refused or dropped connection shows as `synced` never becoming true.
    this.socket.on('error', () => {});
    doc.on('update', this.onDocUpdate);
    this.awareness?.on('update', this.onAwarenessUpdate);
  }

  destroy(): void {
    this.doc.off('update', this.onDocUpdate);
    if (this.awareness) {
      this.awareness.off('update', this.onAwarenessUpdate);
      this.awareness.destroy();
    }
    this.socket.close();
  }

  /** A frame addressed to this client's document: its name, its type, then `write`. */
  private send(type: number, write: (encoder: encoding.Encoder) => void): void {
    if (this.socket.readyState !== WebSocket.OPEN) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, this.name);
    encoding.writeVarUint(encoder, type);
    write(encoder);
    this.socket.send(encoding.toUint8Array(encoder));
  }

  private readonly onOpen = (): void => {
    this.send(MESSAGE.auth, (encoder) => {
      encoding.writeVarUint(encoder, AUTH_TOKEN);
      encoding.writeVarString(encoder, NO_TOKEN);
    });
    this.send(MESSAGE.sync, (encoder) => syncProtocol.writeSyncStep1(encoder, this.doc));
    if (this.awareness?.getLocalState()) this.sendAwareness([this.doc.clientID]);
  };

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this) return;
    this.send(MESSAGE.sync, (encoder) => syncProtocol.writeUpdate(encoder, update));
  };

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (origin === this) return;
    this.sendAwareness([...added, ...updated, ...removed]);
  };

  private sendAwareness(clients: number[]): void {
    const { awareness } = this;
    if (!awareness) return;
    this.send(MESSAGE.awareness, (encoder) =>
      encoding.writeVarUint8Array(
        encoder,
        awarenessProtocol.encodeAwarenessUpdate(awareness, clients),
      ),
    );
  }

  private readonly onMessage = (data: ArrayBuffer): void => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    // The server answers in the name it was addressed with: this client's only document.
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE.sync: {
        // A step 1 from the server is answered with a step 2, as the provider does.
        const reply = encoding.createEncoder();
        const syncType = syncProtocol.readSyncMessage(decoder, reply, this.doc, this);
        if (encoding.length(reply) > 0)
          this.send(MESSAGE.sync, (encoder) =>
            encoding.writeUint8Array(encoder, encoding.toUint8Array(reply)),
          );
        if (syncType === syncProtocol.messageYjsSyncStep2) this.synced = true;
        break;
      }
      case MESSAGE.awareness:
        if (this.awareness)
          awarenessProtocol.applyAwarenessUpdate(
            this.awareness,
            decoding.readVarUint8Array(decoder),
            this,
          );
        break;
      // "Authenticated" (a refusal shows as `synced` never becoming true), acknowledgements
      // of our updates, the server closing the document: nothing to do.
      default:
        break;
    }
  };
}
